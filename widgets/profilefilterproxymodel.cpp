#include "profilefilterproxymodel.h"

#include "profiletablemodel.h"

ProfileFilterProxyModel::ProfileFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ProfileTableModel::SortRole);
    setDynamicSortFilter(true);
}

void ProfileFilterProxyModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    invalidateFilter();
}

bool ProfileFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filterText.trimmed().isEmpty())
        return true;
    const QString haystack =
        sourceModel()->index(sourceRow, 0, sourceParent).data(ProfileTableModel::FilterTextRole).toString();
    // Every word must match somewhere: "male 30" finds male voices aged 30-40.
    const QStringList words = m_filterText.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words)
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    return true;
}
