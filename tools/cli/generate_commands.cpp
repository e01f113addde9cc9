// `csm generate`: speech from text with a CSM model, optionally after context turns, to a WAV file.
//   csm generate --model-path DIR --text "..." --speaker N --out out.wav
//                [--context-audio a.wav --context-text "..." --context-speaker N]...
//                [--temperature 0.9 --topk 50 --max-ms 10000 --seed 0 --stream]
//                [--tokenizer FILE] [--device cpu|cuda] [--dtype float32|bfloat16] [--no-watermark]
// Context options repeat, one group per earlier turn, in order.
#include <array>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "command_registry.h"
#include "csm/data/audio_file.h"
#include "csm/data/resampler.h"
#include "csm/errors.h"
#include "csm/generate/generator.h"

namespace {

struct GenerateArgs {
  std::string model, text, out, tokenizer;
  int speaker = 0;
  csm::RuntimeOptions runtime;
  csm::GenerationOptions options;
  bool stream = false;
  std::vector<csm::Segment> context;
};

int to_int(const std::string& flag, const std::string& v) {
  try {
    size_t used = 0;
    int n = std::stoi(v, &used);
    if (used == v.size()) return n;
  } catch (const std::exception&) {
  }
  throw std::invalid_argument(flag + " needs a whole number, not '" + v + "'");
}

double to_double(const std::string& flag, const std::string& v) {
  try {
    size_t used = 0;
    double d = std::stod(v, &used);
    if (used == v.size()) return d;
  } catch (const std::exception&) {
  }
  throw std::invalid_argument(flag + " needs a number, not '" + v + "'");
}

GenerateArgs parse(const std::vector<std::string>& args) {
  GenerateArgs g;
  auto value = [&](size_t& i) -> const std::string& {
    if (i + 1 >= args.size()) throw std::invalid_argument(args[i] + " needs a value");
    return args[++i];
  };
  // context options group into turns in order: a turn ends when an option it already has repeats
  enum Part { kAudio, kText, kSpeaker };
  std::vector<std::array<bool, 3>> parts;
  auto turn = [&](Part part) -> csm::Segment& {
    if (g.context.empty() || parts.back()[part]) {
      g.context.emplace_back();
      parts.push_back({false, false, false});
    }
    parts.back()[part] = true;
    return g.context.back();
  };
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--model-path") g.model = value(i);
    else if (a == "--text") g.text = value(i);
    else if (a == "--speaker") g.speaker = to_int(a, value(i));
    else if (a == "--out") g.out = value(i);
    else if (a == "--tokenizer") g.tokenizer = value(i);
    else if (a == "--device") g.runtime.device = value(i);
    else if (a == "--dtype") g.runtime.dtype = value(i);
    else if (a == "--temperature") g.options.temperature = to_double(a, value(i));
    else if (a == "--topk") g.options.topk = to_int(a, value(i));
    else if (a == "--max-ms") g.options.max_audio_length_ms = to_int(a, value(i));
    else if (a == "--seed") g.options.seed = static_cast<uint64_t>(to_int(a, value(i)));
    else if (a == "--stream") g.stream = true;
    else if (a == "--no-watermark") g.options.watermark = false;
    else if (a == "--context-speaker") turn(kSpeaker).speaker = to_int(a, value(i));
    else if (a == "--context-text") turn(kText).text = value(i);
    else if (a == "--context-audio") {
      const std::string path = value(i);
      auto audio = csm::data::read_audio_file(path);
      auto& seg = turn(kAudio);
      // the codec takes 24 kHz mono: resample whatever the file has
      seg.audio = audio.sample_rate == 24000 ? audio.samples : csm::data::resample(audio.samples, audio.sample_rate, 24000);
      if (seg.audio.empty()) throw csm::InputError(path + ": no audio samples; give a context clip with speech in it");
    } else {
      throw std::invalid_argument("unknown option '" + a + "'");
    }
  }
  if (g.model.empty()) throw std::invalid_argument("--model-path is required");
  if (g.out.empty()) throw std::invalid_argument("--out is required");
  for (size_t t = 0; t < g.context.size(); ++t)
    if (g.context[t].text.empty())
      throw std::invalid_argument("context turn " + std::to_string(t + 1) + " has no --context-text");
  return g;
}

int run_generate(const std::vector<std::string>& args) {
  GenerateArgs g = parse(args);
  using clock = std::chrono::steady_clock;
  const auto t0 = clock::now();
  auto generator = csm::Generator::load_csm_1b(g.model, g.runtime, g.tokenizer);
  const auto t_loaded = clock::now();
  double first_chunk_ms = -1;
  size_t streamed = 0;
  auto result = generator.generate(g.text, g.speaker, g.context, g.options, [&](const std::vector<float>& chunk) {
    if (first_chunk_ms < 0) first_chunk_ms = std::chrono::duration<double, std::milli>(clock::now() - t_loaded).count();
    streamed += chunk.size();
    if (g.stream) std::cout << "chunk " << chunk.size() << " samples, " << streamed / 24.0 << " ms so far" << std::endl;
    return true;
  });
  const double gen_ms = std::chrono::duration<double, std::milli>(clock::now() - t_loaded).count();
  csm::data::write_wav_pcm16(g.out, result.samples, result.sample_rate);
  const double seconds = result.samples.size() / double(result.sample_rate);
  std::cout << "wrote " << g.out << ": " << result.frames.size() << " frames, " << seconds << " s of audio"
            << (g.options.watermark ? " (watermarked)" : "") << "; load "
            << std::chrono::duration<double, std::milli>(t_loaded - t0).count() << " ms, generation " << gen_ms
            << " ms (real-time factor " << (seconds > 0 ? gen_ms / 1000.0 / seconds : 0.0) << "), first audio after "
            << first_chunk_ms << " ms\n";
  return 0;
}

const csm::cli::CommandRegistration kGenerate{
    "generate",
    "generate --model-path DIR --text T --speaker N --out OUT.wav [--context-audio A.wav --context-text T\n"
    "                                --context-speaker N]... [--temperature --topk --max-ms --seed --stream]\n"
    "                                [--tokenizer FILE] [--no-watermark]   speak text (after context turns)",
    run_generate};

}  // namespace
