"""The phone and the server read an answer alike: the JavaScript normaliser and hash
(static/passport/answers.js, run by Node) give what geopark/passport/answers.py gives."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from geopark.passport.answers import ITERATIONS, answer_hash, normalise

SCRIPT = Path(__file__).resolve().parents[1] / "static" / "passport" / "answers.js"
INPUTS = [
    "Đồng Đăng",
    "  ĐỒNG   đăng!! ",
    "Chùa Tam Thanh – Nhị Thanh",
    "Mẫu Sơn, 1.541 m",
    "Phai Vệ",
    "Hữu Nghị Quan",
    "Lân Nóng?",
    "Kỳ Lừa\tphố\nmới",
    "三清洞",
    "鬼门关 Quỷ Môn Quan",
    "12",
    "1,5",
    "Quẩy, quẫy, quậy",
    "ø æ ß ł ð",
    "İstanbul",
    "ﬁve Ⅻ ½",
    "under_score-dash",
    "",
]


def _node(payload: dict) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node is needed to run the passport's answers.js (the base image ships it)")
    program = (
        "const a = require(process.argv[1]);"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "Promise.all(input.hashes.map(([s, t]) => a.answerHash(s, t))).then(hashes =>"
        " console.log(JSON.stringify({folded: input.texts.map(a.fold), hashes, iterations: a.ITERATIONS})));"
    )
    done = subprocess.run(
        [node, "-e", program, str(SCRIPT)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_phone_normalises_and_hashes_answers_as_the_server_does():
    pairs = [["a1b2c3d4e5f60718", "Đồng Đăng"], ["ffff0000aaaa5555", "1,5"], ["00", "三清洞"]]
    found = _node({"texts": INPUTS, "hashes": pairs})
    assert found["folded"] == [normalise(text) for text in INPUTS]
    assert found["hashes"] == [answer_hash(salt, text) for salt, text in pairs]
    assert found["iterations"] == ITERATIONS


def test_an_answer_matches_whatever_its_case_spaces_and_accents():
    assert answer_hash("s", "  dong   DANG ") == answer_hash("s", "Đồng Đăng")
    assert answer_hash("s", "Đồng Đăng") != answer_hash("t", "Đồng Đăng")
    assert answer_hash("s", "Đồng Đăng") != answer_hash("s", "Đồng Đăng 2")
