// Prints llama3-tokenizer-js's ids for each string of a JSON array, as the reference for
// tests/test_llama3_vocabulary.cpp:
//
//   node encode_llama3.js corpus.json   →   {"ids": [[128000, ...], ...], "ids_raw": [[...], ...]}
//
// "ids" has the BOS that Llama-3's template adds (the package's EOS is not part of that
// template, so it is off); "ids_raw" has neither.
import { readFileSync } from 'node:fs';
import llama3Tokenizer from 'llama3-tokenizer-js';

const corpusPath = process.argv[2];
if (!corpusPath) {
  console.error('usage: node encode_llama3.js corpus.json');
  process.exit(2);
}
const corpus = JSON.parse(readFileSync(corpusPath, 'utf8'));
const ids = corpus.map((text) => llama3Tokenizer.encode(text, { bos: true, eos: false }));
const idsRaw = corpus.map((text) => llama3Tokenizer.encode(text, { bos: false, eos: false }));
process.stdout.write(JSON.stringify({ ids, ids_raw: idsRaw }) + '\n');
