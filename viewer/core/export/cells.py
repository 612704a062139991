"""CSV cells and documents: cleaning, formula neutralisation, rendering to text and bytes.

The writer follows RELIABILITY.md ("Writing a CSV"): the whole file is built and encoded in
memory, then written to a temp file beside the target, flushed, fsynced and renamed over it.
On any failure the temp file is removed, the old target is untouched and an
:class:`~viewer.core.errors.ExportError` says why.

Formula neutralisation rule (chosen to keep real text readable)
---------------------------------------------------------------
A *text* cell is prefixed with one apostrophe ``'`` when

- it starts with TAB, CR or LF, or
- its first character that is not whitespace (spaces, TAB, CR, LF, the ideographic space...)
  is one of ``= + - @`` or the full-width ``＝ ＋ － ＠``,

unless the whole cell is a plain number written in ASCII digits such as ``-0.15``, ``+3``,
``-1,234.5``, ``-5%`` or ``-2e-3``: spreadsheets read those as numbers, never as formulas, so
they are written as they are (``+１２.３`` or ``-٣`` are no numbers to a spreadsheet: prefixed). Everything else that starts with a trigger is prefixed, including text such as
``-$5 million`` or ``-- and then``: the only change is the one leading ``'``, so the text stays
readable, and no cell is altered in any other way. Numbers passed as ``int``/``float``/
``Decimal`` are written as numbers and never prefixed. The rule applies to every column.

Always (also in raw mode) NUL and other control characters are removed, except TAB, LF and CR
inside a cell, together with U+FEFF (a stray byte-order mark would give the file a second BOM)
and lone surrogates (they cannot be encoded). Newlines and quotes stay inside quoted cells
(RFC 4180, ``QUOTE_MINIMAL``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal

BOM = "\ufeff"

#: Characters removed from every cell: C0 controls but TAB/LF/CR, DEL, C1 controls, the
#: byte-order mark and lone surrogates.
_STRIP_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ud800-\udfff]")

_TRIGGERS = frozenset("=+-@＝＋－＠")
_ALWAYS = frozenset("\t\r\n")
#: Every whitespace character (all are below U+3001) and every trigger: a cell starting with
#: one of these needs a closer look by :func:`neutralise_cell`.
_SUSPECT = _TRIGGERS | frozenset(c for c in map(chr, range(0x3001)) if c.isspace())
#: A whole cell that spreadsheets read as a plain number (never as a formula).
_PLAIN_NUMBER_RE = re.compile(
    r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)?(?:\.[0-9]+)?(?<=[0-9])(?:[eE][+-]?[0-9]+)?%?\Z"
)


def clean_cell(value: str) -> str:
    """``value`` without NUL, other control characters (TAB/LF/CR kept), U+FEFF, surrogates."""
    if _STRIP_RE.search(value) is None:
        return value
    return _STRIP_RE.sub("", value)


def neutralise_cell(value: str) -> str:
    """``value`` with ``'`` in front when a spreadsheet could run it as a formula.

    See the module docstring for the rule. ``value`` is expected to be cleaned already; the
    function never changes anything but the one leading apostrophe.
    """
    if not value:
        return value
    first = value[0]
    if first in _ALWAYS:
        return "'" + value
    if first.isspace():
        stripped = value.lstrip()
        if not stripped:
            return value
        first = stripped[0]
    if first not in _TRIGGERS:
        return value
    if first in "+-" and _PLAIN_NUMBER_RE.match(value):
        return value
    return "'" + value


def _cell(value: object, neutralise: bool) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        text = clean_cell(value)
        return neutralise_cell(text) if neutralise else text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, Decimal)):
        # Written as a number: a spreadsheet reads it as a number, never as a formula.
        return value
    text = clean_cell(str(value))
    return neutralise_cell(text) if neutralise else text


def _render(
    header: Sequence[object], rows: list[Sequence[object]], neutralise: bool, clean: bool
) -> str:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    if clean:
        writer.writerow([_cell(h, neutralise) for h in header])
        writer.writerows([_cell(v, neutralise) for v in row] for row in rows)
        return buf.getvalue()
    # Fast path, for text without control characters: a plain str or int cell that cannot
    # start a formula goes to the csv module as it is, with no call per cell.
    suspect = _SUSPECT if neutralise else frozenset()
    writer.writerow([_cell(h, neutralise) for h in header])
    writer.writerows(
        [
            v
            if (type(v) is str and (not v or v[0] not in suspect)) or type(v) is int
            else _cell(v, neutralise)
            for v in row
        ]
        for row in rows
    )
    return buf.getvalue()


def csv_text(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = True,
    neutralise: bool = True,
) -> str:
    """The whole CSV document as one string (with the BOM when ``bom``), CRLF rows.

    Cells are cleaned and neutralised as the module docstring says.
    """
    materialised = rows if isinstance(rows, list) else list(rows)
    text = _render(header, materialised, neutralise, clean=False)
    # Control characters are rare: one search of the whole text is cheaper than one per
    # cell; when there are some, render again cleaning every cell (cleaning can uncover a
    # formula trigger, so it must come before neutralisation).
    if _STRIP_RE.search(text) is not None:
        text = _render(header, materialised, neutralise, clean=True)
    return BOM + text if bom else text


_C0_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\r") + b"\x7f"
_C1_UTF8_RE = re.compile(b"\xc2[\x80-\x9f]")


def _has_strippable(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a character :data:`_STRIP_RE` removes.

    Same answer as searching the text, several times faster on large exports: C0 controls
    and DEL are single bytes, C1 controls are ``C2 80``..``C2 9F``, the BOM ``EF BB BF``.
    """
    return (
        len(data.translate(None, _C0_BYTES)) != len(data)
        or _C1_UTF8_RE.search(data) is not None
        or data.find(b"\xef\xbb\xbf") != -1
    )


def csv_bytes(
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    *,
    bom: bool = True,
    neutralise: bool = True,
) -> bytes:
    """:func:`csv_text` encoded as UTF-8: the bytes :func:`write_csv` writes."""
    materialised = rows if isinstance(rows, list) else list(rows)
    try:
        data = _render(header, materialised, neutralise, clean=False).encode("utf-8")
        dirty = _has_strippable(data)
    except UnicodeEncodeError:  # a lone surrogate: cleaning removes it
        dirty = True
    if dirty:
        data = _render(header, materialised, neutralise, clean=True).encode("utf-8")
    return BOM.encode("utf-8") + data if bom else data
