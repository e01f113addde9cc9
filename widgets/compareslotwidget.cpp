#include "compareslotwidget.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "audioplayer.h"
#include "icons.h"
#include "spectrogramwidget.h"
#include "waveformwidget.h"

CompareSlotWidget::CompareSlotWidget(const QString &label, int speakerId, const QString &voiceName, AudioPlayer *player,
                                     QWidget *parent)
    : QFrame(parent)
    , m_label(label)
    , m_speakerId(speakerId)
    , m_voiceName(voiceName)
    , m_player(player)
    , m_title(new QLabel(label, this))
    , m_status(new QLabel(tr("Waiting…"), this))
    , m_waveform(new WaveformWidget(this))
    , m_spectrogram(new SpectrogramWidget(this))
    , m_play(new QPushButton(studioIcon(QStringLiteral("media-playback-start"), QStringLiteral("play")), tr("Play"), this))
    , m_rating(new QComboBox(this))
{
    setFrameShape(QFrame::StyledPanel);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.4);
    m_title->setFont(f);
    m_title->setMinimumWidth(48);
    m_rating->addItem(tr("Rate…"), 0);
    const QStringList words{tr("1 – bad"), tr("2 – poor"), tr("3 – fair"), tr("4 – good"), tr("5 – excellent")};
    for (int score = 1; score <= 5; ++score)
        m_rating->addItem(words[score - 1], score);
    auto *grid = new QGridLayout(this);
    grid->addWidget(m_title, 0, 0, 2, 1);
    grid->addWidget(m_waveform, 0, 1, 1, 2);
    grid->addWidget(m_spectrogram, 0, 3, 1, 2);
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_status);
    controls->addStretch();
    controls->addWidget(m_play);
    controls->addWidget(m_rating);
    grid->addLayout(controls, 1, 1, 1, 4);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    connect(m_play, &QPushButton::clicked, this, &CompareSlotWidget::play);
    connect(m_player, &AudioPlayer::playingChanged, this, &CompareSlotWidget::updateState);
    updateState();
}

int CompareSlotWidget::rating() const
{
    return m_rating->currentData().toInt();
}

void CompareSlotWidget::setRating(int score)
{
    m_rating->setCurrentIndex(std::clamp(score, 0, 5));
}

void CompareSlotWidget::setRatingEnabled(bool enabled)
{
    m_rating->setVisible(enabled);
}

void CompareSlotWidget::setSample(const GeneratedSample &sample)
{
    m_sample = sample;
    m_waveform->loadFile(sample.filePath);
    m_spectrogram->loadFile(sample.filePath);
    m_status->setText(tr("%1 s").arg(sample.seconds, 0, 'f', 1));
    updateState();
}

void CompareSlotWidget::setFailed(const QString &message)
{
    m_status->setText(tr("Failed"));
    m_status->setToolTip(message);
    updateState();
}

void CompareSlotWidget::reveal(const QString &extra)
{
    m_title->setText(QStringLiteral("%1: %2%3").arg(m_label, m_voiceName, extra));
}

void CompareSlotWidget::play()
{
    if (!hasSample())
        return;
    if (m_player->currentFile() == m_sample.filePath)
        m_player->stop();
    else
        m_player->play(m_sample.filePath);
}

void CompareSlotWidget::updateState()
{
    const bool playing = hasSample() && m_player->currentFile() == m_sample.filePath;
    m_play->setEnabled(hasSample());
    m_play->setText(playing ? tr("Stop") : tr("Play"));
    m_play->setIcon(playing ? studioIcon(QStringLiteral("media-playback-stop"), QStringLiteral("stop"))
                            : studioIcon(QStringLiteral("media-playback-start"), QStringLiteral("play")));
    m_rating->setEnabled(hasSample());
}
