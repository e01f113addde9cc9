// Mimi codec tests through the torch-free public API: golden codes and audio against transformers'
// MimiModel (fixtures from tools/make_fixtures.py and tools/make_mimi_fixtures.py), the three weight
// layouts, batched encode with per-item lengths == per-item encode, chunked streaming decode == full
// decode (with and without a sliding attention window), the strict loader's messages, bad input.
#include "csm/codec/mimi_codec.h"
#include "csm/csm_runtime.h"
#include "csm/errors.h"
#include "csm/safetensors.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

namespace {

const std::string kFixtures = CSM_FIXTURES_DIR;
constexpr double kPi = 3.14159265358979323846;

template <typename T>
std::vector<T> read_tensor(const csm::SafetensorsFile& f, const std::string& name) {
  const csm::TensorView& v = f.at(name);
  std::vector<T> out(v.numel());
  if (v.dtype == csm::DType::I64 && !std::is_same<T, int64_t>::value) {
    const auto* p = static_cast<const int64_t*>(v.data);
    for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<T>(p[i]);
  } else {
    std::memcpy(out.data(), v.data, v.nbytes);
  }
  return out;
}

// Codes [1, K, F] (int64) of a fixture as AudioCodes.
csm::AudioCodes fixture_codes(const csm::SafetensorsFile& f, const std::string& name) {
  const csm::TensorView& v = f.at(name);
  csm::AudioCodes c;
  c.num_codebooks = v.shape[1];
  c.num_frames = v.shape[2];
  c.values = read_tensor<int32_t>(f, name);
  return c;
}

double max_abs_diff(const std::vector<float>& a, const std::vector<float>& b) {
  if (a.size() != b.size()) return 1e30;
  double m = 0;
  for (size_t i = 0; i < a.size(); ++i) m = std::max(m, std::fabs(double(a[i]) - double(b[i])));
  return m;
}

// Deterministic test audio: a chirp with some tone bursts.
std::vector<float> test_audio(int64_t n, double f0) {
  std::vector<float> x(n);
  for (int64_t i = 0; i < n; ++i) {
    const double t = double(i) / 24000.0;
    x[i] = float(0.3 * std::sin(2 * kPi * (f0 + 300 * t) * t) + 0.1 * std::sin(2 * kPi * 1234.5 * t * (i % 977 < 400)));
  }
  return x;
}

csm::AudioCodes random_codes(int64_t K, int64_t F, int64_t V, uint32_t seed) {
  csm::AudioCodes c;
  c.num_codebooks = K;
  c.num_frames = F;
  c.values.resize(K * F);
  uint32_t s = seed;
  for (auto& v : c.values) {
    s = s * 1664525u + 1013904223u;
    v = static_cast<int32_t>((s >> 8) % V);
  }
  return c;
}

template <typename F>
QString input_error(F&& f) {
  try {
    f();
  } catch (const csm::InputError& e) {
    return QString::fromStdString(e.what());
  }
  return QStringLiteral("<no InputError>");
}

// The tiny CSM fixture's codec as a standalone kyutai/mimi-style folder, optionally altered.
void write_standalone(const QString& dir, const std::function<void(std::vector<csm::TensorView>&)>& alter = {}) {
  auto csm_file = csm::SafetensorsFile::open(kFixtures + "/tiny_csm/model.safetensors");
  std::vector<csm::TensorView> views;
  for (const auto& name : csm_file.names()) {
    if (name.rfind("codec_model.", 0) != 0) continue;
    csm::TensorView v = csm_file.at(name);
    v.name = name.substr(12);
    views.push_back(v);
  }
  if (alter) alter(views);
  csm::write_safetensors((dir + "/model.safetensors").toStdString(), views);
  QFile in(QString::fromStdString(kFixtures + "/tiny_csm/config.json"));
  QVERIFY(in.open(QIODevice::ReadOnly));
  QJsonObject codec = QJsonDocument::fromJson(in.readAll()).object().value(QStringLiteral("codec_config")).toObject();
  QFile out(dir + "/config.json");
  QVERIFY(out.open(QIODevice::WriteOnly));
  out.write(QJsonDocument(codec).toJson());
}


}  // namespace

class TestMimiCodec : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  // ---- golden: the codec inside the tiny CSM fixture (tools/make_fixtures.py) ----
  void csmFolderMatchesTransformers_data() {
    QTest::addColumn<bool>("fromRuntime");
    QTest::newRow("MimiCodec::load(folder)") << false;
    QTest::newRow("MimiCodec::from_runtime") << true;
  }
  void csmFolderMatchesTransformers() {
    QFETCH(bool, fromRuntime);
    auto codec = fromRuntime ? csm::MimiCodec::from_runtime(csm::CsmRuntime::load(kFixtures + "/tiny_csm"))
                             : csm::MimiCodec::load(kFixtures + "/tiny_csm");
    QCOMPARE(codec.layout(), std::string("csm"));
    QCOMPARE(codec.num_codebooks(), int64_t(8));
    QCOMPARE(codec.samples_per_frame(), int64_t(1920));
    QCOMPARE(codec.frame_rate(), 12.5);
    auto ref = csm::SafetensorsFile::open(kFixtures + "/mimi_reference.safetensors");
    auto input = read_tensor<float>(ref, "input");
    auto codes = codec.encode(input.data(), int64_t(input.size()));
    auto want = fixture_codes(ref, "codes");
    QCOMPARE(codes.num_codebooks, want.num_codebooks);
    QCOMPARE(codes.num_frames, want.num_frames);
    QVERIFY(codes.values == want.values);
    const double d = max_abs_diff(codec.decode(want), read_tensor<float>(ref, "decoded"));
    qInfo("tiny CSM codec: decoded max |diff| %.3g", d);
    QVERIFY(d <= 1e-4);
  }

  // ---- golden: the tiny standalone Mimi in all three layouts (tools/make_mimi_fixtures.py) ----
  void layoutsMatchTransformers_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("layout");
    QTest::newRow("kyutai/mimi folder") << QStringLiteral("tiny_mimi") << QStringLiteral("mimi");
    QTest::newRow("kyutai/mimi model.safetensors") << QStringLiteral("tiny_mimi/model.safetensors") << QStringLiteral("mimi");
    QTest::newRow("Moshi checkpoint") << QStringLiteral("tiny_mimi_moshi/tokenizer-tiny.safetensors") << QStringLiteral("moshi");
  }
  void layoutsMatchTransformers() {
    QFETCH(QString, path);
    QFETCH(QString, layout);
    auto codec = csm::MimiCodec::load(kFixtures + "/" + path.toStdString());
    QCOMPARE(QString::fromStdString(codec.layout()), layout);
    auto ref = csm::SafetensorsFile::open(kFixtures + "/mimi_tiny_reference.safetensors");
    auto input = read_tensor<float>(ref, "input");
    auto codes = codec.encode(input.data(), int64_t(input.size()));
    auto want = fixture_codes(ref, "codes");
    QCOMPARE(codes.num_frames, want.num_frames);
    int64_t same = 0;
    for (size_t i = 0; i < want.values.size(); ++i) same += codes.values[i] == want.values[i];
    qInfo("%s: %lld of %zu codes equal (transformers window applied: %s)", qPrintable(path), (long long)same,
          want.values.size(), ref.metadata().count("sliding_window_applied") ? ref.metadata().at("sliding_window_applied").c_str() : "?");
    QVERIFY(codes.values == want.values);
    const double d1 = max_abs_diff(codec.decode(want), read_tensor<float>(ref, "decoded"));
    const double d2 = max_abs_diff(codec.decode(fixture_codes(ref, "random_codes")), read_tensor<float>(ref, "random_decoded"));
    qInfo("decoded max |diff| %.3g, random codes %.3g", d1, d2);
    QVERIFY(d1 <= 1e-4);
    QVERIFY(d2 <= 1e-4);
  }

  void raggedBatchMatchesTransformersPerItem() {
    auto codec = csm::MimiCodec::load(kFixtures + "/tiny_mimi");
    auto ref = csm::SafetensorsFile::open(kFixtures + "/mimi_tiny_reference.safetensors");
    auto batch = read_tensor<float>(ref, "batch.input");
    auto lengths = read_tensor<int64_t>(ref, "batch.lengths");
    const int64_t T = ref.at("batch.input").shape[2];
    std::vector<const float*> items;
    for (size_t i = 0; i < lengths.size(); ++i) items.push_back(batch.data() + i * T);
    auto codes = codec.encode_batch(items, lengths);
    for (size_t i = 0; i < lengths.size(); ++i) {
      auto want = fixture_codes(ref, "batch.codes." + std::to_string(i));
      QCOMPARE(codes[i].num_frames, want.num_frames);
      QVERIFY2(codes[i].values == want.values, ("item " + std::to_string(i)).c_str());
    }
  }

  // ---- batched encode with lengths == one item at a time (any weights) ----
  void batchedEncodeEqualsPerItem_data() {
    QTest::addColumn<QList<int>>("lengths");
    QTest::newRow("equal lengths") << QList<int>{9600, 9600};
    QTest::newRow("ragged, partial frames") << QList<int>{19200, 5000, 1921, 77};
    QTest::newRow("longest last") << QList<int>{3000, 12345};
  }
  void batchedEncodeEqualsPerItem() {
    QFETCH(QList<int>, lengths);
    auto codec = csm::MimiCodec::load(kFixtures + "/tiny_mimi");  // random codebooks: codes vary
    std::vector<std::vector<float>> audio;
    std::vector<const float*> items;
    std::vector<int64_t> lens;
    for (int i = 0; i < lengths.size(); ++i) {
      audio.push_back(test_audio(lengths[i], 150.0 + 90 * i));
      lens.push_back(lengths[i]);
    }
    for (const auto& a : audio) items.push_back(a.data());
    auto batched = codec.encode_batch(items, lens);
    QCOMPARE(batched.size(), audio.size());
    for (size_t i = 0; i < audio.size(); ++i) {
      auto single = codec.encode(audio[i].data(), int64_t(audio[i].size()));
      QCOMPARE(batched[i].num_frames, codec.frames_for_samples(lens[i]));
      QCOMPARE(batched[i].num_frames, single.num_frames);
      QVERIFY2(batched[i].values == single.values, ("item " + std::to_string(i)).c_str());
    }
  }

  // ---- streaming decode == full decode ----
  void streamingEqualsFullDecode_data() {
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("chunk");
    // tiny_mimi: random codebooks and layer scales, clips longer than its 8-step window.
    for (int window : {-1, 0, 5})
      for (int chunk : {1, 2, 7}) {
        QTest::newRow(qPrintable(QStringLiteral("mimi window %1 chunk %2").arg(window).arg(chunk)))
            << QStringLiteral("tiny_mimi") << window << chunk;
      }
    QTest::newRow("csm codec, chunk 3") << QStringLiteral("tiny_csm") << -1 << 3;
  }
  void streamingEqualsFullDecode() {
    QFETCH(QString, model);
    QFETCH(int, window);
    QFETCH(int, chunk);
    csm::CodecOptions o;
    o.attention_window = window;
    auto codec = csm::MimiCodec::load(kFixtures + "/" + model.toStdString(), o);
    const int64_t F = 23, K = codec.num_codebooks();
    auto codes = random_codes(K, F, codec.codebook_size(), 17);
    auto full = codec.decode(codes);
    QCOMPARE(int64_t(full.size()), F * codec.samples_per_frame());
    auto stream = codec.streaming_decoder();
    std::vector<float> streamed;
    for (int64_t f0 = 0; f0 < F; f0 += chunk) {
      const int64_t n = std::min<int64_t>(chunk, F - f0);
      csm::AudioCodes part;
      part.num_codebooks = K;
      part.num_frames = n;
      for (int64_t k = 0; k < K; ++k)
        for (int64_t f = f0; f < f0 + n; ++f) part.values.push_back(codes.at(k, f));
      auto audio = n == 1 && chunk == 1 ? stream.decode_frame(std::vector<int32_t>(part.values)) : stream.decode(part);
      QCOMPARE(int64_t(audio.size()), n * codec.samples_per_frame());
      streamed.insert(streamed.end(), audio.begin(), audio.end());
    }
    QCOMPARE(stream.frames_decoded(), F);
    const double d = max_abs_diff(streamed, full);
    qInfo("chunked vs full decode: max |diff| %.3g", d);
    QVERIFY(d <= 1e-4);
    // reset() starts a new clip: the first frames decode as at the start.
    stream.reset();
    csm::AudioCodes first;
    first.num_codebooks = K;
    first.num_frames = 2;
    for (int64_t k = 0; k < K; ++k) first.values.insert(first.values.end(), {codes.at(k, 0), codes.at(k, 1)});
    auto again = stream.decode(first);
    QVERIFY(max_abs_diff(again, std::vector<float>(full.begin(), full.begin() + again.size())) <= 1e-4);
  }

  void windowChangesLongDecodes() {
    // A window shorter than the clip must change the audio (else the option would be a no-op). The
    // tiny CSM codec cannot show it: its codebooks are all zero, so the decoder transformer sees the
    // same vector at every position.
    csm::CodecOptions narrow;
    narrow.attention_window = 3;
    auto a = csm::MimiCodec::load(kFixtures + "/tiny_mimi");
    auto b = csm::MimiCodec::load(kFixtures + "/tiny_mimi", narrow);
    auto codes = random_codes(8, 12, 64, 5);
    const double d = max_abs_diff(a.decode(codes), b.decode(codes));
    qInfo("window 3 vs the config's 8: max |diff| %.3g", d);
    QVERIFY(d > 1e-3);
  }

  void fewerCodebooks() {
    csm::CodecOptions o;
    o.num_codebooks = 4;
    auto all = csm::MimiCodec::load(kFixtures + "/tiny_mimi");
    auto four = csm::MimiCodec::load(kFixtures + "/tiny_mimi", o);
    QCOMPARE(four.num_codebooks(), int64_t(4));
    QCOMPARE(four.max_codebooks(), int64_t(8));
    auto audio = test_audio(9600, 200);
    auto c8 = all.encode(audio.data(), int64_t(audio.size()));
    auto c4 = four.encode(audio.data(), int64_t(audio.size()));
    QCOMPARE(c4.num_codebooks, int64_t(4));
    QVERIFY(std::vector<int32_t>(c8.values.begin(), c8.values.begin() + 4 * c8.num_frames) == c4.values);
    QCOMPARE(int64_t(four.decode(c4).size()), c4.num_frames * 1920);
    QVERIFY(input_error([&] { four.decode(c8); }).contains(QStringLiteral("8 codebooks")));
  }

  // ---- bad input ----
  void badAudioIsRefused_data() {
    QTest::addColumn<int>("samples");
    QTest::addColumn<int>("rate");
    QTest::addColumn<int>("channels");
    QTest::addColumn<QString>("message");
    QTest::newRow("44.1 kHz") << 4800 << 44100 << 1 << QStringLiteral("44100 Hz but the Mimi codec takes 24000 Hz; resample");
    QTest::newRow("stereo") << 4800 << 24000 << 2 << QStringLiteral("2 channels but the Mimi codec takes mono");
    QTest::newRow("empty") << 0 << 24000 << 1 << QStringLiteral("is empty (0 samples)");
    QTest::newRow("one sample") << 1 << 24000 << 1 << QStringLiteral("single sample");
  }
  void badAudioIsRefused() {
    QFETCH(int, samples);
    QFETCH(int, rate);
    QFETCH(int, channels);
    QFETCH(QString, message);
    auto codec = csm::MimiCodec::load(kFixtures + "/tiny_csm");
    std::vector<float> audio(std::max(samples, 1), 0.1f);
    const QString single = input_error([&] { codec.encode(audio.data(), samples, rate, channels); });
    QVERIFY2(single.contains(message), qPrintable(single));
    const float* items[] = {audio.data(), audio.data()};
    const QString batched = input_error([&] {
      codec.encode_batch({items[0], items[1]}, {4800, samples}, rate, channels);
    });
    QVERIFY2(batched.contains(message), qPrintable(batched));
  }

  void nonFiniteAudioIsRefused() {
    auto codec = csm::MimiCodec::load(kFixtures + "/tiny_csm");
    std::vector<float> audio(4800, 0.1f);
    audio[100] = std::nanf("");
    QVERIFY(input_error([&] { codec.encode(audio.data(), 4800); }).contains(QStringLiteral("NaN")));
  }

  void badCodesAreRefused_data() {
    QTest::addColumn<int>("codebooks");
    QTest::addColumn<int>("badValue");
    QTest::addColumn<QString>("message");
    QTest::newRow("too few codebooks") << 7 << 0 << QStringLiteral("have 7 codebooks but this Mimi codec decodes 8");
    QTest::newRow("too many codebooks") << 32 << 0 << QStringLiteral("have 32 codebooks");
    QTest::newRow("code = codebook size") << 8 << 64 << QStringLiteral("code 64 at codebook 3, frame 2 is outside 0..63");
    QTest::newRow("negative code") << 8 << -1 << QStringLiteral("code -1 at codebook 3, frame 2");
    QTest::newRow("pad token 2050") << 8 << 2050 << QStringLiteral("special tokens");
  }
  void badCodesAreRefused() {
    QFETCH(int, codebooks);
    QFETCH(int, badValue);
    QFETCH(QString, message);
    auto codec = csm::MimiCodec::load(kFixtures + "/tiny_csm");
    auto codes = random_codes(codebooks, 4, 64, 3);
    if (badValue != 0) codes.values[3 * 4 + 2] = badValue;
    const QString full = input_error([&] { codec.decode(codes); });
    QVERIFY2(full.contains(message), qPrintable(full));
    auto stream = codec.streaming_decoder();
    const QString streamed = input_error([&] { stream.decode(codes); });
    QVERIFY2(streamed.contains(message), qPrintable(streamed));
    QCOMPARE(stream.frames_decoded(), int64_t(0));
  }

  // ---- strict loader ----
  void standaloneLayoutFromCsmWeights() {
    QTemporaryDir dir;
    write_standalone(dir.path());
    auto codec = csm::MimiCodec::load(dir.path().toStdString());
    QCOMPARE(codec.layout(), std::string("mimi"));
    auto ref = csm::SafetensorsFile::open(kFixtures + "/mimi_reference.safetensors");
    auto input = read_tensor<float>(ref, "input");
    QVERIFY(codec.encode(input.data(), int64_t(input.size())).values == fixture_codes(ref, "codes").values);
  }

  void strictLoaderNamesTheProblem_data() {
    QTest::addColumn<QString>("change");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("unknown tensor") << QStringLiteral("extra")
                                    << QStringList{QStringLiteral("unknown tensor 'encoder.layers.0.conv.extra'"), QStringLiteral("model.safetensors")};
    QTest::newRow("missing tensor") << QStringLiteral("drop")
                                    << QStringList{QStringLiteral("missing"), QStringLiteral("encoder.layers.0.conv.bias")};
    QTest::newRow("wrong shape") << QStringLiteral("shape")
                                 << QStringList{QStringLiteral("'encoder.layers.0.conv.bias' has shape [2, 2]"),
                                                QStringLiteral("needs [4]")};
  }
  void strictLoaderNamesTheProblem() {
    QFETCH(QString, change);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    write_standalone(dir.path(), [&](std::vector<csm::TensorView>& views) {
      for (size_t i = 0; i < views.size(); ++i) {
        if (views[i].name != "encoder.layers.0.conv.bias") continue;
        if (change == QStringLiteral("extra")) {
          csm::TensorView extra = views[i];
          extra.name = "encoder.layers.0.conv.extra";
          views.push_back(extra);
        } else if (change == QStringLiteral("drop")) {
          views.erase(views.begin() + long(i));
        } else {
          views[i].shape = {2, 2};
        }
        return;
      }
    });
    const QString msg = input_error([&] { csm::MimiCodec::load(dir.path().toStdString()); });
    for (const auto& e : expected) QVERIFY2(msg.contains(e), qPrintable(msg));
  }

  void moshiUnknownTensor() {
    QTemporaryDir dir;
    auto src = csm::SafetensorsFile::open(kFixtures + "/tiny_mimi_moshi/tokenizer-tiny.safetensors");
    std::vector<csm::TensorView> views;
    for (const auto& n : src.names()) views.push_back(src.at(n));
    csm::TensorView extra = views.front();
    extra.name = "lm.emb.0.weight";
    views.push_back(extra);
    const std::string file = (dir.path() + QStringLiteral("/tokenizer-bad.safetensors")).toStdString();
    csm::write_safetensors(file, views);
    QVERIFY(QFile::copy(QString::fromStdString(kFixtures + "/tiny_mimi_moshi/config.json"), dir.path() + QStringLiteral("/config.json")));
    const QString msg = input_error([&] { csm::MimiCodec::load(file); });
    QVERIFY2(msg.contains(QStringLiteral("unknown tensor 'lm.emb.0.weight'")) && msg.contains(QStringLiteral("tokenizer-bad")),
             qPrintable(msg));
  }

  void unusablePathsAndOptions() {
    QVERIFY(input_error([] { csm::MimiCodec::load("/nonexistent/mimi"); }).contains(QStringLiteral("no such file")));
    QTemporaryDir dir;
    QVERIFY(input_error([&] { csm::MimiCodec::load(dir.path().toStdString()); }).contains(QStringLiteral("config.json")));
    csm::CodecOptions o;
    o.num_codebooks = 9;
    QVERIFY(input_error([&] { csm::MimiCodec::load(kFixtures + "/tiny_csm", o); }).contains(QStringLiteral("9 codebooks")));
    o.num_codebooks = 0;
    o.dtype = "int8";
    QVERIFY(input_error([&] { csm::MimiCodec::load(kFixtures + "/tiny_csm", o); }).contains(QStringLiteral("int8")));
  }
};

QTEST_GUILESS_MAIN(TestMimiCodec)
#include "test_mimi_codec.moc"
