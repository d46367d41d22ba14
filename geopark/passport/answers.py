"""How an answer is compared without the page showing it: the answer is normalised as search
normalises words (core.text.fold: case, spaces, punctuation and Vietnamese diacritics, đ too), then
hashed with PBKDF2-HMAC-SHA256 and the question's salt. The phone does the same in
static/passport/answers.js (the two are tested to agree) and compares hashes, offline."""

from __future__ import annotations

import hashlib

from geopark.core.text import fold

# Enough to make guessing by brute force slow on a laptop for a word, cheap on a phone for one try.
ITERATIONS = 20_000


def normalise(answer: str) -> str:
    return fold(answer)


def answer_hash(salt: str, answer: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", normalise(answer).encode(), salt.encode(), ITERATIONS).hex()
