// config.json reading: the fixture's transformers 5 config equals the `tiny` preset, presets are
// consistent, and malformed configs get their own clear message.
#include <QStandardPaths>
#include <QTest>

#include "csm/errors.h"
#include "csm/model_config.h"

namespace {

std::string configError(const std::string &json)
{
    try {
        csm::parse_model_config(json, "/models/x/config.json");
        return {};
    } catch (const csm::InputError &e) {
        return e.what();
    }
}

const char *kValid = R"({"model_type": "csm", "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
  "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 256, "num_codebooks": 8,
  "vocab_size": 67, "text_vocab_size": 1024, "rope_theta": 500000, "rope_scaling": {"rope_type": "llama3",
  "factor": 32.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0, "original_max_position_embeddings": 64},
  "depth_decoder_config": {"hidden_size": 48, "intermediate_size": 96, "num_hidden_layers": 2,
  "num_attention_heads": 4, "num_key_value_heads": 2, "max_position_embeddings": 9, "num_codebooks": 8,
  "backbone_hidden_size": 64}, "codec_config": {"num_quantizers": 8, "codebook_size": 64}})";

} // namespace

class ModelConfigTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void fixtureEqualsTinyPreset()
    {
        const auto file = csm::read_model_config(CSM_FIXTURES_DIR "/tiny_csm/config.json");
        const auto tiny = csm::preset_config("tiny");
        QCOMPARE(file.backbone.hidden_size, tiny.backbone.hidden_size);
        QCOMPARE(file.backbone.rope.original_max_position_embeddings, tiny.backbone.rope.original_max_position_embeddings);
        QCOMPARE(file.depth.head_dim, tiny.depth.head_dim);
        QCOMPARE(file.depth.rope.original_max_position_embeddings, tiny.depth.rope.original_max_position_embeddings);
        QCOMPARE(file.num_codebooks, tiny.num_codebooks);
        QCOMPARE(file.audio_vocab_size, tiny.audio_vocab_size);
        QCOMPARE(file.text_vocab_size, tiny.text_vocab_size);
        QCOMPARE(file.codec.codebook_size, tiny.codec.codebook_size);
    }

    void csm1bPreset()
    {
        const auto c = csm::preset_config("csm-1b");
        QCOMPARE(c.backbone.hidden_size, int64_t(2048));
        QCOMPARE(c.backbone.num_layers, int64_t(16));
        QCOMPARE(c.backbone.num_heads, int64_t(32));
        QCOMPARE(c.backbone.num_kv_heads, int64_t(8));
        QCOMPARE(c.backbone.intermediate_size, int64_t(8192));
        QCOMPARE(c.depth.hidden_size, int64_t(1024));
        QCOMPARE(c.depth.num_layers, int64_t(4));
        QCOMPARE(c.depth.num_heads, int64_t(8));
        QCOMPARE(c.depth.num_kv_heads, int64_t(2));
        QCOMPARE(c.num_codebooks, int64_t(32));
        QCOMPARE(c.audio_vocab_size, int64_t(2051));
        QCOMPARE(c.text_vocab_size, int64_t(128256));
        QCOMPARE(c.backbone.rope.type, std::string("llama3"));
        QVERIFY_EXCEPTION_THROWN(csm::preset_config("csm-7b"), std::invalid_argument);
    }

    void jsonRoundTrip()
    {
        const auto c = csm::preset_config("csm-1b");
        const auto again = csm::parse_model_config(c.to_json(), "roundtrip");
        QCOMPARE(again.to_json(), c.to_json());
    }

    void legacyRopeScalingSpelling()
    {
        const auto c = csm::parse_model_config(kValid, "legacy");
        QCOMPARE(c.backbone.rope.type, std::string("llama3"));
        QCOMPARE(c.backbone.rope.theta, 500000.0);
        QCOMPARE(c.backbone.head_dim, int64_t(16));
    }

    void badConfigs_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QStringLiteral("{\"model_type\"") << QStringLiteral("{]") << QStringLiteral("not valid JSON");
        QTest::newRow("other model") << QStringLiteral("\"model_type\": \"csm\"") << QStringLiteral("\"model_type\": \"llama\"")
                                     << QStringLiteral("model_type is 'llama'");
        QTest::newRow("missing field") << QStringLiteral("\"hidden_size\": 64, ") << QString() << QStringLiteral("missing field 'hidden_size'");
        QTest::newRow("wrong type") << QStringLiteral("\"num_codebooks\": 8") << QStringLiteral("\"num_codebooks\": \"eight\"")
                                    << QStringLiteral("'num_codebooks' has the wrong type");
        QTest::newRow("gqa heads") << QStringLiteral("\"num_key_value_heads\": 2, \"max_position_embeddings\": 256")
                                   << QStringLiteral("\"num_key_value_heads\": 3, \"max_position_embeddings\": 256")
                                   << QStringLiteral("not a multiple of num_key_value_heads");
        QTest::newRow("rope type") << QStringLiteral("\"rope_type\": \"llama3\"") << QStringLiteral("\"rope_type\": \"yarn\"")
                                   << QStringLiteral("rope type 'yarn'");
        QTest::newRow("depth mismatch") << QStringLiteral("\"backbone_hidden_size\": 64") << QStringLiteral("\"backbone_hidden_size\": 32")
                                        << QStringLiteral("depth_decoder_config disagrees");
        QTest::newRow("codec mismatch") << QStringLiteral("\"num_quantizers\": 8") << QStringLiteral("\"num_quantizers\": 32")
                                        << QStringLiteral("codec_config.num_quantizers (32)");
    }

    void badConfigs()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        QString json = QString::fromUtf8(kValid);
        if (from.startsWith(QLatin1String("{\"model_type\"")))
            json = to;
        else {
            QVERIFY2(json.contains(from), qPrintable(from));
            json.replace(from, to);
        }
        const std::string msg = configError(json.toStdString());
        QVERIFY2(msg.find("/models/x/config.json") == 0, msg.c_str());
        QVERIFY2(msg.find(expected.toStdString()) != std::string::npos, msg.c_str());
    }

    void missingFile()
    {
        QVERIFY_EXCEPTION_THROWN(csm::read_model_config("/nonexistent/config.json"), csm::InputError);
    }
};

QTEST_GUILESS_MAIN(ModelConfigTest)
#include "test_model_config.moc"
