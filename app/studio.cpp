#include "studio.h"

Studio::Studio(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(settingsFile)
    , m_library(m_settings.effectiveLibraryFolder())
{
    // Generated and imported voices change the library: refresh its views.
    connect(&m_jobs, &JobService::sampleGenerated, &m_library, &LibraryService::notifyChanged);
    connect(&m_jobs, &JobService::archiveImported, &m_library, &LibraryService::notifyChanged);
}

void Studio::applySettings()
{
    m_library.setRoot(m_settings.effectiveLibraryFolder());
    m_jobs.releaseModels();
}
