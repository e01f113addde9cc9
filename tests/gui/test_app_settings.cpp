// AppSettings: typed values with defaults, persisted in the test-mode config folder.
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "appsettings.h"

class TestAppSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(AppSettings::defaultFileName());
    }

    void defaultsAndTestModeLocation()
    {
        AppSettings settings;
        QVERIFY2(settings.fileName().contains(QLatin1String(".qttest")), qPrintable(settings.fileName()));
        QCOMPARE(settings.device.get(), QStringLiteral("cpu"));
        QCOMPARE(settings.language.get(), QString());
        QCOMPARE(settings.currentPage.get(), 2);
        QVERIFY(!settings.libraryFolder.isSet());
        QCOMPARE(settings.effectiveLibraryFolder(), AppSettings::defaultLibraryFolder());
    }

    void persists_data()
    {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QString>("device");
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("page");
        QTest::newRow("german, cuda") << QStringLiteral("/tmp/voices") << QStringLiteral("cuda") << QStringLiteral("de") << 3;
        QTest::newRow("system, cpu") << QStringLiteral("/data/lib") << QStringLiteral("cpu") << QString() << 0;
    }

    void persists()
    {
        QFETCH(QString, library);
        QFETCH(QString, device);
        QFETCH(QString, language);
        QFETCH(int, page);
        {
            AppSettings settings;
            settings.libraryFolder = library;
            settings.device = device;
            settings.language = language;
            settings.currentPage = page;
            settings.windowGeometry = QByteArray("geometry-bytes");
            settings.sync();
        }
        AppSettings again;
        QCOMPARE(again.libraryFolder.get(), library);
        QCOMPARE(again.effectiveLibraryFolder(), library);
        QCOMPARE(again.device.get(), device);
        QCOMPARE(again.language.get(), language);
        QCOMPARE(again.currentPage.get(), page);
        QCOMPARE(again.windowGeometry.get(), QByteArray("geometry-bytes"));
    }

    void resetGoesBackToDefault()
    {
        AppSettings settings;
        settings.device = QStringLiteral("cuda");
        settings.device.reset();
        QCOMPARE(settings.device.get(), QStringLiteral("cpu"));
    }

    void explicitFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("other.ini"));
        {
            AppSettings settings(file);
            settings.raterName = QStringLiteral("Ann");
        }
        QVERIFY(QFile::exists(file));
        QCOMPARE(AppSettings(file).raterName.get(), QStringLiteral("Ann"));
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "test_app_settings.moc"
