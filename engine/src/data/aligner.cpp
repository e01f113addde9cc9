// Levenshtein alignment of transcript words to recognized words, then time assignment. Costs are
// 0 for a match and 1 for a substitution, insertion or deletion; ties prefer the diagonal so a
// misrecognized word still lends its times to the transcript word in the same place.
#include "csm/data/aligner.h"

#include <algorithm>
#include <cstdint>

namespace csm::data {

TranscriptAlignment align_transcript(const std::string& transcript, const std::vector<Word>& recognized, double duration) {
  TranscriptAlignment out;
  const std::vector<std::string> words = split_words(transcript);
  out.words.resize(words.size());
  out.anchored.assign(words.size(), false);
  std::vector<size_t> idx;  // transcript words that have a normalized form
  std::vector<std::string> tn;
  for (size_t i = 0; i < words.size(); ++i) {
    out.words[i].text = words[i];
    std::string n = normalize_word(words[i]);
    if (!n.empty()) {
      idx.push_back(i);
      tn.push_back(std::move(n));
    }
  }
  std::vector<std::string> hn;
  for (const auto& w : recognized) hn.push_back(normalize_word(w.text));
  const size_t n = tn.size(), m = hn.size();
  // dp[i][j]: cost of aligning the first i transcript words with the first j recognized ones.
  std::vector<uint32_t> dp((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> uint32_t& { return dp[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<uint32_t>(i);
  for (size_t j = 0; j <= m; ++j) at(0, j) = static_cast<uint32_t>(j);
  for (size_t i = 1; i <= n; ++i)
    for (size_t j = 1; j <= m; ++j)
      at(i, j) = std::min({at(i - 1, j - 1) + (tn[i - 1] == hn[j - 1] ? 0u : 1u), at(i - 1, j) + 1, at(i, j - 1) + 1});
  // Backtrace: partner[k] = recognized index for transcript word k (or -1).
  std::vector<long> partner(n, -1);
  size_t i = n, j = m;
  while (i > 0 && j > 0) {
    const uint32_t diag = at(i - 1, j - 1) + (tn[i - 1] == hn[j - 1] ? 0u : 1u);
    if (at(i, j) == diag) {
      partner[i - 1] = static_cast<long>(j - 1);
      --i;
      --j;
    } else if (at(i, j) == at(i - 1, j) + 1) {
      --i;
    } else {
      --j;
    }
  }
  std::vector<bool> timed(words.size(), false);
  for (size_t k = 0; k < n; ++k) {
    if (partner[k] < 0) continue;
    const Word& r = recognized[static_cast<size_t>(partner[k])];
    Word& w = out.words[idx[k]];
    w.start = r.start;
    w.end = r.end;
    timed[idx[k]] = true;
    if (tn[k] == hn[static_cast<size_t>(partner[k])]) {
      out.anchored[idx[k]] = true;
      ++out.matched;
    }
  }
  // Untimed words (missed by the recognizer, or punctuation-only): share the gap between the timed
  // neighbours in proportion to their length in characters.
  size_t k = 0;
  while (k < words.size()) {
    if (timed[k]) {
      ++k;
      continue;
    }
    size_t e = k;
    while (e < words.size() && !timed[e]) ++e;
    const double left = k > 0 ? out.words[k - 1].end : 0.0;
    const double right = e < words.size() ? out.words[e].start : duration;
    double chars = 0.0;
    for (size_t q = k; q < e; ++q) chars += double(words[q].size());
    double t = left;
    const double span = std::max(0.0, right - left);
    for (size_t q = k; q < e; ++q) {
      out.words[q].start = t;
      t += span * double(words[q].size()) / std::max(1.0, chars);
      out.words[q].end = t;
    }
    k = e;
  }
  out.match_rate = n ? double(out.matched) / double(n) : 0.0;
  return out;
}

}  // namespace csm::data
