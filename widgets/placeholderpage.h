#pragma once
#include <QWidget>

// A page whose feature lands with a later issue (Record, Train): says so plainly.
class PlaceholderPage : public QWidget
{
    Q_OBJECT

public:
    PlaceholderPage(const QString &title, const QString &explanation, QWidget *parent = nullptr);
};
