// Keyed spread-spectrum watermark in STFT magnitudes (see csm/generate/watermark.h for the API).
//
// Design note
// -----------
// Embedding (24 kHz): frames of 1024 samples every 512 (sqrt-Hann analysis and synthesis windows,
// whose squares sum to one), bins 16..271 (375 Hz to 6.35 kHz, 256 bins). Frame t's bins are
// scaled by (1 + a * W[t mod 32][k]), a = strength (0.12), W = ±1 from ChaCha20(key). Only the
// change (a * W * X) is resynthesised and added to the input, so silence stays silence, nothing
// outside the band moves and the framing adds no reconstruction error. ±12 % is ±1 dB per
// 21 ms x 23 Hz tile, about the just-noticeable level difference, and the added signal follows
// the speech's own spectrum (SNR ~22.5 dB), so the speech masks it.
//
// Detection: resample to 24 kHz (libsoxr), analyse with a Hann window at 8 sample shifts
// (0, 64, ..., 448), because a trimmed or re-encoded file starts anywhere within a frame. Per shift:
//  - L[t][k] = ln |X[t][k]|: the multiplicative mark becomes additive (about a W; the overlap of
//    neighbouring frames' changes halves it) and a gain becomes a constant that whitening removes;
//  - frames more than 50 dB below the loud ones, and bins more than 30 dB below their frame's mean
//    bin power (codec holes, noise floor), take no part;
//  - whitening: each tile minus the mean of its frame's ±2 neighbouring bins, then minus the bin's
//    mean over the clip, then clipped at ±1.5 RMS (robust against heavy-tailed host values);
//  - F[q][k] = sum of the whitened tiles over frames t = q (mod 32); z(o) = <W rotated by o, F> / |F|
//    for the 32 cyclic offsets o.
// The verdict takes the largest z over 8 x 32 = 256 hypotheses. For audio without this key's mark,
// F does not depend on the key and W's entries are independent fair signs, so by Hoeffding's
// inequality P(z(o) > t) <= exp(-t^2 / 2) for each hypothesis, whatever the audio (speech, music,
// another key's mark). The threshold t = sqrt(2 ln(256 / 1e-6)) = 6.22 keeps the false-positive
// probability per file below 1e-6. The bound holds for any length: a short clip that scores above
// t is reported as marked; one that does not and has less than kWatermarkMinSeconds of sound is
// reported as undecided rather than unmarked.
//
// Tuning (espeak-ng speech, 10 voices, a = 0.1): whitening over ±3 frames x ±2 bins gave z 7.3 on
// 5 s clips, ±2 bins only 12.6; ±1 sign patterns on groups of bins/frames (more consistent STFT
// changes) scored lower still, because speech's log-spectrum is smooth at that scale.
//
// The key is 256 bits from the OS, stored as hex in a file only the user can read; the pattern is
// ChaCha20(key, nonce "csm-wm-patt1"), so it cannot be predicted (nor the mark subtracted
// precisely) without the key. The fingerprint uses another nonce and is safe to show.
#include "csm/generate/watermark.h"
#include <cstdint>

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <complex>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include "csm/atomic_file.h"
#include "csm/data/resampler.h"
#include "csm/errors.h"
#include "generate/watermark_fft.h"

namespace csm {
namespace {

using watermark_detail::Fft;
using cd = std::complex<double>;

constexpr int kRate = 24000;
constexpr int kFft = 1024;
constexpr int kHop = 512;
constexpr int kBinLo = 16;   // 375 Hz
constexpr int kBins = 256;   // up to bin 271, 6352 Hz: inside the 16 kHz resampler's passband
constexpr int kPeriod = 32;  // frames: 0.68 s
constexpr int kShifts = 8;   // sub-frame analysis shifts, kHop / kShifts samples apart
constexpr double kFalsePositiveBound = 1e-6;
constexpr double kFrameFloorDb = 50.0;  // frames this far below the loud ones are silence
constexpr double kBinFloorDb = 30.0;    // bins this far below their frame's mean are holes
constexpr int kWhitenBins = 2;          // half-width of the local spectral mean
constexpr double kClip = 1.5;           // whitened values are clipped at this many RMS

// --- ChaCha20 (RFC 8439) block function: the keyed pattern and the fingerprint --------------------

uint32_t rotl(uint32_t v, int c) { return (v << c) | (v >> (32 - c)); }

void quarter(uint32_t& a, uint32_t& b, uint32_t& c, uint32_t& d) {
  a += b; d ^= a; d = rotl(d, 16);
  c += d; b ^= c; b = rotl(b, 12);
  a += b; d ^= a; d = rotl(d, 8);
  c += d; b ^= c; b = rotl(b, 7);
}

uint32_t load_le32(const uint8_t* p) {
  return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24;
}

// 64 bytes of keystream for `counter` under `nonce` (12 ASCII bytes).
std::array<uint8_t, 64> chacha20_block(const WatermarkKey& key, uint32_t counter, const char (&nonce)[13]) {
  uint32_t s[16] = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};
  for (int i = 0; i < 8; ++i) s[4 + i] = load_le32(key.bytes.data() + 4 * i);
  s[12] = counter;
  for (int i = 0; i < 3; ++i) s[13 + i] = load_le32(reinterpret_cast<const uint8_t*>(nonce) + 4 * i);
  uint32_t w[16];
  std::memcpy(w, s, sizeof w);
  for (int round = 0; round < 10; ++round) {
    quarter(w[0], w[4], w[8], w[12]);
    quarter(w[1], w[5], w[9], w[13]);
    quarter(w[2], w[6], w[10], w[14]);
    quarter(w[3], w[7], w[11], w[15]);
    quarter(w[0], w[5], w[10], w[15]);
    quarter(w[1], w[6], w[11], w[12]);
    quarter(w[2], w[7], w[8], w[13]);
    quarter(w[3], w[4], w[9], w[14]);
  }
  std::array<uint8_t, 64> out{};
  for (int i = 0; i < 16; ++i) {
    const uint32_t v = w[i] + s[i];
    for (int b = 0; b < 4; ++b) out[4 * i + b] = static_cast<uint8_t>(v >> (8 * b));
  }
  return out;
}

// W[t mod kPeriod][k - kBinLo] in {-1, +1}, row-major [kPeriod, kBins].
std::vector<int8_t> pattern(const WatermarkKey& key) {
  std::vector<int8_t> w(static_cast<size_t>(kPeriod) * kBins);
  uint32_t counter = 0;
  std::array<uint8_t, 64> block{};
  size_t bit = 512;
  for (auto& v : w) {
    if (bit == 512) {
      block = chacha20_block(key, counter++, "csm-wm-patt1");
      bit = 0;
    }
    v = (block[bit / 8] >> (bit % 8)) & 1 ? 1 : -1;
    ++bit;
  }
  return w;
}

// --- STFT helpers --------------------------------------------------------------------------------

std::vector<double> sqrt_hann() {
  const double pi = std::acos(-1.0);
  std::vector<double> w(kFft);
  for (int i = 0; i < kFft; ++i) w[i] = std::sin(pi * i / kFft);  // periodic: w^2 at hop N/2 sums to 1
  return w;
}

std::vector<double> hann() {
  auto w = sqrt_hann();
  for (auto& v : w) v *= v;
  return w;
}

// Windowed frame starting at `start` (may reach outside the signal: zeros there).
std::vector<double> frame_at(const std::vector<float>& x, long start, const std::vector<double>& win) {
  std::vector<double> f(kFft, 0.0);
  const long n = static_cast<long>(x.size());
  for (int i = 0; i < kFft; ++i) {
    const long j = start + i;
    if (j >= 0 && j < n) f[i] = x[static_cast<size_t>(j)] * win[i];
  }
  return f;
}

std::string hex_of(const uint8_t* p, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n; ++i) {
    s.push_back(digits[p[i] >> 4]);
    s.push_back(digits[p[i] & 15]);
  }
  return s;
}

std::string format_score(double v) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(2);
  s << v;
  return s.str();
}

// Best z over the cyclic offsets for one analysis shift; `active_frames` gets the frames used.
double score_for_shift(const std::vector<float>& x, int shift, const std::vector<int8_t>& w, const Fft& fft,
                       const std::vector<double>& win, int* active_frames) {
  const long n = static_cast<long>(x.size());
  const int frames = n >= shift + kFft ? static_cast<int>((n - shift - kFft) / kHop + 1) : 0;
  *active_frames = 0;
  if (frames < 1) return 0.0;
  auto at = [](int t, int k) { return static_cast<size_t>(t) * kBins + k; };

  std::vector<double> logmag(static_cast<size_t>(frames) * kBins);    // [T, K]
  std::vector<uint8_t> valid(static_cast<size_t>(frames) * kBins, 0);  // [T, K]
  std::vector<double> frame_db(static_cast<size_t>(frames));
  std::vector<double> power(kBins);
  for (int t = 0; t < frames; ++t) {
    const auto spec = fft.forward_real(frame_at(x, shift + static_cast<long>(t) * kHop, win));  // [kFft/2 + 1]
    double total = 0.0;
    for (int k = 0; k < kBins; ++k) {
      power[k] = std::norm(spec[kBinLo + k]);
      total += power[k];
    }
    frame_db[t] = 10.0 * std::log10(total + 1e-30);
    const double bin_floor = total / kBins * std::pow(10.0, -kBinFloorDb / 10.0);
    for (int k = 0; k < kBins; ++k) {
      logmag[at(t, k)] = 0.5 * std::log(power[k] + 1e-30);
      valid[at(t, k)] = power[k] > bin_floor ? 1 : 0;
    }
  }
  // Silence: relative to the 95th-percentile frame (robust to a click), plus an absolute floor
  // (-80 dB in these units is far below 16-bit quantisation noise summed over the band).
  std::vector<double> sorted = frame_db;
  std::sort(sorted.begin(), sorted.end());
  const double loud = sorted[static_cast<size_t>(0.95 * (frames - 1))];
  for (int t = 0; t < frames; ++t) {
    if (frame_db[t] >= loud - kFrameFloorDb && frame_db[t] > -80.0)
      ++*active_frames;
    else
      std::fill(valid.begin() + static_cast<long>(at(t, 0)), valid.begin() + static_cast<long>(at(t + 1, 0)), 0);
  }
  if (*active_frames == 0) return 0.0;

  // Whitening, step 1: each tile minus the mean of the valid tiles within ±kWhitenBins in its own
  // frame. This removes the spectral envelope and any gain or slow EQ. Averaging over neighbouring
  // frames as well was tried and scored lower: the speech changes faster from frame to frame than
  // the mark's leakage between frames does.
  std::vector<double> white(logmag.size(), 0.0);  // [T, K]
  std::vector<uint8_t> used(logmag.size(), 0);
  for (int t = 0; t < frames; ++t) {
    for (int k = 0; k < kBins; ++k) {
      if (!valid[at(t, k)]) continue;
      double sum = 0.0;
      int count = 0;
      for (int j = std::max(0, k - kWhitenBins); j <= std::min(kBins - 1, k + kWhitenBins); ++j)
        if (valid[at(t, j)]) {
          sum += logmag[at(t, j)];
          ++count;
        }
      if (count < 2) continue;
      white[at(t, k)] = logmag[at(t, k)] - sum / count;
      used[at(t, k)] = 1;
    }
  }
  // Step 2: minus each bin's mean over the clip, so stationary fine structure (hum, a steady
  // harmonic) does not add up coherently in the fold.
  for (int k = 0; k < kBins; ++k) {
    double sum = 0.0;
    int count = 0;
    for (int t = 0; t < frames; ++t)
      if (used[at(t, k)]) {
        sum += white[at(t, k)];
        ++count;
      }
    if (count == 0) continue;
    for (int t = 0; t < frames; ++t)
      if (used[at(t, k)]) white[at(t, k)] -= sum / count;
  }
  double energy = 0.0;
  long count = 0;
  for (size_t i = 0; i < white.size(); ++i)
    if (used[i]) {
      energy += white[i] * white[i];
      ++count;
    }
  if (count == 0 || energy <= 0.0) return 0.0;
  // Step 3: clip, so a few extreme tiles (clicks, codec holes next to the floor) cannot dominate.
  const double limit = kClip * std::sqrt(energy / count);

  std::vector<double> fold(static_cast<size_t>(kPeriod) * kBins, 0.0);  // [P, K]
  for (int t = 0; t < frames; ++t)
    for (int k = 0; k < kBins; ++k)
      if (used[at(t, k)]) fold[static_cast<size_t>(t % kPeriod) * kBins + k] += std::clamp(white[at(t, k)], -limit, limit);
  double norm = 0.0;
  for (double v : fold) norm += v * v;
  if (norm <= 0.0) return 0.0;
  norm = std::sqrt(norm);

  double best = -1e300;
  for (int o = 0; o < kPeriod; ++o) {  // analysis frame q carries pattern row (q + o) mod P
    double dot = 0.0;
    for (int q = 0; q < kPeriod; ++q) {
      const int8_t* wr = w.data() + static_cast<size_t>((q + o) % kPeriod) * kBins;
      const double* fr = fold.data() + static_cast<size_t>(q) * kBins;
      for (int k = 0; k < kBins; ++k) dot += wr[k] * fr[k];
    }
    best = std::max(best, dot / norm);
  }
  return best;
}

[[noreturn]] void throw_key_write_error(const std::string& path, const std::string& what, int err) {
  throw WriteError(path + ": cannot create the watermark key (" + what + ": " + std::strerror(err) +
                   "); check that the folder is writable, or pass a key file explicitly");
}

}  // namespace

// --- key -----------------------------------------------------------------------------------------

std::string WatermarkKey::hex() const { return hex_of(bytes.data(), bytes.size()); }

WatermarkKey WatermarkKey::from_hex(const std::string& hex) {
  if (hex.size() != 64) throw std::invalid_argument("a watermark key is 64 hex digits, got " + std::to_string(hex.size()) + " characters");
  WatermarkKey k;
  for (size_t i = 0; i < 32; ++i) {
    auto nibble = [&](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      throw std::invalid_argument("a watermark key is 64 hex digits, found '" + std::string(1, c) + "'");
    };
    k.bytes[i] = static_cast<uint8_t>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
  }
  return k;
}

WatermarkKey WatermarkKey::generate() {
  WatermarkKey k;
  size_t got = 0;
  while (got < k.bytes.size()) {
    const ssize_t n = ::getrandom(k.bytes.data() + got, k.bytes.size() - got, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("no OS randomness for the watermark key: ") + std::strerror(errno));
    }
    got += static_cast<size_t>(n);
  }
  return k;
}

std::string WatermarkKey::fingerprint() const {
  const auto block = chacha20_block(*this, 0, "csm-wm-fprt1");
  return hex_of(block.data(), 8);
}

std::string default_watermark_key_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  std::string base;
  if (xdg && *xdg == '/') {
    base = xdg;
  } else {
    const char* home = std::getenv("HOME");
    if (!home || !*home)
      throw InputError("watermark key: neither XDG_CONFIG_HOME nor HOME is set; pass a key file explicitly");
    base = std::string(home) + "/.config";
  }
  return base + "/csm-studio/watermark.key";
}

WatermarkKey load_watermark_key(const std::string& path) {
  const std::string text = read_file(path);  // InputError("<path>: ...") when unreadable
  std::istringstream in(text);
  std::string line, found;
  int lines = 0;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    found = line;
    ++lines;
  }
  if (lines != 1)
    throw InputError(path + ": not a watermark key file (expected one line of 64 hex digits); "
                            "restore it from a backup, or delete it to create a new key (audio marked "
                            "with the old key will then no longer verify)");
  try {
    return WatermarkKey::from_hex(found);
  } catch (const std::invalid_argument& e) {
    throw InputError(path + ": " + e.what() + "; the key file is damaged, restore it from a backup");
  }
}

WatermarkKey load_or_create_installation_key(const std::string& requested_path) {
  const std::string path = requested_path.empty() ? default_watermark_key_path() : requested_path;
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    // Keys from before this check, or copied around, may be readable by others: make them private.
    if ((st.st_mode & 077) != 0) ::chmod(path.c_str(), 0600);
    return load_watermark_key(path);
  }

  // Create the folder (0700 for the ones we make), then write the key to a private temporary
  // file and link(2) it into place: link fails if the key appeared meanwhile, so two processes
  // never end up with different keys, and the key is never visible half-written or world-readable.
  const auto slash = path.find_last_of('/');
  const std::string dir = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  for (size_t pos = 1; pos <= dir.size(); ++pos) {
    if (pos != dir.size() && dir[pos] != '/') continue;
    const std::string part = dir.substr(0, pos);
    if (::mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) throw_key_write_error(path, "mkdir " + part, errno);
  }
  const WatermarkKey key = WatermarkKey::generate();
  const std::string content =
      "# CSM Studio watermark key. Private: whoever has it can mark audio as made here.\n"
      "# Back it up; without it, audio generated here can no longer be verified.\n" +
      key.hex() + "\n";
  // The random fingerprint keeps threads of one process apart; O_EXCL refuses any existing file.
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid()) + "-" + key.fingerprint();
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw_key_write_error(path, "open", errno);
  bool ok = ::fchmod(fd, 0600) == 0;  // umask can only remove bits; this states the intent
  size_t off = 0;
  while (ok && off < content.size()) {
    const ssize_t n = ::write(fd, content.data() + off, content.size() - off);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) off += static_cast<size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!ok) {
    ::unlink(tmp.c_str());
    throw_key_write_error(path, "write", err);
  }
  const int linked = ::link(tmp.c_str(), path.c_str());
  const int link_err = errno;
  ::unlink(tmp.c_str());
  if (linked != 0) {
    if (link_err == EEXIST) return load_watermark_key(path);  // another process won the race
    throw_key_write_error(path, "link", link_err);
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return key;
}

// --- embedding ---------------------------------------------------------------------------------

// Frame t covers samples [t * kHop - kHop, t * kHop + kHop): frames start one hop before the
// signal so every sample lies under two windows. A frame is processed once all its samples have
// arrived (or, at flush, with zeros past the end), so streaming and one-shot marking do the same
// arithmetic in the same order and give identical output.
struct StreamingWatermarker::Impl {
  Impl(const WatermarkKey& key, const WatermarkOptions& o)
      : fft(kFft), win(sqrt_hann()), w(pattern(key)), options(o) {}

  Fft fft;
  std::vector<double> win;
  std::vector<int8_t> w;
  WatermarkOptions options;
  std::vector<float> input;    // samples from absolute index `base` on
  std::vector<double> delta;   // the change to add, same indexing as `input`
  long base = 0;
  long received = 0;
  long emitted = 0;
  long next_frame = 0;

  long frame_start(long t) const { return t * kHop - kHop; }

  void process_frame(long t) {
    const long start = frame_start(t);
    std::vector<double> seg(kFft, 0.0);
    for (int i = 0; i < kFft; ++i) {
      const long j = start + i;
      if (j >= base && j < received) seg[i] = input[static_cast<size_t>(j - base)] * win[i];
    }
    const auto spec = fft.forward_real(seg);  // [kFft/2 + 1]
    const int8_t* row = w.data() + static_cast<size_t>(t % kPeriod) * kBins;
    std::vector<cd> change(spec.size(), cd(0.0, 0.0));  // [kFft/2 + 1]
    for (int k = 0; k < kBins; ++k) change[kBinLo + k] = spec[kBinLo + k] * (options.strength * row[k]);
    const auto d = fft.inverse_real(change);
    for (int i = 0; i < kFft; ++i) {
      const long j = start + i;
      if (j >= base && j < received) delta[static_cast<size_t>(j - base)] += d[i] * win[i];
    }
  }

  // Emits samples [emitted, upto) and forgets what no later frame needs.
  std::vector<float> emit(long upto) {
    std::vector<float> out;
    out.reserve(static_cast<size_t>(std::max(0L, upto - emitted)));
    for (long j = emitted; j < upto; ++j) {
      const size_t i = static_cast<size_t>(j - base);
      out.push_back(static_cast<float>(std::clamp(static_cast<double>(input[i]) + delta[i], -1.0, 1.0)));
    }
    emitted = std::max(emitted, upto);
    const long keep_from = std::min(emitted, std::max(0L, frame_start(next_frame)));
    if (keep_from > base) {
      input.erase(input.begin(), input.begin() + (keep_from - base));
      delta.erase(delta.begin(), delta.begin() + (keep_from - base));
      base = keep_from;
    }
    return out;
  }
};

StreamingWatermarker::StreamingWatermarker(const WatermarkKey& key, const WatermarkOptions& options)
    : impl_(std::make_unique<Impl>(key, options)) {}
StreamingWatermarker::StreamingWatermarker(StreamingWatermarker&&) noexcept = default;
StreamingWatermarker& StreamingWatermarker::operator=(StreamingWatermarker&&) noexcept = default;
StreamingWatermarker::~StreamingWatermarker() = default;

std::vector<float> StreamingWatermarker::push(const std::vector<float>& audio) {
  Impl& m = *impl_;
  m.input.insert(m.input.end(), audio.begin(), audio.end());
  m.delta.resize(m.input.size(), 0.0);
  m.received += static_cast<long>(audio.size());
  while (m.frame_start(m.next_frame) + kFft <= m.received) m.process_frame(m.next_frame++);
  // Samples before the next frame's start get no more changes.
  return m.emit(std::min(m.received, std::max(0L, m.frame_start(m.next_frame))));
}

std::vector<float> StreamingWatermarker::flush() {
  Impl& m = *impl_;
  while (m.frame_start(m.next_frame) < m.received) m.process_frame(m.next_frame++);
  auto out = m.emit(m.received);
  m.input.clear();
  m.delta.clear();
  m.base = m.received = m.emitted = m.next_frame = 0;
  return out;
}

std::vector<float> embed_watermark(const std::vector<float>& audio, const WatermarkKey& key,
                                   const WatermarkOptions& options) {
  StreamingWatermarker m(key, options);
  auto out = m.push(audio);
  auto rest = m.flush();
  out.insert(out.end(), rest.begin(), rest.end());
  return out;
}

// --- detection -----------------------------------------------------------------------------------

WatermarkVerdict detect_watermark(const std::vector<float>& audio, int sample_rate, const WatermarkKey& key) {
  WatermarkVerdict v;
  const double hypotheses = double(kPeriod) * kShifts;
  v.threshold = std::sqrt(2.0 * std::log(hypotheses / kFalsePositiveBound));
  if (sample_rate <= 0) {
    v.detail = "not decided: invalid sample rate " + std::to_string(sample_rate);
    return v;
  }
  std::vector<float> x;
  try {
    x = data::resample(audio, sample_rate, kRate);
  } catch (const std::exception& e) {
    v.detail = std::string("not decided: ") + e.what();
    return v;
  }
  for (float& s : x)
    if (!std::isfinite(s)) s = 0.0f;

  const Fft fft(kFft);
  const auto win = hann();
  const auto w = pattern(key);
  double best = 0.0;
  int active0 = 0;
  bool any = false;
  for (int s = 0; s < kShifts; ++s) {
    int active = 0;
    const double z = score_for_shift(x, s * (kHop / kShifts), w, fft, win, &active);
    if (s == 0) active0 = active;
    if (active > 0 && (!any || z > best)) {
      best = z;
      any = true;
    }
  }
  v.score = best;
  v.seconds_analyzed = double(active0) * kHop / kRate;
  v.present = any && v.score > v.threshold;
  v.conclusive = v.present || v.seconds_analyzed >= kWatermarkMinSeconds;
  const std::string numbers = "score " + format_score(v.score) + ", threshold " + format_score(v.threshold) +
                              ", " + format_score(v.seconds_analyzed) + " s of sound analysed";
  if (v.present)
    v.detail = "watermarked with this key (" + numbers + "; chance of a false alarm below 1e-6)";
  else if (v.conclusive)
    v.detail = "no watermark from this key (" + numbers + ")";
  else
    v.detail = "not decided: too little sound (" + numbers + "; need at least " +
               format_score(kWatermarkMinSeconds) + " s)";
  return v;
}

}  // namespace csm
