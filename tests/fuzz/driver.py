"""Standalone fuzz driver: N generated inputs per reader, each run with a timer.

    python -m tests.fuzz.driver --inputs 100000 --minutes 60

For every reader of ``viewer.core.formats.READERS`` it mutates that reader's fixtures (text
mutations, byte flips through the decoder, splices with other layouts, random Unicode,
cuts inside speaker headers), loads each input with the reader (and by detection), and when
it loads runs ``--json``, figures, search and CSV export. It flags

- a crash: any exception but ``TranscriptError`` with a reason;
- a hang: loading over 2 s for an input under 200 KB (outputs: over 5 s);
- a silent wrong parse: broken structure (indices, speaker ids, empty paragraphs), text that
  is not in the input, a cut inside a speaker header without a warning, a CSV that does not
  read back or starts a formula.

Failing inputs are saved under ``build/fuzz/`` with a ``.txt`` of what went wrong; distinct
failures (by kind, stage and place) are listed at the end. Exit status 1 when any was found.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path
from types import ModuleType

from tests.fuzz import harness as h
from viewer.core.errors import TranscriptError
from viewer.core.loading import decode
from viewer.core.speakers import parse_header

MAX_INPUT = 200 * 1024
# The figure pattern starts only at a number's first digit: ``\d+%`` alone is quadratic on a
# 5,000-digit number (a fuzzed input), which would measure the query, not the viewer.
QUERIES = [("revenue", False), ("營收", False), (r"(?<!\d)\d+(?:\.\d+)?%", True), ("Q3", False)]
RUNAWAY = ["(a+)+$", r"(\w+\s?)+$", r"(\w+)*!", r"^(\s*\w+)*$"]


def _header_spans(text: str) -> list[tuple[int, int]]:
    spans, off = [], 0
    for line in text.split("\n"):
        if line.strip() and parse_header(line.strip().lstrip("•").strip()) is not None:
            spans.append((off, len(line)))
        off += len(line) + 1
    return spans


def generate(
    rng: random.Random, reader: ModuleType, seeds: list[str], others: list[str]
) -> tuple[str, str, bool]:
    """One input for ``reader``: (text, how it was made, cut inside a speaker header)."""
    seed = rng.choice(seeds)
    roll = rng.random()
    if roll < 0.12 and reader.NAME == "statementdog":
        spans = _header_spans(seed)
        if spans:
            at, length = rng.choice(spans)
            return seed[: at + 1 + rng.randrange(length)], "cut in header", True
    if roll < 0.30:
        raw = h.mutate_bytes(
            seed.encode("utf-8"),
            [(rng.getrandbits(32), rng.randrange(255)) for _ in range(rng.randrange(1, 9))],
            rng.randrange(4),
        )
        try:
            return decode(raw, "<fuzz>", replace_errors=rng.random() < 0.5).text, "bytes", False
        except TranscriptError:
            return seed, "bytes (refused by decode)", False
    if roll < 0.38 and others:
        a, b = seed.split("\n"), rng.choice(others).split("\n")
        i, j = rng.randrange(len(a)), rng.randrange(len(b))
        return "\n".join(a[:i] + b[j : j + rng.randrange(1, 40)] + a[i:]), "splice", False
    if roll < 0.42:
        n = rng.randrange(1, 400)
        chars = [chr(rng.randrange(0x110000)) for _ in range(n)]
        text = "".join(c if not 0xD800 <= ord(c) <= 0xDFFF else "\ufffd" for c in chars)
        return text, "random unicode", False
    ops = [
        (rng.randrange(len(h.TEXT_MUTATIONS)), rng.getrandbits(32), rng.getrandbits(32))
        for _ in range(rng.randrange(1, 7))
    ]
    names = "+".join(h.TEXT_MUTATIONS[w].__name__[2:] for w, _, _ in ops)
    return h.mutate_text(seed, ops), names, False


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=100_000, help="inputs per reader")
    ap.add_argument("--minutes", type=float, default=10.0, help="stop after this long")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    ap.add_argument("--out", default=str(h.ROOT / "build" / "fuzz"), help="where to save finds")
    ap.add_argument("--no-outputs", action="store_true", help="load only (no JSON/CSV/...)")
    args = ap.parse_args(argv)

    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    seeds = h.seeds_by_reader()
    readers = h.readers()
    every = [t for texts in seeds.values() for t in texts]
    deadline = time.monotonic() + args.minutes * 60
    counts: dict[str, Counter[str]] = {r.NAME: Counter() for r in readers}
    distinct: dict[tuple[str, str, str], int] = {}
    print(f"fuzz driver: seed {seed}, {len(readers)} readers, {args.inputs} inputs each")
    done = 0
    while done < args.inputs and time.monotonic() < deadline:
        for reader in readers:
            own = seeds[reader.NAME]
            text, how, cut = generate(rng, reader, own, every)
            if len(text.encode("utf-8")) > MAX_INPUT:
                text = text[: MAX_INPUT // 4]
            keep = h.keeps_text(reader, own)
            queries = [*QUERIES, (rng.choice(RUNAWAY), True)] if rng.random() < 0.05 else QUERIES
            for forced in (reader, None):
                outcome = h.run_one(
                    text,
                    forced,
                    outputs=not args.no_outputs and forced is not None,
                    queries=queries,
                    cut_inside_header=cut and forced is not None,
                    keep_text=keep and forced is not None,
                )
                counts[reader.NAME][outcome.kind] += 1
                if outcome.kind in {"parsed", "refused"}:
                    continue
                where = outcome.detail.rsplit(" at ", 1)[-1] if " at " in outcome.detail else ""
                key = (outcome.kind, outcome.stage, where or outcome.detail[:80])
                n = distinct.get(key, 0)
                distinct[key] = n + 1
                if n < 3:
                    stem = f"{outcome.kind}-{reader.NAME}-{len(distinct)}-{n}"
                    (out / f"{stem}.input").write_text(text, "utf-8", errors="replace")
                    (out / f"{stem}.txt").write_text(
                        f"reader {reader.NAME} ({'forced' if forced else 'detected'}), "
                        f"made by {how}\n{outcome.stage}: {outcome.detail}\n",
                        "utf-8",
                    )
        done += 1
        if done % 1000 == 0:
            print(f"  {done} inputs per reader", flush=True)

    print(f"\n{done} inputs per reader (each loaded forced and by detection), seed {seed}")
    for name, c in counts.items():
        print(f"  {name:14s} " + " ".join(f"{k}={c[k]}" for k in sorted(c)))
    if distinct:
        print(f"\n{len(distinct)} distinct failures (saved in {out}):")
        for (kind, stage, where), n in sorted(distinct.items(), key=lambda kv: -kv[1]):
            print(f"  {n:6d} x {kind} in {stage}: {where}")
        return 1
    print("no crash, hang or wrong parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
