#include "deleteprofilecommand.h"

#include <QCoreApplication>

#include "libraryservice.h"

DeleteProfileCommand::DeleteProfileCommand(LibraryService *library, int speakerId, const QString &name)
    : QUndoCommand(QCoreApplication::translate("DeleteProfileCommand", "Delete voice “%1”").arg(name))
    , m_library(library)
    , m_speakerId(speakerId)
{
}

void DeleteProfileCommand::redo()
{
    m_error.clear();
    if (m_alreadyDone) {
        m_alreadyDone = false;
        return;
    }
    m_library->remove(m_speakerId, &m_error);
}

void DeleteProfileCommand::undo()
{
    m_error.clear();
    m_library->restore(m_speakerId, &m_error);
}
