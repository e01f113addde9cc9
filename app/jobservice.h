#pragma once
#include <QHash>
#include <QObject>
#include <QThread>

#include "engineworker.h"
#include "enginetypes.h"

// The GUI's door to the engine: owns the one long-lived engine thread and its EngineWorker, queues
// jobs onto it (they run one after another, in order) and relays the worker's signals, which arrive
// here queued on the GUI thread. Every job can be cancelled, queued or running.
//
//   JobService jobs;
//   connect(&jobs, &JobService::sampleGenerated, this, &Page::showSample);
//   const int id = jobs.generateSample(request);
//   jobs.cancel(id);
class JobService : public QObject
{
    Q_OBJECT

public:
    explicit JobService(QObject *parent = nullptr);
    ~JobService() override;  // cancels what is left and joins the thread

    int generateSample(const GenerateRequest &request, const QString &title = QString());
    int exportModel(const ExportRequest &request);
    int exportArchive(const QString &libraryFolder, int speakerId, const QString &archivePath);
    int importArchive(const QString &libraryFolder, const QString &archivePath, bool replace = false);
    // Drops the cached model on the engine thread (e.g. after the device setting changed).
    void releaseModels();

    void cancel(int jobId);
    void cancelAll();
    bool isBusy() const { return !m_jobs.isEmpty(); }
    int runningJob() const { return m_running; }  // 0 when none
    int pendingJobs() const { return int(m_jobs.size()); }
    QString title(int jobId) const { return m_jobs.value(jobId).title; }
    QThread *engineThread() const { return m_thread; }

Q_SIGNALS:
    void jobQueued(const JobInfo &job);
    void jobStarted(const JobInfo &job);
    void jobProgress(const JobProgress &progress);
    void jobFinished(const JobOutcome &outcome);
    void sampleGenerated(const GeneratedSample &sample);
    void modelExported(const ExportResult &result);
    void archiveImported(int jobId, int speakerId);
    void busyChanged(bool busy);

private:
    struct Job {
        QString title;
        EngineWorker::CancelFlag cancel;
    };
    int enqueue(const QString &title, EngineWorker::CancelFlag *flag);
    void onStarted(int jobId);
    void onFinished(int jobId, int status, const QString &message);

    QThread *m_thread;
    EngineWorker *m_worker;
    QHash<int, Job> m_jobs;
    int m_nextId = 1;
    int m_running = 0;
};
