// Transcript sources (folder pairs, LJSpeech metadata.csv, JSONL utterances and conversations),
// word alignment files (TextGrid long/short form, JSON word lists), text helpers and the
// transcript-to-recognition aligner.
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

#include "csm/data/aligner.h"
#include "csm/data/transcript_sources.h"
#include "csm/data/word_alignment_files.h"
#include "csm/data/words.h"
#include "csm/errors.h"
#include "test_support.h"

using namespace testdata;
using namespace csm::data;

namespace {

bool has_code(const std::vector<Problem>& ps, const std::string& code) {
  return std::any_of(ps.begin(), ps.end(), [&](const Problem& p) { return p.code == code; });
}

const SourceUtterance* find(const SourceList& s, const std::string& id) {
  for (const auto& u : s.utterances)
    if (u.id == id) return &u;
  return nullptr;
}

const char* kLongTextGrid = R"(File type = "ooTextFile"
Object class = "TextGrid"

xmin = 0
xmax = 2.5
tiers? <exists>
size = 2
item []:
    item [1]:
        class = "IntervalTier"
        name = "words"
        xmin = 0
        xmax = 2.5
        intervals: size = 4
        intervals [1]:
            xmin = 0
            xmax = 0.3
            text = ""
        intervals [2]:
            xmin = 0.3
            xmax = 0.8
            text = "hello"
        intervals [3]:
            xmin = 0.8
            xmax = 1.4
            text = "say ""hi"""
        intervals [4]:
            xmin = 1.4
            xmax = 2.5
            text = "world"
    item [2]:
        class = "IntervalTier"
        name = "phones"
        xmin = 0
        xmax = 2.5
        intervals: size = 1
        intervals [1]:
            xmin = 0
            xmax = 2.5
            text = "HH"
)";

const char* kShortTextGrid = R"(File type = "ooTextFile"
Object class = "TextGrid"

0
2.5
<exists>
1
"IntervalTier"
"words"
0
2.5
3
0
1.0
"hello"
1.0
1.2
"sil"
1.2
2.5
"world"
)";

}  // namespace

class TestTranscriptSources : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void textHelpers_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("utf8");
    QTest::newRow("ascii") << QByteArray("hello") << true;
    QTest::newRow("umlaut") << QByteArray("gr\xC3\xBC\xC3\x9F") << true;
    QTest::newRow("latin1") << QByteArray("caf\xE9") << false;
    QTest::newRow("overlong") << QByteArray("\xC0\xAF") << false;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("truncated") << QByteArray("\xE2\x82") << false;
  }
  void textHelpers() {
    QFETCH(QByteArray, input);
    QFETCH(bool, utf8);
    QCOMPARE(is_valid_utf8(input.toStdString()), utf8);
    QCOMPARE(clean_text("\xEF\xBB\xBF  Hello,\n\t world  "), std::string("Hello, world"));
    QCOMPARE(normalize_word("\"Don't!\""), std::string("don't"));
    QCOMPARE(normalize_word("\xE2\x80\x94"), std::string());
  }

  void folderPairs() {
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("a/sub"));
    QDir(dir.path()).mkpath(QStringLiteral("t/sub"));
    for (const char* n : {"a/one.wav", "a/sub/two.flac", "a/three.wav", "a/four.wav", "a/five.wav"}) write_text(dir.filePath(QString::fromLatin1(n)), "x");
    write_text(dir.filePath(QStringLiteral("t/one.txt")), "  Hello\nthere. ");
    write_text(dir.filePath(QStringLiteral("t/sub/two.txt")), "Second one.");
    write_text(dir.filePath(QStringLiteral("t/three.txt")), "   \n");
    write_text(dir.filePath(QStringLiteral("t/four.txt")), "caf\xE9");
    write_text(dir.filePath(QStringLiteral("t/orphan.txt")), "No audio for me.");
    const SourceList s = read_audio_text_dirs(str(dir.filePath(QStringLiteral("a"))), str(dir.filePath(QStringLiteral("t"))));
    QCOMPARE(s.utterances.size(), size_t(5));
    QCOMPARE(find(s, "one")->text, std::string("Hello there."));
    QVERIFY(find(s, "one")->problems.empty());
    QCOMPARE(find(s, "sub_two")->text, std::string("Second one."));
    QVERIFY(has_code(find(s, "three")->problems, "empty_transcript"));
    QVERIFY(has_code(find(s, "four")->problems, "non_utf8_transcript"));
    QVERIFY(has_code(find(s, "five")->problems, "missing_transcript"));
    QVERIFY(find(s, "five")->rejected());
    QVERIFY(has_code(s.problems, "missing_audio"));
    QVERIFY_THROWS_EXCEPTION(csm::InputError, read_audio_text_dirs(str(dir.filePath(QStringLiteral("nope"))), ""));
  }

  void ljspeechMetadata() {
    QTemporaryDir dir;
    write_text(dir.filePath(QStringLiteral("metadata.csv")),
               "LJ001-0001|Printing, in the 1st sense|Printing, in the first sense\r\n"
               "LJ001-0002|In being comparatively modern.\n"
               "\n"
               "broken line without separator\n"
               "LJ001-0003|caf\xE9\n");
    const SourceList s = read_ljspeech_metadata(str(dir.filePath(QStringLiteral("metadata.csv"))));
    QCOMPARE(s.utterances.size(), size_t(3));
    QCOMPARE(s.utterances[0].text, std::string("Printing, in the first sense"));  // normalized column
    QCOMPARE(s.utterances[1].text, std::string("In being comparatively modern."));
    QVERIFY(QString::fromStdString(s.utterances[0].audio_path).endsWith(QStringLiteral("wavs/LJ001-0001.wav")));
    QVERIFY(has_code(s.utterances[2].problems, "non_utf8_transcript"));
    QVERIFY(has_code(s.problems, "bad_metadata_line"));
    QVERIFY(QString::fromStdString(s.problems[0].file).endsWith(QStringLiteral("metadata.csv:4")));
  }

  void jsonlManifest() {
    QTemporaryDir dir;
    write_text(dir.filePath(QStringLiteral("m.jsonl")),
               R"({"audio": "a.wav", "text": "Hello world.", "speaker": "anna"}
{"audio": "long.wav", "text": "Part two.", "speaker": 2, "start": 1.5, "end": 3.0,
 "alignment": [{"word": "Part", "start": 1.6, "end": 1.9}, {"word": "two.", "start": 2.0, "end": 2.4}]}
{"audio": "b.wav", "speaker": "anna"}
not json at all
{"text": "no audio"}
{"conversation": "c1", "turns": [{"speaker": "A", "text": "Hi.", "audio": "t1.wav"}, {"speaker": "B", "text": "Hello.", "audio": "t2.wav"}]}
)");
    const SourceList s = read_jsonl_manifest(str(dir.filePath(QStringLiteral("m.jsonl"))));
    QCOMPARE(s.utterances.size(), size_t(4));
    QCOMPARE(s.utterances[0].speaker, std::string("anna"));
    QCOMPARE(s.utterances[0].audio_path, str(dir.filePath(QStringLiteral("a.wav"))));
    // Line 2 spans two physical lines: JSONL is one object per line, so both halves are bad lines.
    QVERIFY(has_code(s.problems, "bad_manifest_line"));
    const SourceUtterance* b = find(s, "b");
    QVERIFY(b && has_code(b->problems, "missing_transcript"));
    QCOMPARE(s.utterances[2].conversation, std::string("c1"));
    QCOMPARE(s.utterances[2].turn, 0);
    QCOMPARE(s.utterances[3].turn, 1);
    QCOMPARE(s.utterances[3].speaker, std::string("B"));
    QCOMPARE(s.utterances[3].id, std::string("c1_t001"));
    int bad_lines = 0;
    for (const auto& p : s.problems) bad_lines += p.code == "bad_manifest_line";
    QCOMPARE(bad_lines, 4);  // the two halves, "not json", and the line without audio

    write_text(dir.filePath(QStringLiteral("m2.jsonl")),
               R"({"audio": "long.wav", "text": "Part two.", "speaker": 2, "start": 1.5, "end": 3.0, "alignment": [{"word": "Part", "start": 1.6, "end": 1.9}, {"word": "two.", "start": 2.0, "end": 2.4}]})"
               "\n");
    const SourceList s2 = read_jsonl_manifest(str(dir.filePath(QStringLiteral("m2.jsonl"))));
    QCOMPARE(s2.utterances.size(), size_t(1));
    QCOMPARE(s2.utterances[0].speaker, std::string("2"));
    QVERIFY(s2.utterances[0].has_words);
    QCOMPARE(s2.utterances[0].words.size(), size_t(2));
    QCOMPARE(s2.utterances[0].start, 1.5);
    QCOMPARE(s2.utterances[0].id, std::string("long_1500"));
  }

  void textGridForms_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("long") << QByteArray(kLongTextGrid) << QStringList{"hello", "say \"hi\"", "world"};
    QTest::newRow("short") << QByteArray(kShortTextGrid) << QStringList{"hello", "world"};
  }
  void textGridForms() {
    QFETCH(QByteArray, content);
    QFETCH(QStringList, words);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("x.TextGrid"));
    write_text(path, content);
    const auto w = read_textgrid_words(str(path));
    QCOMPARE(int(w.size()), words.size());
    for (int i = 0; i < words.size(); ++i) QCOMPARE(qs(w[size_t(i)].text), words[i]);
    QVERIFY(w.back().end == 2.5);
  }

  void brokenAlignmentFiles() {
    QTemporaryDir dir;
    const QString tg = dir.filePath(QStringLiteral("bad.TextGrid"));
    write_text(tg, "File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n0 2 <exists> 1 \"IntervalTier\" \"words\" 0 2 5 0 1");
    QVERIFY_THROWS_EXCEPTION(csm::InputError, read_textgrid_words(str(tg)));
    QVERIFY_THROWS_EXCEPTION(csm::InputError, parse_json_words("[{\"word\": \"a\", \"start\": 2, \"end\": 1}]", "x"));
    QVERIFY_THROWS_EXCEPTION(csm::InputError, parse_json_words("{\"nope\": 1}", "x"));
    const auto w = parse_json_words(R"({"words": [{"text": "a", "start": 0, "end": 1}, {"word": "<sil>", "start": 1, "end": 2}]})", "x");
    QCOMPARE(w.size(), size_t(1));
  }

  void alignmentFilesBesideAudio() {
    QTemporaryDir dir;
    write_text(dir.filePath(QStringLiteral("one.wav")), "x");
    write_text(dir.filePath(QStringLiteral("one.txt")), "hello say hi world");
    write_text(dir.filePath(QStringLiteral("one.TextGrid")), kLongTextGrid);
    write_text(dir.filePath(QStringLiteral("two.wav")), "x");
    write_text(dir.filePath(QStringLiteral("two.txt")), "a b");
    write_text(dir.filePath(QStringLiteral("two.words.json")), R"([{"word": "a", "start": 0.1, "end": 0.2}, {"word": "b", "start": 0.3, "end": 0.4}])");
    write_text(dir.filePath(QStringLiteral("three.wav")), "x");
    write_text(dir.filePath(QStringLiteral("three.txt")), "c");
    write_text(dir.filePath(QStringLiteral("three.json")), "{broken");
    SourceList s = read_audio_text_dirs(str(dir.path()), "");
    attach_alignment_files(s);
    QVERIFY(find(s, "one")->has_words);
    QCOMPARE(find(s, "one")->words.size(), size_t(3));
    QVERIFY(find(s, "two")->has_words);
    QVERIFY(!find(s, "three")->has_words);
    QVERIFY(has_code(find(s, "three")->problems, "bad_alignment"));
  }

  void uniqueIds() {
    SourceList s;
    for (int i = 0; i < 3; ++i) s.utterances.push_back(SourceUtterance{});
    for (auto& u : s.utterances) u.id = "a";
    s.utterances.push_back(SourceUtterance{});
    s.utterances.back().id = "a-2";
    make_ids_unique(s);
    std::vector<std::string> ids;
    for (const auto& u : s.utterances) ids.push_back(u.id);
    std::sort(ids.begin(), ids.end());
    QVERIFY(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
  }

  void alignerTimesTranscriptWords() {
    // Recognizer heard "the quick brown box jumps" (box for fox) and missed "over".
    const std::vector<Word> heard{{"the", 0.1, 0.2}, {"quick", 0.3, 0.6}, {"brown", 0.7, 1.0}, {"box", 1.1, 1.4}, {"jumps", 1.5, 1.9},
                                  {"lazy", 2.6, 2.9}, {"dog", 3.0, 3.3}};
    const TranscriptAlignment a = align_transcript("The quick, brown fox jumps over the lazy dog.", heard, 4.0);
    QCOMPARE(a.words.size(), size_t(9));
    QCOMPARE(a.words[1].text, std::string("quick,"));
    QCOMPARE(a.words[1].start, 0.3);
    QCOMPARE(a.words[3].start, 1.1);   // substituted: times taken, not anchored
    QVERIFY(!a.anchored[3]);
    QVERIFY(a.anchored[4]);
    // "over the" interpolated between jumps (1.9) and lazy (2.6), in order.
    QVERIFY(a.words[5].start >= 1.9 - 1e-9 && a.words[5].end <= a.words[6].start + 1e-9 && a.words[6].end <= 2.6 + 1e-9);
    QCOMPARE(a.matched, 6);  // the, quick, brown, jumps, lazy, dog
    QVERIFY(std::fabs(a.match_rate - 6.0 / 9.0) < 1e-9);
    for (size_t i = 1; i < a.words.size(); ++i) QVERIFY(a.words[i].start >= a.words[i - 1].start);
  }
};

QTEST_GUILESS_MAIN(TestTranscriptSources)
#include "test_transcript_sources.moc"
