// Audio file I/O for the data pipeline: libsndfile for reading every supported format, a plain
// RIFF writer for 16-bit PCM WAV (the output format is fixed, so there is nothing to configure, and
// building the bytes in memory lets write_file_atomically do the atomic replace).
#include "csm/data/audio_file.h"
#include <cstdint>

#include <sndfile.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

#include "csm/atomic_file.h"
#include "csm/errors.h"

namespace csm::data {
namespace {

std::string format_name(int format) {
  SF_FORMAT_INFO info;
  std::memset(&info, 0, sizeof info);
  info.format = format & SF_FORMAT_TYPEMASK;
  std::string name = "unknown";
  if (sf_command(nullptr, SFC_GET_FORMAT_MAJOR, &info, sizeof info) == 0 && info.name) name = info.name;
  return name;
}

void put_u32(std::string& s, uint32_t v) {
  for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
void put_u16(std::string& s, uint16_t v) {
  s.push_back(static_cast<char>(v & 0xff));
  s.push_back(static_cast<char>(v >> 8));
}

}  // namespace

AudioData read_audio_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw InputError(path + ": file not found; check the path or remove it from the transcript list");
  if (std::filesystem::is_directory(path, ec)) throw InputError(path + ": is a directory, not an audio file");
  if (std::filesystem::file_size(path, ec) == 0 && !ec)
    throw InputError(path + ": file is empty (0 bytes); re-export or re-copy the recording");

  SF_INFO info;
  std::memset(&info, 0, sizeof info);
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  if (!f)
    throw InputError(path + ": cannot be read as audio (" + sf_strerror(nullptr) +
                     "); the file is corrupt or in an unsupported format, convert it to WAV or FLAC");
  std::unique_ptr<SNDFILE, int (*)(SNDFILE*)> guard(f, sf_close);
  if (info.channels <= 0 || info.samplerate <= 0)
    throw InputError(path + ": the audio header is invalid (no channels or sample rate); re-export the file");
  // Normalized float reads give [-1, 1] for integer formats; the scale factor keeps float files as is.
  sf_command(f, SFC_SET_SCALE_FLOAT_INT_READ, nullptr, SF_TRUE);

  const int ch = info.channels;
  std::vector<float> interleaved;
  if (info.frames > 0 && info.frames < (int64_t(1) << 40)) interleaved.reserve(static_cast<size_t>(info.frames) * ch);
  std::vector<float> block(static_cast<size_t>(65536) * ch);
  for (;;) {
    sf_count_t got = sf_readf_float(f, block.data(), 65536);
    if (got <= 0) break;
    interleaved.insert(interleaved.end(), block.begin(), block.begin() + got * ch);
  }
  if (sf_error(f) != SF_ERR_NO_ERROR)
    throw InputError(path + ": the audio data is damaged (" + sf_strerror(f) + "); re-export the recording");
  if (info.frames > 0 && interleaved.empty())
    throw InputError(path + ": no audio could be decoded; the file is truncated or corrupt, re-export it");

  AudioData a;
  a.sample_rate = info.samplerate;
  a.source_channels = ch;
  a.format = format_name(info.format);
  const size_t n = interleaved.size() / static_cast<size_t>(ch);
  if (ch == 1) {
    a.samples = std::move(interleaved);
    return a;
  }
  // Leave silent channels out of the mix: a mono take on a stereo track would otherwise lose 6 dB
  // and, worse, a left/right pair with one dead side is better used as mono.
  std::vector<double> energy(static_cast<size_t>(ch), 0.0);
  for (size_t i = 0; i < n; ++i)
    for (int c = 0; c < ch; ++c) {
      const double v = interleaved[i * ch + c];
      energy[static_cast<size_t>(c)] += v * v;
    }
  double loudest = 0.0;
  for (double e : energy) loudest = std::max(loudest, e);
  std::vector<int> used;
  for (int c = 0; c < ch; ++c)
    if (loudest == 0.0 || energy[static_cast<size_t>(c)] > loudest * 1e-6) used.push_back(c);  // -60 dB
  a.silent_channels = ch - static_cast<int>(used.size());
  a.samples.resize(n);
  const float scale = 1.0f / static_cast<float>(used.size());
  for (size_t i = 0; i < n; ++i) {
    float s = 0.0f;
    for (int c : used) s += interleaved[i * ch + c];
    a.samples[i] = s * scale;
  }
  return a;
}

std::vector<int16_t> to_pcm16(const std::vector<float>& samples) {
  std::vector<int16_t> out(samples.size());
  for (size_t i = 0; i < samples.size(); ++i) {
    float v = std::nearbyint(samples[i] * 32767.0f);
    v = std::min(32767.0f, std::max(-32768.0f, v));
    out[i] = static_cast<int16_t>(v);
  }
  return out;
}

std::vector<float> from_pcm16(const std::vector<int16_t>& samples) {
  std::vector<float> out(samples.size());
  for (size_t i = 0; i < samples.size(); ++i) out[i] = static_cast<float>(samples[i]) / 32767.0f;
  return out;
}

void write_wav_pcm16(const std::string& path, const std::vector<int16_t>& samples, int sample_rate) {
  const uint32_t data_bytes = static_cast<uint32_t>(samples.size() * 2);
  std::string bytes;
  bytes.reserve(44 + data_bytes);
  bytes += "RIFF";
  put_u32(bytes, 36 + data_bytes);
  bytes += "WAVEfmt ";
  put_u32(bytes, 16);
  put_u16(bytes, 1);  // PCM
  put_u16(bytes, 1);  // mono
  put_u32(bytes, static_cast<uint32_t>(sample_rate));
  put_u32(bytes, static_cast<uint32_t>(sample_rate) * 2);
  put_u16(bytes, 2);
  put_u16(bytes, 16);
  bytes += "data";
  put_u32(bytes, data_bytes);
  const size_t header = bytes.size();
  bytes.resize(header + data_bytes);
  std::memcpy(&bytes[header], samples.data(), data_bytes);  // little-endian host
  write_file_atomically(path, bytes);
}

void write_wav_pcm16(const std::string& path, const std::vector<float>& samples, int sample_rate) {
  write_wav_pcm16(path, to_pcm16(samples), sample_rate);
}

}  // namespace csm::data
