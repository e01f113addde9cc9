// Temperature + top-k sampling, table-driven: greedy cases, the top-k support, seeding.
#include <QStandardPaths>
#include <QTest>

#include <set>

#include "csm/errors.h"
#include "generate/sampling.h"

class SamplingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void greedyCases_data()
    {
        QTest::addColumn<double>("temperature");
        QTest::addColumn<int>("topk");
        QTest::newRow("temperature 0") << 0.0 << 50;
        QTest::newRow("negative temperature") << -1.0 << 50;
        QTest::newRow("top-1") << 0.9 << 1;
        QTest::newRow("top-1, hot") << 5.0 << 1;
    }

    void greedyCases()
    {
        QFETCH(double, temperature);
        QFETCH(int, topk);
        auto gen = csm::make_seeded_generator(torch::kCPU, 1);
        auto logits = torch::randn({4, 67});
        auto codes = csm::sample_topk(logits, {temperature, topk}, gen);
        QVERIFY(codes.equal(logits.argmax(-1)));
    }

    void staysInsideTopK_data()
    {
        QTest::addColumn<int>("topk");
        QTest::newRow("k=2") << 2;
        QTest::newRow("k=5") << 5;
        QTest::newRow("k=50") << 50;
    }

    void staysInsideTopK()
    {
        QFETCH(int, topk);
        auto gen = csm::make_seeded_generator(torch::kCPU, 3);
        auto logits = torch::randn({1, 200});
        auto allowed = std::get<1>(logits.topk(topk, -1)).flatten();
        std::set<int64_t> allowedSet(allowed.data_ptr<int64_t>(), allowed.data_ptr<int64_t>() + allowed.numel());
        std::set<int64_t> seen;
        for (int i = 0; i < 2000; ++i) {
            const int64_t code = csm::sample_topk(logits, {1.0, topk}, gen).item<int64_t>();
            QVERIFY2(allowedSet.count(code), "sampled outside the top-k");
            seen.insert(code);
        }
        QVERIFY(seen.size() > 1);  // it does sample, not argmax
    }

    void followsTheDistribution()
    {
        // two codes with probabilities 0.8 / 0.2 at temperature 1
        auto gen = csm::make_seeded_generator(torch::kCPU, 11);
        auto logits = torch::full({1, 10}, -1e9);
        logits[0][3] = std::log(0.8);
        logits[0][7] = std::log(0.2);
        int threes = 0;
        const int n = 5000;
        for (int i = 0; i < n; ++i)
            threes += csm::sample_topk(logits, {1.0, 50}, gen).item<int64_t>() == 3;
        QVERIFY2(std::abs(threes / double(n) - 0.8) < 0.03, qPrintable(QString::number(threes / double(n))));
    }

    void seededIsDeterministic()
    {
        auto logits = torch::randn({8, 67});
        auto a = csm::make_seeded_generator(torch::kCPU, 42);
        auto b = csm::make_seeded_generator(torch::kCPU, 42);
        auto c = csm::make_seeded_generator(torch::kCPU, 43);
        auto sa = csm::sample_topk(logits, {0.9, 50}, a);
        QVERIFY(sa.equal(csm::sample_topk(logits, {0.9, 50}, b)));
        bool differs = false;
        for (int i = 0; i < 5 && !differs; ++i)
            differs = !csm::sample_topk(logits, {0.9, 50}, c).equal(sa);
        QVERIFY(differs);
    }

    void rejectsBadSettings()
    {
        QVERIFY_EXCEPTION_THROWN(csm::validate_sampling({0.9, 0}), csm::InputError);
        QVERIFY_EXCEPTION_THROWN(csm::validate_sampling({std::nan(""), 50}), csm::InputError);
        csm::validate_sampling({0.0, 1});
    }
};

QTEST_GUILESS_MAIN(SamplingTest)
#include "test_sampling.moc"
