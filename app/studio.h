#pragma once
#include <QObject>

#include "appsettings.h"
#include "audioplayer.h"
#include "jobservice.h"
#include "libraryservice.h"

// The application's services, made once in main() (or a test) and handed to the main window:
// settings, the library, the engine thread's jobs and audio playback.
class Studio : public QObject
{
    Q_OBJECT

public:
    // `settingsFile` empty: the standard location (test mode honoured).
    explicit Studio(const QString &settingsFile = QString(), QObject *parent = nullptr);

    AppSettings &settings() { return m_settings; }
    LibraryService &library() { return m_library; }
    JobService &jobs() { return m_jobs; }
    AudioPlayer &player() { return m_player; }

    // Applies the settings' library folder to the library service.
    void applySettings();

private:
    AppSettings m_settings;
    LibraryService m_library;
    JobService m_jobs;
    AudioPlayer m_player;
};
