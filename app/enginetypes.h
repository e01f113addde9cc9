#pragma once
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

// Small value structs that cross the worker-thread boundary (queued signals) and reach widgets.
// They hold Qt types only, so widgets never see engine headers.

struct SampleInfo {
    QString file;      // relative to the profile folder ("samples/....wav")
    QString filePath;  // absolute
    QString text;
    QString createdAt;
    bool standard = false;
    double averageRating = 0;  // 0 when unrated
    int ratingCount = 0;
};

struct TrainingInfo {
    QString recipe;
    QString hyperparameters;  // "name = value" lines
    double dataMinutes = 0;
    int epochs = 0;
    std::optional<double> finalLoss;
    std::optional<double> bestLoss;
    QString startedAt;
    QString finishedAt;
    QString runFolder;
    bool isEmpty() const { return recipe.isEmpty() && startedAt.isEmpty() && finishedAt.isEmpty() && epochs == 0; }
};

struct ConsentInfo {
    bool present = false;
    QString person;
    QString givenAt;
    QString method;
    QString statement;
    QString audioFile;  // absolute, empty when none
};

// The fields a user edits in the library's detail pane.
struct ProfileMetadata {
    QString name;
    QString description;
    QString gender;
    QString ageRange;
    QString accent;
    QString language;
    QString style;
};

// One library entry as the GUI shows it; broken entries have only speakerId, folder and problem.
struct ProfileInfo {
    int speakerId = 0;
    QString folder;
    bool broken = false;
    QString problem;  // why it is broken, or empty
    ProfileMetadata meta;
    QString kind;
    bool ownVoice = false;
    QString modelPath;  // absolute
    bool modelMissing = false;
    QString modelHash;
    QString baseModelHash;
    TrainingInfo training;
    ConsentInfo consent;
    QString consentProblem;  // empty when the profile may be used
    double temperature = 0.9;
    int topk = 50;
    int maxAudioLengthMs = 10000;
    QVector<SampleInfo> samples;
    QString createdAt;
    QString updatedAt;

    // Short label of the base model for tables ("sha256:9f2c…" shortened, or "—").
    QString baseModelLabel() const;
    QString lastTrained() const { return training.finishedAt; }
};

// What the worker needs to speak a text with a profile's voice.
struct GenerateRequest {
    QString libraryFolder;
    int speakerId = 0;
    QString profileName;
    QString modelPath;
    QString tokenizerPath;  // empty: <model>/tokenizer.json
    QString device = QStringLiteral("cpu");
    QString text;
    double temperature = 0.9;
    int topk = 50;
    int maxAudioLengthMs = 10000;
    quint64 seed = 0;
    bool store = true;  // add the result to the profile's samples (add_sample)
    QString watermarkKeyPath;  // the installation's watermark key (created on first use)
};

struct GeneratedSample {
    int jobId = 0;
    int speakerId = 0;
    QString file;      // relative to the profile folder when stored
    QString filePath;  // absolute path of the WAV
    QString text;
    int frames = 0;
    double seconds = 0;
};

// "Export model": a Hugging Face folder (config.json + model.safetensors), reloaded and checked.
struct ExportRequest {
    QString modelPath;
    QString outputFolder;
    QString device = QStringLiteral("cpu");
};

struct ExportResult {
    int jobId = 0;
    QString outputFolder;
    qint64 parameterCount = 0;
    QString summary;  // what was checked
};

struct JobInfo {
    int id = 0;
    QString title;
};

struct JobProgress {
    int jobId = 0;
    int done = 0;
    int total = 0;  // 0: unknown (busy indicator)
    QString message;
};

struct JobOutcome {
    enum Status { Succeeded, Failed, Cancelled };
    int jobId = 0;
    QString title;
    Status status = Succeeded;
    QString message;  // result summary or the error, shown to the user as is
};

Q_DECLARE_METATYPE(GenerateRequest)
Q_DECLARE_METATYPE(GeneratedSample)
Q_DECLARE_METATYPE(ExportRequest)
Q_DECLARE_METATYPE(ExportResult)
Q_DECLARE_METATYPE(JobInfo)
Q_DECLARE_METATYPE(JobProgress)
Q_DECLARE_METATYPE(JobOutcome)
Q_DECLARE_METATYPE(ProfileInfo)

void registerEngineTypes();
