// The voice profile library on disk: round trips, migration on read, broken-file isolation, trash,
// samples, the trainer API, export/import archives, two processes writing at once, and writers
// killed with SIGKILL mid-write (many rounds; never a corrupt or lost profile).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>

#include "csm/atomic_file.h"
#include "csm/errors.h"
#include "csm/profiles/model_identity.h"
#include "csm/profiles/profile_library.h"

namespace {

const std::string kModel = CSM_FIXTURES_DIR "/tiny_csm";

csm::VoiceProfile makeProfile(int id, const std::string &name)
{
    csm::VoiceProfile p;
    p.speaker_id = id;
    p.name = name;
    p.description = "test voice";
    p.gender = "female";
    p.age_range = "30-40";
    p.accent = "Scottish";
    p.own_voice = true;
    p.model_path = kModel;
    return p;
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

template<typename F>
QString errorOf(F &&f)
{
    try {
        f();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
    return QString();
}

// Files under `dir` whose name marks them as leftovers (temporary files, staging folders).
QStringList leftovers(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        if (p.contains(QStringLiteral(".tmp-")) || (p.contains(QStringLiteral("/.staging/")) && !p.endsWith(QStringLiteral("/.staging"))))
            out << p;
    }
    return out;
}

}  // namespace

class ProfileLibraryTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_clip;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_clip = m_tmp.filePath(QStringLiteral("clip.wav"));
        writeAll(m_clip, QByteArray("RIFF....WAVEfmt ") + QByteArray(2000, '\x11'));
    }

    void defaultLibraryPath()
    {
        const QByteArray oldLib = qgetenv("CSM_LIBRARY"), oldXdg = qgetenv("XDG_DATA_HOME");
        qputenv("CSM_LIBRARY", "/somewhere/lib");
        QCOMPARE(csm::default_library_path(), std::string("/somewhere/lib"));
        qunsetenv("CSM_LIBRARY");
        qputenv("XDG_DATA_HOME", "/xdg");
        QCOMPARE(csm::default_library_path(), std::string("/xdg/csm-studio/voices"));
        qunsetenv("XDG_DATA_HOME");
        QVERIFY(QString::fromStdString(csm::default_library_path()).endsWith(QStringLiteral("/.local/share/csm-studio/voices")));
        if (!oldLib.isEmpty())
            qputenv("CSM_LIBRARY", oldLib);
        if (!oldXdg.isEmpty())
            qputenv("XDG_DATA_HOME", oldXdg);
    }

    void createListGetRoundTrip()
    {
        QTemporaryDir dir;
        csm::ProfileLibrary lib(dir.filePath(QStringLiteral("voices")).toStdString());
        QVERIFY(lib.list().empty());  // a missing library is an empty one
        const csm::VoiceProfile created = lib.create(makeProfile(3, "John"));
        QVERIFY(created.model_hash.rfind("sha256:", 0) == 0);
        QVERIFY(!created.created_at.empty());
        const auto entries = lib.list();
        QCOMPARE(entries.size(), size_t(1));
        QVERIFY(entries[0].ok());
        QCOMPARE(entries[0].speaker_id, 3);
        QCOMPARE(csm::profile_to_json(*entries[0].profile), csm::profile_to_json(created));
        QCOMPARE(readAll(QString::fromStdString(lib.folder_of(3)) + QStringLiteral("/profile.json")).toStdString(),
                 csm::profile_to_json(created));
        QCOMPARE(lib.get(3).name, std::string("John"));
        const QString json = QString::fromStdString(csm::entries_to_json(entries));
        QVERIFY(json.contains(QStringLiteral("\"status\": \"ok\"")));
    }

    void createValidates_data()
    {
        QTest::addColumn<int>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("duplicate id") << 0 << "speaker id 3 is already used by 'John'";
        QTest::newRow("age range") << 1 << "is not like '30-40'";
        QTest::newRow("model missing") << 2 << "no such file or folder";
        QTest::newRow("not a checkpoint") << 3 << "is not a CSM checkpoint";
        QTest::newRow("no consent") << 4 << "needs their consent";
        QTest::newRow("no model path") << 5 << "has no model path";
    }

    void createValidates()
    {
        QFETCH(int, what);
        QFETCH(QString, message);
        QTemporaryDir dir;
        csm::ProfileLibrary lib(dir.path().toStdString());
        lib.create(makeProfile(3, "John"));
        csm::VoiceProfile p = makeProfile(what == 0 ? 3 : 4, "Other");
        if (what == 1)
            p.age_range = "thirties";
        if (what == 2)
            p.model_path = "/nonexistent/model";
        if (what == 3)
            p.model_path = dir.path().toStdString();
        if (what == 4)
            p.own_voice = false;
        if (what == 5)
            p.model_path.clear();
        const QString err = errorOf([&] { lib.create(p); });
        QVERIFY2(err.contains(message), qPrintable(err));
        QCOMPARE(lib.list().size(), size_t(1));
        QCOMPARE(lib.get(3).name, std::string("John"));
        QVERIFY(leftovers(dir.path()).isEmpty());
    }

    void consentRecordWithClip()
    {
        QTemporaryDir dir;
        csm::ProfileLibrary lib(dir.path().toStdString());
        csm::VoiceProfile p = makeProfile(7, "Grace");
        p.own_voice = false;
        p.consent = csm::ConsentRecord{"Grace Hopper", "", "", "I agree to have my voice cloned for CSM Studio.", ""};
        csm::CreateOptions o;
        o.consent_audio = m_clip.toStdString();
        const auto created = lib.create(p, o);
        QCOMPARE(created.consent->audio_file, std::string("consent/consent.wav"));
        QCOMPARE(created.consent->method, std::string("recorded statement"));
        QVERIFY(!created.consent->given_at.empty());
        QVERIFY(QFile::exists(QString::fromStdString(lib.resolve(7, created.consent->audio_file))));
        // Removing consent from someone else's voice is refused.
        const QString err = errorOf([&] { lib.update(7, [](csm::VoiceProfile &v) { v.consent.reset(); }); });
        QVERIFY2(err.contains(QStringLiteral("needs their consent")), qPrintable(err));
        QVERIFY(lib.get(7).consent.has_value());
    }

    void brokenProfilesAreIsolated()
    {
        QTemporaryDir dir;
        csm::ProfileLibrary lib(dir.path().toStdString());
        for (int id : {1, 2, 3, 6})
            lib.create(makeProfile(id, "Voice " + std::to_string(id)));
        const QString root = dir.path();
        QString two = readAll(root + QStringLiteral("/2/profile.json"));
        writeAll(root + QStringLiteral("/2/profile.json"), two.left(two.size() / 2).toUtf8());  // torn file
        writeAll(root + QStringLiteral("/3/profile.json"), "{\"schema_version\": 7, \"speaker_id\": 3}");
        QDir().mkpath(root + QStringLiteral("/4"));  // no profile.json at all
        QString six = readAll(root + QStringLiteral("/6/profile.json"));
        six.replace(QStringLiteral("\"speaker_id\": 6"), QStringLiteral("\"speaker_id\": 9"));
        writeAll(root + QStringLiteral("/6/profile.json"), six.toUtf8());
        QDir().mkpath(root + QStringLiteral("/notes"));  // not a profile folder: ignored
        QDir().mkpath(root + QStringLiteral("/007"));

        const auto entries = lib.list();
        QCOMPARE(entries.size(), size_t(5));
        QVERIFY(entries[0].ok());
        QCOMPARE(entries[0].profile->name, std::string("Voice 1"));
        const QStringList expected{QStringLiteral("not valid JSON"), QStringLiteral("newer CSM Studio"),
                                   QStringLiteral("profile.json is missing"), QStringLiteral("says speaker_id 9")};
        for (int i = 0; i < 4; ++i) {
            QVERIFY(!entries[i + 1].ok());
            const QString problem = QString::fromStdString(entries[i + 1].problem);
            QVERIFY2(problem.contains(expected[i]), qPrintable(problem));
            QVERIFY2(problem.startsWith(root), qPrintable(problem));
        }
        QVERIFY(errorOf([&] { lib.get(2); }).contains(QStringLiteral("not valid JSON")));
        QVERIFY(!errorOf([&] { lib.update(2, [](csm::VoiceProfile &) {}); }).isEmpty());
        // A newer schema is never rewritten by this version.
        QVERIFY(!errorOf([&] { lib.update(3, [](csm::VoiceProfile &) {}); }).isEmpty());
        QCOMPARE(readAll(root + QStringLiteral("/3/profile.json")), QStringLiteral("{\"schema_version\": 7, \"speaker_id\": 3}"));
        // The others still change, and a broken one can be deleted.
        lib.update(1, [](csm::VoiceProfile &v) { v.accent = "Welsh"; });
        QCOMPARE(lib.get(1).accent, std::string("Welsh"));
        lib.remove(2);
        QCOMPARE(lib.list().size(), size_t(4));
        QVERIFY(QString::fromStdString(csm::entries_to_json(lib.list())).contains(QStringLiteral("\"status\": \"broken\"")));
    }

    void migrationOnRead()
    {
        QTemporaryDir dir;
        csm::ProfileLibrary lib(dir.path().toStdString());
        const QByteArray v0 = "{\"id\": 5, \"name\": \"Ada\", \"description\": \"calm\", \"gender\": \"female\", "
                              "\"age_range\": \"20-30\", \"accent\": \"British\", \"model_path\": \"" CSM_FIXTURES_DIR
                              "/tiny_csm\", \"inference_params\": {\"temperature\": 0.8, \"topk\": 30}}";
        writeAll(dir.path() + QStringLiteral("/5/profile.json"), v0);
        const QByteArray v1 = "{\"schema_version\": 1, \"speaker_id\": 8, \"name\": \"Bo\", \"model_path\": \"model\", "
                              "\"samples\": [\"samples/a.wav\"], \"consent_text\": \"I agree\"}";
        writeAll(dir.path() + QStringLiteral("/8/profile.json"), v1);
        const auto entries = lib.list();
        QCOMPARE(entries.size(), size_t(2));
        QVERIFY(entries[0].ok() && entries[1].ok());
        QCOMPARE(entries[0].stored_schema_version, 0);
        QCOMPARE(entries[1].stored_schema_version, 1);
        QCOMPARE(entries[0].profile->inference.topk, 30);
        QCOMPARE(entries[1].profile->samples.at(0).file, std::string("samples/a.wav"));
        // Reading never rewrites; the next change stores the current schema.
        QCOMPARE(readAll(dir.path() + QStringLiteral("/5/profile.json")).toUtf8(), v0);
        lib.update(5, [](csm::VoiceProfile &v) { v.description = "calm and clear"; });
        const QString after = readAll(dir.path() + QStringLiteral("/5/profile.json"));
        QVERIFY(after.contains(QStringLiteral("\"schema_version\": 2")));
        QCOMPARE(lib.find(5)->stored_schema_version, 2);
        QCOMPARE(lib.get(5).inference.temperature, 0.8);
    }

    void deleteAndRestore()
    {
        QTemporaryDir dir;
        csm::ProfileLibrary lib(dir.path().toStdString());
        lib.create(makeProfile(3, "John"));
        lib.add_sample(3, m_clip.toStdString(), "hello");
        const std::string trashed = lib.remove(3);
        QVERIFY(QFile::exists(QString::fromStdString(trashed) + QStringLiteral("/profile.json")));
        QVERIFY(lib.list().empty());
        QVERIFY(errorOf([&] { lib.get(3); }).contains(QStringLiteral("is in the trash")));
        QVERIFY(errorOf([&] { lib.remove(3); }).contains(QStringLiteral("no voice profile with id 3")));
        const auto trash = lib.trash();
        QCOMPARE(trash.size(), size_t(1));
        QCOMPARE(trash[0].name, std::string("John"));
        QVERIFY(!trash[0].deleted_at.empty());

        // A new profile takes the id: restoring is refused until it goes.
        lib.create(makeProfile(3, "Jane"));
        QVERIFY(errorOf([&] { lib.restore(3); }).contains(QStringLiteral("is in use by 'Jane'")));
        lib.remove(3);
        QCOMPARE(lib.trash().size(), size_t(2));
        QCOMPARE(lib.trash()[0].name, std::string("Jane"));  // newest first
        auto restored = lib.restore(3);
        QVERIFY(restored.ok());
        QCOMPARE(restored.profile->name, std::string("Jane"));
        lib.remove(3);
        lib.restore(3);  // Jane again (most recently deleted)
        QCOMPARE(lib.get(3).name, std::string("Jane"));
        lib.remove(3);
        lib.restore(3);
        QCOMPARE(lib.get(3).name, std::string("Jane"));
        QCOMPARE(lib.trash().size(), size_t(1));
        lib.remove(3);
        lib.restore(3);
        lib.remove(3);
        // Jane is trashed once more; John is still there, with his sample.
        QCOMPARE(lib.trash().size(), size_t(2));
        QVERIFY(errorOf([&] { lib.restore(4); }).contains(QStringLiteral("trash holds no voice profile with id 4")));
    }

    void samplesAndRatings()
    {
        QTemporaryDir dir;
        csm::ProfileLibrary lib(dir.path().toStdString());
        lib.create(makeProfile(3, "John"));
        const auto a = lib.add_sample(3, m_clip.toStdString(), "First sentence.", true);
        const auto b = lib.add_sample(3, m_clip.toStdString(), "Second sentence.");
        QVERIFY(a.file != b.file);
        QVERIFY(QString::fromStdString(a.file).startsWith(QStringLiteral("samples/")));
        QCOMPARE(readAll(QString::fromStdString(lib.resolve(3, b.file))), readAll(m_clip));
        lib.rate_sample(3, a.file, 4, "ann", "natural");
        lib.rate_sample(3, a.file, 2);
        const auto p = lib.get(3);
        QCOMPARE(p.samples.size(), size_t(2));
        QVERIFY(p.samples[0].standard);
        QCOMPARE(p.samples[0].average_rating(), 3.0);
        QCOMPARE(p.samples[0].ratings[0].note, std::string("natural"));
        QVERIFY(errorOf([&] { lib.rate_sample(3, a.file, 6); }).contains(QStringLiteral("1 to 5")));
        QVERIFY(errorOf([&] { lib.rate_sample(3, "samples/nope.wav", 3); }).contains(QStringLiteral("no sample")));
        QVERIFY(errorOf([&] { lib.add_sample(3, "/nonexistent.wav", "x"); }).contains(QStringLiteral("/nonexistent.wav")));
        QVERIFY(errorOf([&] { lib.add_sample(9, m_clip.toStdString(), "x"); }).contains(QStringLiteral("no voice profile with id 9")));
        const std::string rel = lib.add_file(3, m_clip.toStdString(), "reference");
        QCOMPARE(rel, std::string("reference/clip.wav"));
        QCOMPARE(lib.add_file(3, m_clip.toStdString(), "reference"), std::string("reference/clip-2.wav"));
        lib.update(3, [&](csm::VoiceProfile &v) { v.inference.context_clips.push_back({rel, "Hello.", -1}); });
        QCOMPARE(lib.get(3).inference.context_clips.size(), size_t(1));
    }

    void updateValidates()
    {
        QTemporaryDir dir;
        csm::ProfileLibrary lib(dir.path().toStdString());
        lib.create(makeProfile(3, "John"));
        const QString before = readAll(dir.path() + QStringLiteral("/3/profile.json"));
        QVERIFY(errorOf([&] { lib.update(3, [](csm::VoiceProfile &v) { v.age_range = "30to40"; }); }).contains(QStringLiteral("30-40")));
        QVERIFY(errorOf([&] { lib.update(3, [](csm::VoiceProfile &v) { v.speaker_id = 4; }); }).contains(QStringLiteral("cannot change")));
        QVERIFY(errorOf([&] { lib.update(3, [](csm::VoiceProfile &v) { v.model_path = "/nope"; }); }).contains(QStringLiteral("/nope")));
        QVERIFY(errorOf([&] { lib.update(4, [](csm::VoiceProfile &) {}); }).contains(QStringLiteral("no voice profile with id 4")));
        QCOMPARE(readAll(dir.path() + QStringLiteral("/3/profile.json")), before);
        const auto p = lib.update(3, [](csm::VoiceProfile &v) { v.model_path = CSM_FIXTURES_DIR "/tiny_csm_sesame"; });
        QCOMPARE(p.model_hash, csm::model_identity(CSM_FIXTURES_DIR "/tiny_csm_sesame"));
    }

    void trainerRecordsRuns()
    {
        QTemporaryDir dir;
        csm::ProfileLibrary lib(dir.path().toStdString());
        csm::TrainingRunRecord run;
        run.speaker_id = 12;
        run.checkpoint_path = CSM_FIXTURES_DIR "/tiny_csm_sesame/ckpt.pt";
        run.base_model_path = kModel;
        run.details.recipe = "voice-adaptation";
        run.details.epochs = 5;
        run.details.data_minutes = 8;
        run.details.final_loss = 3.5;
        run.details.hyperparameters = {{"learning_rate", "2e-05"}};
        // A new profile of someone else's voice without consent is refused.
        run.new_profile.name = "Sam";
        QVERIFY(errorOf([&] { lib.record_training_run(run); }).contains(QStringLiteral("consent")));
        run.new_profile.own_voice = true;
        const auto created = lib.record_training_run(run);
        QCOMPARE(created.name, std::string("Sam"));
        QCOMPARE(created.base_model_hash, csm::model_identity(kModel));
        QCOMPARE(created.training.epochs, 5);
        lib.add_sample(12, m_clip.toStdString(), "kept");
        run.details.epochs = 8;
        run.details.best_loss = 3.25;
        run.checkpoint_path = kModel;
        run.new_profile.name = "ignored for an existing profile";
        const auto updated = lib.record_training_run(run);
        QCOMPARE(updated.name, std::string("Sam"));
        QCOMPARE(updated.training.epochs, 8);
        QCOMPARE(*updated.training.best_loss, 3.25);
        QCOMPARE(updated.model_path, kModel);
        QCOMPARE(updated.model_hash, csm::model_identity(kModel));
        QCOMPARE(updated.samples.size(), size_t(1));
    }

    void exportImportRoundTrip()
    {
        QTemporaryDir dir;
        csm::ProfileLibrary lib((dir.path() + QStringLiteral("/a")).toStdString());
        csm::VoiceProfile p = makeProfile(3, "John");
        p.own_voice = false;
        p.consent = csm::ConsentRecord{"John", "", "", "I agree.", ""};
        csm::CreateOptions o;
        o.consent_audio = m_clip.toStdString();
        lib.create(p, o);
        lib.add_sample(3, m_clip.toStdString(), "Hello there.", true);
        const std::string archive = (dir.path() + QStringLiteral("/john.csmvoice")).toStdString();
        const uint64_t bytes = lib.export_profile(3, archive);
        QCOMPARE(qint64(bytes), QFileInfo(QString::fromStdString(archive)).size());
        QCOMPARE(bytes % 512, uint64_t(0));

        csm::ProfileLibrary other((dir.path() + QStringLiteral("/b")).toStdString());
        const auto imported = other.import_profile(archive);
        const auto original = lib.get(3);
        QCOMPARE(imported.name, original.name);
        QCOMPARE(imported.consent->statement, original.consent->statement);
        QCOMPARE(imported.model_path, std::string("model"));
        QCOMPARE(imported.model_hash, original.model_hash);
        QCOMPARE(csm::model_identity(other.resolve(3, "model")), original.model_hash);
        QCOMPARE(imported.samples.size(), size_t(1));
        QCOMPARE(readAll(QString::fromStdString(other.resolve(3, imported.samples[0].file))), readAll(m_clip));
        QVERIFY(QFile::exists(QString::fromStdString(other.resolve(3, imported.consent->audio_file))));
        QCOMPARE(other.get(3).name, std::string("John"));

        // Never overwrites without --replace; --id imports beside it.
        QVERIFY(errorOf([&] { other.import_profile(archive); }).contains(QStringLiteral("--replace")));
        other.update(3, [](csm::VoiceProfile &v) { v.description = "edited"; });
        const auto copy = other.import_profile(archive, false, 4);
        QCOMPARE(copy.speaker_id, 4);
        QCOMPARE(other.get(3).description, std::string("edited"));
        other.import_profile(archive, true);
        QCOMPARE(other.get(3).description, std::string("test voice"));
        QCOMPARE(other.trash().size(), size_t(1));  // the edited one, restorable
        QVERIFY(leftovers(dir.path()).isEmpty());

        // An imported profile (model inside its folder) exports and imports again.
        const std::string again = (dir.path() + QStringLiteral("/again.csmvoice")).toStdString();
        other.export_profile(4, again);
        csm::ProfileLibrary third((dir.path() + QStringLiteral("/c")).toStdString());
        QCOMPARE(third.import_profile(again).model_path, std::string("model"));
        csm::check_csm_checkpoint(third.resolve(4, "model"));
    }

    void badArchivesAreRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("message");
        QTest::newRow("flipped byte") << "flip" << "checksum mismatch";
        QTest::newRow("truncated") << "truncate" << "truncated";
        QTest::newRow("not an archive") << "garbage" << "not a tar archive";
        QTest::newRow("missing") << "missing" << "cannot open";
    }

    void badArchivesAreRefused()
    {
        QFETCH(QString, damage);
        QFETCH(QString, message);
        QTemporaryDir dir;
        csm::ProfileLibrary lib((dir.path() + QStringLiteral("/a")).toStdString());
        lib.create(makeProfile(3, "John"));
        const QString archive = dir.path() + QStringLiteral("/john.csmvoice");
        lib.export_profile(3, archive.toStdString());
        QFile f(archive);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        if (damage == QStringLiteral("flip")) {
            const int at = bytes.indexOf("model.safetensors") + 4096;  // inside the weights
            bytes[at] = char(bytes[at] ^ 0x01);
        } else if (damage == QStringLiteral("truncate")) {
            bytes.truncate(bytes.size() / 2);
        } else if (damage == QStringLiteral("garbage")) {
            bytes = QByteArray(4096, 'x');
        }
        f.resize(0);
        f.seek(0);
        f.write(bytes);
        f.close();
        if (damage == QStringLiteral("missing"))
            QFile::remove(archive);
        csm::ProfileLibrary other((dir.path() + QStringLiteral("/b")).toStdString());
        const QString err = errorOf([&] { other.import_profile(archive.toStdString()); });
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY2(err.startsWith(archive), qPrintable(err));
        QVERIFY(other.list().empty());
        QVERIFY(leftovers(dir.path()).isEmpty());
    }

    void lockTimesOut()
    {
        QTemporaryDir dir;
        csm::ProfileLibrary lib(dir.path().toStdString());
        lib.create(makeProfile(1, "A"));
        int ready[2];
        QVERIFY(::pipe(ready) == 0);
        const pid_t child = ::fork();
        if (child == 0) {
            const int fd = ::open((dir.path() + QStringLiteral("/.lock")).toLocal8Bit().constData(), O_RDWR);
            ::flock(fd, LOCK_EX);
            (void)!::write(ready[1], "x", 1);
            ::sleep(10);
            ::_exit(0);
        }
        char c;
        QCOMPARE(::read(ready[0], &c, 1), ssize_t(1));
        lib.set_lock_timeout(std::chrono::milliseconds(200));
        const QString err = errorOf([&] { lib.update(1, [](csm::VoiceProfile &v) { v.name = "B"; }); });
        ::kill(child, SIGKILL);
        ::waitpid(child, nullptr, 0);
        ::close(ready[0]);
        ::close(ready[1]);
        QVERIFY2(err.contains(QStringLiteral("stays locked")), qPrintable(err));
        QCOMPARE(lib.get(1).name, std::string("A"));  // readers are not blocked by the lock
        lib.update(1, [](csm::VoiceProfile &v) { v.name = "B"; });  // a dead holder's lock is gone
        QCOMPARE(lib.get(1).name, std::string("B"));
    }

    // Two processes change the same profile at once: every change survives (no lost update).
    void twoProcessesWriteAtOnce()
    {
        QTemporaryDir dir;
        const std::string root = dir.path().toStdString();
        csm::ProfileLibrary lib(root);
        lib.create(makeProfile(1, "Shared"));
        constexpr int kOps = 25;
        pid_t children[2];
        for (int k = 0; k < 2; ++k) {
            children[k] = ::fork();
            if (children[k] == 0) {
                int status = 0;
                try {
                    csm::ProfileLibrary mine(root);
                    for (int i = 0; i < kOps; ++i) {
                        mine.add_sample(1, m_clip.toStdString(), "child " + std::to_string(k) + " #" + std::to_string(i));
                        mine.update(1, [&](csm::VoiceProfile &v) {
                            v.training.hyperparameters["child" + std::to_string(k)] = std::to_string(i);
                            v.training.epochs += 1;
                        });
                        if (i % 5 == 0)
                            mine.create(makeProfile(100 + k * 100 + i, "extra"));
                    }
                } catch (const std::exception &e) {
                    fprintf(stderr, "child %d: %s\n", k, e.what());
                    status = 1;
                }
                ::_exit(status);
            }
        }
        for (pid_t c : children) {
            int status = 0;
            ::waitpid(c, &status, 0);
            QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        }
        const auto p = lib.get(1);
        QCOMPARE(p.samples.size(), size_t(2 * kOps));
        QCOMPARE(p.training.epochs, 2 * kOps);
        QCOMPARE(p.training.hyperparameters.at("child0"), std::to_string(kOps - 1));
        QCOMPARE(p.training.hyperparameters.at("child1"), std::to_string(kOps - 1));
        for (const auto &s : p.samples)
            QVERIFY(QFile::exists(QString::fromStdString(lib.resolve(1, s.file))));
        const auto all = lib.list();
        QCOMPARE(all.size(), size_t(1 + 2 * ((kOps + 4) / 5)));
        for (const auto &e : all)
            QVERIFY2(e.ok(), e.problem.c_str());
    }

    // A writer killed with SIGKILL at a random moment, many times: every profile always reads, no
    // committed change is lost, a profile being deleted/restored is in the library or the trash.
    void killedWritersNeverCorruptOrLose()
    {
        // On tmpfs a write costs microseconds instead of an fsync's tens of milliseconds, so each
        // round's writer gets through many operations and the kill lands at varied points in them.
        // (SIGKILL is not a power cut: the page cache survives, so tmpfs tests the same thing.)
        const bool shm = QFileInfo(QStringLiteral("/dev/shm")).isWritable();
        QTemporaryDir dir(shm ? QStringLiteral("/dev/shm/csm-profiles-kill-XXXXXX") : QDir::tempPath() + QStringLiteral("/csm-profiles-kill-XXXXXX"));
        QVERIFY(dir.isValid());
        const std::string root = dir.path().toStdString();
        csm::ProfileLibrary lib(root);
        lib.create(makeProfile(1, "Counter"));
        lib.create(makeProfile(2, "Mover"));
        QRandomGenerator rng(1234);
        constexpr int kRounds = 80;
        int totalOps = 0;
        for (int round = 0; round < kRounds; ++round) {
            int fds[2];
            QVERIFY(::pipe(fds) == 0);
            const int start = lib.get(1).training.epochs;
            const pid_t child = ::fork();
            if (child == 0) {
                ::close(fds[0]);
                try {
                csm::ProfileLibrary mine(root);
                for (int i = 1;; ++i) {
                    switch (i % 4) {
                    case 0:
                        mine.add_sample(1, m_clip.toStdString(), "round " + std::to_string(round));
                        break;
                    case 1:
                    case 3:
                        mine.update(1, [&](csm::VoiceProfile &v) {
                            v.training.epochs = start + i;
                            v.description = std::string(static_cast<size_t>(i % 7) * 300, 'x');
                        });
                        break;
                    case 2:
                        if (mine.find(2))
                            mine.remove(2);
                        else
                            mine.restore(2);
                        break;
                    }
                    const int done = start + i;
                    (void)!::write(fds[1], &done, sizeof done);
                }
                } catch (const std::exception &e) {
                    fprintf(stderr, "writer: %s\n", e.what());
                }
                ::_exit(1);
            }
            ::close(fds[1]);
            ::usleep(static_cast<useconds_t>(shm ? rng.bounded(200, 25000) : rng.bounded(1000, 150000)));
            ::kill(child, SIGKILL);
            int status = 0;
            ::waitpid(child, &status, 0);
            QVERIFY(WIFSIGNALED(status));
            int lastDone = start, v = 0;
            while (::read(fds[0], &v, sizeof v) == ssize_t(sizeof v))
                lastDone = v;
            ::close(fds[0]);
            totalOps += lastDone - start;

            // Check the library as a reader sees it right after the kill.
            const auto entries = lib.list();
            for (const auto &e : entries)
                QVERIFY2(e.ok(), qPrintable(QStringLiteral("round %1: %2").arg(round).arg(QString::fromStdString(e.problem))));
            QVERIFY(lib.find(1).has_value());
            const auto counter = lib.get(1);
            // Committed changes survive; at most the one in flight may also have landed.
            // Only odd-numbered operations set the counter, so the last committed one is >= lastDone - 1.
            QVERIFY2(counter.training.epochs >= lastDone - 1, qPrintable(QStringLiteral("round %1: %2 < %3").arg(round).arg(counter.training.epochs).arg(lastDone)));
            QVERIFY(counter.training.epochs <= lastDone + 1);
            for (const auto &s : counter.samples)
                QVERIFY(QFile::exists(QString::fromStdString(lib.resolve(1, s.file))));
            bool moverSomewhere = lib.find(2).has_value();
            for (const auto &t : lib.trash())
                moverSomewhere = moverSomewhere || (t.speaker_id == 2 && t.name == "Mover");
            QVERIFY2(moverSomewhere, qPrintable(QStringLiteral("round %1: profile 2 lost").arg(round)));
        }
        QVERIFY2(totalOps >= kRounds / 2, qPrintable(QStringLiteral("only %1 operations completed").arg(totalOps)));
        // The next writer clears what killed writers left behind.
        lib.update(1, [](csm::VoiceProfile &v) { v.name = "Done"; });
        if (!lib.find(2))
            lib.restore(2);
        lib.add_sample(1, m_clip.toStdString(), "final");
        QVERIFY2(leftovers(dir.path() + QStringLiteral("/1")).isEmpty(), qPrintable(leftovers(dir.path()).join(QLatin1Char(' '))));
        qInfo("%d operations committed across %d killed writers (%s)", totalOps, kRounds, shm ? "tmpfs" : "disk");
    }
};

QTEST_GUILESS_MAIN(ProfileLibraryTest)
#include "test_profile_library.moc"
