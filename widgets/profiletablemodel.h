#pragma once
#include <QAbstractTableModel>
#include <QVector>

#include "enginetypes.h"

// The voice library as a table: one row per profile folder, broken ones included (their name column
// says so and the tooltip carries the reason).
class ProfileTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, IdColumn, GenderColumn, AgeColumn, AccentColumn, StyleColumn, BaseModelColumn,
                  LastTrainedColumn, BestLossColumn, SamplesColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,  // numbers as numbers, missing values last
        SpeakerIdRole,
        BrokenRole,
        FilterTextRole,  // everything a filter should match, in one string
    };

    explicit ProfileTableModel(QObject *parent = nullptr);

    void setProfiles(const QVector<ProfileInfo> &profiles);
    const QVector<ProfileInfo> &profiles() const { return m_profiles; }
    int rowOf(int speakerId) const;  // -1 when absent
    const ProfileInfo *profileAt(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<ProfileInfo> m_profiles;
};
