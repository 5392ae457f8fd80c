"""Japanese labels of the briefing workbook (keys as in i18n._EN)."""

from __future__ import annotations

from digital_deficit.data.csvio import BRIEFING_COLUMNS, BRIEFING_HEADERS
from digital_deficit.export.labels_release_ja import RELEASE_JA

JA: dict[str, str] = {
    "sheet.cover": "表紙",
    "sheet.summary": "概要",
    "sheet.digital": "デジタル収支",
    "sheet.ca": "経常収支",
    "sheet.outlook": "見通し",
    "sheet.assumptions": "前提",
    "sheet.data": "データ",
    "sheet.sources": "出典と方法",
    "sheet.chartdata": "グラフ用データ",
    "sheet.marks": "記号用データ",
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
    "na_note": "n/a：当該期間は未公表、または公表値から算出できない（ゼロとして扱わない）。",
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
    "metric.yoy": "前年比（収支の規模）",
    "metric.multiple": "基準年比（倍）",
    "metric.share_of_services_deficit": "デジタル赤字／サービス収支赤字（倍率）",
    "metric.share_of_gs_deficit": "デジタル赤字／貿易・サービス収支赤字（倍率）",
    "metric.tourism_coverage": "旅行収支黒字／デジタル赤字",
    "metric.oil_ratio": "デジタル赤字／原油輸入額",
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
    "outlook.year_used": "推計に使う年",
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
    "outlook.meti": "経済産業省の公表見通し（報道による。"
    "コンピュータサービスの値はデジタル関連収支ではない）",
    "outlook.meti_label": "参照値",
    "outlook.meti_year": "暦年",
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
    "in.repatriation_share": "還流率 r（還流率方式）",
    "in.projection_method": "予測方法",
    "in.target_year": "予測の目標年",
    "in.yen_per_doubling": "赤字倍増当たりの円安幅（1ドル当たり円）",
    "in.fx_base_year": "為替影響の基準年",
    "note.repatriation_share": "第一次所得のうち国内に還流する割合（0～1）。公表された比率はない。"
    "空欄＝不使用。",
    "note.projection_method": "年平均成長率：最初と最後の点の年平均成長率で延長。"
    "線形トレンド：全点の最小二乗直線。",
    "note.fx_base_year": "試算は2023年水準からの倍増について述べたもの。",
    "allowed.yen_per_doubling": "0～100（公表値 {cited_low}～{cited_high}）",
    "src.oku_yen": "{value}億円（±{precision}）",
    "fx.citation": "みずほリサーチ＆テクノロジーズの試算（日経アジアン・レビューの報道による）："
    "デジタル赤字が2023年水準から倍増すると対ドルで{low}～{high}円の円安要因。"
    "原典の研究は確認できず、確立した弾性値ではなく利用者の前提として扱う。",
    "assump.definitions": "定義",
    "assump.methods": "キャッシュフロー算出方法",
    "assump.id": "ID",
    "assump.items": "項目",
    "assump.formula": "算出式",
    "assump.source": "出典",
    "data.title": "使用した観測値（公表値、億円）",
    # the Data table's column headers: one definition, read back by the Excel functions
    **{f"data.{c}": h for c, h in zip(BRIEFING_COLUMNS, BRIEFING_HEADERS["ja"], strict=True)},
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
    "f.share": "サービス（または貿易・サービス）収支赤字に対する倍率＝デジタル関連収支／当該収支"
    "（2.54倍＝2.54倍の大きさ）。両方が赤字の場合のみ。",
    "f.tourism": "旅行収支によるカバー率＝旅行収支／デジタル赤字の大きさ。",
    "f.oil": "原油換算＝デジタル赤字の大きさ／原油輸入額。",
    "f.projection": "予測：年平均成長率方式は最初と最後の点の年平均成長率で最後の値を延長、"
    "線形トレンド方式は全点の最小二乗直線を延長。",
    "f.fx": "為替影響＝倍増当たり円安幅×log2（予測値／基準年値）。",
    "cav.revisions": "速報値は大きく改定されることがある（2021年の経常収支：速報15.44兆円、"
    "改定21.59兆円）。各数値の時点はデータシートに記載。",
    "cav.analyst": "時点が「推計」の数値はアナリストによる概数。これらとそれに基づく値には≈を付す"
    "（丸め単位はデータシート）。要点は推計ではなく最新の公表値による。",
    "cav.fx": "倍増当たり5～6円という数値は原典が確認できない試算であり、"
    "確立した弾性値ではなく利用者の前提として扱う。",
    "cav.definitions": "定義は出典により異なる。比較は同じ定義で行うこと。",
    "cav.cf": "証券投資収益をすべて除く方式（唐鎌方式）は流出を過大に見積もる"
    "（提唱者も認めている）。",
    "sum.title": "概要",
    "sum.kpis": "主要指標",
    "sum.kpi": "指標",
    "sum.period": "期間",
    "sum.value": "値",
    "kpi.digital": "デジタル関連収支（最新の公表値）",
    "kpi.yoy": "前年比",
    "kpi.multiple": "{base}比（倍）",
    "kpi.current_account@cf_current_account": "経常収支（公表値・CF経常収支と同年）",
    "kpi.current_account": "経常収支（公表値、最新）",
    "kpi.cf_current_account": "キャッシュフロー経常収支",
    "kpi.tourism_coverage": "旅行収支黒字／デジタル赤字",
    "kpi.oil_ratio": "デジタル赤字／原油輸入額",
    "chart.digital": "デジタル関連収支と内訳（兆円）",
    "chart.ca": "経常収支：公表値とキャッシュフロー（兆円）",
    "chart.travel": "旅行収支とデジタル関連収支（兆円）",
    "chart.outlook": "デジタル関連収支の予測と経産省の見通し（兆円）",
    "chart.axis_tn": "兆円",
    "chart.meti_2030": "経産省 2030年",
    "chart.meti_2035b": "経産省 2035年 基本",
    "chart.meti_2035p": "経産省 2035年 悲観",
    "print.footer": "digital-deficit {version} ・ 作成 {generated}",
    # catalogue entries (metric.<id>)
    "metric.digital": "デジタル関連収支",
    "metric.digital_payments": "デジタル関連支払",
    "metric.payments_to_receipts": "デジタル関連の支払／受取（倍）",
    "metric.digital_receipts": "デジタル関連受取",
    "metric.services": "サービス収支",
    "metric.goods_and_services": "貿易・サービス収支",
    "metric.travel": "旅行収支",
    "metric.crude_oil_imports": "原油輸入額",
    "metric.current_account": "経常収支",
    "metric.cf_current_account": "キャッシュフロー経常収支",
    "metric.cf_karakama": "CF経常収支（karakama）",
    "metric.cf_oguro1": "CF経常収支（oguro1）",
    "metric.cf_oguro2": "CF経常収支（oguro2）",
    "metric.cf_repatriation": "CF経常収支（repatriation）",
    "metric.ca_identity": "経常収支（内訳の合計）",
    "metric.ca_residual": "経常収支と内訳の合計の差",
    "metric.ca_gap": "公表値－キャッシュフロー",
    "metric.component_share": "合計に占める割合",
    "metric.cagr": "年平均成長率",
    "metric.difference": "前期差",
    "metric.fx_impact": "想定される円安幅（1ドル当たり円）",
    "metric.projection_cagr": "予測（年平均成長率）",
    "metric.projection_linear": "予測（線形トレンド）",
    "metric.unrepatriated_share": "海外にとどまる第一次所得の割合",
    "metric.net_from_sides": "収支",
    "metric.credit_from_sides": "受取",
    "metric.debit_from_sides": "支払",
    "cf.formula.karakama": "経常収支－再投資収益（純）－証券投資収益（純）",
    "cf.formula.oguro1": "経常収支－再投資収益（純）",
    "cf.formula.oguro2": "経常収支－再投資収益（純）－債券利子（純）",
    "cf.formula.repatriation": "貿易・サービス収支＋第二次所得収支＋r×第一次所得収支",
    "cf.source.repatriation": "r は利用者の前提（公表された比率はない）",
    # the Cover's key messages (templates: see export.messages)
    "period.CY": "{year}年",
    "period.FY": "{year}年度",
    "msg.digital": (
        "{?digital<0|デジタル赤字は|デジタル黒字は}{digital.approx}{digital.money_abs:2}"
        "{digital.dagger}（{digital.period}{?multiple.beyond_base|、{Base_Year.period}の"
        "{multiple.approx}{multiple.value:1}倍{multiple.dagger}|}、{Definition}）。"
    ),
    "msg.digital.na": "表示期間にはデジタル関連収支の値がない。",
    "msg.yoy": (
        "デジタル関連収支の規模は前年比{yoy.approx}{?yoy>=0|+|}{yoy.pct:1}%{yoy.dagger}"
        "（{digital.period}）。"
    ),
    "msg.yoy.na": "前年が未公表のため前年比は算出できない（{digital.period}）。",
    "msg.tourism_coverage": (
        "旅行収支の黒字はデジタル赤字の{tourism_coverage.approx}{tourism_coverage.pct:0}%"
        "{tourism_coverage.dagger}に相当（{tourism_coverage.period}）。"
    ),
    "msg.tourism_coverage.na": "表示期間では旅行収支によるカバー率は算出できない。",
    "msg.cf_current_account": (
        "キャッシュフロー経常収支は{cf_current_account.approx}{cf_current_account.money:2}"
        "{cf_current_account.dagger}（{cf_current_account.period}、{CF_Method}）、公表ベースの"
        "経常収支は{current_account@cf_current_account.approx}"
        "{current_account@cf_current_account.money:2}{current_account@cf_current_account.dagger}。"
    ),
    "msg.cf_current_account.na": "表示期間ではキャッシュフロー経常収支は算出できない。",
    "msg.projection": (
        "{?cagr|年平均成長率（CAGR）|線形トレンド}による予測では、デジタル関連収支は"
        "{Target_Year.period}に{projection.approx}{projection.money:2}（経産省：赤字は2030年に約"
        "10兆円、2035年に18～28兆円）。"
    ),
    "msg.projection.na": "予測に必要な点が足りない。",
    # issue 12: money and multiples in words, periods without a figure
    "money": "{value}兆円",
    "times": "{value}倍",
    "yen": "{value}円",
    "period.none": "表示期間",
    # issue 12: marks (≈ rounded input, † vintages combined) and first releases
    "marks_note": "≈：概数（アナリストの「約」の数値や丸めた公表値）に基づく値（丸め単位は"
    "データシート）。†：時点の異なる数値を組み合わせた値（時点は概要シートの注記、"
    "使用した全時点はデータシート）。",
    "col.revisions": "改定前の公表値（速報）",
    "sum.note": "注記",
    "note.approx": "≈ {precision}億円単位の概数に基づく",
    "note.mixed": "† {vintages}の数値を組み合わせた値",
    "note.first": "当初公表値 {money}",
    "row.multiple": "{base}比（倍）",
    "name.mof3": "財務省3項目",
    "name.narrow": "狭義3項目",
    "name.custom": "独自定義",
    "name.karakama": "唐鎌方式",
    "name.oguro1": "小黒方式1",
    "name.oguro2": "小黒方式2",
    "name.repatriation": "還流率方式",
    "name.cagr": "年平均成長率",
    "name.linear": "線形トレンド",
    "cf.source.karakama": "唐鎌大輔（みずほ銀行）「週刊エコノミスト」2024年6月4日号",
    "cf.source.oguro1": "小黒一正（法政大学）、ダイヤモンド・オンライン 329952",
    "cf.source.oguro2": "小黒一正（法政大学）、ダイヤモンド・オンライン 329952",
    "def.source.mof3": "財務省公表（時事通信の報道）、"
    "日本銀行レビュー2023（同じ合計を5項目に分割）",
    "def.source.narrow": "日本経済新聞の集計、共同通信、デジタル庁、情報通信白書の見出し",
    "def.source.custom": "利用者の定義",
    # issue 12: charts
    "chart.not_split": "内訳なし（合計－公表された内訳）",
    "chart.approx": "≈ 概数に基づく",
    "chart.mixed": "† 時点の異なる数値の組合せ",
    "chart.missing": "{series}：{years}は値なし。",
    "chart.calendar.CY": "",
    "chart.calendar.FY": "（暦年）",
    "chart.fetch.digital": "描けるデジタル関連収支がない：`digital-deficit fetch boj` で"
    "デジタル関連の項目を取得する（またはデータファイルに加える）と描ける。",
    "chart.fetch.ca": "描ける経常収支がない：`digital-deficit fetch boj` で取得する"
    "（またはデータファイルに加える）と描ける。",
    "chart.fetch.travel": "描ける旅行収支・デジタル関連収支がない：`digital-deficit fetch boj` で"
    "取得する（またはデータファイルに加える）と描ける。",
    # issue 13 point 2: figures from the embedded data although a data file was given
    "fallback": "使用した{total}件の数値のうち{count}件は{file}ではなく同梱の公表値による："
    "{where}。",
    "cover.data_fallback": "データファイル以外の数値",
    "data.subtitle": "公表値（億円、1万億円＝1兆円）。丸め単位：1＝端数なし。"
    "使用したすべての時点（当初公表値を含む）。",
    "fallback.items": "{period}：{items}",
    "fallback.item": "{item}（{side}）",
    "sep.items": "、",
    "sep.groups": "；",
    "outlook.path_note": "予測経路は目標年まで（経産省の見通しと比べるため少なくとも"
    "2035年まで）表示。"
    "前提シートで目標年を延ばすと2050年まで延長される。",
    "src.fx_key": "為替",
    # release day (issue 9): its own table
    **RELEASE_JA,
}
