"""What the release-day sheets share: the amount format (``formats``: ≈ before a number built on
a rounded figure, † after one combining vintages), months in words, and money in messages
("-¥0.55T", "-0.55兆円": the language's ``money``, minus first) as live text formulas."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from digital_deficit.core.excel import to_excel
from digital_deficit.core.expr import Ref
from digital_deficit.core.periods import Period
from digital_deficit.core.units import OKU_PER_TRILLION
from digital_deficit.data.figures import Figure
from digital_deficit.export.cells import NA_TEXT, Content, Formula, value_or_na
from digital_deficit.export.formats import OKU, marked
from digital_deficit.export.i18n import Labels
from digital_deficit.export.styles import BOTTOM, RIGHT, StyleCache, Styles
from digital_deficit.export.text_formulas import Part, cat, lit
from digital_deficit.export.text_formulas import money as money_part


def style_amount(
    styler: StyleCache, cell: Any, st: Styles, rounded: bool = False, mixed: bool = False
) -> None:
    """An amount cell (oku yen, million US dollars): right-aligned, a rule below, ≈ before a
    number built on a rounded figure and † after one combining vintages (fixed, for a cell
    whose marks cannot change: live marks are conditional formats, ``MarkBook.show``)."""
    fmt = marked(OKU, rounded, mixed)
    styler.apply(
        cell, ("amount", fmt), number_format=fmt, alignment=RIGHT, border=BOTTOM, font=st.body
    )


def month_text(labels: Labels, period: Period) -> str:
    """A month in words: "2024-12" (English), "2024年12月" (Japanese)."""
    return labels.fmt("release.month", year=period.year, month=period.index)


def month_name(labels: Labels, month: int) -> str:
    """A month's short name: Jan ... Dec, or 1 ... 12."""
    return labels["release.month_names"].split(",")[month - 1]


def vintage_words(labels: Labels, vintages: tuple[str, ...]) -> str:
    """A figure's vintages in the language's words, as the Data sheet shows them."""
    return labels["release.list_sep"].join(labels.vintage(v) for v in vintages)


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
    """An oku-yen cell as ¥ trillions in the language's words ("-¥0.55T", "-0.55兆円"); "n/a"
    where the cell is not a number."""
    tn = None if oku is None else oku / OKU_PER_TRILLION
    shown = money_part(labels["money"], f"{ref}/{OKU_PER_TRILLION}", tn)
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
