// Tests for csm::write_file_atomically and csm::read_file: replacement, no leftover temporary
// files, clean failures (missing directory, parent that is a file, read-only directory, file size
// limit, full disk) that leave the old content in place.
#include "csm/atomic_file.h"
#include "csm/errors.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>
#include <string>

namespace {

std::string str(const QString& s) { return s.toStdString(); }

// Every entry of `dir` except . and ..; a leftover "*.tmp-*" shows up here.
QStringList entries(const QString& dir) {
  return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
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

}  // namespace

class TestAtomicFile : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

  void replacesContent() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = str(dir.filePath("out.bin"));
    csm::write_file_atomically(path, std::string("first version"));
    QCOMPARE(csm::read_file(path), std::string("first version"));
    csm::write_file_atomically(path, std::string("second"));
    QCOMPARE(csm::read_file(path), std::string("second"));
    QCOMPARE(entries(dir.path()), QStringList{"out.bin"});
  }

  void writesBinaryAndEmpty() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("bin"));
    const std::string bytes("a\0b\xff\n", 5);
    csm::write_file_atomically(path, bytes);
    QCOMPARE(csm::read_file(path), bytes);
    csm::write_file_atomically(path, std::string());
    QCOMPARE(csm::read_file(path), std::string());
  }

  void relativePath() {
    QTemporaryDir dir;
    const QString old = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    csm::write_file_atomically("rel.txt", std::string("x"));
    QVERIFY(QDir::setCurrent(old));
    QCOMPARE(csm::read_file(str(dir.filePath("rel.txt"))), std::string("x"));
    QCOMPARE(entries(dir.path()), QStringList{"rel.txt"});
  }

  void streamedWrite() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("big.bin"));
    // Mix of small chunks (buffered) and one larger than the 1 MiB buffer (written through).
    std::string big(3 * 1024 * 1024 + 17, '\0');
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>(i * 131 % 251);
    std::string expected;
    csm::write_file_atomically(path, [&](const csm::ChunkWriter& write) {
      for (int i = 0; i < 1000; ++i) {
        const std::string part = std::to_string(i) + ",";
        write(part.data(), part.size());
        expected += part;
      }
      write(big.data(), big.size());
      expected += big;
      write("tail", 4);
      expected += "tail";
      write(nullptr, 0);
    });
    QCOMPARE(csm::read_file(path), expected);
    QCOMPARE(entries(dir.path()), QStringList{"big.bin"});
  }

  void tempFileNamedBesideTarget() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("model.safetensors"));
    QStringList during;
    csm::write_file_atomically(path, [&](const csm::ChunkWriter& write) {
      write("abc", 3);
      during = entries(dir.path());
    });
    QCOMPARE(during.size(), 1);
    const QString prefix = QStringLiteral("model.safetensors.tmp-%1-").arg(::getpid());
    QVERIFY2(during.first().startsWith(prefix), qPrintable(during.first()));
    QCOMPARE(entries(dir.path()), QStringList{"model.safetensors"});
  }

  void keepsPermissionsOfReplacedFile() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("private.txt"));
    csm::write_file_atomically(path, std::string("a"));
    QCOMPARE(::chmod(path.c_str(), 0600), 0);
    csm::write_file_atomically(path, std::string("b"));
    struct stat st;
    QCOMPARE(::stat(path.c_str(), &st), 0);
    QCOMPARE(st.st_mode & 0777, 0600u);
  }

  void producerExceptionKeepsOldContent() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("keep.txt"));
    csm::write_file_atomically(path, std::string("old content"));
    bool thrown = false;
    try {
      csm::write_file_atomically(path, [&](const csm::ChunkWriter& write) {
        write("partial", 7);
        throw std::runtime_error("producer failed");
      });
    } catch (const std::runtime_error& e) {
      thrown = std::string(e.what()) == "producer failed";
    }
    QVERIFY(thrown);
    QCOMPARE(csm::read_file(path), std::string("old content"));
    QCOMPARE(entries(dir.path()), QStringList{"keep.txt"});
  }

  void failsIntoMissingDirectory() {
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("missing/sub/out.txt"));
    const QString msg = error_message<csm::WriteError>([&] { csm::write_file_atomically(path, std::string("x")); });
    QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": cannot write ("), qPrintable(msg));
    QVERIFY2(msg.contains("No such file or directory"), qPrintable(msg));
    QCOMPARE(entries(dir.path()), QStringList{});
  }

  void failsWhenParentIsAFile() {
    // Works as root too, unlike a chmod-based read-only directory.
    QTemporaryDir dir;
    const std::string plain = str(dir.filePath("plain"));
    csm::write_file_atomically(plain, std::string("I am a file"));
    const std::string path = plain + "/out.txt";
    const QString msg = error_message<csm::WriteError>([&] { csm::write_file_atomically(path, std::string("x")); });
    QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": cannot write ("), qPrintable(msg));
    QVERIFY2(msg.contains("Not a directory"), qPrintable(msg));
    QCOMPARE(csm::read_file(plain), std::string("I am a file"));
    QCOMPARE(entries(dir.path()), QStringList{"plain"});
  }

  void failsIntoReadOnlyDirectory() {
    if (::geteuid() == 0) QSKIP("running as root: permission bits do not stop root from writing");
    QTemporaryDir dir;
    const QString sub = dir.filePath("ro");
    QVERIFY(QDir().mkdir(sub));
    const std::string path = str(sub + "/out.txt");
    csm::write_file_atomically(path, std::string("old"));
    QCOMPARE(::chmod(str(sub).c_str(), 0555), 0);
    const QString msg = error_message<csm::WriteError>([&] { csm::write_file_atomically(path, std::string("new")); });
    ::chmod(str(sub).c_str(), 0755);
    QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": cannot write ("), qPrintable(msg));
    QVERIFY2(msg.contains("Permission denied"), qPrintable(msg));
    QCOMPARE(csm::read_file(path), std::string("old"));
  }

  void failsPastFileSizeLimit() {
    // RLIMIT_FSIZE makes write(2) fail part-way (EFBIG), exercising the mid-write failure path
    // without needing a full disk.
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("limited.bin"));
    csm::write_file_atomically(path, std::string("old"));
    struct rlimit old_limit;
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old_limit), 0);
    auto* old_handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old_limit;
    small.rlim_cur = 64 * 1024;
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const QString msg = error_message<csm::WriteError>(
        [&] { csm::write_file_atomically(path, std::string(1024 * 1024, 'x')); });
    ::setrlimit(RLIMIT_FSIZE, &old_limit);
    std::signal(SIGXFSZ, old_handler);
    QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": cannot write ("), qPrintable(msg));
    QVERIFY2(msg.contains("File too large"), qPrintable(msg));
    QCOMPARE(csm::read_file(path), std::string("old"));
    QCOMPARE(entries(dir.path()), QStringList{"limited.bin"});
  }

  void failsOnFullDisk() {
    // A real ENOSPC needs a small filesystem; a 64 KiB tmpfs works where mount(2) is permitted
    // (root outside a locked-down container). Elsewhere this case is skipped.
    QTemporaryDir dir;
    const QString mnt = dir.filePath("small");
    QVERIFY(QDir().mkdir(mnt));
    if (::mount("tmpfs", str(mnt).c_str(), "tmpfs", 0, "size=64k") != 0)
      QSKIP("cannot mount a small tmpfs here (needs root and mount permission); full-disk case not run");
    struct Unmount {
      std::string path;
      ~Unmount() { ::umount(path.c_str()); }
    } unmount{str(mnt)};

    const std::string path = str(mnt + "/model.bin");
    csm::write_file_atomically(path, std::string("old weights"));
    const QString msg = error_message<csm::WriteError>([&] {
      csm::write_file_atomically(path, [](const csm::ChunkWriter& write) {
        const std::string chunk(256 * 1024, 'w');
        for (int i = 0; i < 8; ++i) write(chunk.data(), chunk.size());
      });
    });
    QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": cannot write ("), qPrintable(msg));
    QVERIFY2(msg.contains("No space left on device"), qPrintable(msg));
    QCOMPARE(csm::read_file(path), std::string("old weights"));
    QCOMPARE(entries(mnt), QStringList{"model.bin"});
  }

  void readFileErrors() {
    QTemporaryDir dir;
    const std::string missing = str(dir.filePath("nope.txt"));
    QString msg = error_message<csm::InputError>([&] { csm::read_file(missing); });
    QVERIFY2(msg.startsWith(QString::fromStdString(missing) + ": "), qPrintable(msg));
    QVERIFY2(msg.contains("No such file or directory"), qPrintable(msg));

    const std::string directory = str(dir.path());
    msg = error_message<csm::InputError>([&] { csm::read_file(directory); });
    QVERIFY2(msg.startsWith(QString::fromStdString(directory) + ": "), qPrintable(msg));
    QVERIFY2(msg.contains("is a directory"), qPrintable(msg));
  }

  void readFileUnreadable() {
    if (::geteuid() == 0) QSKIP("running as root: permission bits do not stop root from reading");
    QTemporaryDir dir;
    const std::string path = str(dir.filePath("secret.txt"));
    csm::write_file_atomically(path, std::string("s"));
    QCOMPARE(::chmod(path.c_str(), 0), 0);
    const QString msg = error_message<csm::InputError>([&] { csm::read_file(path); });
    QVERIFY2(msg.startsWith(QString::fromStdString(path) + ": "), qPrintable(msg));
    QVERIFY2(msg.contains("Permission denied"), qPrintable(msg));
  }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
