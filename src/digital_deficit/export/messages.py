"""Key messages for the cover: live text formulas over the Summary cells, with cached text.

Each message is built from parts that carry both the formula fragment and the text it gives for
the core's values, so the cached text always matches what the formula computes.
"""

from __future__ import annotations

from dataclasses import dataclass

from digital_deficit.export.cells import excel_fixed, quote_sheet
from digital_deficit.export.layout import Layout
from digital_deficit.export.numbers import BriefNumbers, tn
from digital_deficit.export.summary_sheet import KPI_ROWS, kpi_values

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
    """Parts joined with &."""
    return "&".join(f for f, _ in parts), "".join(t for _, t in parts)


def when(condition: str, yes: Part, no: Part, truth: bool) -> Part:
    """IF(condition, yes, no); the cached text follows ``truth``."""
    return f"IF({condition},{yes[0]},{no[0]})", yes[1] if truth else no[1]


@dataclass(frozen=True)
class Message:
    """A message formula, its cached text, and the Summary cell it comes from."""

    formula: str
    cached: str
    source: str


def messages(numbers: BriefNumbers, layout: Layout, lang: str) -> list[Message]:
    """Five key messages (level and growth, change on the year, tourism, cash flow, outlook)."""
    s = quote_sheet(layout.title("summary"))
    o = numbers.options
    vals = kpi_values(numbers)

    def kpi(key: str) -> tuple[str, str, float | None, float | None]:
        year, value = vals[key]
        return (
            f"{s}!$C${KPI_ROWS[key]}",
            f"{s}!$B${KPI_ROWS[key]}",
            value,
            None if year is None else float(year),
        )

    def period(ref: str, year: float | None) -> Part:
        shown = text(ref, year if year is not None else "n/a")
        if lang == "ja":
            return cat(shown, lit("年度" if o.basis == "FY" else "年"))
        return cat(lit("FY"), shown) if o.basis == "FY" else shown

    v, vy, dv, dy = kpi("digital")
    m, _, mv, _ = kpi("multiple")
    g, _, gv, _ = kpi("yoy")
    t, ty, tv, tyv = kpi("tourism")
    cf, cfy, cfv, cfyv = kpi("cf")
    ca, _, cav, _ = kpi("ca")
    proj = f"{quote_sheet(layout.title('outlook'))}!$C${layout.outlook.rows['res:at_target']}"
    pv = tn(numbers.at_target)
    base_text = text("Base_Year", float(numbers.base_year))
    fy = o.basis == "FY"
    base = cat(lit("FY"), base_text) if fy and lang != "ja" else base_text
    # the multiple of the base-year level says nothing when the base year is the figure's year
    show_multiple = (
        f"AND(ISNUMBER({m}),{vy}<>Base_Year)",
        mv is not None and dy != numbers.base_year,
    )
    cagr = o.projection_method == "cagr"
    definition = text("Definition", o.definition)
    method = text("CF_Method", o.cf_method)
    target = text("Target_Year", float(numbers.target_year))
    deficit = dv is not None and dv < 0
    if lang == "ja":
        level = cat(
            when(f"{v}<0", lit("デジタル赤字は"), lit("デジタル黒字は"), deficit),
            fixed(v, dv, 2, absolute=True),
            lit("兆円（"),
            period(vy, dy),
            when(
                show_multiple[0],
                cat(
                    lit("、"),
                    base,
                    lit("年度の" if fy else "年の"),
                    fixed(m, mv, 1),
                    lit("倍"),
                ),
                lit(""),
                show_multiple[1],
            ),
            lit("、"),
            definition,
            lit("定義）。"),
        )
        level_na = lit("表示期間にはデジタル関連収支の値がない。")
        change = cat(
            lit("デジタル関連収支の規模は前年比"),
            when(f"{g}>=0", lit("+"), lit(""), gv is not None and gv >= 0),
            fixed(g, gv, 1, 100),
            lit("%（"),
            period(vy, dy),
            lit("）。"),
        )
        change_na = cat(
            lit("前年が未公表のため前年比は算出できない（"), period(vy, dy), lit("）。")
        )
        tourism = cat(
            lit("旅行収支の黒字はデジタル赤字の"),
            fixed(t, tv, 0, 100),
            lit("%に相当（"),
            period(ty, tyv),
            lit("）。"),
        )
        tourism_na = lit("表示期間では旅行収支によるカバー率は算出できない。")
        cash = cat(
            lit("キャッシュフロー経常収支は"),
            fixed(cf, cfv, 2),
            lit("兆円（"),
            period(cfy, cfyv),
            lit("、"),
            method,
            lit("方式）、公表ベースの経常収支は"),
            fixed(ca, cav, 2),
            lit("兆円。"),
        )
        cash_na = lit("表示期間ではキャッシュフロー経常収支は算出できない。")
        outlook = cat(
            when(
                'Projection_Method="cagr"', lit("年平均成長率（CAGR）"), lit("線形トレンド"), cagr
            ),
            lit("による予測では、デジタル関連収支は"),
            target,
            lit("年度に" if fy else "年に"),
            fixed(proj, pv, 2),
            lit("兆円（経産省：赤字は2030年に約10兆円、2035年に18～28兆円）。"),
        )
        outlook_na = lit("予測に必要な点が足りない。")
    else:
        level = cat(
            when(f"{v}<0", lit("Digital deficit ¥"), lit("Digital surplus ¥"), deficit),
            fixed(v, dv, 2, absolute=True),
            lit("T in "),
            period(vy, dy),
            when(
                show_multiple[0],
                cat(lit(", "), fixed(m, mv, 1), lit("× its "), base, lit(" level")),
                lit(""),
                show_multiple[1],
            ),
            lit(" ("),
            definition,
            lit(" definition)."),
        )
        level_na = lit("No digital balance is available for the periods shown.")
        change = cat(
            when(
                f"{g}>=0",
                lit("The digital balance grew "),
                lit("The digital balance shrank "),
                gv is not None and gv >= 0,
            ),
            fixed(g, gv, 1, 100, absolute=True),
            lit("% in size on the previous year ("),
            period(vy, dy),
            lit(")."),
        )
        change_na = cat(
            lit("No change on the previous year can be computed for "),
            period(vy, dy),
            lit(" (previous year not published)."),
        )
        tourism = cat(
            lit("The travel surplus covered "),
            fixed(t, tv, 0, 100),
            lit("% of the digital deficit in "),
            period(ty, tyv),
            lit("."),
        )
        tourism_na = lit("Tourism coverage is not available for the periods shown.")
        cash = cat(
            lit("Cash-flow current account ¥"),
            fixed(cf, cfv, 2),
            lit("T in "),
            period(cfy, cfyv),
            lit(" against a headline ¥"),
            fixed(ca, cav, 2),
            lit("T ("),
            method,
            lit(" method)."),
        )
        cash_na = lit("The cash-flow current account is not available for the periods shown.")
        outlook = cat(
            when('Projection_Method="cagr"', lit("On a CAGR"), lit("On a linear"), cagr),
            lit(" trend the digital balance reaches ¥"),
            fixed(proj, pv, 2),
            lit("T by "),
            cat(lit("FY"), target) if fy else target,
            lit(" (METI: deficits of about ¥10T by 2030, ¥18T to ¥28T by 2035)."),
        )
        outlook_na = lit("Too few points to project the digital balance.")
    chosen = [
        (v, level, level_na, dv),
        (g, change, change_na, gv),
        (t, tourism, tourism_na, tv),
        (cf, cash, cash_na, cfv),
        (proj, outlook, outlook_na, pv),
    ]
    out: list[Message] = []
    for ref, yes, no, value in chosen:
        formula, cached = when(f"ISNUMBER({ref})", yes, no, value is not None)
        out.append(Message("=" + formula, cached, ref))
    return out
