"""IMF balance-of-payments data in SDMX (SDMX-ML or SDMX-JSON), for any country, stored in
million US dollars (``usd_million``).

Dimensions read (either name): COUNTRY/REF_AREA (ISO alpha-3), INDICATOR (the headline items
CAB current account, G goods, S services, IN1 primary and IN2 secondary income, SD travel; SH
charges for IP, SI telecom/computer/information and SI1-SI3 its parts, SJ2 consulting; SJ22 is
only advertising and market research and is not mapped), BOP_ACCOUNTING_ENTRY (CD_T credit,
DB_T debit, NETCD_T net), UNIT (only USD is kept) and FREQUENCY/FREQ (M, Q, A). Quarters or
months are kept as given with their calendar-year sums; no fiscal years (those are Japan's).

The scale of OBS_VALUE is established from the file, by the attribute it carries:
- ``UNIT_MULT`` (SDMX 2.1 messages of the former IMF data services): OBS_VALUE is in
  10^UNIT_MULT US dollars (6: millions), rescaled exactly to millions.
- ``SCALE`` (the IMF data portal, dataflow IMF.STA:BOP, 2025): OBS_VALUE is in US dollars,
  whatever SCALE says (SCALE="6" only tells how to display it): Japan's 2022 direct-investment
  assets come as 174943442053.1513, i.e. 174,943.44 million. Trusting SCALE would be wrong by
  a factor of a million; so is taking the values as millions. A portal file whose every value
  is below 1,000 cannot be plain dollars of balance-of-payments flows: it is refused.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from digital_deficit.data.importers.errors import ImportFileError
from digital_deficit.data.importers.imf_read import RawSeries, read_message
from digital_deficit.data.importers.series import ImportedFile, SourceSeries, decimals_of
from digital_deficit.data.vintage import date_vintage

IMF_LABEL = "IMF Balance of Payments Statistics (SDMX)"
IMF_CREDIT = (
    "Source: International Monetary Fund, "
    "Balance of Payments and International Investment Position Statistics."
)
INDICATORS: dict[str, str] = {
    "CAB": "current_account",
    "G": "goods",
    "S": "services",
    "IN1": "primary_income",
    "IN2": "secondary_income",
    "SD": "travel",
    "SH": "ip_charges",
    "SI": "ict_services",
    "SI1": "telecom_services",
    "SI2": "computer_services",
    "SI3": "information_services",
    "SJ2": "consulting",
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
_PLAIN_DOLLARS_AT_LEAST = Decimal(1000)


def _pick(series: RawSeries, role: str, path: str) -> str:
    for name in _DIMS[role]:
        found = series.key.get(name) or series.attributes.get(name)
        if found:
            return found
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


def _number(text: str, path: str, code: str) -> Decimal | None:
    raw = text.strip()
    if raw.lower() in ("", "nan", "na", "null", "none"):
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ImportFileError(
            path, None, f"series {code} has value {raw!r}; expected a number"
        ) from None
    if not value.is_finite():
        raise ImportFileError(
            path, None, f"series {code} has value {raw!r}; expected a finite number"
        )
    return value


def dollar_exponent(series: RawSeries, path: str, code: str) -> int:
    """The power of ten of the US dollars OBS_VALUE counts (0: dollars, 6: millions)."""
    if "UNIT_MULT" in series.attributes or "UNIT_MULT" in series.key:
        stated = series.attributes.get("UNIT_MULT") or series.key.get("UNIT_MULT", "")
        try:
            return int(stated)
        except ValueError:
            raise ImportFileError(
                path, None, f"series {code} has UNIT_MULT {stated!r}; expected an integer"
            ) from None
    if "SCALE" in series.attributes or "SCALE" in series.key:
        return 0  # the data portal: OBS_VALUE in US dollars, SCALE is for display only
    raise ImportFileError(
        path,
        None,
        f"series {code} states no UNIT_MULT (or SCALE); expected 6 (millions) or a portal file",
    )


def import_imf_sdmx(raw: bytes, path: str, vintage: str) -> ImportedFile:
    """IMF BOP series for any country, in millions of US dollars.

    The vintage is the message's Prepared date when it states one, else ``vintage``.
    """
    message = read_message(raw, path)
    if message.prepared:
        vintage = date_vintage(message.prepared)
    imported = ImportedFile(path, "imf-sdmx", IMF_LABEL, IMF_CREDIT)
    portal_values: list[Decimal] = []
    for raw_series in message.series:
        series = _series(raw_series, path, vintage, imported, portal_values)
        if series is not None:
            imported.series.append(series)
    if portal_values and max(abs(v) for v in portal_values) < _PLAIN_DOLLARS_AT_LEAST:
        raise ImportFileError(
            path,
            None,
            "carries SCALE but every value is below 1,000: these are not plain US dollars as "
            "the IMF data portal sends them (already scaled?); nothing imported (no guess)",
        )
    if not imported.series:
        raise ImportFileError(
            path,
            None,
            "has no series with a mapped IMF indicator in US dollars; expected "
            f"{', '.join(INDICATORS)} with CD_T/DB_T/NETCD_T",
        )
    return imported


def read_imf_dollars(raw: bytes, path: str) -> dict[str, dict[tuple[int, int], float | None]]:
    """Every USD series of a message, mapped or not, in million US dollars (checks and tests).

    Keyed ``COUNTRY.INDICATOR.ENTRY``; the scale is established as import_imf_sdmx does.
    """
    out: dict[str, dict[tuple[int, int], float | None]] = {}
    for raw_series in read_message(raw, path).series:
        code = ".".join(_pick(raw_series, r, path) for r in ("country", "indicator", "entry"))
        if _pick(raw_series, "unit", path).upper() != "USD":
            continue
        freq = _pick(raw_series, "frequency", path).upper()
        exponent = dollar_exponent(raw_series, path, code)
        out[code] = {
            _period(when, freq, path, code): _millions(_number(text, path, code), exponent)[0]
            for when, text in raw_series.observations
        }
    return out


def _millions(value: Decimal | None, exponent: int) -> tuple[float | None, int]:
    """A value of 10^exponent US dollars in millions, exactly (the decimal places it has)."""
    if value is None:
        return None, 0
    text = format(value.scaleb(exponent - 6), "f")
    return float(text), decimals_of(text)


def _series(
    raw: RawSeries, path: str, vintage: str, imported: ImportedFile, portal: list[Decimal]
) -> SourceSeries | None:
    indicator = _pick(raw, "indicator", path)
    entry = _pick(raw, "entry", path)
    country = _pick(raw, "country", path).upper()
    code = f"{country}.{indicator}.{entry}"
    if indicator not in INDICATORS or entry not in ENTRIES:
        imported.warnings.append(f"{code}: indicator or entry not mapped; skipped")
        return None
    if not re.fullmatch(r"[A-Z]{3}", country):
        raise ImportFileError(
            path, None, f"series {code} has country {country!r}; expected ISO alpha-3 such as DEU"
        )
    unit = _pick(raw, "unit", path).upper()
    if unit != "USD":
        imported.warnings.append(f"{code} is in {unit}: only US dollars are kept; skipped")
        return None
    freq = _pick(raw, "frequency", path).upper()
    if freq not in ("M", "Q", "A"):
        raise ImportFileError(
            path, None, f"series {code} has frequency {freq!r}; expected M, Q or A"
        )
    exponent = dollar_exponent(raw, path, code)
    series = SourceSeries(
        code=code,
        name=f"IMF BOP {indicator} {entry} {unit}",
        unit_text="millions of US dollars",
        frequency=freq,
        points={},
        vintage=vintage,
        country=country,
        match_hint=(INDICATORS[indicator], ENTRIES[entry]),
        notes=(
            "OBS_VALUE in US dollars (IMF data portal; SCALE is for display), stored in millions"
            if exponent == 0
            else ""
        ),
    )
    for when, text in raw.observations:
        point = _period(when, freq, path, code)
        if point in series.points:
            raise ImportFileError(
                path, None, f"series {code} gives {when} twice; expected each period once"
            )
        number = _number(text, path, code)
        if exponent == 0 and number is not None:
            portal.append(number)
        value, places = _millions(number, exponent)
        series.points[point] = value
        series.decimals = max(series.decimals, places)
    return series
