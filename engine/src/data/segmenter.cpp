// Greedy left-to-right chunking over the gaps between words. Each chunk end is the gap whose cut
// lies closest to start + chunk_seconds, with a bonus for longer pauses (a 0.3 s pause is worth
// 1.2 s of length deviation), within (start + chunk/2, start + max]. The next chunk starts at the
// gap closest to end - overlap, so neighbours share about `overlap` seconds of audio and words.
#include "csm/data/segmenter.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace csm::data {
namespace {

std::string join_words(const std::vector<Word>& w, size_t a, size_t b) {
  std::string s;
  for (size_t i = a; i <= b && i < w.size(); ++i) {
    if (!s.empty()) s.push_back(' ');
    s += w[i].text;
  }
  return s;
}

}  // namespace

Segmentation segment_utterance(double duration, const std::string& text, const std::vector<Word>& words,
                               const std::vector<bool>& cut_ok, const EnergyProfile* energy, const SegmentParams& p) {
  Segmentation out;
  if (duration <= p.max_seconds) {
    Chunk c{0.0, duration, text, words};
    out.chunks.push_back(std::move(c));
    return out;
  }
  if (words.empty()) {
    out.error = "no word times";
    return out;
  }
  // Candidate cuts: one per gap after word i (i < n-1).
  const size_t n = words.size();
  struct Gap {
    double cut;
    double length;
    bool ok;
  };
  std::vector<Gap> gaps(n > 0 ? n - 1 : 0);
  for (size_t i = 0; i + 1 < n; ++i) {
    const double a = words[i].end, b = std::max(a, words[i + 1].start);
    double cut = 0.5 * (a + b);
    if (energy && b - a > 2 * energy->frame_seconds()) {  // quietest frame inside the gap
      const double fs = energy->frame_seconds();
      size_t f0 = static_cast<size_t>(std::ceil(a / fs)), f1 = static_cast<size_t>(b / fs);
      f1 = std::min(f1, energy->db.size());
      float best = std::numeric_limits<float>::max();
      for (size_t f = f0; f < f1; ++f)
        if (energy->db[f] < best) {
          best = energy->db[f];
          cut = (double(f) + 0.5) * fs;
        }
    }
    gaps[i] = {cut, b - a, cut_ok.empty() || (i < cut_ok.size() && cut_ok[i])};
  }

  double s = 0.0;   // chunk start (seconds)
  size_t a = 0;     // first word of the chunk
  double prev_end = 0.0;
  for (;;) {
    if (duration - s <= p.max_seconds) {
      Chunk c{s, duration, join_words(words, a, n - 1), {}};
      for (size_t i = a; i < n; ++i) c.words.push_back({words[i].text, words[i].start - s, words[i].end - s});
      out.chunks.push_back(std::move(c));
      return out;
    }
    const double target = s + p.chunk_seconds;
    long best = -1;
    double best_cost = std::numeric_limits<double>::max();
    for (size_t i = a; i + 1 < n; ++i) {
      const Gap& g = gaps[i];
      if (!g.ok || g.cut <= prev_end || g.cut <= s) continue;
      if (g.cut > s + p.max_seconds) break;
      if (g.cut < s + 0.5 * p.chunk_seconds) continue;
      const double cost = std::fabs(g.cut - target) - 4.0 * std::min(g.length, 0.3);
      if (cost < best_cost) {
        best_cost = cost;
        best = static_cast<long>(i);
      }
    }
    if (best < 0) {  // no good cut in the window: take the latest usable one, if any
      for (size_t i = a; i + 1 < n; ++i) {
        const Gap& g = gaps[i];
        if (g.cut > s + p.max_seconds) break;
        if (g.ok && g.cut > s && g.cut > prev_end) best = static_cast<long>(i);
      }
    }
    if (best < 0) {
      out.chunks.clear();
      out.error = "no usable pause between words within " + std::to_string(int(p.max_seconds)) + " s after " +
                  std::to_string(int(s)) + " s";
      return out;
    }
    const size_t b = static_cast<size_t>(best);
    const double e = gaps[b].cut;
    Chunk c{s, e, join_words(words, a, b), {}};
    for (size_t i = a; i <= b; ++i) c.words.push_back({words[i].text, words[i].start - s, words[i].end - s});
    out.chunks.push_back(std::move(c));
    prev_end = e;
    // Next start: the trusted gap closest to e - overlap, strictly after the current start.
    double next_s = e;
    size_t next_a = b + 1;
    if (p.overlap_seconds > 0) {
      double best_d = std::numeric_limits<double>::max();
      for (size_t i = a; i < b; ++i) {
        const Gap& g = gaps[i];
        if (!g.ok || g.cut <= s) continue;
        const double d = std::fabs(g.cut - (e - p.overlap_seconds));
        if (d < best_d && g.cut >= e - 1.5 * p.overlap_seconds) {
          best_d = d;
          next_s = g.cut;
          next_a = i + 1;
        }
      }
    }
    s = next_s;
    a = next_a;
  }
}

}  // namespace csm::data
