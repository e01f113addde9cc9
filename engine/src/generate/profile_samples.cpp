// Profile samples: the generator driven by a voice profile (see csm/generate/profile_samples.h).
#include "csm/generate/profile_samples.h"

#include <unistd.h>

#include <filesystem>

#include "csm/data/audio_file.h"
#include "csm/data/resampler.h"
#include "csm/generate/generator.h"

namespace csm {
namespace fs = std::filesystem;

std::vector<ProfileSampleResult> generate_profile_samples(ProfileLibrary& library, int id,
                                                          const std::vector<std::string>& texts,
                                                          const ProfileSampleOptions& opts, bool standard) {
  const VoiceProfile profile = library.get(id);
  auto generator = Generator::load_csm_1b(library.resolve(id, profile.model_path), {opts.device, opts.dtype},
                                          opts.tokenizer);
  GenerationOptions options;
  options.temperature = profile.inference.temperature;
  options.topk = profile.inference.topk;
  options.max_audio_length_ms = profile.inference.max_audio_length_ms;
  options.seed = opts.seed;
  std::vector<Segment> context;  // the profile's reference clips, in order
  for (const auto& clip : profile.inference.context_clips) {
    auto audio = data::read_audio_file(library.resolve(id, clip.file));
    Segment segment;
    segment.speaker = clip.speaker_id < 0 ? id : clip.speaker_id;
    segment.text = clip.text;
    segment.audio = audio.sample_rate == 24000 ? audio.samples : data::resample(audio.samples, audio.sample_rate, 24000);
    context.push_back(std::move(segment));
  }
  std::vector<ProfileSampleResult> results;
  for (const auto& text : texts) {
    ProfileSampleResult r;
    r.audio = generator.generate(text, id, context, options).samples;
    // staged outside the library, then copied in atomically by add_sample
    const fs::path staged = fs::temp_directory_path() / ("csm-sample-" + std::to_string(::getpid()) + ".wav");
    data::write_wav_pcm16(staged.string(), r.audio, 24000);
    try {
      r.sample = library.add_sample(id, staged.string(), text, standard);
    } catch (...) {
      fs::remove(staged);
      throw;
    }
    fs::remove(staged);
    results.push_back(std::move(r));
  }
  return results;
}

}  // namespace csm
