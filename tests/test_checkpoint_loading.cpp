// Bad checkpoints fail with a clear message naming the file and the tensor, never a crash:
// truncated or lying safetensors, missing/extra tensors, wrong shapes and dtypes, a config that
// does not match the weights, unreadable or wrapped Sesame checkpoints, paths that do not exist.
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <functional>

#include "csm/csm_runtime.h"
#include "csm/errors.h"
#include "csm/safetensors.h"

namespace fs = std::filesystem;

namespace {

const std::string kTiny = CSM_FIXTURES_DIR "/tiny_csm";

// The error message of loading `path`, or "" when it loads.
std::string loadError(const std::string &path)
{
    try {
        csm::CsmRuntime::load(path);
        return {};
    } catch (const csm::InputError &e) {
        return e.what();
    }
}

// A copy of the tiny model whose tensors went through `edit` (names, dtypes, shapes).
std::string editedCopy(const QTemporaryDir &dir, const std::function<void(std::vector<csm::TensorView> &)> &edit)
{
    const std::string out = dir.path().toStdString();
    fs::copy_file(kTiny + "/config.json", out + "/config.json");
    auto file = csm::SafetensorsFile::open(kTiny + "/model.safetensors");
    std::vector<csm::TensorView> views;
    for (const auto &name : file.names())
        views.push_back(file.at(name));
    edit(views);
    csm::write_safetensors(out + "/model.safetensors", views);
    return out;
}

} // namespace

class CheckpointLoadingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void loadsBothLayouts()
    {
        QCOMPARE(csm::CsmRuntime::load(kTiny).layout(), std::string("huggingface"));
        QCOMPARE(csm::CsmRuntime::load(CSM_FIXTURES_DIR "/tiny_csm_sesame").layout(), std::string("sesame"));
    }

    void nonexistentPath()
    {
        const std::string msg = loadError("/nonexistent/csm-1b");
        QVERIFY2(msg.find("/nonexistent/csm-1b") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("no such file") != std::string::npos, msg.c_str());
    }

    void folderWithoutWeights()
    {
        QTemporaryDir dir;
        const std::string msg = loadError(dir.path().toStdString());
        QVERIFY2(msg.find("no CSM weights found") != std::string::npos, msg.c_str());
    }

    void truncatedSafetensors()
    {
        QTemporaryDir dir;
        const std::string out = dir.path().toStdString();
        fs::copy_file(kTiny + "/config.json", out + "/config.json");
        fs::copy_file(kTiny + "/model.safetensors", out + "/model.safetensors");
        fs::resize_file(out + "/model.safetensors", fs::file_size(out + "/model.safetensors") / 2);
        const std::string msg = loadError(out);
        QVERIFY2(msg.find(out + "/model.safetensors") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("truncated") != std::string::npos, msg.c_str());
    }

    void lyingHeaderLength()
    {
        QTemporaryDir dir;
        const std::string out = dir.path().toStdString();
        fs::copy_file(kTiny + "/config.json", out + "/config.json");
        QFile f(QString::fromStdString(out + "/model.safetensors"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        const char header[8] = {0, 0, 0, 0, 0, 0, 0, 0x7f};  // ~9e18 bytes of header
        f.write(header, 8);
        f.write("{}");
        f.close();
        const std::string msg = loadError(out);
        QVERIFY2(msg.find("header length") != std::string::npos, msg.c_str());
    }

    void missingTensor()
    {
        QTemporaryDir dir;
        const std::string out = editedCopy(dir, [](auto &views) {
            views.erase(std::remove_if(views.begin(), views.end(),
                                       [](const auto &v) { return v.name == "backbone_model.layers.1.mlp.up_proj.weight"; }),
                        views.end());
        });
        const std::string msg = loadError(out);
        QVERIFY2(msg.find("missing") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("backbone_model.layers.1.mlp.up_proj.weight") != std::string::npos, msg.c_str());
    }

    void extraTensor()
    {
        QTemporaryDir dir;
        static const float value = 1.0f;
        const std::string out = editedCopy(dir, [](auto &views) {
            csm::TensorView extra;
            extra.name = "backbone_model.layers.7.self_attn.q_proj.weight";
            extra.dtype = csm::DType::F32;
            extra.shape = {1};
            extra.data = &value;
            extra.nbytes = 4;
            views.push_back(extra);
        });
        const std::string msg = loadError(out);
        QVERIFY2(msg.find("unknown tensor 'backbone_model.layers.7.self_attn.q_proj.weight'") != std::string::npos, msg.c_str());
    }

    void wrongShapeNamesBothShapes()
    {
        QTemporaryDir dir;
        const std::string out = editedCopy(dir, [](auto &views) {
            for (auto &v : views)
                if (v.name == "lm_head.weight")
                    v.shape = {64, 67};  // transposed
        });
        const std::string msg = loadError(out);
        QVERIFY2(msg.find("lm_head.weight") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("[64, 67]") != std::string::npos && msg.find("[67, 64]") != std::string::npos, msg.c_str());
    }

    void wrongDtype()
    {
        QTemporaryDir dir;
        const std::string out = editedCopy(dir, [](auto &views) {
            for (auto &v : views)
                if (v.name == "backbone_model.norm.weight") {
                    v.dtype = csm::DType::I32;  // same byte size, not a float
                }
        });
        const std::string msg = loadError(out);
        QVERIFY2(msg.find("backbone_model.norm.weight") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("floating-point") != std::string::npos, msg.c_str());
    }

    void configDoesNotMatchWeights()
    {
        QTemporaryDir dir;
        const std::string out = dir.path().toStdString();
        fs::copy_file(kTiny + "/model.safetensors", out + "/model.safetensors");
        QFile in(QString::fromStdString(kTiny + "/config.json"));
        QVERIFY(in.open(QIODevice::ReadOnly));
        QByteArray config = in.readAll();
        config.replace("\"intermediate_size\": 128", "\"intermediate_size\": 256");
        QFile outFile(QString::fromStdString(out + "/config.json"));
        QVERIFY(outFile.open(QIODevice::WriteOnly));
        outFile.write(config);
        outFile.close();
        const std::string msg = loadError(out);
        QVERIFY2(msg.find("mlp.") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("[64, 128]") != std::string::npos && msg.find("[64, 256]") != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("config.json") != std::string::npos, msg.c_str());
    }

    void missingConfig()
    {
        QTemporaryDir dir;
        const std::string out = dir.path().toStdString();
        fs::copy_file(kTiny + "/model.safetensors", out + "/model.safetensors");
        const std::string msg = loadError(out);
        QVERIFY2(msg.find("config.json") != std::string::npos && msg.find("not found") != std::string::npos, msg.c_str());
    }

    void garbageSesameCheckpoint()
    {
        QTemporaryDir dir;
        const std::string out = dir.path().toStdString() + "/ckpt.pt";
        QFile f(QString::fromStdString(out));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not a checkpoint");
        f.close();
        const std::string msg = loadError(out);
        QVERIFY2(msg.find(out) != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("not a readable torch.save checkpoint") != std::string::npos, msg.c_str());
    }

    void wrappedSesameCheckpoint()
    {
        // {"model": state_dict}: LibTorch 2.x reads and unwraps it; 1.13's unpickler cannot, and says how to fix it.
        const std::string msg = loadError(CSM_FIXTURES_DIR "/tiny_csm_sesame/ckpt_wrapped.pt");
        if (!msg.empty())
            QVERIFY2(msg.find("torch.save(ckpt['model'], 'ckpt.pt')") != std::string::npos, msg.c_str());
    }
};

QTEST_GUILESS_MAIN(CheckpointLoadingTest)
#include "test_checkpoint_loading.moc"
