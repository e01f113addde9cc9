// Contextual, seeded, streaming frame generation with CSM (see csm/generate/generator.h).
#include "csm/generate/generator.h"

#include <filesystem>
#include <limits>
#include <mutex>

#include "csm/codec/mimi_codec.h"
#include "csm/errors.h"
#include "csm/generate/watermark.h"
#include "csm/text_tokenizer.h"
#include "generate/sampling.h"
#include "runtime_impl.h"
#include "torch_compat.h"

namespace csm {
namespace fs = std::filesystem;

namespace {

constexpr int kFrameMs = 80;  // one Mimi frame at 12.5 Hz

// One prompt piece: text ids, then (for context segments) audio frames ending in an all-zero frame.
struct PromptPiece {
  std::vector<int32_t> text_ids;
  std::vector<Frame> frames;
  int64_t length() const { return static_cast<int64_t>(text_ids.size() + frames.size()); }
};

// Generation steps recorded as CUDA graphs over static buffers (one launch per frame instead of
// thousands of small ones); recaptured when the sampling settings change.
//   first: backbone state after the prompt -> depth decoder (31 steps for CSM-1B) -> frame_out
//   next:  frame_in at device `position` -> backbone step -> depth decoder -> frame_out; position += 1
struct GraphedFrameDecoder {
  SamplingSettings settings;
  bool codec_codes_only = true;
  InferenceState state;        // backbone caches for the model's whole context + depth caches
  InferenceState first_state;  // shares the depth caches; last_hidden is hidden_in
  torch::Tensor hidden_in;     // [1, Hb]
  torch::Tensor frame_in;      // [1, K]
  torch::Tensor position;      // [1] int64
  torch::Tensor frame_out;     // [1, K]
  compat::StepGraph first, next;
};

}  // namespace

struct Generator::Impl {
  Impl(CsmRuntime r, TextTokenizer t) : runtime(std::move(r)), tokenizer(std::move(t)) {}
  CsmRuntime runtime;
  TextTokenizer tokenizer;
  std::unique_ptr<std::mutex> graph_mutex = std::make_unique<std::mutex>();
  std::unique_ptr<GraphedFrameDecoder> graphed;
  std::unique_ptr<MimiCodec> codec;  // from the checkpoint's codec_model.* weights, on first use

  MimiCodec& mimi() {
    if (!codec) {
      if (!runtime.has_codec_weights())
        throw InputError("this model has no Mimi codec weights (codec_model.* tensors in model.safetensors), so "
                         "audio cannot be encoded or decoded; use the complete sesame/csm-1b folder");
      CodecOptions options;
      options.device = runtime.device();
      options.num_codebooks = static_cast<int>(runtime.config().num_codebooks);
      codec = std::make_unique<MimiCodec>(MimiCodec::from_runtime(runtime, options));
    }
    return *codec;
  }

  GraphedFrameDecoder& graphed_decoder(const SamplingSettings& s, bool codec_codes_only, const CodeSampler& sample) {
    if (graphed && graphed->settings.temperature == s.temperature && graphed->settings.topk == s.topk &&
        graphed->codec_codes_only == codec_codes_only)
      return *graphed;
    auto& rt = runtime.impl();
    CsmModelImpl& model = *rt.model;
    const CsmConfig& cfg = model.config();
    graphed.reset();  // free the old graphs' memory first
    auto g = std::make_unique<GraphedFrameDecoder>();
    g->settings = s;
    g->codec_codes_only = codec_codes_only;
    g->state = model.new_state(1, cfg.backbone.max_position_embeddings);
    g->first_state.depth = g->state.depth;
    g->hidden_in = torch::zeros({1, cfg.backbone.hidden_size}, model.lm_head.options());
    g->first_state.last_hidden = g->hidden_in;
    auto codes = model.lm_head.options().dtype(torch::kInt64);
    g->frame_in = torch::zeros({1, cfg.num_codebooks}, codes);
    g->frame_out = torch::zeros({1, cfg.num_codebooks}, codes);
    g->position = torch::zeros({1}, codes);
    GraphedFrameDecoder* raw = g.get();
    g->first.capture([&] { raw->frame_out.copy_(model.decode_frame(raw->first_state, sample)); });
    g->next.capture([&] {
      model.append_frame_at(raw->state, raw->frame_in, raw->position);
      raw->frame_out.copy_(model.decode_frame(raw->state, sample));
      raw->position.add_(1);
    });
    graphed = std::move(g);
    return *graphed;
  }

  PromptPiece piece(int speaker, const std::string& text, const Segment* segment) {
    PromptPiece p;
    p.text_ids = tokenizer.encode_speaker_text(speaker, text);
    if (segment) {
      p.frames = segment->frames;
      if (p.frames.empty() && !segment->audio.empty())
        p.frames = mimi().encode(segment->audio.data(), static_cast<int64_t>(segment->audio.size())).frames();
      p.frames.emplace_back(runtime.config().num_codebooks, 0);  // end of that segment's audio
    }
    return p;
  }
};

Generator::Generator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Generator::Generator(Generator&&) noexcept = default;
Generator& Generator::operator=(Generator&&) noexcept = default;
Generator::~Generator() = default;

Generator Generator::load_csm_1b(const std::string& path, const RuntimeOptions& options,
                                 const std::string& tokenizer_path) {
  auto runtime = CsmRuntime::load(path, options);  // first: a wrong model path is the likelier mistake
  std::string tok = tokenizer_path;
  if (tok.empty()) {
    fs::path folder = fs::is_directory(path) ? fs::path(path) : fs::path(path).parent_path();
    tok = (folder / "tokenizer.json").string();
    if (!fs::exists(tok))
      throw InputError(tok + ": not found; a CSM model folder needs the text tokenizer (copy tokenizer.json from "
                             "sesame/csm-1b) or pass a tokenizer file explicitly");
  }
  auto tokenizer = TextTokenizer::from_file(tok);
  if (tokenizer.vocab_size() > runtime.config().text_vocab_size)
    throw InputError(tok + ": the tokenizer has " + std::to_string(tokenizer.vocab_size()) +
                     " tokens but the model's text vocabulary holds " + std::to_string(runtime.config().text_vocab_size) +
                     "; tokenizer and model do not belong together");
  return from_parts(std::move(runtime), std::move(tokenizer));
}

Generator Generator::from_parts(CsmRuntime runtime, TextTokenizer tokenizer) {
  return Generator(std::make_unique<Impl>(std::move(runtime), std::move(tokenizer)));
}

const CsmRuntime& Generator::runtime() const { return impl_->runtime; }

int64_t Generator::prompt_length(const std::string& text, int speaker, const std::vector<Segment>& context) const {
  int64_t n = impl_->piece(speaker, text, nullptr).length();
  for (const auto& s : context) n += impl_->piece(s.speaker, s.text, &s).length();
  return n;
}

std::vector<Frame> Generator::generate_frames(const std::string& text, int speaker, const std::vector<Segment>& context,
                                              const GenerationOptions& options, const FrameCallback& on_frame) const {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError("nothing to say: the text is empty");
  if (options.max_audio_length_ms < kFrameMs)
    throw InputError("max_audio_length_ms must be at least " + std::to_string(kFrameMs) + " (one frame)");
  SamplingSettings sampling{options.temperature, options.topk};
  validate_sampling(sampling);

  const CsmConfig& cfg = impl_->runtime.config();
  const int64_t max_frames = options.max_audio_length_ms / kFrameMs;
  const int64_t budget = cfg.backbone.max_position_embeddings;

  std::vector<PromptPiece> pieces;
  for (const auto& s : context) pieces.push_back(impl_->piece(s.speaker, s.text, &s));
  pieces.push_back(impl_->piece(speaker, text, nullptr));
  auto prompt_len = [&] {
    int64_t n = 0;
    for (const auto& p : pieces) n += p.length();
    return n;
  };
  while (prompt_len() + max_frames > budget && pieces.size() > 1 && options.context_policy == ContextPolicy::DropOldest)
    pieces.erase(pieces.begin());
  if (prompt_len() + max_frames > budget)
    throw InputError("the prompt takes " + std::to_string(prompt_len()) + " positions and " + std::to_string(max_frames) +
                     " frames (" + std::to_string(options.max_audio_length_ms) + " ms) are asked for, but the model's "
                     "context holds " + std::to_string(budget) + "; shorten the context or the text, or lower "
                     "max_audio_length_ms");

  torch::NoGradGuard no_grad;
  auto& rt = impl_->runtime.impl();
  CsmModelImpl& model = *rt.model;
  const int64_t K = cfg.num_codebooks;
  // Prompt tokens [1, L, K+1]: text rows then audio rows of every piece, in order.
  std::vector<torch::Tensor> tokens, masks;
  for (const auto& p : pieces) {
    auto text_seq = build_sequence(cfg, p.text_ids, {}, rt.device);
    tokens.push_back(text_seq.tokens);
    masks.push_back(text_seq.mask);
    if (!p.frames.empty()) {
      auto audio_seq = build_sequence(cfg, {}, p.frames, rt.device);
      tokens.push_back(audio_seq.tokens);
      masks.push_back(audio_seq.mask);
    }
  }
  auto prompt_tokens = torch::cat(tokens, 1), prompt_mask = torch::cat(masks, 1);  // [1, L, K+1]

  const bool use_graph = options.use_cuda_graphs && compat::StepGraph::supported(rt.device);
  auto generator = use_graph ? compat::graph_safe_generator(rt.device, options.seed)
                             : make_seeded_generator(rt.device, options.seed);
  const int64_t codec_codes = options.codec_codes_only ? cfg.codec.codebook_size : cfg.audio_vocab_size;
  const CodeSampler sample = [&](const torch::Tensor& logits, int64_t) {
    if (codec_codes >= logits.size(-1)) return sample_topk(logits, sampling, generator);
    auto allowed = logits.clone();  // [B, V]
    allowed.slice(-1, codec_codes).fill_(-std::numeric_limits<float>::infinity());
    return sample_topk(allowed, sampling, generator);
  };

  // next_frame(i) -> [1, K] on the device: eagerly, or by replaying the recorded graphs
  std::unique_lock<std::mutex> graph_lock(*impl_->graph_mutex, std::defer_lock);
  std::function<torch::Tensor(int64_t)> next_frame;
  InferenceState state;
  if (use_graph) {
    graph_lock.lock();  // the graphs own their buffers: one graphed run at a time
    GraphedFrameDecoder& g = impl_->graphed_decoder(sampling, options.codec_codes_only, sample);
    g.state.length = 0;
    model.prefill(g.state, prompt_tokens, prompt_mask);
    g.hidden_in.copy_(g.state.last_hidden);
    g.position.fill_(g.state.length);
    next_frame = [&g](int64_t i) {
      if (i == 0) {
        g.first.replay();
      } else {
        g.frame_in.copy_(g.frame_out);
        g.next.replay();
      }
      return g.frame_out;
    };
  } else {
    state = model.new_state(1, prompt_len() + max_frames);
    model.prefill(state, prompt_tokens, prompt_mask);
    next_frame = [&, previous = torch::Tensor()](int64_t i) mutable {
      if (i > 0) model.append_frame(state, previous);
      previous = model.decode_frame(state, sample);
      return previous;
    };
  }

  std::vector<Frame> frames;
  for (int64_t i = 0; i < max_frames; ++i) {
    auto host = next_frame(i).to(torch::kCPU);  // [1, K]; one sync per frame, as the reference
    if (host.eq(0).all().item<bool>()) break;  // the reference's end-of-audio frame
    auto acc = host.accessor<int64_t, 2>();
    Frame f(K);
    for (int64_t k = 0; k < K; ++k) f[k] = static_cast<int32_t>(acc[0][k]);
    frames.push_back(std::move(f));
    if (on_frame && !on_frame(frames.back(), static_cast<int>(i))) break;
  }
  return frames;
}

GeneratedAudio Generator::generate(const std::string& text, int speaker, const std::vector<Segment>& context,
                                  const GenerationOptions& options, const AudioChunkCallback& on_chunk) const {
  auto decoder = impl_->mimi().streaming_decoder();
  std::unique_ptr<StreamingWatermarker> marker;
  if (options.watermark)
    marker = std::make_unique<StreamingWatermarker>(load_or_create_installation_key(options.watermark_key_path));
  GeneratedAudio out;
  bool cancelled = false;
  auto emit = [&](const std::vector<float>& chunk) {
    if (chunk.empty()) return true;
    out.samples.insert(out.samples.end(), chunk.begin(), chunk.end());
    cancelled = on_chunk && !on_chunk(chunk);
    return !cancelled;
  };
  out.frames = generate_frames(text, speaker, context, options, [&](const Frame& frame, int) {
    auto pcm = decoder.decode_frame(frame);  // 1920 samples, decoder state carried over
    return emit(marker ? marker->push(pcm) : pcm);
  });
  if (marker && !cancelled) emit(marker->flush());
  return out;
}

}  // namespace csm
