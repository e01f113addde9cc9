#!/usr/bin/env python3
"""Full-size fidelity reference: a random-init CSM-1B (transformers' default CsmConfig, the
sesame/csm-1b architecture) saved with save_pretrained, and its reference outputs in fp32 and bf16.

    python3 tools/make_fullsize_reference.py OUT_DIR

Writes OUT_DIR/csm-1b-random/ (config.json + model.safetensors, ~6.5 GB fp32),
OUT_DIR/reference_fp32.safetensors, OUT_DIR/reference_bf16.safetensors and prints, as a yardstick
for bf16 comparisons, how far transformers' own bf16 logits are from its fp32 logits.
Used by tools/gpu_fullsize_check.sh on the GPU machine.
"""
import json
import os
import sys

import torch
from safetensors.torch import save_file
from transformers import CsmConfig, CsmForConditionalGeneration

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_fixtures import reference_outputs  # noqa: E402

out = sys.argv[1]
torch.manual_seed(0)
torch.backends.cuda.matmul.allow_tf32 = False  # an fp32 reference must be fp32
torch.backends.cudnn.allow_tf32 = False
model = CsmForConditionalGeneration(CsmConfig()).eval()
model.config._attn_implementation = "sdpa"
with torch.no_grad():  # tie as in the released checkpoint (converted from Sesame's shared table)
    model.depth_decoder.model.embed_tokens.weight.copy_(model.backbone_model.embed_tokens.embed_audio_tokens.weight)
model.save_pretrained(os.path.join(out, "csm-1b-random"), safe_serialization=True)
model = model.to("cuda")
ref32 = reference_outputs(model)
save_file(ref32, os.path.join(out, "reference_fp32.safetensors"))
model = model.to(torch.bfloat16)
ref16 = reference_outputs(model)
save_file(ref16, os.path.join(out, "reference_bf16.safetensors"))
yard = {k: float((ref16[k] - ref32[k]).abs().max()) for k in ref32
        if ref32[k].is_floating_point() and ref32[k].shape == ref16[k].shape and "." in k and "logits" in k}
print(json.dumps({"hf_bf16_vs_hf_fp32_max_abs_diff": yard, "gpu": torch.cuda.get_device_name()}))
