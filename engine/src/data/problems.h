// Internal helper for building dataset-doctor problems with one call.
#pragma once
#include <string>

#include "csm/data/dataset_report.h"

namespace csm::data {

inline Problem rejected(std::string file, std::string code, std::string reason, std::string fix) {
  return Problem{std::move(file), std::move(code), Severity::Rejected, std::move(reason), std::move(fix)};
}
inline Problem warning(std::string file, std::string code, std::string reason, std::string fix) {
  return Problem{std::move(file), std::move(code), Severity::Warning, std::move(reason), std::move(fix)};
}

}  // namespace csm::data
