#pragma once
#include <QString>
#include <QVector>

// 16-bit PCM mono WAV in and out, for generated samples and waveforms. The data stage has a
// libsndfile reader (csm/data/audio_file.h); the GUI keeps this small one so it builds without that
// stage and reads a sample's peaks on the GUI thread without touching the engine.
namespace WavFile {

struct Audio {
    QVector<float> samples;  // mono, [-1, 1]
    int sampleRate = 0;
    double seconds() const { return sampleRate ? double(samples.size()) / sampleRate : 0.0; }
};

// Writes atomically (QSaveFile). Returns false and sets *error on failure.
bool write(const QString &path, const float *samples, qsizetype count, int sampleRate, QString *error = nullptr);

// Reads a PCM16 (or float32) WAV; several channels are averaged. Returns false and sets *error.
bool read(const QString &path, Audio *audio, QString *error = nullptr);

} // namespace WavFile
