// `csm voice ...`: the seed's create example, list/show (text and JSON), update, delete/restore,
// export/import, CSM_LIBRARY, error messages and exit codes (1 bad input, 2 bad usage), and several
// csm processes writing to one library at once.
//
// The `csm` binary loads LibTorch, which costs about a second of CPU per start, so most cases call
// the registered `voice` command in this process (profiles_commands.cpp is compiled in, with the
// exit-code mapping of csm_main.cpp); a few run the real binary to prove the wiring and to run
// processes concurrently.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

#include "command_registry.h"

class VoiceCliTest : public QObject
{
    Q_OBJECT

    struct Result {
        int exitCode;
        QString out, err;
    };

    QTemporaryDir m_tmp;
    QString m_lib;

    static QString model() { return QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm"); }

    // In this process, mapping exceptions to exit codes the way csm_main.cpp does.
    Result run(QStringList args, const QString &library = QString())
    {
        if (!library.isEmpty())
            args = QStringList{QStringLiteral("--library"), library} + args;
        std::vector<std::string> argv;
        for (const QString &a : args)
            argv.push_back(a.toStdString());
        std::ostringstream out, err;
        std::streambuf *oldOut = std::cout.rdbuf(out.rdbuf());
        std::streambuf *oldErr = std::cerr.rdbuf(err.rdbuf());
        int code = 0;
        try {
            code = csm::cli::commands().at("voice").run(argv);
        } catch (const std::invalid_argument &e) {
            err << "csm voice: " << e.what() << "\n";
            code = 2;
        } catch (const std::exception &e) {
            err << "csm voice: " << e.what() << "\n";
            code = 1;
        }
        std::cout.rdbuf(oldOut);
        std::cerr.rdbuf(oldErr);
        return {code, QString::fromStdString(out.str()), QString::fromStdString(err.str())};
    }

    // The real binary.
    Result runBinary(QStringList args, const QString &library)
    {
        QProcess p;
        p.start(QStringLiteral(CSM_BIN_DIR "/csm"), QStringList{QStringLiteral("voice"), QStringLiteral("--library"), library} + args);
        if (!p.waitForFinished(60000))
            return {-1, {}, QStringLiteral("timed out")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_tmp.isValid());
        m_lib = m_tmp.filePath(QStringLiteral("voices"));
        // The seed's example, plus the consent the issue requires for someone else's voice.
        const auto r = run({QStringLiteral("create"), QStringLiteral("John"), QStringLiteral("3"), QStringLiteral("Professional male voice"),
                            QStringLiteral("--gender"), QStringLiteral("male"), QStringLiteral("--age-range"), QStringLiteral("30-40"),
                            QStringLiteral("--accent"), QStringLiteral("North American"), QStringLiteral("--model-path"), model(),
                            QStringLiteral("--consent-text"), QStringLiteral("I, John, agree to have my voice cloned.")},
                           m_lib);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("created voice profile 3 'John'")));
    }

    void listAndShow()
    {
        auto r = run({QStringLiteral("list")}, m_lib);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("John")) && r.out.contains(QStringLiteral("North American")), qPrintable(r.out));
        r = run({QStringLiteral("list"), QStringLiteral("--json")}, m_lib);
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list[0].toObject()[QStringLiteral("speaker_id")].toInt(), 3);
        QCOMPARE(list[0].toObject()[QStringLiteral("consent")].toObject()[QStringLiteral("person")].toString(), QStringLiteral("John"));
        r = run({QStringLiteral("show"), QStringLiteral("3")}, m_lib);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("I, John, agree")) && r.out.contains(QStringLiteral("30-40")), qPrintable(r.out));
        r = run({QStringLiteral("show"), QStringLiteral("3"), QStringLiteral("--json")}, m_lib);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()[QStringLiteral("schema_version")].toInt(), 2);
    }

    void libraryFromEnvironment()
    {
        const QByteArray old = qgetenv("CSM_LIBRARY");
        qputenv("CSM_LIBRARY", m_lib.toUtf8());
        const auto r = run({QStringLiteral("list")});
        if (old.isEmpty())
            qunsetenv("CSM_LIBRARY");
        else
            qputenv("CSM_LIBRARY", old);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("John")));
    }

    // The command is wired into the real `csm`, with its exit codes.
    void realBinary()
    {
        auto r = runBinary({QStringLiteral("list"), QStringLiteral("--json")}, m_lib);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 1);
        r = runBinary({QStringLiteral("show"), QStringLiteral("42")}, m_lib);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no voice profile with id 42")), qPrintable(r.err));
        r = runBinary({QStringLiteral("show")}, m_lib);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("voice show ID")), qPrintable(r.err));  // usage is printed
    }

    void updateDeleteRestore()
    {
        auto r = run({QStringLiteral("update"), QStringLiteral("3"), QStringLiteral("--accent"), QStringLiteral("Canadian"),
                      QStringLiteral("--temperature"), QStringLiteral("0.7"), QStringLiteral("--topk"), QStringLiteral("40")},
                     m_lib);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("show"), QStringLiteral("3"), QStringLiteral("--json")}, m_lib);
        const QJsonObject p = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(p[QStringLiteral("accent")].toString(), QStringLiteral("Canadian"));
        QCOMPARE(p[QStringLiteral("inference")].toObject()[QStringLiteral("topk")].toInt(), 40);

        QCOMPARE(run({QStringLiteral("delete"), QStringLiteral("3")}, m_lib).exitCode, 0);
        r = run({QStringLiteral("show"), QStringLiteral("3")}, m_lib);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("csm voice restore 3")), qPrintable(r.err));
        r = run({QStringLiteral("list"), QStringLiteral("--trash")}, m_lib);
        QVERIFY(r.out.contains(QStringLiteral("John")));
        r = run({QStringLiteral("restore"), QStringLiteral("3")}, m_lib);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(run({QStringLiteral("show"), QStringLiteral("3")}, m_lib).exitCode, 0);
    }

    void exportImport()
    {
        const QString archive = m_tmp.filePath(QStringLiteral("john.csmvoice"));
        auto r = run({QStringLiteral("export"), QStringLiteral("3"), QStringLiteral("--out"), archive}, m_lib);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // A plain tar: the system's tar lists it.
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("tf"), archive});
        if (tar.waitForFinished(10000) && tar.exitCode() == 0) {
            const QString names = QString::fromUtf8(tar.readAllStandardOutput());
            QVERIFY2(names.contains(QStringLiteral("profile/model/model.safetensors")), qPrintable(names));
            QVERIFY(names.startsWith(QStringLiteral("csm-voice-profile.json")));
        }
        const QString other = m_tmp.filePath(QStringLiteral("other"));
        r = run({QStringLiteral("import"), archive}, other);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = run({QStringLiteral("import"), archive}, other);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("--replace")), qPrintable(r.err));
        QCOMPARE(run({QStringLiteral("import"), archive, QStringLiteral("--replace")}, other).exitCode, 0);
        QCOMPARE(run({QStringLiteral("import"), archive, QStringLiteral("--id"), QStringLiteral("9")}, other).exitCode, 0);
        r = run({QStringLiteral("list"), QStringLiteral("--json")}, other);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 2);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString m = model();
        QTest::newRow("no subcommand") << QStringList{} << 2 << "needs a subcommand";
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("frob")} << 2 << "no subcommand 'frob'";
        QTest::newRow("create too few") << QStringList{QStringLiteral("create"), QStringLiteral("John")} << 2 << "needs NAME, ID";
        QTest::newRow("create bad id") << QStringList{QStringLiteral("create"), QStringLiteral("John"), QStringLiteral("three"), QStringLiteral("--model-path"), m} << 2 << "ID must be a whole number";
        QTest::newRow("create no model") << QStringList{QStringLiteral("create"), QStringLiteral("Ann"), QStringLiteral("4")} << 2 << "--model-path";
        QTest::newRow("create unknown option") << QStringList{QStringLiteral("create"), QStringLiteral("Ann"), QStringLiteral("4"), QStringLiteral("--model-path"), m, QStringLiteral("--colour"), QStringLiteral("red")} << 2 << "no option --colour";
        QTest::newRow("duplicate id") << QStringList{QStringLiteral("create"), QStringLiteral("Ann"), QStringLiteral("3"), QStringLiteral("--model-path"), m, QStringLiteral("--own-voice")} << 1 << "already used by 'John'";
        QTest::newRow("bad age range") << QStringList{QStringLiteral("create"), QStringLiteral("Ann"), QStringLiteral("4"), QStringLiteral("--model-path"), m, QStringLiteral("--own-voice"), QStringLiteral("--age-range"), QStringLiteral("thirties")} << 1 << "not like '30-40'";
        QTest::newRow("model missing") << QStringList{QStringLiteral("create"), QStringLiteral("Ann"), QStringLiteral("4"), QStringLiteral("--model-path"), QStringLiteral("/nonexistent/model"), QStringLiteral("--own-voice")} << 1 << "/nonexistent/model: no such file";
        QTest::newRow("not a checkpoint") << QStringList{QStringLiteral("create"), QStringLiteral("Ann"), QStringLiteral("4"), QStringLiteral("--model-path"), QStringLiteral(CSM_FIXTURES_DIR "/tokenizer"), QStringLiteral("--own-voice")} << 1 << "is not a CSM checkpoint";
        QTest::newRow("no consent") << QStringList{QStringLiteral("create"), QStringLiteral("Ann"), QStringLiteral("4"), QStringLiteral("--model-path"), m} << 1 << "needs their consent";
        QTest::newRow("show unknown") << QStringList{QStringLiteral("show"), QStringLiteral("42")} << 1 << "no voice profile with id 42";
        QTest::newRow("update nothing") << QStringList{QStringLiteral("update"), QStringLiteral("3")} << 2 << "at least one";
        QTest::newRow("update no value") << QStringList{QStringLiteral("update"), QStringLiteral("3"), QStringLiteral("--name")} << 2 << "needs a value";
        QTest::newRow("update bad number") << QStringList{QStringLiteral("update"), QStringLiteral("3"), QStringLiteral("--temperature"), QStringLiteral("hot")} << 2 << "must be a number";
        QTest::newRow("update bad value") << QStringList{QStringLiteral("update"), QStringLiteral("3"), QStringLiteral("--temperature"), QStringLiteral("9")} << 1 << "temperature must be between";
        QTest::newRow("delete unknown") << QStringList{QStringLiteral("delete"), QStringLiteral("42")} << 1 << "no voice profile with id 42";
        QTest::newRow("restore unknown") << QStringList{QStringLiteral("restore"), QStringLiteral("42")} << 1 << "trash holds no voice profile";
        QTest::newRow("export no out") << QStringList{QStringLiteral("export"), QStringLiteral("3")} << 2 << "--out";
        QTest::newRow("import missing") << QStringList{QStringLiteral("import"), QStringLiteral("/nonexistent.csmvoice")} << 1 << "/nonexistent.csmvoice: cannot open";
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const auto r = run(args, m_lib);
        QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("\n\n")));
    }

    // Several csm processes on one library: different ids all land; one id is taken exactly once.
    void concurrentProcesses()
    {
        const QString lib = m_tmp.filePath(QStringLiteral("busy"));
        auto start = [&](const QString &name, int id) {
            auto p = std::make_unique<QProcess>();
            p->start(QStringLiteral(CSM_BIN_DIR "/csm"),
                     {QStringLiteral("voice"), QStringLiteral("create"), name, QString::number(id), QStringLiteral("--model-path"), model(),
                      QStringLiteral("--own-voice"), QStringLiteral("--library"), lib});
            return p;
        };
        std::vector<std::unique_ptr<QProcess>> procs;
        for (int i = 0; i < 2; ++i)
            procs.push_back(start(QStringLiteral("V%1").arg(i), 10 + i));
        for (int i = 0; i < 2; ++i)
            procs.push_back(start(QStringLiteral("Same%1").arg(i), 50));
        int ok = 0, failed = 0;
        for (size_t i = 0; i < procs.size(); ++i) {
            QVERIFY(procs[i]->waitForFinished(60000));
            const QString err = QString::fromUtf8(procs[i]->readAllStandardError());
            if (i < 2) {
                QVERIFY2(procs[i]->exitCode() == 0, qPrintable(err));
            } else if (procs[i]->exitCode() == 0) {
                ++ok;
            } else {
                ++failed;
                QVERIFY2(err.contains(QStringLiteral("already used")), qPrintable(err));
            }
        }
        QCOMPARE(ok, 1);
        QCOMPARE(failed, 1);
        const auto r = run({QStringLiteral("list"), QStringLiteral("--json")}, lib);  // in process: no extra start
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 3);
        for (const auto &v : list)
            QCOMPARE(v.toObject()[QStringLiteral("status")].toString(), QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(VoiceCliTest)
#include "test_voice_cli.moc"
