// Reading and writing audio files for the data pipeline. Reading goes through libsndfile (WAV,
// FLAC, OGG/Vorbis, Opus and MP3 as far as the installed libsndfile supports them) and always
// returns mono float samples: several channels are downmixed, and a channel that is silent while
// another is not is left out of the mix (a mono recording on a stereo track keeps its level).
// Writing produces 16-bit PCM WAV, atomically (csm/atomic_file.h).
//
//   csm::data::AudioData a = csm::data::read_audio_file("take1.flac");  // throws csm::InputError
//   csm::data::write_wav_pcm16("out.wav", a.samples, a.sample_rate);
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace csm::data {

struct AudioData {
  std::vector<float> samples;   // mono, [-1, 1]
  int sample_rate = 0;
  int source_channels = 0;      // channel count of the file before downmixing
  int silent_channels = 0;      // channels left out of the mix because they were silent
  std::string format;           // libsndfile's name of the container/encoding
  double duration_seconds() const { return sample_rate ? double(samples.size()) / sample_rate : 0.0; }
};

// Reads and downmixes a whole file. Throws csm::InputError("<path>: ...") for a missing, empty
// (0 bytes) or unreadable file, saying what to do about it.
AudioData read_audio_file(const std::string& path);

// Writes mono samples as 16-bit PCM WAV, atomically. Throws csm::WriteError.
void write_wav_pcm16(const std::string& path, const std::vector<int16_t>& samples, int sample_rate);
void write_wav_pcm16(const std::string& path, const std::vector<float>& samples, int sample_rate);

// Float [-1, 1] to 16-bit PCM with rounding and clamping (what write_wav_pcm16 stores).
std::vector<int16_t> to_pcm16(const std::vector<float>& samples);
std::vector<float> from_pcm16(const std::vector<int16_t>& samples);

}  // namespace csm::data
