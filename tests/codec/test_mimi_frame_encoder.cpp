// MimiFrameEncoder: the real codec behind the data pipeline's codec boundary.
#include <QStandardPaths>
#include <QTest>

#include <cmath>

#include "csm/codec/mimi_frame_encoder.h"

class MimiFrameEncoderTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void encodesLikeTheCodec()
    {
        csm::MimiFrameEncoder encoder(CSM_FIXTURES_DIR "/tiny_mimi");
        std::vector<float> tone(24000);
        for (size_t i = 0; i < tone.size(); ++i)
            tone[i] = 0.3f * std::sin(0.07f * float(i)) + 0.1f * std::sin(0.31f * float(i));
        const auto frames = encoder.encode(tone);
        QCOMPARE(frames.size(), size_t(13));  // 1 s at 12.5 Hz, rounded up
        QCOMPARE(int(frames[0].size()), encoder.num_codebooks());
        const auto codec = csm::MimiCodec::load(CSM_FIXTURES_DIR "/tiny_mimi");
        const auto codes = codec.encode(tone.data(), int64_t(tone.size()));
        for (int64_t f = 0; f < codes.num_frames; ++f)
            for (int64_t k = 0; k < codes.num_codebooks; ++k)
                QCOMPARE(frames[f][k], codes.at(k, f));
    }

    void identityNamesCodecAndWeights()
    {
        csm::MimiFrameEncoder a(CSM_FIXTURES_DIR "/tiny_mimi");
        csm::MimiFrameEncoder again(CSM_FIXTURES_DIR "/tiny_mimi");
        csm::MimiFrameEncoder other(CSM_FIXTURES_DIR "/tiny_csm");
        QVERIFY(a.identity().rfind("mimi:", 0) == 0);
        QCOMPARE(a.identity(), again.identity());
        QVERIFY(a.identity() != other.identity());
    }
};

QTEST_GUILESS_MAIN(MimiFrameEncoderTest)
#include "test_mimi_frame_encoder.moc"
