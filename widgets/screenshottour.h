#pragma once
#include <QStringList>

class MainWindow;
class QWidget;

// `csm-studio --screenshot DIR`: walks through the app as a user would (every page; an audition
// and an A/B round when the library has voices with models; the dialogs) and saves a PNG of each
// step into DIR, for docs/ and for looking at the UI without a desktop (xvfb-run).
class ScreenshotTour
{
public:
    explicit ScreenshotTour(MainWindow *window);

    // Returns the files written. Jobs started on the way are waited for (at most `jobTimeoutMs` each).
    QStringList run(const QString &dir, int jobTimeoutMs = 120000);

private:
    bool waitForJobs(int timeoutMs);
    void grab(QWidget *widget, const QString &name);

    MainWindow *m_window;
    QString m_dir;
    QStringList m_files;
};
