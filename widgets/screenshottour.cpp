#include "screenshottour.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QLineEdit>
#include <QThread>

#include "comparepage.h"
#include "compareslotwidget.h"
#include "devicedetect.h"
#include "exportdialog.h"
#include "librarypage.h"
#include "mainwindow.h"
#include "profiledetailwidget.h"
#include "settingsdialog.h"
#include "studio.h"

ScreenshotTour::ScreenshotTour(MainWindow *window)
    : m_window(window)
{
}

bool ScreenshotTour::waitForJobs(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_window->studio()->jobs().isBusy() && !deadline.hasExpired()) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(20);
    }
    QApplication::processEvents();
    return !m_window->studio()->jobs().isBusy();
}

void ScreenshotTour::grab(QWidget *widget, const QString &name)
{
    QApplication::processEvents();
    const QString file = QDir(m_dir).filePath(name + QStringLiteral(".png"));
    if (widget->grab().save(file))
        m_files << file;
}

QStringList ScreenshotTour::run(const QString &dir, int jobTimeoutMs)
{
    m_dir = dir;
    m_files.clear();
    QDir().mkpath(dir);
    Studio *studio = m_window->studio();
    m_window->setCurrentPage(MainWindow::RecordPage);
    grab(m_window, QStringLiteral("record"));
    m_window->setCurrentPage(MainWindow::TrainPage);
    grab(m_window, QStringLiteral("train"));

    // Library, with an audition of the first usable voice while a job runs and after it.
    m_window->setCurrentPage(MainWindow::LibraryPageIndex);
    QList<int> usable;
    for (const ProfileInfo &p : studio->library().profiles())
        if (!p.broken && !p.modelMissing && p.consentProblem.isEmpty())
            usable << p.speakerId;
    LibraryPage *library = m_window->libraryPage();
    if (!usable.isEmpty()) {
        library->selectSpeaker(usable.first());
        library->detail()->generateTextEdit()->setText(QApplication::translate("ScreenshotTour", "Hello, this is my voice."));
        if (library->generateSample(usable.first(), library->detail()->generateTextEdit()->text())) {
            QApplication::processEvents(QEventLoop::AllEvents, 300);
            grab(m_window, QStringLiteral("library-generating"));
            waitForJobs(jobTimeoutMs);
        }
    }
    grab(m_window, QStringLiteral("library"));

    // Compare: an A/B round over the first two usable voices, rated.
    m_window->setCurrentPage(MainWindow::ComparePageIndex);
    ComparePage *compare = m_window->comparePage();
    if (usable.size() >= 2) {
        compare->setChecked(usable[0], true);
        compare->setChecked(usable[1], true);
        if (compare->generate()) {
            waitForJobs(jobTimeoutMs);
            if (compare->slotCount() >= 2) {
                compare->slotAt(0)->setRating(4);
                compare->slotAt(1)->setRating(3);
            }
        }
    }
    grab(m_window, QStringLiteral("compare"));

    SettingsDialog settings(&studio->settings(), DeviceDetect::cudaSummary(), DeviceDetect::cudaDeviceCount(), m_window);
    settings.show();
    grab(&settings, QStringLiteral("settings"));
    settings.hide();

    QList<QPair<QString, QString>> sources;
    for (const ProfileInfo &p : studio->library().profiles())
        if (!p.broken && !p.modelMissing)
            sources.append({QApplication::translate("MainWindow", "Voice “%1” (id %2)").arg(p.meta.name).arg(p.speakerId), p.modelPath});
    ExportDialog exportDialog(&studio->jobs(), sources, studio->settings().device, m_window);
    exportDialog.show();
    grab(&exportDialog, QStringLiteral("export"));
    exportDialog.hide();
    m_window->setCurrentPage(MainWindow::LibraryPageIndex);
    return m_files;
}
