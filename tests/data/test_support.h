// Shared helpers for the data-stage tests: synthetic audio (tones, noise, speech-like word bursts),
// running espeak-ng / sox into a temporary folder, and a deterministic fake codec.
#pragma once
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTest>

#include <cmath>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "csm/data/audio_file.h"
#include "csm/data/frame_encoder.h"
#include "csm/data/words.h"

namespace testdata {

inline std::string str(const QString& s) { return s.toStdString(); }
inline QString qs(const std::string& s) { return QString::fromStdString(s); }

inline std::vector<float> tone(double seconds, int rate, double freq = 220.0, double amp = 0.3) {
  std::vector<float> v(static_cast<size_t>(seconds * rate));
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<float>(amp * std::sin(2.0 * M_PI * freq * double(i) / rate));
  return v;
}

inline std::vector<float> noise(double seconds, int rate, double amp, unsigned seed = 1) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> d(0.0f, static_cast<float>(amp));
  std::vector<float> v(static_cast<size_t>(seconds * rate));
  for (auto& x : v) x = d(rng);
  return v;
}

// "Speech": each word is a harmonic burst (0.25 s + 0.04 s per letter) with a tremolo, separated by
// pauses of 0.12-0.42 s; every sentence end gets 0.6 s. Returns the words with their exact times.
inline std::vector<float> speech_like(const std::vector<std::string>& words, int rate, std::vector<csm::data::Word>& times,
                                      unsigned seed = 7, double amp = 0.25) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> gap(0.12, 0.42), pitch(110.0, 240.0);
  std::vector<float> out(static_cast<size_t>(0.3 * rate), 0.0f);
  times.clear();
  for (const auto& w : words) {
    const double len = 0.25 + 0.04 * double(w.size());
    const double f0 = pitch(rng);
    const size_t b = out.size(), n = static_cast<size_t>(len * rate);
    for (size_t i = 0; i < n; ++i) {
      const double t = double(i) / rate;
      const double env = std::sin(M_PI * t / len);
      double s = 0.0;
      for (int h = 1; h <= 6; ++h) s += std::sin(2.0 * M_PI * f0 * h * t) / h;
      out.push_back(static_cast<float>(amp * env * s * 0.5 * (1.0 + 0.3 * std::sin(2 * M_PI * 5 * t))));
    }
    times.push_back({w, double(b) / rate, double(b + n) / rate});
    const bool end = !w.empty() && (w.back() == '.' || w.back() == '?' || w.back() == '!');
    out.resize(out.size() + static_cast<size_t>((end ? 0.6 : gap(rng)) * rate), 0.0f);
  }
  out.resize(out.size() + static_cast<size_t>(0.3 * rate), 0.0f);
  return out;
}

inline std::vector<std::string> lorem_words(size_t n, unsigned seed = 3) {
  static const char* vocab[] = {"the", "quick", "brown", "fox", "jumps", "over", "a", "lazy", "dog", "while",
                                "seven", "bright", "birds", "sing", "softly", "near", "river", "stones", "under", "clouds"};
  std::mt19937 rng(seed);
  std::vector<std::string> w;
  for (size_t i = 0; i < n; ++i) {
    std::string s = vocab[rng() % 20];
    if (i % 9 == 8) s += ".";
    w.push_back(s);
  }
  return w;
}

inline std::string join(const std::vector<std::string>& w) {
  std::string s;
  for (const auto& x : w) s += (s.empty() ? "" : " ") + x;
  return s;
}

inline void write_text(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::WriteOnly));
  f.write(bytes);
}

inline bool have_tools() {
  return !QStandardPaths::findExecutable(QStringLiteral("espeak-ng")).isEmpty() &&
         !QStandardPaths::findExecutable(QStringLiteral("sox")).isEmpty();
}

// Runs a program; fails the current test on a non-zero exit.
inline bool run(const QString& program, const QStringList& args) {
  QProcess p;
  p.start(program, args);
  if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
    qWarning() << program << args << "failed:" << p.readAllStandardError();
    return false;
  }
  return true;
}

inline bool espeak(const QString& wav, const QString& text, int speed = 160) {
  return run(QStringLiteral("espeak-ng"), {QStringLiteral("-s"), QString::number(speed), QStringLiteral("-w"), wav, text});
}

inline bool sox(const QStringList& args) { return run(QStringLiteral("sox"), args); }

// Deterministic stand-in for the Mimi codec: one frame per 1920 samples (80 ms at 24 kHz), codes
// derived from the frame's samples, so equal audio gives equal codes.
class FakeEncoder : public csm::data::AudioFrameEncoder {
 public:
  explicit FakeEncoder(int books = 8, std::string id = "fake:1") : books_(books), id_(std::move(id)) {}
  std::vector<std::vector<int32_t>> encode(const std::vector<float>& a) override {
    ++calls;
    std::vector<std::vector<int32_t>> out;
    for (size_t f = 0; f * 1920 < a.size(); ++f) {
      double e = 0.0;
      for (size_t i = f * 1920; i < std::min(a.size(), (f + 1) * 1920); ++i) e += std::fabs(a[i]);
      std::vector<int32_t> codes(static_cast<size_t>(books_));
      for (int k = 0; k < books_; ++k) codes[static_cast<size_t>(k)] = static_cast<int32_t>(std::llround(e * 1000 + k * 37)) % 2048;
      out.push_back(std::move(codes));
    }
    return out;
  }
  std::string identity() const override { return id_; }
  int num_codebooks() const override { return books_; }
  int calls = 0;

 private:
  int books_;
  std::string id_;
};

}  // namespace testdata
