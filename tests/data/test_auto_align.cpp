// Automatic alignment of long English recordings with pocketsphinx, on real human speech: the
// LibriVox clips of Debian's pocketsphinx-testdata (espeak-ng speech is not recognized well enough).
// A long file with one transcript is either cut at recognized word times (marked auto-aligned,
// chunks carry the user's exact words) or rejected with a message saying how to fix it.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

#include "csm/data/aligner.h"
#include "csm/data/audio_file.h"
#include "csm/data/dataset.h"
#include "csm/data/dataset_import.h"
#include "csm/data/speech_recognizer.h"
#include "test_support.h"

using namespace testdata;
using namespace csm::data;

namespace {

const QString kLibrivox = QStringLiteral("/usr/share/pocketsphinx/test/data/librivox");

// "<s> words </s> (id)" lines -> id -> words
std::map<std::string, std::string> transcriptions() {
  std::map<std::string, std::string> out;
  QFile f(kLibrivox + QStringLiteral("/transcription"));
  if (!f.open(QIODevice::ReadOnly)) return out;
  for (const QByteArray& line : f.readAll().split('\n')) {
    const int open = line.lastIndexOf('(');
    if (open < 0) continue;
    const std::string id = line.mid(open + 1, line.lastIndexOf(')') - open - 1).toStdString();
    QByteArray text = line.left(open).replace("<s>", "").replace("</s>", "").trimmed();
    out[id] = text.toStdString();
  }
  return out;
}

}  // namespace

class TestAutoAlign : public QObject {
  Q_OBJECT

  QTemporaryDir m_dir;
  std::string m_text;

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    if (!QFile::exists(kLibrivox + QStringLiteral("/transcription")))
      QSKIP("pocketsphinx-testdata not installed (make deps)");
    if (!SpeechRecognizer::unavailable_reason().empty()) QSKIP("pocketsphinx-en-us not installed (make deps)");
    // One ~26 s recording: the five clips in order with short pauses, one transcript.
    const auto t = transcriptions();
    std::vector<float> all;
    int rate = 0;
    for (const auto& [id, text] : t) {
      const AudioData a = read_audio_file(str(kLibrivox) + "/" + id + ".wav");
      rate = a.sample_rate;
      all.insert(all.end(), a.samples.begin(), a.samples.end());
      all.resize(all.size() + size_t(0.4 * rate), 0.0f);
      m_text += (m_text.empty() ? "" : " ") + text;
    }
    QVERIFY(all.size() > size_t(20 * rate));
    write_wav_pcm16(str(m_dir.filePath(QStringLiteral("book.wav"))), all, rate);
    // Capitalized and punctuated like a user's transcript: recognition is compared case-free.
    std::string shown = m_text;
    shown[0] = char(std::toupper(shown[0]));
    write_text(m_dir.filePath(QStringLiteral("book.txt")), QByteArray::fromStdString(shown + "."));
  }

  void recognizerHearsHumanSpeech() {
    const AudioData a = read_audio_file(str(kLibrivox) + "/sense_and_sensibility_01_austen_64kb-0880.wav");
    SpeechRecognizer r;
    const auto words = r.recognize(a.samples, a.sample_rate);
    const TranscriptAlignment al = align_transcript("he was not an ill disposed young man", words, a.duration_seconds());
    QVERIFY2(al.match_rate >= 0.5, qPrintable(QString::number(al.match_rate)));
    for (size_t i = 1; i < words.size(); ++i) QVERIFY(words[i].start >= words[i - 1].start);
  }

  void longRecordingIsAutoAligned() {
    ImportOptions o;
    o.audio_dir = str(m_dir.path());
    o.out_dir = str(m_dir.filePath(QStringLiteral("out")));
    const DatasetReport r = import_dataset(o);
    QCOMPARE(r.rejected_files, 0);
    QCOMPARE(r.auto_aligned_files, 1);
    bool marked = false;
    for (const auto& p : r.problems) marked = marked || p.code == "auto_aligned";
    QVERIFY(marked);
    const Dataset d = read_dataset(o.out_dir);
    QVERIFY(d.segments.size() >= 2);
    auto norm = [](std::string x) {
      std::string y;
      for (char c : x)
        if (c != '.') y.push_back(char(std::tolower(static_cast<unsigned char>(c))));
      return y;
    };
    const std::string all = norm(m_text);
    size_t previous = 0;
    for (const Segment& s : d.segments) {
      QVERIFY(s.auto_aligned);
      QVERIFY(s.duration() <= 15.0 + 1e-6);
      QVERIFY(!s.words.empty());
      // A contiguous run of the user's words, in order.
      const size_t at = all.find(norm(s.text));
      QVERIFY2(at != std::string::npos, s.text.c_str());
      QVERIFY(at >= previous);
      previous = at;
    }
  }

  void longRecordingIsRejectedWithAFix_data() {
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("code");
    QTest::newRow("auto-align off") << QStringLiteral("off") << QStringLiteral("unaligned_long_file");
    QTest::newRow("not English") << QStringLiteral("de") << QStringLiteral("unaligned_long_file");
    QTest::newRow("wrong transcript") << QStringLiteral("wrong") << QStringLiteral("auto_align_failed");
  }
  void longRecordingIsRejectedWithAFix() {
    QFETCH(QString, how);
    QFETCH(QString, code);
    QTemporaryDir dir;
    QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("book.wav")), dir.filePath(QStringLiteral("book.wav"))));
    write_text(dir.filePath(QStringLiteral("book.txt")),
               how == QLatin1String("wrong")
                   ? "Completely unrelated words about rockets, volcanoes and submarines which nobody ever said here at all, "
                     "repeated: rockets volcanoes submarines rockets volcanoes submarines rockets volcanoes submarines today."
                   : QByteArray::fromStdString(m_text));
    ImportOptions o;
    o.audio_dir = str(dir.path());
    o.out_dir = str(dir.filePath(QStringLiteral("out")));
    o.auto_align = how != QLatin1String("off");
    if (how == QLatin1String("de")) o.language = "de";
    const DatasetReport r = import_dataset(o);
    QCOMPARE(r.rejected_files, 1);
    QCOMPARE(r.segments, 0);
    bool found = false;
    for (const auto& p : r.problems)
      if (p.code == str(code)) {
        found = true;
        QVERIFY2(QString::fromStdString(p.fix).contains(QStringLiteral("TextGrid")), p.fix.c_str());
      }
    QVERIFY(found);
  }
};

QTEST_GUILESS_MAIN(TestAutoAlign)
#include "test_auto_align.moc"
