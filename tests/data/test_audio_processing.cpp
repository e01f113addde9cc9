// Audio building blocks of the data stage: hashing, file reading (formats, downmix, silent
// channels, bad files), resampling, DC removal, loudness normalization with a true-peak ceiling,
// energy analysis, trimming and pauses, quality measurements.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "csm/data/audio_file.h"
#include "csm/data/audio_quality.h"
#include "csm/data/loudness.h"
#include "csm/data/resampler.h"
#include "csm/data/silence.h"
#include "csm/errors.h"
#include "data/hash.h"
#include "test_support.h"

using namespace testdata;
using namespace csm::data;

class TestAudioProcessing : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void xxh64KnownValues_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<quint64>("expected");
    QTest::newRow("empty") << QByteArray() << quint64(0xEF46DB3751D8E999ULL);
    QTest::newRow("a") << QByteArray("a") << quint64(0xD24EC4F1A98C6E5BULL);
    QTest::newRow("abc") << QByteArray("abc") << quint64(0x44BC2CF5AD770999ULL);
    QTest::newRow("long") << QByteArray("Nobody inspects the spammish repetition") << quint64(0xFBCEA83C8A378BF1ULL);
  }
  void xxh64KnownValues() {
    QFETCH(QByteArray, input);
    QFETCH(quint64, expected);
    QCOMPARE(quint64(xxh64(input.constData(), size_t(input.size()))), expected);
    QCOMPARE(hex64(0xabcULL), std::string("0000000000000abc"));
  }

  void wavRoundTrip() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath(QStringLiteral("t.wav")));
    const auto x = tone(0.5, 24000, 440.0, 0.5);
    write_wav_pcm16(path, x, 24000);
    const AudioData a = read_audio_file(path);
    QCOMPARE(a.sample_rate, 24000);
    QCOMPARE(a.source_channels, 1);
    QCOMPARE(a.samples.size(), x.size());
    for (size_t i = 0; i < x.size(); i += 97) QVERIFY(std::fabs(a.samples[i] - x[i]) < 1e-4);
  }

  void readsOtherFormatsAndDownmixes() {
    if (!have_tools()) QSKIP("sox not installed (make deps)");
    QTemporaryDir dir;
    const QString wav = dir.filePath(QStringLiteral("s.wav"));
    write_wav_pcm16(str(wav), tone(1.0, 44100, 300.0, 0.4), 44100);
    const QString flac = dir.filePath(QStringLiteral("s.flac")), ogg = dir.filePath(QStringLiteral("s.ogg")),
                  stereo = dir.filePath(QStringLiteral("st.wav")), onesided = dir.filePath(QStringLiteral("one.wav"));
    QVERIFY(sox({wav, flac}));
    QVERIFY(sox({wav, ogg}));
    QVERIFY(sox({wav, QStringLiteral("-c"), QStringLiteral("2"), stereo}));
    // Left channel only: the dead right channel must not halve the level.
    QVERIFY(sox({wav, QStringLiteral("-c"), QStringLiteral("2"), onesided, QStringLiteral("remix"), QStringLiteral("1"), QStringLiteral("0")}));
    for (const QString& f : {flac, ogg}) {
      const AudioData a = read_audio_file(str(f));
      QCOMPARE(a.sample_rate, 44100);
      QVERIFY(std::fabs(a.duration_seconds() - 1.0) < 0.01);
    }
    const AudioData s = read_audio_file(str(stereo));
    QCOMPARE(s.source_channels, 2);
    QCOMPARE(s.silent_channels, 0);
    const AudioData o = read_audio_file(str(onesided));
    QCOMPARE(o.silent_channels, 1);
    const AudioQuality q = measure_quality(o.samples, o.sample_rate);
    QVERIFY2(std::fabs(q.peak_dbfs - 20 * std::log10(0.4)) < 0.3, qPrintable(QString::number(q.peak_dbfs)));
  }

  void badFilesThrowWithPathAndFix_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("expect");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("0 bytes");
    QTest::newRow("garbage") << QByteArray("RIFF\x10\0\0\0WAVEjunkjunkjunk", 24) << QStringLiteral("cannot be read");
    QTest::newRow("text") << QByteArray("hello, I am not audio\n") << QStringLiteral("cannot be read");
  }
  void badFilesThrowWithPathAndFix() {
    QFETCH(QByteArray, content);
    QFETCH(QString, expect);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.wav"));
    write_text(path, content);
    try {
      read_audio_file(str(path));
      QFAIL("no exception");
    } catch (const csm::InputError& e) {
      const QString msg = QString::fromStdString(e.what());
      QVERIFY2(msg.startsWith(path) && msg.contains(expect), qPrintable(msg));
    }
  }

  void resampleKeepsLengthAndPitch_data() {
    QTest::addColumn<int>("rate");
    QTest::newRow("8k") << 8000;
    QTest::newRow("16k") << 16000;
    QTest::newRow("44.1k") << 44100;
    QTest::newRow("48k") << 48000;
  }
  void resampleKeepsLengthAndPitch() {
    QFETCH(int, rate);
    const auto x = tone(2.0, rate, 1000.0, 0.5);
    const auto y = resample(x, rate, 24000);
    QVERIFY(std::abs(long(y.size()) - 48000) <= 2);
    // Zero crossings of a 1 kHz tone over the middle second: 2000.
    int crossings = 0;
    for (size_t i = 12001; i < 36000; ++i) crossings += (y[i - 1] < 0) != (y[i] < 0);
    QVERIFY2(std::abs(crossings - 2000) <= 2, qPrintable(QString::number(crossings)));
  }

  void removeDc() {
    auto x = tone(1.0, 24000, 200.0, 0.2);
    for (auto& s : x) s += 0.3f;
    remove_dc(x, 24000);
    double mean = 0.0;
    for (size_t i = 12000; i < x.size(); ++i) mean += x[i];
    QVERIFY(std::fabs(mean / 12000.0) < 1e-3);
  }

  void loudnessHitsTarget_data() {
    QTest::addColumn<double>("amp");
    QTest::addColumn<double>("target");
    QTest::newRow("quiet to -23") << 0.02 << -23.0;
    QTest::newRow("loud to -23") << 0.7 << -23.0;
    QTest::newRow("quiet to -18") << 0.05 << -18.0;
  }
  void loudnessHitsTarget() {
    QFETCH(double, amp);
    QFETCH(double, target);
    std::vector<csm::data::Word> w;
    auto x = speech_like(lorem_words(20), 24000, w, 5, amp);
    LoudnessParams p;
    p.target_lufs = target;
    const LoudnessResult r = normalize_loudness(x, 24000, p);
    QVERIFY(!r.peak_limited);
    const LoudnessResult again = normalize_loudness(x, 24000, p);
    QVERIFY2(std::fabs(again.input_lufs - target) < 0.1, qPrintable(QString::number(again.input_lufs)));
    QVERIFY(std::fabs(again.gain_db) < 0.1);
  }

  void truePeakCeilingWins() {
    // A click track: tiny loudness, high peaks. Reaching -16 LUFS would push the peaks over -1 dBTP.
    std::vector<float> x(48000, 0.0f);
    for (size_t i = 0; i < x.size(); i += 4800) x[i] = 0.5f;
    LoudnessParams p;
    p.target_lufs = -16.0;
    const LoudnessResult r = normalize_loudness(x, 24000, p);
    QVERIFY(r.peak_limited);
    const LoudnessResult again = normalize_loudness(x, 24000, p);
    QVERIFY2(again.input_true_peak_dbtp <= -0.95, qPrintable(QString::number(again.input_true_peak_dbtp)));
  }

  void silenceIsLeftAlone() {
    std::vector<float> x(24000, 0.0f);
    const LoudnessResult r = normalize_loudness(x, 24000, LoudnessParams{});
    QCOMPARE(r.gain_db, 0.0);
    for (float s : x) QCOMPARE(s, 0.0f);
  }

  void trimAndPauses() {
    std::vector<float> x(24000, 0.0f);                    // 1 s silence
    const auto t = tone(1.0, 24000, 200.0, 0.3);
    x.insert(x.end(), t.begin(), t.end());                // 1 s tone
    x.resize(x.size() + 12000, 0.0f);                     // 0.5 s pause
    x.insert(x.end(), t.begin(), t.end());                // 1 s tone
    x.resize(x.size() + 48000, 0.0f);                     // 2 s silence
    const auto n = noise(double(x.size()) / 24000, 24000, 0.0005, 9);  // room tone at -66 dBFS
    for (size_t i = 0; i < x.size(); ++i) x[i] += n[i];
    const EnergyProfile e = analyze_energy(x, 24000);
    const SampleRange r = find_trim_range(e, x.size(), 0.1);
    QVERIFY2(std::abs(long(r.begin) - (24000 - 2400)) <= 240, qPrintable(QString::number(r.begin)));
    QVERIFY2(std::abs(long(r.end) - (24000 * 3 + 12000 + 2400)) <= 240, qPrintable(QString::number(r.end)));
    const auto pauses = find_pauses(e, 0.3);
    QCOMPARE(pauses.size(), size_t(3));
    QVERIFY(std::fabs(pauses[1].start - 2.0) < 0.02 && std::fabs(pauses[1].end - 2.5) < 0.02);
  }

  void qualityMeasures() {
    auto clean = tone(2.0, 24000, 200.0, 0.3);
    clean.resize(clean.size() + 24000, 0.0f);
    const AudioQuality c = measure_quality(clean, 24000);
    QVERIFY(c.snr_db > 60);
    QCOMPARE(c.clipped_share, 0.0);
    auto clipped = tone(2.0, 24000, 200.0, 3.0);
    for (auto& s : clipped) s = std::max(-1.0f, std::min(1.0f, s));
    QVERIFY(measure_quality(clipped, 24000).clipped_share > 0.5);
    auto noisy = tone(2.0, 24000, 200.0, 0.1);
    const auto n = noise(2.0, 24000, 0.1, 4);
    for (size_t i = 0; i < noisy.size(); ++i) noisy[i] += n[i];
    QVERIFY(measure_quality(noisy, 24000).snr_db < 10);
  }
};

QTEST_GUILESS_MAIN(TestAudioProcessing)
#include "test_audio_processing.moc"
