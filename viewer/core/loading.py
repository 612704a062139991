"""Bytes to text, defensively: size cap, binary sniff, BOMs, encodings, newlines.

See ``shared/docs/RELIABILITY.md`` ("Opening a file"). The result is the text with every
newline normalised to ``\\n`` and the name of the encoding that decoded it.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from viewer.core.errors import TranscriptError
from viewer.core.lazy_re import lazy_compile

HARD_SIZE_CAP = 200 * 1024 * 1024
"""Files above this are refused before a byte is read."""

SNIFF_BYTES = 8192
DETECT_BYTES = 256 * 1024

# Legacy encodings we accept, in the order tried when the detector has no opinion.
# ``big5`` is never used: Python's big5 maps 0xA145 to U+2022 (the bullet), cp950 to U+2027.
FALLBACK_ENCODINGS = ("cp950", "gb18030", "cp1252")
_DETECTOR_MAP = {
    "big5": "cp950",
    "big5hkscs": "cp950",
    "cp950": "cp950",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb18030": "gb18030",
    "hz-gb-2312": "gb18030",
    "windows-1252": "cp1252",
    "iso-8859-1": "cp1252",
    "ascii": "cp1252",
    "cp1252": "cp1252",
}

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

_NEWLINE_RE = lazy_compile(r"\r\n?")


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str
    newline: str
    truncated_char: bool = False
    replaced: bool = False


# Nothing but blanks (what strip() would have left empty), in UTF-8 and in UTF-16 bodies.
_BLANK_RE = re.compile(rb"[ \t\r\n]*")
_BLANK_UTF16_RE = re.compile(rb"[ \t\r\n\x00]*")


def read_bytes(path: str | os.PathLike[str], hard_cap: int = HARD_SIZE_CAP) -> bytes:
    """Read a regular file after checking what it is and how big it is."""
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise TranscriptError(str(path), "no such file") from None
    except ValueError:
        # os.stat refuses a NUL byte in a path (it cannot name a file on any platform).
        raise TranscriptError(
            str(path).replace("\x00", "\\x00"), "the path contains a NUL byte"
        ) from None
    except PermissionError:
        raise TranscriptError(str(path), "permission denied") from None
    except OSError as exc:
        detail = exc.strerror or exc
        raise TranscriptError(
            str(path), f"cannot open ({detail})", code="cannot_open", detail=detail
        ) from None
    if stat.S_ISDIR(st.st_mode):
        raise TranscriptError(str(path), "is a directory, not a file")
    if not stat.S_ISREG(st.st_mode):
        raise TranscriptError(str(path), "is not a regular file (device, pipe or socket)")
    if st.st_size > hard_cap:
        size, limit = f"{st.st_size / 1e6:.0f}", f"{hard_cap / 1e6:.0f}"
        raise TranscriptError(
            str(path),
            f"file is too large ({size} MB; the limit is {limit} MB)",
            code="too_large",
            size_mb=size,
            limit_mb=limit,
        )
    try:
        with open(p, "rb") as fh:
            # Read at most one byte past the cap: the file may have grown since stat(). Ask
            # for the stat size first: read(n) allocates n bytes up front, and a 200 MB
            # buffer for a 2 KB file cost more than reading, decoding and splitting it.
            want = min(st.st_size, hard_cap) + 1
            data = fh.read(want)
            if len(data) == want and want <= hard_cap:
                data += fh.read(hard_cap + 1 - want)
    except PermissionError:
        raise TranscriptError(str(path), "permission denied") from None
    except OSError as exc:
        detail = exc.strerror or exc
        raise TranscriptError(
            str(path), f"cannot read ({detail})", code="cannot_read", detail=detail
        ) from None
    if len(data) > hard_cap:
        size, limit = f"{len(data) / 1e6:.0f}", f"{hard_cap / 1e6:.0f}"
        reason = f"file is too large (the limit is {limit} MB)"
        raise TranscriptError(str(path), reason, code="too_large", size_mb=size, limit_mb=limit)
    return data


def _line_of_offset(data: bytes, offset: int) -> int:
    # Count CR-only files correctly too: a line ends at LF, CRLF or CR.
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


# Every byte that is not a control byte counted by the binary sniff (see _sniff_binary).
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or (13 < b < 32 and b != 27)))


def _sniff_binary(path: str, body: bytes) -> None:
    head = body[:SNIFF_BYTES]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            reason = f"not a text transcript (looks like {what})"
            raise TranscriptError(path, reason, code="not_text", what=what)
    if b"\x00" in head:
        raise TranscriptError(path, "not a text transcript (binary data)")
    # Count by deleting every other byte (C speed; a per-byte generator cost ~0.5 ms a file).
    controls = len(head.translate(None, _NOT_CONTROL))
    if head and controls / len(head) > 0.05:
        raise TranscriptError(path, "not a text transcript (binary data)")


def _detect_legacy(body: bytes) -> tuple[list[str], bool]:
    """Candidate legacy encodings, the detector's choice first (and whether it had one)."""
    order: list[str] = []
    try:
        import chardet

        # Only the encodings the viewer can map are candidates: chardet 7 otherwise decodes
        # the sample with some sixty code pages (23 ms for a 90 KB cp1252 call, against 3 ms;
        # the corpus's legacy files are detected alike either way).
        guess = chardet.detect(body[:DETECT_BYTES], include_encodings=tuple(_DETECTOR_MAP))
        name = (guess.get("encoding") or "").lower()
        mapped = _DETECTOR_MAP.get(name)
        if mapped:
            order.append(mapped)
    except Exception:  # pragma: no cover - the detector is advisory only
        pass
    detected = bool(order)
    order.extend(e for e in FALLBACK_ENCODINGS if e not in order)
    return order, detected


# What the codecs say when the bytes stop inside a character.
_CUT_REASONS = frozenset(
    {"unexpected end of data", "truncated data", "incomplete multibyte sequence"}
)


def _decode_cut(body: bytes, enc: str) -> tuple[str, bool]:
    """Decode strictly, but accept a file cut inside its last character (and say so)."""
    try:
        return body.decode(enc), False
    except UnicodeDecodeError as exc:
        if exc.reason in _CUT_REASONS and exc.end >= len(body) and exc.start >= len(body) - 4:
            return body[: exc.start].decode(enc), True
        raise


def _utf16_line(body: bytes, enc: str, offset: int) -> int:
    prefix = body[: offset - offset % 2].decode(enc, errors="replace")
    return prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n") + 1


def decode(
    data: bytes,
    path: str = "<bytes>",
    encoding: str | None = None,
    replace_errors: bool = False,
) -> DecodedText:
    """Decode transcript bytes; raise :class:`TranscriptError` with a reason and a line.

    A file cut inside its last character loads without that character and is flagged
    ``truncated_char``; it is never handed to another encoding that happens to fit.
    """
    enc: str | None = None
    body = data
    if data.startswith(codecs.BOM_UTF8):
        enc, body = "utf-8-sig", data[3:]
    elif data.startswith(codecs.BOM_UTF16_LE) and not data.startswith(codecs.BOM_UTF32_LE):
        enc, body = "utf-16-le", data[2:]
    elif data.startswith(codecs.BOM_UTF16_BE):
        enc, body = "utf-16-be", data[2:]

    # (Whether only blanks are left, without copying the body as strip() did.)
    blank = _BLANK_UTF16_RE if enc and enc.startswith("utf-16") else _BLANK_RE
    if blank.fullmatch(body):
        raise TranscriptError(path, "the file is empty")

    if enc and enc.startswith("utf-16"):
        try:
            if replace_errors:
                text, cut = body.decode(enc, errors="replace"), False
            else:
                text, cut = _decode_cut(body, enc)
        except UnicodeDecodeError as exc:
            raise TranscriptError(
                path,
                f"invalid {enc.upper()} data ({exc.reason})",
                _utf16_line(body, enc, exc.start),
                code="invalid_unicode",
                encoding=enc.upper(),
                detail=exc.reason,
            ) from None
        return _finish(
            path,
            text,
            enc,
            truncated_char=cut or len(body) % 2 == 1,
            replaced="\ufffd" in text and replace_errors,
        )

    if encoding is None:
        _sniff_binary(path, body)
    cand = "utf-8" if encoding is None else _DETECTOR_MAP.get(encoding.lower(), encoding)
    try:
        text, cut = _decode_cut(body, cand)
        return _finish(path, text, enc or cand, truncated_char=cut)
    except UnicodeDecodeError as exc:
        first_error = exc
    except (UnicodeError, TypeError):
        # A codec that cannot decode anything ("undefined") or takes other input.
        raise TranscriptError(
            path,
            f"the encoding {encoding!r} cannot decode text",
            code="encoding_cannot_decode",
            encoding=encoding,
        ) from None
    except (LookupError, ValueError):
        # Not a codec name, or a codec that is not a text encoding (base64, rot13); a NUL
        # in the name is a ValueError (UnicodeError, caught above, is one too).
        raise TranscriptError(
            path, f"unknown encoding {encoding!r}", code="unknown_encoding", encoding=encoding
        ) from None

    if encoding is None and enc is None:
        # Only a UTF-8 failure brings us here: try the legacy encodings, but only when the
        # bytes do not look like damaged UTF-8 (many valid multi-byte UTF-8 sequences).
        utf8_like = len(re.findall(rb"[\xe0-\xef][\x80-\xbf]{2}", body[:DETECT_BYTES]))
        bad_line = _line_of_offset(body, first_error.start)
        if utf8_like < 8 or utf8_like < len(re.findall(rb"[\x80-\xff]", body[:DETECT_BYTES])) // 6:
            order, detected = _detect_legacy(body)
            # The detector's pick may be cut inside its last character; a fallback must
            # decode strictly first (a cut Big5 file also "decodes" as cp1252 mojibake).
            for k, legacy in enumerate(order):
                try:
                    if k == 0 and detected:
                        text, cut = _decode_cut(body, legacy)
                        return _finish(path, text, legacy, truncated_char=cut)
                    return _finish(path, body.decode(legacy), legacy)
                except UnicodeDecodeError:
                    continue
            for legacy in order:
                try:
                    text, cut = _decode_cut(body, legacy)
                    return _finish(path, text, legacy, truncated_char=cut)
                except UnicodeDecodeError:
                    continue
        if replace_errors:
            return _finish(path, body.decode("utf-8", errors="replace"), "utf-8", replaced=True)
        raise TranscriptError(
            path,
            "invalid UTF-8 bytes and no other expected encoding fits "
            "(open with replacement characters, or choose an encoding)",
            bad_line,
        )
    if replace_errors:
        try:
            replaced = body.decode(cand, errors="replace")
        except UnicodeError:
            # Some codecs (idna, punycode) do not support replacement at all.
            raise TranscriptError(
                path,
                f"the encoding {encoding!r} cannot replace invalid bytes",
                code="encoding_cannot_replace",
                encoding=encoding,
            ) from None
        return _finish(path, replaced, enc or cand, replaced=True)
    raise TranscriptError(
        path,
        f"invalid {cand} bytes ({first_error.reason})",
        _line_of_offset(body, first_error.start),
        code="invalid_bytes",
        encoding=cand,
        detail=first_error.reason,
    )


def _finish(
    path: str, text: str, enc: str, *, truncated_char: bool = False, replaced: bool = False
) -> DecodedText:
    # Every BOM at the start: files passed through several tools can carry two or three.
    text = text.lstrip("\ufeff")
    # (Most files have no CR at all: one scan tells, and spares counting both kinds.)
    has_cr = "\r" in text
    crlf = text.count("\r\n") if has_cr else 0
    cr = text.count("\r") - crlf if has_cr else 0
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    newline = kinds[0] if len(kinds) == 1 else ("mixed" if kinds else "LF")
    if crlf or cr:
        text = _NEWLINE_RE.sub("\n", text)
    if not text or text.isspace():  # (not text.strip(): that copied the whole text)
        raise TranscriptError(path, "the file is empty")
    return DecodedText(text, enc, newline, truncated_char, replaced)


def load_text(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    replace_errors: bool = False,
) -> DecodedText:
    """Read and decode a transcript file (see :func:`decode`)."""
    return decode(read_bytes(path), str(path), encoding=encoding, replace_errors=replace_errors)
