#pragma once
#include <QImage>
#include <QVector>
#include <QWidget>

// A sample's spectrogram (512-point STFT, hop 256, Hann window, 80 dB range, low frequencies at
// the bottom), computed once per clip into an image and scaled to the widget.
class SpectrogramWidget : public QWidget
{
    Q_OBJECT

public:
    explicit SpectrogramWidget(QWidget *parent = nullptr);

    bool loadFile(const QString &path);  // false: the reason shows instead
    void setSamples(const QVector<float> &samples, int sampleRate);
    void clear();
    const QImage &image() const { return m_image; }

    // The spectrogram image of `samples`: one column per hop, fftSize / 2 rows.
    static QImage render(const QVector<float> &samples, int fftSize = 512, int hop = 256);

    QSize sizeHint() const override { return QSize(240, 64); }
    QSize minimumSizeHint() const override { return QSize(80, 40); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_image;
    QString m_problem;
};
