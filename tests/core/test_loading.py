"""Opening a file (RELIABILITY.md): every bad input, every encoding and newline variant.

The fixtures are the fictional Harbor Pine Foods call in ``tests/data``; variants are written
into ``tmp_path`` from them so each test checks the exact structure or the exact error.
"""

from __future__ import annotations

import codecs
import os
import socket
import tempfile
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from viewer.core.errors import TranscriptError
from viewer.core.loading import HARD_SIZE_CAP, decode, read_bytes
from viewer.core.models import Layout, Transcript
from viewer.core.transcript_io import load_transcript

DATA = Path(__file__).resolve().parents[1] / "data"
BULLETED = DATA / "hpf-bulleted.txt"
BARE = DATA / "hpf-bare.txt"
ROOT = Path(__file__).resolve().parents[2]


def shape(t: Transcript) -> dict[str, Any]:
    """Everything but how the bytes were stored (encoding, newline kind)."""
    return t.model_dump(mode="json", exclude={"meta": {"encoding", "newline"}})


def write(tmp_path: Path, data: bytes, name: str = "call.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def error_of(path: Path | str, **kw: Any) -> TranscriptError:
    with pytest.raises(TranscriptError) as info:
        load_transcript(path, **kw)
    return info.value


@pytest.fixture(scope="module")
def reference() -> dict[str, dict[str, Any]]:
    return {
        "bulleted": shape(load_transcript(BULLETED)),
        "bare": shape(load_transcript(BARE)),
    }


# -- the fixtures themselves --------------------------------------------------------------


def test_fixtures_are_utf8_lf_and_load_without_warnings() -> None:
    for path, layout in ((BULLETED, Layout.BULLETED), (BARE, Layout.BARE)):
        raw = path.read_bytes()
        assert b"\r" not in raw and not raw.startswith(codecs.BOM_UTF8)
        t = load_transcript(path)
        assert (t.meta.layout, t.meta.encoding, t.meta.newline) == (layout, "utf-8", "LF")
        assert t.warnings == ()
        assert len(t.turns) == 11 and len(t.paragraphs) == 13


# -- encodings ----------------------------------------------------------------------------

ENCODED = [
    ("utf-8-bom", lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8-sig"),
    ("utf-16-le-bom", lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"), "utf-16-le"),
    ("utf-16-be-bom", lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16-be"),
    ("cp950", lambda s: s.encode("cp950"), "cp950"),
    ("gb18030", lambda s: s.encode("gb18030"), "gb18030"),
]


@pytest.mark.parametrize("layout", ["bulleted", "bare"])
@pytest.mark.parametrize(("name", "encode", "expected"), ENCODED, ids=[e[0] for e in ENCODED])
def test_encodings_give_the_same_structure(
    tmp_path: Path,
    reference: dict[str, dict[str, Any]],
    layout: str,
    name: str,
    encode: Any,
    expected: str,
) -> None:
    text = (BULLETED if layout == "bulleted" else BARE).read_text("utf-8")
    t = load_transcript(write(tmp_path, encode(text)))
    assert t.meta.encoding == expected
    assert shape(t) == reference[layout]
    # The title never starts with a BOM and the U+2027 of 勞拉‧陳 survives.
    assert t.meta.title is None or not t.meta.title.startswith("\ufeff")
    assert "勞拉‧陳" in t.paragraphs[3].zh  # type: ignore[operator]


CP1252_TEXT = (
    "  • Operator\n\n    Operator\n\n"
    "  • Welcome to the Café Rouge call. (Operator Instructions) Over to André Dubois.\n\n"
    "    Bienvenue à l’appel de Café Rouge. Je passe la parole à André Dubois.\n\n"
    "  • André Dubois - Chief Executive Officer\n\n    André Dubois - Chief Executive Officer\n\n"
    "  • Sales were €12.5 million – up 4% – and our crème brûlée line grew.\n\n"
    "    Les ventes ont atteint 12,5 M€ – en hausse de 4 % – et la crème brûlée a progressé.\n"
)


def test_cp1252_is_detected(tmp_path: Path) -> None:
    t = load_transcript(write(tmp_path, CP1252_TEXT.encode("cp1252")))
    assert (t.meta.encoding, t.meta.layout) == ("cp1252", Layout.BULLETED)
    assert [s.name for s in t.speakers] == ["Operator", "André Dubois"]
    assert (
        t.paragraphs[1].en == "Sales were €12.5 million – up 4% – and our crème brûlée line grew."
    )
    assert t.paragraphs[1].zh == (
        "Les ventes ont atteint 12,5 M€ – en hausse de 4 % – et la crème brûlée a progressé."
    )


def test_explicit_encoding_overrides_detection(tmp_path: Path) -> None:
    p = write(tmp_path, BULLETED.read_text("utf-8").encode("cp950"))
    assert load_transcript(p, encoding="big5").meta.encoding == "cp950"  # never Python's big5
    assert error_of(p, encoding="no-such-codec").reason == "unknown encoding 'no-such-codec'"
    err = error_of(p, encoding="utf-8")
    assert err.reason == "invalid utf-8 bytes (invalid start byte)" and err.line == 1


def test_big5_would_turn_the_interpunct_into_the_bullet() -> None:
    # Why the loader maps big5 to cp950: this is the byte pair both produce for U+2027.
    assert "‧".encode("cp950") == b"\xa1\x45"
    assert b"\xa1\x45".decode("cp950") == "‧"
    assert b"\xa1\x45".decode("big5") == "•"


# -- newlines -----------------------------------------------------------------------------


def _mixed(text: str) -> str:
    out = []
    for i, line in enumerate(text.split("\n")):
        # CR before CRLF: a CR-ended line followed by an empty LF-ended one would be a CRLF.
        out.append(line + ("\r", "\r\n", "\n")[i % 3])
    return "".join(out)


NEWLINES = [
    ("CRLF", lambda s: s.replace("\n", "\r\n")),
    ("CR", lambda s: s.replace("\n", "\r")),
    ("mixed", _mixed),
]


@pytest.mark.parametrize("layout", ["bulleted", "bare"])
@pytest.mark.parametrize(("kind", "convert"), NEWLINES, ids=[n[0] for n in NEWLINES])
def test_newlines_give_the_same_structure(
    tmp_path: Path, reference: dict[str, dict[str, Any]], layout: str, kind: str, convert: Any
) -> None:
    text = (BULLETED if layout == "bulleted" else BARE).read_text("utf-8")
    t = load_transcript(write(tmp_path, convert(text).encode("utf-8")))
    assert t.meta.newline == kind
    assert shape(t) == reference[layout]


def test_utf16_with_crlf(tmp_path: Path, reference: dict[str, dict[str, Any]]) -> None:
    text = BULLETED.read_text("utf-8").replace("\n", "\r\n")
    t = load_transcript(write(tmp_path, codecs.BOM_UTF16_LE + text.encode("utf-16-le")))
    assert (t.meta.encoding, t.meta.newline) == ("utf-16-le", "CRLF")
    assert shape(t) == reference["bulleted"]


def test_other_line_separators_stay_inside_a_paragraph(tmp_path: Path) -> None:
    # str.splitlines() would split on these; a paragraph must keep them.
    odd = "a\x0bb\x0cc\x1cd\x85e\u2028f\u2029g"
    text = BULLETED.read_text("utf-8").replace("About two-thirds", f"About {odd} two-thirds")
    t = load_transcript(write(tmp_path, text.encode("utf-8")))
    assert t.paragraphs[8].en == f"About {odd} two-thirds came from volume, Nora."
    assert len(t.paragraphs) == 13 and t.warnings == ()


# -- not a regular file, missing, no permission ---------------------------------------------


def test_directory(tmp_path: Path) -> None:
    err = error_of(tmp_path)
    assert (err.path, err.reason, err.line) == (str(tmp_path), "is a directory, not a file", None)
    assert str(err) == f"{tmp_path}: is a directory, not a file"


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "call.txt"
    os.mkfifo(fifo)
    # Opening a FIFO for reading blocks until a writer appears: reaching the assert at all
    # shows nothing was opened.
    err = error_of(fifo)
    assert err.reason == "is not a regular file (device, pipe or socket)"


def test_dev_zero_is_refused() -> None:
    err = error_of("/dev/zero")
    assert (err.path, err.reason) == ("/dev/zero", "is not a regular file (device, pipe or socket)")


def test_unix_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.bind(str(path))
        err = error_of(path)
    assert err.reason == "is not a regular file (device, pipe or socket)"


def test_symlinks(tmp_path: Path, reference: dict[str, dict[str, Any]]) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(BULLETED)
    assert shape(load_transcript(link)) == reference["bulleted"]
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert error_of(loop).reason == "cannot open (Too many levels of symbolic links)"
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    assert error_of(dangling).reason == "no such file"


def test_missing(tmp_path: Path) -> None:
    err = error_of(tmp_path / "nope.txt")
    assert str(err) == f"{tmp_path / 'nope.txt'}: no such file"


def test_path_through_a_regular_file(tmp_path: Path) -> None:
    f = write(tmp_path, b"x")
    err = error_of(f / "call.txt")
    assert err.reason == "cannot open (Not a directory)"


def _as_unprivileged_user(path: Path) -> str:
    """The loader's reason for ``path``, as this user or (under root) as ``nobody``."""
    if os.geteuid() != 0:
        with pytest.raises(TranscriptError) as info:
            load_transcript(path)
        return info.value.reason
    # Root reads anything: fork, drop to nobody in the child and report the loader's reason.
    # (The interpreter lives under /root, so a fresh ``nobody`` process could not start.)
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child's coverage is not collected
        status = 0
        try:
            os.close(rfd)
            os.setgid(65534)
            os.setuid(65534)
            try:
                load_transcript(path)
                reason = "loaded"
            except TranscriptError as exc:
                reason = exc.reason
            os.write(wfd, reason.encode())
        except BaseException:
            status = 1
        finally:
            os._exit(status)
    os.close(wfd)
    with os.fdopen(rfd, "rb") as fh:
        out = fh.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    return out


@pytest.fixture
def public_dir() -> Any:
    # tmp_path's parents are private to root: use a folder anyone may enter.
    with tempfile.TemporaryDirectory(dir="/tmp") as d:
        os.chmod(d, 0o755)
        yield Path(d)


def test_no_read_permission(public_dir: Path) -> None:
    p = public_dir / "call.txt"
    p.write_bytes(BULLETED.read_bytes())
    p.chmod(0)
    assert _as_unprivileged_user(p) == "permission denied"


def test_folder_without_search_permission(public_dir: Path) -> None:
    inner = public_dir / "locked"
    inner.mkdir()
    (inner / "call.txt").write_bytes(BULLETED.read_bytes())
    inner.chmod(0o700)
    assert _as_unprivileged_user(inner / "call.txt") == "permission denied"


# -- empty and binary -----------------------------------------------------------------------

EMPTY = [
    ("empty", b""),
    ("spaces", b"   \n\t\n  \r\n"),
    ("utf8-bom-only", codecs.BOM_UTF8),
    ("utf8-bom-blank", codecs.BOM_UTF8 + b"\n \n"),
    ("utf16le-bom-only", codecs.BOM_UTF16_LE),
    ("utf16be-bom-blank", codecs.BOM_UTF16_BE + " \n".encode("utf-16-be")),
]


@pytest.mark.parametrize("data", [e[1] for e in EMPTY], ids=[e[0] for e in EMPTY])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    err = error_of(write(tmp_path, data))
    assert (err.reason, err.line) == ("the file is empty", None)


def test_unicode_blank_is_no_transcript(tmp_path: Path) -> None:
    # Not empty bytes, but nothing readable (ideographic and no-break spaces only).
    err = error_of(write(tmp_path, "\u3000\u00a0\n\u3000".encode()))
    assert err.reason == "the file is empty"


BINARY = [
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "looks like a PNG image"),
    (
        "pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n",
        "looks like a PDF document",
    ),
    (
        "zip",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(40),
        "looks like a ZIP archive (or an Office document)",
    ),
    ("nul", "  • Operator\n\n    Operator\n\x00\x00".encode(), "binary data"),
    ("controls", bytes(range(1, 9)) * 50, "binary data"),
]


@pytest.mark.parametrize(("data", "what"), [b[1:] for b in BINARY], ids=[b[0] for b in BINARY])
def test_binary_files(tmp_path: Path, data: bytes, what: str) -> None:
    err = error_of(write(tmp_path, data))
    assert err.reason == f"not a text transcript ({what})"


def test_binary_after_a_bom_is_still_sniffed(tmp_path: Path) -> None:
    err = error_of(write(tmp_path, codecs.BOM_UTF8 + BINARY[0][1]))
    assert err.reason == "not a text transcript (looks like a PNG image)"


# -- huge -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "reason"),
    [
        (HARD_SIZE_CAP + 1, "file is too large (210 MB; the limit is 210 MB)"),
        (300 * 1024 * 1024, "file is too large (315 MB; the limit is 210 MB)"),
    ],
)
def test_huge_sparse_file_is_refused_before_reading(tmp_path: Path, size: int, reason: str) -> None:
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(size)  # sparse: no disk used
    tracemalloc.start()
    try:
        err = error_of(p)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert err.reason == reason
    # Reading would have needed 200 MiB; refusing after stat() needs almost nothing.
    assert peak < 1_000_000


def test_cap_is_a_parameter(tmp_path: Path) -> None:
    p = write(tmp_path, BULLETED.read_bytes())
    size = p.stat().st_size
    assert read_bytes(p, hard_cap=size) == BULLETED.read_bytes()
    with pytest.raises(TranscriptError) as info:
        read_bytes(p, hard_cap=size - 1)
    assert info.value.reason.startswith("file is too large (")


# -- invalid bytes and truncation -----------------------------------------------------------


def _with_bad_byte(line_no: int, newline: str = "\n") -> bytes:
    lines = BULLETED.read_text("utf-8").split("\n")
    lines[line_no - 1] = lines[line_no - 1].replace("volume", "vol\udcffume")
    return newline.join(lines).encode("utf-8", errors="surrogateescape")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_invalid_utf8_names_the_line(tmp_path: Path, newline: str) -> None:
    data = _with_bad_byte(73, newline)
    err = error_of(write(tmp_path, data))
    assert err.line == 73
    assert err.reason == (
        "invalid UTF-8 bytes and no other expected encoding fits "
        "(open with replacement characters, or choose an encoding)"
    )
    assert str(err).startswith(f"{tmp_path / 'call.txt'}: line 73: invalid UTF-8 bytes")


def test_invalid_utf8_with_replacement(
    tmp_path: Path, reference: dict[str, dict[str, Any]]
) -> None:
    t = load_transcript(write(tmp_path, _with_bad_byte(73)), replace_errors=True)
    assert t.paragraphs[8].en == "About two-thirds came from vol\ufffdume, Nora."
    assert [w.message for w in t.warnings] == ["invalid bytes were replaced by U+FFFD"]
    assert len(t.paragraphs) == 13 and t.meta.encoding == "utf-8"


def test_invalid_utf16_names_the_line(tmp_path: Path) -> None:
    body = "  • Operator\n\n    Operator\n\n  • Hello".encode("utf-16-le") + b"\x00\xdc"
    body += "\n\n    你好\n".encode("utf-16-le")
    err = error_of(write(tmp_path, codecs.BOM_UTF16_LE + body))
    assert (err.reason, err.line) == ("invalid UTF-16-LE data (illegal encoding)", 5)


def test_truncated_mid_character(tmp_path: Path) -> None:
    data = BULLETED.read_bytes()
    cut = data.rindex("感謝".encode()) + 4  # inside the three bytes of 謝
    t = load_transcript(write(tmp_path, data[:cut]))
    assert t.paragraphs[-1].zh == "今天的電話會議到此結束。感"
    assert [w.message for w in t.warnings] == [
        "the file ends in the middle of a character: it looks truncated"
    ]
    assert len(t.paragraphs) == 13


CUT = "the file ends in the middle of a character: it looks truncated"


@pytest.mark.parametrize(
    ("name", "encode", "drop", "encoding"),
    [
        (
            "utf-16-odd-length",
            lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
            1,
            "utf-16-le",
        ),
        (
            "utf-16-half-surrogate",
            lambda s: codecs.BOM_UTF16_BE + (s + "😀").encode("utf-16-be"),
            2,
            "utf-16-be",
        ),
        ("cp950", lambda s: s.encode("cp950"), 1, "cp950"),
        ("gb18030", lambda s: s.encode("gb18030"), 1, "gb18030"),
    ],
)
def test_truncated_mid_character_in_other_encodings(
    tmp_path: Path, name: str, encode: Any, drop: int, encoding: str
) -> None:
    # Before the fix: a cut UTF-16 file loaded without a warning or was refused, a cut
    # cp950 file was decoded as cp1252 mojibake and a cut GB18030 file was refused.
    text = BULLETED.read_text("utf-8").rstrip("\n")
    t = load_transcript(write(tmp_path, encode(text)[:-drop]))
    assert t.meta.encoding == encoding
    assert t.paragraphs[-1].zh in (
        "今天的電話會議到此結束。感謝您的參與",
        "今天的電話會議到此結束。感謝您的參與。",
    )
    assert [w.message for w in t.warnings] == [CUT]
    assert len(t.paragraphs) == 13


def test_truncated_with_explicit_encoding(tmp_path: Path) -> None:
    data = BULLETED.read_text("utf-8").rstrip("\n").encode("cp950")[:-1]
    t = load_transcript(write(tmp_path, data), encoding="cp950")
    assert [w.message for w in t.warnings] == [CUT]


def test_truncated_mid_paragraph(tmp_path: Path) -> None:
    data = BULLETED.read_bytes()
    cut = data.index(b"Please use 24%") + len(b"Please use")
    t = load_transcript(write(tmp_path, data[:cut]))
    last = t.paragraphs[-1]
    assert (last.index, last.en, last.zh, last.line) == (11, "Please use", None, 97)
    assert [(w.line, w.message) for w in t.warnings] == [
        (97, "the file ends before this paragraph's translation: it looks truncated")
    ]
    assert [p.zh is not None for p in t.paragraphs] == [True] * 11 + [False]


def test_decode_of_bytes_directly() -> None:
    d = decode(b"a\r\nb\rc\n")
    assert (d.text, d.encoding, d.newline) == ("a\nb\nc\n", "utf-8", "mixed")
