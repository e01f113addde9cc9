// `csm`: the command-line face of the engine (info, tokenize, demo, check-reference).
// Every error is printed as one line naming the file and the fix; the exit code is 1 for bad
// input and 2 for bad usage.
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "csm/csm_runtime.h"
#include "csm/errors.h"
#include "csm/reference_check.h"
#include "csm/text_tokenizer.h"
#include "command_registry.h"

namespace {

using csm::cli::ParsedArgs;

csm::RuntimeOptions runtime_options(const ParsedArgs& a) {
  csm::RuntimeOptions o;
  o.device = a.get("device", "cpu");
  o.dtype = a.get("dtype", "float32");
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

int cmd_info(const std::vector<std::string>& args) {
  auto a = csm::cli::parse_args(args);
  if (a.positional.size() != 1) throw std::invalid_argument("info needs MODEL");
  print_model(csm::CsmRuntime::load(a.positional[0], runtime_options(a)));
  return 0;
}

int cmd_tokenize(const std::vector<std::string>& args) {
  auto a = csm::cli::parse_args(args);
  if (a.positional.size() != 2) throw std::invalid_argument("tokenize needs TOKENIZER_JSON and TEXT");
  auto tok = csm::TextTokenizer::from_file(a.positional[0]);
  auto ids = tok.encode_speaker_text(std::stoi(a.get("speaker", "0")), a.positional[1]);
  for (size_t i = 0; i < ids.size(); ++i) std::cout << (i ? " " : "") << ids[i];
  std::cout << "\n";
  return 0;
}

int cmd_demo(const std::vector<std::string>& args) {
  auto a = csm::cli::parse_args(args);
  const std::string dir = a.get("out", (std::filesystem::temp_directory_path() / "csm-demo-model").string());
  const int frames = std::stoi(a.get("frames", "12"));
  const std::string text = a.get("text", "Hello from CSM Studio.");
  std::cout << "1. creating a tiny random CSM model (preset 'tiny', seed 42)\n";
  auto rt = csm::CsmRuntime::create_random(csm::preset_config("tiny"), 42, runtime_options(a));
  std::cout << "2. saving it as a Hugging Face folder: " << dir << "\n";
  rt.save(dir);
  std::cout << "3. loading it back strictly\n";
  auto loaded = csm::CsmRuntime::load(dir, runtime_options(a));
  print_model(loaded);
  std::vector<int32_t> prompt{1, 91, 48, 93, 310, 271, 605, 2};
  if (a.has("tokenizer")) {
    prompt = csm::TextTokenizer::from_file(a.get("tokenizer")).encode_speaker_text(0, text);
    std::cout << "4. tokenized \"[0]" << text << "\" into " << prompt.size() << " ids\n";
  } else {
    std::cout << "4. using a fixed prompt of " << prompt.size() << " token ids (pass --tokenizer for real text)\n";
  }
  std::vector<csm::Frame> audio;
  for (int f = 0; f < 10; ++f) {
    csm::Frame frame(loaded.config().num_codebooks);
    for (size_t k = 0; k < frame.size(); ++k) frame[k] = (f * 7 + static_cast<int>(k) * 13) % 64;
    audio.push_back(frame);
  }
  auto losses = loaded.evaluate(prompt, audio);
  std::cout << "5. forward pass over " << prompt.size() << " text tokens + " << audio.size()
            << " audio frames: semantic (codebook 0) loss " << losses.backbone << ", acoustic (codebooks 1.."
            << loaded.config().num_codebooks - 1 << ") loss " << losses.depth << " over " << losses.depth_frames
            << " frames\n";
  auto generated = loaded.generate_greedy(prompt, frames);
  std::cout << "6. greedy decode: " << generated.size() << " frames (" << generated.size() * 80 << " ms of audio)\n";
  for (size_t f = 0; f < generated.size(); ++f) {
    std::cout << "   frame " << f << ":";
    for (int32_t c : generated[f]) std::cout << ' ' << c;
    std::cout << "\n";
  }
  return 0;
}

int cmd_check_reference(const std::vector<std::string>& args) {
  auto a = csm::cli::parse_args(args);
  if (a.positional.size() != 2) throw std::invalid_argument("check-reference needs MODEL and REFERENCE");
  auto rt = csm::CsmRuntime::load(a.positional[0], runtime_options(a));
  auto diffs = csm::compare_with_reference(rt, a.positional[1], std::stod(a.get("tolerance", "1e-4")));
  bool ok = true;
  std::cout << "{\"device\": \"" << rt.device() << "\", \"dtype\": \"" << a.get("dtype", "float32")
            << "\", \"comparisons\": [";
  for (size_t i = 0; i < diffs.size(); ++i) {
    ok = ok && diffs[i].ok();
    std::cout << (i ? ", " : "") << "{\"name\": \"" << diffs[i].name << "\", \"max_abs_diff\": " << diffs[i].max_abs_diff
              << ", \"tolerance\": " << diffs[i].tolerance << ", \"ok\": " << (diffs[i].ok() ? "true" : "false") << "}";
  }
  std::cout << "], \"ok\": " << (ok ? "true" : "false") << "}\n";
  return ok ? 0 : 1;
}

const csm::cli::CommandRegistration kInfo{"info", "info MODEL                      show what a model folder (or ckpt.pt) holds", cmd_info};
const csm::cli::CommandRegistration kTokenize{
    "tokenize", "tokenize TOKENIZER_JSON TEXT [--speaker N]   token ids of CSM's \"[N]text\" prompt", cmd_tokenize};
const csm::cli::CommandRegistration kDemo{
    "demo",
    "demo [--out DIR] [--frames N] [--tokenizer FILE --text T]\n"
    "                                make a tiny random model, save and reload it, run one forward pass\n"
    "                                and one greedy decode",
    cmd_demo};
const csm::cli::CommandRegistration kCheckReference{
    "check-reference",
    "check-reference MODEL REFERENCE [--tolerance X]\n"
    "                                compare with transformers' outputs (tools/make_fixtures.py)",
    cmd_check_reference};

void print_usage(std::ostream& out) {
  out << "usage: csm <command> [options]\n";
  for (const auto& [name, command] : csm::cli::commands()) out << "  " << command.usage << "\n";
  out << "common options: --device cpu|cuda[:N]   --dtype float32|bfloat16\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    print_usage(std::cout);
    return argc < 2 ? 2 : 0;
  }
  const std::string name = argv[1];
  auto it = csm::cli::commands().find(name);
  if (it == csm::cli::commands().end()) {
    std::cerr << "csm: unknown command '" << name << "'\n";
    print_usage(std::cerr);
    return 2;
  }
  try {
    return it->second.run(std::vector<std::string>(argv + 2, argv + argc));
  } catch (const std::invalid_argument& e) {
    std::cerr << "csm " << name << ": " << e.what() << "\n  " << it->second.usage << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "csm " << name << ": " << e.what() << "\n";
    return 1;
  }
}
