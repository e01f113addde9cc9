// Contextual example construction (see conversation.h).
#include "csm/data/conversation.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>

namespace csm::data {

int estimated_positions(const Segment& s) {
  const int words = static_cast<int>(split_words(s.text).size());
  return static_cast<int>(s.duration() * 12.5 + 0.999) + (words * 13 + 9) / 10 + 4;
}

std::vector<Example> build_examples(const std::vector<Segment>& segments, const ContextParams& p) {
  if (p.max_context_turns != 0 && (p.max_context_turns < 3 || p.max_context_turns > 5))
    throw std::invalid_argument("context turns must be between 3 and 5 (got " + std::to_string(p.max_context_turns) + ")");
  // conversation -> turn -> segment indices (chunks in order)
  std::map<std::string, std::map<int, std::vector<size_t>>> conv;
  for (size_t i = 0; i < segments.size(); ++i)
    if (!segments[i].conversation.empty() && segments[i].split != "excluded")
      conv[segments[i].conversation][segments[i].turn].push_back(i);
  for (auto& [c, turns] : conv)
    for (auto& [t, idx] : turns)
      std::sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return segments[a].chunk < segments[b].chunk; });

  std::vector<Example> out;
  for (const Segment& s : segments) {
    if (s.split == "excluded") continue;
    Example e;
    e.id = s.id;
    e.target = s.id;
    e.split = s.split;
    if (!s.conversation.empty() && p.max_context_turns > 0) {
      const auto& turns = conv[s.conversation];
      int budget = p.max_frames - estimated_positions(s);
      std::vector<std::string> ctx;  // newest first while collecting
      for (int t = s.turn - 1; t >= 0 && static_cast<int>(ctx.size()) < p.max_context_turns; --t) {
        auto it = turns.find(t);
        if (it == turns.end()) break;  // a rejected turn: the exchange is broken here
        const Segment& prev = segments[it->second.back()];  // the end of the previous turn
        budget -= estimated_positions(prev);
        if (budget < 0) break;
        ctx.push_back(prev.id);
      }
      e.context.assign(ctx.rbegin(), ctx.rend());
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace csm::data
