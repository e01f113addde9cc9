// JobService + EngineWorker on the tiny model: samples generated and stored, cancel, failures, the
// GUI thread's latency while a job runs, model export (reloaded and checked) and archives.
#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include "csm/csm_runtime.h"
#include "gui_test_support.h"
#include "jobservice.h"
#include "libraryservice.h"
#include "wavfile.h"

class TestJobService : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_library;

    GenerateRequest request(int id, const QString &text, int maxMs = 800)
    {
        LibraryService library(m_library);
        GenerateRequest r;
        QString error;
        const bool ok = library.makeGenerateRequest(id, text, QStringLiteral("cpu"), guitest::kTokenizerFolder, &r, &error);
        if (!ok)
            qWarning() << error;
        r.maxAudioLengthMs = maxMs;
        r.seed = 7;
        return r;
    }

    static JobOutcome waitFor(QSignalSpy &finished, int timeoutMs = 60000)
    {
        if (finished.isEmpty() && !finished.wait(timeoutMs))
            return JobOutcome{0, QString(), JobOutcome::Failed, QStringLiteral("timed out")};
        return finished.takeFirst().at(0).value<JobOutcome>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_library = m_dir.filePath(QStringLiteral("voices"));
        guitest::addVoice(m_library, 1, "Ann");
        guitest::addVoice(m_library, 2, "Bob", "male");
    }

    void generatesAndStoresASample()
    {
        JobService jobs;
        QSignalSpy queued(&jobs, &JobService::jobQueued);
        QSignalSpy started(&jobs, &JobService::jobStarted);
        QSignalSpy progress(&jobs, &JobService::jobProgress);
        QSignalSpy generated(&jobs, &JobService::sampleGenerated);
        QSignalSpy finished(&jobs, &JobService::jobFinished);
        const GenerateRequest r = request(1, QStringLiteral("Hello there."));
        QVERIFY(!r.modelPath.isEmpty());
        const int id = jobs.generateSample(r);
        QVERIFY(jobs.isBusy());
        QCOMPARE(queued.count(), 1);
        const JobOutcome outcome = waitFor(finished);
        QCOMPARE(outcome.jobId, id);
        QVERIFY2(outcome.status == JobOutcome::Succeeded, qPrintable(outcome.message));
        QCOMPARE(started.count(), 1);
        QVERIFY(progress.count() >= 1);
        QCOMPARE(generated.count(), 1);
        QVERIFY(!jobs.isBusy());
        const GeneratedSample sample = generated.at(0).at(0).value<GeneratedSample>();
        QCOMPARE(sample.speakerId, 1);
        QVERIFY(sample.frames > 0 && sample.frames <= 10);
        QVERIFY(sample.file.startsWith(QLatin1String("samples/")));
        WavFile::Audio audio;
        QString error;
        QVERIFY2(WavFile::read(sample.filePath, &audio, &error), qPrintable(error));
        QCOMPARE(audio.sampleRate, 24000);
        QCOMPARE(audio.samples.size(), qsizetype(sample.frames) * 1920);
        // Stored with the profile (add_sample), text included.
        const auto profile = LibraryService(m_library).profile(1);
        QVERIFY(profile);
        QCOMPARE(profile->samples.size(), 1);
        QCOMPARE(profile->samples[0].text, QStringLiteral("Hello there."));
        QCOMPARE(profile->samples[0].filePath, sample.filePath);
    }

    void cancelStoresNothing()
    {
        JobService jobs;
        QSignalSpy finished(&jobs, &JobService::jobFinished);
        QSignalSpy progress(&jobs, &JobService::jobProgress);
        const int before = int(LibraryService(m_library).profile(2)->samples.size());
        const int id = jobs.generateSample(request(2, QStringLiteral("A long sentence that will not finish."), 18000));  // the tiny model holds 256 positions
        // Cancel once frames are coming.
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).value<JobProgress>().done > 0, 30000);
        jobs.cancel(id);
        const JobOutcome outcome = waitFor(finished);
        QCOMPARE(int(outcome.status), int(JobOutcome::Cancelled));
        QCOMPARE(int(LibraryService(m_library).profile(2)->samples.size()), before);
    }

    void queuedJobCancelledBeforeItStarts()
    {
        JobService jobs;
        QSignalSpy finished(&jobs, &JobService::jobFinished);
        const int first = jobs.generateSample(request(2, QStringLiteral("First."), 400));
        const int second = jobs.generateSample(request(2, QStringLiteral("Second."), 400));
        QCOMPARE(jobs.pendingJobs(), 2);
        jobs.cancel(second);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
        QCOMPARE(finished.at(0).at(0).value<JobOutcome>().jobId, first);
        QCOMPARE(int(finished.at(0).at(0).value<JobOutcome>().status), int(JobOutcome::Succeeded));
        QCOMPARE(int(finished.at(1).at(0).value<JobOutcome>().status), int(JobOutcome::Cancelled));
    }

    void failureIsReportedAndTheServiceStaysUsable()
    {
        JobService jobs;
        QSignalSpy finished(&jobs, &JobService::jobFinished);
        GenerateRequest bad = request(1, QStringLiteral("Hello."));
        bad.modelPath = m_dir.filePath(QStringLiteral("no-such-model"));
        jobs.generateSample(bad);
        const JobOutcome outcome = waitFor(finished);
        QCOMPARE(int(outcome.status), int(JobOutcome::Failed));
        QVERIFY2(outcome.message.contains(QLatin1String("no-such-model")), qPrintable(outcome.message));
        // The same service runs the next job fine.
        jobs.generateSample(request(1, QStringLiteral("Again.")));
        QCOMPARE(int(waitFor(finished).status), int(JobOutcome::Succeeded));
    }

    void guiStaysResponsiveWhileGenerating()
    {
        JobService jobs;
        QSignalSpy finished(&jobs, &JobService::jobFinished);
        QSignalSpy progress(&jobs, &JobService::jobProgress);
        // Warm up (load the model) so the measured job is pure generation.
        jobs.generateSample(request(1, QStringLiteral("Warm up."), 160));
        QCOMPARE(int(waitFor(finished).status), int(JobOutcome::Succeeded));
        progress.clear();

        // Jobs back to back for 2 s (the tiny model speaks 18 s in about one), then the last one is
        // cancelled; a 10 ms timer on the GUI thread records the longest gap between its ticks.
        const GenerateRequest talk = request(1, QStringLiteral("Keep talking for a while."), 18000);
        int current = jobs.generateSample(talk);
        int jobsRun = 0;
        QString failure;
        QElapsedTimer clock;
        clock.start();
        connect(&jobs, &JobService::jobFinished, this, [&](const JobOutcome &outcome) {
            ++jobsRun;
            if (outcome.status == JobOutcome::Failed)
                failure = outcome.message;
            else if (clock.elapsed() < 2000)
                current = jobs.generateSample(talk);
        });
        qint64 last = 0, worst = 0;
        int ticks = 0;
        QTimer timer;
        timer.setInterval(10);
        connect(&timer, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            worst = std::max(worst, now - last);
            last = now;
            ++ticks;
        });
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() > 2000 || !failure.isEmpty(), 30000);
        jobs.cancel(current);
        QTRY_VERIFY_WITH_TIMEOUT(!jobs.isBusy(), 30000);
        timer.stop();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const double seconds = clock.elapsed() / 1000.0;
        qInfo("event loop: %d ticks in %.2f s over %d generation jobs, worst gap %lld ms; %d progress signals", ticks,
              seconds, jobsRun, worst, int(progress.count()));
        QVERIFY2(worst < 100, qPrintable(QStringLiteral("worst gap %1 ms").arg(worst)));
        // Throttled: at most one progress signal per 100 ms (plus the forced ones at phase changes).
        QVERIFY(progress.count() <= int(seconds * 1000 / EngineWorker::kProgressIntervalMs) + 4 * jobsRun);
    }

    void exportedModelIsReloadedAndChecked()
    {
        JobService jobs;
        QSignalSpy finished(&jobs, &JobService::jobFinished);
        QSignalSpy exported(&jobs, &JobService::modelExported);
        ExportRequest r;
        r.modelPath = guitest::kTinyModel;
        r.outputFolder = m_dir.filePath(QStringLiteral("exported"));
        jobs.exportModel(r);
        const JobOutcome outcome = waitFor(finished);
        QVERIFY2(outcome.status == JobOutcome::Succeeded, qPrintable(outcome.message));
        QCOMPARE(exported.count(), 1);
        const ExportResult result = exported.at(0).at(0).value<ExportResult>();
        QVERIFY(QFile::exists(r.outputFolder + QStringLiteral("/config.json")));
        QVERIFY(QFile::exists(r.outputFolder + QStringLiteral("/model.safetensors")));
        const auto reloaded = csm::CsmRuntime::load(r.outputFolder.toStdString());
        QCOMPARE(qint64(reloaded.parameter_count()), result.parameterCount);
        QVERIFY(reloaded.has_codec_weights());
    }

    void exportFailsCleanly()
    {
        JobService jobs;
        QSignalSpy finished(&jobs, &JobService::jobFinished);
        ExportRequest r;
        r.modelPath = m_dir.filePath(QStringLiteral("missing-model"));
        r.outputFolder = m_dir.filePath(QStringLiteral("never"));
        jobs.exportModel(r);
        const JobOutcome outcome = waitFor(finished);
        QCOMPARE(int(outcome.status), int(JobOutcome::Failed));
        QVERIFY(outcome.message.contains(QLatin1String("missing-model")));
    }

    void archiveRoundTrip()
    {
        JobService jobs;
        QSignalSpy finished(&jobs, &JobService::jobFinished);
        QSignalSpy imported(&jobs, &JobService::archiveImported);
        const QString archive = m_dir.filePath(QStringLiteral("ann.csmvoice"));
        jobs.exportArchive(m_library, 1, archive);
        QVERIFY2(waitFor(finished).status == JobOutcome::Succeeded, "export archive");
        QVERIFY(QFileInfo(archive).size() > 0);
        const QString other = m_dir.filePath(QStringLiteral("other-library"));
        jobs.importArchive(other, archive);
        const JobOutcome outcome = waitFor(finished);
        QVERIFY2(outcome.status == JobOutcome::Succeeded, qPrintable(outcome.message));
        QCOMPARE(imported.count(), 1);
        QCOMPARE(imported.at(0).at(1).toInt(), 1);
        const auto copy = LibraryService(other).profile(1);
        QVERIFY(copy && !copy->broken);
        QCOMPARE(copy->meta.name, QStringLiteral("Ann"));
        QVERIFY(!copy->modelMissing);
    }
};

QTEST_GUILESS_MAIN(TestJobService)
#include "test_job_service.moc"
