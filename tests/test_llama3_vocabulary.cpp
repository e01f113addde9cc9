// csm::TextTokenizer on the real Llama-3 vocabulary (128k tokens, 280k merges) against an
// independent implementation, the npm package llama3-tokenizer-js (tests/node/). The package's
// vocabulary and merges are exported as a Llama-3-layout tokenizer.json, loaded with our tokenizer,
// and both encode the same corpus. Skips when node or tests/node/node_modules is missing
// (`npm ci --prefix tests/node` installs the latter).
#include "csm/errors.h"
#include "csm/text_tokenizer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <string>
#include <vector>

namespace {

using Ids = std::vector<int32_t>;

struct Sample {
  const char* name;
  std::string text;
};

// Everything the Llama-3 split regex treats differently, plus CSM's speaker prompts. No U+0085
// or U+FEFF: JavaScript's \s differs there from the `tokenizers` library's (and PCRE2's), and we
// follow `tokenizers`.
std::vector<Sample> corpus() {
  return {
      {"words", "Hello world"},
      {"CSM speaker prompt", "[0]Hello from Sesame."},
      {"CSM speaker 12", "[12]Well... I don't know, do you?"},
      {"contractions", "It's what they'd've said, isn't it? I'M SURE THEY'LL, YOU'RE, WE'VE, HE'D, o'clock"},
      {"digits", "Pi is 3.14159265358979 and 1234567890 or 12,345,678.90; call 007 at 5:30pm in 2024"},
      {"spaces and newlines", "a  b   c    d\n\n\ne\r\n\r\nf \n g\t\th \t\n i   "},
      {"leading and trailing spaces", "  leading and trailing  "},
      {"only whitespace", " \n\t \r\n  "},
      {"emoji",
       "I love it \xF0\x9F\x98\x80\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD\xF0\x9F\x8E\x89!! "
       "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7 family"},
      {"CJK",
       "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE3\x83\x86\xE3\x82\xAD\xE3\x82\xB9\xE3\x83\x88\xE3\x80\x81"
       "\xE4\xB8\xAD\xE6\x96\x87\xE6\x96\x87\xE6\x9C\xAC\xE3\x80\x82 \xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4"},
      {"accented Latin",
       "Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9\x65, na\xC3\xAFve fa\xC3\xA7\x61\x64\x65, "
       "\xC3\x85ngstr\xC3\xB6m, \xC3\x9E\xC3\xB3rr, \xC5\x81\xC3\xB3\x64\xC5\xBA"},
      {"combining accent", "e\xCC\x81 vs \xC3\xA9"},
      {"other scripts",
       "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82, \xD0\xBC\xD0\xB8\xD1\x80! "
       "\xCE\x93\xCE\xB5\xCE\xB9\xCE\xAC \xCF\x83\xCE\xBF\xCF\x85! "
       "\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 "
       "\xE0\xA4\xA8\xE0\xA4\xAE\xE0\xA4\xB8\xE0\xA5\x8D\xE0\xA4\xA4\xE0\xA5\x87"},
      {"no-break and ideographic spaces",
       "a\xC2\xA0"
       "b\xE3\x80\x80"
       "c \xC2\xA0 d"},
      {"special tokens",
       "<|begin_of_text|>Hi<|eot_id|> <|start_header_id|>user<|end_header_id|>\n\nx<|reserved_special_token_5|>"},
      {"special token look-alikes", "<|not_a_token|> <|eot_id <eot_id|>"},
      {"code and punctuation", "def f(x):\n    return x**2 // 3  # {}[]()<>!?@$%^&*_+=~`|\\;:'\",./"},
      // Whole pre-tokens in the vocabulary that BPE merging alone would split (ignore_merges).
      {"ignore_merges words",
       " Vi\xE1\xBB\x87t nhi\xE1\xBB\x81u vi\xE1\xBB\x87"
       "c, \xC4\x91i\xE1\xBB\x81u ngo\xC3\xA0i h\xE1\xBB\xA3p bi\xE1\xBB\x87t nhi\xE1\xBB\x87m; "
       "\xD8\xA7\xDB\x8C\xD8\xB1\xD8\xA7\xD9\x86 \xD0\xB2\xD0\xB8\xD0\xBA\xD0\xBE\xD1\x80\xD0\xB8\xD1\x81\xD1\x82 "
       "jeho"},
      {"empty", ""},
      {"long runs", std::string(3000, 'a') + " " + std::string(2000, '7') + std::string(1000, ' ') + "end" +
                        std::string(500, '\n') + std::string(400, '!')},
      {"paragraph",
       "The quick brown fox jumps over the lazy dog. Meanwhile, at 3:45 a.m., Dr. O'Neil's "
       "lab recorded 1,024 samples (about 12.5% more than expected) -- a \"remarkable\" result!\n\n"
       "Next steps:\n\t1) re-run;\n\t2) publish."},
  };
}

Ids toIds(const QJsonArray& array) {
  Ids ids;
  for (const auto& value : array) ids.push_back(value.toInt());
  return ids;
}

}  // namespace

Q_DECLARE_METATYPE(std::string)

namespace QTest {
template <>
char* toString(const Ids& ids) {
  QByteArray text = "[";
  for (size_t i = 0; i < ids.size(); ++i) text += (i ? ", " : "") + QByteArray::number(ids[i]);
  return qstrdup(text + "]");
}
}  // namespace QTest

class TestLlama3Vocabulary : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (m_node.isEmpty())
      QSKIP("node is not on PATH: install Node.js (18 or newer) to compare with llama3-tokenizer-js");
    if (!QFile::exists(m_nodeDir.filePath(QStringLiteral("node_modules/llama3-tokenizer-js/package.json")))) {
      QSKIP("tests/node/node_modules is missing: run `npm ci --prefix tests/node`");
    }
    QVERIFY(m_workDir.isValid());

    const QString tokenizerPath = m_workDir.filePath(QStringLiteral("tokenizer.json"));
    QVERIFY(runNode({QStringLiteral("export_llama3_tokenizer.js"), tokenizerPath}));
    try {
      m_tokenizer = std::make_unique<csm::TextTokenizer>(csm::TextTokenizer::from_file(tokenizerPath.toStdString()));
    } catch (const csm::InputError& e) {
      QFAIL(e.what());
    }

    QJsonArray texts;
    for (const auto& sample : corpus()) texts.append(QString::fromStdString(sample.text));
    const QString corpusPath = m_workDir.filePath(QStringLiteral("corpus.json"));
    QFile corpusFile(corpusPath);
    QVERIFY(corpusFile.open(QIODevice::WriteOnly));
    corpusFile.write(QJsonDocument(texts).toJson());
    corpusFile.close();
    QByteArray output;
    QVERIFY(runNode({QStringLiteral("encode_llama3.js"), corpusPath}, &output));
    const QJsonObject reference = QJsonDocument::fromJson(output).object();
    m_referenceIds = reference.value(QStringLiteral("ids")).toArray();
    m_referenceIdsRaw = reference.value(QStringLiteral("ids_raw")).toArray();
    QCOMPARE(m_referenceIds.size(), texts.size());
    QCOMPARE(m_referenceIdsRaw.size(), texts.size());
  }

  void vocabularyShape() {
    QCOMPARE(m_tokenizer->vocab_size(), 128256);
    QCOMPARE(m_tokenizer->bos_id(), 128000);
    QCOMPARE(m_tokenizer->eos_id(), -1);  // Llama-3's own template adds BOS only
    QCOMPARE(m_tokenizer->token_to_id("<|end_of_text|>"), 128001);
    QCOMPARE(m_tokenizer->token_to_id("<|eot_id|>"), 128009);
    QCOMPARE(m_tokenizer->encode_raw("Hello world"), (Ids{9906, 1917}));  // as published for Llama 3
  }

  // Each token's text is one pre-token in the vocabulary, so with ignore_merges it must come back
  // as that single id. Tokens holding part of a UTF-8 character cannot be written as text.
  void everyTokenEncodesToItself() {
    int checked = 0;
    for (int32_t id = 0; id < 128000; ++id) {
      const std::string text = m_tokenizer->decode({id});
      if (text.find("\xEF\xBF\xBD") != std::string::npos) continue;  // U+FFFD: a partial character
      const Ids ids = m_tokenizer->encode_raw(text);
      if (ids != Ids{id})
        QFAIL(qPrintable(QStringLiteral("token %1 (\"%2\") encodes to %3 ids")
                             .arg(id)
                             .arg(QString::fromStdString(text))
                             .arg(ids.size())));
      ++checked;
    }
    QVERIFY2(checked > 120000, qPrintable(QString::number(checked)));
  }

  void sameIdsAsReference_data() {
    QTest::addColumn<std::string>("text");
    QTest::addColumn<Ids>("ids");
    QTest::addColumn<Ids>("idsRaw");
    const auto samples = corpus();
    for (size_t i = 0; i < samples.size(); ++i) {
      const int index = static_cast<int>(i);
      QTest::newRow(samples[i].name) << samples[i].text << toIds(m_referenceIds[index].toArray())
                                     << toIds(m_referenceIdsRaw[index].toArray());
    }
  }

  void sameIdsAsReference() {
    QFETCH(std::string, text);
    QFETCH(Ids, ids);
    QFETCH(Ids, idsRaw);
    QCOMPARE(m_tokenizer->encode_raw(text), idsRaw);
    QCOMPARE(m_tokenizer->encode(text), ids);
    QCOMPARE(m_tokenizer->decode(idsRaw), text);
  }

 private:
  // Runs a script of tests/node, keeping its standard output; false (with node's errors logged) on failure.
  bool runNode(const QStringList& arguments, QByteArray* output = nullptr) {
    QProcess process;
    process.setWorkingDirectory(m_nodeDir.path());
    process.start(m_node, arguments);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
      qWarning("node %s failed: %s", qPrintable(arguments.join(QLatin1Char(' '))),
               process.readAllStandardError().constData());
      return false;
    }
    if (output) *output = process.readAllStandardOutput();
    return true;
  }

  QString m_node;
  QDir m_nodeDir{QStringLiteral(CSM_TESTS_DIR "/node")};
  QTemporaryDir m_workDir;
  std::unique_ptr<csm::TextTokenizer> m_tokenizer;
  QJsonArray m_referenceIds;
  QJsonArray m_referenceIdsRaw;
};

QTEST_GUILESS_MAIN(TestLlama3Vocabulary)
#include "test_llama3_vocabulary.moc"
