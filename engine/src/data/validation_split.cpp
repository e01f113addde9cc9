// Speaker-stratified, deterministic, leak-free validation split (see validation_split.h).
#include "csm/data/validation_split.h"
#include <cstdint>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

#include "data/hash.h"

namespace csm::data {
namespace {

struct Group {
  std::string key;
  uint64_t order = 0;
  double seconds = 0.0;
  std::vector<size_t> members;  // segment indices
  bool conversation = false;
};

}  // namespace

void assign_splits(std::vector<Segment>& segments, double share) {
  if (!(share >= 0.10 - 1e-9 && share <= 0.20 + 1e-9))
    throw std::invalid_argument("the validation share must be between 0.10 and 0.20 (got " + std::to_string(share) + ")");
  std::map<std::string, Group> groups;
  for (size_t i = 0; i < segments.size(); ++i) {
    Segment& s = segments[i];
    s.split = "train";
    const bool conv = !s.conversation.empty();
    const std::string key = conv ? "conversation:" + s.conversation : "utterance:" + s.utterance;
    Group& g = groups[key];
    g.key = key;
    g.conversation = conv;
    g.members.push_back(i);
  }
  // Each group belongs to the speaker with the most audio in it. Overlapping chunks count once
  // per chunk here; that only scales all of a speaker's groups alike.
  std::map<std::string, std::vector<Group*>> by_speaker;
  for (auto& [key, g] : groups) {
    g.order = xxh64(key);
    std::map<std::string, double> per;
    for (size_t i : g.members) {
      per[segments[i].speaker] += segments[i].duration();
      g.seconds += segments[i].duration();
    }
    auto top = std::max_element(per.begin(), per.end(), [](auto& a, auto& b) { return a.second < b.second; });
    by_speaker[top->first].push_back(&g);
  }
  for (auto& [speaker, gs] : by_speaker) {
    std::sort(gs.begin(), gs.end(), [](const Group* a, const Group* b) { return a->order < b->order || (a->order == b->order && a->key < b->key); });
    double total = 0.0;
    for (const Group* g : gs) total += g->seconds;
    const double target = share * total;
    double val = 0.0;
    size_t val_groups = 0;
    for (Group* g : gs) {
      if (val >= target || val_groups + 1 >= gs.size()) break;
      const bool fits = val + g->seconds <= 1.5 * target || (val == 0.0 && g->seconds <= 0.5 * total);
      if (!fits) continue;
      for (size_t i : g->members) segments[i].split = "validation";
      val += g->seconds;
      ++val_groups;
    }
    if (val_groups > 0) continue;
    // One long recording (or only big ones): validate on the tail of the longest chunked one.
    Group* longest = nullptr;
    for (Group* g : gs)
      if (!g->conversation && g->members.size() >= 3 && (!longest || g->seconds > longest->seconds)) longest = g;
    if (!longest) continue;
    std::vector<size_t> m = longest->members;
    std::sort(m.begin(), m.end(), [&](size_t x, size_t y) { return segments[x].start < segments[y].start; });
    const size_t k = std::max<size_t>(1, static_cast<size_t>(share * double(m.size()) + 0.5));
    const double boundary = segments[m[m.size() - k]].start;
    for (size_t q = m.size() - k; q < m.size(); ++q) segments[m[q]].split = "validation";
    for (size_t q = 0; q + k < m.size(); ++q)
      if (segments[m[q]].end > boundary) segments[m[q]].split = "excluded";
  }
}

}  // namespace csm::data
