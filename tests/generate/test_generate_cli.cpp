// `csm generate`: speech to a WAV file with a context turn, and its errors and exit codes.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class GenerateCliTest : public QObject
{
    Q_OBJECT

    struct Result {
        int exitCode;
        QString out, err;
    };

    Result run(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(CSM_BIN_DIR "/csm"), QStringList{QStringLiteral("generate")} + args);
        if (!p.waitForFinished(180000))
            return {-1, {}, QStringLiteral("timed out")};
        return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

    QStringList base(const QString &out)
    {
        return {QStringLiteral("--model-path"), QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm"), QStringLiteral("--tokenizer"),
                QStringLiteral(CSM_FIXTURES_DIR "/tokenizer/tokenizer.json"), QStringLiteral("--out"), out};
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void generatesWithContext()
    {
        QTemporaryDir dir;
        qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());  // the watermark key goes here
        // a 0.5 s context clip at 16 kHz (resampled to 24 kHz by the command)
        const QString context = dir.path() + QStringLiteral("/context.wav");
        {
            QFile f(context);
            QVERIFY(f.open(QIODevice::WriteOnly));
            const int rate = 16000, n = 8000;
            auto le32 = [&](quint32 v) { char b[4] = {char(v), char(v >> 8), char(v >> 16), char(v >> 24)}; f.write(b, 4); };
            auto le16 = [&](quint16 v) { char b[2] = {char(v), char(v >> 8)}; f.write(b, 2); };
            f.write("RIFF"); le32(36 + n * 2); f.write("WAVEfmt "); le32(16); le16(1); le16(1); le32(rate); le32(rate * 2);
            le16(2); le16(16); f.write("data"); le32(n * 2);
            for (int i = 0; i < n; ++i)
                le16(quint16(qint16(8000 * std::sin(i * 0.06))));
        }
        const QString out = dir.path() + QStringLiteral("/out.wav");
        auto args = base(out);
        args << QStringLiteral("--text") << QStringLiteral("Hello there.") << QStringLiteral("--speaker") << QStringLiteral("0")
             << QStringLiteral("--context-audio") << context << QStringLiteral("--context-text") << QStringLiteral("Hi.")
             << QStringLiteral("--context-speaker") << QStringLiteral("1") << QStringLiteral("--max-ms") << QStringLiteral("800")
             << QStringLiteral("--seed") << QStringLiteral("4") << QStringLiteral("--stream");
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QStringLiteral("chunk")));
        QVERIFY(r.out.contains(QStringLiteral("watermarked")));
        QVERIFY(QFile(out).size() > 44);
    }

    void voiceSampleUsesTheProfile()
    {
        // `csm voice sample` generates with the profile's model and stores the sample in the profile
        QTemporaryDir dir;
        qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
        const QString model = dir.path() + QStringLiteral("/model");
        QDir().mkpath(model);
        for (const char *f : {"config.json", "model.safetensors"})
            QVERIFY(QFile::copy(QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm/") + QLatin1String(f), model + QLatin1Char('/') + QLatin1String(f)));
        QVERIFY(QFile::copy(QStringLiteral(CSM_FIXTURES_DIR "/tokenizer/tokenizer.json"), model + QStringLiteral("/tokenizer.json")));
        const QString library = dir.path() + QStringLiteral("/voices");
        auto voice = [&](const QStringList &args) {
            QProcess p;
            p.start(QStringLiteral(CSM_BIN_DIR "/csm"), QStringList{QStringLiteral("voice"), QStringLiteral("--library"), library} + args);
            p.waitForFinished(180000);
            return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()));
        };
        auto created = voice({QStringLiteral("create"), QStringLiteral("Anna"), QStringLiteral("5"), QStringLiteral("Narrator"),
                              QStringLiteral("--model-path"), model, QStringLiteral("--own-voice")});
        QVERIFY2(created.first == 0, qPrintable(created.second));
        QVERIFY(voice({QStringLiteral("update"), QStringLiteral("5"), QStringLiteral("--max-audio-ms"), QStringLiteral("800")}).first == 0);
        auto sampled = voice({QStringLiteral("sample"), QStringLiteral("5"), QStringLiteral("--text"), QStringLiteral("Hello.")});
        QVERIFY2(sampled.first == 0, qPrintable(sampled.second));
        QVERIFY(QDir(library + QStringLiteral("/5/samples")).entryList(QDir::Files).size() == 1);
        auto standard = voice({QStringLiteral("sample"), QStringLiteral("5"), QStringLiteral("--standard")});
        QVERIFY2(standard.first == 0, qPrintable(standard.second));
        QVERIFY(QDir(library + QStringLiteral("/5/samples")).entryList(QDir::Files).size() > 2);
        auto missing = voice({QStringLiteral("sample"), QStringLiteral("9"), QStringLiteral("--text"), QStringLiteral("Hi.")});
        QCOMPARE(missing.first, 1);
    }

    void errors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate"), QStringLiteral("1")} << 2 << QStringLiteral("unknown option");
        QTest::newRow("no model") << QStringList{QStringLiteral("--out"), QStringLiteral("x.wav")} << 2 << QStringLiteral("--model-path");
        QTest::newRow("bad number") << QStringList{QStringLiteral("--model-path"), QStringLiteral("m"), QStringLiteral("--out"),
                                                   QStringLiteral("x.wav"), QStringLiteral("--topk"), QStringLiteral("ten")}
                                    << 2 << QStringLiteral("whole number");
        QTest::newRow("missing model") << QStringList{QStringLiteral("--model-path"), QStringLiteral("/nonexistent/model"),
                                                      QStringLiteral("--out"), QStringLiteral("/tmp/x.wav"), QStringLiteral("--text"),
                                                      QStringLiteral("Hi")}
                                       << 1 << QStringLiteral("/nonexistent/model");
        QTest::newRow("missing context clip") << QStringList{QStringLiteral("--model-path"), QStringLiteral("m"), QStringLiteral("--out"),
                                                             QStringLiteral("x.wav"), QStringLiteral("--context-audio"),
                                                             QStringLiteral("/nonexistent/clip.wav")}
                                              << 1 << QStringLiteral("/nonexistent/clip.wav");
    }

    void errors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const auto r = run(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(GenerateCliTest)
#include "test_generate_cli.moc"
