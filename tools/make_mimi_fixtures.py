#!/usr/bin/env python3
"""Golden fixtures for CSM Studio's Mimi codec, made with transformers' MimiModel.

Runs where Python `transformers` (5.x), `torch` and `safetensors` are installed (the GPU machine):

    python3 tools/make_mimi_fixtures.py tiny tests/fixtures        # small files, committed
    python3 tools/make_mimi_fixtures.py fullsize /tmp/mimi-full     # full-size random Mimi (GPU check)

`tiny` writes:
  tiny_mimi/            a tiny random MimiModel, save_pretrained layout (config.json model_type
                        "mimi" + model.safetensors): the standalone kyutai/mimi layout. Its
                        sliding_window (8) is shorter than the test clips, codebooks, layer scales
                        and norms are randomised (transformers' init leaves all-zero codebooks).
  tiny_mimi_moshi/      the same weights in Moshi's original checkpoint layout
                        (tokenizer-tiny.safetensors: Moshi names, fused q/k/v with interleaved RoPE
                        rows) + config.json; checked here against transformers' own converter.
  mimi_tiny_reference.safetensors
                        CPU float32 references: a 2 s clip, its codes and their decode; a ragged
                        batch (each item encoded alone by transformers); random codes and their
                        decode. Metadata says whether transformers' attention honoured the window.
`fullsize` writes a full-size random MimiModel (MimiConfig defaults, 32 codebooks) folder and
reference_fp32/bf16.safetensors made on CUDA, for `mimi_bench compare` (with MIMI_NO_TF32=1, into
OUT/no-tf32/, made with TF32 convolutions off, for `mimi_bench compare --no-tf32`).
Everything is seeded: re-running gives the same files.
"""
import json
import os
import shutil
import sys

import torch
import transformers
from safetensors.torch import load_file, save_file
from transformers import MimiConfig, MimiModel


def tiny_config():
    return MimiConfig(hidden_size=32, num_filters=4, codebook_size=64, codebook_dim=16,
                      vector_quantization_hidden_dimension=16, upsample_groups=32, num_quantizers=8,
                      num_semantic_quantizers=1, num_hidden_layers=2, intermediate_size=64,
                      num_attention_heads=2, num_key_value_heads=2, head_dim=16, sliding_window=8,
                      max_position_embeddings=400)


def randomise(model, gen):
    """transformers' init gives zero codebooks (every code 0) and 0.01 layer scales; make every part
    of the network matter. A few cluster_usage entries are 0 to exercise the clamp(min=1e-5)."""
    with torch.no_grad():
        for name, p in list(model.named_parameters()) + list(model.named_buffers()):
            if name.endswith("layer_scale.scale"):
                p.copy_(torch.rand(p.shape, generator=gen) + 0.5)
            elif name.endswith("layernorm.weight"):
                p.copy_(1 + 0.2 * torch.randn(p.shape, generator=gen))
            elif name.endswith("layernorm.bias"):
                p.copy_(0.1 * torch.randn(p.shape, generator=gen))
            elif name.endswith("cluster_usage"):
                u = torch.rand(p.shape, generator=gen) * 2 + 0.2
                u[:3] = 0.0
                p.copy_(u)
            elif name.endswith("embed_sum"):
                usage = dict(model.named_buffers())[name.replace("embed_sum", "cluster_usage")]
                e = torch.randn(p.shape, generator=gen) * usage.clamp(min=1e-5)[:, None]
                p.copy_(e)
        for m in model.modules():  # the cached embed must follow the new buffers
            if hasattr(m, "_embed"):
                m._embed = None


def chirp(n, f0=150.0, f1=900.0, seed=0):
    g = torch.Generator().manual_seed(seed)
    t = torch.arange(n) / 24000.0
    f = f0 + (f1 - f0) * t / max(t[-1].item(), 1e-9)
    return 0.4 * torch.sin(2 * torch.pi * f * t) + 0.05 * torch.randn(n, generator=g)


def window_applied(model):
    """Does transformers' encoder transformer limit attention to config.sliding_window?"""
    cfg = model.config
    with torch.no_grad():
        x = torch.randn(1, cfg.sliding_window * 3, cfg.hidden_size, generator=torch.Generator().manual_seed(5))
        x = x.to(next(model.parameters()).device, next(model.parameters()).dtype)
        first = lambda o: o[0] if isinstance(o, tuple) else o.last_hidden_state
        a = first(model.encoder_transformer(x))
        y = x.clone()
        y[:, 0] += 1.0
        b = first(model.encoder_transformer(y))
    return bool((a[:, -1] - b[:, -1]).abs().max().item() == 0.0)


# ---- Moshi's original layout ---------------------------------------------------------------------

def to_moshi(sd, cfg, convtr_modules):
    """Inverse of transformers' convert_mimi_checkpoint_to_pytorch.py: Moshi names, fused in_proj
    with q/k rows in Moshi's interleaved-RoPE order. `convtr_modules`: names of the transposed convs."""
    def unpermute(w, heads):
        rows, cols = w.shape
        return w.view(heads, 2, rows // heads // 2, cols).transpose(1, 2).reshape(rows, cols)

    out = {}
    for name, w in sd.items():
        if ".self_attn.k_proj." in name or ".self_attn.v_proj." in name:
            continue
        module = name.rsplit(".", 2)[0]  # "decoder.layers.2" of "decoder.layers.2.conv.weight"
        new = name
        if ".self_attn.q_proj.weight" in name:
            base = name.replace("q_proj.weight", "")
            q = unpermute(sd[base + "q_proj.weight"], cfg.num_attention_heads)
            k = unpermute(sd[base + "k_proj.weight"], cfg.num_key_value_heads)
            w = torch.cat([q, k, sd[base + "v_proj.weight"]], 0)
            new = base + "in_proj_weight"
        for a, b in [("encoder_transformer.", "encoder_transformer.transformer."),
                     ("decoder_transformer.", "decoder_transformer.transformer."),
                     ("mlp.fc1", "linear1"), ("mlp.fc2", "linear2"), ("self_attn.o_proj", "self_attn.out_proj"),
                     ("input_layernorm", "norm1"), ("post_attention_layernorm", "norm2"),
                     ("self_attn_layer_scale", "layer_scale_1"), ("mlp_layer_scale", "layer_scale_2"),
                     ("quantizer.semantic_residual_vector_quantizer.layers", "quantizer.rvq_first.vq.layers"),
                     ("quantizer.semantic_residual_vector_quantizer", "quantizer.rvq_first"),
                     ("quantizer.acoustic_residual_vector_quantizer.layers", "quantizer.rvq_rest.vq.layers"),
                     ("quantizer.acoustic_residual_vector_quantizer", "quantizer.rvq_rest"),
                     ("codebook.initialized", "_codebook._initialized"),
                     ("codebook.embed_sum", "_codebook.embedding_sum"),
                     ("codebook.cluster_usage", "_codebook.cluster_usage"),
                     ("encoder.layers", "encoder.model"), ("decoder.layers", "decoder.model")]:
            new = new.replace(a, b)
        if new.startswith("downsample.conv."):
            new = new.replace("downsample.conv.", "downsample.conv.conv.conv.")
        elif new.startswith("upsample.conv."):
            new = new.replace("upsample.conv.", "upsample.convtr.convtr.convtr.")
        elif new.startswith(("encoder.model.", "decoder.model.")):
            new = new.replace(".conv.", ".convtr.convtr." if module in convtr_modules else ".conv.conv.")
        out[new] = w.detach().clone().contiguous()
    return out


def check_moshi_layout(moshi, model):
    """Load the Moshi-layout dict with transformers' own converter and compare every tensor."""
    try:
        from transformers.models.mimi import convert_mimi_checkpoint_to_pytorch as conv
    except Exception as e:  # the converter is not shipped in every wheel
        print("Moshi layout not cross-checked:", repr(e)[:200])
        return
    try:
        fresh = MimiModel(model.config)
        conv._convert_model(dict(moshi), fresh, conv.convert_list, "cpu", model.config)
        ref = model.state_dict()
        bad = [k for k, v in fresh.state_dict().items() if not torch.equal(v, ref[k])]
        print("Moshi layout cross-check with transformers' converter:", "OK" if not bad else f"DIFFERS at {bad[:5]}")
    except Exception as e:
        print("Moshi layout cross-check FAILED to run:", repr(e)[:300])


def tiny(out):
    torch.manual_seed(1234)
    gen = torch.Generator().manual_seed(99)
    cfg = tiny_config()
    model = MimiModel(cfg).eval()
    randomise(model, gen)
    convtr_modules = {n for n, m in model.named_modules() if type(m).__name__ == "MimiConvTranspose1d"}

    folder = os.path.join(out, "tiny_mimi")
    shutil.rmtree(folder, ignore_errors=True)
    model.save_pretrained(folder, safe_serialization=True)
    for extra in os.listdir(folder):
        if extra not in ("config.json", "model.safetensors"):
            os.remove(os.path.join(folder, extra))

    moshi = to_moshi(model.state_dict(), cfg, convtr_modules)
    check_moshi_layout(moshi, model)
    mfolder = os.path.join(out, "tiny_mimi_moshi")
    shutil.rmtree(mfolder, ignore_errors=True)
    os.makedirs(mfolder)
    save_file(moshi, os.path.join(mfolder, "tokenizer-tiny.safetensors"))
    shutil.copy(os.path.join(folder, "config.json"), os.path.join(mfolder, "config.json"))

    ref = {}
    with torch.no_grad():
        wave = chirp(48000).reshape(1, 1, -1)
        codes = model.encode(wave).audio_codes
        ref["input"] = wave
        ref["codes"] = codes
        ref["decoded"] = model.decode(codes).audio_values
        lengths = [48000, 30001, 7000]
        batch = torch.zeros(3, 1, 48000)
        for i, n in enumerate(lengths):
            item = chirp(n, 100.0 + 200 * i, 700.0 + 100 * i, seed=i + 1).reshape(1, 1, -1)
            batch[i, 0, :n] = item[0, 0]
            ref[f"batch.codes.{i}"] = model.encode(item).audio_codes
        ref["batch.input"] = batch
        ref["batch.lengths"] = torch.tensor(lengths, dtype=torch.int64)
        rc = torch.randint(0, cfg.codebook_size, (1, cfg.num_quantizers, 20), generator=gen)
        rc[0, :, 0] = torch.arange(cfg.num_quantizers) % 3  # the clamped (usage 0) codes
        ref["random_codes"] = rc
        ref["random_decoded"] = model.decode(rc).audio_values
    meta = {"transformers": transformers.__version__, "torch": torch.__version__,
            "sliding_window_applied": str(window_applied(model)).lower(),
            "attn_implementation": str(getattr(model.config, "_attn_implementation", "?"))}
    save_file({k: v.contiguous() for k, v in ref.items()}, os.path.join(out, "mimi_tiny_reference.safetensors"),
              metadata=meta)
    print(json.dumps({"tiny": {k: list(v.shape) for k, v in ref.items()}, "meta": meta}))


def fullsize(out):
    if os.environ.get("MIMI_NO_TF32") == "1":  # full float32 convolutions: references for exactness checks
        torch.backends.cudnn.allow_tf32 = False
        torch.backends.cuda.matmul.allow_tf32 = False
        out = os.path.join(out, "no-tf32")
        os.makedirs(out, exist_ok=True)
    torch.manual_seed(4321)
    gen = torch.Generator().manual_seed(11)
    cfg = MimiConfig(num_quantizers=32)
    model = MimiModel(cfg).eval()
    randomise(model, gen)
    folder = os.path.join(out, "mimi-random")
    shutil.rmtree(folder, ignore_errors=True)
    model.save_pretrained(folder, safe_serialization=True)
    dev = "cuda"
    # 12 s per item: 300 encoder steps, longer than the 250-step sliding window.
    wave = torch.stack([chirp(24000 * 12, seed=3), chirp(24000 * 12, 300.0, 2000.0, seed=4)]).reshape(2, 1, -1)
    meta = {"transformers": transformers.__version__, "torch": torch.__version__, "gpu": torch.cuda.get_device_name(),
            "cudnn_tf32": str(torch.backends.cudnn.allow_tf32).lower()}
    for tag, dtype in [("fp32", torch.float32), ("bf16", torch.bfloat16)]:
        m = MimiModel.from_pretrained(folder).to(dev, dtype).eval()
        with torch.no_grad():
            codes = m.encode(wave.to(dev, dtype)).audio_codes
            decoded = m.decode(codes).audio_values
        save_file({"input": wave.contiguous(), "codes": codes.cpu().contiguous(),
                   "decoded": decoded.float().cpu().contiguous()},
                  os.path.join(out, f"reference_{tag}.safetensors"), metadata=meta)
    print(json.dumps({"fullsize": folder, "meta": meta}))


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else "tiny"
    target = sys.argv[2] if len(sys.argv) > 2 else ("tests/fixtures" if mode == "tiny" else "/tmp/mimi-full")
    os.makedirs(target, exist_ok=True)
    {"tiny": tiny, "fullsize": fullsize}[mode](target)
