#pragma once
#include <QFrame>

#include "enginetypes.h"

class AudioPlayer;
class QComboBox;
class QLabel;
class QPushButton;
class SpectrogramWidget;
class WaveformWidget;

// One contender on the Compare page: its label ("A", or the voice's name when not blind), the
// generated sample's waveform and spectrogram side by side, play/stop and a 1..5 rating.
class CompareSlotWidget : public QFrame
{
    Q_OBJECT

public:
    CompareSlotWidget(const QString &label, int speakerId, const QString &voiceName, AudioPlayer *player,
                      QWidget *parent = nullptr);

    QString label() const { return m_label; }
    int speakerId() const { return m_speakerId; }
    QString voiceName() const { return m_voiceName; }
    bool hasSample() const { return !m_sample.filePath.isEmpty(); }
    const GeneratedSample &sample() const { return m_sample; }
    int rating() const;  // 0: not rated
    void setRating(int score);
    void setRatingEnabled(bool enabled);
    void setSample(const GeneratedSample &sample);
    void setFailed(const QString &message);
    void reveal(const QString &extra = QString());  // shows the voice's name next to the label

public Q_SLOTS:
    void play();

private:
    void updateState();

    QString m_label;
    int m_speakerId;
    QString m_voiceName;
    AudioPlayer *m_player;
    GeneratedSample m_sample;
    QLabel *m_title;
    QLabel *m_status;
    WaveformWidget *m_waveform;
    SpectrogramWidget *m_spectrogram;
    QPushButton *m_play;
    QComboBox *m_rating;
};
