#pragma once
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "enginetypes.h"

namespace csm {
class Generator;
} // namespace csm

// Lives on the one long-lived engine thread (JobService owns that thread) and does all engine/torch
// work there: loading and caching the generator (with its Mimi codec), generating samples, exporting models and
// archives. Its functions are called through queued invocations only; results leave as signals,
// which Qt queues back to the GUI thread. Progress is throttled to a few signals per second.
class EngineWorker : public QObject
{
    Q_OBJECT

public:
    using CancelFlag = std::shared_ptr<std::atomic_bool>;

    explicit EngineWorker(QObject *parent = nullptr);
    ~EngineWorker() override;

    // Each runs one job to its end and emits finished() exactly once.
    void generateSample(int jobId, const GenerateRequest &request, const CancelFlag &cancel);
    void exportModel(int jobId, const ExportRequest &request, const CancelFlag &cancel);
    void exportArchive(int jobId, const QString &libraryFolder, int speakerId, const QString &archivePath,
                       const CancelFlag &cancel);
    void importArchive(int jobId, const QString &libraryFolder, const QString &archivePath, bool replace,
                       const CancelFlag &cancel);
    // Frees the cached model (settings changed, or before the thread ends).
    void releaseModels();

    // Minimum time between two progress signals of a job.
    static constexpr int kProgressIntervalMs = 100;

Q_SIGNALS:
    void started(int jobId);
    void progress(const JobProgress &progress);
    void sampleGenerated(const GeneratedSample &sample);
    void modelExported(const ExportResult &result);
    void archiveImported(int jobId, int speakerId);
    void finished(int jobId, int status, const QString &message);  // status: JobOutcome::Status

private:
    const csm::Generator &generator(const GenerateRequest &request);

    std::unique_ptr<csm::Generator> m_generator;
    QString m_generatorKey;
};
