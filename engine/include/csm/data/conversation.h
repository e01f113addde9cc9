// Contextual examples. A single utterance's chunks are examples without context; a conversation
// turn becomes a target with up to `max_context_turns` previous turns (3 to 5) as context, each
// carrying its text and audio. Context stops at a rejected turn (a gap would misplace the
// exchange) and is shortened, oldest first, until the whole example fits `max_frames` model
// positions (Mimi frames plus text tokens, estimated).
#pragma once
#include <vector>

#include "csm/data/dataset.h"

namespace csm::data {

struct ContextParams {
  int max_context_turns = 3;
  int max_frames = 2048;  // the backbone's context length
};

// Segments of excluded split are skipped. Examples take the split of their target. Throws
// std::invalid_argument when max_context_turns is outside 3..5 (0 is allowed: no context).
std::vector<Example> build_examples(const std::vector<Segment>& segments, const ContextParams& params);

// Model positions one segment takes: 12.5 frames per second + about 1.3 tokens per word + 4.
int estimated_positions(const Segment& s);

}  // namespace csm::data
