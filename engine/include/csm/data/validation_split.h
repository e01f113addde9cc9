// Train/validation split. Deterministic from utterance ids (xxh64 order, no RNG), stratified per
// speaker (each speaker gives about `share` of its audio to validation), and leak-free: all chunks
// of one recording, and all turns of one conversation, land on the same side. A speaker with a
// single long recording gets the tail of it as validation, and the training chunk that would
// overlap the validation audio is dropped (split "excluded").
#pragma once
#include <vector>

#include "csm/data/dataset.h"

namespace csm::data {

// `share` in [0.10, 0.20] (std::invalid_argument otherwise). Sets Segment::split for all segments.
void assign_splits(std::vector<Segment>& segments, double share);

}  // namespace csm::data
