#pragma once
#include <QWidget>

#include "enginetypes.h"

class AudioPlayer;
class LibraryService;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class WaveformWidget;

// The library's detail pane for one profile: editable metadata, training details, the consent
// record, and its samples (waveform, play/stop, "generate sample" from typed text).
class ProfileDetailWidget : public QWidget
{
    Q_OBJECT

public:
    enum Tab { DetailsTab, SamplesTab, TrainingTab, ConsentTab };

    ProfileDetailWidget(LibraryService *library, AudioPlayer *player, QWidget *parent = nullptr);

    void setProfile(const std::optional<ProfileInfo> &profile);
    int speakerId() const { return m_profile ? m_profile->speakerId : -1; }
    bool isModified() const;
    void setGenerating(bool busy);

    // For tests and shortcuts.
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *generateTextEdit() const { return m_generateText; }
    QPushButton *generateButton() const { return m_generate; }
    QPushButton *saveButton() const { return m_save; }
    QListWidget *sampleList() const { return m_samples; }
    QString bannerText() const;

public Q_SLOTS:
    bool save();
    void revert();
    void playSelected();
    // Selects the sample stored at `filePath` and plays it (audition after generating).
    void playSample(const QString &filePath);

Q_SIGNALS:
    void generateRequested(int speakerId, const QString &text);

private:
    void updateButtons();
    void showSelectedSample();
    QWidget *makeDetailsTab();
    QWidget *makeTrainingTab();
    QWidget *makeConsentTab();
    QWidget *makeSamplesTab();

    LibraryService *m_library;
    AudioPlayer *m_player;
    std::optional<ProfileInfo> m_profile;
    bool m_generating = false;

    QLabel *m_heading;
    QLabel *m_banner;
    QTabWidget *m_tabs;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_gender;
    QLineEdit *m_age;
    QLineEdit *m_accent;
    QLineEdit *m_language;
    QLineEdit *m_style;
    QLabel *m_model;
    QPushButton *m_save;
    QPushButton *m_revert;
    QFormLayout *m_trainingForm;
    QFormLayout *m_consentForm;
    QListWidget *m_samples;
    WaveformWidget *m_waveform;
    QPushButton *m_play;
    QPushButton *m_stop;
    QLineEdit *m_generateText;
    QPushButton *m_generate;
};
