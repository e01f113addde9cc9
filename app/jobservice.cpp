#include "jobservice.h"

#include <QFileInfo>

JobService::JobService(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new EngineWorker)
{
    registerEngineTypes();
    m_thread->setObjectName(QStringLiteral("csm-engine"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Worker -> service: queued, since the worker lives on the engine thread.
    connect(m_worker, &EngineWorker::started, this, &JobService::onStarted);
    connect(m_worker, &EngineWorker::finished, this, &JobService::onFinished);
    connect(m_worker, &EngineWorker::progress, this, [this](const JobProgress &p) {
        if (m_jobs.contains(p.jobId))
            Q_EMIT jobProgress(p);
    });
    connect(m_worker, &EngineWorker::sampleGenerated, this, &JobService::sampleGenerated);
    connect(m_worker, &EngineWorker::modelExported, this, &JobService::modelExported);
    connect(m_worker, &EngineWorker::archiveImported, this, &JobService::archiveImported);
    // Below normal, so torch's busy thread never starves the GUI thread on a small machine.
    m_thread->start(QThread::LowPriority);
}

JobService::~JobService()
{
    cancelAll();
    // The running job stops at its next frame; the worker (and its model) is deleted when the
    // thread finishes.
    m_thread->quit();
    m_thread->wait();
}

int JobService::enqueue(const QString &title, EngineWorker::CancelFlag *flag)
{
    const int id = m_nextId++;
    *flag = std::make_shared<std::atomic_bool>(false);
    const bool wasBusy = isBusy();
    m_jobs.insert(id, Job{title, *flag});
    Q_EMIT jobQueued(JobInfo{id, title});
    if (!wasBusy)
        Q_EMIT busyChanged(true);
    return id;
}

int JobService::generateSample(const GenerateRequest &request, const QString &title)
{
    EngineWorker::CancelFlag flag;
    const int id = enqueue(title.isEmpty() ? tr("Generating a sample for “%1”").arg(request.profileName) : title, &flag);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, id, request, flag] { w->generateSample(id, request, flag); }, Qt::QueuedConnection);
    return id;
}

int JobService::exportModel(const ExportRequest &request)
{
    EngineWorker::CancelFlag flag;
    const int id = enqueue(tr("Exporting the model to %1").arg(QFileInfo(request.outputFolder).fileName()), &flag);
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, id, request, flag] { w->exportModel(id, request, flag); }, Qt::QueuedConnection);
    return id;
}

int JobService::exportArchive(const QString &libraryFolder, int speakerId, const QString &archivePath)
{
    EngineWorker::CancelFlag flag;
    const int id = enqueue(tr("Exporting voice %1").arg(speakerId), &flag);
    QMetaObject::invokeMethod(
        m_worker, [=, w = m_worker] { w->exportArchive(id, libraryFolder, speakerId, archivePath, flag); },
        Qt::QueuedConnection);
    return id;
}

int JobService::importArchive(const QString &libraryFolder, const QString &archivePath, bool replace)
{
    EngineWorker::CancelFlag flag;
    const int id = enqueue(tr("Importing %1").arg(QFileInfo(archivePath).fileName()), &flag);
    QMetaObject::invokeMethod(
        m_worker, [=, w = m_worker] { w->importArchive(id, libraryFolder, archivePath, replace, flag); },
        Qt::QueuedConnection);
    return id;
}

void JobService::releaseModels()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->releaseModels(); }, Qt::QueuedConnection);
}

void JobService::cancel(int jobId)
{
    // The flag is atomic, so the busy worker sees it at its next frame without a queued call.
    const auto it = m_jobs.constFind(jobId);
    if (it != m_jobs.constEnd())
        it->cancel->store(true);
}

void JobService::cancelAll()
{
    for (const Job &job : std::as_const(m_jobs))
        job.cancel->store(true);
}

void JobService::onStarted(int jobId)
{
    m_running = jobId;
    Q_EMIT jobStarted(JobInfo{jobId, m_jobs.value(jobId).title});
}

void JobService::onFinished(int jobId, int status, const QString &message)
{
    const Job job = m_jobs.take(jobId);
    if (m_running == jobId)
        m_running = 0;
    Q_EMIT jobFinished(JobOutcome{jobId, job.title, JobOutcome::Status(status), message});
    if (m_jobs.isEmpty())
        Q_EMIT busyChanged(false);
}
