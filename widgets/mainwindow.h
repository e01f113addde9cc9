#pragma once
#include <QMainWindow>

// The studio's main window. Pages (Record, Train, Library, Compare) plug in as their issues land.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
};
