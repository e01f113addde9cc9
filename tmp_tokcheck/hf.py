import json, sys
from tokenizers import Tokenizer
t = Tokenizer.from_file("tmp_tokcheck/llama3.json")
corpus = json.load(open("tmp_tokcheck/rand.json"))
json.dump({"ids_raw": [t.encode(s, add_special_tokens=False).ids for s in corpus],
           "ids": [t.encode(s).ids for s in corpus]}, open(sys.argv[1], "w"))
print("done", len(corpus))
