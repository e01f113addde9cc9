// `csm`: the command-line face of the engine (info, tokenize, demo, check-reference).
// Every error is printed as one line naming the file and the fix; the exit code is 1 for bad
// input and 2 for bad usage.
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "csm/csm_runtime.h"
#include "csm/errors.h"
#include "csm/reference_check.h"
#include "csm/text_tokenizer.h"

namespace {

const char* kUsage =
    "usage: csm <command> [options]\n"
    "  info MODEL                      show what a model folder (or ckpt.pt) holds\n"
    "  tokenize TOKENIZER_JSON TEXT [--speaker N]   print token ids of CSM's \"[N]text\" prompt\n"
    "  demo [--out DIR] [--frames N]   make a tiny random model, save and reload it, run one forward\n"
    "                                  pass and one greedy decode\n"
    "  check-reference MODEL REFERENCE [--tolerance X]\n"
    "                                  compare with transformers' outputs (tools/make_fixtures.py)\n"
    "common options: --device cpu|cuda[:N]   --dtype float32|bfloat16\n";

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 2; i < argc; ++i) {
    std::string s = argv[i];
    if (s.rfind("--", 0) == 0) {
      if (i + 1 >= argc) throw std::invalid_argument("option " + s + " needs a value");
      a.options[s.substr(2)] = argv[++i];
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

std::string opt(const Args& a, const std::string& key, const std::string& fallback) {
  auto it = a.options.find(key);
  return it == a.options.end() ? fallback : it->second;
}

csm::RuntimeOptions runtime_options(const Args& a) {
  csm::RuntimeOptions o;
  o.device = opt(a, "device", "cpu");
  o.dtype = opt(a, "dtype", "float32");
  return o;
}

void print_model(const csm::CsmRuntime& rt) {
  const csm::CsmConfig& c = rt.config();
  std::cout << "layout:        " << rt.layout() << " on " << rt.device() << "\n"
            << "parameters:    " << rt.parameter_count() << " (codec not counted)\n"
            << "backbone:      " << c.backbone.num_layers << " layers, hidden " << c.backbone.hidden_size << ", "
            << c.backbone.num_heads << " heads / " << c.backbone.num_kv_heads << " kv heads, context "
            << c.backbone.max_position_embeddings << "\n"
            << "depth decoder: " << c.depth.num_layers << " layers, hidden " << c.depth.hidden_size << "\n"
            << "codebooks:     " << c.num_codebooks << " x " << c.audio_vocab_size << " codes, text vocabulary "
            << c.text_vocab_size << "\n"
            << "codec weights: " << (rt.has_codec_weights() ? "present" : "absent") << "\n";
}

int cmd_info(const Args& a) {
  if (a.positional.size() != 1) throw std::invalid_argument("info needs MODEL");
  print_model(csm::CsmRuntime::load(a.positional[0], runtime_options(a)));
  return 0;
}

int cmd_tokenize(const Args& a) {
  if (a.positional.size() != 2) throw std::invalid_argument("tokenize needs TOKENIZER_JSON and TEXT");
  auto tok = csm::TextTokenizer::from_file(a.positional[0]);
  auto ids = tok.encode_speaker_text(std::stoi(opt(a, "speaker", "0")), a.positional[1]);
  for (size_t i = 0; i < ids.size(); ++i) std::cout << (i ? " " : "") << ids[i];
  std::cout << "\n";
  return 0;
}

int cmd_demo(const Args& a) {
  const std::string dir = opt(a, "out", (std::filesystem::temp_directory_path() / "csm-demo-model").string());
  const int frames = std::stoi(opt(a, "frames", "12"));
  std::cout << "1. creating a tiny random CSM model (preset 'tiny', seed 42)\n";
  auto rt = csm::CsmRuntime::create_random(csm::preset_config("tiny"), 42, runtime_options(a));
  std::cout << "2. saving it as a Hugging Face folder: " << dir << "\n";
  rt.save(dir);
  std::cout << "3. loading it back strictly\n";
  auto loaded = csm::CsmRuntime::load(dir, runtime_options(a));
  print_model(loaded);
  const std::vector<int32_t> prompt{1, 91, 48, 93, 310, 271, 605, 2};
  std::vector<csm::Frame> audio;
  for (int f = 0; f < 10; ++f) {
    csm::Frame frame(loaded.config().num_codebooks);
    for (size_t k = 0; k < frame.size(); ++k) frame[k] = (f * 7 + static_cast<int>(k) * 13) % 64;
    audio.push_back(frame);
  }
  auto losses = loaded.evaluate(prompt, audio);
  std::cout << "4. forward pass over " << prompt.size() << " text tokens + " << audio.size()
            << " audio frames: semantic (codebook 0) loss " << losses.backbone << ", acoustic (codebooks 1.."
            << loaded.config().num_codebooks - 1 << ") loss " << losses.depth << " over " << losses.depth_frames
            << " frames\n";
  auto generated = loaded.generate_greedy(prompt, frames);
  std::cout << "5. greedy decode: " << generated.size() << " frames (" << generated.size() * 80 << " ms of audio)\n";
  for (size_t f = 0; f < generated.size(); ++f) {
    std::cout << "   frame " << f << ":";
    for (int32_t c : generated[f]) std::cout << ' ' << c;
    std::cout << "\n";
  }
  return 0;
}

int cmd_check_reference(const Args& a) {
  if (a.positional.size() != 2) throw std::invalid_argument("check-reference needs MODEL and REFERENCE");
  auto rt = csm::CsmRuntime::load(a.positional[0], runtime_options(a));
  auto diffs = csm::compare_with_reference(rt, a.positional[1], std::stod(opt(a, "tolerance", "1e-4")));
  bool ok = true;
  std::cout << "{\"device\": \"" << rt.device() << "\", \"dtype\": \"" << opt(a, "dtype", "float32")
            << "\", \"comparisons\": [";
  for (size_t i = 0; i < diffs.size(); ++i) {
    ok = ok && diffs[i].ok();
    std::cout << (i ? ", " : "") << "{\"name\": \"" << diffs[i].name << "\", \"max_abs_diff\": " << diffs[i].max_abs_diff
              << ", \"tolerance\": " << diffs[i].tolerance << ", \"ok\": " << (diffs[i].ok() ? "true" : "false") << "}";
  }
  std::cout << "], \"ok\": " << (ok ? "true" : "false") << "}\n";
  return ok ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
  const std::string command = argv[1];
  try {
    Args args = parse(argc, argv);
    if (command == "info") return cmd_info(args);
    if (command == "tokenize") return cmd_tokenize(args);
    if (command == "demo") return cmd_demo(args);
    if (command == "check-reference") return cmd_check_reference(args);
    std::cerr << "csm: unknown command '" << command << "'\n" << kUsage;
    return 2;
  } catch (const std::invalid_argument& e) {
    std::cerr << "csm " << command << ": " << e.what() << "\n" << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "csm " << command << ": " << e.what() << "\n";
    return 1;
  }
}
