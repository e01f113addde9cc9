#include "exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "jobservice.h"

ExportDialog::ExportDialog(JobService *jobs, const QList<QPair<QString, QString>> &sources, const QString &device,
                           QWidget *parent)
    : QDialog(parent)
    , m_jobs(jobs)
    , m_device(device)
    , m_source(new QComboBox(this))
    , m_sourcePath(new QLineEdit(this))
    , m_output(new QLineEdit(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Export model"));
    auto *form = new QFormLayout;
    for (const auto &[label, path] : sources)
        m_source->addItem(label, path);
    m_source->addItem(tr("Another folder…"), QString());
    form->addRow(tr("&Voice or model:"), m_source);
    auto *sourceRow = new QHBoxLayout;
    auto *browseSource = new QToolButton(this);
    browseSource->setText(QStringLiteral("…"));
    sourceRow->addWidget(m_sourcePath, 1);
    sourceRow->addWidget(browseSource);
    auto *sourceLabel = new QLabel(tr("&Model folder:"), this);
    sourceLabel->setBuddy(m_sourcePath);
    form->addRow(sourceLabel, sourceRow);
    auto *outputRow = new QHBoxLayout;
    auto *browseOutput = new QToolButton(this);
    browseOutput->setText(QStringLiteral("…"));
    m_output->setPlaceholderText(tr("A new or empty folder"));
    outputRow->addWidget(m_output, 1);
    outputRow->addWidget(browseOutput);
    auto *outputLabel = new QLabel(tr("&Export to:"), this);
    outputLabel->setBuddy(m_output);
    form->addRow(outputLabel, outputRow);

    auto *formats = new QGroupBox(tr("Format"), this);
    auto *formatLayout = new QVBoxLayout(formats);
    m_hf = new QRadioButton(tr("Hugging Face folder, merged weights (config.json + model.safetensors)"), formats);
    m_adapters = new QRadioButton(tr("Adapters only"), formats);
    m_original = new QRadioButton(tr("Original layout (Sesame ckpt.pt)"), formats);
    m_hf->setChecked(true);
    m_adapters->setEnabled(false);
    m_adapters->setToolTip(tr("Available once the trainer writes LoRA adapters."));
    m_original->setEnabled(false);
    m_original->setToolTip(tr("Not supported yet: the engine writes the Hugging Face layout."));
    formatLayout->addWidget(m_hf);
    formatLayout->addWidget(m_adapters);
    formatLayout->addWidget(m_original);

    m_progress->setRange(0, 4);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_close = buttons->addButton(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(formats);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(buttons);

    auto syncSource = [this] {
        const QString path = m_source->currentData().toString();
        if (!path.isEmpty())
            m_sourcePath->setText(QDir::toNativeSeparators(path));
        m_sourcePath->setReadOnly(!path.isEmpty());
        updateState();
    };
    connect(m_source, &QComboBox::currentIndexChanged, this, syncSource);
    connect(browseSource, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Model folder"), m_sourcePath->text());
        if (!dir.isEmpty()) {
            m_source->setCurrentIndex(m_source->count() - 1);
            m_sourcePath->setText(QDir::toNativeSeparators(dir));
        }
    });
    connect(browseOutput, &QToolButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export to"), m_output->text());
        if (!dir.isEmpty())
            m_output->setText(QDir::toNativeSeparators(dir));
    });
    connect(m_sourcePath, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_output, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_close, &QPushButton::clicked, this, &ExportDialog::reject);
    connect(jobs, &JobService::jobProgress, this, &ExportDialog::progress);
    connect(jobs, &JobService::jobFinished, this, &ExportDialog::finished);
    syncSource();
    resize(620, sizeHint().height());
}

QString ExportDialog::statusText() const
{
    return m_status->text();
}

bool ExportDialog::startExport()
{
    const QString source = QDir::fromNativeSeparators(m_sourcePath->text().trimmed());
    const QString output = QDir::fromNativeSeparators(m_output->text().trimmed());
    if (!QFileInfo::exists(source)) {
        m_status->setText(tr("%1: the model folder does not exist.").arg(source));
        return false;
    }
    const QDir out(output);
    if (out.exists() && !out.isEmpty()) {
        m_status->setText(tr("%1 is not empty. Choose a new or empty folder, so nothing is overwritten.").arg(output));
        return false;
    }
    ExportRequest request;
    request.modelPath = source;
    request.outputFolder = output;
    request.device = m_device;
    m_done = false;
    m_job = m_jobs->exportModel(request);
    m_progress->setValue(0);
    m_status->setText(tr("Queued…"));
    updateState();
    return true;
}

void ExportDialog::progress(const JobProgress &progress)
{
    if (progress.jobId != m_job)
        return;
    m_progress->setRange(0, progress.total);
    m_progress->setValue(progress.done);
    m_status->setText(progress.message);
}

void ExportDialog::finished(const JobOutcome &outcome)
{
    if (outcome.jobId != m_job)
        return;
    m_job = 0;
    m_done = outcome.status == JobOutcome::Succeeded;
    if (m_done) {
        m_progress->setValue(m_progress->maximum());
        m_status->setText(tr("Done. %1").arg(outcome.message));
    } else if (outcome.status == JobOutcome::Cancelled) {
        m_status->setText(tr("Cancelled. The folder may hold a partial export; delete it."));
    } else {
        m_status->setText(tr("Failed: %1").arg(outcome.message));
    }
    updateState();
}

void ExportDialog::updateState()
{
    const bool running = m_job != 0;
    m_export->setEnabled(!running && !m_sourcePath->text().trimmed().isEmpty() && !m_output->text().trimmed().isEmpty());
    m_close->setText(running ? tr("Close (export continues)") : tr("Close"));
}
