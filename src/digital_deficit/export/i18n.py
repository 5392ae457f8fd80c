"""Every label, title and message template of the briefing workbook, in English and Japanese."""

from __future__ import annotations

from digital_deficit.core.errors import UnknownNameError
from digital_deficit.core.items import get_item
from digital_deficit.data.csvio import BRIEFING_COLUMNS, BRIEFING_HEADERS
from digital_deficit.export.labels_ja import JA as _JA

LANGUAGES: tuple[str, ...] = ("en", "ja")

_EN: dict[str, str] = {
    # sheet names (also used in formulas: keep them stable per language)
    "sheet.cover": "Cover",
    "sheet.summary": "Summary",
    "sheet.digital": "Digital",
    "sheet.ca": "Current account",
    "sheet.outlook": "Outlook",
    "sheet.assumptions": "Assumptions",
    "sheet.data": "Data",
    "sheet.sources": "Sources & method",
    "sheet.chartdata": "Chart data",
    # cover
    "title": "Japan's digital deficit and cash-flow current account",
    "subtitle": "Briefing workbook",
    "cover.country": "Country",
    "cover.country_value": "Japan (JPN)",
    "cover.basis": "Basis and periods",
    "cover.basis_CY": "Calendar years",
    "cover.basis_FY": "Fiscal years (April-March)",
    "cover.vintage": "Data vintage",
    "cover.retrieved": "Data read / generated",
    "cover.definition": "Digital-deficit definition",
    "cover.cf_method": "Cash-flow method",
    "cover.messages": "Key messages",
    "cover.source_cell": "Source cell",
    "cover.units": "Units: ¥ trillion (¥T) unless stated; the Data sheet holds the published "
    "figures in oku yen (100 million yen; 10,000 oku yen = ¥1 trillion). "
    "n/a = not published or not derivable: never zero.",
    "cover.data_embedded": "embedded published figures (press releases of MOF/BoJ figures)",
    "cover.vintage_text": "latest revision of every figure; vintages used: {vintages}",
    # common
    "col.item": "Item",
    "col.code": "Key",
    "units.tn": "¥ trillion; deficits are negative",
    "na_note": "n/a: not published for that period, or not derivable from the published "
    "figures; never counted as zero. Figures marked analyst are rounded (see Data).",
    "lead_in": "{year}: shown only as the base of the first year-on-year change",
    # digital
    "digital.title": "Digital balance and its components",
    "digital.components": "Components (net balance)",
    "digital.by_definition": "Digital balance by definition",
    "digital.selected": "Selected definition (Assumptions)",
    "digital.comparators": "Comparators",
    "digital.metrics": "Ratios",
    "row.net": "Digital balance, {definition}",
    "row.debit": "Payments, {definition}",
    "row.credit": "Receipts, {definition}",
    "row.sel_net": "Digital balance",
    "row.sel_debit": "Digital payments",
    "row.sel_credit": "Digital receipts",
    "row.yoy": "Change on previous year (size of balance)",
    "row.multiple": "Multiple of base-year level",
    "row.share_services": "Digital / services deficit",
    "row.share_gs": "Digital / goods-and-services deficit",
    "row.tourism": "Travel surplus / digital deficit",
    "row.oil": "Digital deficit / crude-oil imports",
    "row.crude_oil_imports": "Crude-oil imports (payments)",
    # current account
    "ca.title": "Current account: headline and cash-flow basis",
    "ca.items": "Balance-of-payments items (net)",
    "ca.income": "Primary income kept abroad (net)",
    "ca.cash_flow": "Cash-flow current account by method",
    "ca.selected": "Selected method (Assumptions)",
    "row.cf": "Cash-flow current account, {method}",
    "row.cf_sel": "Cash-flow current account",
    "row.ca_gap": "Headline minus cash-flow",
    # outlook
    "outlook.title": "Outlook: projection of the digital balance",
    "outlook.history": "History used (selected definition)",
    "outlook.year": "Year",
    "outlook.value": "Digital balance",
    "outlook.used": "Point used (1 = yes)",
    "outlook.value0": "Value if used, else 0",
    "outlook.year_used": "Year if used",
    "outlook.stats": "Fit",
    "stat.n": "Points used",
    "stat.x0": "First year",
    "stat.x1": "Last year",
    "stat.y0": "First value",
    "stat.y1": "Last value",
    "stat.mx": "Mean year",
    "stat.my": "Mean value",
    "stat.sxx": "Sum of squared year deviations",
    "stat.sxy": "Sum of cross deviations",
    "outlook.result": "Projection",
    "outlook.at_target": "Projected digital balance in the target year",
    "outlook.fx_base": "Digital balance in the FX base year",
    "outlook.fx": "Implied yen depreciation vs USD (¥ per $)",
    "outlook.fx_note": "FX impact = yen per doubling × log2(projected / base-year balance); "
    "an unconfirmed estimate, used as a user assumption.",
    "outlook.path": "Projection path",
    "outlook.actual": "Actual",
    "outlook.projection": "Projection",
    "outlook.meti": "Published METI reference points (as reported; the computer-services point "
    "is not a digital balance)",
    "outlook.meti_label": "Reference point",
    "outlook.meti_year": "Year",
    "outlook.meti_value": "Value",
    "outlook.meti_source": "Source",
    # assumptions
    "assump.title": "Assumptions (edit the yellow cells)",
    "assump.name": "Input",
    "assump.value": "Value",
    "assump.allowed": "Allowed",
    "assump.note": "Note",
    "in.definition": "Digital-deficit definition",
    "in.definition_items": "Items in the definition",
    "in.base_year": "Base year of the growth multiple",
    "in.base_value": "Digital balance in the base year",
    "in.cf_method": "Cash-flow method",
    "in.cf_formula": "Cash-flow formula",
    "in.repatriation_share": "Repatriation share r (repatriation method)",
    "in.projection_method": "Projection method",
    "in.target_year": "Projection target year",
    "in.yen_per_doubling": "Yen depreciation per doubling of the deficit (¥ per $)",
    "in.fx_base_year": "FX base year",
    "note.repatriation_share": "Share of primary income that comes home (0 to 1); "
    "no published ratio exists. Blank = not used.",
    "note.projection_method": "cagr: compound growth between the first and last points; "
    "linear: least-squares trend through every point.",
    "note.fx_base_year": "The estimate is stated for a doubling from the 2023 level.",
    "assump.yen_allowed": "0-100 (published {low}-{high})",
    "src.oku_yen": "{value} oku yen (± {precision})",
    "fx.citation": "{citation}",
    "assump.definitions": "Definitions",
    "assump.methods": "Cash-flow methods",
    "assump.id": "Id",
    "assump.items": "Items",
    "assump.formula": "Formula",
    "assump.source": "Source",
    # data
    "data.title": "Observations used (published figures, oku yen)",
    # the Data table's column headers: one definition, read back by the Excel functions
    **{f"data.{c}": h for c, h in zip(BRIEFING_COLUMNS, BRIEFING_HEADERS["en"], strict=True)},
    # sources & method
    "src.title": "Sources and method",
    "src.definitions": "Definitions of the digital deficit",
    "src.cf": "Cash-flow current account",
    "src.formulas": "Formulas in words",
    "src.references": "Published reference points",
    "src.caveats": "Caveats",
    "src.generated": "Generated",
    "src.version": "Package version",
    "src.data": "Data",
    "f.digital": "Digital balance = sum of the net balances of the definition's items "
    "(a published total is used when there is one); missing if any item is missing.",
    "f.yoy": "Change on previous year = balance / previous balance - 1 (the change in the size "
    "of a deficit); n/a when either is missing, the previous is zero or the sign changed.",
    "f.multiple": "Multiple = balance / base-year balance; n/a when the signs differ.",
    "f.share": "Share of the services (or goods-and-services) deficit = digital balance / "
    "that balance; n/a unless both are deficits.",
    "f.tourism": "Tourism coverage = travel balance / size of the digital deficit.",
    "f.oil": "Oil equivalence = size of the digital deficit / crude-oil import bill.",
    "f.projection": "Projection: cagr grows the last value at the compound rate between the "
    "first and last points; linear extends the least-squares line through every point.",
    "f.fx": "FX impact = yen per doubling × log2(projected balance / base-year balance).",
    "cav.revisions": "Preliminary figures are revised, often heavily (CY2021 current account: "
    "¥15.44T preliminary, ¥21.59T revised). Every figure carries its vintage on the Data sheet.",
    "cav.analyst": "Figures with the vintage 'analyst' are an analyst's rounded numbers "
    "(rounding unit in the Data sheet).",
    "cav.fx": "The yen-per-doubling figure (¥5-6) comes from an estimate whose original study was "
    "not found: it is a user assumption, not an established elasticity.",
    "cav.definitions": "Definitions differ between sources: compare figures on one "
    "definition only.",
    "cav.cf": "Removing all portfolio income (karakama) overstates the outflow, as its author "
    "concedes.",
    # summary
    "sum.title": "Summary",
    "sum.kpis": "Key figures",
    "sum.kpi": "Indicator",
    "sum.period": "Period",
    "sum.value": "Value",
    "kpi.digital": "Digital balance (latest exact figure)",
    "kpi.yoy": "Change on previous year",
    "kpi.multiple": "Multiple of base-year level",
    "kpi.ca": "Headline current account (cash-flow year)",
    "kpi.ca_latest": "Headline current account (latest year)",
    "kpi.cf": "Cash-flow current account",
    "kpi.tourism": "Travel surplus / digital deficit",
    "kpi.oil": "Digital deficit / crude-oil imports",
    "chart.digital": "Digital balance and components (¥T)",
    "chart.ca": "Headline vs cash-flow current account (¥T)",
    "chart.travel": "Travel surplus vs digital balance (¥T)",
    "chart.outlook": "Digital balance: projection and METI reference points (¥T)",
    "chart.axis_tn": "¥ trillion",
    "chart.meti_2030": "METI 2030",
    "chart.meti_2035b": "METI 2035 base",
    "chart.meti_2035p": "METI 2035 pessimistic",
    # print
    "print.footer": "digital-deficit {version} · generated {generated}",
}


_TABLES: dict[str, dict[str, str]] = {"en": _EN, "ja": _JA}


def check_lang(lang: str) -> str:
    """Return the language id (en or ja) or raise UnknownNameError."""
    key = lang.strip().lower() if isinstance(lang, str) else lang
    if key not in _TABLES:
        raise UnknownNameError("language", lang, LANGUAGES)
    return str(key)


_CF_SOURCES_JA = {"repatriation": "r は利用者の前提（公表された比率はない）"}

_CF_FORMULAS_JA = {
    "karakama": "経常収支－再投資収益（純）－証券投資収益（純）",
    "oguro1": "経常収支－再投資収益（純）",
    "oguro2": "経常収支－再投資収益（純）－債券利子（純）",
    "repatriation": "貿易・サービス収支＋第二次所得収支＋r×第一次所得収支",
}


class Labels:
    """Label lookup for one language: ``labels["title"]`` or ``labels.fmt("lead_in", year=...)``."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = check_lang(lang)
        self._table = _TABLES[self.lang]

    def __getitem__(self, key: str) -> str:
        return self._table[key]

    def fmt(self, key: str, **values: object) -> str:
        """The label with ``{name}`` fields filled in."""
        return self._table[key].format(**values)

    def cf_formula(self, method_id: str) -> str:
        """A cash-flow method's formula in words, in this language."""
        from digital_deficit.core.current_account import get_cf_method

        method = get_cf_method(method_id)
        return _CF_FORMULAS_JA[method.id] if self.lang == "ja" else method.formula

    def cf_source(self, method_id: str) -> str:
        """Where a cash-flow method comes from (a citation; the user-assumption note translated)."""
        from digital_deficit.core.current_account import get_cf_method

        method = get_cf_method(method_id)
        return _CF_SOURCES_JA.get(method.id, method.source) if self.lang == "ja" else method.source

    def fx_note(self) -> str:
        """The yen-per-doubling assumption's citation, in this language."""
        from digital_deficit.core.references import YEN_PER_DOUBLING as fxa

        return self.fmt(
            "fx.citation", citation=fxa.citation, low=f"{fxa.low:g}", high=f"{fxa.high:g}"
        )

    def item(self, item_id: str) -> str:
        """An item's label in this language."""
        item = get_item(item_id)
        return item.label_ja if self.lang == "ja" else item.label_en


def missing_keys() -> dict[str, set[str]]:
    """Keys present in one language and not the other (empty when the tables agree)."""
    return {"ja": set(_EN) - set(_JA), "en": set(_JA) - set(_EN)}
