#include "comparepage.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include "compareslotwidget.h"
#include "icons.h"
#include "messages.h"
#include "studio.h"

ComparePage::ComparePage(Studio *studio, QWidget *parent)
    : QWidget(parent)
    , m_studio(studio)
    , m_voices(new QListWidget(this))
    , m_text(new QLineEdit(this))
    , m_blind(new QCheckBox(tr("&Blind A/B/X (names hidden until you submit)"), this))
    , m_generate(new QPushButton(studioIcon(QStringLiteral("media-record"), QStringLiteral("generate")), tr("&Generate"), this))
    , m_save(new QPushButton(studioIcon(QStringLiteral("document-save"), QStringLiteral("save")), tr("&Save ratings"), this))
    , m_status(new QLabel(this))
{
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Voices to compare:"), left));
    m_voices->setObjectName(QStringLiteral("compareVoices"));
    leftLayout->addWidget(m_voices, 1);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *textRow = new QHBoxLayout;
    m_text->setPlaceholderText(tr("One sentence every voice says"));
    m_text->setText(tr("The quick brown fox jumps over the lazy dog."));
    textRow->addWidget(new QLabel(tr("&Text:"), right));
    static_cast<QLabel *>(textRow->itemAt(0)->widget())->setBuddy(m_text);
    textRow->addWidget(m_text, 1);
    textRow->addWidget(m_generate);
    rightLayout->addLayout(textRow);
    rightLayout->addWidget(m_blind);

    auto *scroll = new QScrollArea(right);
    scroll->setWidgetResizable(true);
    auto *slotHost = new QWidget(scroll);
    m_slotLayout = new QVBoxLayout(slotHost);
    m_slotLayout->addStretch();
    scroll->setWidget(slotHost);
    rightLayout->addWidget(scroll, 1);

    m_abxRow = new QWidget(right);
    auto *abx = new QHBoxLayout(m_abxRow);
    abx->setContentsMargins(0, 0, 0, 0);
    abx->addWidget(new QLabel(tr("X sounds like:"), m_abxRow));
    m_xIsA = new QRadioButton(tr("A"), m_abxRow);
    m_xIsB = new QRadioButton(tr("B"), m_abxRow);
    m_xGroup = new QButtonGroup(this);
    m_xGroup->addButton(m_xIsA, 0);
    m_xGroup->addButton(m_xIsB, 1);
    abx->addWidget(m_xIsA);
    abx->addWidget(m_xIsB);
    abx->addStretch();
    rightLayout->addWidget(m_abxRow);

    auto *bottom = new QHBoxLayout;
    m_status->setWordWrap(true);
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_save);
    rightLayout->addLayout(bottom);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_generate, &QPushButton::clicked, this, &ComparePage::generate);
    connect(m_save, &QPushButton::clicked, this, &ComparePage::saveRatings);
    connect(m_voices, &QListWidget::itemChanged, this, &ComparePage::updateState);
    connect(m_text, &QLineEdit::textChanged, this, &ComparePage::updateState);
    connect(m_blind, &QCheckBox::toggled, this, &ComparePage::updateState);
    connect(m_xGroup, &QButtonGroup::idClicked, this, &ComparePage::updateState);
    connect(&studio->library(), &LibraryService::changed, this, &ComparePage::reloadVoices);
    connect(&studio->jobs(), &JobService::sampleGenerated, this, &ComparePage::sampleGenerated);
    connect(&studio->jobs(), &JobService::jobFinished, this, &ComparePage::jobFinished);
    reloadVoices();
}

void ComparePage::reloadVoices()
{
    const QList<int> checked = checkedSpeakers();
    QSignalBlocker blocker(m_voices);
    m_voices->clear();
    for (const ProfileInfo &p : m_studio->library().profiles()) {
        if (p.broken)
            continue;
        auto *item = new QListWidgetItem(tr("%1 (id %2)").arg(p.meta.name).arg(p.speakerId), m_voices);
        item->setData(Qt::UserRole, p.speakerId);
        item->setData(Qt::UserRole + 1, p.meta.name);
        const bool usable = !p.modelMissing && p.consentProblem.isEmpty();
        item->setFlags(usable ? (Qt::ItemIsEnabled | Qt::ItemIsUserCheckable) : Qt::NoItemFlags);
        item->setCheckState(usable && checked.contains(p.speakerId) ? Qt::Checked : Qt::Unchecked);
        if (!usable)
            item->setToolTip(p.modelMissing ? tr("The model of this voice is gone.") : p.consentProblem);
    }
    blocker.unblock();
    updateState();
}

void ComparePage::setText(const QString &text)
{
    m_text->setText(text);
}

void ComparePage::setBlind(bool blind)
{
    m_blind->setChecked(blind);
}

void ComparePage::setChecked(int speakerId, bool checked)
{
    for (int i = 0; i < m_voices->count(); ++i)
        if (m_voices->item(i)->data(Qt::UserRole).toInt() == speakerId)
            m_voices->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

QList<int> ComparePage::checkedSpeakers() const
{
    QList<int> ids;
    for (int i = 0; i < m_voices->count(); ++i)
        if (m_voices->item(i)->checkState() == Qt::Checked)
            ids << m_voices->item(i)->data(Qt::UserRole).toInt();
    return ids;
}

QString ComparePage::statusText() const
{
    return m_status->text();
}

void ComparePage::clearSlots()
{
    for (CompareSlotWidget *slot : std::as_const(m_slots))
        delete slot;
    m_slots.clear();
    delete m_xSlot;
    m_xSlot = nullptr;
    m_xSource = -1;
    m_jobToSlot.clear();
    m_xGroup->setExclusive(false);
    m_xIsA->setChecked(false);
    m_xIsB->setChecked(false);
    m_xGroup->setExclusive(true);
}

bool ComparePage::generate()
{
    QList<int> ids = checkedSpeakers();
    const bool blind = m_blind->isChecked();
    if (ids.size() < 2 || (blind && ids.size() != 2)) {
        m_status->setText(blind ? tr("Blind A/B/X compares exactly two voices.") : tr("Choose at least two voices."));
        return false;
    }
    // Build all requests first, so a problem with one voice starts nothing.
    QList<GenerateRequest> requests;
    const quint64 seed = QRandomGenerator::global()->generate64();
    for (int id : std::as_const(ids)) {
        GenerateRequest request;
        QString error;
        if (!m_studio->library().makeGenerateRequest(id, m_text->text(), m_studio->settings().device,
                                                     m_studio->settings().baseModelFolder, &request, &error)) {
            m_status->setText(error);
            return false;
        }
        request.seed = seed;  // same seed: differences come from the voices, not the dice
        requests << request;
    }
    clearSlots();
    m_blindRound = blind;
    m_saved = false;
    if (blind && QRandomGenerator::global()->bounded(2) == 1)
        std::swap(requests[0], requests[1]);
    for (int i = 0; i < requests.size(); ++i) {
        const QString label = QString(QChar(u'A' + i));
        auto *slot = new CompareSlotWidget(label, requests[i].speakerId, requests[i].profileName, &m_studio->player(), this);
        if (!blind)
            slot->reveal();
        m_slotLayout->insertWidget(m_slotLayout->count() - 1, slot);
        m_slots << slot;
        const int job = m_studio->jobs().generateSample(requests[i], tr("Compare: generating %1").arg(blind ? label : requests[i].profileName));
        m_jobToSlot.insert(job, i);
    }
    if (blind) {
        m_xSource = QRandomGenerator::global()->bounded(2);
        m_xSlot = new CompareSlotWidget(QStringLiteral("X"), m_slots[m_xSource]->speakerId(), m_slots[m_xSource]->voiceName(),
                                        &m_studio->player(), this);
        m_xSlot->setRatingEnabled(false);
        m_slotLayout->insertWidget(m_slotLayout->count() - 1, m_xSlot);
    }
    m_status->setText(tr("Generating %n sample(s)…", nullptr, int(requests.size())));
    updateState();
    return true;
}

void ComparePage::sampleGenerated(const GeneratedSample &sample)
{
    const auto it = m_jobToSlot.constFind(sample.jobId);
    if (it == m_jobToSlot.constEnd())
        return;
    m_slots[*it]->setSample(sample);
    if (m_xSlot && *it == m_xSource)
        m_xSlot->setSample(sample);
}

void ComparePage::jobFinished(const JobOutcome &outcome)
{
    const auto it = m_jobToSlot.constFind(outcome.jobId);
    if (it == m_jobToSlot.constEnd())
        return;
    if (outcome.status != JobOutcome::Succeeded) {
        m_slots[*it]->setFailed(outcome.message);
        m_status->setText(outcome.message);
    }
    m_jobToSlot.erase(it);
    if (m_jobToSlot.isEmpty() && outcome.status == JobOutcome::Succeeded)
        m_status->setText(m_blindRound ? tr("Listen to A, B and X, say which one X is, rate A and B, then submit.")
                                       : tr("Listen and rate each voice, then save the ratings."));
    updateState();
}

void ComparePage::answerX(int slotIndex)
{
    (slotIndex == 0 ? m_xIsA : m_xIsB)->setChecked(true);
    updateState();
}

bool ComparePage::saveRatings()
{
    if (m_slots.isEmpty() || isGenerating() || m_saved)
        return false;
    if (m_blindRound && m_xGroup->checkedId() < 0) {
        m_status->setText(tr("Say which voice X is first."));
        return false;
    }
    QString note = tr("A/B comparison: “%1”").arg(m_text->text());
    bool correct = false;
    if (m_blindRound) {
        correct = m_xGroup->checkedId() == m_xSource;
        note = QStringLiteral("blind ABX (X %1): “%2”").arg(correct ? QStringLiteral("identified") : QStringLiteral("missed"), m_text->text());
    }
    int stored = 0;
    for (CompareSlotWidget *slot : std::as_const(m_slots)) {
        if (!slot->hasSample() || slot->rating() == 0)
            continue;
        QString error;
        if (!m_studio->library().rateSample(slot->speakerId(), slot->sample().file, slot->rating(), m_studio->settings().raterName,
                                            note, &error)) {
            m_status->setText(error);
            return false;
        }
        ++stored;
    }
    if (stored == 0) {
        m_status->setText(tr("Rate at least one voice first."));
        return false;
    }
    m_saved = true;
    if (m_blindRound) {
        for (CompareSlotWidget *slot : std::as_const(m_slots))
            slot->reveal();
        m_xSlot->reveal();
        m_status->setText(correct ? tr("Correct: X was %1. %n rating(s) stored.", nullptr, stored).arg(m_slots[m_xSource]->voiceName())
                                  : tr("Not quite: X was %1. %n rating(s) stored.", nullptr, stored).arg(m_slots[m_xSource]->voiceName()));
    } else {
        m_status->setText(tr("%n rating(s) stored with the voices' samples.", nullptr, stored));
    }
    updateState();
    return true;
}

void ComparePage::updateState()
{
    const int checked = int(checkedSpeakers().size());
    const bool blind = m_blind->isChecked();
    const bool enough = blind ? checked == 2 : checked >= 2;
    m_generate->setEnabled(enough && !isGenerating() && !m_text->text().trimmed().isEmpty());
    m_abxRow->setVisible(m_blindRound && !m_slots.isEmpty());
    m_save->setText(m_blindRound ? tr("&Submit") : tr("&Save ratings"));
    m_save->setEnabled(!m_slots.isEmpty() && !isGenerating() && !m_saved);
    if (m_slots.isEmpty() && !isGenerating())
        m_status->setText(enough ? QString() : (blind ? tr("Check exactly two voices for a blind A/B/X test.")
                                                      : tr("Check two or more voices.")));
}
