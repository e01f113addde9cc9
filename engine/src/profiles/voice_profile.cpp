// profile.json reading, writing, migration and validation (plain C++, nlohmann_json).
//
// Schema history (each older layout is migrated step by step on read, never rewritten on disk
// until the profile is next changed):
//   v0  (no "schema_version"; the seed's first prototype): flat {"id", "name", "description",
//       "gender", "age_range", "accent", "model_path", "created_at",
//       "inference_params": {"temperature", "topk"}}
//   v1  {"schema_version": 1, "speaker_id", ..., "model_path", "temperature", "topk",
//       "samples": ["samples/a.wav", ...], "consent_text", "created"}
//   v2  the current layout written by profile_to_json (nested "model", "training", "inference",
//       sample objects with ratings, a "consent" record).
#include "csm/profiles/voice_profile.h"
#include <cstdint>

#include <nlohmann/json.hpp>

#include <cmath>
#include <ctime>
#include <regex>
#include <set>

#include "csm/errors.h"

namespace csm {
namespace {

using json = nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& source, const std::string& what) { throw InputError(source + ": " + what); }

const char* type_name(const json& v) {
  return v.is_null() ? "null" : v.is_boolean() ? "a boolean" : v.is_number() ? "a number"
       : v.is_string() ? "a string" : v.is_array() ? "an array" : "an object";
}

// Typed field readers: a missing optional field keeps the default; a present one of the wrong
// type is an error naming the field.
template <typename T>
void read_field(const json& obj, const char* key, T& out, const std::string& where, const std::string& source) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return;
  const std::string field = where.empty() ? key : where + "." + key;
  if constexpr (std::is_same_v<T, std::string>) {
    if (!it->is_string()) fail(source, "'" + field + "' must be a string, not " + type_name(*it));
    out = it->template get<std::string>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (!it->is_boolean()) fail(source, "'" + field + "' must be true or false, not " + type_name(*it));
    out = it->template get<bool>();
  } else if constexpr (std::is_integral_v<T>) {
    if (!it->is_number_integer()) fail(source, "'" + field + "' must be a whole number, not " + type_name(*it));
    const auto v = it->template get<int64_t>();
    if (v < INT32_MIN || v > INT32_MAX) fail(source, "'" + field + "' is out of range");
    out = static_cast<T>(v);
  } else {
    if (!it->is_number()) fail(source, "'" + field + "' must be a number, not " + type_name(*it));
    out = it->template get<double>();
  }
}

void read_optional_number(const json& obj, const char* key, std::optional<double>& out, const std::string& where,
                          const std::string& source) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return;
  double v = 0;
  read_field(obj, key, v, where, source);
  out = v;
}

const json& object_field(const json& obj, const char* key, const std::string& source) {
  static const json empty = json::object();
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return empty;
  if (!it->is_object()) fail(source, std::string("'") + key + "' must be an object, not " + type_name(*it));
  return *it;
}

const json& array_field(const json& obj, const char* key, const std::string& source) {
  static const json empty = json::array();
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return empty;
  if (!it->is_array()) fail(source, std::string("'") + key + "' must be an array, not " + type_name(*it));
  return *it;
}

// v0 -> v1: "id" became "speaker_id", inference parameters moved to the top, "created_at" -> "created".
json migrate_v0(json root, const std::string& source) {
  if (root.contains("id") && !root.contains("speaker_id")) root["speaker_id"] = root["id"];
  root.erase("id");
  if (root.contains("inference_params")) {
    const json& ip = root["inference_params"];
    if (!ip.is_object()) fail(source, "'inference_params' must be an object, not " + std::string(type_name(ip)));
    if (ip.contains("temperature")) root["temperature"] = ip["temperature"];
    if (ip.contains("topk")) root["topk"] = ip["topk"];
    root.erase("inference_params");
  }
  if (root.contains("created_at")) {
    root["created"] = root["created_at"];
    root.erase("created_at");
  }
  root["schema_version"] = 1;
  return root;
}

// v1 -> v2: nested sections, sample objects, a consent record instead of a bare text.
json migrate_v1(json root, const std::string& source) {
  json model = json::object();
  if (root.contains("model_path")) model["path"] = root["model_path"];
  root.erase("model_path");
  root["model"] = model;

  json inference = json::object();
  for (const char* key : {"temperature", "topk"}) {
    if (root.contains(key)) inference[key] = root[key];
    root.erase(key);
  }
  root["inference"] = inference;

  json samples = json::array();
  for (const auto& s : array_field(root, "samples", source)) {
    if (!s.is_string()) fail(source, "'samples' must list file names (schema 1)");
    samples.push_back({{"file", s}, {"text", ""}});
  }
  root["samples"] = samples;

  if (root.contains("consent_text")) {
    const json text = root["consent_text"];
    root.erase("consent_text");
    if (text.is_string() && !text.get<std::string>().empty())
      root["consent"] = {{"person", root.value("name", std::string())},
                         {"method", "written statement"},
                         {"statement", text}};
  }
  if (root.contains("created")) {
    root["created_at"] = root["created"];
    root.erase("created");
  }
  root["schema_version"] = 2;
  return root;
}

json hyperparameter_value(const std::string& text) {
  try {
    return json::parse(text);
  } catch (const json::parse_error&) {
    return json(text);  // not a JSON literal: keep it as a string
  }
}

bool is_safe_relative(const std::string& path) {
  if (path.empty() || path[0] == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (path.compare(start, end - start, "..") == 0 && end - start == 2) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

double VoiceSample::average_rating() const {
  if (ratings.empty()) return 0;
  double sum = 0;
  for (const auto& r : ratings) sum += r.score;
  return sum / static_cast<double>(ratings.size());
}

const std::vector<std::string>& standard_sample_sentences() {
  // Short, phonetically varied, and free of names or numbers the tokenizer might treat oddly.
  static const std::vector<std::string> sentences{
      "Hello, this is a demonstration of my voice.",
      "The quick brown fox jumps over the lazy dog.",
      "Could you tell me the way to the nearest train station, please?",
      "I can't believe how beautiful the sunset looks tonight!",
      "Please remember to water the plants while I'm away next week.",
  };
  return sentences;
}

std::string utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool is_valid_age_range(const std::string& text) {
  static const std::regex re("^([0-9]{1,3})-([0-9]{1,3})$");
  std::smatch m;
  if (!std::regex_match(text, m, re)) return false;
  const int lo = std::stoi(m[1].str()), hi = std::stoi(m[2].str());
  return lo <= hi && hi <= 130;
}

std::string profile_to_json(const VoiceProfile& p) {
  json root = json::object();
  root["schema_version"] = kProfileSchemaVersion;
  root["speaker_id"] = p.speaker_id;
  root["name"] = p.name;
  root["description"] = p.description;
  root["gender"] = p.gender;
  root["age_range"] = p.age_range;
  root["accent"] = p.accent;
  root["language"] = p.language;
  root["style"] = p.style;
  root["kind"] = p.kind;
  root["own_voice"] = p.own_voice;
  root["model"] = {{"path", p.model_path}, {"hash", p.model_hash}, {"base_hash", p.base_model_hash}};

  json training = json::object();
  training["recipe"] = p.training.recipe;
  json hp = json::object();
  for (const auto& [k, v] : p.training.hyperparameters) hp[k] = hyperparameter_value(v);
  training["hyperparameters"] = hp;
  training["data_minutes"] = p.training.data_minutes;
  training["epochs"] = p.training.epochs;
  training["final_loss"] = p.training.final_loss ? json(*p.training.final_loss) : json(nullptr);
  training["best_loss"] = p.training.best_loss ? json(*p.training.best_loss) : json(nullptr);
  training["started_at"] = p.training.started_at;
  training["finished_at"] = p.training.finished_at;
  training["run_folder"] = p.training.run_folder;
  root["training"] = training;

  json clips = json::array();
  for (const auto& c : p.inference.context_clips)
    clips.push_back({{"file", c.file}, {"text", c.text}, {"speaker_id", c.speaker_id}});
  root["inference"] = {{"temperature", p.inference.temperature},
                       {"topk", p.inference.topk},
                       {"max_audio_length_ms", p.inference.max_audio_length_ms},
                       {"context_clips", clips}};

  json samples = json::array();
  for (const auto& s : p.samples) {
    json ratings = json::array();
    for (const auto& r : s.ratings)
      ratings.push_back({{"score", r.score}, {"rater", r.rater}, {"rated_at", r.rated_at}, {"note", r.note}});
    samples.push_back({{"file", s.file}, {"text", s.text}, {"created_at", s.created_at}, {"standard", s.standard},
                       {"ratings", ratings}});
  }
  root["samples"] = samples;

  if (p.consent) {
    const ConsentRecord& c = *p.consent;
    root["consent"] = {{"person", c.person}, {"given_at", c.given_at}, {"method", c.method},
                       {"statement", c.statement}, {"audio_file", c.audio_file}};
  } else {
    root["consent"] = nullptr;
  }
  root["created_at"] = p.created_at;
  root["updated_at"] = p.updated_at;

  if (!p.extra_json.empty()) {
    json extra = json::parse(p.extra_json, nullptr, false);
    if (extra.is_object())
      for (auto it = extra.begin(); it != extra.end(); ++it)
        if (!root.contains(it.key())) root[it.key()] = it.value();
  }
  return root.dump(2) + "\n";
}

VoiceProfile profile_from_json(const std::string& text, const std::string& source, int* stored_version) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::parse_error& e) {
    fail(source, std::string("not valid JSON (") + e.what() + "); restore it from a backup or delete the profile");
  }
  if (!root.is_object()) fail(source, "expected a JSON object, found " + std::string(type_name(root)));

  int version = 0;
  if (root.contains("schema_version")) {
    read_field(root, "schema_version", version, "", source);
    if (version < 1) fail(source, "schema_version " + std::to_string(version) + " is not a version CSM Studio wrote");
  }
  if (version > kProfileSchemaVersion)
    fail(source, "written by a newer CSM Studio (schema " + std::to_string(version) + "; this one reads up to " +
                     std::to_string(kProfileSchemaVersion) + "); update CSM Studio to use this profile");
  if (stored_version) *stored_version = version;
  if (version == 0) root = migrate_v0(std::move(root), source);
  if (version <= 1) root = migrate_v1(std::move(root), source);

  VoiceProfile p;
  if (!root.contains("speaker_id")) fail(source, "'speaker_id' is missing");
  read_field(root, "speaker_id", p.speaker_id, "", source);
  read_field(root, "name", p.name, "", source);
  read_field(root, "description", p.description, "", source);
  read_field(root, "gender", p.gender, "", source);
  read_field(root, "age_range", p.age_range, "", source);
  read_field(root, "accent", p.accent, "", source);
  read_field(root, "language", p.language, "", source);
  read_field(root, "style", p.style, "", source);
  read_field(root, "kind", p.kind, "", source);
  read_field(root, "own_voice", p.own_voice, "", source);

  const json& model = object_field(root, "model", source);
  read_field(model, "path", p.model_path, "model", source);
  read_field(model, "hash", p.model_hash, "model", source);
  read_field(model, "base_hash", p.base_model_hash, "model", source);

  const json& training = object_field(root, "training", source);
  read_field(training, "recipe", p.training.recipe, "training", source);
  const json& hp = object_field(training, "hyperparameters", source);
  for (auto it = hp.begin(); it != hp.end(); ++it) p.training.hyperparameters[it.key()] = it.value().dump();
  read_field(training, "data_minutes", p.training.data_minutes, "training", source);
  read_field(training, "epochs", p.training.epochs, "training", source);
  read_optional_number(training, "final_loss", p.training.final_loss, "training", source);
  read_optional_number(training, "best_loss", p.training.best_loss, "training", source);
  read_field(training, "started_at", p.training.started_at, "training", source);
  read_field(training, "finished_at", p.training.finished_at, "training", source);
  read_field(training, "run_folder", p.training.run_folder, "training", source);

  const json& inference = object_field(root, "inference", source);
  read_field(inference, "temperature", p.inference.temperature, "inference", source);
  read_field(inference, "topk", p.inference.topk, "inference", source);
  read_field(inference, "max_audio_length_ms", p.inference.max_audio_length_ms, "inference", source);
  for (const auto& c : array_field(inference, "context_clips", source)) {
    if (!c.is_object()) fail(source, "'inference.context_clips' must hold objects");
    ContextClip clip;
    read_field(c, "file", clip.file, "inference.context_clips[]", source);
    read_field(c, "text", clip.text, "inference.context_clips[]", source);
    read_field(c, "speaker_id", clip.speaker_id, "inference.context_clips[]", source);
    p.inference.context_clips.push_back(clip);
  }

  for (const auto& s : array_field(root, "samples", source)) {
    if (!s.is_object()) fail(source, "'samples' must hold objects");
    VoiceSample sample;
    read_field(s, "file", sample.file, "samples[]", source);
    read_field(s, "text", sample.text, "samples[]", source);
    read_field(s, "created_at", sample.created_at, "samples[]", source);
    read_field(s, "standard", sample.standard, "samples[]", source);
    for (const auto& r : array_field(s, "ratings", source)) {
      if (!r.is_object()) fail(source, "'samples[].ratings' must hold objects");
      SampleRating rating;
      read_field(r, "score", rating.score, "samples[].ratings[]", source);
      read_field(r, "rater", rating.rater, "samples[].ratings[]", source);
      read_field(r, "rated_at", rating.rated_at, "samples[].ratings[]", source);
      read_field(r, "note", rating.note, "samples[].ratings[]", source);
      sample.ratings.push_back(rating);
    }
    p.samples.push_back(sample);
  }

  auto consent = root.find("consent");
  if (consent != root.end() && !consent->is_null()) {
    if (!consent->is_object()) fail(source, "'consent' must be an object or null, not " + std::string(type_name(*consent)));
    ConsentRecord c;
    read_field(*consent, "person", c.person, "consent", source);
    read_field(*consent, "given_at", c.given_at, "consent", source);
    read_field(*consent, "method", c.method, "consent", source);
    read_field(*consent, "statement", c.statement, "consent", source);
    read_field(*consent, "audio_file", c.audio_file, "consent", source);
    p.consent = c;
  }
  read_field(root, "created_at", p.created_at, "", source);
  read_field(root, "updated_at", p.updated_at, "", source);

  static const std::set<std::string> known{
      "schema_version", "speaker_id", "name",     "description", "gender",  "age_range",  "accent",
      "language",       "style",      "kind",     "own_voice",   "model",   "training",   "inference",
      "samples",        "consent",    "created_at", "updated_at"};
  json extra = json::object();
  for (auto it = root.begin(); it != root.end(); ++it)
    if (!known.count(it.key())) extra[it.key()] = it.value();
  if (!extra.empty()) p.extra_json = extra.dump();
  return p;
}

void validate_profile(const VoiceProfile& p, const std::string& source) {
  std::vector<std::string> problems;
  if (p.speaker_id < 0 || p.speaker_id > 999999)
    problems.push_back("speaker id " + std::to_string(p.speaker_id) + " is out of range (use 0 to 999999)");
  if (p.name.empty()) problems.push_back("the name is empty (give the voice a name)");
  if (p.name.size() > 200) problems.push_back("the name is longer than 200 characters");
  if (!p.age_range.empty() && !is_valid_age_range(p.age_range))
    problems.push_back("age range '" + p.age_range + "' is not like '30-40' (two whole numbers, low-high, up to 130)");
  static const std::set<std::string> kinds{kKindVoiceAdaptation, kKindStyleTuning, kKindDomainSpecialization, kKindBase};
  if (!kinds.count(p.kind))
    problems.push_back("kind '" + p.kind + "' is unknown (use voice-adaptation, style-tuning, domain-specialization or base)");
  if (!(p.inference.temperature >= 0 && p.inference.temperature <= 5))
    problems.push_back("temperature must be between 0 and 5 (0 = greedy)");
  if (p.inference.topk < 1) problems.push_back("top-k must be at least 1");
  if (p.inference.max_audio_length_ms < 80 || p.inference.max_audio_length_ms > 600000)
    problems.push_back("max audio length must be between 80 ms and 600000 ms");
  if (p.training.data_minutes < 0 || p.training.epochs < 0)
    problems.push_back("training data minutes and epochs cannot be negative");
  for (const auto& s : p.samples) {
    if (!is_safe_relative(s.file))
      problems.push_back("sample file '" + s.file + "' must be a path inside the profile folder");
    for (const auto& r : s.ratings)
      if (r.score < 1 || r.score > 5)
        problems.push_back("rating " + std::to_string(r.score) + " of '" + s.file + "' is not between 1 and 5");
  }
  for (const auto& c : p.inference.context_clips)
    if (!is_safe_relative(c.file))
      problems.push_back("context clip '" + c.file + "' must be a path inside the profile folder");
  if (p.consent && !p.consent->audio_file.empty() && !is_safe_relative(p.consent->audio_file))
    problems.push_back("consent clip '" + p.consent->audio_file + "' must be a path inside the profile folder");
  if (problems.empty()) return;
  std::string message;
  for (size_t i = 0; i < problems.size(); ++i) message += (i ? "; " : "") + problems[i];
  fail(source, message);
}

std::string consent_problem(const VoiceProfile& p) {
  if (p.kind != kKindVoiceAdaptation || p.own_voice) return "";
  if (!p.consent)
    return "a voice-adaptation profile of someone else's voice needs their consent: pass the statement they "
           "agreed to (--consent-text \"...\", optionally --consent-audio CLIP --consent-person NAME), or "
           "--own-voice if it is your own voice";
  if (p.consent->statement.empty()) return "the consent record has no statement (the text the person agreed to)";
  if (p.consent->person.empty()) return "the consent record does not say who consented (--consent-person NAME)";
  return "";
}

}  // namespace csm
