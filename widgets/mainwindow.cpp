#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QUndoStack>

#include "comparepage.h"
#include "devicedetect.h"
#include "exportdialog.h"
#include "icons.h"
#include "jobstatuswidget.h"
#include "librarypage.h"
#include "messages.h"
#include "placeholderpage.h"
#include "profiledetailwidget.h"
#include "settingsdialog.h"
#include "studio.h"

MainWindow::MainWindow(Studio *studio, QWidget *parent)
    : QMainWindow(parent)
    , m_studio(studio)
    , m_undoStack(new QUndoStack(this))
    , m_sidebar(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
{
    setWindowTitle(tr("CSM Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/csm-studio.svg")));
    setObjectName(QStringLiteral("MainWindow"));

    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setViewMode(QListView::ListMode);
    m_sidebar->setIconSize(QSize(28, 28));
    m_sidebar->setFixedWidth(150);
    m_sidebar->setSpacing(2);
    m_sidebar->setFrameShape(QFrame::NoFrame);
    const struct {
        QString theme, fallback, label, tip;
    } entries[] = {
        {QStringLiteral("media-record"), QStringLiteral("record"), tr("Record"), tr("Record your voice (coming with the recording issue)")},
        {QStringLiteral("system-run"), QStringLiteral("train"), tr("Train"), tr("Fine-tune a voice (coming with the training wizard)")},
        {QStringLiteral("folder-sound"), QStringLiteral("library"), tr("Library"), tr("Your voices: details, samples, import and export")},
        {QStringLiteral("view-split-left-right"), QStringLiteral("compare"), tr("Compare"), tr("Listen to voices side by side; blind A/B/X")},
    };
    for (const auto &e : entries) {
        auto *item = new QListWidgetItem(studioIcon(e.theme, e.fallback), e.label, m_sidebar);
        item->setToolTip(e.tip);
        item->setSizeHint(QSize(140, 40));
    }

    m_pages->addWidget(new PlaceholderPage(tr("Record"),
                                           tr("Recording sessions (prompts, levels, takes) arrive with the recording issue. "
                                              "Until then, prepare data with the `csm data` command line."),
                                           this));
    m_pages->addWidget(new PlaceholderPage(tr("Train"),
                                           tr("The training wizard arrives with the training issue. Trained voices appear "
                                              "in the Library, where you can audition, compare and export them."),
                                           this));
    m_library = new LibraryPage(studio, m_undoStack, this);
    m_compare = new ComparePage(studio, this);
    m_pages->addWidget(m_library);
    m_pages->addWidget(m_compare);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
    connect(m_sidebar, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    m_jobStatus = new JobStatusWidget(&studio->jobs(), this);
    m_deviceLabel = new QLabel(this);
    m_audioLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_jobStatus);
    statusBar()->addPermanentWidget(m_audioLabel);
    statusBar()->addPermanentWidget(m_deviceLabel);
    const QString device = studio->settings().device;
    m_deviceLabel->setText(device == QLatin1String("cuda") ? tr("Device: CUDA") : tr("Device: CPU"));
    if (!studio->player().outputAvailable()) {
        m_audioLabel->setText(tr("No sound device"));
        m_audioLabel->setToolTip(studio->player().unavailableReason());
    }

    createMenus();
    connect(&studio->jobs(), &JobService::jobFinished, this, &MainWindow::jobFinished);
    connect(&studio->library(), &LibraryService::operationFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(&studio->player(), &AudioPlayer::errorOccurred, this,
            [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    connect(m_library, &LibraryPage::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });

    resize(1100, 700);
    restoreGeometry(studio->settings().windowGeometry);
    restoreState(studio->settings().windowState);
    m_library->splitter()->restoreState(studio->settings().librarySplitterState);
    const int page = studio->settings().currentPage;
    setCurrentPage(Page(page >= 0 && page < PageCount ? page : LibraryPageIndex));
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *import = file->addAction(studioIcon(QStringLiteral("document-import"), QStringLiteral("import")), tr("&Import Voice…"),
                                      m_library, &LibraryPage::importArchive);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *exportVoice = file->addAction(studioIcon(QStringLiteral("document-export"), QStringLiteral("export")),
                                           tr("E&xport Voice…"), m_library, &LibraryPage::exportSelectedArchive);
    exportVoice->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *exportModel = file->addAction(tr("Export &Model…"), this, &MainWindow::openExportDialog);
    exportModel->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    QAction *settings = file->addAction(studioIcon(QStringLiteral("configure"), QStringLiteral("settings")), tr("&Settings…"),
                                        this, &MainWindow::openSettings);
    settings->setShortcuts({QKeySequence::Preferences, QKeySequence(Qt::CTRL | Qt::Key_Comma)});
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoStack->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_undoStack->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    QAction *remove = edit->addAction(studioIcon(QStringLiteral("edit-delete"), QStringLiteral("delete")), tr("&Delete Voice"),
                                      m_library, &LibraryPage::deleteSelected);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_library->view()->addAction(remove);  // Delete only acts in the table, never in a text field
    QAction *find = edit->addAction(tr("&Filter Voices"), this, [this] {
        setCurrentPage(LibraryPageIndex);
        m_library->filterEdit()->setFocus();
        m_library->filterEdit()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int page = 0; page < PageCount; ++page) {
        QListWidgetItem *item = m_sidebar->item(page);
        QAction *go = view->addAction(item->icon(), item->text(), this, [this, page] { setCurrentPage(Page(page)); });
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
        addAction(go);  // the shortcut works while the menu bar is hidden too
    }

    QMenu *jobs = menuBar()->addMenu(tr("&Jobs"));
    QAction *cancel = jobs->addAction(studioIcon(QStringLiteral("process-stop"), QStringLiteral("stop")), tr("&Cancel Running Job"),
                                      m_jobStatus, &JobStatusWidget::cancelRunning);
    cancel->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    cancel->setEnabled(false);
    connect(&m_studio->jobs(), &JobService::busyChanged, cancel, &QAction::setEnabled);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About CSM Studio"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)->setMenuRole(QAction::AboutQtRole);
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void MainWindow::setCurrentPage(Page page)
{
    m_sidebar->setCurrentRow(page);
    m_pages->setCurrentIndex(page);
}

QString MainWindow::audioStatusText() const
{
    return m_audioLabel->text();
}

void MainWindow::openSettings()
{
    auto *dialog = new SettingsDialog(&m_studio->settings(), DeviceDetect::cudaSummary(), DeviceDetect::cudaDeviceCount(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_studio->applySettings();
        const QString device = m_studio->settings().device;
        m_deviceLabel->setText(device == QLatin1String("cuda") ? tr("Device: CUDA") : tr("Device: CPU"));
        if (dialog->languageChanged())
            statusBar()->showMessage(tr("The new language applies when CSM Studio starts again."), 10000);
    });
    dialog->open();
}

void MainWindow::openExportDialog()
{
    QList<QPair<QString, QString>> sources;
    const int selected = m_library->selectedSpeakerId();
    for (const ProfileInfo &p : m_studio->library().profiles()) {
        if (p.broken || p.modelMissing)
            continue;
        const QPair<QString, QString> entry{tr("Voice “%1” (id %2)").arg(p.meta.name).arg(p.speakerId), p.modelPath};
        if (p.speakerId == selected)
            sources.prepend(entry);
        else
            sources.append(entry);
    }
    const QString base = m_studio->settings().baseModelFolder;
    if (!base.isEmpty())
        sources.append({tr("Base model"), base});
    auto *dialog = new ExportDialog(&m_studio->jobs(), sources, m_studio->settings().device, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About CSM Studio"));
    box->setIconPixmap(QIcon(QStringLiteral(":/icons/csm-studio.svg")).pixmap(64, 64));
    box->setText(tr("<h3>CSM Studio %1</h3>"
                    "<p>Fine-tune Sesame's CSM-1B speech model on your own voice, keep a library of voices, "
                    "audition and compare them, and export them.</p>"
                    "<p>Clone only voices you have the right to use: a voice of another person needs their "
                    "recorded or written consent.</p>")
                     .arg(QApplication::applicationVersion()));
    box->open();
}

void MainWindow::jobFinished(const JobOutcome &outcome)
{
    if (outcome.status == JobOutcome::Failed)
        showError(this, outcome.title, outcome.message);
    else
        statusBar()->showMessage(outcome.message, 8000);
}

void MainWindow::saveWindowState()
{
    AppSettings &s = m_studio->settings();
    s.windowGeometry = saveGeometry();
    s.windowState = saveState();
    s.librarySplitterState = m_library->splitter()->saveState();
    s.currentPage = int(currentPage());
    s.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_library->detail()->isModified())
        m_library->detail()->save();  // never lose typed edits
    saveWindowState();
    m_studio->jobs().cancelAll();
    event->accept();
}
