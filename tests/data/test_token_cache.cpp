// Token cache with a deterministic fake codec: hits and misses, keys that change with audio,
// parameters and codec, damaged entries detected by checksum and rebuilt, and an unchanged
// re-import that encodes nothing.
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

#include "csm/data/dataset.h"
#include "csm/data/dataset_import.h"
#include "csm/data/token_cache.h"
#include "test_support.h"

using namespace testdata;
using namespace csm::data;

namespace {

void corrupt(const QString& path, const QString& how) {
  QFile f(path);
  QVERIFY(f.open(QIODevice::ReadWrite));
  QByteArray b = f.readAll();
  if (how == QLatin1String("truncate")) {
    b.chop(5);
  } else if (how == QLatin1String("flip")) {
    b[b.size() / 2] = char(b[b.size() / 2] ^ 0x10);
  } else if (how == QLatin1String("magic")) {
    b[0] = 'X';
  } else if (how == QLatin1String("empty")) {
    b.clear();
  } else if (how == QLatin1String("shape")) {
    b[8] = char(b[8] + 1);  // codebook count no longer matches the size
  }
  f.resize(0);
  f.seek(0);
  f.write(b);
}

}  // namespace

class TestTokenCache : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void hitAfterMiss() {
    QTemporaryDir dir;
    TokenCache cache(str(dir.path()));
    FakeEncoder enc(8);
    const auto audio = tone(1.0, 24000, 220.0, 0.3);
    const std::string key = TokenCache::make_key(to_pcm16(audio), "p", enc.identity());
    QCOMPARE(key.size(), size_t(32));
    const TokenFrames a = cache.get_or_encode(key, audio, enc);
    QCOMPARE(enc.calls, 1);
    QCOMPARE(a.size(), size_t(13));  // ceil(24000 / 1920)
    QCOMPARE(a[0].size(), size_t(8));
    const TokenFrames b = cache.get_or_encode(key, audio, enc);
    QCOMPARE(enc.calls, 1);
    QCOMPARE(a, b);
    QCOMPARE(cache.hits(), 1);
    QCOMPARE(cache.misses(), 1);
  }

  void keyDependsOnEverything() {
    const auto pcm = to_pcm16(tone(0.5, 24000));
    auto other = pcm;
    other[100] = int16_t(other[100] + 1);
    const std::string k = TokenCache::make_key(pcm, "p", "codec:a");
    QVERIFY(k != TokenCache::make_key(other, "p", "codec:a"));
    QVERIFY(k != TokenCache::make_key(pcm, "p2", "codec:a"));
    QVERIFY(k != TokenCache::make_key(pcm, "p", "codec:b"));
    QCOMPARE(k, TokenCache::make_key(pcm, "p", "codec:a"));
  }

  void damagedEntryIsRebuilt_data() {
    QTest::addColumn<QString>("how");
    for (const char* h : {"truncate", "flip", "magic", "empty", "shape"}) QTest::newRow(h) << QString::fromLatin1(h);
  }
  void damagedEntryIsRebuilt() {
    QFETCH(QString, how);
    QTemporaryDir dir;
    FakeEncoder enc(4);
    const auto audio = tone(2.0, 24000, 330.0, 0.3);
    const std::string key = TokenCache::make_key(to_pcm16(audio), "p", enc.identity());
    TokenFrames good;
    {
      TokenCache cache(str(dir.path()));
      good = cache.get_or_encode(key, audio, enc);
    }
    corrupt(qs(TokenCache(str(dir.path())).entry_path(key)), how);
    TokenCache cache(str(dir.path()));
    QVERIFY(!cache.load(key).has_value());
    QCOMPARE(cache.damaged(), 1);
    QVERIFY(!QFile::exists(qs(cache.entry_path(key))));  // removed, never used
    const TokenFrames again = cache.get_or_encode(key, audio, enc);
    QCOMPARE(enc.calls, 2);
    QCOMPARE(again, good);
    QVERIFY(cache.load(key).has_value());
  }

  void reimportEncodesNothingTwice() {
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("in"));
    for (int i = 0; i < 4; ++i) {
      std::vector<Word> w;
      const auto words = lorem_words(8, unsigned(10 + i));
      write_wav_pcm16(str(dir.filePath(QStringLiteral("in/u%1.wav").arg(i))), speech_like(words, 22050, w, unsigned(i)), 22050);
      write_text(dir.filePath(QStringLiteral("in/u%1.txt").arg(i)), QByteArray::fromStdString(join(words)));
    }
    ImportOptions o;
    o.audio_dir = str(dir.filePath(QStringLiteral("in")));
    o.out_dir = str(dir.filePath(QStringLiteral("out")));
    FakeEncoder enc(8);
    const DatasetReport r1 = import_dataset(o, &enc);
    QCOMPARE(r1.segments, 4);
    QCOMPARE(r1.tokens_encoded, 4);
    QCOMPARE(enc.calls, 4);
    const DatasetReport r2 = import_dataset(o, &enc);
    QCOMPARE(enc.calls, 4);
    QCOMPARE(r2.tokens_cached, 4);
    QCOMPARE(r2.tokens_encoded, 0);
    const Dataset d = read_dataset(o.out_dir);
    for (const auto& s : d.segments) QVERIFY(!s.tokens.empty());
    // Damage one entry: the next import notices and re-encodes only that one.
    TokenCache cache(o.out_dir + "/token-cache");
    corrupt(qs(cache.entry_path(d.segments[0].tokens)), QStringLiteral("flip"));
    const DatasetReport r3 = import_dataset(o, &enc);
    QCOMPARE(enc.calls, 5);
    QCOMPARE(r3.tokens_rebuilt, 1);
    // Another codec never reads this codec's codes.
    FakeEncoder other(8, "fake:2");
    import_dataset(o, &other);
    QCOMPARE(other.calls, 4);
    // Other processing parameters miss too.
    o.loudness.target_lufs = -20.0;
    import_dataset(o, &enc);
    QCOMPARE(enc.calls, 9);
  }
};

QTEST_GUILESS_MAIN(TestTokenCache)
#include "test_token_cache.moc"
