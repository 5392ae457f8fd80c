"""Every label, title and message template of the briefing workbook, in English and Japanese."""

from __future__ import annotations

from digital_deficit.core.errors import UnknownNameError
from digital_deficit.core.items import get_item

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
    "outlook.meti": "Published METI reference points (mof3 definition)",
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
    "assump.definitions": "Definitions",
    "assump.methods": "Cash-flow methods",
    "assump.id": "Id",
    "assump.items": "Items",
    "assump.formula": "Formula",
    "assump.source": "Source",
    # data
    "data.title": "Observations used (published figures, oku yen)",
    "data.period": "Period",
    "data.basis": "Basis",
    "data.item": "Item",
    "data.label": "Item label",
    "data.definition": "Definition",
    "data.side": "Side",
    "data.value": "Value (oku yen)",
    "data.unit": "Unit",
    "data.precision": "Rounded to (oku yen)",
    "data.vintage": "Vintage",
    "data.source": "Source",
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
    "kpi.digital": "Digital balance (latest)",
    "kpi.yoy": "Change on previous year",
    "kpi.multiple": "Multiple of base-year level",
    "kpi.ca": "Headline current account",
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

_JA: dict[str, str] = {
    "sheet.cover": "表紙",
    "sheet.summary": "概要",
    "sheet.digital": "デジタル収支",
    "sheet.ca": "経常収支",
    "sheet.outlook": "見通し",
    "sheet.assumptions": "前提",
    "sheet.data": "データ",
    "sheet.sources": "出典と方法",
    "sheet.chartdata": "グラフ用データ",
    "title": "日本のデジタル赤字とキャッシュフロー経常収支",
    "subtitle": "ブリーフィング資料",
    "cover.country": "国",
    "cover.country_value": "日本（JPN）",
    "cover.basis": "集計基準と期間",
    "cover.basis_CY": "暦年",
    "cover.basis_FY": "年度（4月～3月）",
    "cover.vintage": "データの時点",
    "cover.retrieved": "データ読込・作成日時",
    "cover.definition": "デジタル赤字の定義",
    "cover.cf_method": "キャッシュフロー算出方法",
    "cover.messages": "要点",
    "cover.source_cell": "参照セル",
    "cover.units": "単位：特記なき限り兆円。データシートは公表値を億円で保持"
    "（1兆円＝1万億円）。n/a＝未公表または算出不能（ゼロではない）。",
    "cover.data_embedded": "同梱の公表値（財務省・日本銀行の公表値の報道）",
    "cover.vintage_text": "各数値の最新改定値。使用した時点：{vintages}",
    "col.item": "項目",
    "col.code": "キー",
    "units.tn": "兆円、赤字はマイナス",
    "na_note": "n/a：当該期間は未公表、または公表値から算出できない（ゼロとして扱わない）。"
    "analyst の数値は概数（データシート参照）。",
    "lead_in": "{year}年：最初の前年比の基準としてのみ表示",
    "digital.title": "デジタル関連収支とその内訳",
    "digital.components": "内訳（収支）",
    "digital.by_definition": "定義別デジタル関連収支",
    "digital.selected": "選択した定義（前提シート）",
    "digital.comparators": "比較対象",
    "digital.metrics": "比率",
    "row.net": "デジタル関連収支（{definition}）",
    "row.debit": "支払（{definition}）",
    "row.credit": "受取（{definition}）",
    "row.sel_net": "デジタル関連収支",
    "row.sel_debit": "デジタル関連支払",
    "row.sel_credit": "デジタル関連受取",
    "row.yoy": "前年比（収支の規模）",
    "row.multiple": "基準年比（倍）",
    "row.share_services": "デジタル赤字／サービス収支赤字",
    "row.share_gs": "デジタル赤字／貿易・サービス収支赤字",
    "row.tourism": "旅行収支黒字／デジタル赤字",
    "row.oil": "デジタル赤字／原油輸入額",
    "row.crude_oil_imports": "原油輸入額（支払）",
    "ca.title": "経常収支：公表値とキャッシュフローベース",
    "ca.items": "国際収支項目（収支）",
    "ca.income": "海外にとどまる第一次所得（収支）",
    "ca.cash_flow": "方法別キャッシュフロー経常収支",
    "ca.selected": "選択した方法（前提シート）",
    "row.cf": "CF経常収支（{method}）",
    "row.cf_sel": "キャッシュフロー経常収支",
    "row.ca_gap": "公表値－キャッシュフロー",
    "outlook.title": "見通し：デジタル関連収支の予測",
    "outlook.history": "使用する実績（選択した定義）",
    "outlook.year": "年",
    "outlook.value": "デジタル関連収支",
    "outlook.used": "使用（1＝使用）",
    "outlook.value0": "使用時の値（不使用は0）",
    "outlook.year_used": "使用時の年",
    "outlook.stats": "推計",
    "stat.n": "使用点数",
    "stat.x0": "最初の年",
    "stat.x1": "最後の年",
    "stat.y0": "最初の値",
    "stat.y1": "最後の値",
    "stat.mx": "年の平均",
    "stat.my": "値の平均",
    "stat.sxx": "年の偏差平方和",
    "stat.sxy": "偏差積和",
    "outlook.result": "予測",
    "outlook.at_target": "目標年のデジタル関連収支（予測）",
    "outlook.fx_base": "為替基準年のデジタル関連収支",
    "outlook.fx": "想定される円安幅（1ドル当たり円）",
    "outlook.fx_note": "為替影響＝倍増当たり円安幅×log2（予測値／基準年値）。"
    "未確認の試算であり、利用者の前提として扱う。",
    "outlook.path": "予測経路",
    "outlook.actual": "実績",
    "outlook.projection": "予測",
    "outlook.meti": "経済産業省の公表見通し（mof3定義）",
    "outlook.meti_label": "参照値",
    "outlook.meti_year": "年",
    "outlook.meti_value": "値",
    "outlook.meti_source": "出典",
    "assump.title": "前提（黄色のセルを編集）",
    "assump.name": "入力項目",
    "assump.value": "値",
    "assump.allowed": "選択肢・範囲",
    "assump.note": "注記",
    "in.definition": "デジタル赤字の定義",
    "in.definition_items": "定義に含まれる項目",
    "in.base_year": "倍率の基準年",
    "in.base_value": "基準年のデジタル関連収支",
    "in.cf_method": "キャッシュフロー算出方法",
    "in.cf_formula": "算出式",
    "in.repatriation_share": "還流率 r（repatriation 方式）",
    "in.projection_method": "予測方法",
    "in.target_year": "予測の目標年",
    "in.yen_per_doubling": "赤字倍増当たりの円安幅（1ドル当たり円）",
    "in.fx_base_year": "為替影響の基準年",
    "note.repatriation_share": "第一次所得のうち国内に還流する割合（0～1）。公表された比率はない。"
    "空欄＝不使用。",
    "note.projection_method": "cagr：最初と最後の点の年平均成長率で延長。"
    "linear：全点の最小二乗直線。",
    "note.fx_base_year": "試算は2023年水準からの倍増について述べたもの。",
    "assump.definitions": "定義",
    "assump.methods": "キャッシュフロー算出方法",
    "assump.id": "ID",
    "assump.items": "項目",
    "assump.formula": "算出式",
    "assump.source": "出典",
    "data.title": "使用した観測値（公表値、億円）",
    "data.period": "期間",
    "data.basis": "基準",
    "data.item": "項目ID",
    "data.label": "項目名",
    "data.definition": "定義",
    "data.side": "区分",
    "data.value": "値（億円）",
    "data.unit": "単位",
    "data.precision": "丸め単位（億円）",
    "data.vintage": "時点",
    "data.source": "出典",
    "src.title": "出典と方法",
    "src.definitions": "デジタル赤字の定義",
    "src.cf": "キャッシュフロー経常収支",
    "src.formulas": "計算式の説明",
    "src.references": "公表された参照値",
    "src.caveats": "留意点",
    "src.generated": "作成日時",
    "src.version": "パッケージのバージョン",
    "src.data": "データ",
    "f.digital": "デジタル関連収支＝定義に含まれる項目の収支の合計"
    "（公表された合計があればそれを使用）。"
    "いずれかの項目が欠ける場合は算出しない。",
    "f.yoy": "前年比＝当年の収支／前年の収支－1（赤字の規模の変化）。"
    "いずれかが欠ける、前年がゼロ、符号が変わった場合は n/a。",
    "f.multiple": "倍率＝当年の収支／基準年の収支。符号が異なる場合は n/a。",
    "f.share": "サービス（または貿易・サービス）収支赤字に占める割合＝デジタル関連収支／当該収支。"
    "両方が赤字の場合のみ。",
    "f.tourism": "旅行収支によるカバー率＝旅行収支／デジタル赤字の大きさ。",
    "f.oil": "原油換算＝デジタル赤字の大きさ／原油輸入額。",
    "f.projection": "予測：cagr は最初と最後の点の年平均成長率で最後の値を延長、"
    "linear は全点の最小二乗直線を延長。",
    "f.fx": "為替影響＝倍増当たり円安幅×log2（予測値／基準年値）。",
    "cav.revisions": "速報値は大きく改定されることがある（2021年の経常収支：速報15.44兆円、"
    "改定21.59兆円）。各数値の時点はデータシートに記載。",
    "cav.analyst": "時点が analyst の数値はアナリストによる概数（丸め単位はデータシート参照）。",
    "cav.fx": "倍増当たり5～6円という数値は原典が確認できない試算であり、"
    "確立した弾性値ではなく利用者の前提として扱う。",
    "cav.definitions": "定義は出典により異なる。比較は同じ定義で行うこと。",
    "cav.cf": "証券投資収益をすべて除く方式（karakama）は流出を過大に見積もる"
    "（提唱者も認めている）。",
    "sum.title": "概要",
    "sum.kpis": "主要指標",
    "sum.kpi": "指標",
    "sum.period": "期間",
    "sum.value": "値",
    "kpi.digital": "デジタル関連収支（最新）",
    "kpi.yoy": "前年比",
    "kpi.multiple": "基準年比（倍）",
    "kpi.ca": "経常収支（公表値）",
    "kpi.cf": "キャッシュフロー経常収支",
    "kpi.tourism": "旅行収支黒字／デジタル赤字",
    "kpi.oil": "デジタル赤字／原油輸入額",
    "chart.digital": "デジタル関連収支と内訳（兆円）",
    "chart.ca": "経常収支：公表値とキャッシュフロー（兆円）",
    "chart.travel": "旅行収支とデジタル関連収支（兆円）",
    "chart.outlook": "デジタル関連収支の予測と経産省の見通し（兆円）",
    "chart.axis_tn": "兆円",
    "chart.meti_2030": "経産省 2030年",
    "chart.meti_2035b": "経産省 2035年 基本",
    "chart.meti_2035p": "経産省 2035年 悲観",
    "print.footer": "digital-deficit {version} ・ 作成 {generated}",
}

_TABLES: dict[str, dict[str, str]] = {"en": _EN, "ja": _JA}


def check_lang(lang: str) -> str:
    """Return the language id (en or ja) or raise UnknownNameError."""
    key = lang.strip().lower() if isinstance(lang, str) else lang
    if key not in _TABLES:
        raise UnknownNameError("language", lang, LANGUAGES)
    return str(key)


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

    def item(self, item_id: str) -> str:
        """An item's label in this language."""
        item = get_item(item_id)
        return item.label_ja if self.lang == "ja" else item.label_en


def missing_keys() -> dict[str, set[str]]:
    """Keys present in one language and not the other (empty when the tables agree)."""
    return {"ja": set(_EN) - set(_JA), "en": set(_JA) - set(_EN)}
