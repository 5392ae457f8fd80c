"""Key messages for the cover: live text formulas over the Summary cells, with cached text.

The messages are templates in each language's label table (``msg.<key figure>`` and
``msg.<key figure>.na``, ``msg.projection``): a message exists for a key figure when its
language has a template for it. A template is text with fields in braces:

- ``{k.value:2}``, ``{k.abs:2}``, ``{k.pct:1}``, ``{k.pct_abs:0}``: key figure ``k`` (a Summary
  row) as FIXED text with that many decimals (pct: times 100); ``{k.money:2}`` and
  ``{k.money_abs:2}``: as money in the language's ``money`` template, the minus sign first
  (-¥10.89T); ``projection`` is the Outlook's projected balance;
- ``{k.approx}``, ``{k.dagger}``: ≈ where the figure is built on a rounded figure, † where it
  combines vintages (live, from its marks), else nothing;
- ``{k.period}``: its period in words (``period.CY``/``period.FY``; ``period.none`` when it
  has none), also ``Base_Year.period`` and ``Target_Year.period``; ``{Definition}``,
  ``{CF_Method}``: the named input's name in the language (``name.<id>``);
- ``{?condition|yes|no}``: conditions ``k<0``, ``k>=0``, ``k.beyond_base`` (present, and not in
  the base year) and ``cagr`` (the projection method); the branches are templates too.

Each part carries both its formula fragment and the text it gives for the core's values, so the
cached text always matches what the formula computes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digital_deficit.core.catalogue import CASH_FLOW
from digital_deficit.core.definitions import get_definition
from digital_deficit.export.cells import quote_sheet
from digital_deficit.export.formats import APPROX, DAGGER
from digital_deficit.export.i18n import Labels
from digital_deficit.export.key_figures import kpis
from digital_deficit.export.layout import Layout
from digital_deficit.export.marks import Loc, MarkBook
from digital_deficit.export.numbers import BriefNumbers, tn
from digital_deficit.export.summary_sheet import kpi_rows, kpi_values
from digital_deficit.export.text_formulas import Part, cat, fixed, lit, money, text, when


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
    loc: Loc


class _Writer:
    """Fills a template's fields for one briefing."""

    def __init__(
        self, numbers: BriefNumbers, layout: Layout, labels: Labels, marks: MarkBook
    ) -> None:
        self.numbers, self.labels, self.marks = numbers, labels, marks
        s = quote_sheet(layout.title("summary"))
        rows = kpi_rows(numbers)
        self.figures: dict[str, _Figure] = {}
        for key, (year, value) in kpi_values(numbers).items():
            self.figures[key] = _Figure(
                f"{s}!$C${rows[key]}",
                f"{s}!$B${rows[key]}",
                value,
                None if year is None else float(year),
                Loc("summary", f"C{rows[key]}"),
            )
        at_target = layout.outlook.rows["res:at_target"]
        outlook = f"{quote_sheet(layout.title('outlook'))}!$C${at_target}"
        target = float(numbers.target_year)
        self.figures["projection"] = _Figure(
            outlook, "Target_Year", tn(numbers.at_target), target, Loc("outlook", f"C{at_target}")
        )
        definitions = numbers.definition_ids
        methods = tuple(CASH_FLOW)
        self.named = {
            "Definition": self.name("Definition", definitions, numbers.options.definition),
            "CF_Method": self.name("CF_Method", methods, numbers.options.cf_method),
        }
        self.years = {"Base_Year": float(numbers.base_year), "Target_Year": target}

    def name(self, input_name: str, ids: tuple[str, ...], chosen: str) -> Part:
        """The name of the id in a named input, in the language (live: CHOOSE over the ids)."""
        chosen = get_definition(chosen).id if input_name == "Definition" else chosen
        names = [self.labels.name(i) for i in ids]
        if names == list(ids):
            return text(input_name, chosen)
        keys = ",".join(f'"{i}"' for i in ids)
        options = ",".join(lit(n)[0] for n in names)
        formula = f"CHOOSE(MATCH({input_name},{{{keys}}},0),{options})"
        return formula, names[ids.index(chosen)]

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
        if attribute in ("approx", "dagger"):
            mark = self.marks.mark(figure.loc)
            if attribute == "approx":
                condition, sign, truth = self.marks.rounded(figure.loc, True), APPROX, mark.rounded
            else:
                condition, sign, truth = self.marks.mixed(figure.loc, True), DAGGER, mark.mixed
            return when(condition, lit(sign), lit(""), truth)
        if attribute.startswith("money"):
            value = figure.value
            if attribute.endswith("abs"):
                before, _, after = self.labels["money"].partition("{value}")
                size = fixed(figure.value_ref, value, int(decimals), absolute=True)
                return cat(lit(before), size, lit(after))
            return money(self.labels["money"], figure.value_ref, value, int(decimals))
        factor = 100 if attribute.startswith("pct") else 1
        absolute = attribute.endswith("abs")
        return fixed(figure.value_ref, figure.value, int(decimals), factor, absolute)

    def period(self, ref: str, year: float | None) -> Part:
        """A period in words: the year cell inside the language's pattern (FY2024, 2024年度),
        or ``period.none`` where the figure has no period."""
        before, _, after = self.labels[f"period.{self.numbers.options.basis}"].partition("{year}")
        shown = cat(lit(before), text(ref, year if year is not None else ""), lit(after))
        if ref in self.years:
            return shown
        none = lit(self.labels["period.none"])
        return when(f"ISNUMBER({ref})", shown, none, year is not None)

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


def messages(
    numbers: BriefNumbers, layout: Layout, labels: Labels, marks: MarkBook
) -> list[Message]:
    """A message for every key figure whose language has a template, then the projection."""
    writer = _Writer(numbers, layout, labels, marks)
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
