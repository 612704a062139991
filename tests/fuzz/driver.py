"""Standalone fuzz driver: N generated inputs per reader, each run under a watchdog.

    python -m tests.fuzz.driver --inputs 100000 --jobs 4 --minutes 600

For every reader of ``viewer.core.formats.READERS`` it makes inputs from that reader's
fixtures: text mutations (cuts, line deletions, duplications, swaps, reversed blocks, pieces
of other layouts, BOMs, blank runs, long numbers), byte flips through the decoder, splices
with other layouts, cuts anywhere and inside speaker headers (found from the fixture's own
parse, for every layout), random Unicode and hostile shapes (the fixture scaled up to 200 KB,
one endless line, blank runs, deep or mistyped JSON). Each input is loaded with the reader
(``--layout``) and by detection, and when it loads goes through ``--json``, figures, search and
CSV export. It flags

- a crash: any exception but ``TranscriptError`` with a reason (or a search refused with
  ``ViewerError``: an invalid or runaway regular expression);
- a hang: loading over 2 s for an input under 200 KB (outputs: over 5 s, a runaway regular
  expression must stop at its 1 s budget);
- a silent wrong parse: broken structure (indices, speaker ids, empty paragraphs), text that
  is not in the input, a cut file whose turns are not the whole file's (same speakers, same
  words, the last one a prefix) without a warning, a cut file detected as another layout,
  ``--json`` that does not read back into the same transcript, a CSV that does not read back
  or starts a formula.

Failing inputs are saved under ``build/fuzz/`` with a ``.txt`` of what went wrong; distinct
failures (by kind, stage and place) are listed at the end. Exit status 1 when any was found.
``--jobs N`` runs N processes (the readers' inputs are split into chunks, each with its own
seed, so a run is reproducible for a given ``--seed`` and ``--chunk``).
"""

from __future__ import annotations

import argparse
import copy
import json
import multiprocessing
import random
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from tests.fuzz import harness as h
from viewer.core.errors import TranscriptError
from viewer.core.formats import parse_text, reader
from viewer.core.loading import decode
from viewer.core.models import Layout, Transcript

MAX_INPUT = 200 * 1024
# The figure pattern starts only at a number's first digit: ``\d+%`` alone is quadratic on a
# 5,000-digit number (a fuzzed input), which would measure the query, not the viewer.
QUERIES = [("revenue", False), ("營收", False), (r"(?<!\d)\d+(?:\.\d+)?%", True), ("Q3", False)]
RUNAWAY = ["(a+)+$", r"(\w+\s?)+$", r"(\w+)*!", r"^(\s*\w+)*$"]


@dataclass
class Input:
    text: str
    how: str
    cut_of: int | None = None  # index of the seed this is a prefix of


@dataclass
class Seed:
    text: str
    full: Transcript | None  # the seed's own parse (None: the reader refuses its seed)
    headers: list[tuple[int, int]] = field(default_factory=list)


def _header_spans(full: Transcript, text: str) -> list[tuple[int, int]]:
    """Each speaker header's characters, its repeated line included (from its line to its
    first paragraph's line)."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    spans = []
    for turn in full.turns:
        if turn.paragraphs and turn.line <= len(starts) - 1:
            end_line = min(max(turn.paragraphs[0].line, turn.line + 1), len(starts))
            spans.append((starts[turn.line - 1], starts[end_line - 1]))
    return spans


def load_seeds(name: str, texts: list[str]) -> list[Seed]:
    out = []
    for text in texts:
        try:
            full: Transcript | None = parse_text(text, "<seed>", layout=name)
        except TranscriptError:
            full = None
        out.append(Seed(text, full, _header_spans(full, text) if full else []))
    return out


def hostile(rng: random.Random, seed: str) -> tuple[str, str]:
    """A shape built to be slow or odd: the fixture scaled up, one endless line, blank runs,
    deep or mistyped JSON."""
    roll = rng.randrange(7)
    if roll == 0:
        body = seed.split("\n")
        start = rng.randrange(len(body))
        block = "\n".join(body[start:]) + "\n"
        return seed + block * (MAX_INPUT // (4 * max(1, len(block)))), "scaled up"
    if roll == 1:
        line = rng.choice([ln for ln in seed.split("\n") if ln.strip()] or ["x"])
        return seed + "\n" + (line + " ") * (40_000 // max(1, len(line))), "endless line"
    if roll == 2:
        return "a" + " " * rng.randrange(1000, 100_000) + "b", "a, spaces, b"
    if roll == 3:
        return "\n" * rng.randrange(1000, 20_000) + seed, "blank lines, then the file"
    if roll == 4:
        depth = rng.randrange(100, 5000)
        return "[" * depth + "]" * depth, "deep JSON"
    if roll == 5 and seed.lstrip().startswith("{"):
        try:
            doc = json.loads(seed)
        except ValueError:
            return seed, "JSON (unreadable seed)"
        odd = [None, 0, -1, 1e308, "", [], {}, "x" * 1000, True, [None], {"": None}]
        for _ in range(rng.randrange(1, 5)):
            node = doc
            while isinstance(node, dict | list) and node and rng.random() < 0.7:
                key = rng.choice(list(node)) if isinstance(node, dict) else rng.randrange(len(node))
                if not isinstance(node[key], dict | list) or rng.random() < 0.3:
                    # a copy: the same list or dict put in twice can end up inside itself
                    node[key] = copy.deepcopy(rng.choice(odd))
                    break
                node = node[key]
        return json.dumps(doc, ensure_ascii=rng.random() < 0.5), "JSON, mistyped values"
    lines = seed.split("\n")
    rng.shuffle(lines)
    return "\n".join(lines), "lines shuffled"


def generate(rng: random.Random, seeds: list[Seed], others: list[str]) -> Input:
    """One input made from one of ``seeds``."""
    k = rng.randrange(len(seeds))
    seed = seeds[k]
    text = seed.text
    roll = rng.random()
    if roll < 0.10 and seed.headers:
        at, end = rng.choice(seed.headers)
        return Input(text[: at + 1 + rng.randrange(max(1, end - at - 1))], "cut in header", k)
    if roll < 0.16:
        return Input(text[: rng.randrange(len(text) + 1)], "cut anywhere", k)
    if roll < 0.30:
        raw = h.mutate_bytes(
            text.encode("utf-8"),
            [(rng.getrandbits(32), rng.randrange(255)) for _ in range(rng.randrange(1, 9))],
            rng.randrange(4),
        )
        try:
            return Input(decode(raw, "<fuzz>", replace_errors=rng.random() < 0.5).text, "bytes")
        except TranscriptError:
            return Input(text, "bytes (refused by decode)")
    if roll < 0.36 and others:
        a, b = text.split("\n"), rng.choice(others).split("\n")
        i, j = rng.randrange(len(a)), rng.randrange(len(b))
        return Input("\n".join(a[:i] + b[j : j + rng.randrange(1, 40)] + a[i:]), "splice")
    if roll < 0.39:
        n = rng.randrange(1, 400)
        chars = [chr(rng.randrange(0x110000)) for _ in range(n)]
        return Input(
            "".join(c if not 0xD800 <= ord(c) <= 0xDFFF else "\ufffd" for c in chars),
            "random unicode",
        )
    if roll < 0.44:
        return Input(*hostile(rng, text))
    ops = [
        (rng.randrange(len(h.TEXT_MUTATIONS)), rng.getrandbits(32), rng.getrandbits(32))
        for _ in range(rng.randrange(1, 7))
    ]
    names = "+".join(h.TEXT_MUTATIONS[w].__name__[2:] for w, _, _ in ops)
    return Input(h.mutate_text(text, ops), names)


_STATEMENTDOG = {Layout.BULLETED, Layout.BARE}


def _cut_outcome(text: str, name: str, full: Transcript) -> h.Outcome | None:
    """The truncation and detection oracle for a prefix of a fixture."""
    for forced in (name, None):
        try:
            with h.time_limit(2.0):
                t = parse_text(text, "<fuzz>", layout=forced)
        except (TranscriptError, h.Hang):
            continue  # refused (or a hang: run_one reports it)
        family = {t.meta.layout, full.meta.layout}
        if forced is None and len(family) > 1 and not family <= _STATEMENTDOG:
            return h.Outcome("wrong", "detect", f"a cut {name} file read as {t.meta.layout}")
        problem = h.truncation_problem(t, full)
        if problem:
            mode = "forced" if forced else "detected"
            return h.Outcome("wrong", "load", f"cut file read silently wrong ({mode}): {problem}")
    return None


@dataclass
class Chunk:
    name: str
    start: int
    count: int
    seed: int
    out: str
    outputs: bool


@dataclass
class Result:
    name: str
    start: int = 0  # the chunk's first input number (a merged result: 0)
    done: int = 0
    seconds: float = 0.0
    cpu: float = 0.0
    counts: Counter[str] = field(default_factory=Counter)
    failures: dict[tuple[str, str, str], int] = field(default_factory=dict)


_STATE: dict[str, tuple[list[Seed], list[str], bool]] = {}


def _state(name: str) -> tuple[list[Seed], list[str], bool]:
    if not _STATE:
        texts = h.seeds_by_reader()
        every = [t for ts in texts.values() for t in ts]
        for reader in h.readers():
            own = texts[reader.NAME]
            _STATE[reader.NAME] = (load_seeds(reader.NAME, own), every, h.keeps_text(reader, own))
    return _STATE[name]


def run_chunk(chunk: Chunk, deadline: float) -> Result:
    """``chunk.count`` inputs for one reader (fewer when ``deadline`` passes)."""
    seeds, every, keep = _state(chunk.name)
    rng = random.Random(f"{chunk.seed}:{chunk.name}:{chunk.start}")
    out = Path(chunk.out)
    res = Result(chunk.name, chunk.start)
    began, cpu = time.monotonic(), time.process_time()
    for i in range(chunk.count):
        if time.monotonic() > deadline:
            break
        inp = generate(rng, seeds, every)
        if len(inp.text.encode("utf-8", "replace")) > MAX_INPUT:
            inp.text = inp.text[: MAX_INPUT // 4]
            inp.cut_of = None
        queries = [*QUERIES, (rng.choice(RUNAWAY), True)] if rng.random() < 0.05 else QUERIES
        outcomes = []
        full = seeds[inp.cut_of].full if inp.cut_of is not None else None
        for forced in (reader(chunk.name), None):
            outcomes.append(
                h.run_one(
                    inp.text,
                    forced,
                    outputs=chunk.outputs and forced is not None,
                    queries=queries,
                    keep_text=keep and forced is not None,
                )
            )
        if full is not None:
            extra = _cut_outcome(inp.text, chunk.name, full)
            if extra is not None:
                outcomes.append(extra)
        for outcome in outcomes:
            res.counts[outcome.kind] += 1
            if outcome.kind not in {"parsed", "refused"}:
                _record(res, outcome, inp, out, chunk.start + i)
        res.done += 1
    res.seconds = time.monotonic() - began
    res.cpu = time.process_time() - cpu
    return res


def _record(res: Result, outcome: h.Outcome, inp: Input, out: Path, number: int) -> None:
    where = outcome.detail.rsplit(" at ", 1)[-1] if " at " in outcome.detail else ""
    key = (outcome.kind, outcome.stage, where or outcome.detail[:80])
    n = res.failures.get(key, 0)
    res.failures[key] = n + 1
    if n < 3:
        stem = f"{outcome.kind}-{res.name}-{number}"
        (out / f"{stem}.input").write_text(inp.text, "utf-8", errors="replace")
        (out / f"{stem}.txt").write_text(
            f"reader {res.name}, made by {inp.how}\n{outcome.stage}: {outcome.detail}\n", "utf-8"
        )


def _run_chunk_star(args: tuple[Chunk, float]) -> Result:
    return run_chunk(*args)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--inputs", type=int, default=100_000, help="inputs per reader")
    ap.add_argument(
        "--start",
        type=int,
        default=0,
        help="first input number (a multiple of --chunk): runs with the same --seed and "
        "--chunk over [0, K) and [K, N) make the same inputs as one run over [0, N)",
    )
    ap.add_argument("--minutes", type=float, default=10.0, help="stop after this long")
    ap.add_argument("--jobs", type=int, default=1, help="processes (default 1)")
    ap.add_argument("--chunk", type=int, default=500, help="inputs per reader per task")
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: time)")
    ap.add_argument("--only", default=None, help="one reader's family name")
    ap.add_argument("--out", default=str(h.ROOT / "build" / "fuzz"), help="where to save finds")
    ap.add_argument("--no-outputs", action="store_true", help="load only (no JSON/CSV/...)")
    args = ap.parse_args(argv)

    seed = args.seed if args.seed is not None else int(time.time())
    if args.start % args.chunk or not 0 <= args.start <= args.inputs:
        ap.error("--start must be a multiple of --chunk, between 0 and --inputs")
    Path(args.out).mkdir(parents=True, exist_ok=True)
    names = [r.NAME for r in h.readers() if args.only in (None, r.NAME)]
    deadline = time.monotonic() + args.minutes * 60
    # Chunks interleave the readers, so a run stopped by --minutes covers them all evenly.
    chunks = [
        Chunk(
            name, start, min(args.chunk, args.inputs - start), seed, args.out, not args.no_outputs
        )
        for start in range(args.start, args.inputs, args.chunk)
        for name in names
    ]
    print(
        f"fuzz driver: seed {seed}, {len(names)} readers, inputs {args.start} to {args.inputs} "
        f"of each (chunks of {args.chunk}), "
        f"{args.jobs} process(es)",
        flush=True,
    )
    results = {name: Result(name) for name in names}
    work = [(c, deadline) for c in chunks]
    if args.jobs > 1:
        with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
            for r in pool.imap_unordered(_run_chunk_star, work):
                _merge(results[r.name], r)
    else:
        for c, d in work:
            _merge(results[c.name], run_chunk(c, d))
    return _report(results, seed, args.out)


def _merge(into: Result, r: Result) -> None:
    into.done += r.done
    into.seconds += r.seconds
    into.cpu += r.cpu
    into.counts.update(r.counts)
    for key, n in r.failures.items():
        into.failures[key] = into.failures.get(key, 0) + n
    if r.done:
        print(f"  {r.name:16s} +{r.done} from input {r.start} ({into.done} in all)", flush=True)


def _report(results: dict[str, Result], seed: int, out: str) -> int:
    print(f"\nseed {seed}; each input loaded with its reader and by detection")
    # Per second of wall time in a worker, and per second of CPU (the machine may be shared).
    print(f"  {'reader':16s} {'inputs':>8s} {'per s':>7s} {'per cpu s':>9s}  outcomes")
    distinct: Counter[tuple[str, str, str, str]] = Counter()
    for name, r in results.items():
        rate = r.done / r.seconds if r.seconds else 0.0
        cpu_rate = r.done / r.cpu if r.cpu else 0.0
        outcomes = " ".join(f"{k}={r.counts[k]}" for k in sorted(r.counts))
        print(f"  {name:16s} {r.done:8d} {rate:7.1f} {cpu_rate:9.1f}  {outcomes}")
        for (kind, stage, where), n in r.failures.items():
            distinct[(kind, stage, name, where)] += n
    if distinct:
        print(f"\n{len(distinct)} distinct failures (inputs saved in {out}):")
        for (kind, stage, name, where), n in distinct.most_common():
            print(f"  {n:6d} x {kind} in {stage} ({name}): {where}")
        return 1
    print("no crash, hang or wrong parse")
    return 0


if __name__ == "__main__":
    sys.exit(main())
