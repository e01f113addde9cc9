#include "profiledetailwidget.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include "audioplayer.h"
#include "icons.h"
#include "libraryservice.h"
#include "waveformwidget.h"

namespace {

QLabel *valueLabel(const QString &text)
{
    auto *label = new QLabel(text.isEmpty() ? QStringLiteral("—") : text);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

void clearForm(QFormLayout *form)
{
    while (form->rowCount() > 0)
        form->removeRow(0);
}

} // namespace

ProfileDetailWidget::ProfileDetailWidget(LibraryService *library, AudioPlayer *player, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_player(player)
    , m_heading(new QLabel(this))
    , m_banner(new QLabel(this))
    , m_tabs(new QTabWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    QFont f = m_heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_heading->setFont(f);
    layout->addWidget(m_heading);
    m_banner->setWordWrap(true);
    m_banner->setObjectName(QStringLiteral("profileBanner"));
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: palette(alternate-base); border-left: 3px solid #d08a00; padding: 6px; }"));
    layout->addWidget(m_banner);
    m_tabs->addTab(makeDetailsTab(), tr("Details"));
    m_tabs->addTab(makeSamplesTab(), tr("Samples"));
    m_tabs->addTab(makeTrainingTab(), tr("Training"));
    m_tabs->addTab(makeConsentTab(), tr("Consent"));
    layout->addWidget(m_tabs, 1);

    connect(m_player, &AudioPlayer::playingChanged, this, &ProfileDetailWidget::updateButtons);
    setProfile(std::nullopt);
}

QWidget *ProfileDetailWidget::makeDetailsTab()
{
    auto *page = new QWidget;
    auto *pageLayout = new QVBoxLayout(page);
    auto *form = new QFormLayout;
    pageLayout->addLayout(form);
    pageLayout->addStretch();  // extra height goes below the form, not into a row
    m_name = new QLineEdit(page);
    m_description = new QPlainTextEdit(page);
    m_description->setMaximumHeight(70);
    m_gender = new QComboBox(page);
    m_gender->setEditable(true);
    m_gender->addItems({QString(), tr("female"), tr("male"), tr("non-binary")});
    m_age = new QLineEdit(page);
    m_age->setPlaceholderText(tr("e.g. 30-40"));
    m_accent = new QLineEdit(page);
    m_language = new QLineEdit(page);
    m_style = new QLineEdit(page);
    m_style->setPlaceholderText(tr("e.g. newsreader, excited"));
    m_model = new QLabel(page);
    m_model->setWordWrap(true);
    m_model->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(tr("&Gender:"), m_gender);
    form->addRow(tr("&Age range:"), m_age);
    form->addRow(tr("A&ccent:"), m_accent);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("St&yle:"), m_style);
    form->addRow(tr("Model:"), m_model);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    m_revert = new QPushButton(tr("&Revert"), page);
    m_save = new QPushButton(tr("&Save"), page);
    m_save->setIcon(studioIcon(QStringLiteral("document-save"), QStringLiteral("save")));
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    pageLayout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &ProfileDetailWidget::save);
    connect(m_revert, &QPushButton::clicked, this, &ProfileDetailWidget::revert);
    for (QLineEdit *edit : {m_name, m_age, m_accent, m_language, m_style})
        connect(edit, &QLineEdit::textEdited, this, &ProfileDetailWidget::updateButtons);
    connect(m_description, &QPlainTextEdit::textChanged, this, &ProfileDetailWidget::updateButtons);
    connect(m_gender, &QComboBox::currentTextChanged, this, &ProfileDetailWidget::updateButtons);
    return page;
}

QWidget *ProfileDetailWidget::makeTrainingTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_trainingForm = new QFormLayout;
    layout->addLayout(m_trainingForm);
    layout->addStretch();
    return page;
}

QWidget *ProfileDetailWidget::makeConsentTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_consentForm = new QFormLayout;
    layout->addLayout(m_consentForm);
    layout->addStretch();
    return page;
}

QWidget *ProfileDetailWidget::makeSamplesTab()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    m_samples = new QListWidget(page);
    m_samples->setObjectName(QStringLiteral("sampleList"));
    layout->addWidget(m_samples, 1);
    m_waveform = new WaveformWidget(page);
    layout->addWidget(m_waveform);
    auto *playRow = new QHBoxLayout;
    m_play = new QPushButton(studioIcon(QStringLiteral("media-playback-start"), QStringLiteral("play")), tr("&Play"), page);
    m_stop = new QPushButton(studioIcon(QStringLiteral("media-playback-stop"), QStringLiteral("stop")), tr("S&top"), page);
    playRow->addWidget(m_play);
    playRow->addWidget(m_stop);
    playRow->addStretch();
    layout->addLayout(playRow);
    auto *genRow = new QHBoxLayout;
    m_generateText = new QLineEdit(page);
    m_generateText->setPlaceholderText(tr("Type a sentence for this voice to say"));
    m_generate = new QPushButton(studioIcon(QStringLiteral("media-record"), QStringLiteral("generate")), tr("&Generate sample"), page);
    genRow->addWidget(m_generateText, 1);
    genRow->addWidget(m_generate);
    layout->addLayout(genRow);
    connect(m_samples, &QListWidget::currentRowChanged, this, &ProfileDetailWidget::showSelectedSample);
    connect(m_samples, &QListWidget::itemActivated, this, &ProfileDetailWidget::playSelected);
    connect(m_play, &QPushButton::clicked, this, &ProfileDetailWidget::playSelected);
    connect(m_stop, &QPushButton::clicked, m_player, &AudioPlayer::stop);
    connect(m_generateText, &QLineEdit::textChanged, this, &ProfileDetailWidget::updateButtons);
    auto emitGenerate = [this] {
        if (m_profile && m_generate->isEnabled())
            Q_EMIT generateRequested(m_profile->speakerId, m_generateText->text());
    };
    connect(m_generate, &QPushButton::clicked, this, emitGenerate);
    connect(m_generateText, &QLineEdit::returnPressed, this, emitGenerate);
    return page;
}

QString ProfileDetailWidget::bannerText() const
{
    return m_banner->isVisibleTo(this) ? m_banner->text() : QString();
}

void ProfileDetailWidget::setProfile(const std::optional<ProfileInfo> &profile)
{
    const int previousId = speakerId();
    const int previousRow = m_samples->currentRow();
    // A refresh of the same voice (a sample was added) keeps what the user is typing.
    const bool keepEdits = profile && previousId == profile->speakerId && isModified();
    m_profile = profile;
    const bool ok = profile && !profile->broken;
    m_heading->setText(profile ? tr("%1 (id %2)").arg(profile->meta.name).arg(profile->speakerId) : tr("No voice selected"));

    QStringList problems;
    if (profile && profile->broken)
        problems << tr("This profile cannot be read: %1. Fix or delete it; the other voices are not affected.").arg(profile->problem);
    if (ok && profile->modelMissing)
        problems << tr("The model is gone: %1. Samples can still be played, but new ones cannot be generated.")
                        .arg(QDir::toNativeSeparators(profile->modelPath));
    if (ok && !profile->consentProblem.isEmpty())
        problems << profile->consentProblem;
    m_banner->setText(problems.join(QLatin1Char('\n')));
    m_banner->setVisible(!problems.isEmpty());
    m_tabs->setEnabled(ok);

    if (!keepEdits) {
        const ProfileMetadata meta = ok ? profile->meta : ProfileMetadata{};
        m_name->setText(meta.name);
        m_description->setPlainText(meta.description);
        m_gender->setCurrentText(meta.gender);
        m_age->setText(meta.ageRange);
        m_accent->setText(meta.accent);
        m_language->setText(meta.language);
        m_style->setText(meta.style);
    }
    m_model->setText(ok ? QDir::toNativeSeparators(profile->modelPath) : QString());

    clearForm(m_trainingForm);
    if (ok && !profile->training.isEmpty()) {
        const TrainingInfo &t = profile->training;
        const QLocale locale;
        m_trainingForm->addRow(tr("Recipe:"), valueLabel(t.recipe));
        m_trainingForm->addRow(tr("Data:"), valueLabel(tr("%1 min").arg(locale.toString(t.dataMinutes, 'f', 1))));
        m_trainingForm->addRow(tr("Epochs:"), valueLabel(QString::number(t.epochs)));
        m_trainingForm->addRow(tr("Best val loss:"), valueLabel(t.bestLoss ? locale.toString(*t.bestLoss, 'f', 4) : QString()));
        m_trainingForm->addRow(tr("Final loss:"), valueLabel(t.finalLoss ? locale.toString(*t.finalLoss, 'f', 4) : QString()));
        m_trainingForm->addRow(tr("Started:"), valueLabel(t.startedAt));
        m_trainingForm->addRow(tr("Finished:"), valueLabel(t.finishedAt));
        m_trainingForm->addRow(tr("Run folder:"), valueLabel(t.runFolder));
        m_trainingForm->addRow(tr("Hyperparameters:"), valueLabel(t.hyperparameters.trimmed()));
    } else if (ok) {
        m_trainingForm->addRow(valueLabel(tr("This voice has not been trained in CSM Studio.")));
    }
    if (ok)
        m_trainingForm->addRow(tr("Base model:"), valueLabel(profile->baseModelHash));

    clearForm(m_consentForm);
    if (ok && profile->consent.present) {
        const ConsentInfo &c = profile->consent;
        m_consentForm->addRow(tr("Person:"), valueLabel(c.person));
        m_consentForm->addRow(tr("Given at:"), valueLabel(c.givenAt));
        m_consentForm->addRow(tr("Method:"), valueLabel(c.method));
        m_consentForm->addRow(tr("Statement:"), valueLabel(c.statement));
        m_consentForm->addRow(tr("Recording:"), valueLabel(QDir::toNativeSeparators(c.audioFile)));
    } else if (ok) {
        m_consentForm->addRow(valueLabel(profile->ownVoice ? tr("Your own voice: no consent record is needed.")
                                                           : tr("No consent record.")));
    }

    m_samples->clear();
    if (ok) {
        for (const SampleInfo &s : profile->samples) {
            QString label = s.text;
            if (s.ratingCount > 0)
                label += QStringLiteral("  ") + tr("★ %1 (%n rating(s))", nullptr, s.ratingCount).arg(s.averageRating, 0, 'f', 1);
            auto *item = new QListWidgetItem(label, m_samples);
            item->setData(Qt::UserRole, s.filePath);
            item->setToolTip(QStringLiteral("%1\n%2").arg(s.createdAt, QDir::toNativeSeparators(s.filePath)));
        }
        // Keep the selection on refresh; a new sample (appended) is selected after generating.
        if (previousId == profile->speakerId && previousRow >= 0 && previousRow < m_samples->count())
            m_samples->setCurrentRow(previousRow);
        else if (m_samples->count() > 0)
            m_samples->setCurrentRow(m_samples->count() - 1);
    }
    showSelectedSample();
    updateButtons();
}

bool ProfileDetailWidget::isModified() const
{
    if (!m_profile || m_profile->broken)
        return false;
    const ProfileMetadata &m = m_profile->meta;
    return m_name->text() != m.name || m_description->toPlainText() != m.description || m_gender->currentText() != m.gender
        || m_age->text() != m.ageRange || m_accent->text() != m.accent || m_language->text() != m.language
        || m_style->text() != m.style;
}

void ProfileDetailWidget::setGenerating(bool busy)
{
    m_generating = busy;
    if (busy)
        m_tabs->setCurrentIndex(SamplesTab);  // the new sample shows up there
    updateButtons();
}

bool ProfileDetailWidget::save()
{
    if (!m_profile || m_profile->broken)
        return false;
    const ProfileMetadata meta{m_name->text(), m_description->toPlainText(), m_gender->currentText(), m_age->text(),
                               m_accent->text(), m_language->text(), m_style->text()};
    QString error;
    if (!m_library->updateMetadata(m_profile->speakerId, meta, &error)) {
        m_banner->setText(error);
        m_banner->setVisible(true);
        return false;
    }
    return true;
}

void ProfileDetailWidget::revert()
{
    const std::optional<ProfileInfo> profile = m_profile;
    m_profile.reset();  // a different "previous" voice, so the fields are reloaded
    setProfile(profile);
}

void ProfileDetailWidget::playSelected()
{
    const QListWidgetItem *item = m_samples->currentItem();
    if (item)
        m_player->play(item->data(Qt::UserRole).toString());
}

void ProfileDetailWidget::playSample(const QString &filePath)
{
    for (int row = 0; row < m_samples->count(); ++row) {
        if (m_samples->item(row)->data(Qt::UserRole).toString() == filePath) {
            m_samples->setCurrentRow(row);
            break;
        }
    }
    m_player->play(filePath);
}

void ProfileDetailWidget::showSelectedSample()
{
    const QListWidgetItem *item = m_samples->currentItem();
    if (item)
        m_waveform->loadFile(item->data(Qt::UserRole).toString());
    else
        m_waveform->clear();
    updateButtons();
}

void ProfileDetailWidget::updateButtons()
{
    const bool ok = m_profile && !m_profile->broken;
    const bool modified = isModified();
    m_save->setEnabled(modified && m_library->isWritable());
    m_revert->setEnabled(modified);
    const QListWidgetItem *item = m_samples->currentItem();
    const bool playingThis = item && m_player->currentFile() == item->data(Qt::UserRole).toString();
    m_play->setEnabled(item && !playingThis);
    m_stop->setEnabled(m_player->isPlaying());
    const bool canGenerate = ok && !m_profile->modelMissing && m_profile->consentProblem.isEmpty() && !m_generating;
    m_generate->setEnabled(canGenerate && !m_generateText->text().trimmed().isEmpty() && m_library->isWritable());
    m_generateText->setEnabled(ok && !m_profile->modelMissing);
    if (m_generating)
        m_generate->setToolTip(tr("A sample is being generated…"));
    else if (ok && m_profile->modelMissing)
        m_generate->setToolTip(tr("The model of this voice is gone."));
    else
        m_generate->setToolTip(QString());
}
