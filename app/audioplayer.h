#pragma once
#include <QObject>
#include <QString>

class QAudioOutput;
class QMediaPlayer;

// Plays one sample at a time with Qt Multimedia. Without a sound device (servers, CI, a broken
// PulseAudio) nothing plays and errorOccurred() says so; the rest of the app keeps working.
class AudioPlayer : public QObject
{
    Q_OBJECT

public:
    explicit AudioPlayer(QObject *parent = nullptr);
    ~AudioPlayer() override;

    // True when the system reports at least one audio output.
    bool outputAvailable() const;
    QString unavailableReason() const;

    QString currentFile() const { return m_file; }
    bool isPlaying() const { return !m_file.isEmpty(); }

public Q_SLOTS:
    // Starts `path` (stopping what plays). Returns false and emits errorOccurred() when it cannot.
    bool play(const QString &path);
    void stop();

Q_SIGNALS:
    void playingChanged(const QString &file);  // empty: stopped
    void errorOccurred(const QString &message);

private:
    void ensurePlayer();
    void setFile(const QString &file);

    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_output = nullptr;
    QString m_file;
};
