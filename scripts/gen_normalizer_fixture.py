#!/usr/bin/env python3
"""Oracle fixture for PersianText.normalize, from hazm's Normalizer.

Every sentence of shared/seeds/*.txt is normalised by hazm. Because the seed texts are already
fairly clean, each sentence also gets a deterministic "noisy" twin typed the way real input
arrives: Arabic ي/ى/ك, heh doachashmee, kashida, Arabic presentation forms, Arabic-Indic digits,
doubled spaces and tabs, and a few harakat. Writes JSON lines to
Tests/PersianKitTests/Fixtures/normalizer.jsonl:

    {"meta": {...}}                                   first line: versions
    {"id": "000:12", "variant": "seed"|"noisy", "input": "...", "hazm": "..."}

The Swift test (HazmOracleTests) compares letters and digits, and lists the intended
differences from hazm explicitly.

Usage:
    pip install hazm          # 0.10.0 on Python 3.11
    python3 scripts/gen_normalizer_fixture.py [path/to/seeds]
"""
import json
import pathlib
import platform
import random
import sys
import unicodedata
from importlib.metadata import version

from hazm import Normalizer, sent_tokenize

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "PersianKitTests" / "Fixtures" / "normalizer.jsonl"
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
HARAKAT = "\u064e\u064f\u0650"  # fatha, damma, kasra


def isolated_forms():
    """Base letter -> its isolated presentation form (U+FE70-FEFF, U+FB50-FDFF).

    Letters with hamza are skipped: hazm maps e.g. U+FE83 to bare alef, dropping the hamza,
    which is a spelling change we deliberately do not make."""
    forms = {}
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        decomposition = unicodedata.decomposition(ch)
        if not decomposition.startswith("<isolated>"):
            continue
        base = unicodedata.normalize("NFKC", ch)
        if len(base) == 1 and base not in "أإؤئءآ" and base not in forms:
            forms[base] = ch
    return forms


ISOLATED = isolated_forms()


def noisy(sentence, rng):
    out = []
    for i, ch in enumerate(sentence):
        r = rng.random()
        if ch == "ی":
            ch = "ى" if (i + 1 == len(sentence) or not sentence[i + 1].isalpha()) and r < 0.3 else ("ي" if r < 0.6 else ch)
        elif ch == "ک" and r < 0.5:
            ch = "ك"
        elif ch == "ه" and r < 0.1:
            ch = "ھ"
        elif ch in PERSIAN_DIGITS and r < 0.5:
            ch = ARABIC_DIGITS[PERSIAN_DIGITS.index(ch)]
        elif ch == " " and r < 0.1:
            ch = rng.choice(["  ", "\t", " \u00a0"])
        elif ch in ISOLATED and r < 0.04:
            ch = ISOLATED[ch]
        out.append(ch)
        nxt = sentence[i + 1] if i + 1 < len(sentence) else ""
        if ch.isalpha() and nxt.isalpha() and ch not in "اأإآدذرزژو" and rng.random() < 0.03:
            out.append("ـ")  # kashida between two joining letters
        elif ch.isalpha() and rng.random() < 0.01:
            out.append(rng.choice(HARAKAT))
    return "".join(out)


def sentences(path):
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line:
            yield from (s.strip() for s in sent_tokenize(line) if s.strip())


def main(argv):
    seeds = pathlib.Path(argv[0]) if argv else DEFAULT_SEEDS
    normalizer = Normalizer()
    rows = [{"meta": {
        "hazm": version("hazm"),
        "python": platform.python_version(),
        "seeds": sorted(p.name for p in seeds.glob("*.txt")),
        "generator": "scripts/gen_normalizer_fixture.py",
    }}]
    for path in sorted(seeds.glob("*.txt")):
        stem = path.name.split("_")[0]
        for n, sentence in enumerate(sentences(path)):
            sid = f"{stem}:{n}"
            rows.append({"id": sid, "variant": "seed", "input": sentence, "hazm": normalizer.normalize(sentence)})
            rng = random.Random(sid)
            dirty = noisy(sentence, rng)
            rows.append({"id": sid, "variant": "noisy", "input": dirty, "hazm": normalizer.normalize(dirty)})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{OUT}: {len(rows) - 1} rows, hazm {rows[0]['meta']['hazm']}")


if __name__ == "__main__":
    main(sys.argv[1:])
