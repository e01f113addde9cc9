// The `csm` command line: the demo runs end to end, bad input exits 1 with the path in the
// message, bad usage exits 2, and check-reference agrees with the fixture.
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class CliTest : public QObject
{
    Q_OBJECT

    struct Result {
        int exitCode;
        QString out, err;
    };

    Result run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(CSM_BIN_DIR "/csm"), args);
        if (!p.waitForFinished(120000))
            return {-1, {}, QStringLiteral("timed out")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void demoRunsEndToEnd()
    {
        QTemporaryDir dir;
        const auto r = run({QStringLiteral("demo"), QStringLiteral("--out"), dir.path() + QStringLiteral("/model"), QStringLiteral("--frames"), QStringLiteral("5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("forward pass")));
        QVERIFY(r.out.contains(QStringLiteral("greedy decode")));
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/model/model.safetensors")));
        QVERIFY(QFile::exists(dir.path() + QStringLiteral("/model/config.json")));
    }

    void infoOnMissingModel()
    {
        const auto r = run({QStringLiteral("info"), QStringLiteral("/nonexistent/model")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("/nonexistent/model")), qPrintable(r.err));
    }

    void badUsage()
    {
        QCOMPARE(run({QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("info")}).exitCode, 2);
        QCOMPARE(run({QStringLiteral("info"), QStringLiteral("x"), QStringLiteral("--device")}).exitCode, 2);
    }

    void cudaWithoutGpuIsExplained()
    {
        if (qEnvironmentVariableIsSet("CUDA_VISIBLE_DEVICES"))
            QSKIP("a GPU may be present");
        const auto r = run({QStringLiteral("info"), QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm"), QStringLiteral("--device"), QStringLiteral("cuda")});
        if (r.exitCode == 0)
            QSKIP("this machine has CUDA");
        QVERIFY2(r.err.contains(QStringLiteral("sees no CUDA GPU")), qPrintable(r.err));
    }

    void checkReference()
    {
        const auto r = run({QStringLiteral("check-reference"), QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm"),
                            QStringLiteral(CSM_FIXTURES_DIR "/csm_reference.safetensors")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(r.out.contains(QStringLiteral("\"ok\": true}")));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "test_cli.moc"
