#pragma once
#include <QDialog>

class JobService;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
struct ExportResult;
struct JobOutcome;
struct JobProgress;

// Export a voice's model: a Hugging Face folder (config.json + model.safetensors, merged weights),
// written on the engine thread, then reloaded and checked (same size, same greedy output) before it
// says "done". Adapters-only and the original layout wait for the trainer's LoRA support.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    // `sources`: (label, model path) pairs offered in the source list.
    ExportDialog(JobService *jobs, const QList<QPair<QString, QString>> &sources, const QString &device,
                 QWidget *parent = nullptr);

    QComboBox *sourceCombo() const { return m_source; }
    QLineEdit *sourceEdit() const { return m_sourcePath; }
    QLineEdit *outputEdit() const { return m_output; }
    QPushButton *exportButton() const { return m_export; }
    QString statusText() const;
    bool isDone() const { return m_done; }

public Q_SLOTS:
    bool startExport();

private:
    void progress(const JobProgress &progress);
    void finished(const JobOutcome &outcome);
    void updateState();

    JobService *m_jobs;
    QString m_device;
    QComboBox *m_source;
    QLineEdit *m_sourcePath;
    QLineEdit *m_output;
    QRadioButton *m_hf;
    QRadioButton *m_adapters;
    QRadioButton *m_original;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_export;
    QPushButton *m_close;
    int m_job = 0;
    bool m_done = false;
};
