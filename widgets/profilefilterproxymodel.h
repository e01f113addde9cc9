#pragma once
#include <QSortFilterProxyModel>

// Sorts the library table by ProfileTableModel::SortRole (numbers as numbers) and filters rows by a
// case-insensitive text that may match any of the profile's fields.
class ProfileFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ProfileFilterProxyModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_filterText;
};
