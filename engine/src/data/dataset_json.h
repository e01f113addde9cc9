// JSON forms of Segment and Example (engine-internal; nlohmann stays out of public headers).
#pragma once
#include <nlohmann/json.hpp>

#include "csm/data/dataset.h"

namespace csm::data {

nlohmann::json segment_to_json(const Segment& s);
Segment segment_from_json(const nlohmann::json& j);  // throws nlohmann::json::exception
nlohmann::json example_to_json(const Example& e);
Example example_from_json(const nlohmann::json& j);

}  // namespace csm::data
