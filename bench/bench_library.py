"""Issue 15: a library of 1,000 calls (generated from the fictional CLNT fixtures).

- first indexing against parsing and extracting figures from the same files (within 3x);
- reopening an unchanged library and rescanning it (under 1 s);
- searching all of it, two-character Chinese included (each under 50 ms);
- the database against the text (within 3x); peak memory of indexing + searching (400 MB).

``python -m bench library`` runs only this; ``LIBRARY_CALLS=10000`` measures another size.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

from bench.common import BUILD, ROOT, Row, median_time

FIXTURES = ROOT / "tests" / "data" / "library"
N_CALLS = int(os.environ.get("LIBRARY_CALLS", "1000"))
QUERIES = ("營收", "毛利", "指引", "gross margin", "ahead of the top end", "季", "EPS")
REGEXES = (r"guid\w+ range", r"營收.{0,12}億")

_WORDS = [
    "gateway",
    "sensor",
    "utility",
    "backlog",
    "pipeline",
    "margin",
    "freight",
    "software",
    "bookings",
    "channel",
    "inventory",
    "pricing",
    "renewal",
    "deployment",
    "firmware",
    "analytics",
]
_ZH_WORDS = "閘道器 感測器 公用事業 積壓訂單 管道 毛利 運費 軟體 訂單 通路 庫存 定價 續約 部署 韌體 分析".split()  # noqa: SIM905


def _blocks(text: str) -> tuple[str, list[str]]:
    """The head (up to the disclaimer) and the speaker blocks of a bulleted call."""
    head, _, body = text.partition("使用警語")
    disclaimer, _, rest = body.partition("\n")
    parts = re.split(r"(?m)^(?=  • \S[^\n]* - |  • Operator$)", rest.strip("\n"))
    return head + "使用警語" + disclaimer + "\n\n", [p.rstrip("\n") for p in parts if p.strip()]


def generate(folder: Path, n: int = N_CALLS) -> int:
    """``n`` calls of 40 companies in ``folder`` (kept between runs); returns the text bytes.

    Each call is a CLNT fixture with another company name and ticker, its own fiscal
    quarter, its digits shuffled, a few sentences of varied words, and extra speaker blocks
    from the other fixtures (about 12 KB, 60 paragraph pairs per call)."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".complete-{n}"
    files = sorted(folder.glob("*.txt"))
    if marker.exists() and len(files) == n:
        return sum(f.stat().st_size for f in files)
    for f in files:
        f.unlink()
    rng = random.Random(15)
    templates = [_blocks(p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.glob("*.txt"))]
    pool = [b for _, blocks in templates for b in blocks[2:-1]]
    total = 0
    companies = max(1, n // 25)
    for k in range(n):
        co = k % companies
        ticker = "".join(chr(65 + (co * 7 + j * 3) % 26) for j in range(3)) + chr(65 + co % 26)
        name = f"{ticker.title()} {rng.choice(['Dynamics', 'Labs', 'Systems', 'Holdings'])} Inc"
        slot = 2015 * 4 + k // companies
        year, quarter = slot // 4, slot % 4 + 1
        head, blocks = templates[k % len(templates)]
        extra = [rng.choice(pool) for _ in range(24)]
        body = [*blocks[:-1], *extra, blocks[-1]]
        text = "\n\n".join(body)
        text = re.sub(r"\d", lambda m: str(rng.randrange(10)), text)
        words = " ".join(rng.choice(_WORDS) for _ in range(12))
        zh = "".join(rng.choice(_ZH_WORDS) for _ in range(12))
        text = text.replace("Thanks, Mara.", f"Thanks, Mara. Our {words} improved.", 1)
        text = text.replace("謝謝,瑪拉。", f"謝謝,瑪拉。我們的{zh}有所改善。", 1)
        title = f"{name} ({ticker}) {year} Q{quarter} 法說會逐字稿"
        full = re.sub(r"^.*法說會逐字稿", title, head, count=1) + text
        full = full.replace("Corvid Lantern Systems", name).replace("Corvid Lantern", name)
        path = folder / f"{ticker}-{year}-Q{quarter}-{k:05d}.txt"
        path.write_text(full, encoding="utf-8")
        total += len(full.encode("utf-8"))
    marker.touch()
    return total


_CHILD = """
import json, resource, sys, time
from viewer.core.library import Library, search
from viewer.core.search import SearchOptions
db, folder, queries = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
t0 = time.perf_counter()
lib = Library(db)
lib.add_folder(folder)
report = lib.rescan()
index = time.perf_counter() - t0
counts = {q: len(search(lib, SearchOptions(query=q)).hits) for q in queries}  # all listed
lib.close()
print(json.dumps({"index": index, "added": len(report.added), "failed": len(report.failed),
                  "counts": counts,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_PARSE = """
import json, sys, time
from pathlib import Path
from viewer.core.metrics import iter_figures
from viewer.core.transcript_io import load_transcript
files = sorted(Path(sys.argv[1]).glob("*.txt"))
load_transcript(files[0]); list(iter_figures(load_transcript(files[0])))  # imports, tables
t0 = time.perf_counter()
for f in files:
    list(iter_figures(load_transcript(f)))
print(json.dumps({"parse": time.perf_counter() - t0}))
"""


def _run(code: str, *args: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    doc: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return doc


def _cold_search(db: Path, query: str) -> int:
    from viewer.core.library import Library, fulltext, search
    from viewer.core.search import SearchOptions

    with fulltext._CACHE_LOCK:
        fulltext._CACHE.clear()
        fulltext._CACHE_CHARS = 0
    with Library(db) as lib:
        return search(lib, SearchOptions(query=query)).count


def rows() -> list[Row]:
    folder = BUILD / f"library-{N_CALLS}"
    text_bytes = generate(folder)
    db = BUILD / f"library-{N_CALLS}.sqlite3"
    for side in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        side.unlink(missing_ok=True)
    # Parsing in a fresh process too, with its imports and tables warmed like the indexer's
    # (the indexer's one-off import cost is in its own time: the ratio is slightly pessimistic).
    # LIBRARY_PARSE=0 skips the parse baseline (a by-hand run at 10,000 calls)
    skip = os.environ.get("LIBRARY_PARSE") == "0"
    parse = 0.0 if skip else float(_run(_PARSE, str(folder))["parse"])  # type: ignore[arg-type]
    child = _run(_CHILD, str(db), str(folder), json.dumps(QUERIES))
    index = float(child["index"])  # type: ignore[arg-type]
    assert child["added"] == N_CALLS and child["failed"] == 0, child

    from viewer.core.library import Library, search
    from viewer.core.search import SearchOptions

    def reopen() -> None:
        with Library(db) as lib:
            lib.rescan()

    reopen_s = median_time(reopen, repeat=3)
    out = [
        Row(
            f"library index {N_CALLS} calls vs parse+extract",
            index,
            parse or None,
            3.0 if parse else 1e9,
            note=f"{index:.1f} s vs {parse:.1f} s",
        ),
        Row(f"library reopen+rescan {N_CALLS} unchanged", reopen_s, None, 1.0),
    ]
    with Library(db) as lib:
        for q in QUERIES:
            options = SearchOptions(query=q)
            res = search(lib, options)
            n, calls = res.count, len(res.calls)
            # a search: the count and the calls with hits (the hits of a call are listed
            # when it is opened in the hit list)
            t = median_time(lambda o=options: search(lib, o), repeat=5)  # type: ignore[misc]
            # the process's own CPU time too: on a shared, loaded machine the wall time
            # is mostly waiting for a core
            c0 = time.process_time()
            for _ in range(5):
                search(lib, options)
            cpu = (time.process_time() - c0) / 5
            out.append(
                Row(
                    f"library search {q!r} ({n} hits, {calls} calls)",
                    t,
                    None,
                    0.05,
                    note=f"{t * 1000:.1f} ms ({cpu * 1000:.1f} ms CPU)",
                )
            )
        for pattern in REGEXES:
            options = SearchOptions(query=pattern, regex=True)
            n = search(lib, options).count
            t = median_time(lambda o=options: search(lib, o), repeat=3)  # type: ignore[misc]
            out.append(
                Row(
                    f"library regex search {pattern!r} ({n} hits)",
                    t,
                    None,
                    1.0,
                    note=f"{t * 1000:.1f} ms (narrowed by its literals)",
                )
            )
        options = SearchOptions(query=QUERIES[0])
        t = median_time(lambda: search(lib, options).raw, repeat=5)
        out.append(
            Row(
                f"library search {QUERIES[0]!r} listing every hit",
                t,
                None,
                0.25,
                note=f"{t * 1000:.1f} ms (what --library --find prints)",
            )
        )
        first = median_time(lambda: _cold_search(db, QUERIES[0]), repeat=3, warmup=0)
        out.append(
            Row(
                "library first search after opening",
                first,
                None,
                0.5,
                note=f"{first * 1000:.1f} ms (the folds are read from the file once)",
            )
        )
        out.extend(_compare_rows(lib))
    size = sum(p.stat().st_size for p in (db, db.with_name(db.name + "-wal")) if p.exists())
    out.append(
        Row(
            "library database vs text size",
            size / 1e6,
            text_bytes / 1e6,
            3.0,
            unit="MB",
            note=f"{size / 1e6:.1f} MB for {text_bytes / 1e6:.1f} MB of text",
        )
    )
    out.append(Row("peak memory library index+search", float(child["rss_mb"]), None, 400.0, "MB"))  # type: ignore[arg-type]
    return out


def _compare_rows(lib: object) -> list[Row]:
    """compare() on a company of the library, and guidance matching for one company of
    2,000 calls (synthetic figures: 20 reported and 20 guidance per call) against one sort
    of the same figures (what any matcher needs at least): it must stay n log n, where the
    naive matcher (every reported figure for every guidance) took minutes."""
    from decimal import Decimal

    from viewer.core.library import CallInfo, Library, MetricValue, compare, match_guidance

    assert isinstance(lib, Library)
    ticker = max(lib.companies(), key=lambda c: (len(c.calls), c.key)).key
    n_calls = len(lib.calls(ticker))
    t = median_time(lambda: compare(lib, ticker), repeat=3)
    rows = [Row(f"library compare {ticker} ({n_calls} calls)", t, None, 0.5)]
    calls = [
        CallInfo(k, f"/c/{k}", "/c", "Co", "CO", 2000 + k // 4, k % 4 + 1, None, None, None,
                 None, 0, 0, 0, 0, None)
        for k in range(2000)
    ]  # fmt: skip
    rng = random.Random(2)
    figures = []
    for c in calls:
        for j in range(40):
            nature = "reported" if j < 20 else "guidance"
            ahead = 0 if nature == "reported" else 1 + j % 4
            slot = (c.fiscal_year or 0) * 4 + (c.quarter or 1) - 1 + ahead
            v = Decimal(rng.randrange(100, 200))
            figures.append(
                MetricValue(
                    metric=_WORDS[j % 10], period=f"Q{slot % 4 + 1} {slot // 4}",
                    nature=nature, value=v, low=None, high=None, unit="USD",
                    quantum=Decimal(1), qualifier=None, call_id=c.id, file=c.path,
                    paragraph=j, text=str(v),
                )
            )  # fmt: skip
    t = median_time(lambda: match_guidance(figures, calls), repeat=3)
    base = median_time(
        lambda: sorted(figures, key=lambda m: (m.metric, m.period, m.call_id)), repeat=3
    )
    checks = match_guidance(figures, calls)
    matched = sum(1 for g in checks if g.reported is not None)
    rows.append(
        Row(
            "library guidance matching, 1 company x 2,000 calls vs sorting its figures",
            t,
            base,
            10.0,
            note=f"{t:.2f} s; {len(figures):,} figures, {matched:,} of {len(checks):,} matched",
        )
    )
    return rows


if __name__ == "__main__":
    t = time.perf_counter()
    for r in rows():
        print(r, file=sys.stderr)
    print(f"{time.perf_counter() - t:.1f} s", file=sys.stderr)
