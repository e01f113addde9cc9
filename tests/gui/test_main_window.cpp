// The main window as a user meets it: navigation, persisted settings and window state, the library
// page (broken profiles, filter, delete + undo, read-only folder), audition with the tiny model,
// A/B and blind A/B/X ratings stored in the profiles, the export dialog, and the translations.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTranslator>
#include <QUndoStack>
#include <QtTest>

#include "comparepage.h"
#include "compareslotwidget.h"
#include "exportdialog.h"
#include "gui_test_support.h"
#include "jobstatuswidget.h"
#include "librarypage.h"
#include "mainwindow.h"
#include "profiledetailwidget.h"
#include "profilefilterproxymodel.h"
#include "profiletablemodel.h"
#include "settingsdialog.h"
#include "studio.h"

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_library;

    std::unique_ptr<Studio> makeStudio(const QString &library)
    {
        auto studio = std::make_unique<Studio>();
        studio->settings().libraryFolder = library;
        studio->settings().baseModelFolder = guitest::kTokenizerFolder;  // tokenizer.json for the tiny model
        studio->applySettings();
        return studio;
    }

    static csm::VoiceProfile stored(const QString &library, int id)
    {
        return csm::ProfileLibrary(library.toStdString()).get(id);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QFile::remove(AppSettings::defaultFileName());
        m_library = m_dir.filePath(QStringLiteral("voices"));
        guitest::addVoice(m_library, 1, "Ann", "female", "30-40", 1.25);
        guitest::addVoice(m_library, 2, "Bob", "male", "40-50", 0.5);
        guitest::addVoice(m_library, 3, "Cleo", "female", "20-30");
        // A broken profile: unreadable profile.json.
        QDir().mkpath(m_library + QStringLiteral("/9"));
        QFile broken(m_library + QStringLiteral("/9/profile.json"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
    }

    void navigation_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("page");
        QTest::newRow("Ctrl+1 Record") << int(Qt::Key_1) << int(MainWindow::RecordPage);
        QTest::newRow("Ctrl+2 Train") << int(Qt::Key_2) << int(MainWindow::TrainPage);
        QTest::newRow("Ctrl+3 Library") << int(Qt::Key_3) << int(MainWindow::LibraryPageIndex);
        QTest::newRow("Ctrl+4 Compare") << int(Qt::Key_4) << int(MainWindow::ComparePageIndex);
    }

    void navigation()
    {
        QFETCH(int, key);
        QFETCH(int, page);
        auto studio = makeStudio(m_library);
        MainWindow window(studio.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key(key), Qt::ControlModifier);
        QCOMPARE(int(window.currentPage()), page);
        QCOMPARE(window.sidebar()->currentRow(), page);
        // The sidebar drives the pages as well.
        window.sidebar()->setCurrentRow(MainWindow::LibraryPageIndex);
        QCOMPARE(int(window.currentPage()), int(MainWindow::LibraryPageIndex));
    }

    void placeholdersSayWhatComes()
    {
        auto studio = makeStudio(m_library);
        MainWindow window(studio.get());
        window.setCurrentPage(MainWindow::TrainPage);
        const auto labels = window.findChildren<QLabel *>(QStringLiteral("placeholderText"));
        QCOMPARE(labels.size(), 2);
        QVERIFY(labels.at(1)->text().contains(QLatin1String("training")));
    }

    void windowStateAndPagePersist()
    {
        {
            auto studio = makeStudio(m_library);
            MainWindow window(studio.get());
            window.show();
            window.resize(1234, 777);
            window.setCurrentPage(MainWindow::ComparePageIndex);
            window.close();
        }
        auto studio = makeStudio(m_library);
        QVERIFY(!studio->settings().windowGeometry.get().isEmpty());
        MainWindow window(studio.get());
        QCOMPARE(int(window.currentPage()), int(MainWindow::ComparePageIndex));
        QCOMPARE(window.size(), QSize(1234, 777));
    }

    void settingsDialogWritesSettings()
    {
        auto studio = makeStudio(m_library);
        SettingsDialog dialog(&studio->settings(), QStringLiteral("Not available"), 0);
        QCOMPARE(dialog.libraryEdit()->text(), m_library);
        QCOMPARE(dialog.deviceCombo()->count(), 2);
        QVERIFY(dialog.deviceCombo()->itemText(1).contains(QLatin1String("Not available")));
        dialog.baseModelEdit()->setText(QStringLiteral("/models/csm-1b"));
        dialog.languageCombo()->setCurrentIndex(dialog.languageCombo()->findData(QStringLiteral("de")));
        dialog.accept();
        QVERIFY(dialog.languageChanged());
        AppSettings again;
        QCOMPARE(again.baseModelFolder.get(), QStringLiteral("/models/csm-1b"));
        QCOMPARE(again.language.get(), QStringLiteral("de"));
        QCOMPARE(again.device.get(), QStringLiteral("cpu"));
        again.language.reset();
    }

    void libraryShowsProfilesAndBrokenOnes()
    {
        auto studio = makeStudio(m_library);
        MainWindow window(studio.get());
        LibraryPage *page = window.libraryPage();
        QAbstractItemModelTester tester(page->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page->model()->rowCount(), 4);
        const int brokenRow = page->model()->rowOf(9);
        QVERIFY(brokenRow >= 0);
        const QModelIndex brokenName = page->model()->index(brokenRow, ProfileTableModel::NameColumn);
        QVERIFY(brokenName.data(Qt::ToolTipRole).toString().contains(QLatin1String("profile.json")));
        page->selectSpeaker(9);
        QVERIFY(page->detail()->bannerText().contains(QLatin1String("cannot be read")));
        page->selectSpeaker(1);
        QCOMPARE(page->detail()->nameEdit()->text(), QStringLiteral("Ann"));
        QVERIFY(page->detail()->bannerText().isEmpty());
        page->filterEdit()->setText(QStringLiteral("bob"));
        QCOMPARE(page->proxy()->rowCount(), 1);
        page->filterEdit()->clear();
        QCOMPARE(page->proxy()->rowCount(), 4);
    }

    void editMetadata()
    {
        auto studio = makeStudio(m_library);
        MainWindow window(studio.get());
        LibraryPage *page = window.libraryPage();
        page->selectSpeaker(3);
        ProfileDetailWidget *detail = page->detail();
        QVERIFY(!detail->saveButton()->isEnabled());
        QTest::keyClicks(detail->nameEdit(), QStringLiteral("patra"));
        QVERIFY(detail->isModified());
        QVERIFY(detail->saveButton()->isEnabled());
        QTest::mouseClick(detail->saveButton(), Qt::LeftButton);
        QCOMPARE(QString::fromStdString(stored(m_library, 3).name), QStringLiteral("Cleopatra"));
        // The table follows.
        QCOMPARE(page->model()->index(page->model()->rowOf(3), 0).data().toString(), QStringLiteral("Cleopatra"));
        QVERIFY(!detail->isModified());
    }

    void deleteAndUndo()
    {
        auto studio = makeStudio(m_library);
        MainWindow window(studio.get());
        LibraryPage *page = window.libraryPage();
        page->selectSpeaker(2);
        QVERIFY(page->deleteSelected());
        QCOMPARE(page->model()->rowOf(2), -1);
        QVERIFY(!csm::ProfileLibrary(m_library.toStdString()).find(2));
        QVERIFY(window.undoStack()->canUndo());
        window.undoStack()->undo();
        QVERIFY(page->model()->rowOf(2) >= 0);
        QCOMPARE(QString::fromStdString(stored(m_library, 2).name), QStringLiteral("Bob"));
        window.undoStack()->redo();
        QCOMPARE(page->model()->rowOf(2), -1);
        window.undoStack()->undo();
        QVERIFY(page->model()->rowOf(2) >= 0);
    }

    void readOnlyAndMissingLibraryFolders()
    {
        const QString missing = m_dir.filePath(QStringLiteral("does/not/exist"));
        auto studio = makeStudio(missing);
        MainWindow window(studio.get());
        QVERIFY(window.libraryPage()->folderBannerText().contains(QLatin1String("does not exist yet")));
        QCOMPARE(window.libraryPage()->model()->rowCount(), 0);

        const QString readOnly = m_dir.filePath(QStringLiteral("readonly"));
        QDir().mkpath(readOnly);
        QFile::setPermissions(readOnly, QFile::ReadOwner | QFile::ExeOwner);
        QString folder = readOnly;
        if (QFileInfo(folder).isWritable())
            folder = QStringLiteral("/proc/sys");  // root writes anywhere, but not into /proc/sys
        if (QFileInfo(folder).isWritable())
            QSKIP("no read-only folder for this user");
        studio->settings().libraryFolder = folder;
        studio->applySettings();
        QVERIFY2(window.libraryPage()->folderBannerText().contains(QLatin1String("read-only")),
                 qPrintable(window.libraryPage()->folderBannerText()));
        QVERIFY(!studio->library().isWritable());
        QString error;
        QVERIFY(!studio->library().remove(1, &error));  // fails with a message, nothing breaks
        QVERIFY(!error.isEmpty());
    }

    void auditionGeneratesAndPlays()
    {
        auto studio = makeStudio(m_library);
        MainWindow window(studio.get());
        LibraryPage *page = window.libraryPage();
        page->selectSpeaker(1);
        ProfileDetailWidget *detail = page->detail();
        const int before = detail->sampleList()->count();
        QSignalSpy generated(&studio->jobs(), &JobService::sampleGenerated);
        QSignalSpy finished(&studio->jobs(), &JobService::jobFinished);
        QSignalSpy playing(&studio->player(), &AudioPlayer::playingChanged);
        QSignalSpy audioError(&studio->player(), &AudioPlayer::errorOccurred);
        detail->generateTextEdit()->setText(QStringLiteral("Testing one two."));
        QVERIFY(detail->generateButton()->isEnabled());
        QTest::mouseClick(detail->generateButton(), Qt::LeftButton);
        QVERIFY(window.jobStatus()->isVisibleTo(&window));
        QVERIFY(!detail->generateButton()->isEnabled());  // one at a time per pane
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).value<JobOutcome>().status, JobOutcome::Succeeded);
        QCOMPARE(generated.count(), 1);
        QCOMPARE(detail->sampleList()->count(), before + 1);
        QVERIFY(!window.jobStatus()->isVisibleTo(&window));
        // Played after generating: either it plays, or the app says there is no sound device.
        if (studio->player().outputAvailable()) {
            QVERIFY(!playing.isEmpty() || playing.wait(2000));
            QCOMPARE(playing.at(0).at(0).toString(), generated.at(0).at(0).value<GeneratedSample>().filePath);
        } else {
            QCOMPARE(audioError.count(), 1);
            QVERIFY(audioError.at(0).at(0).toString().contains(QLatin1String("No sound device")));
            QCOMPARE(window.audioStatusText(), QStringLiteral("No sound device"));
        }
    }

    void generationOfAVoiceWithoutModelIsRefused()
    {
        const QString lib = m_dir.filePath(QStringLiteral("gone-model"));
        QTemporaryDir modelCopy;
        QFile::copy(guitest::kTinyModel + QStringLiteral("/config.json"), modelCopy.filePath(QStringLiteral("config.json")));
        QFile::copy(guitest::kTinyModel + QStringLiteral("/model.safetensors"), modelCopy.filePath(QStringLiteral("model.safetensors")));
        {
            csm::ProfileLibrary l(lib.toStdString());
            csm::VoiceProfile p;
            p.speaker_id = 4;
            p.name = "Gone";
            p.own_voice = true;
            p.model_path = modelCopy.path().toStdString();
            l.create(p);
        }
        modelCopy.remove();
        auto studio = makeStudio(lib);
        MainWindow window(studio.get());
        window.libraryPage()->selectSpeaker(4);
        ProfileDetailWidget *detail = window.libraryPage()->detail();
        QVERIFY(detail->bannerText().contains(QLatin1String("model is gone")));
        QVERIFY(!detail->generateButton()->isEnabled());
        QVERIFY(!window.libraryPage()->generateSample(4, QStringLiteral("Hello.")));
        QVERIFY(window.findChild<QMessageBox *>(QStringLiteral("errorBox")));
    }

    void abRatingsAreStored()
    {
        auto studio = makeStudio(m_library);
        studio->settings().raterName = QStringLiteral("tester");
        MainWindow window(studio.get());
        ComparePage *compare = window.comparePage();
        compare->setChecked(1, true);
        compare->setChecked(3, true);
        compare->setText(QStringLiteral("Compare me."));
        QSignalSpy finished(&studio->jobs(), &JobService::jobFinished);
        QVERIFY(compare->generate());
        QCOMPARE(compare->slotCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QVERIFY(!compare->isGenerating());
        QVERIFY(compare->slotAt(0)->hasSample() && compare->slotAt(1)->hasSample());
        compare->slotAt(0)->setRating(4);
        compare->slotAt(1)->setRating(2);
        QVERIFY(compare->saveRatings());
        for (const auto &[id, score] : {std::pair{1, 4}, std::pair{3, 2}}) {
            const csm::VoiceProfile p = stored(m_library, id);
            const auto &sample = p.samples.back();
            QCOMPARE(sample.text, std::string("Compare me."));
            QCOMPARE(int(sample.ratings.size()), 1);
            QCOMPARE(sample.ratings[0].score, score);
            QCOMPARE(sample.ratings[0].rater, std::string("tester"));
        }
    }

    void blindAbxStoresRatingsAndTheAnswer()
    {
        auto studio = makeStudio(m_library);
        MainWindow window(studio.get());
        ComparePage *compare = window.comparePage();
        compare->setBlind(true);
        compare->setChecked(1, true);
        compare->setChecked(2, true);
        compare->setChecked(3, true);
        QVERIFY(!compare->generate());  // blind compares exactly two
        compare->setChecked(3, false);
        QSignalSpy finished(&studio->jobs(), &JobService::jobFinished);
        QVERIFY(compare->generate());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QVERIFY(compare->xSource() == 0 || compare->xSource() == 1);
        // Names stay hidden until submitted.
        QCOMPARE(compare->slotAt(0)->label(), QStringLiteral("A"));
        compare->slotAt(0)->setRating(5);
        compare->slotAt(1)->setRating(3);
        QVERIFY(!compare->saveRatings());  // X not answered yet
        compare->answerX(compare->xSource());
        QVERIFY(compare->saveRatings());
        QVERIFY(compare->statusText().startsWith(QLatin1String("Correct")));
        const csm::VoiceProfile a = stored(m_library, compare->slotAt(0)->speakerId());
        QCOMPARE(a.samples.back().ratings.back().score, 5);
        QVERIFY(QString::fromStdString(a.samples.back().ratings.back().note).startsWith(QLatin1String("blind ABX (X identified)")));
        const csm::VoiceProfile b = stored(m_library, compare->slotAt(1)->speakerId());
        QCOMPARE(b.samples.back().ratings.back().score, 3);
    }

    void exportDialogRoundTrip()
    {
        auto studio = makeStudio(m_library);
        ExportDialog dialog(&studio->jobs(), {{QStringLiteral("Ann"), guitest::kTinyModel}}, QStringLiteral("cpu"));
        QCOMPARE(dialog.sourceEdit()->text(), QDir::toNativeSeparators(guitest::kTinyModel));
        // A non-empty target is refused (nothing gets overwritten).
        dialog.outputEdit()->setText(m_library);
        QVERIFY(!dialog.startExport());
        QVERIFY(dialog.statusText().contains(QLatin1String("not empty")));
        const QString out = m_dir.filePath(QStringLiteral("export-dialog"));
        dialog.outputEdit()->setText(out);
        QSignalSpy finished(&studio->jobs(), &JobService::jobFinished);
        QVERIFY(dialog.startExport());
        QVERIFY(finished.wait(60000));
        QVERIFY2(dialog.isDone(), qPrintable(dialog.statusText()));
        QVERIFY(dialog.statusText().contains(QLatin1String("reloaded and checked")));
        QVERIFY(QFile::exists(out + QStringLiteral("/model.safetensors")));
    }

    void translations_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("library");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Bibliothek");
        QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("Bibliothèque");
    }

    void translations()
    {
        QFETCH(QString, language);
        QFETCH(QString, library);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(":/i18n/csm_studio_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&translator);
        auto studio = makeStudio(m_library);
        MainWindow window(studio.get());
        QCOMPARE(window.sidebar()->item(MainWindow::LibraryPageIndex)->text(), library);
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
