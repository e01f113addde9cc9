#pragma once
#include <QMessageBox>

// Shows an error without blocking: the window stays usable (and tests never hang on a modal box).
// The box deletes itself when closed; its object name lets tests find it.
inline QMessageBox *showError(QWidget *parent, const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Close, parent);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
    return box;
}
