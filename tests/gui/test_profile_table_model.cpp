// ProfileTableModel + ProfileFilterProxyModel, both under QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QStandardPaths>
#include <QtTest>

#include "profilefilterproxymodel.h"
#include "profiletablemodel.h"

namespace {

ProfileInfo voice(int id, const QString &name, const QString &gender, const QString &age, std::optional<double> bestLoss)
{
    ProfileInfo p;
    p.speakerId = id;
    p.meta.name = name;
    p.meta.gender = gender;
    p.meta.ageRange = age;
    p.meta.accent = QStringLiteral("British");
    p.training.bestLoss = bestLoss;
    p.baseModelHash = QStringLiteral("sha256:0123456789abcdef");
    return p;
}

ProfileInfo broken(int id)
{
    ProfileInfo p;
    p.speakerId = id;
    p.broken = true;
    p.problem = QStringLiteral("/lib/%1/profile.json: invalid JSON at line 3").arg(id);
    p.meta.name = QStringLiteral("(broken profile)");
    return p;
}

QVector<ProfileInfo> sample()
{
    return {voice(3, QStringLiteral("John"), QStringLiteral("male"), QStringLiteral("30-40"), 2.5),
            voice(10, QStringLiteral("ann"), QStringLiteral("female"), QStringLiteral("20-30"), 0.75),
            voice(2, QStringLiteral("Bea"), QStringLiteral("female"), QStringLiteral("60-70"), std::nullopt), broken(7)};
}

} // namespace

class TestProfileTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void modelPassesTester()
    {
        ProfileTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProfiles(sample());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ProfileTableModel::ColumnCount));
        model.setProfiles({});
        QCOMPARE(model.rowCount(), 0);
        model.setProfiles(sample());
        ProfileFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.sort(ProfileTableModel::BestLossColumn);
        proxy.setFilterText(QStringLiteral("female"));
        model.setProfiles(sample().mid(0, 2));
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), 2);
    }

    void displayAndRoles()
    {
        ProfileTableModel model;
        model.setProfiles(sample());
        QCOMPARE(model.index(0, ProfileTableModel::NameColumn).data().toString(), QStringLiteral("John"));
        QCOMPARE(model.index(0, ProfileTableModel::IdColumn).data().toInt(), 3);
        QCOMPARE(model.index(0, ProfileTableModel::AgeColumn).data().toString(), QStringLiteral("30-40"));
        QCOMPARE(model.index(0, ProfileTableModel::BaseModelColumn).data().toString(), QStringLiteral("01234567"));
        QCOMPARE(model.index(1, 0).data(ProfileTableModel::SpeakerIdRole).toInt(), 10);
        QCOMPARE(model.headerData(ProfileTableModel::BestLossColumn, Qt::Horizontal).toString(), QStringLiteral("Best val loss"));
        QCOMPARE(model.rowOf(2), 2);
        QCOMPARE(model.rowOf(99), -1);
    }

    void brokenProfileShowsItsReason()
    {
        ProfileTableModel model;
        model.setProfiles(sample());
        const QModelIndex name = model.index(3, ProfileTableModel::NameColumn);
        QVERIFY(name.data(ProfileTableModel::BrokenRole).toBool());
        QVERIFY(name.data(Qt::ToolTipRole).toString().contains(QLatin1String("invalid JSON at line 3")));
        QVERIFY(!name.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(model.index(3, ProfileTableModel::IdColumn).data().toInt(), 7);
    }

    void sorts_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QList<int>>("ids");
        QTest::newRow("id ascending (numeric, 10 after 7)") << int(ProfileTableModel::IdColumn) << int(Qt::AscendingOrder)
                                                             << QList<int>{2, 3, 7, 10};
        QTest::newRow("id descending") << int(ProfileTableModel::IdColumn) << int(Qt::DescendingOrder) << QList<int>{10, 7, 3, 2};
        QTest::newRow("name, case-insensitive") << int(ProfileTableModel::NameColumn) << int(Qt::AscendingOrder)
                                                << QList<int>{7, 10, 2, 3};
        QTest::newRow("best loss, missing last") << int(ProfileTableModel::BestLossColumn) << int(Qt::AscendingOrder)
                                                 << QList<int>{10, 3, 2, 7};
    }

    void sorts()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QList<int>, ids);
        ProfileTableModel model;
        model.setProfiles(sample());
        ProfileFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(column, Qt::SortOrder(order));
        QList<int> got;
        for (int row = 0; row < proxy.rowCount(); ++row)
            got << proxy.index(row, 0).data(ProfileTableModel::SpeakerIdRole).toInt();
        // Broken and unrated rows share the "missing" key, so only check the rated order for loss.
        if (column == ProfileTableModel::BestLossColumn)
            got = got.mid(0, 2), ids = ids.mid(0, 2);
        QCOMPARE(got, ids);
    }

    void filters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("rows");
        QTest::newRow("empty") << QString() << 4;
        QTest::newRow("name") << QStringLiteral("john") << 1;
        QTest::newRow("id") << QStringLiteral("10") << 1;
        QTest::newRow("gender + age, all words") << QStringLiteral("female 60") << 1;
        QTest::newRow("accent") << QStringLiteral("british") << 3;
        QTest::newRow("broken reason") << QStringLiteral("invalid json") << 1;
        QTest::newRow("nothing") << QStringLiteral("zzz") << 0;
    }

    void filters()
    {
        QFETCH(QString, text);
        QFETCH(int, rows);
        ProfileTableModel model;
        model.setProfiles(sample());
        ProfileFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setFilterText(text);
        QCOMPARE(proxy.rowCount(), rows);
    }
};

QTEST_MAIN(TestProfileTableModel)
#include "test_profile_table_model.moc"
