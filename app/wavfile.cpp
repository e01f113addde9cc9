#include "wavfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {

void putU32(QByteArray &b, quint32 v)
{
    char c[4];
    qToLittleEndian(v, c);
    b.append(c, 4);
}

void putU16(QByteArray &b, quint16 v)
{
    char c[2];
    qToLittleEndian(v, c);
    b.append(c, 2);
}

QString tr(const char *text)
{
    return QCoreApplication::translate("WavFile", text);
}

} // namespace

bool WavFile::write(const QString &path, const float *samples, qsizetype count, int sampleRate, QString *error)
{
    QByteArray data;
    data.reserve(44 + count * 2);
    const quint32 dataBytes = quint32(count * 2);
    data.append("RIFF", 4);
    putU32(data, 36 + dataBytes);
    data.append("WAVEfmt ", 8);
    putU32(data, 16);
    putU16(data, 1);  // PCM
    putU16(data, 1);  // mono
    putU32(data, quint32(sampleRate));
    putU32(data, quint32(sampleRate * 2));
    putU16(data, 2);
    putU16(data, 16);
    data.append("data", 4);
    putU32(data, dataBytes);
    for (qsizetype i = 0; i < count; ++i) {
        const float s = std::clamp(samples[i], -1.0f, 1.0f);
        putU16(data, quint16(qint16(std::lround(s * 32767.0f))));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = tr("%1: cannot write the audio file (%2). Check that the folder exists and is writable.")
                         .arg(path, file.errorString());
        return false;
    }
    return true;
}

bool WavFile::read(const QString &path, Audio *audio, QString *error)
{
    auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, why);
        return false;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("cannot open the file (%1)").arg(file.errorString()));
    const QByteArray b = file.readAll();
    if (b.size() < 12 || std::memcmp(b.constData(), "RIFF", 4) != 0 || std::memcmp(b.constData() + 8, "WAVE", 4) != 0)
        return fail(tr("not a WAV file"));
    int channels = 0, bits = 0, format = 0, rate = 0;
    qsizetype pos = 12;
    while (pos + 8 <= b.size()) {
        const char *id = b.constData() + pos;
        const quint32 size = qFromLittleEndian<quint32>(b.constData() + pos + 4);
        const qsizetype body = pos + 8;
        if (std::memcmp(id, "fmt ", 4) == 0 && body + 16 <= b.size()) {
            format = qFromLittleEndian<quint16>(b.constData() + body);
            channels = qFromLittleEndian<quint16>(b.constData() + body + 2);
            rate = int(qFromLittleEndian<quint32>(b.constData() + body + 4));
            bits = qFromLittleEndian<quint16>(b.constData() + body + 14);
        } else if (std::memcmp(id, "data", 4) == 0) {
            if (channels <= 0 || rate <= 0)
                return fail(tr("the data chunk comes before the format chunk"));
            const bool pcm16 = format == 1 && bits == 16;
            const bool float32 = format == 3 && bits == 32;
            if (!pcm16 && !float32)
                return fail(tr("only 16-bit PCM and 32-bit float WAV files are supported"));
            const qsizetype bytes = std::min<qsizetype>(size, b.size() - body);
            const int frameBytes = channels * bits / 8;
            const qsizetype frames = bytes / frameBytes;
            audio->sampleRate = rate;
            audio->samples.resize(frames);
            for (qsizetype f = 0; f < frames; ++f) {
                float sum = 0;
                for (int c = 0; c < channels; ++c) {
                    const char *p = b.constData() + body + f * frameBytes + c * bits / 8;
                    sum += pcm16 ? qFromLittleEndian<qint16>(p) / 32768.0f : qFromLittleEndian<float>(p);
                }
                audio->samples[f] = sum / float(channels);
            }
            return true;
        }
        pos = body + size + (size & 1);
    }
    return fail(tr("no audio data in the file"));
}
