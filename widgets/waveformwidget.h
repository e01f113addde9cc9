#pragma once
#include <QVector>
#include <QWidget>

// Draws a sample's waveform (min/max per pixel column). Loads 16-bit WAV files itself; an
// unreadable file shows its problem instead.
class WaveformWidget : public QWidget
{
    Q_OBJECT

public:
    explicit WaveformWidget(QWidget *parent = nullptr);

    bool loadFile(const QString &path);  // false: the reason shows in place of the waveform
    void setSamples(const QVector<float> &samples, int sampleRate);
    void clear();
    QString problem() const { return m_problem; }
    double seconds() const { return m_sampleRate ? double(m_samples.size()) / m_sampleRate : 0.0; }

    QSize sizeHint() const override { return QSize(320, 64); }
    QSize minimumSizeHint() const override { return QSize(80, 40); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QVector<float> m_samples;
    int m_sampleRate = 0;
    QString m_problem;
};
