// pocketsphinx (5prealpha, Debian 12) wrapper. Long audio is decoded in pieces of at most ~20 s cut
// at pauses, because one pocketsphinx utterance keeps its whole lattice in memory and its search
// degrades on long inputs; the piece offsets are added back to the word times.
#include "csm/data/speech_recognizer.h"

#include <pocketsphinx.h>
#include <sphinxbase/err.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

#include "csm/data/resampler.h"
#include "csm/data/silence.h"
#include "csm/errors.h"

namespace fs = std::filesystem;

namespace csm::data {
namespace {

struct ModelPaths {
  std::string hmm, lm, dict;
};

ModelPaths model_paths() {
  const char* env = std::getenv("CSM_POCKETSPHINX_MODEL_DIR");
  const fs::path dir = env && *env ? fs::path(env) : fs::path("/usr/share/pocketsphinx/model/en-us");
  return {(dir / "en-us").string(), (dir / "en-us.lm.bin").string(), (dir / "cmudict-en-us.dict").string()};
}

// "word(2)" -> "word"; fillers and markers -> "".
std::string clean_hyp(const char* w) {
  std::string s = w ? w : "";
  if (s.empty() || s[0] == '<' || s[0] == '[' || s == "++NOISE++") return "";
  const size_t p = s.find('(');
  if (p != std::string::npos && p > 0) s.resize(p);
  return s;
}

}  // namespace

struct SpeechRecognizer::Impl {
  cmd_ln_t* config = nullptr;
  ps_decoder_t* ps = nullptr;
};

std::string SpeechRecognizer::unavailable_reason() {
  const ModelPaths p = model_paths();
  std::error_code ec;
  if (!fs::is_directory(p.hmm, ec) || !fs::is_regular_file(p.lm, ec) || !fs::is_regular_file(p.dict, ec))
    return "the English speech model is not installed (" + p.hmm +
           "); install it with `sudo apt-get install pocketsphinx-en-us`";
  return "";
}

SpeechRecognizer::SpeechRecognizer() : impl_(std::make_unique<Impl>()) {
  const std::string why = unavailable_reason();
  if (!why.empty()) throw InputError(why);
  static std::once_flag quiet;
  std::call_once(quiet, [] { err_set_logfp(nullptr); });  // pocketsphinx logs every step to stderr
  const ModelPaths p = model_paths();
  impl_->config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", p.hmm.c_str(), "-lm", p.lm.c_str(), "-dict",
                              p.dict.c_str(), "-samprate", "16000", nullptr);
  if (!impl_->config) throw InputError(p.hmm + ": pocketsphinx rejected its configuration");
  impl_->ps = ps_init(impl_->config);
  if (!impl_->ps) {
    cmd_ln_free_r(impl_->config);
    throw InputError(p.hmm + ": pocketsphinx could not load the English model; reinstall pocketsphinx-en-us");
  }
}

SpeechRecognizer::~SpeechRecognizer() {
  if (impl_->ps) ps_free(impl_->ps);
  if (impl_->config) cmd_ln_free_r(impl_->config);
}

std::vector<Word> SpeechRecognizer::recognize(const std::vector<float>& samples, int sample_rate) {
  const std::vector<float> a16 = resample(samples, sample_rate, 16000);
  std::vector<int16_t> pcm(a16.size());
  for (size_t i = 0; i < a16.size(); ++i)
    pcm[i] = static_cast<int16_t>(std::max(-32768.0f, std::min(32767.0f, a16[i] * 32767.0f)));

  // Piece boundaries: the middle of pauses, so no word is cut, at most ~20 s apart.
  std::vector<size_t> cuts{0};
  {
    const EnergyProfile e = analyze_energy(a16, 16000);
    const std::vector<Pause> pauses = find_pauses(e, 0.2);
    double piece_start = 0.0, best = -1.0;
    for (const Pause& p : pauses) {
      if (p.mid() - piece_start > 20.0 && best > piece_start) {
        cuts.push_back(static_cast<size_t>(best * 16000));
        piece_start = best;
      }
      if (p.mid() - piece_start <= 20.0) best = p.mid();
    }
  }
  cuts.push_back(pcm.size());

  std::vector<Word> out;
  for (size_t c = 0; c + 1 < cuts.size(); ++c) {
    const size_t b = cuts[c], e = cuts[c + 1];
    if (e <= b) continue;
    ps_start_utt(impl_->ps);
    ps_process_raw(impl_->ps, pcm.data() + b, e - b, FALSE, TRUE);
    ps_end_utt(impl_->ps);
    const double offset = double(b) / 16000.0;
    for (ps_seg_t* it = ps_seg_iter(impl_->ps); it; it = ps_seg_next(it)) {
      const std::string w = clean_hyp(ps_seg_word(it));
      if (w.empty()) continue;
      int sf = 0, ef = 0;
      ps_seg_frames(it, &sf, &ef);
      out.push_back({w, offset + sf / 100.0, offset + (ef + 1) / 100.0});  // 100 frames per second
    }
  }
  return out;
}

}  // namespace csm::data
