#include "librarypage.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

#include "deleteprofilecommand.h"
#include "icons.h"
#include "messages.h"
#include "profiledetailwidget.h"
#include "profilefilterproxymodel.h"
#include "profiletablemodel.h"
#include "studio.h"

LibraryPage::LibraryPage(Studio *studio, QUndoStack *undoStack, QWidget *parent)
    : QWidget(parent)
    , m_studio(studio)
    , m_undoStack(undoStack)
    , m_model(new ProfileTableModel(this))
    , m_proxy(new ProfileFilterProxyModel(this))
    , m_folderBanner(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_view(new QTableView(this))
{
    auto *layout = new QVBoxLayout(this);
    m_folderBanner->setWordWrap(true);
    m_folderBanner->setObjectName(QStringLiteral("folderBanner"));
    m_folderBanner->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); border-left: 3px solid #d08a00; padding: 6px; }"));
    layout->addWidget(m_folderBanner);

    auto *bar = new QHBoxLayout;
    m_filter->setPlaceholderText(tr("Filter voices (name, id, gender, accent, style…)"));
    m_filter->setClearButtonEnabled(true);
    bar->addWidget(m_filter, 1);
    m_import = new QPushButton(studioIcon(QStringLiteral("document-import"), QStringLiteral("import")), tr("&Import…"), this);
    m_export = new QPushButton(studioIcon(QStringLiteral("document-export"), QStringLiteral("export")), tr("E&xport…"), this);
    m_delete = new QPushButton(studioIcon(QStringLiteral("edit-delete"), QStringLiteral("delete")), tr("&Delete"), this);
    m_import->setToolTip(tr("Add a voice from a .csmvoice archive"));
    m_export->setToolTip(tr("Save the selected voice, its samples and model as a .csmvoice archive"));
    m_delete->setToolTip(tr("Move the selected voice to the library's trash (Undo brings it back)"));
    bar->addWidget(m_import);
    bar->addWidget(m_export);
    bar->addWidget(m_delete);
    layout->addLayout(bar);

    m_proxy->setSourceModel(m_model);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ProfileTableModel::IdColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_detail = new ProfileDetailWidget(&studio->library(), &studio->player(), this);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    layout->addWidget(m_splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ProfileFilterProxyModel::setFilterText);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &LibraryPage::selectionChanged);
    connect(m_import, &QPushButton::clicked, this, &LibraryPage::importArchive);
    connect(m_export, &QPushButton::clicked, this, &LibraryPage::exportSelectedArchive);
    connect(m_delete, &QPushButton::clicked, this, &LibraryPage::deleteSelected);
    connect(m_detail, &ProfileDetailWidget::generateRequested, this, &LibraryPage::generateSample);
    connect(&studio->library(), &LibraryService::changed, this, &LibraryPage::reload);
    connect(&studio->jobs(), &JobService::jobFinished, this, &LibraryPage::jobFinished);
    connect(&studio->jobs(), &JobService::sampleGenerated, this, [this](const GeneratedSample &s) {
        if (s.jobId == m_generateJob && s.speakerId == m_detail->speakerId())
            m_detail->playSample(s.filePath);  // audition: play what was just made
    });
    reload();
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
}

QString LibraryPage::folderBannerText() const
{
    return m_folderBanner->isVisibleTo(this) ? m_folderBanner->text() : QString();
}

int LibraryPage::selectedSpeakerId() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ProfileTableModel::SpeakerIdRole).toInt() : -1;
}

void LibraryPage::selectSpeaker(int speakerId)
{
    const int row = m_model->rowOf(speakerId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void LibraryPage::reload()
{
    const int selected = selectedSpeakerId();
    // The reset clears the selection for a moment; the detail pane must not see that (it would
    // drop edits in progress), so it hears about the selection once, at the end.
    m_reloading = true;
    const QString problem = m_studio->library().folderProblem();
    m_folderBanner->setText(problem);
    m_folderBanner->setVisible(!problem.isEmpty());
    m_model->setProfiles(m_studio->library().profiles());
    m_view->resizeColumnsToContents();
    if (selected >= 0 && m_model->rowOf(selected) >= 0)
        selectSpeaker(selected);
    else if (m_proxy->rowCount() > 0)
        m_view->selectionModel()->setCurrentIndex(m_proxy->index(0, 0),
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_reloading = false;
    selectionChanged();
}

void LibraryPage::selectionChanged()
{
    if (m_reloading)
        return;
    const int id = selectedSpeakerId();
    const int row = m_model->rowOf(id);
    const ProfileInfo *info = id >= 0 ? m_model->profileAt(row) : nullptr;
    m_detail->setProfile(info ? std::optional<ProfileInfo>(*info) : std::nullopt);
    updateActions();
}

void LibraryPage::updateActions()
{
    const bool writable = m_studio->library().isWritable();
    const int id = selectedSpeakerId();
    const ProfileInfo *info = m_model->profileAt(m_model->rowOf(id));
    m_delete->setEnabled(info && writable);
    m_export->setEnabled(info && !info->broken && !info->modelMissing);
    m_import->setEnabled(writable);
}

bool LibraryPage::deleteSelected()
{
    const int id = selectedSpeakerId();
    const ProfileInfo *info = m_model->profileAt(m_model->rowOf(id));
    if (!info)
        return false;
    const QString name = info->meta.name;
    QString error;
    if (!m_studio->library().remove(id, &error)) {
        showError(this, tr("Delete voice"), error);
        return false;
    }
    m_undoStack->push(new DeleteProfileCommand(&m_studio->library(), id, name));
    Q_EMIT message(tr("Moved “%1” to the library's trash. Undo (Ctrl+Z) brings it back.").arg(name));
    return true;
}

void LibraryPage::importArchive()
{
    const QString file = QFileDialog::getOpenFileName(this, tr("Import voice"), m_studio->settings().lastArchiveFolder,
                                                      tr("Voice archives (*.csmvoice);;All files (*)"));
    if (file.isEmpty())
        return;
    m_studio->settings().lastArchiveFolder = QFileInfo(file).absolutePath();
    m_studio->jobs().importArchive(m_studio->library().root(), file);
}

void LibraryPage::exportSelectedArchive()
{
    const int id = selectedSpeakerId();
    const ProfileInfo *info = m_model->profileAt(m_model->rowOf(id));
    if (!info)
        return;
    const QString suggested = QDir(m_studio->settings().lastArchiveFolder.get().isEmpty() ? QDir::homePath()
                                                                                           : m_studio->settings().lastArchiveFolder.get())
                                  .filePath(info->meta.name + QStringLiteral(".csmvoice"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export voice"), suggested, tr("Voice archives (*.csmvoice)"));
    if (file.isEmpty())
        return;
    m_studio->settings().lastArchiveFolder = QFileInfo(file).absolutePath();
    m_studio->jobs().exportArchive(m_studio->library().root(), id, file);
}

bool LibraryPage::generateSample(int speakerId, const QString &text)
{
    GenerateRequest request;
    QString error;
    if (!m_studio->library().makeGenerateRequest(speakerId, text, m_studio->settings().device,
                                                 m_studio->settings().baseModelFolder, &request, &error)) {
        showError(this, tr("Generate sample"), error);
        return false;
    }
    m_generateJob = m_studio->jobs().generateSample(request);
    m_detail->setGenerating(true);
    return true;
}

void LibraryPage::jobFinished(const JobOutcome &outcome)
{
    if (outcome.jobId == m_generateJob) {
        m_detail->setGenerating(false);
        m_generateJob = 0;
    }
}
