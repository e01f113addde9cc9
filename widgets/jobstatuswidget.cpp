#include "jobstatuswidget.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include "icons.h"
#include "jobservice.h"

JobStatusWidget::JobStatusWidget(JobService *jobs, QWidget *parent)
    : QWidget(parent)
    , m_jobs(jobs)
    , m_label(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(true);
    layout->addWidget(m_progress);
    m_cancel->setIcon(studioIcon(QStringLiteral("process-stop"), QStringLiteral("stop")));
    m_cancel->setToolTip(tr("Cancel the running job"));
    m_cancel->setAutoRaise(true);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &JobStatusWidget::cancelRunning);
    connect(jobs, &JobService::jobQueued, this, [this](const JobInfo &job) {
        if (!m_current)
            showJob(job);  // shown at once; the engine thread picks it up in a moment
    });
    connect(jobs, &JobService::jobStarted, this, &JobStatusWidget::showJob);
    connect(jobs, &JobService::jobProgress, this, &JobStatusWidget::showProgress);
    connect(jobs, &JobService::jobFinished, this, &JobStatusWidget::jobFinished);
    setVisible(false);
}

QString JobStatusWidget::text() const
{
    return m_label->text();
}

int JobStatusWidget::progressValue() const
{
    return m_progress->value();
}

int JobStatusWidget::progressMaximum() const
{
    return m_progress->maximum();
}

void JobStatusWidget::cancelRunning()
{
    if (m_current)
        m_jobs->cancel(m_current);
    m_label->setText(tr("%1 — cancelling…").arg(m_title));
}

void JobStatusWidget::showJob(const JobInfo &job)
{
    m_current = job.id;
    m_title = job.title;
    m_label->setText(job.title);
    m_progress->setRange(0, 0);
    setVisible(true);
}

void JobStatusWidget::showProgress(const JobProgress &progress)
{
    if (progress.jobId != m_current)
        return;
    m_progress->setRange(0, progress.total);
    m_progress->setValue(progress.done);
    if (!progress.message.isEmpty())
        m_label->setText(QStringLiteral("%1 — %2").arg(m_title, progress.message));
}

void JobStatusWidget::jobFinished(const JobOutcome &outcome)
{
    if (outcome.jobId != m_current)
        return;
    m_current = 0;
    if (!m_jobs->isBusy())
        setVisible(false);
}
