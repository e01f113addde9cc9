#include "spectrogramwidget.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <complex>
#include <vector>

#include "wavfile.h"

namespace {

// In-place iterative radix-2 FFT; `a.size()` is a power of two.
void fft(std::vector<std::complex<float>> &a)
{
    const size_t n = a.size();
    for (size_t i = 1, j = 0; i < n; ++i) {
        size_t bit = n >> 1;
        for (; j & bit; bit >>= 1)
            j ^= bit;
        j ^= bit;
        if (i < j)
            std::swap(a[i], a[j]);
    }
    for (size_t len = 2; len <= n; len <<= 1) {
        const float angle = -2.0f * float(M_PI) / float(len);
        const std::complex<float> step(std::cos(angle), std::sin(angle));
        for (size_t i = 0; i < n; i += len) {
            std::complex<float> w(1.0f, 0.0f);
            for (size_t k = 0; k < len / 2; ++k) {
                const std::complex<float> u = a[i + k];
                const std::complex<float> v = a[i + k + len / 2] * w;
                a[i + k] = u + v;
                a[i + k + len / 2] = u - v;
                w *= step;
            }
        }
    }
}

// Dark blue -> purple -> orange -> pale yellow, for 0..1.
QRgb heat(float t)
{
    static const float stops[][3] = {{0.02f, 0.02f, 0.10f}, {0.35f, 0.05f, 0.45f}, {0.85f, 0.30f, 0.15f}, {1.0f, 0.95f, 0.65f}};
    t = std::clamp(t, 0.0f, 1.0f) * 3.0f;
    const int i = std::min(2, int(t));
    const float f = t - float(i);
    auto mix = [&](int c) { return int(255.0f * (stops[i][c] + (stops[i + 1][c] - stops[i][c]) * f)); };
    return qRgb(mix(0), mix(1), mix(2));
}

} // namespace

SpectrogramWidget::SpectrogramWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(48);
}

QImage SpectrogramWidget::render(const QVector<float> &samples, int fftSize, int hop)
{
    if (samples.size() < fftSize)
        return QImage();
    const int frames = int((samples.size() - fftSize) / hop) + 1;
    const int bins = fftSize / 2;
    std::vector<float> window(static_cast<size_t>(fftSize));
    for (int i = 0; i < fftSize; ++i)
        window[size_t(i)] = 0.5f - 0.5f * std::cos(2.0f * float(M_PI) * float(i) / float(fftSize));
    std::vector<float> db(size_t(frames) * size_t(bins));
    std::vector<std::complex<float>> buffer(static_cast<size_t>(fftSize));
    float peak = -1e9f;
    for (int f = 0; f < frames; ++f) {
        for (int i = 0; i < fftSize; ++i)
            buffer[size_t(i)] = samples[qsizetype(f) * hop + i] * window[size_t(i)];
        fft(buffer);
        for (int b = 0; b < bins; ++b) {
            const float v = 10.0f * std::log10(std::norm(buffer[size_t(b)]) + 1e-10f);
            db[size_t(f) * size_t(bins) + size_t(b)] = v;
            peak = std::max(peak, v);
        }
    }
    QImage image(frames, bins, QImage::Format_RGB32);
    for (int b = 0; b < bins; ++b) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(bins - 1 - b));  // low frequencies at the bottom
        for (int f = 0; f < frames; ++f)
            line[f] = heat((db[size_t(f) * size_t(bins) + size_t(b)] - (peak - 80.0f)) / 80.0f);
    }
    return image;
}

bool SpectrogramWidget::loadFile(const QString &path)
{
    WavFile::Audio audio;
    QString error;
    if (!WavFile::read(path, &audio, &error)) {
        m_image = QImage();
        m_problem = error;
        update();
        return false;
    }
    setSamples(audio.samples, audio.sampleRate);
    return true;
}

void SpectrogramWidget::setSamples(const QVector<float> &samples, int)
{
    m_image = render(samples);
    m_problem.clear();
    update();
}

void SpectrogramWidget::clear()
{
    m_image = QImage();
    m_problem.clear();
    update();
}

void SpectrogramWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    if (m_image.isNull()) {
        painter.fillRect(rect(), palette().color(QPalette::Base));
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(6, 0, -6, 0), Qt::AlignCenter | Qt::TextWordWrap,
                         m_problem.isEmpty() ? tr("No audio") : m_problem);
    } else {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        painter.drawImage(rect(), m_image);
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
}
