#pragma once
#include <QDialog>

class AppSettings;
class QComboBox;
class QLabel;
class QLineEdit;

// Preferences: library folder, default base model folder, engine device (with what was detected)
// and the interface language. Writes the settings on accept only.
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    SettingsDialog(AppSettings *settings, const QString &cudaSummary, int cudaDevices, QWidget *parent = nullptr);

    QLineEdit *libraryEdit() const { return m_library; }
    QLineEdit *baseModelEdit() const { return m_baseModel; }
    QComboBox *deviceCombo() const { return m_device; }
    QComboBox *languageCombo() const { return m_language; }
    bool languageChanged() const { return m_languageChanged; }

    // The languages the interface ships in: code ("" = system) and native name.
    static QList<QPair<QString, QString>> languages();

public Q_SLOTS:
    void accept() override;

private:
    void browse(QLineEdit *edit, const QString &title);
    void updateHints();

    AppSettings *m_settings;
    QLineEdit *m_library;
    QLabel *m_libraryHint;
    QLineEdit *m_baseModel;
    QLabel *m_baseModelHint;
    QComboBox *m_device;
    QComboBox *m_language;
    bool m_languageChanged = false;
};
