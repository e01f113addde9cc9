#include "waveformwidget.h"

#include <QPainter>
#include <QPalette>

#include <algorithm>

#include "wavfile.h"

WaveformWidget::WaveformWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(48);
}

bool WaveformWidget::loadFile(const QString &path)
{
    WavFile::Audio audio;
    QString error;
    if (!WavFile::read(path, &audio, &error)) {
        clear();
        m_problem = error;
        update();
        return false;
    }
    setSamples(audio.samples, audio.sampleRate);
    return true;
}

void WaveformWidget::setSamples(const QVector<float> &samples, int sampleRate)
{
    m_samples = samples;
    m_sampleRate = sampleRate;
    m_problem.clear();
    update();
}

void WaveformWidget::clear()
{
    m_samples.clear();
    m_sampleRate = 0;
    m_problem.clear();
    update();
}

void WaveformWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QPalette &pal = palette();
    painter.fillRect(rect(), pal.color(QPalette::Base));
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawRect(rect().adjusted(0, 0, -1, -1));
    if (m_samples.isEmpty()) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(6, 0, -6, 0), Qt::AlignCenter | Qt::TextWordWrap,
                         m_problem.isEmpty() ? tr("No audio") : m_problem);
        return;
    }
    const int w = std::max(1, width() - 2);
    const double mid = height() / 2.0;
    const double scale = (height() - 6) / 2.0;
    painter.setPen(pal.color(QPalette::Highlight));
    const qsizetype n = m_samples.size();
    for (int x = 0; x < w; ++x) {
        const qsizetype from = n * x / w;
        const qsizetype to = std::max(from + 1, n * (x + 1) / w);
        float lo = 0, hi = 0;
        for (qsizetype i = from; i < to && i < n; ++i) {
            lo = std::min(lo, m_samples[i]);
            hi = std::max(hi, m_samples[i]);
        }
        painter.drawLine(QPointF(x + 1, mid - hi * scale), QPointF(x + 1, mid - lo * scale));
    }
}
