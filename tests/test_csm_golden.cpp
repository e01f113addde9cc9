// Golden test: the engine reproduces transformers' CsmForConditionalGeneration on the tiny
// fixture (tools/make_fixtures.py): logits and losses within 1e-4 in fp32, codes exactly.
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "csm/csm_runtime.h"
#include "csm/reference_check.h"

class CsmGoldenTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void matchesReference_data()
    {
        QTest::addColumn<QString>("model");
        QTest::newRow("hugging-face layout") << QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm");
        QTest::newRow("sesame ckpt.pt layout") << QStringLiteral(CSM_FIXTURES_DIR "/tiny_csm_sesame/ckpt.pt");
    }

    void matchesReference()
    {
        QFETCH(QString, model);
        auto runtime = csm::CsmRuntime::load(model.toStdString());
        const auto diffs = csm::compare_with_reference(runtime, CSM_FIXTURES_DIR "/csm_reference.safetensors", 1e-4);
        QVERIFY(diffs.size() >= 15);
        for (const auto &d : diffs) {
            qInfo("%-32s max |diff| %.3g (tolerance %.0e)", d.name.c_str(), d.max_abs_diff, d.tolerance);
            QVERIFY2(d.ok(), d.name.c_str());
        }
    }

    void savedModelReloadsIdentically()
    {
        auto original = csm::CsmRuntime::load(CSM_FIXTURES_DIR "/tiny_csm");
        QTemporaryDir dir;
        original.save(dir.path().toStdString());
        auto reloaded = csm::CsmRuntime::load(dir.path().toStdString());
        QCOMPARE(reloaded.has_codec_weights(), true);
        for (const auto &d : csm::compare_with_reference(reloaded, CSM_FIXTURES_DIR "/csm_reference.safetensors", 1e-4))
            QVERIFY2(d.ok(), d.name.c_str());
    }

    void greedyDecodeStopsAtBudget()
    {
        auto runtime = csm::CsmRuntime::create_random(csm::preset_config("tiny"), 7);
        const auto frames = runtime.generate_greedy({1, 5, 9}, 4);
        QVERIFY(frames.size() <= 4);
        for (const auto &f : frames)
            QCOMPARE(f.size(), size_t(8));
    }
};

QTEST_GUILESS_MAIN(CsmGoldenTest)
#include "test_csm_golden.moc"
