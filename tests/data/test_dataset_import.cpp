// End-to-end imports from each source kind into a dataset folder: processed audio (24 kHz mono,
// -23 LUFS, trimmed), segments with exact texts, long recordings cut by their word alignment
// (TextGrid, JSON word list, manifest alignment), conversations with context, validation split,
// atomic files and re-import into the same folder.
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

#include "csm/data/audio_file.h"
#include "csm/data/dataset.h"
#include "csm/data/dataset_import.h"
#include "csm/data/loudness.h"
#include "test_support.h"

using namespace testdata;
using namespace csm::data;

namespace {

// A long synthetic recording with a TextGrid / JSON word list beside it.
std::vector<Word> make_long(const QString& wav, size_t words, int rate, unsigned seed) {
  std::vector<Word> times;
  const auto audio = speech_like(lorem_words(words, seed), rate, times, seed);
  write_wav_pcm16(str(wav), audio, rate);
  return times;
}

QByteArray textgrid(const std::vector<Word>& w, double xmax) {
  QByteArray s = "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n\nxmin = 0\nxmax = " + QByteArray::number(xmax) +
                 "\ntiers? <exists>\nsize = 1\nitem []:\n    item [1]:\n        class = \"IntervalTier\"\n        name = \"words\"\n"
                 "        xmin = 0\n        xmax = " + QByteArray::number(xmax) + "\n        intervals: size = " +
                 QByteArray::number(qulonglong(w.size())) + "\n";
  for (size_t i = 0; i < w.size(); ++i)
    s += "        intervals [" + QByteArray::number(qulonglong(i + 1)) + "]:\n            xmin = " + QByteArray::number(w[i].start, 'f', 4) +
         "\n            xmax = " + QByteArray::number(w[i].end, 'f', 4) + "\n            text = \"" + QByteArray::fromStdString(w[i].text) + "\"\n";
  return s;
}

}  // namespace

class TestDatasetImport : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void folderPairsWithEspeak() {
    if (!have_tools()) QSKIP("espeak-ng / sox not installed (make deps)");
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("in"));
    const QStringList texts{QStringLiteral("The weather is lovely today."), QStringLiteral("Please bring me the red book."),
                            QStringLiteral("We will meet again at noon."), QStringLiteral("Music makes the long drive shorter."),
                            QStringLiteral("Seven swans swam across the lake."), QStringLiteral("Turn left at the old church.")};
    for (int i = 0; i < texts.size(); ++i) {
      const QString base = dir.filePath(QStringLiteral("in/u%1").arg(i));
      QVERIFY(espeak(base + QStringLiteral(".raw.wav"), texts[i]));
      // Different containers and rates, and a quiet take with silence around it.
      const QString ext = i == 1 ? QStringLiteral(".flac") : i == 2 ? QStringLiteral(".ogg") : QStringLiteral(".wav");
      QStringList args{base + QStringLiteral(".raw.wav"), QStringLiteral("-r"), i == 3 ? QStringLiteral("48000") : QStringLiteral("44100"),
                       base + ext};
      if (i == 4) args << QStringLiteral("vol") << QStringLiteral("0.05") << QStringLiteral("pad") << QStringLiteral("1") << QStringLiteral("1.5");
      QVERIFY(sox(args));
      QFile::remove(base + QStringLiteral(".raw.wav"));
      write_text(base + QStringLiteral(".txt"), texts[i].toUtf8());
    }
    ImportOptions o;
    o.audio_dir = str(dir.filePath(QStringLiteral("in")));
    o.out_dir = str(dir.filePath(QStringLiteral("out")));
    o.speaker_id = "narrator";
    int calls = 0;
    const DatasetReport r = import_dataset(o, nullptr, [&](int done, int total, const std::string&) {
      ++calls;
      QVERIFY(done <= total);
    });
    QCOMPARE(calls, 6);
    QCOMPARE(r.files, 6);
    QCOMPARE(r.rejected_files, 0);
    QCOMPARE(r.segments, 6);
    QVERIFY(r.written);
    QCOMPARE(r.speakers.size(), size_t(1));
    QCOMPARE(r.speakers[0].speaker, std::string("narrator"));
    QVERIFY(r.speakers[0].usable_minutes < r.speakers[0].total_minutes);  // silence trimmed
    const Dataset d = read_dataset(o.out_dir);
    QCOMPARE(d.segments.size(), size_t(6));
    QCOMPARE(d.examples.size(), size_t(6));
    int val = 0;
    for (const Segment& s : d.segments) {
      val += s.split == "validation";
      QVERIFY(texts.contains(qs(s.text)));
      const AudioData a = read_audio_file(o.out_dir + "/" + s.audio);
      QCOMPARE(a.sample_rate, 24000);
      QCOMPARE(a.source_channels, 1);
      std::vector<float> x = a.samples;
      const LoudnessResult m = normalize_loudness(x, 24000, LoudnessParams{});
      QVERIFY2(std::fabs(m.input_lufs + 23.0) < 0.6 || m.input_true_peak_dbtp > -1.2,
               qPrintable(QString::number(m.input_lufs) + " " + QString::number(m.input_true_peak_dbtp)));
      QVERIFY(m.input_true_peak_dbtp < -0.9);
    }
    QCOMPARE(val, 1);
    // The padded quiet take lost its 1 s + 1.5 s of silence.
    const auto u4 = std::find_if(d.segments.begin(), d.segments.end(), [](const Segment& s) { return s.id == "u4"; });
    QVERIFY(u4 != d.segments.end());
    const double raw = read_audio_file(o.audio_dir + "/u4.wav").duration_seconds();
    QVERIFY2(u4->duration() < raw - 2.0, qPrintable(QString::number(u4->duration())));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("out/report.json"))));
    // No temporary files left behind by the atomic writes.
    QDirIterator it(dir.filePath(QStringLiteral("out")), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) QVERIFY2(!it.next().contains(QStringLiteral(".tmp")), qPrintable(it.filePath()));

    // Re-import after a recording was removed: its processed audio goes away too.
    QFile::remove(dir.filePath(QStringLiteral("in/u5.wav")));
    QFile::remove(dir.filePath(QStringLiteral("in/u5.txt")));
    const DatasetReport r2 = import_dataset(o);
    QCOMPARE(r2.segments, 5);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("out/audio/u5.wav"))));
  }

  void longRecordingsCutByAlignment_data() {
    QTest::addColumn<QString>("kind");
    QTest::newRow("TextGrid") << QStringLiteral("textgrid");
    QTest::newRow("JSON words") << QStringLiteral("json");
    QTest::newRow("manifest alignment") << QStringLiteral("manifest");
  }
  void longRecordingsCutByAlignment() {
    QFETCH(QString, kind);
    QTemporaryDir dir;
    const QString wav = dir.filePath(QStringLiteral("long.wav"));
    const auto words = make_long(wav, 90, 48000, 11);
    const double dur = read_audio_file(str(wav)).duration_seconds();
    std::vector<std::string> ws;
    for (const auto& w : words) ws.push_back(w.text);
    const std::string text = join(ws);
    ImportOptions o;
    o.out_dir = str(dir.filePath(QStringLiteral("out")));
    o.auto_align = false;  // the alignment must be what makes this work
    if (kind == QLatin1String("manifest")) {
      std::string al = "[";
      for (size_t i = 0; i < words.size(); ++i)
        al += (i ? "," : "") + std::string("{\"word\":\"") + words[i].text + "\",\"start\":" + std::to_string(words[i].start) +
              ",\"end\":" + std::to_string(words[i].end) + "}";
      al += "]";
      write_text(dir.filePath(QStringLiteral("m.jsonl")),
                 QByteArray::fromStdString("{\"audio\":\"long.wav\",\"text\":\"" + text + "\",\"speaker\":\"s\",\"alignment\":" + al + "}\n"));
      o.manifest = str(dir.filePath(QStringLiteral("m.jsonl")));
    } else {
      write_text(dir.filePath(QStringLiteral("long.txt")), QByteArray::fromStdString(text));
      if (kind == QLatin1String("textgrid")) {
        write_text(dir.filePath(QStringLiteral("long.TextGrid")), textgrid(words, dur));
      } else {
        std::string js = "[";
        for (size_t i = 0; i < words.size(); ++i)
          js += (i ? "," : "") + std::string("{\"word\":\"") + words[i].text + "\",\"start\":" + std::to_string(words[i].start) +
                ",\"end\":" + std::to_string(words[i].end) + "}";
        write_text(dir.filePath(QStringLiteral("long.words.json")), QByteArray::fromStdString(js + "]"));
      }
      o.audio_dir = str(dir.path());
    }
    const DatasetReport r = import_dataset(o);
    QVERIFY2(r.rejected_files == 0, r.problems.empty() ? "" : r.problems[0].reason.c_str());
    const Dataset d = read_dataset(o.out_dir);
    QVERIFY(d.segments.size() >= 5);
    std::string all;
    double covered_to = 0.0;
    for (const Segment& s : d.segments) {
      QVERIFY(s.duration() <= 15.0 + 1e-6);
      QVERIFY(!s.auto_aligned);
      QVERIFY(!s.words.empty());
      std::vector<std::string> own;
      for (const auto& w : s.words) own.push_back(w.text);
      QCOMPARE(s.text, join(own));
      QVERIFY(s.start <= covered_to + 1e-6);  // no audio left out between chunks
      covered_to = s.end;
      // Overlapping chunks share words; the text is a contiguous run of the transcript.
      QVERIFY2(text.find(s.text) != std::string::npos, s.text.c_str());
    }
    // The single recording gives its tail to validation; the chunk straddling the boundary is out.
    std::set<std::string> splits;
    for (const Segment& s : d.segments) splits.insert(s.split);
    QVERIFY(splits.count("validation") && splits.count("train"));
  }

  void conversationManifest() {
    QTemporaryDir dir;
    std::string lines;
    for (int c = 0; c < 2; ++c) {
      lines += "{\"conversation\":\"chat" + std::to_string(c) + "\",\"turns\":[";
      for (int t = 0; t < 6; ++t) {
        std::vector<Word> w;
        const auto words = lorem_words(6, unsigned(100 * c + t));
        const QString name = QStringLiteral("c%1t%2.wav").arg(c).arg(t);
        write_wav_pcm16(str(dir.filePath(name)), speech_like(words, 24000, w, unsigned(100 * c + t)), 24000);
        lines += std::string(t ? "," : "") + "{\"speaker\":\"" + (t % 2 ? "B" : "A") + "\",\"text\":\"" + join(words) +
                 "\",\"audio\":\"" + str(name) + "\"}";
      }
      lines += "]}\n";
    }
    write_text(dir.filePath(QStringLiteral("conv.jsonl")), QByteArray::fromStdString(lines));
    ImportOptions o;
    o.manifest = str(dir.filePath(QStringLiteral("conv.jsonl")));
    o.out_dir = str(dir.filePath(QStringLiteral("out")));
    o.max_context_turns = 4;
    const DatasetReport r = import_dataset(o);
    QCOMPARE(r.rejected_files, 0);
    QCOMPARE(r.speakers.size(), size_t(2));
    const Dataset d = read_dataset(o.out_dir);
    QCOMPARE(d.examples.size(), size_t(12));
    std::map<std::string, const Segment*> by_id;
    for (const auto& s : d.segments) by_id[s.id] = &s;
    std::map<std::string, std::set<std::string>> conv_splits;
    for (const Example& e : d.examples) {
      const Segment* target = by_id.at(e.target);
      QCOMPARE(int(e.context.size()), std::min(target->turn, 4));
      for (size_t k = 0; k < e.context.size(); ++k) {
        const Segment* c = by_id.at(e.context[k]);
        QCOMPARE(c->conversation, target->conversation);
        QCOMPARE(c->turn, target->turn - int(e.context.size()) + int(k));  // oldest first
        QVERIFY(!c->text.empty() && !c->audio.empty());
      }
      conv_splits[target->conversation].insert(e.split);
    }
    for (const auto& [c, s] : conv_splits) QCOMPARE(s.size(), size_t(1));  // a conversation stays on one side
  }

  void ljspeechLayout() {
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("wavs"));
    QByteArray meta;
    for (int i = 0; i < 3; ++i) {
      std::vector<Word> w;
      const auto words = lorem_words(7, unsigned(40 + i));
      write_wav_pcm16(str(dir.filePath(QStringLiteral("wavs/LJ%1.wav").arg(i))), speech_like(words, 22050, w, unsigned(40 + i)), 22050);
      meta += "LJ" + QByteArray::number(i) + "|" + QByteArray::fromStdString(join(words)) + "|" + QByteArray::fromStdString(join(words)) + "\n";
    }
    meta += "LJ9|This one has no audio file.\n";
    write_text(dir.filePath(QStringLiteral("metadata.csv")), meta);
    ImportOptions o;
    o.metadata = str(dir.filePath(QStringLiteral("metadata.csv")));
    o.out_dir = str(dir.filePath(QStringLiteral("out")));
    const DatasetReport r = import_dataset(o);
    QCOMPARE(r.files, 4);
    QCOMPARE(r.rejected_files, 1);
    QCOMPARE(r.segments, 3);
    QVERIFY(r.written);
  }

  void badOptions() {
    ImportOptions o;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, import_dataset(o));
    o.audio_dir = "/nonexistent";
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, import_dataset(o));  // no --out
    o.out_dir = "/tmp/x";
    o.validation_share = 0.3;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, import_dataset(o));
    o.validation_share = 0.1;
    o.max_context_turns = 2;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, import_dataset(o));
  }
};

QTEST_GUILESS_MAIN(TestDatasetImport)
#include "test_dataset_import.moc"
