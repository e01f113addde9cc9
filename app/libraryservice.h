#pragma once
#include <QObject>
#include <QString>
#include <QVector>

#include <optional>

#include "enginetypes.h"

// The voice profile library for widgets: reads and small edits of profile.json files (milliseconds,
// done on the GUI thread with a short lock timeout), in Qt value types. Heavy library work (archive
// import/export, generating samples) goes through JobService onto the engine thread.
//
// Every write returns false with a message for the user on failure (read-only folder, a profile
// that went away, invalid input) and leaves the library as it was; changed() follows every success.
class LibraryService : public QObject
{
    Q_OBJECT

public:
    explicit LibraryService(const QString &root, QObject *parent = nullptr);

    QString root() const { return m_root; }
    void setRoot(const QString &root);

    // A problem with the folder itself, for a banner: missing (fine; created on the first write) or
    // not writable. Empty when all is well.
    QString folderProblem() const;
    bool isWritable() const;

    QVector<ProfileInfo> profiles() const;
    std::optional<ProfileInfo> profile(int speakerId) const;
    int nextFreeSpeakerId() const;

    bool updateMetadata(int speakerId, const ProfileMetadata &meta, QString *error = nullptr);
    bool remove(int speakerId, QString *error = nullptr);   // to the trash
    bool restore(int speakerId, QString *error = nullptr);  // the newest trashed one with this id
    bool rateSample(int speakerId, const QString &sampleFile, int score, const QString &rater, const QString &note,
                    QString *error = nullptr);

    // A generation request with the profile's model and inference defaults. Fails (with the reason
    // and the fix) for broken profiles, a missing model, missing consent or no tokenizer.
    // `fallbackTokenizerFolder`: searched for tokenizer.json when the model folder has none.
    bool makeGenerateRequest(int speakerId, const QString &text, const QString &device,
                             const QString &fallbackTokenizerFolder, GenerateRequest *request,
                             QString *error = nullptr) const;

    // Tells listeners the folder changed outside this service (a job imported or stored a sample).
    void notifyChanged() { Q_EMIT changed(); }

Q_SIGNALS:
    void changed();
    void operationFailed(const QString &message);  // every failed write, for the status bar
    void rootChanged(const QString &root);

private:
    void fail(const QString &message, QString *error);

    QString m_root;
};
