#pragma once
#include <QByteArray>
#include <QSettings>
#include <QString>

#include "settingvalue.h"

// The studio's settings, typed. One instance per process (owned by Studio); widgets read and write
// these members instead of raw QSettings keys.
//
// Storage: <AppConfigLocation>/csm-studio.ini, so QStandardPaths::setTestModeEnabled(true) puts a
// test's settings under ~/.qttest and never touches the user's.
class AppSettings
{
public:
    // `fileName` empty: the standard location above.
    explicit AppSettings(const QString &fileName = QString());

    QString fileName() const { return m_store.fileName(); }
    void sync() { m_store.sync(); }

    // Where voice profiles live; empty = the engine's default ($CSM_LIBRARY or XDG data folder).
    SettingValue<QString> libraryFolder;
    // The base CSM-1B folder used for new profiles, for tokenizer.json when a profile's model has
    // none, and as the export dialog's default source.
    SettingValue<QString> baseModelFolder;
    SettingValue<QString> device;    // "cpu" or "cuda"
    SettingValue<QString> language;  // "" = system, else "en", "de", "fr"
    SettingValue<QByteArray> windowGeometry;
    SettingValue<QByteArray> windowState;
    SettingValue<int> currentPage;
    SettingValue<QByteArray> librarySplitterState;
    SettingValue<QString> lastArchiveFolder;
    SettingValue<QString> raterName;

    // The library folder to use: the setting, else the engine's default.
    QString effectiveLibraryFolder() const;
    static QString defaultFileName();
    // The engine's default library ($CSM_LIBRARY, else the XDG data folder).
    static QString defaultLibraryFolder();

private:
    QSettings m_store;
};
