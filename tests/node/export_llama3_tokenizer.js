// Writes the Llama-3 vocabulary and merges shipped (compressed) inside the npm package
// llama3-tokenizer-js as a Hugging Face tokenizer.json laid out like Meta's Llama-3 one, so that
// tests/test_llama3_vocabulary.cpp can load the real 128k vocabulary with csm::TextTokenizer.
//
//   node export_llama3_tokenizer.js OUT/tokenizer.json
import { writeFileSync } from 'node:fs';
import llama3Tokenizer from 'llama3-tokenizer-js';

const FIRST_SPECIAL_ID = 128000;
// The split pattern of Meta's tokenizer.json (the package holds it too, rewritten for JavaScript).
const LLAMA3_PATTERN =
  "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

const outPath = process.argv[2];
if (!outPath) {
  console.error('usage: node export_llama3_tokenizer.js OUT/tokenizer.json');
  process.exit(2);
}

const tokens = llama3Tokenizer.vocabById;  // model vocabulary, then the 256 special tokens
const vocab = {};
for (let id = 0; id < FIRST_SPECIAL_ID; id++) vocab[tokens[id]] = id;
const addedTokens = tokens.slice(FIRST_SPECIAL_ID).map((content, i) => ({
  id: FIRST_SPECIAL_ID + i, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
}));
// The package keeps merges in a Map from "left right" to priority, inserted in rank order.
const merges = [...llama3Tokenizer.merges.keys()];

const bos = '<|begin_of_text|>';
const tokenizer = {
  version: '1.0',
  truncation: null,
  padding: null,
  added_tokens: addedTokens,
  normalizer: null,
  pre_tokenizer: {
    type: 'Sequence',
    pretokenizers: [
      { type: 'Split', pattern: { Regex: LLAMA3_PATTERN }, behavior: 'Isolated', invert: false },
      { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
    ],
  },
  post_processor: {
    type: 'Sequence',
    processors: [
      { type: 'ByteLevel', add_prefix_space: true, trim_offsets: false, use_regex: true },
      {
        type: 'TemplateProcessing',
        single: [{ SpecialToken: { id: bos, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }],
        pair: [
          { SpecialToken: { id: bos, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } },
          { SpecialToken: { id: bos, type_id: 1 } }, { Sequence: { id: 'B', type_id: 1 } },
        ],
        special_tokens: { [bos]: { id: bos, ids: [llama3Tokenizer.getSpecialTokenId(bos)], tokens: [bos] } },
      },
    ],
  },
  decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
  model: {
    type: 'BPE',
    dropout: null,
    unk_token: null,
    continuing_subword_prefix: null,
    end_of_word_suffix: null,
    fuse_unk: false,
    byte_fallback: false,
    ignore_merges: true,
    vocab,
    merges,
  },
};
writeFileSync(outPath, JSON.stringify(tokenizer));
