"""Pick the importer for a file (sniffed from its content when no format is given) and run it."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass
from datetime import date

from digital_deficit.data.dataset import Dataset
from digital_deficit.data.importers.boj_api import import_boj_json
from digital_deficit.data.importers.boj_long_csv import import_boj_csv
from digital_deficit.data.importers.boj_search import import_boj_search, looks_search_page
from digital_deficit.data.importers.boj_wide import import_boj_wide, looks_wide
from digital_deficit.data.importers.build import import_dataset, import_date_vintage
from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.imf_sdmx import import_imf_sdmx
from digital_deficit.data.importers.mof_csv import import_mof_csv, looks_mof
from digital_deficit.data.importers.safe_read import (
    MAX_IMPORT_BYTES,
    check_unterminated_end,
    decode_text,
    read_limited,
    refuse_non_data,
)
from digital_deficit.data.importers.series import ImportedFile

FORMATS: dict[str, str] = {
    "boj-json": "BoJ API JSON response (getDataCode/getDataLayer)",
    "boj-csv": "BoJ API CSV (long: SERIES_CODE ... SURVEY_DATE, VALUE)",
    "boj-search": "BoJ search-page CSV download (one row per period, one column per series)",
    "boj-wide": "BoJ flat file (wide: one YYYYMM column per month)",
    "mof-csv": "MOF balance-of-payments time-series CSV (cp932)",
    "imf-sdmx": "IMF BOP SDMX-ML (needs sdmx1) or SDMX-JSON, as from the IMF data portal",
}
_TEXT_ENCODINGS = ("utf-8", "cp932")


@dataclass
class ImportResult:
    """What one import produced: the dataset and the file's description."""

    dataset: Dataset
    imported: ImportedFile


def sniff_format(raw: bytes, name: str) -> str:
    """The format id of a file's content; ImportFileError when it is none of FORMATS."""
    refuse_non_data(raw, name)
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
    if head.startswith(b"<"):
        return "imf-sdmx"
    if head.startswith(b"{"):
        if b'"STATUS"' in head or b'"RESULTSET"' in head:
            return "boj-json"
        return "imf-sdmx"
    text, _ = _head_text(raw, name)
    first = text.split("\n", 1)[0]
    if "SERIES_CODE" in first or "SERIES_CODE" in text[:4000]:
        return "boj-csv"
    if looks_search_page(text):
        return "boj-search"
    if looks_wide(first):
        return "boj-wide"
    if looks_mof(text):
        return "mof-csv"
    raise ImportFileError(
        name, 1, "is in no known format; expected one of: " + "; ".join(FORMATS.values())
    )


def _head_text(raw: bytes, name: str) -> tuple[str, str]:
    head = raw[:65536]
    for encoding in _TEXT_ENCODINGS:
        try:
            return head.decode(encoding, errors="strict"), encoding
        except UnicodeDecodeError as exc:
            if exc.start > len(head) - 4:  # cut in the middle of a character
                return head[: exc.start].decode(encoding), encoding
    return decode_text(raw, name, _TEXT_ENCODINGS)


def read_official_file(
    path: str | os.PathLike[str],
    fmt: str | None = None,
    vintage: str | None = None,
    today: date | None = None,
    max_bytes: int = MAX_IMPORT_BYTES,
) -> ImportedFile:
    """Read and parse a file (size-checked first); ``vintage`` overrides the import date."""
    name = str(path)
    raw = read_limited(path, max_bytes)
    chosen = fmt or sniff_format(raw, name)
    if chosen not in FORMATS:
        raise ImportFileError(
            name, None, f"format {chosen!r} is unknown; expected one of {', '.join(FORMATS)}"
        )
    refuse_non_data(raw, name)
    fallback = vintage or import_date_vintage(today)
    if chosen == "imf-sdmx":
        return import_imf_sdmx(raw, name, fallback)
    text, encoding = decode_text(raw, name, _TEXT_ENCODINGS)
    if chosen != "boj-json":
        check_unterminated_end(text, name)
    try:
        return _parse_text(chosen, raw, text, encoding, name, fallback)
    except csv.Error as exc:
        raise ImportFileError(name, None, f"is not valid CSV ({exc})") from None


def _parse_text(
    chosen: str, raw: bytes, text: str, encoding: str, name: str, fallback: str
) -> ImportedFile:
    if chosen == "boj-json":
        return import_boj_json(text, name, fallback)
    if chosen == "boj-csv":
        return import_boj_csv(text, name, fallback)
    if chosen == "boj-wide":
        return import_boj_wide(text, name, fallback)
    if chosen == "boj-search":
        return import_boj_search(text, name, fallback)
    return import_mof_csv(text, name, fallback)


def import_file(
    path: str | os.PathLike[str],
    fmt: str | None = None,
    vintage: str | None = None,
    today: date | None = None,
    max_bytes: int = MAX_IMPORT_BYTES,
) -> ImportResult:
    """Read a file and turn its mapped series into a dataset (months, CY and FY)."""
    imported = read_official_file(path, fmt, vintage, today, max_bytes)
    return ImportResult(import_dataset(imported), imported)
