// Inaudible, keyed watermark for generated speech, and its detector.
//
//   csm::WatermarkKey key = csm::load_or_create_installation_key();   // ~/.config/csm-studio/watermark.key
//   std::vector<float> marked = csm::embed_watermark(audio_24k, key);
//   csm::StreamingWatermarker m(key);  out = m.push(chunk) ...; out += m.flush();   // same result
//   csm::WatermarkVerdict v = csm::detect_watermark(samples, sample_rate, key);
//   if (v.present) ...;   // v.score (z) > v.threshold; v.detail says why in one line
//
// How it works (the design note at the top of engine/src/generate/watermark.cpp has the details).
// At 24 kHz, in a 1024-point STFT with hop 512 (sqrt-Hann analysis and synthesis), the magnitude
// of every bin from 375 Hz to 6.35 kHz is scaled by (1 + strength * W[t mod 32][bin]), phase kept,
// where W is a ±1 pattern of 32 frames (0.68 s) x 256 bins drawn from ChaCha20 keyed with the
// installation's 256-bit key. Only the change is resynthesised and added, so silence and the
// spectrum outside the band are untouched. The band lies below 8 kHz: the mark survives 16 kHz.
//
// The detector resamples to 24 kHz, takes log-magnitudes (a gain becomes a constant and is
// removed), whitens them along frequency, leaves out silent frames and bins near the noise floor,
// folds the frames modulo 32 and correlates the fold with W at all 32 cyclic frame offsets and 8
// sub-frame sample shifts (so any trimming point or codec delay is found). The score is the best
// normalised correlation z = <W, F> / |F|. For audio without this key's mark, W is independent of
// the audio, so Hoeffding's inequality gives P(z > t) <= exp(-t^2 / 2) for each of the 256
// hypotheses whatever the audio is: the threshold 6.22 bounds the false-positive probability by
// 256 * exp(-6.22^2 / 2) = 1e-6 per file. Measured on espeak-ng speech (tests/generate/
// test_watermark.cpp, 20 cases per condition): unmarked or other-key audio scores 2-4.3; marked
// 5-6.5 s clips 10.6-18; after MP3 64 kbps, Vorbis q3, 16 kHz, gain or 3 s trimming (and mixes
// of them) 7.7-16.6, all detected; Vorbis q0 (~64 kbps) 6.1-10.8, 19/20 detected.
//
// Survives: resampling to 16 kHz and back, any gain without clipping, MP3 / Ogg Vorbis
// re-encoding at usual bitrates, trimming to any 3 s window of speech. Not designed for: time
// stretching, pitch or speed change, heavy noise, or re-synthesis through a neural codec.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace csm {

struct WatermarkKey {
  std::array<uint8_t, 32> bytes{};

  // 64 lower-case hex digits, and back (throws std::invalid_argument on anything else).
  std::string hex() const;
  static WatermarkKey from_hex(const std::string& hex);
  // 256 bits from the OS's random source (getrandom / /dev/urandom).
  static WatermarkKey generate();
  // A public 16-hex-digit name of the key (derived one-way, safe to show and log).
  std::string fingerprint() const;
};

// $XDG_CONFIG_HOME/csm-studio/watermark.key, else $HOME/.config/csm-studio/watermark.key.
std::string default_watermark_key_path();

// Reads a key file written by load_or_create_installation_key (comment lines starting with '#',
// one line of 64 hex digits). Throws csm::InputError naming the file.
WatermarkKey load_watermark_key(const std::string& path);

// The installation's key: read from `path` (default_watermark_key_path() when empty), or, when
// the file does not exist, a new random key is created there with mode 0600 (the folder 0700) in
// one atomic step (two processes racing both end up with the same key). A key file readable by
// others is tightened to 0600. Throws csm::WriteError if it cannot be created.
WatermarkKey load_or_create_installation_key(const std::string& path = "");

struct WatermarkOptions {
  double strength = 0.12;  // magnitude modulation depth, ±1 dB; embedding SNR ~22.5 dB on speech
};

// Returns 24 kHz mono audio carrying the mark (same length; samples clamped to [-1, 1]).
std::vector<float> embed_watermark(const std::vector<float>& audio_24k, const WatermarkKey& key,
                                   const WatermarkOptions& options = {});

// The same marking for audio that arrives in pieces (the generator's streaming decoder): push()
// returns the marked samples that are final so far (it holds back at most 1024 samples, 43 ms),
// flush() the rest at the end. The concatenated output equals embed_watermark(all input).
class StreamingWatermarker {
 public:
  explicit StreamingWatermarker(const WatermarkKey& key, const WatermarkOptions& options = {});
  StreamingWatermarker(StreamingWatermarker&&) noexcept;
  StreamingWatermarker& operator=(StreamingWatermarker&&) noexcept;
  ~StreamingWatermarker();

  std::vector<float> push(const std::vector<float>& audio_24k);
  std::vector<float> flush();  // then the marker is empty and can start a new stream

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct WatermarkVerdict {
  bool present = false;     // score > threshold
  bool conclusive = false;  // false: too little sound to decide (present is then false too)
  double score = 0.0;       // z of the best offset (~N(0,1) or below for unmarked audio)
  double threshold = 0.0;
  double seconds_analyzed = 0.0;  // sound (non-silent frames) that took part
  std::string detail;       // one line for people
};

// Any sample rate (resampled to 24 kHz with libsoxr). Never throws for short or silent audio:
// the verdict says it is inconclusive.
WatermarkVerdict detect_watermark(const std::vector<float>& audio, int sample_rate, const WatermarkKey& key);

// Minimum seconds of sound (non-silent frames) for a conclusive verdict.
constexpr double kWatermarkMinSeconds = 1.0;

}  // namespace csm
