#include "settingsdialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

#include "appsettings.h"

namespace {

QWidget *withBrowse(QLineEdit *edit, QToolButton *button, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    button->setText(QStringLiteral("…"));
    layout->addWidget(button);
    return row;
}

} // namespace

QList<QPair<QString, QString>> SettingsDialog::languages()
{
    return {{QString(), QCoreApplication::translate("SettingsDialog", "System default")},
            {QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("de"), QStringLiteral("Deutsch")},
            {QStringLiteral("fr"), QStringLiteral("Français")}};
}

SettingsDialog::SettingsDialog(AppSettings *settings, const QString &cudaSummary, int cudaDevices, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_library(new QLineEdit(this))
    , m_libraryHint(new QLabel(this))
    , m_baseModel(new QLineEdit(this))
    , m_baseModelHint(new QLabel(this))
    , m_device(new QComboBox(this))
    , m_language(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    auto *form = new QFormLayout;
    m_library->setText(settings->libraryFolder);
    m_library->setPlaceholderText(AppSettings::defaultLibraryFolder());
    auto *browseLibrary = new QToolButton(this);
    form->addRow(tr("&Library folder:"), withBrowse(m_library, browseLibrary, this));
    m_libraryHint->setWordWrap(true);
    form->addRow(QString(), m_libraryHint);

    m_baseModel->setText(settings->baseModelFolder);
    m_baseModel->setPlaceholderText(tr("Folder of sesame/csm-1b (config.json, model.safetensors, tokenizer.json)"));
    auto *browseModel = new QToolButton(this);
    form->addRow(tr("&Base model folder:"), withBrowse(m_baseModel, browseModel, this));
    m_baseModelHint->setWordWrap(true);
    form->addRow(QString(), m_baseModelHint);

    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU — %1").arg(cudaSummary), QStringLiteral("cuda"));
    if (cudaDevices <= 0) {
        // Shown, so the user sees why it cannot be chosen.
        auto *model = qobject_cast<QStandardItemModel *>(m_device->model());
        if (model)
            model->item(1)->setEnabled(false);
    }
    const int deviceIndex = m_device->findData(settings->device.get());
    m_device->setCurrentIndex(deviceIndex >= 0 && (deviceIndex == 0 || cudaDevices > 0) ? deviceIndex : 0);
    form->addRow(tr("&Device:"), m_device);
    auto *deviceHint = new QLabel(tr("CUDA: %1").arg(cudaSummary), this);
    deviceHint->setWordWrap(true);
    form->addRow(QString(), deviceHint);

    for (const auto &[code, name] : languages())
        m_language->addItem(name, code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings->language.get())));
    form->addRow(tr("L&anguage:"), m_language);
    auto *languageNote = new QLabel(tr("A new language applies when CSM Studio starts again."), this);
    languageNote->setWordWrap(true);
    form->addRow(QString(), languageNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(browseLibrary, &QToolButton::clicked, this, [this] { browse(m_library, tr("Library folder")); });
    connect(browseModel, &QToolButton::clicked, this, [this] { browse(m_baseModel, tr("Base model folder")); });
    connect(m_library, &QLineEdit::textChanged, this, &SettingsDialog::updateHints);
    connect(m_baseModel, &QLineEdit::textChanged, this, &SettingsDialog::updateHints);
    updateHints();
    resize(640, sizeHint().height());
}

void SettingsDialog::browse(QLineEdit *edit, const QString &title)
{
    const QString dir = QFileDialog::getExistingDirectory(this, title, edit->text().isEmpty() ? QDir::homePath() : edit->text());
    if (!dir.isEmpty())
        edit->setText(QDir::toNativeSeparators(dir));
}

void SettingsDialog::updateHints()
{
    const QString library = m_library->text().trimmed().isEmpty() ? m_library->placeholderText() : m_library->text().trimmed();
    const QFileInfo lib(library);
    if (!lib.exists())
        m_libraryHint->setText(tr("Does not exist yet; it is created with the first voice."));
    else if (!lib.isDir())
        m_libraryHint->setText(tr("This is not a folder."));
    else if (!lib.isWritable())
        m_libraryHint->setText(tr("Read-only: voices can be browsed but not changed."));
    else
        m_libraryHint->setText(QString());
    const QString model = m_baseModel->text().trimmed();
    if (model.isEmpty())
        m_baseModelHint->setText(tr("Needed to generate with voices whose model has no tokenizer.json."));
    else if (!QFileInfo::exists(model + QStringLiteral("/config.json")))
        m_baseModelHint->setText(tr("No config.json in this folder: it is not a CSM model folder."));
    else
        m_baseModelHint->setText(QString());
    m_libraryHint->setVisible(!m_libraryHint->text().isEmpty());
    m_baseModelHint->setVisible(!m_baseModelHint->text().isEmpty());
}

void SettingsDialog::accept()
{
    m_settings->libraryFolder = QDir::fromNativeSeparators(m_library->text().trimmed());
    m_settings->baseModelFolder = QDir::fromNativeSeparators(m_baseModel->text().trimmed());
    m_settings->device = m_device->currentData().toString();
    const QString language = m_language->currentData().toString();
    m_languageChanged = language != m_settings->language.get();
    m_settings->language = language;
    m_settings->sync();
    QDialog::accept();
}
