// Segmenter (chunks cut only between words, exact words per chunk, overlap, hard maximum),
// validation split (deterministic, stratified, leak-free) and contextual examples.
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

#include "csm/data/conversation.h"
#include "csm/data/segmenter.h"
#include "csm/data/validation_split.h"
#include "test_support.h"

using namespace testdata;
using namespace csm::data;

namespace {

Segment seg(const std::string& id, const std::string& utt, const std::string& speaker, double start, double end,
            const std::string& conv = "", int turn = -1, int chunk = 0) {
  Segment s;
  s.id = id;
  s.utterance = utt;
  s.speaker = speaker;
  s.start = start;
  s.end = end;
  s.text = "some words here";
  s.conversation = conv;
  s.turn = turn;
  s.chunk = chunk;
  return s;
}

}  // namespace

class TestSegmentation : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void shortRecordingStaysWhole() {
    const Segmentation s = segment_utterance(12.0, "Hello there.", {}, {}, nullptr, SegmentParams{});
    QCOMPARE(s.chunks.size(), size_t(1));
    QCOMPARE(s.chunks[0].text, std::string("Hello there."));
    QCOMPARE(s.chunks[0].end, 12.0);
  }

  void longRecordingWithoutWordsIsNotGuessed() {
    const Segmentation s = segment_utterance(40.0, "A long text.", {}, {}, nullptr, SegmentParams{});
    QVERIFY(s.chunks.empty());
    QVERIFY(!s.error.empty());
  }

  void chunksFollowWords_data() {
    QTest::addColumn<double>("chunk");
    QTest::addColumn<double>("overlap");
    QTest::addColumn<double>("maxlen");
    QTest::addColumn<int>("words");
    QTest::newRow("default 10/2") << 10.0 << 2.0 << 15.0 << 200;
    QTest::newRow("no overlap") << 10.0 << 0.0 << 15.0 << 200;
    QTest::newRow("short chunks") << 5.0 << 1.0 << 8.0 << 120;
    QTest::newRow("long chunks") << 20.0 << 3.0 << 25.0 << 300;
  }
  void chunksFollowWords() {
    QFETCH(double, chunk);
    QFETCH(double, overlap);
    QFETCH(double, maxlen);
    QFETCH(int, words);
    std::vector<Word> times;
    const auto audio = speech_like(lorem_words(size_t(words)), 24000, times);
    const double duration = double(audio.size()) / 24000;
    const EnergyProfile e = analyze_energy(audio, 24000);
    SegmentParams p{chunk, overlap, maxlen};
    const Segmentation s = segment_utterance(duration, "", times, {}, &e, p);
    QVERIFY2(s.chunks.size() >= 2, s.error.c_str());
    QCOMPARE(s.chunks.front().start, 0.0);
    QCOMPARE(s.chunks.back().end, duration);
    std::set<std::string> covered;
    double total_overlap = 0.0;
    for (size_t c = 0; c < s.chunks.size(); ++c) {
      const Chunk& ch = s.chunks[c];
      QVERIFY2(ch.duration() <= maxlen + 1e-9, qPrintable(QString::number(ch.duration())));
      if (c + 1 < s.chunks.size()) QVERIFY(ch.duration() >= 0.5 * chunk - 1e-9);
      // Exactly the words whose times lie inside the chunk, none cut.
      std::vector<std::string> expect;
      for (size_t i = 0; i < times.size(); ++i) {
        const bool inside = times[i].start >= ch.start - 1e-9 && times[i].end <= ch.end + 1e-9;
        const bool cut = times[i].start < ch.end - 1e-9 && times[i].end > ch.end + 1e-9;
        const bool cut2 = times[i].start < ch.start - 1e-9 && times[i].end > ch.start + 1e-9;
        QVERIFY(!cut && !cut2);
        if (inside) {
          expect.push_back(times[i].text);
          covered.insert(std::to_string(i));
        }
      }
      QCOMPARE(qs(ch.text), qs(join(expect)));
      QCOMPARE(ch.words.size(), expect.size());
      QVERIFY(ch.words.front().start >= 0.0 && ch.words.back().end <= ch.duration() + 1e-9);
      if (c > 0) {
        QVERIFY(ch.start < s.chunks[c - 1].end + 1e-9);
        QVERIFY(ch.start > s.chunks[c - 1].start);
        total_overlap += s.chunks[c - 1].end - ch.start;
      }
    }
    QCOMPARE(covered.size(), times.size());  // every word is in some chunk
    const double mean_overlap = total_overlap / double(s.chunks.size() - 1);
    QVERIFY2(std::fabs(mean_overlap - overlap) < 1.0, qPrintable(QString::number(mean_overlap)));
  }

  void untrustedGapsAreNotCut() {
    std::vector<Word> times;
    const auto audio = speech_like(lorem_words(100), 24000, times);
    std::vector<bool> ok(times.size() - 1, false);
    for (size_t i = 10; i < ok.size(); i += 10) ok[i] = true;
    const Segmentation s = segment_utterance(double(audio.size()) / 24000, "", times, ok, nullptr, SegmentParams{10, 2, 15});
    QVERIFY(!s.chunks.empty());
    for (size_t c = 0; c + 1 < s.chunks.size(); ++c) {
      // The chunk's last word is followed by a trusted gap.
      size_t last = 0;
      for (size_t i = 0; i < times.size(); ++i)
        if (times[i].end <= s.chunks[c].end + 1e-9) last = i;
      QVERIFY(ok[last]);
    }
  }

  void noPauseWithinMaximumFails() {
    std::vector<Word> one_long{{"aaaa", 0.0, 30.0}, {"b", 30.1, 30.5}};
    const Segmentation s = segment_utterance(31.0, "", one_long, {}, nullptr, SegmentParams{});
    QVERIFY(s.chunks.empty());
  }

  void splitIsDeterministicStratifiedAndLeakFree() {
    std::vector<Segment> segs;
    for (int i = 0; i < 40; ++i) segs.push_back(seg("a" + std::to_string(i), "a" + std::to_string(i), "anna", 0, 5));
    for (int i = 0; i < 20; ++i) segs.push_back(seg("b" + std::to_string(i), "b" + std::to_string(i), "bob", 0, 5));
    // A chunked recording: its chunks overlap, so they must stay together.
    for (int c = 0; c < 5; ++c)
      segs.push_back(seg("long_c" + std::to_string(c), "long", "bob", c * 8.0, c * 8.0 + 10.0, "", -1, c));
    auto again = segs;
    assign_splits(segs, 0.10);
    assign_splits(again, 0.10);
    std::map<std::string, std::pair<double, double>> by;  // speaker -> val, total
    std::set<std::string> long_splits;
    for (size_t i = 0; i < segs.size(); ++i) {
      QCOMPARE(segs[i].split, again[i].split);
      by[segs[i].speaker].second += segs[i].duration();
      if (segs[i].split == "validation") by[segs[i].speaker].first += segs[i].duration();
      if (segs[i].utterance == "long") long_splits.insert(segs[i].split);
    }
    QCOMPARE(long_splits.size(), size_t(1));
    for (const auto& [spk, v] : by) {
      const double share = v.first / v.second;
      QVERIFY2(share >= 0.05 && share <= 0.2, qPrintable(QString::fromStdString(spk) + " " + QString::number(share)));
    }
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, assign_splits(segs, 0.5));
  }

  void singleLongRecordingSplitsAtItsTail() {
    std::vector<Segment> segs;
    for (int c = 0; c < 20; ++c) segs.push_back(seg("x_c" + std::to_string(c), "x", "solo", c * 8.0, c * 8.0 + 10.0, "", -1, c));
    assign_splits(segs, 0.10);
    double val_start = 1e9;
    for (const auto& s : segs)
      if (s.split == "validation") val_start = std::min(val_start, s.start);
    QVERIFY(val_start < 1e9);
    int excluded = 0;
    for (const auto& s : segs) {
      if (s.split == "train") QVERIFY(s.end <= val_start + 1e-9);  // no train audio inside validation
      excluded += s.split == "excluded";
    }
    QCOMPARE(excluded, 1);
  }

  void conversationExamples_data() {
    QTest::addColumn<int>("turns");
    QTest::addColumn<int>("maxContext");
    QTest::addColumn<int>("missingTurn");
    QTest::addColumn<QList<int>>("contexts");
    QTest::newRow("3 context") << 6 << 3 << -1 << QList<int>{0, 1, 2, 3, 3, 3};
    QTest::newRow("5 context") << 7 << 5 << -1 << QList<int>{0, 1, 2, 3, 4, 5, 5};
    QTest::newRow("gap breaks context") << 6 << 3 << 2 << QList<int>{0, 1, 0, 1, 2};
  }
  void conversationExamples() {
    QFETCH(int, turns);
    QFETCH(int, maxContext);
    QFETCH(int, missingTurn);
    QFETCH(QList<int>, contexts);
    std::vector<Segment> segs;
    for (int t = 0; t < turns; ++t) {
      if (t == missingTurn) continue;
      segs.push_back(seg("c_t" + std::to_string(t), "c_t" + std::to_string(t), t % 2 ? "B" : "A", 0, 3, "c", t));
      segs.back().split = "train";
    }
    segs.push_back(seg("solo", "solo", "A", 0, 3));
    segs.back().split = "validation";
    ContextParams p;
    p.max_context_turns = maxContext;
    const auto ex = build_examples(segs, p);
    QCOMPARE(int(ex.size()), int(segs.size()));
    for (int i = 0; i < contexts.size(); ++i) {
      QCOMPARE(int(ex[size_t(i)].context.size()), contexts[i]);
      if (!ex[size_t(i)].context.empty()) QCOMPARE(ex[size_t(i)].context.back(), segs[size_t(i) - 1].id);  // newest last
    }
    QVERIFY(ex.back().context.empty());
    QCOMPARE(ex.back().split, std::string("validation"));
    p.max_context_turns = 7;
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, build_examples(segs, p));
  }

  void contextIsShortenedToFitTheModel() {
    std::vector<Segment> segs;
    for (int t = 0; t < 5; ++t) segs.push_back(seg("t" + std::to_string(t), "t" + std::to_string(t), "A", 0, 14, "c", t));
    ContextParams p;
    p.max_context_turns = 3;
    p.max_frames = 2 * estimated_positions(segs[0]) + 5;  // room for the target and one context turn
    const auto ex = build_examples(segs, p);
    QCOMPARE(ex[4].context.size(), size_t(1));
  }
};

QTEST_GUILESS_MAIN(TestSegmentation)
#include "test_segmentation.moc"
