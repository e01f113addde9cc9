// Voice profile values: profile.json round trips, migration from schema 0 and 1, refusal of newer
// schemas, validation messages, the consent rule, SHA-256 and the torch-free checkpoint checks.
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "csm/errors.h"
#include "csm/profiles/model_identity.h"
#include "csm/profiles/voice_profile.h"

namespace {

csm::VoiceProfile fullProfile()
{
    csm::VoiceProfile p;
    p.speaker_id = 3;
    p.name = "John";
    p.description = "Professional male voice";
    p.gender = "male";
    p.age_range = "30-40";
    p.accent = "North American";
    p.language = "en";
    p.style = "newsreader";
    p.model_path = "/models/john";
    p.model_hash = "sha256:aa";
    p.base_model_hash = "sha256:bb";
    p.training.recipe = "voice-adaptation";
    p.training.hyperparameters = {{"learning_rate", "2e-05"}, {"freeze_backbone", "true"}, {"optimizer", "\"adamw\""}};
    p.training.data_minutes = 7.5;
    p.training.epochs = 5;
    p.training.final_loss = 2.25;
    p.training.best_loss = 2.125;
    p.training.started_at = "2025-01-31T10:00:00Z";
    p.training.finished_at = "2025-01-31T12:00:00Z";
    p.training.run_folder = "/runs/john";
    p.inference.temperature = 0.7;
    p.inference.topk = 40;
    p.inference.max_audio_length_ms = 20000;
    p.inference.context_clips = {{"reference/a.wav", "Hello there.", -1}, {"reference/b.wav", "Hi!", 1}};
    csm::VoiceSample s;
    s.file = "samples/one.wav";
    s.text = "This is a demonstration of my voice.";
    s.created_at = "2025-01-31T12:05:00Z";
    s.standard = true;
    s.ratings = {{4, "ann", "2025-02-01T00:00:00Z", "clear"}, {5, "", "", ""}};
    p.samples.push_back(s);
    p.consent = csm::ConsentRecord{"John Doe", "2025-01-30T09:00:00Z", "recorded statement",
                                   "I agree that my voice is cloned.", "consent/consent.wav"};
    p.created_at = "2025-01-31T12:00:00Z";
    p.updated_at = "2025-01-31T12:06:00Z";
    return p;
}

}  // namespace

class VoiceProfileTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void roundTripKeepsEveryField()
    {
        const csm::VoiceProfile p = fullProfile();
        const std::string text = csm::profile_to_json(p);
        int version = -1;
        const csm::VoiceProfile q = csm::profile_from_json(text, "profile.json", &version);
        QCOMPARE(version, csm::kProfileSchemaVersion);
        QCOMPARE(csm::profile_to_json(q), text);  // a second trip is byte-identical
        QCOMPARE(q.name, p.name);
        QCOMPARE(q.training.hyperparameters, p.training.hyperparameters);
        QCOMPARE(*q.training.best_loss, 2.125);
        QCOMPARE(q.inference.context_clips.size(), size_t(2));
        QCOMPARE(q.inference.context_clips[1].speaker_id, 1);
        QCOMPARE(q.samples.at(0).ratings.size(), size_t(2));
        QCOMPARE(q.samples.at(0).average_rating(), 4.5);
        QVERIFY(q.consent.has_value());
        QCOMPARE(q.consent->audio_file, std::string("consent/consent.wav"));
        QVERIFY(!q.training.empty());
    }

    void unknownFieldsSurvive()
    {
        std::string text = csm::profile_to_json(fullProfile());
        text.insert(text.find('{') + 1, "\n  \"future_field\": {\"x\": [1, 2]},");
        const csm::VoiceProfile q = csm::profile_from_json(text, "profile.json");
        QVERIFY(csm::profile_to_json(q).find("\"future_field\"") != std::string::npos);
    }

    void migratesSchema0()
    {
        // The seed's first prototype: no schema_version, "id", inference_params.
        const std::string v0 = R"({"id": 5, "name": "Ada", "description": "calm", "gender": "female",
            "age_range": "20-30", "accent": "British", "model_path": "/m/ada.pt", "created_at": "2024-05-01T00:00:00Z",
            "inference_params": {"temperature": 0.8, "topk": 30}})";
        int version = -1;
        const csm::VoiceProfile p = csm::profile_from_json(v0, "v0.json", &version);
        QCOMPARE(version, 0);
        QCOMPARE(p.speaker_id, 5);
        QCOMPARE(p.name, std::string("Ada"));
        QCOMPARE(p.accent, std::string("British"));
        QCOMPARE(p.model_path, std::string("/m/ada.pt"));
        QCOMPARE(p.inference.temperature, 0.8);
        QCOMPARE(p.inference.topk, 30);
        QCOMPARE(p.created_at, std::string("2024-05-01T00:00:00Z"));
        QVERIFY(!p.consent);
        csm::validate_profile(p, "v0.json");
        QVERIFY(csm::profile_to_json(p).find("\"schema_version\": 2") != std::string::npos);
    }

    void migratesSchema1()
    {
        const std::string v1 = R"({"schema_version": 1, "speaker_id": 8, "name": "Bo", "description": "",
            "gender": "", "age_range": "", "accent": "", "model_path": "model", "temperature": 1.1, "topk": 64,
            "samples": ["samples/a.wav", "samples/b.wav"], "consent_text": "I, Bo, agree.",
            "created": "2024-09-09T09:09:09Z"})";
        int version = -1;
        const csm::VoiceProfile p = csm::profile_from_json(v1, "v1.json", &version);
        QCOMPARE(version, 1);
        QCOMPARE(p.speaker_id, 8);
        QCOMPARE(p.model_path, std::string("model"));
        QCOMPARE(p.inference.temperature, 1.1);
        QCOMPARE(p.samples.size(), size_t(2));
        QCOMPARE(p.samples[1].file, std::string("samples/b.wav"));
        QVERIFY(p.consent.has_value());
        QCOMPARE(p.consent->statement, std::string("I, Bo, agree."));
        QCOMPARE(p.consent->person, std::string("Bo"));
        QCOMPARE(p.created_at, std::string("2024-09-09T09:09:09Z"));
        QVERIFY(csm::consent_problem(p).empty());
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << "{\"speaker_id\": 1," << "not valid JSON";
        QTest::newRow("array") << "[1, 2]" << "expected a JSON object";
        QTest::newRow("newer schema") << "{\"schema_version\": 99, \"speaker_id\": 1}" << "newer CSM Studio";
        QTest::newRow("no id") << "{\"schema_version\": 2, \"name\": \"x\"}" << "'speaker_id' is missing";
        QTest::newRow("id type") << "{\"schema_version\": 2, \"speaker_id\": \"3\"}" << "'speaker_id' must be a whole number";
        QTest::newRow("nested type") << "{\"schema_version\": 2, \"speaker_id\": 3, \"inference\": {\"topk\": \"many\"}}"
                                     << "'inference.topk' must be a whole number";
        QTest::newRow("consent type") << "{\"schema_version\": 2, \"speaker_id\": 3, \"consent\": \"yes\"}"
                                      << "'consent' must be an object or null";
    }

    void rejectsBadFiles()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        try {
            csm::profile_from_json(text.toStdString(), "/lib/3/profile.json");
            QFAIL("no error");
        } catch (const csm::InputError &e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.startsWith(QStringLiteral("/lib/3/profile.json: ")), qPrintable(what));
            QVERIFY2(what.contains(message), qPrintable(what));
        }
    }

    void ageRanges_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<bool>("valid");
        QTest::newRow("30-40") << "30-40" << true;
        QTest::newRow("0-9") << "0-9" << true;
        QTest::newRow("same") << "40-40" << true;
        QTest::newRow("reversed") << "40-30" << false;
        QTest::newRow("spaces") << "30 - 40" << false;
        QTest::newRow("words") << "thirties" << false;
        QTest::newRow("plus") << "60+" << false;
        QTest::newRow("too old") << "100-200" << false;
        QTest::newRow("single") << "35" << false;
    }

    void ageRanges()
    {
        QFETCH(QString, range);
        QFETCH(bool, valid);
        QCOMPARE(csm::is_valid_age_range(range.toStdString()), valid);
        csm::VoiceProfile p = fullProfile();
        p.age_range = range.toStdString();
        bool threw = false;
        try {
            csm::validate_profile(p, "john");
        } catch (const csm::InputError &e) {
            threw = true;
            QVERIFY2(QString::fromUtf8(e.what()).contains(QStringLiteral("is not like '30-40'")), e.what());
        }
        QCOMPARE(threw, !valid);
    }

    void validationListsEveryProblem()
    {
        csm::VoiceProfile p = fullProfile();
        p.name.clear();
        p.inference.topk = 0;
        p.samples[0].ratings[0].score = 9;
        p.samples[0].file = "../outside.wav";
        p.kind = "cloning";
        try {
            csm::validate_profile(p, "/lib/3");
            QFAIL("no error");
        } catch (const csm::InputError &e) {
            const QString what = QString::fromUtf8(e.what());
            QVERIFY(what.startsWith(QStringLiteral("/lib/3: ")));
            for (const char *part : {"name is empty", "top-k", "not between 1 and 5", "inside the profile folder", "kind 'cloning'"})
                QVERIFY2(what.contains(QLatin1String(part)), qPrintable(what));
        }
    }

    void consentRule()
    {
        csm::VoiceProfile p = fullProfile();
        QVERIFY(csm::consent_problem(p).empty());
        p.consent.reset();
        QVERIFY(csm::consent_problem(p).find("needs their consent") != std::string::npos);
        p.own_voice = true;
        QVERIFY(csm::consent_problem(p).empty());
        p.own_voice = false;
        p.kind = csm::kKindStyleTuning;
        QVERIFY(csm::consent_problem(p).empty());
        p.kind = csm::kKindVoiceAdaptation;
        p.consent = csm::ConsentRecord{"John", "", "written statement", "", ""};
        QVERIFY(csm::consent_problem(p).find("no statement") != std::string::npos);
    }

    void standardSentences()
    {
        const auto &s = csm::standard_sample_sentences();
        QVERIFY(s.size() >= 3);
        QCOMPARE(s.front(), std::string("Hello, this is a demonstration of my voice."));
    }

    void sha256KnownVectors()
    {
        QCOMPARE(csm::sha256_hex(""), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(csm::sha256_hex("abc"), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(csm::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
                 std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        QCOMPARE(csm::sha256_hex(std::string(1000000, 'a')),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    void checkpointChecks()
    {
        csm::check_csm_checkpoint(CSM_FIXTURES_DIR "/tiny_csm");
        csm::check_csm_checkpoint(CSM_FIXTURES_DIR "/tiny_csm_sesame");
        csm::check_csm_checkpoint(CSM_FIXTURES_DIR "/tiny_csm_sesame/ckpt.pt");
        const auto files = csm::checkpoint_files(CSM_FIXTURES_DIR "/tiny_csm");
        QCOMPARE(QString::fromStdString(files.front()).section(QLatin1Char('/'), -1), QStringLiteral("config.json"));
        QCOMPARE(QString::fromStdString(files.back()).section(QLatin1Char('/'), -1), QStringLiteral("model.safetensors"));

        const std::string id = csm::model_identity(CSM_FIXTURES_DIR "/tiny_csm");
        QCOMPARE(id.size(), size_t(7 + 64));
        QCOMPARE(csm::model_identity(CSM_FIXTURES_DIR "/tiny_csm"), id);  // deterministic
        QVERIFY(csm::model_identity(CSM_FIXTURES_DIR "/tiny_csm_sesame") != id);

        // Same header, one changed weight byte: a different identity.
        QTemporaryDir dir;
        const QString copy = dir.path() + QStringLiteral("/m");
        QDir().mkpath(copy);
        QFile::copy(QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm/config.json"), copy + QStringLiteral("/config.json"));
        QFile::copy(QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm/model.safetensors"), copy + QStringLiteral("/model.safetensors"));
        QCOMPARE(csm::model_identity(copy.toStdString()), id);
        QFile f(copy + QStringLiteral("/model.safetensors"));
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(f.size() - 10);
        const QByteArray b = f.read(1);
        f.seek(f.size() - 10);
        f.write(QByteArray(1, char(b[0] ^ 0x55)));
        f.close();
        QVERIFY(csm::model_identity(copy.toStdString()) != id);
    }

    void notACheckpoint_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << "" << "no such file or folder";
        QTest::newRow("empty folder") << "mkdir" << "is not a CSM checkpoint";
        QTest::newRow("other model") << "llama" << "expected 'csm'";
        QTest::newRow("no config") << "noconfig" << "no config.json";
        QTest::newRow("text as pt") << "textpt" << "not a torch.save checkpoint";
        QTest::newRow("broken safetensors") << "badst" << "not a safetensors file";
    }

    void notACheckpoint()
    {
        QFETCH(QString, setup);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString path = dir.path() + QStringLiteral("/model");
        auto write = [](const QString &file, const QByteArray &bytes) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        };
        if (!setup.isEmpty() && setup != QStringLiteral("textpt"))
            QDir().mkpath(path);
        if (setup == QStringLiteral("llama")) {
            write(path + QStringLiteral("/config.json"), "{\"model_type\": \"llama\"}");
            QFile::copy(QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm/model.safetensors"), path + QStringLiteral("/model.safetensors"));
        } else if (setup == QStringLiteral("noconfig")) {
            QFile::copy(QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm/model.safetensors"), path + QStringLiteral("/model.safetensors"));
        } else if (setup == QStringLiteral("textpt")) {
            path = dir.path() + QStringLiteral("/model.pt");
            write(path, "hello, not a checkpoint");
        } else if (setup == QStringLiteral("badst")) {
            QFile::copy(QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm/config.json"), path + QStringLiteral("/config.json"));
            write(path + QStringLiteral("/model.safetensors"), QByteArray(64, '\xff'));
        }
        try {
            csm::check_csm_checkpoint(path.toStdString());
            QFAIL("no error");
        } catch (const csm::InputError &e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(message), e.what());
            QVERIFY2(QString::fromUtf8(e.what()).startsWith(dir.path()), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(VoiceProfileTest)
#include "test_voice_profile.moc"
