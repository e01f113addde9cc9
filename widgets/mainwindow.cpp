#include "mainwindow.h"

#include <QLabel>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("CSM Studio"));
    auto *welcome = new QLabel(tr("CSM Studio — fine-tune Sesame CSM-1B on your own voice."), this);
    welcome->setAlignment(Qt::AlignCenter);
    setCentralWidget(welcome);
    resize(960, 640);
}
