// The voice profile library on disk (see profile_library.h for the layout and guarantees).
//
// Concurrency model: readers never lock; they rely on every file being replaced by rename(2) and
// every profile folder appearing, leaving or being swapped by one rename(2). Writers take an
// exclusive flock(2) on <library>/.lock (released by the kernel if the process dies), so a
// read-modify-write of profile.json is never interleaved with another writer's. Work that may be
// slow (copying weights out of an archive) happens in a staging folder before the lock is taken.
#include "csm/profiles/profile_library.h"
#include <cstdint>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <thread>

#include "csm/atomic_file.h"
#include "csm/errors.h"
#include "csm/profiles/model_identity.h"
#include "tar_archive.h"

namespace fs = std::filesystem;

namespace csm {
namespace {

constexpr const char* kProfileFile = "profile.json";
constexpr const char* kTrashDir = ".trash";
constexpr const char* kStagingDir = ".staging";
constexpr const char* kManifestName = "csm-voice-profile.json";
constexpr const char* kChecksumsName = "SHA256SUMS";
constexpr int kArchiveFormatVersion = 1;

std::string random_hex(int digits) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char* hex = "0123456789abcdef";
  std::string out;
  uint64_t v = rng();
  for (int i = 0; i < digits; ++i, v >>= 4) out += hex[v & 15];
  return out;
}

// "20250131T120000.123456Z": sorts in time order as text, unique enough for trash folder names.
std::string compact_timestamp() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  std::tm tm{};
  gmtime_r(&ts.tv_sec, &tm);
  char buf[48];
  const size_t n = std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%S", &tm);
  std::snprintf(buf + n, sizeof buf - n, ".%06ldZ", static_cast<long>(ts.tv_nsec / 1000));
  return buf;
}

// A profile folder is named by its decimal speaker id, without leading zeros.
std::optional<int> parse_id(const std::string& name) {
  if (name.empty() || name.size() > 6 || (name.size() > 1 && name[0] == '0')) return std::nullopt;
  for (char c : name)
    if (c < '0' || c > '9') return std::nullopt;
  return std::stoi(name);
}

[[noreturn]] void write_fail(const std::string& path, const std::string& what) {
  throw WriteError(path + ": " + what);
}

void make_dirs(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) write_fail(dir.string(), "cannot create the folder (" + ec.message() + ")");
}

void rename_or_fail(const fs::path& from, const fs::path& to) {
  if (::rename(from.c_str(), to.c_str()) != 0)
    write_fail(to.string(), std::string("cannot move ") + from.string() + " here (" + std::strerror(errno) + ")");
}

void sync_dir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Copies a file in 1 MiB chunks through write_file_atomically (fsynced, never half-written).
void copy_file_atomically(const std::string& source, const std::string& target) {
  std::ifstream in(source, std::ios::binary);
  if (!in) throw InputError(source + ": cannot read it (" + std::strerror(errno) + ")");
  std::vector<char> buf(1 << 20);
  write_file_atomically(target, [&](const ChunkWriter& write) {
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      if (in.gcount() > 0) write(buf.data(), static_cast<size_t>(in.gcount()));
    }
    if (!in.eof()) throw InputError(source + ": read error while copying it");
  });
}

// A free name in `dir` for `wanted` ("clip.wav", then "clip-2.wav", ...).
fs::path free_name(const fs::path& dir, const std::string& wanted) {
  const fs::path w(wanted);
  const std::string stem = w.stem().string(), ext = w.extension().string();
  std::error_code ec;
  fs::path candidate = dir / wanted;
  for (int i = 2; fs::exists(candidate, ec); ++i) candidate = dir / (stem + "-" + std::to_string(i) + ext);
  return candidate;
}

// Removes a folder tree when it goes out of scope, unless released (staging folders).
struct RemoveOnExit {
  fs::path dir;
  ~RemoveOnExit() {
    if (dir.empty()) return;
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

bool is_inside(const fs::path& child, const fs::path& parent) {
  const fs::path rel = child.lexically_normal().lexically_relative(parent.lexically_normal());
  return !rel.empty() && *rel.begin() != ".." && rel != ".";
}

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string default_library_path() {
  if (const char* lib = std::getenv("CSM_LIBRARY"); lib && *lib) return lib;
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && xdg[0] == '/')
    return (fs::path(xdg) / "csm-studio" / "voices").string();
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / ".local" / "share" / "csm-studio" / "voices").string();
}

namespace {
// Removes staging folders of processes that no longer exist (killed mid-create or mid-import).
// Called with the library lock held.
void clean_stale_staging(const fs::path& root) {
  std::error_code ec;
  const fs::path staging = root / kStagingDir;
  if (!fs::is_directory(staging, ec)) return;
  for (const auto& e : fs::directory_iterator(staging, ec)) {
    const std::string name = e.path().filename().string();
    const pid_t pid = static_cast<pid_t>(std::atol(name.c_str()));
    if (pid <= 0 || (::kill(pid, 0) != 0 && errno == ESRCH)) fs::remove_all(e.path(), ec);
  }
}
}  // namespace

// Exclusive flock on <library>/.lock. The kernel drops it when the process dies, so a killed
// writer never leaves the library locked.
class ProfileLibrary::Lock {
 public:
  Lock(const std::string& root, std::chrono::milliseconds timeout) {
    make_dirs(root);
    const std::string path = (fs::path(root) / ".lock").string();
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd_ < 0) write_fail(path, std::string("cannot open the library lock (") + std::strerror(errno) + ")");
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto pause = std::chrono::microseconds(200);
    while (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK && errno != EINTR) {
        const int err = errno;
        ::close(fd_);
        write_fail(path, std::string("cannot lock the library (") + std::strerror(err) + ")");
      }
      if (std::chrono::steady_clock::now() >= deadline) {
        ::close(fd_);
        write_fail(root, "the voice library stays locked by another CSM Studio process (the app or a csm command) "
                         "for more than " + (timeout.count() >= 1000 ? std::to_string(timeout.count() / 1000) + " s"
                                                     : std::to_string(timeout.count()) + " ms") +
                         "; let it finish and try again");
      }
      std::this_thread::sleep_for(pause);
      pause = std::min(pause * 2, std::chrono::microseconds(5000));
    }
    // Whoever holds the lock may clear what killed writers left behind.
    clean_stale_staging(root);
  }
  Lock(const Lock&) = delete;
  Lock& operator=(const Lock&) = delete;
  ~Lock() { ::close(fd_); }

 private:
  int fd_ = -1;
};

namespace {

// Removes "<name>.tmp-<pid>-<hex>" files left by atomic writes whose process was killed before the
// rename. Called with the library lock held, on the folders about to be written.
void clean_stale_temp_files(const fs::path& dir) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    const size_t at = name.rfind(".tmp-");
    if (at == std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + at + 5));
    if (pid > 0 && pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove(e.path(), ec);
  }
}

fs::path new_staging_folder(const fs::path& root) {
  const fs::path dir = root / kStagingDir / (std::to_string(::getpid()) + "-" + random_hex(12));
  make_dirs(dir);
  return dir;
}

void write_profile_file(const fs::path& folder, const VoiceProfile& p) {
  write_file_atomically((folder / kProfileFile).string(), profile_to_json(p));
}

// Reads one profile folder; nullopt when the folder vanished meanwhile (deleted by a writer).
std::optional<ProfileEntry> read_entry(const fs::path& folder, int id) {
  ProfileEntry e;
  e.speaker_id = id;
  e.folder = folder.string();
  const fs::path file = folder / kProfileFile;
  std::string text;
  try {
    text = read_file(file.string());
  } catch (const InputError& err) {
    std::error_code ec;
    if (!fs::exists(folder, ec)) return std::nullopt;
    e.problem = fs::exists(file, ec) ? err.what()
                                     : file.string() + ": profile.json is missing; delete this profile or restore the "
                                                       "file from a backup";
    return e;
  }
  try {
    VoiceProfile p = profile_from_json(text, file.string(), &e.stored_schema_version);
    if (p.speaker_id != id)
      throw InputError(file.string() + ": says speaker_id " + std::to_string(p.speaker_id) + " but lies in folder " +
                       std::to_string(id) + "; rename the folder or fix the id");
    validate_profile(p, file.string());
    e.profile = std::move(p);
  } catch (const InputError& err) {
    e.problem = err.what();
  }
  return e;
}

}  // namespace

std::string entries_to_json(const std::vector<ProfileEntry>& entries) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& e : entries) {
    nlohmann::ordered_json item;
    if (e.ok()) {
      item = nlohmann::ordered_json::parse(profile_to_json(*e.profile));
      item["folder"] = e.folder;
      item["status"] = "ok";
    } else {
      item = {{"speaker_id", e.speaker_id}, {"folder", e.folder}, {"status", "broken"}, {"problem", e.problem}};
    }
    out.push_back(item);
  }
  return out.dump(2) + "\n";
}

ProfileLibrary::ProfileLibrary(std::string root) : root_(std::move(root)) {
  if (root_.empty()) throw InputError("voice library: the library path is empty");
}

std::string ProfileLibrary::folder_of(int speaker_id) const {
  return (fs::path(root_) / std::to_string(speaker_id)).string();
}

std::string ProfileLibrary::resolve(int speaker_id, const std::string& path) const {
  if (path.empty() || path[0] == '/') return path;
  return (fs::path(folder_of(speaker_id)) / path).lexically_normal().string();
}

std::vector<ProfileEntry> ProfileLibrary::list() const {
  std::vector<ProfileEntry> out;
  std::error_code ec;
  if (!fs::is_directory(root_, ec)) return out;
  for (const auto& d : fs::directory_iterator(root_, ec)) {
    const auto id = parse_id(d.path().filename().string());
    if (!id || !d.is_directory(ec)) continue;
    if (auto e = read_entry(d.path(), *id)) out.push_back(std::move(*e));
  }
  if (ec) throw InputError(root_ + ": cannot list the voice library (" + ec.message() + ")");
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.speaker_id < b.speaker_id; });
  return out;
}

std::optional<ProfileEntry> ProfileLibrary::find(int speaker_id) const {
  std::error_code ec;
  const fs::path folder = folder_of(speaker_id);
  if (!fs::is_directory(folder, ec)) return std::nullopt;
  return read_entry(folder, speaker_id);
}

VoiceProfile ProfileLibrary::get(int speaker_id) const {
  auto e = find(speaker_id);
  if (!e) {
    for (const auto& t : trash())
      if (t.speaker_id == speaker_id)
        throw InputError(root_ + ": voice profile " + std::to_string(speaker_id) +
                         " is in the trash; bring it back with `csm voice restore " + std::to_string(speaker_id) + "`");
    throw InputError(root_ + ": no voice profile with id " + std::to_string(speaker_id) +
                     " (`csm voice list` shows the ids in use)");
  }
  if (!e->ok()) throw InputError(e->problem);
  return *e->profile;
}

std::vector<TrashEntry> ProfileLibrary::trash() const {
  std::vector<TrashEntry> out;
  std::error_code ec;
  const fs::path dir = fs::path(root_) / kTrashDir;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& d : fs::directory_iterator(dir, ec)) {
    const std::string name = d.path().filename().string();
    const size_t dash = name.find('-');
    const auto id = parse_id(name.substr(0, dash));
    if (!id || dash == std::string::npos || !d.is_directory(ec)) continue;
    TrashEntry t;
    t.speaker_id = *id;
    t.folder = d.path().string();
    const std::string stamp = name.substr(dash + 1, 15);  // YYYYmmddTHHMMSS
    if (stamp.size() == 15)
      t.deleted_at = stamp.substr(0, 4) + "-" + stamp.substr(4, 2) + "-" + stamp.substr(6, 2) + "T" +
                     stamp.substr(9, 2) + ":" + stamp.substr(11, 2) + ":" + stamp.substr(13, 2) + "Z";
    try {
      t.name = profile_from_json(read_file((d.path() / kProfileFile).string()), name).name;
    } catch (const InputError&) {
    }
    out.push_back(t);
  }
  // Newest first: the folder names carry a sortable time stamp after the id.
  const auto stamp_of = [](const TrashEntry& t) {
    const std::string name = fs::path(t.folder).filename().string();
    return name.substr(name.find('-') + 1);
  };
  std::sort(out.begin(), out.end(), [&](const TrashEntry& a, const TrashEntry& b) { return stamp_of(a) > stamp_of(b); });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing

namespace {

// Checks the model and fills in its identity; `folder` resolves a relative model_path.
void check_and_hash_model(VoiceProfile& p, const fs::path& folder) {
  if (p.model_path.empty())
    throw InputError(folder.string() + ": the profile has no model path (--model-path: the fine-tuned CSM model "
                                       "folder or ckpt.pt)");
  const std::string model = p.model_path[0] == '/' ? p.model_path : (folder / p.model_path).string();
  check_csm_checkpoint(model);
  p.model_hash = model_identity(model);
}

void require_consent(const VoiceProfile& p, const std::string& source) {
  const std::string problem = consent_problem(p);
  if (!problem.empty()) throw InputError(source + ": " + problem);
}

}  // namespace

VoiceProfile ProfileLibrary::create(VoiceProfile p, const CreateOptions& options) {
  const fs::path folder = folder_of(p.speaker_id);
  validate_profile(p, folder.string());
  if (!options.consent_audio.empty()) {
    if (!p.consent) p.consent = ConsentRecord{};
    std::error_code ec;
    if (!fs::is_regular_file(options.consent_audio, ec))
      throw InputError(options.consent_audio + ": the consent recording does not exist or is not a file");
  }
  if (p.consent) {
    if (p.consent->given_at.empty()) p.consent->given_at = utc_timestamp();
    if (p.consent->method.empty())
      p.consent->method = options.consent_audio.empty() ? "written statement" : "recorded statement";
  }
  require_consent(p, folder.string());
  if (options.check_model) check_and_hash_model(p, folder);
  p.created_at = p.updated_at = utc_timestamp();

  Lock lock(root_, lock_timeout_);
  std::error_code ec;
  if (fs::exists(folder, ec)) {
    std::string holder;
    if (auto e = find(p.speaker_id)) holder = e->ok() ? " by '" + e->profile->name + "'" : " by a broken profile";
    throw InputError(folder.string() + ": speaker id " + std::to_string(p.speaker_id) + " is already used" + holder +
                     "; pick another id (`csm voice list` shows those in use) or delete that profile first");
  }
  const fs::path staging = new_staging_folder(root_);
  RemoveOnExit cleanup{staging};
  if (!options.consent_audio.empty()) {
    make_dirs(staging / "consent");
    const std::string name = "consent" + fs::path(options.consent_audio).extension().string();
    copy_file_atomically(options.consent_audio, (staging / "consent" / name).string());
    p.consent->audio_file = "consent/" + name;
  }
  write_profile_file(staging, p);
  rename_or_fail(staging, folder);
  cleanup.dir.clear();
  sync_dir(root_);
  return p;
}

VoiceProfile ProfileLibrary::update(int speaker_id, const std::function<void(VoiceProfile&)>& edit) {
  Lock lock(root_, lock_timeout_);
  const VoiceProfile before = get(speaker_id);
  VoiceProfile p = before;
  edit(p);
  const fs::path folder = folder_of(speaker_id);
  if (p.speaker_id != speaker_id)
    throw InputError(folder.string() + ": the speaker id of a profile cannot change; export it and import it with "
                                       "--id NEW, then delete the old one");
  validate_profile(p, folder.string());
  if (p.model_path != before.model_path) check_and_hash_model(p, folder);
  clean_stale_temp_files(folder);
  const bool consent_changed =
      p.kind != before.kind || p.own_voice != before.own_voice || p.consent.has_value() != before.consent.has_value() ||
      (p.consent && (p.consent->person != before.consent->person || p.consent->statement != before.consent->statement));
  if (consent_changed) require_consent(p, folder.string());
  p.updated_at = utc_timestamp();
  write_profile_file(folder, p);
  return p;
}

std::string ProfileLibrary::add_file(int speaker_id, const std::string& source, const std::string& subfolder) {
  std::error_code ec;
  if (!fs::is_regular_file(source, ec)) throw InputError(source + ": no such file");
  if (subfolder.empty() || subfolder.find("..") != std::string::npos || subfolder[0] == '/')
    throw std::invalid_argument("add_file: subfolder must be a plain relative folder name");
  Lock lock(root_, lock_timeout_);
  get(speaker_id);  // exists and reads
  const fs::path dir = fs::path(folder_of(speaker_id)) / subfolder;
  make_dirs(dir);
  clean_stale_temp_files(dir);
  const fs::path target = free_name(dir, fs::path(source).filename().string());
  copy_file_atomically(source, target.string());
  return subfolder + "/" + target.filename().string();
}

VoiceSample ProfileLibrary::add_sample(int speaker_id, const std::string& audio_file, const std::string& text,
                                       bool standard) {
  std::error_code ec;
  if (!fs::is_regular_file(audio_file, ec)) throw InputError(audio_file + ": no such file (the sample to store)");
  Lock lock(root_, lock_timeout_);
  VoiceProfile p = get(speaker_id);
  const fs::path folder = folder_of(speaker_id);
  make_dirs(folder / "samples");
  clean_stale_temp_files(folder);
  clean_stale_temp_files(folder / "samples");
  std::string ext = fs::path(audio_file).extension().string();
  if (ext.empty()) ext = ".wav";
  const fs::path target = free_name(folder / "samples", compact_timestamp() + ext);
  // The audio goes in first: a crash before profile.json is rewritten leaves an unlisted file,
  // never a listed sample without its audio.
  copy_file_atomically(audio_file, target.string());
  VoiceSample s;
  s.file = "samples/" + target.filename().string();
  s.text = text;
  s.created_at = utc_timestamp();
  s.standard = standard;
  p.samples.push_back(s);
  p.updated_at = s.created_at;
  write_profile_file(folder, p);
  return s;
}

void ProfileLibrary::rate_sample(int speaker_id, const std::string& sample_file, int score, const std::string& rater,
                                 const std::string& note) {
  if (score < 1 || score > 5) throw InputError(folder_of(speaker_id) + ": a rating must be 1 to 5, not " + std::to_string(score));
  update(speaker_id, [&](VoiceProfile& p) {
    for (auto& s : p.samples) {
      if (s.file != sample_file) continue;
      s.ratings.push_back(SampleRating{score, rater, utc_timestamp(), note});
      return;
    }
    throw InputError(folder_of(speaker_id) + ": the profile has no sample '" + sample_file + "'");
  });
}

std::string ProfileLibrary::remove(int speaker_id) {
  Lock lock(root_, lock_timeout_);
  const fs::path folder = folder_of(speaker_id);
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw InputError(root_ + ": no voice profile with id " + std::to_string(speaker_id) +
                     " (`csm voice list` shows the ids in use)");
  make_dirs(fs::path(root_) / kTrashDir);
  const fs::path target =
      fs::path(root_) / kTrashDir / (std::to_string(speaker_id) + "-" + compact_timestamp() + "-" + random_hex(4));
  rename_or_fail(folder, target);
  sync_dir(root_);
  return target.string();
}

ProfileEntry ProfileLibrary::restore(int speaker_id) {
  Lock lock(root_, lock_timeout_);
  const fs::path folder = folder_of(speaker_id);
  std::error_code ec;
  if (fs::exists(folder, ec)) {
    auto e = find(speaker_id);
    const std::string holder = e && e->ok() ? " by '" + e->profile->name + "'" : "";
    throw InputError(folder.string() + ": speaker id " + std::to_string(speaker_id) + " is in use" + holder +
                     "; delete that profile first to restore the one in the trash");
  }
  for (const auto& t : trash()) {
    if (t.speaker_id != speaker_id) continue;
    rename_or_fail(t.folder, folder);
    sync_dir(root_);
    auto e = read_entry(folder, speaker_id);
    if (!e) throw InputError(folder.string() + ": vanished right after being restored");
    return *e;
  }
  throw InputError(root_ + ": the trash holds no voice profile with id " + std::to_string(speaker_id));
}

VoiceProfile ProfileLibrary::record_training_run(const TrainingRunRecord& r) {
  // Hash outside the lock: reading models is the slow part.
  check_csm_checkpoint(r.checkpoint_path);
  const std::string checkpoint = fs::absolute(r.checkpoint_path).lexically_normal().string();
  const std::string model_hash = model_identity(checkpoint);
  std::string base_hash;
  if (!r.base_model_path.empty()) base_hash = model_identity(r.base_model_path);

  std::optional<VoiceProfile> existing;
  {
    std::error_code ec;
    if (fs::exists(folder_of(r.speaker_id), ec)) existing = get(r.speaker_id);
  }
  if (existing) {
    return update(r.speaker_id, [&](VoiceProfile& p) {
      p.training = r.details;
      p.model_path = checkpoint;
      if (!base_hash.empty()) p.base_model_hash = base_hash;
      // update() re-hashes a changed model_path; set it here too for an unchanged path with new weights.
      p.model_hash = model_hash;
    });
  }
  VoiceProfile p = r.new_profile;
  p.speaker_id = r.speaker_id;
  p.training = r.details;
  p.model_path = checkpoint;
  p.base_model_hash = base_hash;
  if (p.name.empty()) p.name = "Voice " + std::to_string(r.speaker_id);
  return create(p);
}

// ---------------------------------------------------------------------------------------------
// Archives

uint64_t ProfileLibrary::export_profile(int speaker_id, const std::string& archive_path) const {
  VoiceProfile p = get(speaker_id);
  const fs::path folder = folder_of(speaker_id);
  const std::string model = resolve(speaker_id, p.model_path);
  check_csm_checkpoint(model);
  const bool model_inside = is_inside(model, folder);

  std::vector<std::pair<std::string, std::string>> model_files;  // archive name, source
  if (!model_inside) {
    const bool model_is_dir = fs::is_directory(model);
    for (const auto& f : checkpoint_files(model))
      model_files.emplace_back("profile/model/" + fs::path(f).filename().string(), f);
    p.model_path = model_is_dir ? "model" : "model/" + fs::path(model).filename().string();
  }

  // The profile folder's own files, minus temporaries and (when the model comes from elsewhere) any
  // stale model/ folder.
  std::vector<std::pair<std::string, std::string>> files;
  std::vector<std::string> dirs;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec); it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (ec) break;
    const fs::path rel = it->path().lexically_relative(folder);
    const std::string rel_s = rel.generic_string();
    if (!model_inside && (rel_s == "model" || rel_s.rfind("model/", 0) == 0)) continue;
    if (rel_s.find(".tmp-") != std::string::npos || rel_s == kProfileFile) continue;
    if (it->is_directory(ec)) {
      dirs.push_back("profile/" + rel_s);
    } else if (it->is_regular_file(ec)) {
      files.emplace_back("profile/" + rel_s, it->path().string());
    }
  }
  if (ec) throw InputError(folder.string() + ": cannot read the profile folder (" + ec.message() + ")");
  std::sort(files.begin(), files.end());
  std::sort(dirs.begin(), dirs.end());

  nlohmann::ordered_json manifest = {{"format", "csm-voice-profile"},
                                     {"format_version", kArchiveFormatVersion},
                                     {"speaker_id", p.speaker_id},
                                     {"name", p.name},
                                     {"exported_at", utc_timestamp()},
                                     {"model_path", p.model_path},
                                     {"model_hash", p.model_hash}};
  uint64_t total = 0;
  write_file_atomically(archive_path, [&](const ChunkWriter& write) {
    TarWriter tar(write);
    tar.add_bytes(kManifestName, manifest.dump(2) + "\n");
    tar.add_directory("profile");
    tar.add_bytes("profile/profile.json", profile_to_json(p));
    for (const auto& d : dirs) tar.add_directory(d);
    for (const auto& [name, source] : files) tar.add_file(name, source);
    if (!model_files.empty()) tar.add_directory("profile/model");
    for (const auto& [name, source] : model_files) tar.add_file(name, source);
    tar.add_bytes(kChecksumsName, tar.checksums());
    tar.finish();
    total = tar.bytes_written();
  });
  return total;
}

VoiceProfile ProfileLibrary::import_profile(const std::string& archive_path, bool replace, std::optional<int> new_id) {
  TarReader tar(archive_path);
  TarEntry entry;
  if (!tar.next(entry) || entry.name != kManifestName)
    throw InputError(archive_path + ": not a CSM voice profile archive (it does not start with " + kManifestName +
                     "; make one with `csm voice export`)");
  const std::string manifest_bytes = tar.read_bytes(1 << 20);
  nlohmann::json manifest = nlohmann::json::parse(manifest_bytes, nullptr, false);
  if (!manifest.is_object() || manifest.value("format", "") != "csm-voice-profile")
    throw InputError(archive_path + ": its " + kManifestName + " is not a CSM voice profile manifest");
  if (!manifest.contains("format_version") || !manifest["format_version"].is_number_integer() ||
      manifest["format_version"].get<int>() > kArchiveFormatVersion)
    throw InputError(archive_path + ": made by a newer CSM Studio (archive format " +
                     manifest.value("format_version", nlohmann::json()).dump() + "); update CSM Studio to import it");

  make_dirs(fs::path(root_) / kStagingDir);
  const fs::path staging = new_staging_folder(root_);
  RemoveOnExit cleanup{staging};

  // Every file's checksum is computed while it is extracted and compared with SHA256SUMS at the end.
  std::map<std::string, std::string> sums;
  sums[kManifestName] = sha256_hex(manifest_bytes);
  std::string checksums_text;
  while (tar.next(entry)) {
    if (entry.name == kChecksumsName) {
      checksums_text = tar.read_bytes(16 << 20);
      continue;
    }
    if (entry.name != "profile" && entry.name.rfind("profile/", 0) != 0)
      throw InputError(archive_path + ": unexpected entry '" + entry.name + "' (not part of a voice profile)");
    if (!checksums_text.empty())
      throw InputError(archive_path + ": entries follow " + kChecksumsName + "; the archive was modified");
    const fs::path target = entry.name == "profile" ? staging : staging / entry.name.substr(8);
    if (entry.directory) {
      make_dirs(target);
    } else {
      make_dirs(target.parent_path());
      sums[entry.name] = tar.extract_to(target.string());
    }
  }
  if (checksums_text.empty())
    throw InputError(archive_path + ": has no " + std::string(kChecksumsName) + " (incomplete archive); export it again");
  std::map<std::string, std::string> listed;
  for (size_t pos = 0; pos < checksums_text.size();) {
    size_t end = checksums_text.find('\n', pos);
    if (end == std::string::npos) end = checksums_text.size();
    const std::string line = checksums_text.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    if (line.size() < 67 || line.compare(64, 2, "  ") != 0)
      throw InputError(archive_path + ": " + kChecksumsName + " has a malformed line");
    listed[line.substr(66)] = line.substr(0, 64);
  }
  for (const auto& [name, sum] : sums) {
    auto it = listed.find(name);
    if (it == listed.end())
      throw InputError(archive_path + ": '" + name + "' is not covered by " + kChecksumsName + "; the archive was modified");
    if (it->second != sum)
      throw InputError(archive_path + ": '" + name + "' is damaged (checksum mismatch); export the profile again");
  }
  for (const auto& [name, sum] : listed)
    if (!sums.count(name)) throw InputError(archive_path + ": '" + name + "' is listed but missing from the archive");

  // The profile itself: migrated, validated, consent-checked, model-checked.
  const std::string source = archive_path + ":profile/profile.json";
  std::string text;
  try {
    text = read_file((staging / kProfileFile).string());
  } catch (const InputError&) {
    throw InputError(archive_path + ": holds no profile/profile.json");
  }
  VoiceProfile p = profile_from_json(text, source);
  if (new_id) p.speaker_id = *new_id;
  validate_profile(p, source);
  require_consent(p, source);
  if (!p.model_path.empty() && p.model_path[0] != '/') {
    check_csm_checkpoint((staging / p.model_path).string());
  } else {
    check_and_hash_model(p, staging);
  }
  for (const auto& s : p.samples)
    if (!fs::exists(staging / s.file))
      throw InputError(source + ": lists sample '" + s.file + "' but the archive does not hold it");
  p.updated_at = utc_timestamp();
  write_profile_file(staging, p);

  Lock lock(root_, lock_timeout_);
  const fs::path folder = folder_of(p.speaker_id);
  std::error_code ec;
  if (fs::exists(folder, ec)) {
    if (!replace) {
      auto e = find(p.speaker_id);
      const std::string holder = e && e->ok() ? " ('" + e->profile->name + "')" : "";
      throw InputError(folder.string() + ": speaker id " + std::to_string(p.speaker_id) + " is already in the library" +
                       holder + "; pass --replace to move that one to the trash, or --id N to import under another id");
    }
    make_dirs(fs::path(root_) / kTrashDir);
    const fs::path trash =
        fs::path(root_) / kTrashDir / (std::to_string(p.speaker_id) + "-" + compact_timestamp() + "-" + random_hex(4));
    // Swap the staged profile in with one renameat2(RENAME_EXCHANGE), so the id is never empty;
    // then the old profile (now in the staging path) goes to the trash.
    if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, folder.c_str(), RENAME_EXCHANGE) == 0) {
      cleanup.dir.clear();  // the staging path now holds the old profile: never delete it
      rename_or_fail(staging, trash);
    } else {
      rename_or_fail(folder, trash);
      rename_or_fail(staging, folder);
    }
  } else {
    rename_or_fail(staging, folder);
  }
  cleanup.dir.clear();
  sync_dir(root_);
  return p;
}

}  // namespace csm
