#pragma once
#include <QUndoCommand>

class LibraryService;

// Undo entry for "Delete voice". The caller moves the profile to the library's trash first (so a
// failure is shown and nothing is pushed); undo restores it from the trash, redo trashes it again.
class DeleteProfileCommand : public QUndoCommand
{
public:
    DeleteProfileCommand(LibraryService *library, int speakerId, const QString &name);

    void redo() override;
    void undo() override;
    QString error() const { return m_error; }  // of the last undo/redo, empty when it worked

private:
    LibraryService *m_library;
    int m_speakerId;
    bool m_alreadyDone = true;  // QUndoStack::push calls redo() once; the delete already happened
    QString m_error;
};
