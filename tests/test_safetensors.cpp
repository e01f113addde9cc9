// Tests for the safetensors reader and writer: round trip of every dtype, metadata, the reference
// byte layout (compact JSON, "__metadata__" first, dtype-then-name order, 8-byte padded header),
// and one row per malformed file asserting that the message names the file, the tensor and the
// reason. Bad files are generated into a QTemporaryDir.
#include "csm/atomic_file.h"
#include "csm/errors.h"
#include "csm/safetensors.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace {

std::string str(const QString& s) { return s.toStdString(); }

std::string u64le(uint64_t n) {
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i, n >>= 8) out[i] = static_cast<char>(n & 0xff);
  return out;
}

// A file with the given header text (unpadded) followed by `data_bytes` zero bytes.
QByteArray st_file(const std::string& header, std::size_t data_bytes) {
  return QByteArray::fromStdString(u64le(header.size()) + header + std::string(data_bytes, '\0'));
}

template <typename Error, typename F>
QString error_message(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return QString::fromStdString(e.what());
  }
  return QStringLiteral("<no exception>");
}

std::vector<unsigned char> pattern(std::size_t n, unsigned seed) {
  std::vector<unsigned char> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<unsigned char>((i * 37 + seed * 11 + 5) & 0xff);
  return out;
}

const csm::DType kAllDTypes[] = {csm::DType::F64, csm::DType::F32, csm::DType::F16, csm::DType::BF16,
                                 csm::DType::I64, csm::DType::I32, csm::DType::I16, csm::DType::I8,
                                 csm::DType::U8,  csm::DType::BOOL};

}  // namespace

class TestSafetensors : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void dtypeTable() {
    const std::size_t sizes[] = {8, 4, 2, 2, 8, 4, 2, 1, 1, 1};
    const char* names[] = {"F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U8", "BOOL"};
    for (int i = 0; i < 10; ++i) {
      QCOMPARE(csm::dtype_size(kAllDTypes[i]), sizes[i]);
      QCOMPARE(std::string(csm::dtype_name(kAllDTypes[i])), std::string(names[i]));
      csm::DType parsed = csm::DType::U8;
      QVERIFY(csm::parse_dtype(names[i], &parsed));
      QVERIFY(parsed == kAllDTypes[i]);
    }
    QVERIFY(!csm::parse_dtype("F8_E4M3", nullptr));
    QVERIFY(!csm::parse_dtype("f32", nullptr));
  }

  void roundTripEveryDtype() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("all.safetensors"));
    std::vector<std::vector<unsigned char>> buffers;
    std::vector<csm::TensorView> views;
    unsigned seed = 0;
    for (csm::DType dt : kAllDTypes) {
      // An odd element count so a naive layout would misalign the wider dtypes that follow.
      csm::TensorView v;
      v.name = std::string("t_") + csm::dtype_name(dt);
      v.dtype = dt;
      v.shape = {3, 1, 5};
      buffers.push_back(pattern(15 * csm::dtype_size(dt), ++seed));
      views.push_back(v);
    }
    // Scalar and empty tensors round-trip too.
    csm::TensorView scalar;
    scalar.name = "scalar";
    scalar.dtype = csm::DType::F32;
    scalar.shape = {};
    buffers.push_back(pattern(4, 99));
    views.push_back(scalar);
    csm::TensorView empty;
    empty.name = "empty";
    empty.dtype = csm::DType::F16;
    empty.shape = {0, 4};
    buffers.push_back({});
    views.push_back(empty);
    for (std::size_t i = 0; i < views.size(); ++i) {
      views[i].data = buffers[i].data();
      views[i].nbytes = buffers[i].size();
    }

    csm::write_safetensors(path, views);
    const auto file = csm::SafetensorsFile::open(path);
    QCOMPARE(file.path(), path);
    QVERIFY(file.metadata().empty());

    std::vector<std::string> expected_names;
    for (const auto& v : views) expected_names.push_back(v.name);
    std::sort(expected_names.begin(), expected_names.end());
    QVERIFY(file.names() == expected_names);

    for (std::size_t i = 0; i < views.size(); ++i) {
      const auto& want = views[i];
      QVERIFY(file.contains(want.name));
      const csm::TensorView& got = file.at(want.name);
      QCOMPARE(got.name, want.name);
      QVERIFY2(got.dtype == want.dtype, want.name.c_str());
      QVERIFY(got.shape == want.shape);
      QCOMPARE(got.nbytes, want.nbytes);
      QCOMPARE(got.numel(), want.numel());
      if (got.nbytes) QCOMPARE(std::memcmp(got.data, want.data, got.nbytes), 0);
      // The reference layout keeps every tensor aligned to its element size.
      QCOMPARE(reinterpret_cast<uintptr_t>(got.data) % csm::dtype_size(got.dtype), uintptr_t(0));
    }
    QCOMPARE(file.at("scalar").numel(), int64_t(1));
    QCOMPARE(file.at("empty").numel(), int64_t(0));
  }

  void metadataRoundTrip() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("meta.safetensors"));
    const std::map<std::string, std::string> meta = {
        {"format", "pt"}, {"note", "quote \" backslash \\ newline \n unicode \xc3\xa9"}, {"z", ""}};
    const float values[] = {1.5f, -2.0f};
    csm::TensorView v{"w", csm::DType::F32, {2}, values, sizeof values};
    csm::write_safetensors(path, {v}, meta);
    const auto file = csm::SafetensorsFile::open(path);
    QVERIFY(file.metadata() == meta);
    QCOMPARE(std::memcmp(file.at("w").data, values, sizeof values), 0);
    QVERIFY(file.names() == std::vector<std::string>{"w"});  // "__metadata__" is not a tensor
    QVERIFY(!file.contains("__metadata__"));
  }

  void headerAlignmentAndReferenceBytes() {
    QTemporaryDir dir;
    const float values[] = {1.0f, 2.0f};
    csm::TensorView a{"a", csm::DType::F32, {2}, values, sizeof values};

    // What Python's safetensors.torch.save_file({"a": torch.tensor([1., 2.])}) writes.
    const std::string path = str(dir.filePath("a.safetensors"));
    csm::write_safetensors(path, {a});
    std::string header = R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    QCOMPARE(header.size(), std::size_t(54));
    header += "  ";  // padded with spaces to a multiple of 8
    const std::string data(reinterpret_cast<const char*>(values), sizeof values);
    QCOMPARE(csm::read_file(path), u64le(56) + header + data);

    // With metadata: "__metadata__" comes first; empty metadata is omitted (checked above).
    const std::string meta_path = str(dir.filePath("meta.safetensors"));
    csm::write_safetensors(meta_path, {a}, {{"format", "pt"}});
    std::string meta_header =
        R"({"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    meta_header.append((8 - meta_header.size() % 8) % 8, ' ');
    QCOMPARE(csm::read_file(meta_path), u64le(meta_header.size()) + meta_header + data);

    // Mixed dtypes: the reference orders by descending dtype, then name.
    const unsigned char b8[] = {7};
    const uint16_t h16[] = {0x3c00};
    const float f32[] = {3.0f};
    const std::string mixed_path = str(dir.filePath("mixed.safetensors"));
    csm::write_safetensors(mixed_path, {{"a8", csm::DType::U8, {1}, b8, 1},
                                        {"b16", csm::DType::F16, {1}, h16, 2},
                                        {"c32", csm::DType::F32, {1}, f32, 4}});
    const std::string mixed = csm::read_file(mixed_path);
    std::string mixed_header =
        R"({"c32":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},)"
        R"("b16":{"dtype":"F16","shape":[1],"data_offsets":[4,6]},)"
        R"("a8":{"dtype":"U8","shape":[1],"data_offsets":[6,7]}})";
    mixed_header.append((8 - mixed_header.size() % 8) % 8, ' ');
    QCOMPARE(mixed.substr(8, mixed_header.size()), mixed_header);
    QCOMPARE(mixed.size(), 8 + mixed_header.size() + 7);

    // Header length is a multiple of 8 for any name length.
    for (int len = 1; len <= 16; ++len) {
      const std::string p = str(dir.filePath(QStringLiteral("pad%1.safetensors").arg(len)));
      csm::write_safetensors(p, {{std::string(len, 'n'), csm::DType::U8, {1}, b8, 1}});
      const std::string bytes = csm::read_file(p);
      uint64_t n = 0;
      for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(bytes[i]);
      QCOMPARE(n % 8, uint64_t(0));
      QCOMPARE(bytes.size(), 8 + n + 1);
      QCOMPARE(bytes[8 + n - 1] == ' ' || bytes[8 + n - 1] == '}', true);
    }
  }

  void readsForeignLayout() {
    // Files from other writers need not be sorted, padded or gap-free.
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("foreign.safetensors"));
    const std::string header =
        R"(  {"z":{"data_offsets":[8,12],"shape":[1],"dtype":"I32","extra":1},"a":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}  )";
    std::string data = "AB......";
    data += std::string("\x2a\0\0\0", 4);
    csm::write_file_atomically(path, u64le(header.size()) + header + data);
    const auto file = csm::SafetensorsFile::open(path);
    QVERIFY(file.names() == (std::vector<std::string>{"a", "z"}));
    QCOMPARE(std::string(static_cast<const char*>(file.at("a").data), 2), std::string("AB"));
    int32_t z = 0;
    std::memcpy(&z, file.at("z").data, 4);
    QCOMPARE(z, 42);
  }

  void noTensors() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("none.safetensors"));
    csm::write_safetensors(path, {});
    QCOMPARE(csm::read_file(path), u64le(8) + "{}      ");
    const auto file = csm::SafetensorsFile::open(path);
    QVERIFY(file.names().empty());
  }

  void moveKeepsMapping() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("m.safetensors"));
    const int32_t v[] = {1, 2, 3};
    csm::write_safetensors(path, {{"v", csm::DType::I32, {3}, v, sizeof v}});
    auto a = csm::SafetensorsFile::open(path);
    csm::SafetensorsFile b = std::move(a);
    QCOMPARE(std::memcmp(b.at("v").data, v, sizeof v), 0);
    auto c = csm::SafetensorsFile::open(path);
    c = std::move(b);
    QCOMPARE(std::memcmp(c.at("v").data, v, sizeof v), 0);
  }

  void missingTensor() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("one.safetensors"));
    const int8_t v[] = {1};
    csm::write_safetensors(path, {{"present", csm::DType::I8, {1}, v, 1}});
    const auto file = csm::SafetensorsFile::open(path);
    QVERIFY(!file.contains("absent"));
    const QString msg = error_message<csm::InputError>([&] { file.at("absent"); });
    QCOMPARE(msg, QString::fromStdString(path) + ": no tensor named 'absent'");
  }

  void openErrors() {
    QTemporaryDir dir;
    const std::string missing = str(dir.filePath("missing.safetensors"));
    QString msg = error_message<csm::InputError>([&] { csm::SafetensorsFile::open(missing); });
    QVERIFY2(msg.startsWith(QString::fromStdString(missing) + ": "), qPrintable(msg));
    QVERIFY2(msg.contains("No such file or directory"), qPrintable(msg));

    const std::string directory = str(dir.path());
    msg = error_message<csm::InputError>([&] { csm::SafetensorsFile::open(directory); });
    QVERIFY2(msg.startsWith(QString::fromStdString(directory) + ": "), qPrintable(msg));
    QVERIFY2(msg.contains("is a directory"), qPrintable(msg));
  }

  void badHeader_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected");

    const auto entry = [](const std::string& name, const std::string& dtype, const std::string& shape,
                          const std::string& offsets) {
      return "\"" + name + "\":{\"dtype\":" + dtype + ",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}";
    };

    QTest::newRow("empty file") << QByteArray() << QStringList{"0 bytes", "too short"};
    QTest::newRow("shorter than 8 bytes") << QByteArray("abcde") << QStringList{"5 bytes", "too short"};
    QTest::newRow("header length 0") << QByteArray::fromStdString(u64le(0) + "{}") << QStringList{"header length is 0"};
    QTest::newRow("header length beyond file")
        << QByteArray::fromStdString(u64le(123456789) + std::string(992, ' '))
        << QStringList{"header length 123456789 exceeds the file size 1000", "truncated or not a safetensors file"};
    QTest::newRow("header one byte beyond file")
        << QByteArray::fromStdString(u64le(10) + "{}       ") << QStringList{"header length 10 exceeds the file size 17"};
    QTest::newRow("invalid JSON") << st_file("{\"x\": {", 0) << QStringList{"header is not valid JSON"};
    QTest::newRow("binary garbage") << st_file(std::string("\x01\xff\xfe\x00garbage", 11), 0)
                                    << QStringList{"header is not valid JSON"};
    QTest::newRow("header is an array") << st_file("[1, 2]", 0) << QStringList{"header is not a JSON object"};
    QTest::newRow("entry not an object")
        << st_file(R"({"x": 5})", 0) << QStringList{"tensor 'x'", "is not a JSON object"};
    QTest::newRow("missing dtype") << st_file(R"({"x":{"shape":[1],"data_offsets":[0,4]}})", 4)
                                   << QStringList{"tensor 'x'", "has no \"dtype\""};
    QTest::newRow("missing shape") << st_file(R"({"x":{"dtype":"F32","data_offsets":[0,4]}})", 4)
                                   << QStringList{"tensor 'x'", "has no \"shape\""};
    QTest::newRow("missing data_offsets") << st_file(R"({"x":{"dtype":"F32","shape":[1]}})", 4)
                                          << QStringList{"tensor 'x'", "has no \"data_offsets\""};
    QTest::newRow("dtype not a string") << st_file("{" + entry("x", "4", "[1]", "[0,4]") + "}", 4)
                                        << QStringList{"tensor 'x'", "\"dtype\" that is not a string"};
    QTest::newRow("unknown dtype") << st_file("{" + entry("x", "\"F8_E4M3\"", "[1]", "[0,1]") + "}", 1)
                                   << QStringList{"tensor 'x'", "unknown dtype 'F8_E4M3'", "supported"};
    QTest::newRow("shape not an array") << st_file("{" + entry("x", "\"F32\"", "\"2\"", "[0,8]") + "}", 8)
                                        << QStringList{"tensor 'x'", "\"shape\" that is not an array"};
    QTest::newRow("shape of floats") << st_file("{" + entry("x", "\"F32\"", "[2.5]", "[0,8]") + "}", 8)
                                     << QStringList{"tensor 'x'", "not a list of integers"};
    QTest::newRow("negative dimension") << st_file("{" + entry("x", "\"F32\"", "[2,-3]", "[0,24]") + "}", 24)
                                        << QStringList{"tensor 'x'", "negative dimension -3"};
    QTest::newRow("dimension beyond int64")
        << st_file("{" + entry("x", "\"U8\"", "[18446744073709551615]", "[0,1]") + "}", 1)
        << QStringList{"tensor 'x'", "too large"};
    QTest::newRow("element count overflows")
        << st_file("{" + entry("x", "\"F32\"", "[4294967296,4294967296,4]", "[0,4]") + "}", 4)
        << QStringList{"tensor 'x'", "overflows"};
    QTest::newRow("byte count overflows")
        << st_file("{" + entry("x", "\"F64\"", "[4611686018427387904]", "[0,8]") + "}", 8)
        << QStringList{"tensor 'x'", "overflows"};
    QTest::newRow("data_offsets one number") << st_file("{" + entry("x", "\"F32\"", "[1]", "[4]") + "}", 4)
                                             << QStringList{"tensor 'x'", "not two non-negative integers"};
    QTest::newRow("data_offsets negative") << st_file("{" + entry("x", "\"F32\"", "[1]", "[-4,0]") + "}", 4)
                                           << QStringList{"tensor 'x'", "not two non-negative integers"};
    QTest::newRow("data_offsets strings") << st_file("{" + entry("x", "\"F32\"", "[1]", "[\"0\",\"4\"]") + "}", 4)
                                          << QStringList{"tensor 'x'", "not two non-negative integers"};
    QTest::newRow("begin after end") << st_file("{" + entry("x", "\"F32\"", "[1]", "[8,4]") + "}", 8)
                                     << QStringList{"tensor 'x'", "[8, 4]", "begin is after its end"};
    QTest::newRow("data beyond file")
        << st_file("{" + entry("x", "\"F32\"", "[1250]", "[0,5000]") + "}", 4000)
        << QStringList{"tensor 'x' data ends at byte 5000 but the file has only 4000 data bytes",
                       "truncated download?"};
    QTest::newRow("size mismatch")
        << st_file("{" + entry("x", "\"F32\"", "[2,3]", "[0,20]") + "}", 24)
        << QStringList{"tensor 'x' has shape [2, 3] of F32 = 24 bytes but its data_offsets span 20 bytes"};
    QTest::newRow("overlapping tensors")
        << st_file("{" + entry("b", "\"F32\"", "[2]", "[4,12]") + "," + entry("a", "\"F32\"", "[2]", "[0,8]") + "}", 12)
        << QStringList{"tensors 'a' and 'b' overlap", "[0, 8]", "[4, 12]"};
    QTest::newRow("same offsets twice")
        << st_file("{" + entry("a", "\"U8\"", "[4]", "[0,4]") + "," + entry("b", "\"I32\"", "[1]", "[0,4]") + "}", 4)
        << QStringList{"tensors 'a' and 'b' overlap"};
    QTest::newRow("metadata not an object") << st_file(R"({"__metadata__":"pt"})", 0)
                                            << QStringList{"\"__metadata__\" must be an object"};
    QTest::newRow("metadata value not a string") << st_file(R"({"__metadata__":{"format":"pt","step":10}})", 0)
                                                 << QStringList{"\"__metadata__\" entry 'step'", "not a string"};
  }

  void badHeader() {
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("bad.safetensors"));
    csm::write_file_atomically(path, content.toStdString());
    const QString msg = error_message<csm::InputError>([&] { csm::SafetensorsFile::open(path); });
    QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": "), qPrintable(msg));
    for (const QString& part : expected) QVERIFY2(msg.contains(part), qPrintable(msg + "\n  missing: " + part));
  }

  void headerOverCap() {
    // A sparse file larger than the 100 MiB cap, so the cap (not the file size) is what trips.
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("huge.safetensors"));
    const uint64_t header_len = 100ull * 1024 * 1024 + 8;
    csm::write_file_atomically(path, u64le(header_len) + "{");
    QCOMPARE(::truncate(path.c_str(), static_cast<off_t>(header_len + 64)), 0);
    const QString msg = error_message<csm::InputError>([&] { csm::SafetensorsFile::open(path); });
    QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": "), qPrintable(msg));
    QVERIFY2(msg.contains("header length 104857608 exceeds the 104857600-byte limit"), qPrintable(msg));
  }

  void writerRejectsBadInput() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("out.safetensors"));
    csm::write_file_atomically(path, std::string("previous file"));
    const float v[] = {1, 2, 3, 4, 5, 6};

    QString msg = error_message<csm::WriteError>(
        [&] { csm::write_safetensors(path, {{"w", csm::DType::F32, {2, 3}, v, 20}}); });
    QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": "), qPrintable(msg));
    QVERIFY2(msg.contains("tensor 'w' has shape [2, 3] of F32 = 24 bytes but 20 bytes were given"), qPrintable(msg));

    msg = error_message<csm::WriteError>([&] {
      csm::write_safetensors(path, {{"w", csm::DType::F32, {2}, v, 8}, {"w", csm::DType::F32, {2}, v, 8}});
    });
    QVERIFY2(msg.contains("tensor 'w' appears more than once"), qPrintable(msg));

    msg = error_message<csm::WriteError>(
        [&] { csm::write_safetensors(path, {{"w", csm::DType::F32, {-1}, v, 4}}); });
    QVERIFY2(msg.contains("tensor 'w'") && msg.contains("invalid shape"), qPrintable(msg));

    msg = error_message<csm::WriteError>(
        [&] { csm::write_safetensors(path, {{"__metadata__", csm::DType::F32, {1}, v, 4}}); });
    QVERIFY2(msg.contains("reserved"), qPrintable(msg));

    msg = error_message<csm::WriteError>(
        [&] { csm::write_safetensors(path, {{"w", csm::DType::F32, {1}, nullptr, 4}}); });
    QVERIFY2(msg.contains("tensor 'w' has no data"), qPrintable(msg));

    QCOMPARE(csm::read_file(path), std::string("previous file"));
  }

  void writerFailsIntoMissingDirectory() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("nope/out.safetensors"));
    const float v[] = {1};
    const QString msg = error_message<csm::WriteError>(
        [&] { csm::write_safetensors(path, {{"w", csm::DType::F32, {1}, v, 4}}); });
    QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": cannot write ("), qPrintable(msg));
  }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
