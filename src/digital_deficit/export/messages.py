"""Key messages for the cover: live text formulas over the Summary cells, with cached text.

The messages are templates in each language's label table (``msg.<key figure>`` and
``msg.<key figure>.na``, ``msg.projection``): a message exists for a key figure when its
language has a template for it. A template is text with fields in braces:

- ``{k.value:2}``, ``{k.abs:2}``, ``{k.pct:1}``, ``{k.pct_abs:0}``: key figure ``k`` (a Summary
  row) as FIXED text with that many decimals (pct: times 100); ``projection`` is the Outlook's
  projected balance;
- ``{k.period}``: its period in words (``period.CY``/``period.FY``), also ``Base_Year.period``
  and ``Target_Year.period``; ``{Definition}``, ``{CF_Method}``: the named input as written;
- ``{?condition|yes|no}``: conditions ``k<0``, ``k>=0``, ``k.beyond_base`` (present, and not in
  the base year) and ``cagr`` (the projection method); the branches are templates too.

Each part carries both its formula fragment and the text it gives for the core's values, so the
cached text always matches what the formula computes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digital_deficit.export.cells import excel_fixed, quote_sheet
from digital_deficit.export.i18n import Labels
from digital_deficit.export.layout import Layout, kpis
from digital_deficit.export.numbers import BriefNumbers, tn
from digital_deficit.export.summary_sheet import kpi_rows, kpi_values

Part = tuple[str, str]  # (formula fragment, text it gives)


def lit(text: str) -> Part:
    """A literal string."""
    return '"' + text.replace('"', '""') + '"', text


def fixed(
    ref: str, value: float | None, decimals: int, factor: int = 1, absolute: bool = False
) -> Part:
    """FIXED(...) of a number cell, rounded like Excel."""
    expr = f"ABS({ref})" if absolute else ref
    if factor != 1:
        expr = f"{expr}*{factor}"
    shown = 0.0 if value is None else (abs(value) if absolute else value) * factor
    return f"FIXED({expr},{decimals},TRUE)", excel_fixed(shown, decimals)


def text(ref: str, value: object) -> Part:
    """A cell or name joined as text (a whole-number year gives "2024")."""
    if isinstance(value, float) and value.is_integer():
        return ref, str(int(value))
    return ref, str(value)


def cat(*parts: Part) -> Part:
    """Parts joined with &, neighbouring literals merged into one."""
    merged: list[Part] = []
    for part in parts:
        if not part[1] and part[0] == '""':
            continue
        if (
            merged
            and merged[-1][0].startswith('"')
            and _is_literal(merged[-1][0])
            and _is_literal(part[0])
        ):
            merged[-1] = lit(merged[-1][1] + part[1])
        else:
            merged.append(part)
    if not merged:
        return lit("")
    return "&".join(f for f, _ in merged), "".join(t for _, t in merged)


def _is_literal(formula: str) -> bool:
    return len(formula) >= 2 and formula[0] == formula[-1] == '"' and '"&' not in formula


def when(condition: str, yes: Part, no: Part, truth: bool) -> Part:
    """IF(condition, yes, no); the cached text follows ``truth``."""
    return f"IF({condition},{yes[0]},{no[0]})", yes[1] if truth else no[1]


@dataclass(frozen=True)
class Message:
    """A message formula, its cached text, and the Summary cell it comes from."""

    formula: str
    cached: str
    source: str


@dataclass(frozen=True)
class _Figure:
    value_ref: str
    year_ref: str
    value: float | None
    year: float | None


class _Writer:
    """Fills a template's fields for one briefing."""

    def __init__(self, numbers: BriefNumbers, layout: Layout, labels: Labels) -> None:
        self.numbers, self.labels = numbers, labels
        s = quote_sheet(layout.title("summary"))
        rows = kpi_rows(numbers)
        self.figures: dict[str, _Figure] = {}
        for key, (year, value) in kpi_values(numbers).items():
            self.figures[key] = _Figure(
                f"{s}!$C${rows[key]}",
                f"{s}!$B${rows[key]}",
                value,
                None if year is None else float(year),
            )
        outlook = (
            f"{quote_sheet(layout.title('outlook'))}!$C${layout.outlook.rows['res:at_target']}"
        )
        target = float(numbers.target_year)
        self.figures["projection"] = _Figure(outlook, "Target_Year", tn(numbers.at_target), target)
        self.named = {
            "Definition": text("Definition", numbers.options.definition),
            "CF_Method": text("CF_Method", numbers.options.cf_method),
        }
        self.years = {"Base_Year": float(numbers.base_year), "Target_Year": target}

    def template(self, source: str) -> Part:
        """A template's parts joined."""
        parts: list[Part] = []
        for kind, body in _split(source):
            parts.append(lit(body) if kind == "text" else self.field(body))
        return cat(*parts)

    def field(self, body: str) -> Part:
        if body.startswith("?"):
            condition, yes, no = _branches(body[1:])
            formula, truth = self.condition(condition)
            return when(formula, self.template(yes), self.template(no), truth)
        if body in self.named:
            return self.named[body]
        name, _, attribute = body.partition(".")
        if attribute == "period":
            if name in self.years:
                return self.period(name, self.years[name])
            figure = self.figures[name]
            return self.period(figure.year_ref, figure.year)
        attribute, _, decimals = attribute.partition(":")
        figure = self.figures[name]
        factor = 100 if attribute.startswith("pct") else 1
        absolute = attribute.endswith("abs")
        return fixed(figure.value_ref, figure.value, int(decimals), factor, absolute)

    def period(self, ref: str, year: float | None) -> Part:
        """A period in words: the year cell inside the language's pattern (FY2024, 2024年度)."""
        before, _, after = self.labels[f"period.{self.numbers.options.basis}"].partition("{year}")
        return cat(lit(before), text(ref, year if year is not None else "n/a"), lit(after))

    def condition(self, condition: str) -> tuple[str, bool]:
        if condition == "cagr":
            return 'Projection_Method="cagr"', self.numbers.options.projection_method == "cagr"
        match = re.fullmatch(r"([\w@]+)(<0|>=0)", condition)
        if match:
            figure = self.figures[match.group(1)]
            value = figure.value
            truth = value is not None and (value < 0 if match.group(2) == "<0" else value >= 0)
            return f"{figure.value_ref}{match.group(2)}", truth
        name = condition.removesuffix(".beyond_base")
        figure = self.figures[name]
        truth = figure.value is not None and figure.year != self.numbers.base_year
        return f"AND(ISNUMBER({figure.value_ref}),{figure.year_ref}<>Base_Year)", truth


def _split(source: str) -> list[tuple[str, str]]:
    """Text and fields (``{...}``, nested braces allowed) in order."""
    out: list[tuple[str, str]] = []
    depth, start, text_start = 0, 0, 0
    for i, char in enumerate(source):
        if char == "{":
            if depth == 0:
                if i > text_start:
                    out.append(("text", source[text_start:i]))
                start = i + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                out.append(("field", source[start:i]))
                text_start = i + 1
    if text_start < len(source):
        out.append(("text", source[text_start:]))
    return out


def _branches(body: str) -> tuple[str, str, str]:
    """condition|yes|no, split at the top-level bars."""
    pieces, depth, start = [], 0, 0
    for i, char in enumerate(body):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if char == "|" and depth == 0:
            pieces.append(body[start:i])
            start = i + 1
    pieces.append(body[start:])
    condition, yes, no = pieces
    return condition, yes, no


def messages(numbers: BriefNumbers, layout: Layout, labels: Labels) -> list[Message]:
    """A message for every key figure whose language has a template, then the projection."""
    writer = _Writer(numbers, layout, labels)
    keys = [k.key for k in kpis(numbers.options.cf_method)] + ["projection"]
    out: list[Message] = []
    for key in keys:
        template = labels.get(f"msg.{key}", "")
        if not template:
            continue
        figure = writer.figures[key]
        yes = writer.template(template)
        no = writer.template(labels[f"msg.{key}.na"])
        formula, cached = when(f"ISNUMBER({figure.value_ref})", yes, no, figure.value is not None)
        out.append(Message("=" + formula, cached, figure.value_ref))
    return out
