"""Reading files from outside safely: size limit first, then refuse what is not a data file."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from digital_deficit.data.importers.errors import ImportFileError

MAX_IMPORT_BYTES = 256 * 1024 * 1024
"""Largest file an importer reads (a full BP01 wide CSV is about 12 MB)."""

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a zip archive (or an .xlsx workbook); unzip it or save the sheet as CSV"),
    (b"\x1f\x8b", "a gzip archive; decompress it first"),
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0", "an old Excel/Office file; save it as CSV"),
)


def read_limited(path: str | os.PathLike[str], max_bytes: int = MAX_IMPORT_BYTES) -> bytes:
    """The file's bytes, after checking its size against ``max_bytes`` (before reading it)."""
    name = str(path)
    try:
        size = os.path.getsize(path)
    except OSError as exc:
        raise ImportFileError(name, None, f"cannot be read ({exc.strerror})") from None
    if size > max_bytes:
        raise ImportFileError(name, None, f"is {size} bytes; the limit is {max_bytes} bytes")
    try:
        with Path(path).open("rb") as handle:
            raw = handle.read(min(size, max_bytes) + 1)  # +1: a file that grew is caught
    except OSError as exc:
        raise ImportFileError(name, None, f"cannot be read ({exc.strerror})") from None
    if len(raw) > max_bytes:
        raise ImportFileError(name, None, f"is over the limit of {max_bytes} bytes")
    return raw


def refuse_non_data(raw: bytes, name: str) -> None:
    """Raise ImportFileError for an empty file, an archive, a PDF or an HTML page."""
    if not raw or raw.isspace():
        raise ImportFileError(name, None, "is empty; expected an official data file")
    for magic, what in _SIGNATURES:
        if raw.startswith(magic):
            raise ImportFileError(name, None, f"is {what}; expected a CSV, JSON or SDMX file")
    if b"\x00" in raw[:65536]:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise ImportFileError(name, line, "holds NUL bytes; expected a text file")
    head = raw[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head[:512]:
        raise ImportFileError(
            name,
            1,
            "is an HTML page (an error page saved as a data file?); "
            "expected a CSV, JSON or SDMX file",
        )


def decode_text(raw: bytes, name: str, encodings: tuple[str, ...]) -> tuple[str, str]:
    """Decode with the first encoding that fits; returns (text, encoding).

    A file that fits none gives ImportFileError naming the line of the bad byte (where the
    encoding that reads furthest stops).
    """
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise ImportFileError(name, line, "holds NUL bytes; expected a text file")
    furthest: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as exc:
            if furthest is None or exc.start > furthest.start:
                furthest = exc  # where no encoding gets further: the real bad byte
            continue
        return text.removeprefix("\ufeff"), encoding
    assert furthest is not None
    line = raw[: furthest.start].count(b"\n") + 1
    raise ImportFileError(
        name,
        line,
        f"byte {furthest.start} cannot be decoded as {' or '.join(encodings)}; "
        "expected UTF-8 (English files) or Shift-JIS/cp932 (Japanese files)",
    )


def check_unterminated_end(text: str, name: str) -> None:
    """A file without a final line break imports, unless its last value looks cut off.

    BoJ files may end without a line break, so that alone is no error. But a download cut
    in the middle of its last number would read as a smaller, wrong value: when the last
    field is a whole number (or has one decimal place) while the same field of the line above
    has more (BoJ values carry up to 8; trailing zeros are dropped, so only a cut before the
    second decimal place is told apart), ImportFileError says the file looks truncated.
    """
    if not text or text.endswith(("\n", "\r")):
        return
    lines = [line for line in text.rstrip(" \t").split("\n") if line.strip(" \t\r,")]
    if len(lines) < 2:
        return
    try:
        last, above = (next(csv.reader([line.rstrip("\r")]), []) for line in lines[-1:-3:-1])
    except csv.Error:
        return  # the importer names the bad quoting
    if not last or len(last) != len(above):
        return  # a short last row: the importer's field count names it
    cut, full = last[-1].strip(), above[-1].strip()
    if _is_number(cut) and _is_number(full) and _places(cut) < min(2, _places(full)):
        raise ImportFileError(
            name,
            text.count("\n") + 1,
            f"ends without a line break and its last value {cut!r} has fewer decimal places "
            f"than the value above it ({full!r}): the file looks truncated; download it again",
        )


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ""))
    except ValueError:
        return False
    return True


def _places(text: str) -> int:
    return len(text.partition(".")[2]) if "." in text else 0


def csv_rows(text: str, name: str, skipinitialspace: bool = False) -> list[list[str]]:
    """Every row of a CSV text, read strictly: a quote left open at the end is an error.

    ``skipinitialspace``: a quoted field may follow a space after the comma (MOF files).
    """
    reader = csv.reader(
        io.StringIO(text, newline=""), strict=True, skipinitialspace=skipinitialspace
    )
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
    except csv.Error as exc:
        raise ImportFileError(
            name, reader.line_num, f"is not valid CSV ({exc}); the file may be truncated"
        ) from None
    return rows
