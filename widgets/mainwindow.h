#pragma once
#include <QMainWindow>

class ComparePage;
class JobStatusWidget;
class LibraryPage;
class QLabel;
class QListWidget;
class QStackedWidget;
class QUndoStack;
class Studio;
struct JobOutcome;

// The studio's main window: a navigation sidebar (Record, Train, Library, Compare), the page stack,
// menus with shortcuts, and a status bar with the running job (progress, cancel). Record and Train
// are placeholders until their issues land. Geometry, dock state and the page persist.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page { RecordPage, TrainPage, LibraryPageIndex, ComparePageIndex, PageCount };

    explicit MainWindow(Studio *studio, QWidget *parent = nullptr);
    ~MainWindow() override;

    Page currentPage() const;
    QListWidget *sidebar() const { return m_sidebar; }
    LibraryPage *libraryPage() const { return m_library; }
    ComparePage *comparePage() const { return m_compare; }
    JobStatusWidget *jobStatus() const { return m_jobStatus; }
    QUndoStack *undoStack() const { return m_undoStack; }
    QString audioStatusText() const;
    Studio *studio() const { return m_studio; }

public Q_SLOTS:
    void setCurrentPage(Page page);
    void openSettings();
    void openExportDialog();
    void showAbout();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void jobFinished(const JobOutcome &outcome);
    void saveWindowState();

    Studio *m_studio;
    QUndoStack *m_undoStack;
    QListWidget *m_sidebar;
    QStackedWidget *m_pages;
    LibraryPage *m_library;
    ComparePage *m_compare;
    JobStatusWidget *m_jobStatus;
    QLabel *m_deviceLabel;
    QLabel *m_audioLabel;
};
