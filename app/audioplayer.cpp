#include "audioplayer.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QFileInfo>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QUrl>

AudioPlayer::AudioPlayer(QObject *parent)
    : QObject(parent)
{
}

AudioPlayer::~AudioPlayer() = default;

bool AudioPlayer::outputAvailable() const
{
    return !QMediaDevices::audioOutputs().isEmpty();
}

QString AudioPlayer::unavailableReason() const
{
    if (outputAvailable())
        return QString();
    return tr("No sound device was found, so samples cannot be played here. They are still generated and "
              "saved; open the files in another player or connect an audio output.");
}

void AudioPlayer::ensurePlayer()
{
    // Created on first use: constructing a media player loads the multimedia backend.
    if (m_player)
        return;
    m_player = new QMediaPlayer(this);
    m_output = new QAudioOutput(this);
    m_player->setAudioOutput(m_output);
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        if (state == QMediaPlayer::StoppedState)
            setFile(QString());
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &text) {
        const QString file = m_file;
        setFile(QString());
        Q_EMIT errorOccurred(tr("Cannot play %1: %2").arg(QFileInfo(file).fileName(), text));
    });
}

bool AudioPlayer::play(const QString &path)
{
    if (!QFileInfo::exists(path)) {
        Q_EMIT errorOccurred(tr("%1: the audio file is gone.").arg(path));
        return false;
    }
    if (!outputAvailable()) {
        Q_EMIT errorOccurred(unavailableReason());
        return false;
    }
    ensurePlayer();
    m_player->stop();
    m_output->setDevice(QMediaDevices::defaultAudioOutput());
    m_player->setSource(QUrl::fromLocalFile(path));
    setFile(path);
    m_player->play();
    return true;
}

void AudioPlayer::stop()
{
    if (m_player)
        m_player->stop();
    setFile(QString());
}

void AudioPlayer::setFile(const QString &file)
{
    if (file == m_file)
        return;
    m_file = file;
    Q_EMIT playingChanged(file);
}
