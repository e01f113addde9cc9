// The dataset doctor's bad-input corpus: one entry per reason the issue lists (and the other
// codes the importer reports), built at test time with espeak-ng, sox and synthetic signals. The
// import must process everything, list each problem with its file, reason and fix, keep the good
// files, honour --strict, and report through `csm dataset import|report` with the right exit code.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include "csm/data/dataset.h"
#include "csm/data/dataset_import.h"
#include "csm/data/dataset_report.h"
#include "test_support.h"

using namespace testdata;
using namespace csm::data;

class TestDatasetDoctor : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  QString m_in;

  QString in(const QString& name) const { return m_in + QLatin1Char('/') + name; }

  // espeak-ng sentence -> 44.1 kHz WAV with its transcript.
  bool speech(const QString& base, const QString& text, const QStringList& soxEffects = {}, const QString& transcript = QString(),
              const QStringList& soxOutOpts = {}) {
    const QString raw = m_dir.filePath(base + QStringLiteral(".raw.wav"));
    if (!espeak(raw, text)) return false;
    QStringList args{raw};
    args << soxOutOpts << in(base + QStringLiteral(".wav")) << soxEffects;
    if (!sox(args)) return false;
    write_text(in(base + QStringLiteral(".txt")), (transcript.isNull() ? text : transcript).toUtf8());
    return true;
  }

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    if (!have_tools()) QSKIP("espeak-ng / sox not installed (make deps)");
    QVERIFY(m_dir.isValid());
    m_in = m_dir.filePath(QStringLiteral("in"));
    QDir().mkpath(m_in);
    const QStringList rate{QStringLiteral("rate"), QStringLiteral("44100")};
    // Good files.
    QVERIFY(speech(QStringLiteral("good1"), QStringLiteral("Good morning, how are you doing today?"), rate));
    QVERIFY(speech(QStringLiteral("good2"), QStringLiteral("The train leaves the station at half past nine."), rate));
    QVERIFY(speech(QStringLiteral("good3"), QStringLiteral("Please remember to water the plants on Friday."), rate));
    // 0 bytes; corrupt; not audio at all.
    write_text(in(QStringLiteral("empty.wav")), QByteArray());
    write_text(in(QStringLiteral("empty.txt")), "Nothing here.");
    QByteArray corrupt = "RIFF\x24\x00\x01\x00WAVEfmt ";
    corrupt += QByteArray(200, '\x7f');
    write_text(in(QStringLiteral("corrupt.wav")), corrupt);
    write_text(in(QStringLiteral("corrupt.txt")), "Broken file.");
    // Too short: 0.3 s.
    QVERIFY(sox({QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("24000"), in(QStringLiteral("short.wav")),
                 QStringLiteral("synth"), QStringLiteral("0.3"), QStringLiteral("sine"), QStringLiteral("300")}));
    write_text(in(QStringLiteral("short.txt")), "Hi.");
    // Silent: 3 s of digital silence, and 3 s of very faint hiss.
    QVERIFY(sox({QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("24000"), in(QStringLiteral("silent.wav")),
                 QStringLiteral("trim"), QStringLiteral("0"), QStringLiteral("3")}));
    write_text(in(QStringLiteral("silent.txt")), "Is anybody there?");
    QVERIFY(sox({QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("24000"), in(QStringLiteral("hiss.wav")),
                 QStringLiteral("synth"), QStringLiteral("3"), QStringLiteral("whitenoise"), QStringLiteral("vol"), QStringLiteral("0.0005")}));
    write_text(in(QStringLiteral("hiss.txt")), "Is anybody there?");
    // Clipped: driven 20 dB into full scale.
    QVERIFY(speech(QStringLiteral("clipped"), QStringLiteral("This recording was made far too loud."),
                   {QStringLiteral("gain"), QStringLiteral("20")}));
    // Low SNR: speech under loud white noise.
    {
      const QString clean = m_dir.filePath(QStringLiteral("noisy-clean.wav")), n = m_dir.filePath(QStringLiteral("noise.wav"));
      QVERIFY(espeak(clean, QStringLiteral("You can hardly hear me over this noise.")));
      QVERIFY(sox({QStringLiteral("-n"), QStringLiteral("-r"), QStringLiteral("22050"), QStringLiteral("-c"), QStringLiteral("1"), n,
                   QStringLiteral("synth"), QStringLiteral("4"), QStringLiteral("whitenoise"), QStringLiteral("vol"), QStringLiteral("0.3")}));
      QVERIFY(sox({QStringLiteral("-m"), clean, n, in(QStringLiteral("noisy.wav"))}));
      write_text(in(QStringLiteral("noisy.txt")), "You can hardly hear me over this noise.");
    }
    // Sample rate below 16 kHz (warning only, kept).
    QVERIFY(speech(QStringLiteral("lowrate"), QStringLiteral("This is telephone quality audio."), {QStringLiteral("rate"), QStringLiteral("8000")}));
    // Stereo (handled: downmixed, warning) and a stereo file with one dead channel.
    QVERIFY(speech(QStringLiteral("stereo"), QStringLiteral("Both channels carry my voice."), {QStringLiteral("channels"), QStringLiteral("2")}));
    QVERIFY(speech(QStringLiteral("leftonly"), QStringLiteral("Only the left channel carries my voice."),
                   {QStringLiteral("remix"), QStringLiteral("1"), QStringLiteral("0")}, QString(), {QStringLiteral("-c"), QStringLiteral("2")}));
    // Transcript problems.
    QVERIFY(speech(QStringLiteral("notext"), QStringLiteral("Nobody wrote down what I said.")));
    QFile::remove(in(QStringLiteral("notext.txt")));
    QVERIFY(speech(QStringLiteral("emptytext"), QStringLiteral("My transcript is empty."), {}, QStringLiteral(" \n ")));
    QVERIFY(speech(QStringLiteral("latin1"), QStringLiteral("I ordered a coffee in the cafe."), {}, QString()));
    write_text(in(QStringLiteral("latin1.txt")), "I ordered a coffee in the caf\xE9.");
    QVERIFY(speech(QStringLiteral("toolong"), QStringLiteral("Yes, that is right."), {}, QString(400, QLatin1Char('x')) + QStringLiteral(" and more words")));
    QVERIFY(speech(QStringLiteral("tooshort"),
                   QStringLiteral("This sentence goes on for quite a while, it really does not want to stop at all, and then it goes on."),
                   {}, QStringLiteral("Hi.")));
    // Duplicate audio (a copy under another name, with its own transcript).
    QVERIFY(QFile::copy(in(QStringLiteral("good1.wav")), in(QStringLiteral("good1_copy.wav"))));
    write_text(in(QStringLiteral("good1_copy.txt")), "Good morning, how are you doing today?");
    // A long recording with one transcript and no alignment (auto-alignment off in this suite).
    {
      const QString t = QStringLiteral(
          "Once upon a time there was a little village by the sea. Every morning the fishermen went out with their boats. "
          "They came back in the evening with baskets full of fish. The children ran down to the harbour to meet them. "
          "At night the lighthouse guided everyone safely home.");
      QVERIFY(speech(QStringLiteral("long"), t, rate));
    }
    // A transcript without audio.
    write_text(in(QStringLiteral("orphan.txt")), "Where is my recording?");
  }

  void everyProblemIsListedAndTheRestImported() {
    ImportOptions o;
    o.audio_dir = str(m_in);
    o.out_dir = str(m_dir.filePath(QStringLiteral("out")));
    o.auto_align = false;
    const DatasetReport r = import_dataset(o);
    std::map<std::string, std::vector<Problem>> by_code;
    for (const auto& p : r.problems) {
      QVERIFY2(!p.file.empty() && !p.reason.empty() && !p.fix.empty(), p.code.c_str());
      by_code[p.code].push_back(p);
    }
    struct Expect {
      const char* file;
      const char* code;
      Severity severity;
    };
    const Expect expected[] = {
        {"empty.wav", "empty_file", Severity::Rejected},
        {"corrupt.wav", "unreadable", Severity::Rejected},
        {"short.wav", "too_short", Severity::Rejected},
        {"silent.wav", "silent", Severity::Rejected},
        {"hiss.wav", "silent", Severity::Rejected},
        {"clipped.wav", "clipped", Severity::Rejected},
        {"noisy.wav", "low_snr", Severity::Rejected},
        {"lowrate.wav", "low_sample_rate", Severity::Warning},
        {"stereo.wav", "multichannel", Severity::Warning},
        {"leftonly.wav", "multichannel", Severity::Warning},
        {"notext.wav", "missing_transcript", Severity::Rejected},
        {"emptytext.txt", "empty_transcript", Severity::Rejected},
        {"latin1.txt", "non_utf8_transcript", Severity::Rejected},
        {"toolong.wav", "transcript_too_long", Severity::Rejected},
        {"tooshort.wav", "transcript_too_short", Severity::Rejected},
        {"good1_copy.wav", "duplicate_audio", Severity::Rejected},
        {"long.wav", "unaligned_long_file", Severity::Rejected},
        {"orphan.txt", "missing_audio", Severity::Warning},
    };
    for (const Expect& e : expected) {
      bool found = false;
      for (const auto& p : by_code[e.code])
        found = found || (QString::fromStdString(p.file).endsWith(QLatin1Char('/') + QLatin1String(e.file)) && p.severity == e.severity);
      QVERIFY2(found, qPrintable(QStringLiteral("%1: expected %2").arg(QLatin1String(e.file), QLatin1String(e.code))));
    }
    for (const auto& p : r.problems) {
      const QString f = QString::fromStdString(p.file);
      QVERIFY2(!f.contains(QStringLiteral("good")) || p.code == "duplicate_audio" || p.code == "no_validation",
               qPrintable(f + QStringLiteral(": ") + QString::fromStdString(p.code + " " + p.reason)));
    }
    QVERIFY(QString::fromStdString(by_code["silent"][0].reason).contains(QStringLiteral("dBFS")));
    QVERIFY(QString::fromStdString(by_code["unaligned_long_file"][0].fix).contains(QStringLiteral("TextGrid")));
    // Kept: good1-3, lowrate, stereo, leftonly.
    QCOMPARE(r.files, 20);
    QCOMPARE(r.files - r.rejected_files, 6);
    QCOMPARE(r.segments, 6);
    QVERIFY(r.has_rejections());
    QVERIFY(r.written);
    const Dataset d = read_dataset(o.out_dir);
    QCOMPARE(d.segments.size(), size_t(6));
    // The text report names every file and fix.
    const QString text = QString::fromStdString(format_report(r));
    QVERIFY(text.contains(QStringLiteral("REJECTED")) && text.contains(QStringLiteral("good1_copy.wav")) &&
            text.contains(QStringLiteral("fix:")));
    // JSON round trip.
    const DatasetReport back = read_dataset_report(o.out_dir);
    QCOMPARE(back.problems.size(), r.problems.size());
    QCOMPARE(back.segment_histogram, r.segment_histogram);
    QCOMPARE(back.speakers.size(), r.speakers.size());
  }

  void strictWritesOnlyTheReport() {
    ImportOptions o;
    o.audio_dir = str(m_in);
    o.out_dir = str(m_dir.filePath(QStringLiteral("strict")));
    o.auto_align = false;
    o.strict = true;
    const DatasetReport r = import_dataset(o);
    QVERIFY(!r.written);
    QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("strict/report.json"))));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("strict/dataset.json"))));
  }

  void commandLine() {
    const QString csm = QStringLiteral(CSM_BIN_DIR "/csm");
    if (!QFile::exists(csm)) QSKIP("csm not built");
    QProcess p;
    // Only good files: exit 0.
    const QString good = m_dir.filePath(QStringLiteral("goodonly"));
    QDir().mkpath(good);
    for (const char* n : {"good1", "good2", "good3"})
      for (const char* ext : {".wav", ".txt"})
        QVERIFY(QFile::copy(in(QLatin1String(n) + QLatin1String(ext)), good + QLatin1Char('/') + QLatin1String(n) + QLatin1String(ext)));
    p.start(csm, {QStringLiteral("dataset"), QStringLiteral("import"), QStringLiteral("--audio-dir"), good, QStringLiteral("--out"),
                  m_dir.filePath(QStringLiteral("cli-good")), QStringLiteral("--quiet")});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 0);
    // Bad corpus: exit 1, every problem printed.
    p.start(csm, {QStringLiteral("dataset"), QStringLiteral("import"), QStringLiteral("--audio-dir"), m_in, QStringLiteral("--out"),
                  m_dir.filePath(QStringLiteral("cli-bad")), QStringLiteral("--no-auto-align"), QStringLiteral("--quiet")});
    QVERIFY(p.waitForFinished(120000));
    QCOMPARE(p.exitCode(), 1);
    const QString out = QString::fromUtf8(p.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("[duplicate_audio]")) && out.contains(QStringLiteral("[silent]")), qPrintable(out));
    p.start(csm, {QStringLiteral("dataset"), QStringLiteral("report"), m_dir.filePath(QStringLiteral("cli-bad")), QStringLiteral("--json")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    const QJsonObject j = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QCOMPARE(j.value(QStringLiteral("format")).toString(), QStringLiteral("csm-dataset-report"));
    QVERIFY(j.value(QStringLiteral("problems")).toArray().size() >= 18);
    QVERIFY(j.value(QStringLiteral("speakers")).toArray().size() == 1);
    p.start(csm, {QStringLiteral("dataset"), QStringLiteral("report"), m_dir.filePath(QStringLiteral("cli-good"))});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("Minutes per speaker")));
    // Bad usage: exit 2. Not a dataset: exit 1.
    p.start(csm, {QStringLiteral("dataset"), QStringLiteral("import"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x"))});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 2);
    p.start(csm, {QStringLiteral("dataset"), QStringLiteral("report"), m_in});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(QString::fromUtf8(p.readAllStandardError()).contains(QStringLiteral("report.json")));
    // --strict: any problem fails, even a warning-only set.
    p.start(csm, {QStringLiteral("dataset"), QStringLiteral("import"), QStringLiteral("--audio-dir"), good, QStringLiteral("--out"),
                  m_dir.filePath(QStringLiteral("cli-strict")), QStringLiteral("--strict"), QStringLiteral("--quiet")});
    QVERIFY(p.waitForFinished(120000));
    const DatasetReport gr = read_dataset_report(str(m_dir.filePath(QStringLiteral("cli-strict"))));
    QCOMPARE(p.exitCode(), gr.problems.empty() ? 0 : 1);
  }
};

QTEST_GUILESS_MAIN(TestDatasetDoctor)
#include "test_dataset_doctor.moc"
