#include "appsettings.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include "csm/profiles/profile_library.h"

QString AppSettings::defaultFileName()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    return dir + QStringLiteral("/csm-studio.ini");
}

AppSettings::AppSettings(const QString &fileName)
    : libraryFolder(&m_store, QStringLiteral("library/folder"))
    , baseModelFolder(&m_store, QStringLiteral("models/baseFolder"))
    , device(&m_store, QStringLiteral("engine/device"), QStringLiteral("cpu"))
    , language(&m_store, QStringLiteral("ui/language"))
    , windowGeometry(&m_store, QStringLiteral("ui/windowGeometry"))
    , windowState(&m_store, QStringLiteral("ui/windowState"))
    , currentPage(&m_store, QStringLiteral("ui/currentPage"), 2)
    , librarySplitterState(&m_store, QStringLiteral("ui/librarySplitter"))
    , lastArchiveFolder(&m_store, QStringLiteral("library/lastArchiveFolder"))
    , raterName(&m_store, QStringLiteral("compare/raterName"))
    , m_store(fileName.isEmpty() ? defaultFileName() : fileName, QSettings::IniFormat)
{
}

QString AppSettings::effectiveLibraryFolder() const
{
    const QString folder = libraryFolder.get();
    if (!folder.isEmpty())
        return QDir::cleanPath(folder);
    return defaultLibraryFolder();
}

QString AppSettings::defaultLibraryFolder()
{
    return QFile::decodeName(csm::default_library_path().c_str());
}
