#pragma once
#include <QWidget>

#include "enginetypes.h"

class JobService;
class QLabel;
class QProgressBar;
class QToolButton;

// The status bar's job corner: what runs, its progress and a cancel button; hidden when idle.
class JobStatusWidget : public QWidget
{
    Q_OBJECT

public:
    explicit JobStatusWidget(JobService *jobs, QWidget *parent = nullptr);

    QString text() const;
    int progressValue() const;
    int progressMaximum() const;

public Q_SLOTS:
    void cancelRunning();

private:
    void showJob(const JobInfo &job);
    void showProgress(const JobProgress &progress);
    void jobFinished(const JobOutcome &outcome);

    JobService *m_jobs;
    QLabel *m_label;
    QProgressBar *m_progress;
    QToolButton *m_cancel;
    int m_current = 0;
    QString m_title;
};
