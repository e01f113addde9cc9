// Contextual generation on the tiny fixture: seeding, greedy equals the runtime's greedy decode,
// callbacks stop early, context frames are used, the context budget is enforced.
#include <QStandardPaths>
#include <QTest>

#include <QTemporaryDir>

#include <cmath>

#include "csm/errors.h"
#include "csm/generate/generator.h"
#include "csm/generate/watermark.h"
#include "csm/text_tokenizer.h"

namespace {

const std::string kModel = CSM_FIXTURES_DIR "/tiny_csm";
const std::string kTokenizer = CSM_FIXTURES_DIR "/tokenizer/tokenizer.json";

csm::Generator tinyGenerator() { return csm::Generator::load_csm_1b(kModel, {}, kTokenizer); }

std::string errorOf(const std::function<void()> &f)
{
    try {
        f();
    } catch (const csm::InputError &e) {
        return e.what();
    }
    return {};
}

} // namespace

class GeneratorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void seededIsDeterministic()
    {
        auto gen = tinyGenerator();
        csm::GenerationOptions opts;
        opts.max_audio_length_ms = 800;
        opts.seed = 5;
        const auto a = gen.generate_frames("Hello there.", 0, {}, opts);
        const auto b = gen.generate_frames("Hello there.", 0, {}, opts);
        QCOMPARE(a, b);
        QVERIFY(!a.empty());
        opts.seed = 6;
        QVERIFY(gen.generate_frames("Hello there.", 0, {}, opts) != a);
    }

    void greedyMatchesRuntime()
    {
        auto gen = tinyGenerator();
        csm::GenerationOptions opts;
        opts.temperature = 0;
        opts.max_audio_length_ms = 480;
        opts.codec_codes_only = false;  // exactly the model's argmax, like transformers' generate
        const auto frames = gen.generate_frames("Good morning.", 1, {}, opts);
        const auto ids = csm::TextTokenizer::from_file(kTokenizer).encode_speaker_text(1, "Good morning.");
        QCOMPARE(frames, gen.runtime().generate_greedy(ids, 6));
    }

    void callbackStopsEarly()
    {
        auto gen = tinyGenerator();
        csm::GenerationOptions opts;
        opts.max_audio_length_ms = 2000;
        int calls = 0;
        const auto frames = gen.generate_frames("Stop soon.", 0, {}, opts, [&](const csm::Frame &f, int i) {
            ++calls;
            return i < 2;
        });
        QCOMPARE(frames.size(), size_t(3));
        QCOMPARE(calls, 3);
    }

    void contextChangesTheOutput()
    {
        auto gen = tinyGenerator();
        csm::GenerationOptions opts;
        opts.temperature = 0;
        opts.max_audio_length_ms = 400;
        csm::Segment earlier{1, "How are you?", {}, {}};
        for (int f = 0; f < 5; ++f)
            earlier.frames.push_back(csm::Frame(8, f + 1));
        const auto without = gen.generate_frames("Fine.", 0, {}, opts);
        const auto with = gen.generate_frames("Fine.", 0, {earlier}, opts);
        QVERIFY(with != without);
        const auto textIds = csm::TextTokenizer::from_file(kTokenizer).encode_speaker_text(1, "How are you?").size();
        QCOMPARE(gen.prompt_length("Fine.", 0, {earlier}),
                 int64_t(textIds + 5 + 1 + csm::TextTokenizer::from_file(kTokenizer).encode_speaker_text(0, "Fine.").size()));
    }

    void contextBudget()
    {
        auto gen = tinyGenerator();  // the tiny model's context holds 256 positions
        csm::GenerationOptions opts;
        opts.max_audio_length_ms = 8000;  // 100 frames
        csm::Segment longTurn{1, "A long turn.", {}, std::vector<csm::Frame>(120, csm::Frame(8, 3))};
        const std::string msg = errorOf([&] { gen.generate_frames("Reply.", 0, {longTurn, longTurn}, opts); });
        QVERIFY2(msg.find("context holds 256") != std::string::npos, msg.c_str());
        opts.context_policy = csm::ContextPolicy::DropOldest;
        opts.temperature = 0;
        const auto frames = gen.generate_frames("Reply.", 0, {longTurn, longTurn}, opts);
        QVERIFY(frames.size() <= 100);
    }

    void streamedAudioEqualsTheWhole()
    {
        auto gen = tinyGenerator();
        QTemporaryDir dir;
        csm::GenerationOptions opts;
        opts.max_audio_length_ms = 1600;
        opts.seed = 3;
        opts.watermark_key_path = (dir.path() + QStringLiteral("/key")).toStdString();
        std::vector<float> streamed;
        int chunks = 0;
        const auto result = gen.generate("Streaming works.", 0, {}, opts, [&](const std::vector<float> &chunk) {
            streamed.insert(streamed.end(), chunk.begin(), chunk.end());
            ++chunks;
            return true;
        });
        QVERIFY(chunks > 1);
        QCOMPARE(streamed, result.samples);
        QCOMPARE(result.samples.size(), result.frames.size() * size_t(1920));
        // same seed, no streaming: the same audio
        QCOMPARE(gen.generate("Streaming works.", 0, {}, opts).samples, result.samples);
        // the output carries this installation's watermark, and not without it
        const auto key = csm::load_watermark_key(opts.watermark_key_path);
        const auto verdict = csm::detect_watermark(result.samples, 24000, key);
        QVERIFY2(verdict.present, verdict.detail.c_str());
        opts.watermark = false;
        const auto plain = gen.generate("Streaming works.", 0, {}, opts);
        QVERIFY(!csm::detect_watermark(plain.samples, 24000, key).present);
        QCOMPARE(plain.frames, result.frames);
        for (const auto &frame : result.frames)
            for (int32_t code : frame)
                QVERIFY(code >= 0 && code < 64);  // only codes the tiny codec can decode
    }

    void contextAudioIsEncoded()
    {
        auto gen = tinyGenerator();
        csm::GenerationOptions opts;
        opts.temperature = 0;
        opts.max_audio_length_ms = 400;
        opts.watermark = false;
        csm::Segment turn{1, "Earlier words.", std::vector<float>(24000 / 2, 0.0f), {}};
        for (size_t i = 0; i < turn.audio.size(); ++i)
            turn.audio[i] = 0.3f * std::sin(0.05f * float(i));
        const auto withAudio = gen.generate("Reply.", 0, {turn}, opts);
        // 0.5 s = 7 frames (rounded up) + the end-of-audio frame
        QCOMPARE(gen.prompt_length("Reply.", 0, {turn}) - gen.prompt_length("Reply.", 0, {}),
                 int64_t(csm::TextTokenizer::from_file(kTokenizer).encode_speaker_text(1, "Earlier words.").size() + 7 + 1));
        QVERIFY(!withAudio.frames.empty());
    }

    void badInput()
    {
        auto gen = tinyGenerator();
        csm::GenerationOptions opts;
        QVERIFY(errorOf([&] { gen.generate_frames("  ", 0, {}, opts); }).find("empty") != std::string::npos);
        opts.topk = 0;
        QVERIFY(errorOf([&] { gen.generate_frames("Hi", 0, {}, opts); }).find("top-k") != std::string::npos);
        const std::string msg = errorOf([] { csm::Generator::load_csm_1b(kModel); });
        QVERIFY2(msg.find("tokenizer.json") != std::string::npos, msg.c_str());
    }
};

QTEST_GUILESS_MAIN(GeneratorTest)
#include "test_generator.moc"
