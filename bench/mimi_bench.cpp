// mimi_bench: Mimi codec speed and fidelity on the machine at hand, one JSON object per line.
//
//   mimi_bench speed   [--model PATH] [--device cuda] [--dtype float32|bfloat16|both]
//                      [--batch 4] [--seconds 60] [--reps 3] [--no-cudnn-benchmark] [--stream-only]
//       encode / decode of batch x seconds of audio in x real time (audio seconds per wall second),
//       plus streaming decode (one 80 ms frame per call, batch 1) in ms per frame. Without --model
//       a full-size random Mimi (transformers' MimiConfig defaults, 32 codebooks) is used.
//   mimi_bench compare MODEL REFERENCE.safetensors [--device cuda] [--dtype float32] [--attention-window -1]
//                      [--no-tf32]
//       codes and decoded audio against a reference made by tools/make_mimi_fixtures.py fullsize
//       (--no-tf32: cuDNN convolutions in full float32, for references made with MIMI_NO_TF32=1).
#include <torch/cuda.h>
#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "codec/mimi_codec_impl.h"
#include "codec/mimi_model.h"
#include "csm/codec/mimi_codec.h"
#include "csm/errors.h"
#include "csm/safetensors.h"

namespace {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::string get(const std::string& k, const std::string& d) const {
    auto it = options.find(k);
    return it == options.end() ? d : it->second;
  }
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 2; i < argc; ++i) {
    std::string s = argv[i];
    if (s.rfind("--", 0) == 0) {
      if (s == "--no-cudnn-benchmark" || s == "--no-tf32" || s == "--stream-only") a.options[s.substr(2)] = "1";
      else if (i + 1 < argc) a.options[s.substr(2)] = argv[++i];
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

void sync(const torch::Device& d) {
  if (d.is_cuda()) torch::cuda::synchronize();
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string num(double v, int precision = 4) {
  std::ostringstream s;
  s << std::setprecision(precision) << v;
  return s.str();
}

torch::Tensor tensor_of(const csm::SafetensorsFile& f, const std::string& name) {
  const auto& v = f.at(name);
  torch::Dtype dt = v.dtype == csm::DType::I64 ? torch::kInt64 : torch::kFloat32;
  return torch::from_blob(const_cast<void*>(v.data), v.shape, dt).clone();
}

int speed(const Args& a) {
  const torch::Device device(a.get("device", torch::cuda::is_available() ? "cuda" : "cpu"));
  if (device.is_cuda() && !a.options.count("no-cudnn-benchmark")) at::globalContext().setBenchmarkCuDNN(true);
  const int64_t B = std::stoll(a.get("batch", "4"));
  const double secs = std::stod(a.get("seconds", "60"));
  const int reps = std::stoi(a.get("reps", "3"));
  std::vector<std::string> dtypes;
  const std::string want = a.get("dtype", "both");
  if (want == "both") dtypes = {"float32", "bfloat16"};
  else dtypes = {want};

  const int64_t T = static_cast<int64_t>(secs * 24000);
  auto audio = (torch::randn({B, 1, T}, torch::TensorOptions().device(device)) * 0.1);
  for (const auto& dt : dtypes) {
    std::unique_ptr<csm::MimiModel> owned;
    std::unique_ptr<csm::MimiCodec> codec;
    const csm::MimiModel* model = nullptr;
    if (a.options.count("model")) {
      csm::CodecOptions o;
      o.device = device.str();
      o.dtype = dt;
      codec = std::make_unique<csm::MimiCodec>(csm::MimiCodec::load(a.options.at("model"), o));
      model = &codec->impl().model;
    } else {
      owned = std::make_unique<csm::MimiModel>(csm::MimiConfig{}, device,
                                               dt == "bfloat16" ? torch::kBFloat16 : torch::kFloat32);
      owned->init_random(1);
      owned->set_attention_window(csm::resolve_attention_window(-1, owned->config()));  // as the codec does
      model = owned.get();
    }
    const int64_t K = model->config().num_quantizers;
    const bool stream_only = a.options.count("stream-only") > 0;
    torch::Tensor codes;
    if (stream_only) {
      codes = torch::randint(0, model->config().codebook_size, {1, K, 60}, torch::TensorOptions().dtype(torch::kInt64));
    } else {
      codes = model->encode(audio, {}, K);  // warm-up (and cuDNN autotuning)
      model->decode(codes);
    }
    sync(device);
    double enc = 1e30, dec = 1e30;
    for (int r = 0; r < reps && !stream_only; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      codes = model->encode(audio, {}, K);
      sync(device);
      enc = std::min(enc, seconds_since(t0));
      t0 = std::chrono::steady_clock::now();
      auto out = model->decode(codes);
      sync(device);
      dec = std::min(dec, seconds_since(t0));
    }
    // Streaming: one frame per call, as the generator feeds it.
    auto state = model->new_decoder_state(1);
    auto one = codes.narrow(0, 0, 1);
    const int64_t frames = std::min<int64_t>(50, one.size(2));
    for (int64_t f = 0; f < 5 && f < frames; ++f) model->decode_step(state, one.narrow(2, f, 1));  // warm-up
    state = model->new_decoder_state(1);
    sync(device);
    auto t0 = std::chrono::steady_clock::now();
    for (int64_t f = 0; f < frames; ++f) model->decode_step(state, one.narrow(2, f, 1));
    sync(device);
    const double stream = seconds_since(t0) / static_cast<double>(frames);
    const double audio_s = static_cast<double>(B) * secs;
    std::cout << "{\"bench\": \"mimi\", \"device\": \"" << device.str() << "\", \"dtype\": \"" << dt
              << "\", \"batch\": " << B << ", \"seconds\": " << secs << ", \"codebooks\": " << K
              << ", \"encode_s\": " << num(enc) << ", \"encode_x_realtime\": " << num(audio_s / enc, 6)
              << ", \"decode_s\": " << num(dec) << ", \"decode_x_realtime\": " << num(audio_s / dec, 6)
              << ", \"stream_ms_per_frame\": " << num(stream * 1000) << ", \"window\": " << model->attention_window()
              << ", \"cudnn_benchmark\": " << (at::globalContext().benchmarkCuDNN() ? "true" : "false")
              << ", \"torch\": \"" << TORCH_VERSION << "\"}"
              << std::endl;
  }
  return 0;
}

int compare(const Args& a) {
  if (a.positional.size() != 2) throw std::invalid_argument("compare needs MODEL and REFERENCE");
  csm::CodecOptions o;
  o.device = a.get("device", "cpu");
  o.dtype = a.get("dtype", "float32");
  o.attention_window = std::stoi(a.get("attention-window", "-1"));
  if (a.options.count("no-tf32")) at::globalContext().setAllowTF32CuDNN(false);  // like the reference, see --no-tf32
  auto codec = csm::MimiCodec::load(a.positional[0], o);
  const auto& model = codec.impl().model;
  auto ref = csm::SafetensorsFile::open(a.positional[1]);
  auto input = tensor_of(ref, "input"), codes = tensor_of(ref, "codes"), decoded = tensor_of(ref, "decoded");
  const int64_t K = codes.size(1);
  auto ours = model.encode(input, {}, K).cpu();
  auto same = ours.eq(codes);
  // Frames match up to the first differing frame; later ones inherit the difference through the RVQ only
  // per frame, so count both.
  auto frame_all = same.all(1);  // [B, F]
  int64_t first_bad = -1;
  for (int64_t f = 0; f < frame_all.size(1) && first_bad < 0; ++f)
    if (!frame_all.select(1, f).all().item<bool>()) first_bad = f;
  auto audio = model.decode(codes).cpu();
  auto diff = (audio - decoded).abs();
  const double rms_ref = decoded.pow(2).mean().sqrt().item<double>();
  const double rms_err = (audio - decoded).pow(2).mean().sqrt().item<double>();
  std::cout << "{\"compare\": \"" << a.positional[1] << "\", \"device\": \"" << o.device << "\", \"dtype\": \"" << o.dtype
            << "\", \"window\": " << model.attention_window() << ", \"codes_equal_fraction\": "
            << num(same.to(torch::kFloat32).mean().item<double>(), 6)
            << ", \"codebook0_equal_fraction\": " << num(same.select(1, 0).to(torch::kFloat32).mean().item<double>(), 6)
            << ", \"frames_all_equal_fraction\": " << num(frame_all.to(torch::kFloat32).mean().item<double>(), 6)
            << ", \"first_differing_frame\": " << first_bad << ", \"decode_max_abs_diff\": " << num(diff.max().item<double>())
            << ", \"decode_rel_rms_err\": " << num(rms_err / std::max(rms_ref, 1e-12)) << ", \"decoded_rms\": " << num(rms_ref)
            << "}" << std::endl;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  try {
    if (mode == "speed") return speed(parse(argc, argv));
    if (mode == "compare") return compare(parse(argc, argv));
    std::cerr << "usage: mimi_bench speed [--model PATH] [--device D] [--dtype float32|bfloat16|both] [--batch N] "
                 "[--seconds S] [--reps R]\n       mimi_bench compare MODEL REFERENCE [--device D] [--dtype T]\n";
    return 2;
  } catch (const csm::InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  }
}
