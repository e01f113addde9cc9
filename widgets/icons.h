#pragma once
#include <QIcon>
#include <QString>

// The theme's icon when the desktop has one (follows the system theme), else our symbolic SVG
// from resources/icons.
inline QIcon studioIcon(const QString &themeName, const QString &fallback)
{
    return QIcon::fromTheme(themeName, QIcon(QStringLiteral(":/icons/%1.svg").arg(fallback)));
}
