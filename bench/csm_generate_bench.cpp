// Generation speed of the engine on a random-init model (default: full-size CSM-1B on CUDA, bf16),
// through the same Generator the app uses: time to the first frame (prefill included), ms per
// frame at batch 1 and the real-time factor (ms per frame / 80 ms), eager and with CUDA graphs.
// Prints one JSON object per mode. Run beside `python3 bench/hf_baseline.py gen` on the same card.
//   csm_generate_bench --tokenizer tests/fixtures/tokenizer/tokenizer.json [--preset csm-1b]
//                      [--device cuda] [--dtype bfloat16] [--frames 100] [--repeats 3]
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <string>

#include "csm/generate/generator.h"
#include "torch_compat.h"

namespace {

double now_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> opt{{"preset", "csm-1b"}, {"device", "cuda"}, {"dtype", "bfloat16"},
                                         {"frames", "100"}, {"repeats", "3"},
                                         {"tokenizer", "tests/fixtures/tokenizer/tokenizer.json"}};
  for (int i = 1; i + 1 < argc; i += 2) opt[std::string(argv[i]).substr(2)] = argv[i + 1];
  try {
    csm::RuntimeOptions ro{opt["device"], opt["dtype"]};
    auto gen = csm::Generator::from_parts(csm::CsmRuntime::create_random(csm::preset_config(opt["preset"]), 1, ro),
                                          csm::TextTokenizer::from_file(opt["tokenizer"]));
    const torch::Device device(gen.runtime().device());
    const int frames = std::stoi(opt["frames"]);
    const std::string text = "The quick brown fox jumps over the lazy dog, and then it naps in the warm afternoon sun.";
    if (opt.count("check-greedy")) {
      // correctness of the recorded path: greedy frames with and without CUDA graphs must agree
      csm::GenerationOptions go;
      go.temperature = 0;
      go.max_audio_length_ms = frames * 80;
      go.codec_codes_only = false;
      go.use_cuda_graphs = false;
      const auto eager = gen.generate_frames(text, 0, {}, go);
      go.use_cuda_graphs = true;
      const auto graphed = gen.generate_frames(text, 0, {}, go);
      size_t same = 0;
      while (same < eager.size() && same < graphed.size() && eager[same] == graphed[same]) ++same;
      std::cout << "{\"check\": \"greedy graphs vs eager\", \"preset\": \"" << opt["preset"] << "\", \"dtype\": \""
                << opt["dtype"] << "\", \"frames\": " << eager.size() << ", \"identical_prefix\": " << same
                << ", \"equal\": " << (eager == graphed ? "true" : "false") << "}" << std::endl;
      return eager == graphed ? 0 : 1;
    }
    for (bool graphs : {false, true}) {
      csm::GenerationOptions go;
      go.max_audio_length_ms = frames * 80;
      go.use_cuda_graphs = graphs;
      go.topk = 50;
      go.temperature = 0.9;
      double best_first = 1e30, best_per_frame = 1e30;
      int produced = 0;
      for (int r = 0; r < std::stoi(opt["repeats"]) + 1; ++r) {  // round 0 warms up (and captures)
        go.seed = r;
        csm::compat::synchronize(device);
        const double t0 = now_ms();
        double t_first = 0;
        auto out = gen.generate_frames(text, 0, {}, go, [&](const csm::Frame&, int i) {
          if (i == 0) t_first = now_ms();
          return true;
        });
        const double t_end = now_ms();
        if (r == 0 || out.size() < 2) continue;
        produced = static_cast<int>(out.size());
        best_first = std::min(best_first, t_first - t0);
        best_per_frame = std::min(best_per_frame, (t_end - t_first) / (out.size() - 1));
      }
      std::cout << "{\"bench\": \"csm_generate\", \"preset\": \"" << opt["preset"] << "\", \"device\": \""
                << gen.runtime().device() << "\", \"dtype\": \"" << opt["dtype"] << "\", \"torch\": \""
                << csm::compat::torch_version() << "\", \"cuda_graphs\": "
                << (graphs && csm::compat::StepGraph::supported(device) ? "true" : "false")
                << ", \"prompt_tokens\": " << gen.prompt_length(text, 0, {}) << ", \"frames\": " << produced
                << ", \"first_frame_ms\": " << best_first << ", \"ms_per_frame\": " << best_per_frame
                << ", \"rtf\": " << best_per_frame / 80.0 << "}" << std::endl;
    }
  } catch (const std::exception& e) {
    std::cerr << "csm_generate_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
