#!/usr/bin/env python3
"""Golden fixtures for CSM Studio's engine, made with the reference implementation.

Runs where Python `transformers` (5.x) and `safetensors` are installed (the GPU machine):

    python3 tools/make_fixtures.py tests/fixtures

Writes, all small enough to commit:
  tiny_csm/            a tiny random CsmForConditionalGeneration (save_pretrained layout:
                       config.json + model.safetensors, codec_model.* weights included)
  tiny_csm_sesame/     the same weights in the original Sesame layout (ckpt.pt, torch.save'd
                       flat state dict, q/k in torchtune's interleaved RoPE order) + ckpt_wrapped.pt
                       ({"model": state_dict}, the layout LibTorch's unpickler rejects)
  csm_reference.safetensors   inputs and reference outputs (fp32, CPU):
                       backbone logits, depth-decoder logits, both losses, for a plain batch and a
                       right-padded batch with -101 (backbone-only) frames; one cached decode step;
                       a depth-decoder pass; greedy generated frames.
  mimi_reference.safetensors  a short waveform, its codes and the decoded waveform (for the codec).
Everything is seeded: re-running gives the same files.
"""
import inspect
import json
import os
import shutil
import sys

import torch
import transformers
from safetensors.torch import save_file
from transformers import CsmConfig, CsmForConditionalGeneration

OUT = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures"
K = 8            # codebooks (CSM-1B: 32)
AUDIO_VOCAB = 67  # codebook_size 64 + 3 specials, like 2048 + 3 in CSM-1B
TEXT_VOCAB = 1024


def rope(theta, factor, low, high, original):
    return {"rope_type": "llama3", "rope_theta": theta, "factor": factor, "low_freq_factor": low,
            "high_freq_factor": high, "original_max_position_embeddings": original}


def with_rope(kwargs, params):
    """transformers 5 takes `rope_parameters`; 4.x took rope_theta + rope_scaling."""
    if "rope_parameters" in inspect.signature(CsmConfig.__init__).parameters:
        kwargs["rope_parameters"] = params
    else:
        kwargs["rope_theta"] = params["rope_theta"]
        kwargs["rope_scaling"] = {k: v for k, v in params.items() if k != "rope_theta"}
    return kwargs


def tiny_config():
    codec = dict(model_type="mimi", hidden_size=32, num_filters=4, codebook_size=64, codebook_dim=16,
                 vector_quantization_hidden_dimension=16, upsample_groups=32, num_quantizers=K,
                 num_semantic_quantizers=1, num_hidden_layers=2, intermediate_size=64,
                 num_attention_heads=2, num_key_value_heads=2, head_dim=16, sliding_window=25,
                 max_position_embeddings=200)
    depth = with_rope(dict(num_codebooks=K, backbone_hidden_size=64, vocab_size=AUDIO_VOCAB, hidden_size=48,
                           intermediate_size=96, num_hidden_layers=2, num_attention_heads=4,
                           num_key_value_heads=2, max_position_embeddings=K + 1, rms_norm_eps=1e-5),
                      rope(500000.0, 32.0, 1.0, 4.0, 16))
    cfg = with_rope(dict(num_codebooks=K, vocab_size=AUDIO_VOCAB, text_vocab_size=TEXT_VOCAB, hidden_size=64,
                         intermediate_size=128, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
                         max_position_embeddings=256, rms_norm_eps=1e-5, codebook_pad_token_id=AUDIO_VOCAB - 1,
                         codebook_eos_token_id=0, bos_token_id=1, pad_token_id=2, audio_token_id=2,
                         audio_eos_token_id=3, depth_decoder_config=depth, codec_config=codec),
                    rope(500000.0, 32.0, 1.0, 4.0, 64))
    return CsmConfig(**cfg)


def embed(model, tokens, is_text):
    """inputs_embeds exactly as CsmForConditionalGeneration builds them: text rows from
    embed_text_tokens, audio rows as the sum of the per-codebook audio embeddings."""
    K = model.config.num_codebooks
    text = model.embed_text_tokens(tokens[..., K])
    audio = model.backbone_model.embed_tokens(tokens[..., :K])
    return torch.where(is_text[..., None], text, audio)


def make_batch(cfg, gen, B, n_text, n_audio, pad=None):
    """tokens [B, L, K+1] (K codes, then the text id), mask [B, L, K+1], labels [B, L, K]."""
    K, n_codes, text_vocab = cfg.num_codebooks, cfg.codec_config.codebook_size, cfg.text_vocab_size
    L = n_text + n_audio
    tokens = torch.zeros(B, L, K + 1, dtype=torch.long)
    mask = torch.zeros(B, L, K + 1, dtype=torch.bool)
    tokens[:, :n_text, K] = torch.randint(4, text_vocab, (B, n_text), generator=gen)
    mask[:, :n_text, K] = True
    tokens[:, n_text:, :K] = torch.randint(0, n_codes, (B, n_audio, K), generator=gen)
    mask[:, n_text:, :K] = True
    labels = torch.full((B, L, K), -100, dtype=torch.long)
    labels[:, n_text:, :] = tokens[:, n_text:, :K]
    attention = torch.ones(B, L, dtype=torch.long)
    frame_labels = torch.full((B, L), -100, dtype=torch.long)  # the 2-D form: audio_token_id / -101 / -100
    frame_labels[:, n_text:] = cfg.audio_token_id
    if pad is not None:
        # item 1 is right-padded by `pad` positions; frames 2 and 5 of item 0 train the backbone only
        attention[1, L - pad:] = 0
        labels[1, L - pad:, :] = -100
        tokens[1, L - pad:, :] = 0
        mask[1, L - pad:, :] = False
        frame_labels[1, L - pad:] = -100
        for f in (2, 5):
            labels[0, n_text + f, 1:] = -100
            frame_labels[0, n_text + f] = -101
    return tokens, mask, labels, attention, frame_labels


def reference_outputs(model):
    """Inputs and outputs of the reference for every path the engine reproduces (fp32 or bf16 as
    the model is; tensors returned as float32 / int64 on the CPU)."""
    cfg = model.config
    K = cfg.num_codebooks
    device = next(model.parameters()).device
    ref = {}
    gen = torch.Generator().manual_seed(7)
    with torch.no_grad():
        for tag, pad in [("plain", None), ("padded", 5)]:
            tokens, mask, labels, attention, frame_labels = (t.to(device) for t in make_batch(cfg, gen, 2, 6, 14, pad))
            is_text = mask[..., K]
            out = model(inputs_embeds=embed(model, tokens, is_text), attention_mask=attention, labels=labels)
            ref.update({f"{tag}.tokens": tokens, f"{tag}.mask": mask.to(torch.uint8), f"{tag}.labels": labels,
                        f"{tag}.attention_mask": attention, f"{tag}.frame_labels": frame_labels,
                        f"{tag}.logits": out.logits, f"{tag}.depth_logits": out.depth_decoder_logits,
                        f"{tag}.backbone_loss": out.backbone_loss.reshape(1),
                        f"{tag}.depth_loss": out.depth_decoder_loss.reshape(1), f"{tag}.loss": out.loss.reshape(1)})

        # One cached decode step: prefill the plain batch, then feed one more audio frame.
        tokens = ref["plain.tokens"]
        is_text = ref["plain.mask"].bool()[..., K]
        pre = model(inputs_embeds=embed(model, tokens, is_text), use_cache=True)
        next_frame = torch.randint(0, cfg.codec_config.codebook_size, (2, 1, K), generator=gen).to(device)
        step = model(input_ids=next_frame, past_key_values=pre.past_key_values, use_cache=True)
        ref["step.next_frame"] = next_frame
        ref["step.prefill_last_logits"] = pre.logits[:, -1, :]
        ref["step.logits"] = step.logits[:, -1, :]

        # Depth decoder on its own: backbone hidden state + codes 0..K-2 -> logits for codes 1..K-1.
        hidden = model.backbone_model(inputs_embeds=embed(model, tokens, is_text)).last_hidden_state[:, -1, :]
        codes = torch.randint(0, cfg.codec_config.codebook_size, (2, K - 1), generator=gen).to(device)
        dd_in = torch.nn.functional.pad(codes, (1, 0), value=0)
        dd = model.depth_decoder(input_ids=dd_in, backbone_last_hidden_state=hidden)
        ref["depth.backbone_hidden"] = hidden
        ref["depth.codes"] = codes
        ref["depth.logits"] = dd.logits

        # Greedy generation from a text-only prompt (for the generator's fidelity test).
        prompt = tokens[:1, :6, K]
        try:
            frames = model.generate(input_ids=prompt, max_new_tokens=6, do_sample=False,
                                    depth_decoder_do_sample=False)
            ref["generate.prompt"] = prompt
            ref["generate.frames"] = frames if isinstance(frames, torch.Tensor) else frames.sequences
        except Exception as e:  # keep the other fixtures if this transformers' generate differs
            print("generate skipped:", repr(e))

    return {k: (v.float() if v.is_floating_point() else v).detach().cpu().contiguous() for k, v in ref.items()}


def to_sesame_layout(sd, cfg):
    """Inverse of transformers' convert_csm.py: names and torchtune's interleaved q/k rows."""
    def unpermute(w, n_heads):
        rows, cols = w.shape
        return w.view(n_heads, 2, rows // n_heads // 2, cols).transpose(1, 2).reshape(rows, cols)

    out = {}
    for name, w in sd.items():
        if name.startswith("codec_model.") or name == "depth_decoder.model.embed_tokens.weight":
            continue  # the codec ships separately; the decoder embedding is tied to audio_embeddings
        new = name
        for a, b in [("backbone_model.layers.", "backbone.layers."), ("depth_decoder.model.layers.", "decoder.layers."),
                     ("self_attn.o_proj", "attn.output_proj"), ("self_attn.", "attn."), ("mlp.gate_proj", "mlp.w1"),
                     ("mlp.down_proj", "mlp.w2"), ("mlp.up_proj", "mlp.w3"), ("input_layernorm.weight", "sa_norm.scale"),
                     ("post_attention_layernorm.weight", "mlp_norm.scale"), ("backbone_model.norm.weight", "backbone.norm.scale"),
                     ("depth_decoder.model.norm.weight", "decoder.norm.scale"), ("embed_text_tokens.weight", "text_embeddings.weight"),
                     ("backbone_model.embed_tokens.embed_audio_tokens.weight", "audio_embeddings.weight"),
                     ("lm_head.weight", "codebook0_head.weight"), ("depth_decoder.codebooks_head.weight", "audio_head"),
                     ("depth_decoder.model.inputs_embeds_projector.weight", "projection.weight")]:
            new = new.replace(a, b)
        if new.endswith("attn.q_proj.weight") or new.endswith("attn.k_proj.weight"):
            part = cfg if new.startswith("backbone.") else cfg.depth_decoder_config
            heads = part.num_attention_heads if "q_proj" in new else part.num_key_value_heads
            w = unpermute(w, heads)
        out[new] = w.detach().clone().contiguous()
    return out


def main():
    torch.manual_seed(1234)
    cfg = tiny_config()
    model = CsmForConditionalGeneration(cfg).eval()
    model.config._attn_implementation = "eager"
    model.depth_decoder.config._attn_implementation = "eager"
    # Random init leaves norms at 1; perturb them so the fixture checks that they are applied.
    with torch.no_grad():
        for n, p in model.named_parameters():
            if n.endswith("layernorm.weight") or n.endswith("norm.weight"):
                p.add_(0.1 * torch.randn_like(p))
        # CSM-1B's depth decoder embeds codes with the backbone's audio table (tied in Sesame's model);
        # make the tiny model the same, so the Sesame-layout checkpoint reproduces it exactly.
        model.depth_decoder.model.embed_tokens.weight.copy_(model.backbone_model.embed_tokens.embed_audio_tokens.weight)

    tiny = os.path.join(OUT, "tiny_csm")
    shutil.rmtree(tiny, ignore_errors=True)
    model.save_pretrained(tiny, safe_serialization=True)
    for extra in os.listdir(tiny):
        if extra not in ("config.json", "model.safetensors", "generation_config.json"):
            os.remove(os.path.join(tiny, extra))

    sesame = os.path.join(OUT, "tiny_csm_sesame")
    os.makedirs(sesame, exist_ok=True)
    sd = to_sesame_layout(model.state_dict(), cfg)
    torch.save(sd, os.path.join(sesame, "ckpt.pt"))
    torch.save({"model": sd}, os.path.join(sesame, "ckpt_wrapped.pt"))

    ref = reference_outputs(model)
    ref = {k: v.detach().contiguous() for k, v in ref.items()}
    meta = {"transformers": transformers.__version__, "torch": torch.__version__, "codebooks": str(K)}
    save_file(ref, os.path.join(OUT, "csm_reference.safetensors"), metadata=meta)

    # Codec reference: 0.4 s of a chirp, its codes, and the decode of those codes.
    codec = model.codec_model.eval()
    t = torch.arange(9600) / 24000.0
    wave = (0.3 * torch.sin(2 * torch.pi * (200 + 400 * t) * t)).reshape(1, 1, -1)
    with torch.no_grad():
        codes = codec.encode(wave).audio_codes
        decoded = codec.decode(codes).audio_values
    save_file({"input": wave.contiguous(), "codes": codes.contiguous(), "decoded": decoded.contiguous()},
              os.path.join(OUT, "mimi_reference.safetensors"), metadata=meta)

    print(json.dumps({k: list(v.shape) for k, v in ref.items()}))
    print("wrote fixtures to", OUT, "with transformers", transformers.__version__)


if __name__ == "__main__":
    main()
