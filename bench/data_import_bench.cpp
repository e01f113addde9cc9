// Import benchmark for the data stage. Generates a dataset of synthetic speech-like recordings
// (harmonic word bursts with pauses and a -60 dBFS noise floor, 44.1/48 kHz 16-bit WAV, one
// transcript each), then measures:
//   1. CPU import throughput in x real time, codec excluded (goal >= 200x);
//   2. a first import with a (cheap, fake) codec that fills the token cache;
//   3. the re-import of the unchanged dataset with a warm token cache (goal < 2 s for 10 min),
//      checking that the codec is not called at all.
// Prints one JSON object.
//
//   data_import_bench [--minutes 10] [--seconds-per-file 6] [--threads 0] [--work DIR]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "csm/atomic_file.h"
#include "csm/data/audio_file.h"
#include "csm/data/dataset_import.h"
#include "csm/data/frame_encoder.h"

namespace fs = std::filesystem;

namespace {

// Counts calls; codes derived from frame energy so equal audio gives equal codes.
class CountingEncoder : public csm::data::AudioFrameEncoder {
 public:
  std::vector<std::vector<int32_t>> encode(const std::vector<float>& a) override {
    ++calls;
    std::vector<std::vector<int32_t>> out;
    for (size_t f = 0; f * 1920 < a.size(); ++f) {
      double e = 0.0;
      for (size_t i = f * 1920; i < std::min(a.size(), (f + 1) * 1920); ++i) e += std::fabs(a[i]);
      out.emplace_back(32, static_cast<int32_t>(std::llround(e * 100)) % 2048);
    }
    return out;
  }
  std::string identity() const override { return "bench-fake:1"; }
  int num_codebooks() const override { return 32; }
  int calls = 0;
};

std::string make_utterance(std::mt19937& rng, double seconds, int rate, std::vector<float>& out) {
  static const char* vocab[] = {"morning", "light", "falls", "across", "the", "quiet", "valley", "while", "we", "talk",
                                "about", "plans", "for", "summer", "and", "river", "boats", "under", "old", "bridges"};
  std::uniform_real_distribution<double> gap(0.08, 0.35), pitch(100.0, 230.0);
  std::normal_distribution<float> hiss(0.0f, 0.001f);
  out.assign(static_cast<size_t>(0.25 * rate), 0.0f);
  std::string text;
  while (double(out.size()) / rate < seconds - 0.6) {
    const std::string w = vocab[rng() % 20];
    text += (text.empty() ? "" : " ") + w;
    const double len = 0.2 + 0.045 * double(w.size()), f0 = pitch(rng);
    const size_t n = static_cast<size_t>(len * rate);
    for (size_t i = 0; i < n; ++i) {
      const double t = double(i) / rate;
      double s = 0.0;
      for (int h = 1; h <= 5; ++h) s += std::sin(2.0 * M_PI * f0 * h * t) / h;
      out.push_back(static_cast<float>(0.2 * std::sin(M_PI * t / len) * s));
    }
    out.resize(out.size() + static_cast<size_t>(gap(rng) * rate), 0.0f);
  }
  out.resize(static_cast<size_t>(seconds * rate), 0.0f);
  for (float& s : out) s += hiss(rng);
  return text + ".";
}

double cpu_seconds() { return double(std::clock()) / CLOCKS_PER_SEC; }  // all threads of the process

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
  double minutes = 10.0, per_file = 6.0;
  int threads = 0;
  std::string work = (fs::temp_directory_path() / "csm-data-bench").string();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--minutes") minutes = std::stod(v);
    else if (k == "--seconds-per-file") per_file = std::stod(v);
    else if (k == "--threads") threads = std::stoi(v);
    else if (k == "--work") work = v;
    else {
      std::cerr << "unknown option " << k << "\n";
      return 2;
    }
  }
  fs::remove_all(work);
  const fs::path in = fs::path(work) / "in";
  fs::create_directories(in);
  const int files = static_cast<int>(std::ceil(minutes * 60.0 / per_file));
  std::mt19937 rng(1234);
  std::vector<float> audio;
  for (int f = 0; f < files; ++f) {
    const int rate = f % 2 ? 48000 : 44100;
    const std::string text = make_utterance(rng, per_file, rate, audio);
    char name[32];
    std::snprintf(name, sizeof name, "take%04d", f);
    csm::data::write_wav_pcm16((in / (std::string(name) + ".wav")).string(), audio, rate);
    csm::write_file_atomically((in / (std::string(name) + ".txt")).string(), text);
  }

  csm::data::ImportOptions o;
  o.audio_dir = in.string();
  o.out_dir = (fs::path(work) / "out").string();
  o.threads = threads;
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_seconds();
  const csm::data::DatasetReport plain = csm::data::import_dataset(o);
  const double import_s = seconds_since(t0), import_cpu = cpu_seconds() - c0;

  CountingEncoder enc;
  o.out_dir = (fs::path(work) / "out-tokens").string();
  const auto t1 = std::chrono::steady_clock::now();
  const csm::data::DatasetReport first = csm::data::import_dataset(o, &enc);
  const double first_s = seconds_since(t1);
  const int first_calls = enc.calls;
  const auto t2 = std::chrono::steady_clock::now();
  const double c2 = cpu_seconds();
  const csm::data::DatasetReport again = csm::data::import_dataset(o, &enc);
  const double reimport_s = seconds_since(t2), reimport_cpu = cpu_seconds() - c2;

  const double audio_s = plain.audio_seconds;
  std::printf(
      "{\"benchmark\": \"data_import\", \"machine_threads\": %u, \"threads\": %d, \"files\": %d, \"audio_minutes\": %.2f,\n"
      " \"rejected_files\": %d, \"segments\": %d,\n"
      " \"import_seconds\": %.3f, \"import_x_realtime\": %.1f, \"goal_x_realtime\": 200,\n"
      " \"import_cpu_seconds\": %.3f, \"import_x_realtime_per_cpu_core\": %.1f,\n"
      " \"tokenizing_import_seconds\": %.3f, \"codec_calls_first\": %d,\n"
      " \"cached_reimport_seconds\": %.3f, \"cached_reimport_cpu_seconds\": %.3f, \"goal_cached_reimport_seconds\": 2.0,"
      " \"codec_calls_reimport\": %d,"
      " \"tokens_from_cache\": %d}\n",
      std::thread::hardware_concurrency(), threads, files, audio_s / 60.0, plain.rejected_files, plain.segments, import_s,
      audio_s / import_s, import_cpu, audio_s / import_cpu, first_s, first_calls, reimport_s, reimport_cpu,
      enc.calls - first_calls, again.tokens_cached);
  (void)first;
  fs::remove_all(work);
  return 0;
}
