"""English labels of the briefing workbook and the command line: one table, keys as in
``labels_ja.JA`` (a test keeps the two tables' keys equal)."""

from __future__ import annotations

from digital_deficit.data.csvio import BRIEFING_COLUMNS, BRIEFING_HEADERS
from digital_deficit.export.labels_release_en import RELEASE_EN

EN: dict[str, str] = {
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
    "sheet.marks": "Marks",
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
    "cover.vintage_text": "the latest revision of every figure; vintages used: {vintages}",
    # common
    "col.item": "Item",
    "col.code": "Key",
    "units.tn": "¥ trillion; deficits are negative",
    "na_note": "n/a: not published for that period, or not derivable from the published "
    "figures; never counted as zero.",
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
    "metric.yoy": "Change on previous year (size of balance)",
    "metric.multiple": "Multiple of base-year level",
    "metric.share_of_services_deficit": "Digital deficit / services deficit (ratio)",
    "metric.share_of_gs_deficit": "Digital deficit / goods-and-services deficit (ratio)",
    "metric.tourism_coverage": "Travel surplus / digital deficit",
    "metric.oil_ratio": "Digital deficit / crude-oil imports",
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
    "outlook.year_used": "Years in the fit",
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
    "outlook.meti_year": "Calendar year",
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
    "allowed.yen_per_doubling": "0-100 (published {cited_low}-{cited_high})",
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
    "f.share": "Ratio to the services (or goods-and-services) deficit = digital balance / that "
    "balance (2.54× = 2.54 times as large); n/a unless both are deficits.",
    "f.tourism": "Tourism coverage = travel balance / size of the digital deficit.",
    "f.oil": "Oil equivalence = size of the digital deficit / crude-oil import bill.",
    "f.projection": "Projection: cagr grows the last value at the compound rate between the "
    "first and last points; linear extends the least-squares line through every point.",
    "f.fx": "FX impact = yen per doubling × log2(projected balance / base-year balance).",
    "cav.revisions": "Preliminary figures are revised, often heavily (CY2021 current account: "
    "¥15.44T preliminary, ¥21.59T revised). Every figure carries its vintage on the Data sheet.",
    "cav.analyst": "Figures of the vintage 'analyst' are an analyst's rounded estimates: they, "
    "and every number built on one, are marked ≈ (rounding unit on the Data sheet); the key "
    "messages state the latest released figure, not an estimate.",
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
    "kpi.digital": "Digital balance (latest release)",
    "kpi.yoy": "Change on previous year",
    "kpi.multiple": "Multiple of the {base} level",
    "kpi.current_account@cf_current_account": "Headline current account (cash-flow year)",
    "kpi.current_account": "Headline current account (latest year)",
    "kpi.cf_current_account": "Cash-flow current account",
    "kpi.tourism_coverage": "Travel surplus / digital deficit",
    "kpi.oil_ratio": "Digital deficit / crude-oil imports",
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
    # catalogue entries (metric.<id>)
    "metric.digital": "Digital balance",
    "metric.digital_payments": "Digital payments",
    "metric.payments_to_receipts": "Digital payments / receipts",
    "metric.digital_receipts": "Digital receipts",
    "metric.services": "Services balance",
    "metric.goods_and_services": "Goods and services balance",
    "metric.travel": "Travel balance",
    "metric.crude_oil_imports": "Crude-oil imports",
    "metric.current_account": "Current account",
    "metric.cf_current_account": "Cash-flow current account",
    "metric.cf_karakama": "Cash-flow current account, karakama",
    "metric.cf_oguro1": "Cash-flow current account, oguro1",
    "metric.cf_oguro2": "Cash-flow current account, oguro2",
    "metric.cf_repatriation": "Cash-flow current account, repatriation",
    "metric.ca_identity": "Current account from its parts",
    "metric.ca_residual": "Current account less its parts",
    "metric.ca_gap": "Headline minus cash-flow",
    "metric.component_share": "Share of the total",
    "metric.cagr": "Compound annual growth rate",
    "metric.difference": "Change on previous period",
    "metric.fx_impact": "Implied yen depreciation vs USD (¥ per $)",
    "metric.projection_cagr": "Projection (CAGR)",
    "metric.projection_linear": "Projection (linear trend)",
    "metric.unrepatriated_share": "Share of primary income kept abroad",
    "metric.net_from_sides": "Net balance",
    "metric.credit_from_sides": "Receipts",
    "metric.debit_from_sides": "Payments",
    "short.digital": "Digital ({money})",
    "short.yoy": "YoY",
    "short.multiple": "× base",
    "short.share_of_services_deficit": "/ services def.",
    "short.tourism_coverage": "Travel cover",
    "short.oil_ratio": "/ crude oil",
    "short.current_account": "CA ({money})",
    "short.cf_current_account": "Cash-flow CA ({money})",
    # the Cover's key messages (templates: see export.messages)
    "period.CY": "{year}",
    "period.FY": "FY{year}",
    "msg.digital": (
        "{?digital<0|Digital deficit |Digital surplus }{digital.approx}{digital.money_abs:2}"
        "{digital.dagger} in {digital.period}{?multiple.beyond_base|, {multiple.approx}"
        "{multiple.value:1}×{multiple.dagger} its {Base_Year.period} level|} ({Definition} "
        "definition)."
    ),
    "msg.digital.na": "No digital balance is available for the periods shown.",
    "msg.yoy": (
        "{?yoy>=0|The digital balance grew |The digital balance shrank "
        "}{yoy.approx}{yoy.pct_abs:1}%{yoy.dagger} in size on the previous year "
        "({digital.period})."
    ),
    "msg.yoy.na": (
        "No change on the previous year can be computed for {digital.period} "
        "(previous year not published)."
    ),
    "msg.tourism_coverage": (
        "The travel surplus covered {tourism_coverage.approx}{tourism_coverage.pct:0}%"
        "{tourism_coverage.dagger} of the digital deficit in {tourism_coverage.period}."
    ),
    "msg.tourism_coverage.na": "Tourism coverage is not available for the periods shown.",
    "msg.cf_current_account": (
        "Cash-flow current account {cf_current_account.approx}{cf_current_account.money:2}"
        "{cf_current_account.dagger} in {cf_current_account.period} against a headline "
        "{current_account@cf_current_account.approx}{current_account@cf_current_account.money:2}"
        "{current_account@cf_current_account.dagger} ({CF_Method} method)."
    ),
    "msg.cf_current_account.na": (
        "The cash-flow current account is not available for the periods shown."
    ),
    "msg.projection": (
        "{?cagr|On a CAGR|On a linear} trend the digital balance reaches "
        "{projection.approx}{projection.money:2} by {Target_Year.period} (METI: deficits of "
        "about ¥10T by 2030, ¥18T to ¥28T by 2035)."
    ),
    "msg.projection.na": "Too few points to project the digital balance.",
    # issue 12: money and multiples in words, periods without a figure
    "money": "¥{value}T",
    "times": "{value}×",
    "yen": "¥{value}",
    "period.none": "the periods shown",
    # issue 12: marks (≈ rounded input, † vintages combined) and first releases
    "marks_note": '≈: built on a rounded figure (an analyst\'s "about" figure or a rounded '
    "release; its rounding unit is on the Data sheet). †: combines figures of different "
    "vintages (named in the Summary's notes; every vintage is on the Data sheet).",
    "col.revisions": "First release, where revised",
    "sum.note": "Note",
    "note.approx": "≈ built on a figure rounded to {precision} oku yen",
    "note.mixed": "† combines {vintages} figures",
    "note.first": "first reported {money}",
    "row.multiple": "Multiple of the {base} level",
    # issue 12: charts
    "chart.not_split": "Not split (total less the published components)",
    "chart.approx": "≈ built on a rounded figure",
    "chart.mixed": "† combines vintages",
    "chart.missing": "{series}: no figures for {years}.",
    "chart.calendar.CY": "",
    "chart.calendar.FY": " (calendar year)",
    "chart.fetch.digital": "No digital balance to draw: fetch the digital items with "
    "`digital-deficit fetch boj` (or add them to the data file) and build again.",
    "chart.fetch.ca": "No current account to draw: fetch it with `digital-deficit fetch boj` "
    "(or add it to the data file) and build again.",
    "chart.fetch.travel": "No travel or digital balance to draw: fetch them with "
    "`digital-deficit fetch boj` (or add them to the data file) and build again.",
    # issue 13 point 2: figures from the embedded data although a data file was given
    "fallback": "{count} of the {total} figures used come from the embedded published figures, "
    "not from {file}: {where}.",
    "cover.data_fallback": "Not from the data file",
    "data.subtitle": "As published (oku yen; 10,000 oku yen = ¥1 trillion); Rounded to: the "
    "rounding unit (1 = exact); every vintage used, first releases included.",
    "fallback.items": "{period}: {items}",
    "fallback.item": "{item} ({side})",
    "sep.items": ", ",
    "sep.groups": "; ",
    "outlook.path_note": "The path is shown up to the target year (and at least to 2035, "
    "beside METI's scenarios); a later target year on Assumptions extends it, up to 2050.",
    "src.fx_key": "FX",
    # release day (issue 9): its own table
    **RELEASE_EN,
}
