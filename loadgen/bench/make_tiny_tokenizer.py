#!/usr/bin/env python3
# A tiny local word-level tokenizer for the peer tools (the hub is unreachable): inference-perf's
# random datagen samples token ids from its vocabulary; GuideLLM's synthetic_text encodes Faker
# text and keeps the first N tokens, so the vocabulary also holds Faker's English lorem words
# (lower-cased input, punctuation as tokens) or its prompts would decode to almost nothing.
import sys
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast
out = sys.argv[1]
words = [f"w{i}" for i in range(2000)] + "the of and to in is was for on that with as by at from".split()
words += list(".,;:!?'\"-()")
try:
    from faker.providers.lorem.en_US import Provider
    words += sorted({w.lower() for w in Provider.word_list})
except ImportError:
    pass
tok = Tokenizer(models.WordLevel(unk_token="[UNK]"))
tok.normalizer = normalizers.Lowercase()
tok.pre_tokenizer = pre_tokenizers.Whitespace()
tok.train_from_iterator([" ".join(words)] * 2, trainers.WordLevelTrainer(special_tokens=["[UNK]", "[BOS]", "[EOS]"]))
fast = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", bos_token="[BOS]", eos_token="[EOS]")
fast.save_pretrained(out)
print("saved", out, "vocabulary", tok.get_vocab_size())
