#include <QApplication>

#include "mainwindow.h"

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("CSM Studio"));
    QApplication::setOrganizationName(QStringLiteral("CSM Studio"));
    MainWindow window;
    window.show();
    return app.exec();
}
