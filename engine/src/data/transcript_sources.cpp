// Transcript source readers: folder pairs, LJSpeech metadata.csv, JSONL manifests (utterances and
// conversations), plus picking up alignment files beside the audio.
#include "csm/data/transcript_sources.h"
#include <cstdint>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "csm/atomic_file.h"
#include "csm/data/word_alignment_files.h"
#include "csm/errors.h"
#include "data/problems.h"

namespace fs = std::filesystem;

namespace csm::data {
namespace {

const std::set<std::string> kAudioExtensions{".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".aiff", ".aif", ".au"};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string safe_id(const std::string& s) {
  std::string out;
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    out.push_back(std::isalnum(u) || c == '-' || c == '_' || c == '.' ? c : '_');
  }
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');
  return out;
}

// Sets the utterance text from raw file/field content, recording missing/empty/non-UTF-8 problems.
void set_text(SourceUtterance& u, const std::string& raw, const std::string& where) {
  u.text_source = where;
  if (!is_valid_utf8(raw)) {
    u.problems.push_back(rejected(where, "non_utf8_transcript", "the transcript is not valid UTF-8 text",
                                  "save it as UTF-8 (e.g. `iconv -f latin1 -t utf-8 in.txt > out.txt`)"));
    return;
  }
  u.text = clean_text(raw);
  if (u.text.empty())
    u.problems.push_back(rejected(where, "empty_transcript", "the transcript is empty",
                                  "write what is said in the recording into it, or remove the recording"));
}

void missing_text(SourceUtterance& u, const std::string& expected) {
  u.problems.push_back(rejected(u.audio_path, "missing_transcript", "no transcript found (expected " + expected + ")",
                                "add the transcript, or remove the recording from the import"));
}

std::string rel_stem(const fs::path& file, const fs::path& root) {
  fs::path rel = fs::relative(file, root);
  rel.replace_extension();
  return rel.generic_string();
}

}  // namespace

bool SourceUtterance::rejected() const {
  return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Severity::Rejected; });
}

SourceList read_audio_text_dirs(const std::string& audio_dir, const std::string& transcript_dir) {
  SourceList out;
  std::error_code ec;
  if (!fs::is_directory(audio_dir, ec))
    throw InputError(audio_dir + ": audio folder not found; pass the folder holding the recordings with --audio-dir");
  const std::string tdir = transcript_dir.empty() ? audio_dir : transcript_dir;
  if (!fs::is_directory(tdir, ec))
    throw InputError(tdir + ": transcript folder not found; pass the folder of .txt files with --transcript-dir");
  std::vector<fs::path> audio;
  std::map<std::string, fs::path> texts;  // relative stem -> path
  for (auto it = fs::recursive_directory_iterator(audio_dir, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file() && kAudioExtensions.count(lower(it->path().extension().string())))
      audio.push_back(it->path());
  }
  for (auto it = fs::recursive_directory_iterator(tdir, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file() && lower(it->path().extension().string()) == ".txt")
      texts[rel_stem(it->path(), tdir)] = it->path();
  }
  std::sort(audio.begin(), audio.end());
  std::set<std::string> used;
  for (const auto& a : audio) {
    SourceUtterance u;
    const std::string stem = rel_stem(a, audio_dir);
    u.id = safe_id(stem);
    u.audio_path = a.string();
    auto t = texts.find(stem);
    if (t == texts.end()) {
      missing_text(u, (fs::path(tdir) / (stem + ".txt")).string());
    } else {
      used.insert(stem);
      std::string raw;
      try {
        raw = read_file(t->second.string());
      } catch (const InputError& e) {
        u.problems.push_back(rejected(t->second.string(), "missing_transcript", e.what(), "make the file readable"));
      }
      set_text(u, raw, t->second.string());
    }
    out.utterances.push_back(std::move(u));
  }
  for (const auto& [stem, path] : texts)
    if (!used.count(stem))
      out.problems.push_back(warning(path.string(), "missing_audio", "transcript without a recording of the same name",
                                     "add the recording or remove the transcript"));
  return out;
}

SourceList read_ljspeech_metadata(const std::string& metadata_csv, const std::string& audio_dir) {
  SourceList out;
  const std::string content = read_file(metadata_csv);
  const fs::path dir = audio_dir.empty() ? fs::path(metadata_csv).parent_path() / "wavs" : fs::path(audio_dir);
  std::istringstream in(content);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (clean_text(line).empty()) continue;
    const std::string where = metadata_csv + ":" + std::to_string(line_no);
    std::vector<std::string> cols;
    std::string cur;
    for (char c : line) {
      if (c == '|') {
        cols.push_back(cur);
        cur.clear();
      } else {
        cur.push_back(c);
      }
    }
    cols.push_back(cur);
    if (cols.size() < 2 || clean_text(cols[0]).empty()) {
      out.problems.push_back(rejected(where, "bad_metadata_line", "expected `id|text[|normalized text]`",
                                      "fix the line, or delete it"));
      continue;
    }
    SourceUtterance u;
    const std::string id = clean_text(cols[0]);
    u.id = safe_id(id);
    u.audio_path = (dir / (id + ".wav")).string();
    const std::string& text = cols.size() >= 3 && !clean_text(cols[2]).empty() ? cols[2] : cols[1];
    set_text(u, text, where);
    out.utterances.push_back(std::move(u));
  }
  return out;
}

namespace {

// One utterance or conversation turn from a manifest object.
SourceUtterance utterance_from_json(const nlohmann::json& o, const fs::path& base, const std::string& where) {
  SourceUtterance u;
  auto str_field = [&](const char* k) {
    return o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : std::string();
  };
  const std::string audio = str_field("audio");
  if (audio.empty())
    throw InputError(where + ": \"audio\" (path of the recording) is missing");
  fs::path ap(audio);
  u.audio_path = (ap.is_absolute() ? ap : base / ap).string();
  u.speaker = o.contains("speaker") && o["speaker"].is_number_integer() ? std::to_string(o["speaker"].get<int64_t>())
                                                                        : str_field("speaker");
  if (o.contains("start") && o["start"].is_number()) u.start = o["start"].get<double>();
  if (o.contains("end") && o["end"].is_number()) u.end = o["end"].get<double>();
  if (u.start >= 0 && u.end >= 0 && u.end <= u.start)
    throw InputError(where + ": \"end\" (" + std::to_string(u.end) + ") is not after \"start\"");
  if (!o.contains("text") || o["text"].is_null()) {
    missing_text(u, "a \"text\" field at " + where);
    u.text_source = where;
  } else if (!o["text"].is_string()) {
    throw InputError(where + ": \"text\" must be a string");
  } else {
    set_text(u, o["text"].get<std::string>(), where);
  }
  if (o.contains("alignment")) {
    u.words = parse_json_words(o["alignment"].dump(), where + " (alignment)");
    u.has_words = true;
    u.alignment_source = where;
  }
  std::string id = str_field("id");
  if (id.empty()) {
    id = fs::path(audio).stem().string();
    if (u.start >= 0) id += "_" + std::to_string(static_cast<long long>(u.start * 1000));
  }
  u.id = safe_id(id);
  return u;
}

}  // namespace

SourceList read_jsonl_manifest(const std::string& manifest) {
  SourceList out;
  const std::string content = read_file(manifest);
  const fs::path base = fs::path(manifest).parent_path();
  std::istringstream in(content);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (clean_text(line).empty()) continue;
    const std::string where = manifest + ":" + std::to_string(line_no);
    if (!is_valid_utf8(line)) {
      out.problems.push_back(rejected(where, "non_utf8_transcript", "the manifest line is not valid UTF-8",
                                      "save the manifest as UTF-8"));
      continue;
    }
    try {
      nlohmann::json o = nlohmann::json::parse(line);
      if (!o.is_object()) throw InputError(where + ": each line must be a JSON object");
      if (o.contains("turns")) {
        if (!o["turns"].is_array() || o["turns"].empty())
          throw InputError(where + ": \"turns\" must be a non-empty list of {speaker, text, audio}");
        std::string conv = o.contains("conversation") && o["conversation"].is_string()
                               ? o["conversation"].get<std::string>()
                               : "conversation" + std::to_string(line_no);
        for (size_t t = 0; t < o["turns"].size(); ++t) {
          const std::string twhere = where + " turn " + std::to_string(t + 1);
          if (!o["turns"][t].is_object()) throw InputError(twhere + ": a turn must be an object");
          SourceUtterance u = utterance_from_json(o["turns"][t], base, twhere);
          u.conversation = safe_id(conv);
          u.turn = static_cast<int>(t);
          char num[32];
          std::snprintf(num, sizeof num, "_t%03zu", t);
          u.id = safe_id(conv) + num;
          out.utterances.push_back(std::move(u));
        }
      } else {
        out.utterances.push_back(utterance_from_json(o, base, where));
      }
    } catch (const nlohmann::json::exception& e) {
      out.problems.push_back(rejected(where, "bad_manifest_line", std::string("not valid JSON: ") + e.what(),
                                      "fix the line (one JSON object per line)"));
    } catch (const InputError& e) {
      out.problems.push_back(rejected(where, "bad_manifest_line", e.what(), "fix the line (see `csm --help`)"));
    }
  }
  return out;
}

void attach_alignment_files(SourceList& sources, const std::string& extra_dir) {
  for (auto& u : sources.utterances) {
    if (u.has_words) continue;
    const fs::path audio(u.audio_path);
    std::vector<fs::path> dirs{audio.parent_path()};
    if (!extra_dir.empty()) dirs.emplace_back(extra_dir);
    const std::string stem = audio.stem().string();
    for (const auto& d : dirs) {
      const fs::path tg = d / (stem + ".TextGrid"), wj = d / (stem + ".words.json"), js = d / (stem + ".json");
      std::error_code ec;
      fs::path found;
      for (const auto& c : {tg, wj, js})
        if (fs::is_regular_file(c, ec)) {
          found = c;
          break;
        }
      if (found.empty()) continue;
      try {
        u.words = found.extension() == ".TextGrid" ? read_textgrid_words(found.string()) : read_json_words(found.string());
        u.has_words = true;
        u.alignment_source = found.string();
      } catch (const InputError& e) {
        u.problems.push_back(warning(found.string(), "bad_alignment", e.what(),
                                     "fix or delete the alignment file; without it, long files are auto-aligned or left out"));
      }
      break;
    }
  }
}

void make_ids_unique(SourceList& sources) {
  std::map<std::string, int> seen;
  for (auto& u : sources.utterances) {
    int& n = seen[u.id];
    if (++n > 1) {
      std::string candidate;
      do {
        candidate = u.id + "-" + std::to_string(n++);
      } while (seen.count(candidate));
      seen[candidate] = 1;
      u.id = candidate;
    }
  }
}

}  // namespace csm::data
