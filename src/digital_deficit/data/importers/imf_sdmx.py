"""IMF balance-of-payments data in SDMX (SDMX-ML or SDMX-JSON), read with sdmx1 (lazy import).

Quarters (or months) are kept as given with their calendar-year sums; no fiscal-year totals
(FY, April-March, is Japan's).

Dimensions read (either name): COUNTRY/REF_AREA (ISO alpha-3), INDICATOR (SH charges for IP,
SI telecom/computer/information, SI1-SI3 its parts, SJ2 consulting, SD travel; SJ22 is only
advertising and market research and is not mapped), BOP_ACCOUNTING_ENTRY (CD_T credit, DB_T
debit, NETCD_T net), UNIT (USD; UNIT_MULT 6 = millions, other multipliers are rescaled exactly
to millions) and FREQUENCY/FREQ (M, Q, A). Values stay in US dollars: usd_million.
"""

from __future__ import annotations

import contextlib
import io
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.series import ImportedFile, SourceSeries, decimals_of
from digital_deficit.data.vintage import date_vintage

IMF_LABEL = "IMF Balance of Payments Statistics (SDMX)"
IMF_CREDIT = (
    "Source: International Monetary Fund, "
    "Balance of Payments and International Investment Position Statistics."
)
INDICATORS: dict[str, str] = {
    "SH": "ip_charges",
    "SI": "ict_services",
    "SI1": "telecom_services",
    "SI2": "computer_services",
    "SI3": "information_services",
    "SJ2": "consulting",
    "SD": "travel",
}
ENTRIES: dict[str, str] = {"CD_T": "credit", "DB_T": "debit", "NETCD_T": "net", "NETCD": "net"}
_DIMS = {
    "country": ("COUNTRY", "REF_AREA"),
    "indicator": ("INDICATOR", "BOP_INDICATOR"),
    "entry": ("BOP_ACCOUNTING_ENTRY", "ACCOUNTING_ENTRY"),
    "unit": ("UNIT", "UNIT_MEASURE", "CURRENCY"),
    "frequency": ("FREQUENCY", "FREQ"),
}
_TIME = re.compile(r"^(\d{4})(?:-?(Q)([1-4])|-?M?(\d{2}))?$")


def _pick(values: dict[str, str], role: str, path: str) -> str:
    for name in _DIMS[role]:
        if values.get(name):
            return values[name]
    raise ImportFileError(
        path, None, f"a series has no {' or '.join(_DIMS[role])} dimension; expected IMF BOP keys"
    )


def _period(text: str, freq: str, path: str, code: str) -> tuple[int, int]:
    match = _TIME.match(text.strip())
    if match:
        year = int(match.group(1))
        if freq == "A" and match.group(2) is None and match.group(4) is None:
            return year, 1
        if freq == "Q" and match.group(2):
            return year, int(match.group(3))
        if freq == "M" and match.group(4) and 1 <= int(match.group(4)) <= 12:
            return year, int(match.group(4))
    raise ImportFileError(
        path, None, f"series {code} has period {text!r}; expected one of frequency {freq}"
    )


def _scaled(text: str, mult: int, path: str, code: str) -> tuple[float | None, int]:
    raw = text.strip()
    if raw.lower() in ("", "nan", "na", "null", "none"):
        return None, 0
    try:
        value = Decimal(raw).scaleb(mult - 6)
    except InvalidOperation:
        raise ImportFileError(
            path, None, f"series {code} has value {raw!r}; expected a number"
        ) from None
    if not value.is_finite():
        raise ImportFileError(
            path, None, f"series {code} has value {raw!r}; expected a finite number"
        )
    text_value = format(value, "f")
    return float(text_value), decimals_of(text_value)


def _read_message(raw: bytes, path: str) -> Any:
    try:
        import sdmx
    except ImportError:
        raise ImportFileError(
            path,
            None,
            "needs the sdmx1 package for IMF SDMX files; pip install 'digital-deficit[imf]'",
        ) from None
    head = raw[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in head:
        raise ImportFileError(path, None, "declares a DOCTYPE or entities; expected plain SDMX-ML")
    kind = "JSON" if raw.lstrip()[:1] in (b"{", b"[") else "XML"
    sink = io.StringIO()  # sdmx1 prints debugging dumps of malformed input: keep them quiet
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            return sdmx.read_sdmx(io.BytesIO(raw), format=kind)
    except Exception as exc:  # sdmx1 raises many kinds for malformed input
        raise ImportFileError(
            path,
            None,
            f"is not SDMX data sdmx1 can read ({exc.__class__.__name__}: {str(exc)[:200]})",
        ) from None


def _json_unit_mult(raw: bytes, path: str) -> str | None:
    """UNIT_MULT (or SCALE) of an SDMX-JSON message, read from its structure.

    sdmx1 (2.28) does not attach series attributes of SDMX-JSON to the series keys, so the
    multiplier is read here; one value for the whole message, else an error (no guess).
    """
    import json

    try:
        attributes = json.loads(raw)["structure"]["attributes"]
    except (ValueError, KeyError, TypeError):
        return None
    found: set[str] = set()
    if isinstance(attributes, dict):
        for level in attributes.values():
            for attribute in level if isinstance(level, list) else []:
                if isinstance(attribute, dict) and attribute.get("id") in ("UNIT_MULT", "SCALE"):
                    found |= {str(v.get("id")) for v in attribute.get("values", [])
                              if isinstance(v, dict)}  # fmt: skip
    if len(found) > 1:
        raise ImportFileError(
            path, None, f"UNIT_MULT differs between series ({', '.join(sorted(found))}); "
            "expected one multiplier per SDMX-JSON file",
        )  # fmt: skip
    return next(iter(found), None)


def import_imf_sdmx(raw: bytes, path: str, vintage: str) -> ImportedFile:
    """IMF BOP series for any country, in millions of US dollars.

    The vintage is the message's Prepared date when it states one, else ``vintage``.
    """
    message = _read_message(raw, path)
    json_mult = _json_unit_mult(raw, path) if raw.lstrip()[:1] == b"{" else None
    datasets = getattr(message, "data", None)
    if not datasets:
        raise ImportFileError(path, None, "holds no data set; expected an SDMX data message")
    imported = ImportedFile(path, "imf-sdmx", IMF_LABEL, IMF_CREDIT)
    prepared = getattr(getattr(message, "header", None), "prepared", None)
    if prepared is not None and hasattr(prepared, "strftime"):
        vintage = date_vintage(prepared.strftime("%Y%m%d"))
    for dataset in datasets:
        for key, observations in dataset.series.items():
            values = {k: str(v.value) for k, v in key.values.items()}
            attrs = {k: str(v.value) for k, v in getattr(key, "attrib", {}).items()}
            indicator = _pick(values, "indicator", path)
            entry = _pick(values, "entry", path)
            country = _pick(values, "country", path).upper()
            code = f"{country}.{indicator}.{entry}"
            if indicator not in INDICATORS or entry not in ENTRIES:
                imported.warnings.append(f"{code}: indicator or entry not mapped; skipped")
                continue
            if not re.fullmatch(r"[A-Z]{3}", country):
                raise ImportFileError(
                    path,
                    None,
                    f"series {code} has country {country!r}; expected ISO alpha-3 such as DEU",
                )
            unit = _pick(values, "unit", path).upper()
            if unit != "USD":
                raise ImportFileError(path, None, f"series {code} is in {unit!r}; expected USD")
            freq = _pick(values, "frequency", path).upper()
            if freq not in ("M", "Q", "A"):
                raise ImportFileError(
                    path, None, f"series {code} has frequency {freq!r}; expected M, Q or A"
                )
            stated = attrs.get("UNIT_MULT") or attrs.get("SCALE") or json_mult
            if stated is None:
                raise ImportFileError(
                    path, None, f"series {code} states no UNIT_MULT; expected 6 (millions)"
                )
            try:
                mult = int(stated)
            except ValueError:
                raise ImportFileError(
                    path,
                    None,
                    f"series {code} has UNIT_MULT {stated!r}; expected an integer",
                ) from None
            series = SourceSeries(
                code=code,
                name=f"IMF BOP {indicator} {entry} {unit}",
                unit_text="millions of US dollars",
                frequency=freq,
                points={},
                vintage=vintage,
                country=country,
                match_hint=(INDICATORS[indicator], ENTRIES[entry]),
            )
            for obs in observations:
                dim = obs.dimension.values if obs.dimension is not None else {}
                when = next((str(v.value) for v in dim.values()), "")
                point = _period(when, freq, path, code)
                if point in series.points:
                    raise ImportFileError(
                        path, None, f"series {code} gives {when} twice; expected each period once"
                    )
                value, places = _scaled(str(obs.value), mult, path, code)
                series.points[point] = value
                series.decimals = max(series.decimals, places)
            imported.series.append(series)
    if not imported.series:
        raise ImportFileError(
            path,
            None,
            "has no series with a mapped IMF indicator; "
            "expected SH, SI or SJ2 with CD_T/DB_T/NETCD_T",
        )
    return imported
