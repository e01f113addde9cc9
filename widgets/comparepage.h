#pragma once
#include <QHash>
#include <QList>
#include <QWidget>

class CompareSlotWidget;
class QButtonGroup;
class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QVBoxLayout;
class Studio;
struct GeneratedSample;
struct JobOutcome;

// Compare voices: one text, a sample from each chosen voice (same seed), played side by side and
// rated 1..5. Blind A/B/X hides the names of two voices, adds X (one of them, at random) and asks
// which it is; the ratings and the ABX answer are stored with each voice's sample (rate_sample).
class ComparePage : public QWidget
{
    Q_OBJECT

public:
    explicit ComparePage(Studio *studio, QWidget *parent = nullptr);

    void setText(const QString &text);
    void setBlind(bool blind);
    void setChecked(int speakerId, bool checked);
    QList<int> checkedSpeakers() const;
    int slotCount() const { return int(m_slots.size()); }
    CompareSlotWidget *slotAt(int i) const { return m_slots.value(i); }
    bool isGenerating() const { return !m_jobToSlot.isEmpty(); }
    // In blind mode: the slot X copies (for tests); -1 otherwise.
    int xSource() const { return m_xSource; }
    void answerX(int slotIndex);  // 0: "X is A", 1: "X is B"
    QString statusText() const;

public Q_SLOTS:
    void reloadVoices();
    bool generate();
    bool saveRatings();

private:
    void clearSlots();
    void sampleGenerated(const GeneratedSample &sample);
    void jobFinished(const JobOutcome &outcome);
    void updateState();

    Studio *m_studio;
    QListWidget *m_voices;
    QLineEdit *m_text;
    QCheckBox *m_blind;
    QPushButton *m_generate;
    QPushButton *m_save;
    QLabel *m_status;
    QWidget *m_abxRow;
    QRadioButton *m_xIsA;
    QRadioButton *m_xIsB;
    QButtonGroup *m_xGroup;
    QVBoxLayout *m_slotLayout;
    QList<CompareSlotWidget *> m_slots;
    CompareSlotWidget *m_xSlot = nullptr;
    int m_xSource = -1;
    QHash<int, int> m_jobToSlot;
    bool m_blindRound = false;
    bool m_saved = false;
};
