#include "libraryservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <chrono>
#include <exception>

#include "csm/profiles/profile_library.h"

namespace {

constexpr std::chrono::milliseconds kGuiLockTimeout{2000};

std::string path8(const QString &path)
{
    return QFile::encodeName(path).toStdString();
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

csm::ProfileLibrary openLibrary(const QString &root)
{
    csm::ProfileLibrary library(path8(root));
    library.set_lock_timeout(kGuiLockTimeout);
    return library;
}

ProfileInfo toInfo(const csm::ProfileLibrary &library, const csm::ProfileEntry &entry)
{
    ProfileInfo info;
    info.speakerId = entry.speaker_id;
    info.folder = QFile::decodeName(entry.folder.c_str());
    if (!entry.ok()) {
        info.broken = true;
        info.problem = q(entry.problem);
        info.meta.name = QCoreApplication::translate("LibraryService", "(broken profile)");
        return info;
    }
    const csm::VoiceProfile &p = *entry.profile;
    info.meta = ProfileMetadata{q(p.name), q(p.description), q(p.gender), q(p.age_range), q(p.accent), q(p.language), q(p.style)};
    info.kind = q(p.kind);
    info.ownVoice = p.own_voice;
    if (!p.model_path.empty()) {
        info.modelPath = QFile::decodeName(library.resolve(p.speaker_id, p.model_path).c_str());
        info.modelMissing = !QFileInfo::exists(info.modelPath);
    } else {
        info.modelMissing = true;
    }
    info.modelHash = q(p.model_hash);
    info.baseModelHash = q(p.base_model_hash);
    const csm::TrainingDetails &t = p.training;
    info.training.recipe = q(t.recipe);
    for (const auto &[key, value] : t.hyperparameters)
        info.training.hyperparameters += q(key) + QStringLiteral(" = ") + q(value) + QLatin1Char('\n');
    info.training.dataMinutes = t.data_minutes;
    info.training.epochs = t.epochs;
    info.training.finalLoss = t.final_loss;
    info.training.bestLoss = t.best_loss;
    info.training.startedAt = q(t.started_at);
    info.training.finishedAt = q(t.finished_at);
    info.training.runFolder = q(t.run_folder);
    if (p.consent) {
        info.consent.present = true;
        info.consent.person = q(p.consent->person);
        info.consent.givenAt = q(p.consent->given_at);
        info.consent.method = q(p.consent->method);
        info.consent.statement = q(p.consent->statement);
        if (!p.consent->audio_file.empty())
            info.consent.audioFile = q(library.resolve(p.speaker_id, p.consent->audio_file));
    }
    info.consentProblem = q(csm::consent_problem(p));
    info.temperature = p.inference.temperature;
    info.topk = p.inference.topk;
    info.maxAudioLengthMs = p.inference.max_audio_length_ms;
    for (const csm::VoiceSample &s : p.samples) {
        SampleInfo sample;
        sample.file = q(s.file);
        sample.filePath = QFile::decodeName(library.resolve(p.speaker_id, s.file).c_str());
        sample.text = q(s.text);
        sample.createdAt = q(s.created_at);
        sample.standard = s.standard;
        sample.averageRating = s.average_rating();
        sample.ratingCount = int(s.ratings.size());
        info.samples.append(sample);
    }
    info.createdAt = q(p.created_at);
    info.updatedAt = q(p.updated_at);
    return info;
}

template <typename F>
bool guarded(QString *error, F &&f)
{
    try {
        f();
        return true;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

} // namespace

void LibraryService::fail(const QString &message, QString *error)
{
    if (error)
        *error = message;
    Q_EMIT operationFailed(message);
}

LibraryService::LibraryService(const QString &root, QObject *parent)
    : QObject(parent)
    , m_root(root)
{
}

void LibraryService::setRoot(const QString &root)
{
    if (root == m_root)
        return;
    m_root = root;
    Q_EMIT rootChanged(root);
    Q_EMIT changed();
}

QString LibraryService::folderProblem() const
{
    const QFileInfo info(m_root);
    if (!info.exists())
        return tr("The library folder %1 does not exist yet; it is created when you add or import the first voice.")
            .arg(QDir::toNativeSeparators(m_root));
    if (!info.isDir())
        return tr("%1 is not a folder. Choose another library folder in Settings.").arg(QDir::toNativeSeparators(m_root));
    if (!info.isWritable())
        return tr("The library folder %1 is read-only: you can browse and listen, but not change voices. Choose a "
                  "writable folder in Settings to edit.")
            .arg(QDir::toNativeSeparators(m_root));
    return QString();
}

bool LibraryService::isWritable() const
{
    const QFileInfo info(m_root);
    if (!info.exists()) {
        // Writable when its nearest existing parent is.
        QDir dir(m_root);
        while (!dir.exists() && dir.cdUp()) {
        }
        return QFileInfo(dir.absolutePath()).isWritable();
    }
    return info.isDir() && info.isWritable();
}

QVector<ProfileInfo> LibraryService::profiles() const
{
    QVector<ProfileInfo> result;
    try {
        const csm::ProfileLibrary library = openLibrary(m_root);
        for (const csm::ProfileEntry &entry : library.list())
            result.append(toInfo(library, entry));
    } catch (const std::exception &) {
        // An unreadable folder lists as empty; folderProblem() says why.
    }
    return result;
}

std::optional<ProfileInfo> LibraryService::profile(int speakerId) const
{
    try {
        const csm::ProfileLibrary library = openLibrary(m_root);
        if (const auto entry = library.find(speakerId))
            return toInfo(library, *entry);
    } catch (const std::exception &) {
    }
    return std::nullopt;
}

int LibraryService::nextFreeSpeakerId() const
{
    int id = 0;
    for (const ProfileInfo &p : profiles())
        id = std::max(id, p.speakerId + 1);
    return id;
}

bool LibraryService::updateMetadata(int speakerId, const ProfileMetadata &meta, QString *error)
{
    QString message;
    const bool ok = guarded(&message, [&] {
        openLibrary(m_root).update(speakerId, [&](csm::VoiceProfile &p) {
            p.name = meta.name.trimmed().toStdString();
            p.description = meta.description.toStdString();
            p.gender = meta.gender.trimmed().toStdString();
            p.age_range = meta.ageRange.trimmed().toStdString();
            p.accent = meta.accent.trimmed().toStdString();
            p.language = meta.language.trimmed().toStdString();
            p.style = meta.style.trimmed().toStdString();
        });
    });
    if (ok)
        Q_EMIT changed();
    else
        fail(message, error);
    return ok;
}

bool LibraryService::remove(int speakerId, QString *error)
{
    QString message;
    const bool ok = guarded(&message, [&] { openLibrary(m_root).remove(speakerId); });
    if (ok)
        Q_EMIT changed();
    else
        fail(message, error);
    return ok;
}

bool LibraryService::restore(int speakerId, QString *error)
{
    QString message;
    const bool ok = guarded(&message, [&] { openLibrary(m_root).restore(speakerId); });
    if (ok)
        Q_EMIT changed();
    else
        fail(message, error);
    return ok;
}

bool LibraryService::rateSample(int speakerId, const QString &sampleFile, int score, const QString &rater,
                                const QString &note, QString *error)
{
    QString message;
    const bool ok = guarded(&message, [&] {
        openLibrary(m_root).rate_sample(speakerId, sampleFile.toStdString(), score, rater.toStdString(), note.toStdString());
    });
    if (ok)
        Q_EMIT changed();
    else
        fail(message, error);
    return ok;
}

bool LibraryService::makeGenerateRequest(int speakerId, const QString &text, const QString &device,
                                         const QString &fallbackTokenizerFolder, GenerateRequest *request,
                                         QString *error) const
{
    auto refuse = [&](const QString &why) {
        if (error)
            *error = why;
        return false;
    };
    if (text.trimmed().isEmpty())
        return refuse(tr("Type the text the voice should say."));
    const std::optional<ProfileInfo> info = profile(speakerId);
    if (!info)
        return refuse(tr("Voice %1 is no longer in the library (%2).").arg(speakerId).arg(m_root));
    if (info->broken)
        return refuse(info->problem);
    if (info->modelMissing)
        return refuse(tr("%1: the model of “%2” is gone. Put it back, or point the profile to its model folder.")
                        .arg(info->modelPath.isEmpty() ? info->folder : info->modelPath, info->meta.name));
    if (!info->consentProblem.isEmpty())
        return refuse(info->consentProblem);
    const QFileInfo model(info->modelPath);
    QString tokenizer = (model.isDir() ? info->modelPath : model.absolutePath()) + QStringLiteral("/tokenizer.json");
    if (!QFileInfo::exists(tokenizer)) {
        const QString fallback = fallbackTokenizerFolder + QStringLiteral("/tokenizer.json");
        if (fallbackTokenizerFolder.isEmpty() || !QFileInfo::exists(fallback))
            return refuse(tr("%1: no tokenizer.json beside the model. Set the base model folder (with tokenizer.json) in "
                           "Settings.")
                            .arg(info->modelPath));
        tokenizer = fallback;
    }
    request->libraryFolder = m_root;
    request->speakerId = speakerId;
    request->profileName = info->meta.name;
    request->modelPath = info->modelPath;
    request->tokenizerPath = tokenizer;
    request->device = device;
    request->text = text.trimmed();
    request->temperature = info->temperature;
    request->topk = info->topk;
    request->maxAudioLengthMs = info->maxAudioLengthMs;
    // The engine's default ($XDG_CONFIG_HOME/csm-studio/watermark.key), spelled through
    // QStandardPaths so test mode keeps tests away from the user's key.
    request->watermarkKeyPath = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/csm-studio/watermark.key");
    return true;
}
