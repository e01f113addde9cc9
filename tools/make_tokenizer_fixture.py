#!/usr/bin/env python3
"""Makes the golden data of tests/test_text_tokenizer.cpp with Hugging Face `tokenizers`.

Trains a small byte-level BPE laid out like Llama-3's tokenizer.json (the Llama-3 split regex,
ByteLevel, ignore_merges, special tokens after the vocabulary, a Sequence[ByteLevel,
TemplateProcessing] post-processor adding BOS/EOS as CSM does) on a built-in English text, then
writes:

    OUT_DIR/tokenizer.json       the trained tokenizer
    OUT_DIR/reference_ids.json   {"corpus": [...], "ids": [[...]], "ids_raw": [[...]]}:
                                 the library's ids for each corpus string, with and without
                                 the post-processor's special tokens

Usage: python3 tools/make_tokenizer_fixture.py [OUT_DIR]   (default: tests/fixtures/tokenizer)

Needs only the `tokenizers` package (made with 0.23); downloads nothing. Training is deterministic
for a given `tokenizers` version, so rerunning it rewrites the same files.
"""
import json
import pathlib
import sys

import tokenizers
from tokenizers import AddedToken, Regex, Tokenizer, decoders, models, pre_tokenizers, processors, trainers

# The pre-tokenizer pattern of Meta's Llama-3 tokenizer.json.
LLAMA3_PATTERN = (
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*"
    r"|\s*[\r\n]+|\s+(?!\S)|\s+"
)
VOCAB_SIZE = 800
BOS = "<|begin_of_text|>"
EOS = "<|end_of_text|>"
SPECIAL_TOKENS = [BOS, EOS, "<|start_header_id|>", "<|end_header_id|>", "<|eot_id|>"]

TRAINING_TEXT = [
    "The old lighthouse keeper climbed the stairs every evening at seven o'clock. He'd counted them "
    "once, years ago: one hundred and twelve steps, worn smooth in the middle by the boots of the "
    "keepers who had come before him. At the top he wound the clockwork, trimmed the wick and watched "
    "the beam sweep out across the water, turning and turning until the morning came.",
    "\"We're going to be late,\" she said, pulling on her coat. \"The train leaves at 8:45 and it's "
    "already twenty past.\" He didn't answer; he was still looking for his keys. They weren't on the "
    "table, they weren't in the kitchen, and they weren't in the pocket of yesterday's jacket.",
    "In 1969, about 600 million people watched the first Moon landing on television. The lunar module "
    "touched down at 20:17 UTC on July 20, and six and a half hours later Neil Armstrong stepped onto "
    "the surface. The mission carried 3 astronauts, travelled roughly 384,400 kilometres each way and "
    "returned 21.5 kilograms of rock and soil to Earth.",
    "Speech synthesis has come a long way. Early systems stitched together recorded syllables; later "
    "ones used statistical models; today's neural models predict audio tokens directly from text and "
    "context, so the same sentence can sound calm, surprised or tired depending on what came before it.",
    "Recipe: mix 250 g of flour, 2 eggs and 300 ml of milk. Let the batter rest for 30 minutes, then "
    "cook thin pancakes in a hot pan. Serve with lemon and sugar -- or, if you're feeling generous, "
    "with cream and fresh berries. Makes about 12 pancakes.",
    "Dear Ms. Thompson,\n\nThank you for your letter of 3 March. I'm happy to confirm that your order "
    "(no. 40721) was shipped on Tuesday and should arrive within five working days.\n\nKind regards,\n"
    "Customer Service",
    "Café au lait, crème brûlée and a pain au chocolat: the menu at the little bistro in Montréal "
    "hadn't changed in thirty years, and nobody wanted it to. Señora García still ordered the same "
    "thing every Friday, and the waiter still brought it before she'd said a word.",
    "[0]Hello, how are you today?\n[1]I'm fine, thanks. And you?\n[0]Not bad at all. Did you hear the "
    "news this morning?\n[1]No, what happened?",
]

# Strings whose ids the test compares: what the Llama-3 split regex treats differently, special
# tokens written in the text, CSM speaker prompts, and text unlike the training text.
CORPUS = [
    "Hello world",
    "[0]Hello",
    "[1]It's a lovely day, isn't it?",
    "[12]Well... I don't know.",
    "They're here; we've seen them. YOU'LL see, THEY'LL come. It's, It'S, IT'S, it's.",
    "I'd've gone if I'd known -- she'd said so, hadn't she?",
    "Numbers: 7, 42, 1234, 1234567, 3.14159265358979, 1,000,000 and 2024-05-17.",
    "a  b   c    d     e",
    "line one\nline two\n\nline four\r\nline five\r\n\r\n\n",
    "\tindented\twith\t\ttabs\t",
    "   leading spaces and trailing spaces   ",
    "Punctuation!? (parentheses) [brackets] {braces} <angles> \"quotes\" 'single' -- dashes... #hash @at $5 100% a&b *star*",
    "Café crème brûlée, naïve façade, Ångström, Þórr, Łódź, São Paulo.",
    "日本語のテキスト、中文文本。한국어 텍스트",
    "Emoji: 😀 👍🏽 🎉🎉 👨‍👩‍👧 ❤️ — done.",
    "Special tokens in text: <|begin_of_text|>Hi<|eot_id|> and <|end_of_text|>.",
    "Not special: <|not_a_token|> <|eot_id <eot_id|>",
    "MiXeD CaSe WoRdS and ALL CAPS and all lower",
    "",
    " ",
    "\n",
] + TRAINING_TEXT[:2]


def build_tokenizer():
    tokenizer = Tokenizer(models.BPE(ignore_merges=True))
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(LLAMA3_PATTERN), behavior="isolated", invert=False),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
        ]
    )
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=VOCAB_SIZE,
        min_frequency=1,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tokenizer.train_from_iterator(TRAINING_TEXT, trainer=trainer)
    # Added after training so that they follow the vocabulary, as in Llama-3 (128000 and up).
    tokenizer.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in SPECIAL_TOKENS])
    tokenizer.post_processor = processors.Sequence(
        [
            processors.ByteLevel(trim_offsets=False),
            processors.TemplateProcessing(
                single=f"{BOS} $A {EOS}",
                pair=f"{BOS} $A {EOS} $B:1 {EOS}:1",
                special_tokens=[(BOS, tokenizer.token_to_id(BOS)), (EOS, tokenizer.token_to_id(EOS))],
            ),
        ]
    )
    # Set ignore_merges in the saved form too, whatever training kept of the model's options.
    data = json.loads(tokenizer.to_str())
    data["model"]["ignore_merges"] = True
    return Tokenizer.from_str(json.dumps(data))


def json_rows(rows):
    return "[\n" + ",\n".join("    " + json.dumps(row, ensure_ascii=False) for row in rows) + "\n  ]"


def main():
    out_dir = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/tokenizer")
    out_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = build_tokenizer()
    tokenizer.save(str(out_dir / "tokenizer.json"))

    ids = [tokenizer.encode(text, add_special_tokens=True).ids for text in CORPUS]
    ids_raw = [tokenizer.encode(text, add_special_tokens=False).ids for text in CORPUS]
    for text, row in zip(CORPUS, ids_raw):
        assert tokenizer.decode(row, skip_special_tokens=False) == text, f"byte-level BPE should round-trip: {text!r}"
    (out_dir / "reference_ids.json").write_text(
        "{\n"
        f'  "tokenizers_version": {json.dumps(tokenizers.__version__)},\n'
        f'  "corpus": {json_rows(CORPUS)},\n'
        f'  "ids": {json_rows(ids)},\n'
        f'  "ids_raw": {json_rows(ids_raw)}\n'
        "}\n",
        encoding="utf-8",
    )
    print(f"{out_dir}: vocabulary of {tokenizer.get_vocab_size()} tokens, {len(CORPUS)} reference strings "
          f"(tokenizers {tokenizers.__version__})")


if __name__ == "__main__":
    main()
