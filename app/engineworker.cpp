#include "engineworker.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <exception>

#include "csm/csm_runtime.h"
#include "csm/errors.h"
#include "csm/generate/generator.h"
#include "csm/profiles/profile_library.h"
#include "wavfile.h"

namespace {

std::string path8(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

// Throttles progress signals of one job to one per kProgressIntervalMs (the last one always goes).
class ProgressThrottle
{
public:
    ProgressThrottle(EngineWorker *worker, int jobId)
        : m_worker(worker)
        , m_jobId(jobId)
    {
    }
    void report(int done, int total, const QString &message, bool force = false)
    {
        if (!force && m_timer.isValid() && m_timer.elapsed() < EngineWorker::kProgressIntervalMs)
            return;
        m_timer.start();
        Q_EMIT m_worker->progress(JobProgress{m_jobId, done, total, message});
    }

private:
    EngineWorker *m_worker;
    int m_jobId;
    QElapsedTimer m_timer;
};

struct Cancelled {};

constexpr int64_t kSamplesPerFrame = 1920;  // Mimi: 24 kHz / 12.5 frames per second

} // namespace

EngineWorker::EngineWorker(QObject *parent)
    : QObject(parent)
{
}

EngineWorker::~EngineWorker() = default;

void EngineWorker::releaseModels()
{
    m_generator.reset();
    m_generatorKey.clear();
}

const csm::Generator &EngineWorker::generator(const GenerateRequest &request)
{
    const QString key = request.modelPath + QLatin1Char('\n') + request.tokenizerPath + QLatin1Char('\n') + request.device;
    if (!m_generator || key != m_generatorKey) {
        releaseModels();
        csm::RuntimeOptions options;
        options.device = request.device.toStdString();
        options.dtype = request.device.startsWith(QLatin1String("cuda")) ? "bfloat16" : "float32";
        m_generator = std::make_unique<csm::Generator>(
            csm::Generator::load_csm_1b(path8(request.modelPath), options, path8(request.tokenizerPath)));
        m_generatorKey = key;
    }
    return *m_generator;
}

void EngineWorker::generateSample(int jobId, const GenerateRequest &request, const CancelFlag &cancel)
{
    if (cancel->load()) {
        Q_EMIT finished(jobId, JobOutcome::Cancelled, tr("Cancelled before it started."));
        return;
    }
    Q_EMIT started(jobId);
    ProgressThrottle progress(this, jobId);
    const int maxFrames = std::max(1, int(request.maxAudioLengthMs / 80));
    try {
        progress.report(0, 0, tr("Loading the model…"), true);
        const csm::Generator &gen = generator(request);
        csm::GenerationOptions options;
        options.temperature = request.temperature;
        options.topk = request.topk;
        options.max_audio_length_ms = request.maxAudioLengthMs;
        options.seed = request.seed;
        options.watermark = true;  // every generated sample carries the installation's mark
        options.watermark_key_path = path8(request.watermarkKeyPath);
        progress.report(0, maxFrames, tr("Generating speech…"), true);
        // generate() decodes with the checkpoint's Mimi codec as frames arrive (streaming) and
        // watermarks the audio; each chunk is one more frame of audio.
        int64_t samplesSoFar = 0;
        const csm::GeneratedAudio generated = gen.generate(
            request.text.toStdString(), request.speakerId, {}, options, [&](const std::vector<float> &chunk) {
                if (cancel->load())
                    return false;
                samplesSoFar += int64_t(chunk.size());
                progress.report(int(std::min<int64_t>(maxFrames, samplesSoFar / kSamplesPerFrame)), maxFrames,
                                tr("Generating speech…"));
                return true;
            });
        if (cancel->load())
            throw Cancelled{};
        if (generated.frames.empty() || generated.samples.empty())
            throw csm::InputError(tr("The model ended the audio before the first frame; try another text or seed.").toStdString());
        const std::vector<float> &audio = generated.samples;
        const int sampleRate = generated.sample_rate;
        const std::vector<csm::Frame> &frames = generated.frames;

        QTemporaryDir tmp;
        const QString wav = tmp.filePath(QStringLiteral("sample.wav"));
        QString error;
        if (!WavFile::write(wav, audio.data(), qsizetype(audio.size()), sampleRate, &error))
            throw csm::WriteError(error.toStdString());

        GeneratedSample sample;
        sample.jobId = jobId;
        sample.speakerId = request.speakerId;
        sample.text = request.text;
        sample.frames = int(frames.size());
        sample.seconds = double(audio.size()) / double(sampleRate);
        if (request.store) {
            csm::ProfileLibrary library(path8(request.libraryFolder));
            library.set_lock_timeout(std::chrono::milliseconds(5000));
            const csm::VoiceSample stored = library.add_sample(request.speakerId, path8(wav), request.text.toStdString());
            sample.file = QString::fromStdString(stored.file);
            sample.filePath = QString::fromStdString(library.resolve(request.speakerId, stored.file));
        } else {
            // Unstored auditions go to the app's cache folder (the temporary folder is removed below).
            const QString keep = QDir::temp().filePath(QStringLiteral("csm-studio-audition-%1.wav").arg(jobId));
            QFile::remove(keep);
            QFile::copy(wav, keep);
            sample.filePath = keep;
        }
        Q_EMIT sampleGenerated(sample);
        Q_EMIT finished(jobId, JobOutcome::Succeeded,
                        tr("Generated %1 s of speech (%2 frames).").arg(sample.seconds, 0, 'f', 1).arg(sample.frames));
    } catch (const Cancelled &) {
        Q_EMIT finished(jobId, JobOutcome::Cancelled, tr("Cancelled; nothing was stored."));
    } catch (const std::exception &e) {
        Q_EMIT finished(jobId, JobOutcome::Failed, QString::fromStdString(e.what()));
    }
}

void EngineWorker::exportModel(int jobId, const ExportRequest &request, const CancelFlag &cancel)
{
    if (cancel->load()) {
        Q_EMIT finished(jobId, JobOutcome::Cancelled, tr("Cancelled before it started."));
        return;
    }
    Q_EMIT started(jobId);
    ProgressThrottle progress(this, jobId);
    try {
        csm::RuntimeOptions options;
        options.device = request.device.toStdString();
        progress.report(0, 4, tr("Loading %1…").arg(request.modelPath), true);
        const csm::CsmRuntime source = csm::CsmRuntime::load(path8(request.modelPath), options);
        if (cancel->load())
            throw Cancelled{};
        progress.report(1, 4, tr("Writing the Hugging Face folder…"), true);
        QDir().mkpath(request.outputFolder);
        source.save(path8(request.outputFolder));
        if (cancel->load())
            throw Cancelled{};
        progress.report(2, 4, tr("Reloading the exported folder…"), true);
        const csm::CsmRuntime copy = csm::CsmRuntime::load(path8(request.outputFolder), options);
        progress.report(3, 4, tr("Checking the exported model…"), true);
        // The copy must be the same network: same size, same codebooks, same greedy output.
        if (copy.parameter_count() != source.parameter_count())
            throw csm::InputError(tr("%1: the exported model has %2 parameters, the source %3; the export is incomplete.")
                                      .arg(request.outputFolder)
                                      .arg(copy.parameter_count())
                                      .arg(source.parameter_count())
                                      .toStdString());
        if (copy.config().num_codebooks != source.config().num_codebooks || copy.has_codec_weights() != source.has_codec_weights())
            throw csm::InputError(tr("%1: the exported configuration differs from the source.").arg(request.outputFolder).toStdString());
        const std::vector<int32_t> prompt{1, 2, 3, 4};
        if (copy.generate_greedy(prompt, 2) != source.generate_greedy(prompt, 2))
            throw csm::InputError(tr("%1: the exported model speaks differently from the source; the weights were not "
                                     "written correctly.")
                                      .arg(request.outputFolder)
                                      .toStdString());
        ExportResult result;
        result.jobId = jobId;
        result.outputFolder = request.outputFolder;
        result.parameterCount = copy.parameter_count();
        result.summary = tr("Exported to %1, reloaded and checked: %2 parameters, same greedy output.")
                             .arg(request.outputFolder)
                             .arg(result.parameterCount);
        progress.report(4, 4, result.summary, true);
        Q_EMIT modelExported(result);
        Q_EMIT finished(jobId, JobOutcome::Succeeded, result.summary);
    } catch (const Cancelled &) {
        Q_EMIT finished(jobId, JobOutcome::Cancelled, tr("Export cancelled."));
    } catch (const std::exception &e) {
        Q_EMIT finished(jobId, JobOutcome::Failed, QString::fromStdString(e.what()));
    }
}

void EngineWorker::exportArchive(int jobId, const QString &libraryFolder, int speakerId, const QString &archivePath,
                                 const CancelFlag &cancel)
{
    if (cancel->load()) {
        Q_EMIT finished(jobId, JobOutcome::Cancelled, tr("Cancelled before it started."));
        return;
    }
    Q_EMIT started(jobId);
    ProgressThrottle(this, jobId).report(0, 0, tr("Writing %1…").arg(archivePath), true);
    try {
        csm::ProfileLibrary library(path8(libraryFolder));
        const uint64_t bytes = library.export_profile(speakerId, path8(archivePath));
        Q_EMIT finished(jobId, JobOutcome::Succeeded,
                        tr("Exported voice %1 to %2 (%3 MB).").arg(speakerId).arg(archivePath).arg(double(bytes) / 1e6, 0, 'f', 1));
    } catch (const std::exception &e) {
        Q_EMIT finished(jobId, JobOutcome::Failed, QString::fromStdString(e.what()));
    }
}

void EngineWorker::importArchive(int jobId, const QString &libraryFolder, const QString &archivePath, bool replace,
                                 const CancelFlag &cancel)
{
    if (cancel->load()) {
        Q_EMIT finished(jobId, JobOutcome::Cancelled, tr("Cancelled before it started."));
        return;
    }
    Q_EMIT started(jobId);
    ProgressThrottle(this, jobId).report(0, 0, tr("Checking and importing %1…").arg(archivePath), true);
    try {
        csm::ProfileLibrary library(path8(libraryFolder));
        const csm::VoiceProfile profile = library.import_profile(path8(archivePath), replace);
        Q_EMIT archiveImported(jobId, profile.speaker_id);
        Q_EMIT finished(jobId, JobOutcome::Succeeded,
                        tr("Imported voice “%1” (id %2).").arg(QString::fromStdString(profile.name)).arg(profile.speaker_id));
    } catch (const std::exception &e) {
        Q_EMIT finished(jobId, JobOutcome::Failed, QString::fromStdString(e.what()));
    }
}
