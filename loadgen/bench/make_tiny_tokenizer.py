#!/usr/bin/env python3
# A tiny local word-level tokenizer: inference-perf's random datagen needs one, and the hub is unreachable.
import sys, os
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast
out = sys.argv[1]
words = [f"w{i}" for i in range(2000)] + "the of and to in is was for on that with as by at from".split()
tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.Whitespace()
tok.train_from_iterator([" ".join(words)] * 2, trainers.WordLevelTrainer(special_tokens=["[UNK]", "[BOS]", "[EOS]"]))
fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", bos_token="[BOS]", eos_token="[EOS]")
fast.save_pretrained(out)
print("saved", out)
