"""What the release-day sheets share: number formats (≈ for a rounded figure), months in words,
and money in messages ("-¥0.55T", "-0.55兆円") as live text formulas."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from digital_deficit.core.excel import to_excel
from digital_deficit.core.expr import Ref
from digital_deficit.core.periods import Period
from digital_deficit.core.units import OKU_PER_TRILLION
from digital_deficit.data.figures import Figure
from digital_deficit.export.cells import NA_TEXT, Content, Formula, excel_fixed, value_or_na
from digital_deficit.export.i18n import Labels
from digital_deficit.export.messages import Part, cat, lit
from digital_deficit.export.styles import BOTTOM, RIGHT, StyleCache, Styles

OKU = "#,##0;[Red]-#,##0;0"
OKU_APPROX = '"≈"#,##0;[Red]"≈-"#,##0;"≈"0'
USD = "#,##0;[Red]-#,##0;0"
USD_APPROX = '"≈"#,##0;[Red]"≈-"#,##0;"≈"0'
PCT = "0.0%;[Red]-0.0%;0.0%"
TIMES = '0.00"×";[Red]-0.00"×";0.00"×"'
TN_SIGNED = '"¥"#,##0.00"T";[Red]"-¥"#,##0.00"T";"¥"0.00"T"'
RATE = "0.00"


def amount_format(rounded: bool, usd: bool = False) -> str:
    """The format of an amount: ≈ before a figure built on a rounded input."""
    if usd:
        return USD_APPROX if rounded else USD
    return OKU_APPROX if rounded else OKU


def style_amount(
    styler: StyleCache, cell: Any, rounded: bool, st: Styles, usd: bool = False
) -> None:
    """An amount cell: right-aligned, a rule below, ≈ before a figure built on a rounded input."""
    styler.apply(
        cell,
        ("amount", rounded, usd),
        number_format=amount_format(rounded, usd),
        alignment=RIGHT,
        border=BOTTOM,
        font=st.body,
    )


def month_text(labels: Labels, period: Period) -> str:
    """A month in words: "2024-12" (English), "2024年12月" (Japanese)."""
    return labels.fmt("release.month", year=period.year, month=period.index)


def month_name(labels: Labels, month: int) -> str:
    """A month's short name: Jan ... Dec, or 1 ... 12."""
    return labels["release.month_names"].split(",")[month - 1]


def vintage_words(labels: Labels, vintage: str) -> str:
    """A vintage in words of the language: 速報 for preliminary, 改定（2025-07）..."""
    if vintage.startswith("revised-"):
        return labels.fmt("release.vintage.revised", month=vintage.removeprefix("revised-"))
    return labels.get(f"release.vintage.{vintage}", vintage)


def data_cell(fig: Figure, data_ref: Callable[[tuple[str, ...]], str]) -> Content:
    """A figure's own derivation over the Data sheet (in the data's unit) with the core's
    value; "n/a" text when the figure is missing."""
    if fig.value is None:
        return NA_TEXT
    if isinstance(fig.expr, Ref) and len(fig.sources) == 1:  # a published figure: its cell
        obs = fig.sources[0]
        return Formula("=" + data_ref((*obs.key, obs.vintage)), fig.value)
    cells = {name: data_ref((*obs.key, obs.vintage)) for name, obs in fig.observations().items()}
    return Formula("=" + to_excel(fig.expr, cells), value_or_na(fig.value))


def money(labels: Labels, ref: str, oku: float | None) -> Part:
    """An oku-yen cell as ¥ trillions in words ("-¥0.55T"); "n/a" where the cell is not a number."""
    before, _, rest = labels["release.money"].partition("{sign}")
    middle, _, after = rest.partition("{amount}")
    tn = None if oku is None else oku / OKU_PER_TRILLION
    sign = (f'IF({ref}<0,"-","")', "-" if tn is not None and tn < 0 else "")
    number = (
        f"FIXED(ABS({ref})/{OKU_PER_TRILLION},2,TRUE)",
        excel_fixed(abs(tn) if tn is not None else 0.0, 2),
    )
    shown = cat(lit(before), sign, lit(middle), number, lit(after))
    na = lit(labels["release.na"])
    return f"IF(ISNUMBER({ref}),{shown[0]},{na[0]})", shown[1] if oku is not None else na[1]


def sentence(template: str, fields: Mapping[str, Part | str]) -> tuple[str, str]:
    """A template's ``{field}`` parts filled (a Part is live; a string is literal text): the
    formula (with "=") and the text it gives."""
    parts: list[Part] = []
    rest = template
    while "{" in rest:
        before, _, tail = rest.partition("{")
        name, _, rest = tail.partition("}")
        parts.append(lit(before))
        value = fields[name]
        parts.append(lit(value) if isinstance(value, str) else value)
    parts.append(lit(rest))
    formula, text = cat(*parts)
    return "=" + formula, text


def style_cells(ws: Any, coordinates: list[str], **attributes: Any) -> None:
    """Give several cells the same attributes."""
    for coordinate in coordinates:
        for name, value in attributes.items():
            setattr(ws[coordinate], name, value)
