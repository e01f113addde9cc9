#include "profiletablemodel.h"

#include <QIcon>
#include <QLocale>

#include <limits>

ProfileTableModel::ProfileTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ProfileTableModel::setProfiles(const QVector<ProfileInfo> &profiles)
{
    beginResetModel();
    m_profiles = profiles;
    endResetModel();
}

int ProfileTableModel::rowOf(int speakerId) const
{
    for (int i = 0; i < m_profiles.size(); ++i)
        if (m_profiles[i].speakerId == speakerId)
            return i;
    return -1;
}

const ProfileInfo *ProfileTableModel::profileAt(int row) const
{
    return row >= 0 && row < m_profiles.size() ? &m_profiles[row] : nullptr;
}

int ProfileTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_profiles.size());
}

int ProfileTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const ProfileInfo &p = m_profiles[index.row()];
    const int column = index.column();
    switch (role) {
    case SpeakerIdRole:
        return p.speakerId;
    case BrokenRole:
        return p.broken;
    case FilterTextRole:
        return QStringList{p.meta.name, QString::number(p.speakerId), p.meta.gender, p.meta.ageRange, p.meta.accent,
                           p.meta.style, p.meta.description, p.problem}
            .join(QLatin1Char('\n'));
    case Qt::ToolTipRole:
        if (p.broken)
            return p.problem;
        if (p.modelMissing)
            return tr("The model is gone: %1").arg(p.modelPath);
        return p.meta.description.isEmpty() ? QVariant() : QVariant(p.meta.description);
    case Qt::DecorationRole:
        if (column == NameColumn && (p.broken || p.modelMissing))
            return QIcon::fromTheme(QStringLiteral("dialog-warning"), QIcon(QStringLiteral(":/icons/warning.svg")));
        return QVariant();
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == BestLossColumn || column == SamplesColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case SortRole:
        switch (column) {
        case IdColumn:
            return p.speakerId;
        case BestLossColumn:
            return p.training.bestLoss ? *p.training.bestLoss : std::numeric_limits<double>::max();
        case SamplesColumn:
            return int(p.samples.size());
        default:
            return data(index, Qt::DisplayRole).toString().toCaseFolded();
        }
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return p.meta.name;
        case IdColumn:
            return p.speakerId;
        case GenderColumn:
            return p.meta.gender;
        case AgeColumn:
            return p.meta.ageRange;
        case AccentColumn:
            return p.meta.accent;
        case StyleColumn:
            return p.meta.style;
        case BaseModelColumn:
            return p.broken ? QString() : p.baseModelLabel();
        case LastTrainedColumn:
            return p.training.finishedAt.left(10);
        case BestLossColumn:
            return p.training.bestLoss ? QLocale().toString(*p.training.bestLoss, 'f', 3) : QString();
        case SamplesColumn:
            return p.broken ? QVariant() : QVariant(int(p.samples.size()));
        }
        return QVariant();
    }
    return QVariant();
}

QVariant ProfileTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case IdColumn:
        return tr("Id");
    case GenderColumn:
        return tr("Gender");
    case AgeColumn:
        return tr("Age range");
    case AccentColumn:
        return tr("Accent");
    case StyleColumn:
        return tr("Style");
    case BaseModelColumn:
        return tr("Base model");
    case LastTrainedColumn:
        return tr("Last trained");
    case BestLossColumn:
        return tr("Best val loss");
    case SamplesColumn:
        return tr("Samples");
    }
    return QVariant();
}
