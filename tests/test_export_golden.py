"""Golden structure: the sheet list, the named inputs and the formulas of the key cells.

A change here is a change to what readers and their own formulas rely on: update on purpose.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.briefing_fixtures import build

SHEETS = [
    "Cover",
    "Summary",
    "Digital",
    "Current account",
    "Outlook",
    "Assumptions",
    "Data",
    "Sources & method",
    "Chart data",
    "Marks",
]
SHEETS_JA = [
    "表紙",
    "概要",
    "デジタル収支",
    "経常収支",
    "見通し",
    "前提",
    "データ",
    "出典と方法",
    "グラフ用データ",
    "記号用データ",
]
NAMES = {
    "Definition": "'Assumptions'!$B$5",
    "Definition_Items": "'Assumptions'!$B$6",
    "Base_Year": "'Assumptions'!$B$7",
    "Base_Value": "'Assumptions'!$B$8",
    "CF_Method": "'Assumptions'!$B$9",
    "CF_Formula": "'Assumptions'!$B$10",
    "Repatriation_Share": "'Assumptions'!$B$11",
    "Projection_Method": "'Assumptions'!$B$12",
    "Target_Year": "'Assumptions'!$B$13",
    "Yen_Per_Doubling": "'Assumptions'!$B$14",
    "FX_Base_Year": "'Assumptions'!$B$15",
}
KEY_FORMULAS = [
    ("Digital", "C10", "='Data'!$G$86/10000"),  # 2014 ICT as published (President Online)
    # 2022 narrow from parts: the catalogue's sum, written as a chain
    ("Digital", "K14", '=IF(COUNT(K6,K8,K11)<3,"n/a",K6+K8+K11)'),
    ("Digital", "M13", "='Data'!$G$113/10000"),  # 2024 mof3: the 2025-07 revision
    # the label of the growth multiple names the base year, live
    ("Digital", "A30", '="Multiple of the "&Base_Year&" level"'),
    ("Digital", "M20", "=INDEX(M$13:M$14,MATCH(Definition,$B$13:$B$14,0))"),
    ("Digital", "M21", "=INDEX(M$15:M$16,MATCH(Definition,$B$15:$B$16,0))"),
    # signs compared with SIGN: a product can overflow or underflow to 0 (the core never used one)
    (
        "Digital",
        "M29",
        '=IF(COUNT(M20,L20)<2,"n/a",IF(OR(L20=0,SIGN(M20)*SIGN(L20)<0),"n/a",M20/L20-1))',
    ),
    (
        "Digital",
        "M30",
        (
            '=IF(COUNT(M20,Base_Value)<2,"n/a",IF(OR(Base_Value=0,SIGN(M20)*SIGN(Base_Value)<0),'
            '"n/a",M20/Base_Value))'
        ),
    ),
    ("Digital", "M31", '=IF(COUNT(M20,M24)<2,"n/a",IF(OR(M24>=0,M20>0),"n/a",M20/M24))'),
    ("Digital", "M32", '=IF(COUNT(M20,M25)<2,"n/a",IF(OR(M25>=0,M20>0),"n/a",M20/M25))'),
    ("Digital", "M33", '=IF(COUNT(M26,M20)<2,"n/a",IF(OR(M20>=0,M26<0),"n/a",M26/-M20))'),
    ("Digital", "M34", '=IF(COUNT(M20,M27)<2,"n/a",IF(OR(M20>=0,M27<=0),"n/a",-M20/M27))'),
    ("Current account", "K14", "=('Data'!$G$98-'Data'!$G$97)/10000"),
    ("Current account", "K18", '=IF(COUNT(K12,K14,K15)<3,"n/a",K12-(K14+K15))'),
    ("Current account", "K19", '=IF(COUNT(K12,K14)<2,"n/a",K12-K14)'),
    ("Current account", "K20", '=IF(COUNT(K12,K14,K16)<3,"n/a",K12-(K14+K16))'),
    (
        "Current account",
        "K21",
        ('=IF(COUNT(K12,K10,Repatriation_Share)<3,"n/a",K12-(1-Repatriation_Share)*K10)'),
    ),
    ("Current account", "K23", "=INDEX(K$18:K$21,MATCH(CF_Method,$B$18:$B$21,0))"),
    ("Current account", "K24", '=IF(COUNT(K12,K23)<2,"n/a",K12-K23)'),
    ("Outlook", "C9", "=COUNT($C$6:$N$6)"),
    ("Outlook", "C10", '=IF(COUNT($C$7:$N$7)=0,"n/a",MIN($C$7:$N$7))'),
    ("Outlook", "C11", '=IF(COUNT($C$7:$N$7)=0,"n/a",MAX($C$7:$N$7))'),
    # lookups in a one-row range take INDEX(range,1,column): Gnumeric reads a lone index as a
    # row (#REF!); the projection and FX are the catalogue's rules (projection_cagr,
    # projection_linear, fx_impact), each with its own COUNT guard
    (
        "Outlook",
        "C12",
        (
            '=IF(ISNUMBER($C$10),IF(ISNA(MATCH($C$10,$C$4:$N$4,0)),"n/a",INDEX($C$6:$N$6,1,MA'
            'TCH($C$10,$C$4:$N$4,0))),"n/a")'
        ),
    ),
    (
        "Outlook",
        "C13",
        (
            '=IF(ISNUMBER($C$11),IF(ISNA(MATCH($C$11,$C$4:$N$4,0)),"n/a",INDEX($C$6:$N$6,1,MA'
            'TCH($C$11,$C$4:$N$4,0))),"n/a")'
        ),
    ),
    (
        "Outlook",
        "C15",
        (
            '=IF(Projection_Method="cagr",IF(COUNT($C$10,$C$12,$C$11,$C$13,Target_Year)<5,"n/'
            'a",IF(SIGN($C$12)*SIGN($C$13)<=0,"n/a",$C$13*(($C$13/$C$12)^(1/($C$11-$C$10)))^('
            'Target_Year-$C$11))),IF(COUNT(Target_Year)<1,"n/a",IF(COUNT($C$6:$N$6)<2,"n/a",F'
            "ORECAST(Target_Year,$C$6:$N$6,$C$4:$N$4))))"
        ),
    ),
    (
        "Outlook",
        "C16",
        (
            "=IF(ISNUMBER(FX_Base_Year),IF(ISNA(MATCH(FX_Base_Year,'Digital'!$C$4:$N$4,0)),\"n"
            "/a\",INDEX('Digital'!$C$20:$N$20,1,MATCH(FX_Base_Year,'Digital'!$C$4:$N$4,0))),\"n"
            '/a")'
        ),
    ),
    (
        "Outlook",
        "C17",
        (
            '=IF(COUNT($C$16,$C$15,Yen_Per_Doubling)<3,"n/a",IF(SIGN($C$16)*SIGN($C$15)<=0,"n'
            '/a",Yen_Per_Doubling*LOG($C$15/$C$16,2)))'
        ),
    ),
    # the path: a column for every year to 2050, shown up to the target year (at least 2035)
    (
        "Outlook",
        "C22",
        (
            '=IF(C$21<=MAX(2035,Target_Year),IF(Projection_Method="cagr",IF(COUNT($C$10,$C$12,$C$'
            '11,$C$13,C$21)<5,"n/a",IF(SIGN($C$12)*SIGN($C$13)<=0,"n/a",$C$13*(($C$13/$C$12)^'
            '(1/($C$11-$C$10)))^(C$21-$C$11))),IF(COUNT(C$21)<1,"n/a",IF(COUNT($C$6:$N$6)<2,'
            '"n/a",FORECAST(C$21,$C$6:$N$6,$C$4:$N$4)))),"")'
        ),
    ),
    (
        "Summary",
        "B5",
        ("=IF(COUNT('Chart data'!$C$13:$N$13)=0,\"n/a\",MAX('Chart data'!$C$13:$N$13))"),
    ),
    (
        "Summary",
        "C5",
        (
            "=IF(ISNUMBER($B$5),IF(ISNA(MATCH($B$5,'Digital'!$C$4:$N$4,0)),\"n/a\",INDEX('Digit"
            "al'!$C$20:$N$20,1,MATCH($B$5,'Digital'!$C$4:$N$4,0))),\"n/a\")"
        ),
    ),
    (
        "Summary",
        "C7",
        (
            "=IF(ISNUMBER($B$7),IF(ISNA(MATCH($B$7,'Digital'!$C$4:$N$4,0)),\"n/a\",INDEX('Digit"
            "al'!$C$30:$N$30,1,MATCH($B$7,'Digital'!$C$4:$N$4,0))),\"n/a\")"
        ),
    ),
    (
        "Assumptions",
        "B6",
        ("=INDEX('Assumptions'!$B$19:$B$20,MATCH(Definition,'Assumptions'!$A$19:$A$20,0))"),
    ),
    (
        "Assumptions",
        "B8",
        (
            "=IF(ISNUMBER(Base_Year),IF(ISNA(MATCH(Base_Year,'Digital'!$C$4:$N$4,0)),\"n/a\",IN"
            "DEX('Digital'!$C$20:$N$20,1,MATCH(Base_Year,'Digital'!$C$4:$N$4,0))),\"n/a\")"
        ),
    ),
    (
        "Assumptions",
        "B10",
        ("=INDEX('Assumptions'!$B$24:$B$27,MATCH(CF_Method,'Assumptions'!$A$24:$A$27,0))"),
    ),
    ("Chart data", "C5", "=IF(ISNUMBER('Digital'!C20),'Digital'!C20,NA())"),
    # the chosen definition's second component (ICT for mof3, computer services for narrow),
    # where it and the total are numbers; CHOOSE, not INDEX over a one-row range (Gnumeric
    # reads that index as a row: #REF!)
    (
        "Chart data",
        "C7",
        (
            '=IF(AND(ISNUMBER(\'Digital\'!C20),ISNUMBER(CHOOSE(MATCH(Definition,{"mof3","narro'
            'w"},0),\'Digital\'!C10,\'Digital\'!C8))),CHOOSE(MATCH(Definition,{"mof3","narrow"},'
            "0),'Digital'!C10,'Digital'!C8),NA())"
        ),
    ),
    # the rest of the total, not split, where a component is missing (SUM skips "n/a")
    (
        "Chart data",
        "C12",
        (
            '=IF(AND(ISNUMBER(\'Digital\'!C20),NOT(CHOOSE(MATCH(Definition,{"mof3","narrow"},'
            "0),AND(ISNUMBER('Digital'!C6),ISNUMBER('Digital'!C10),ISNUMBER('Digital'!C11)),AND("
            "ISNUMBER('Digital'!C6),ISNUMBER('Digital'!C8),ISNUMBER('Digital'!C11))))),'Digital'"
            "!C20-CHOOSE(MATCH(Definition,{\"mof3\",\"narrow\"},0),SUM('Digital'!C6,'Digital'!C1"
            "0,'Digital'!C11),SUM('Digital'!C6,'Digital'!C8,'Digital'!C11)),NA())"
        ),
    ),
    # the ≈ overlay of the digital chart: the total or a part of the chosen definition rounded
    (
        "Chart data",
        "C20",
        (
            '=IF(AND(ISNUMBER(C5),OR(\'Marks\'!$C$62>1,CHOOSE(MATCH(Definition,{"mof3","narrow'
            "\"},0),OR('Marks'!$C$48>1,'Marks'!$C$52>1,'Marks'!$C$53>1),OR('Marks'!$C$48>1,'Mar"
            "ks'!$C$50>1,'Marks'!$C$53>1)))),C5,NA())"
        ),
    ),
    # the projection chart's x: the years shown (the axis follows the target year)
    ("Chart data", "C33", "=IF(C$31<=MAX(2035,Target_Year),C$31,NA())"),
    (
        "Chart data",
        "P35",
        "=IF(P$31<=MAX(2035,Target_Year),IF(ISNUMBER('Outlook'!D22),'Outlook'!D22,NA()),NA())",
    ),
    # a mark of a selection is the same selection over the marks (P of the selected payments)
    ("Marks", "C133", "=INDEX('Marks'!C$127:C$128,MATCH(Definition,'Digital'!$B$15:$B$16,0))"),
    (
        "Cover",
        "C14",
        (
            "=IF(ISNUMBER('Summary'!$C$5),IF('Summary'!$C$5<0,\"Digital deficit \",\"Digital su"
            'rplus ")&IF(\'Marks\'!$C$5>1,"≈","")&"¥"&FIXED(ABS(\'Summary\'!$C$5),2,TRUE)&"T'
            '"&IF(_xlfn.BITAND(\'Marks\'!$C$19,MAX(\'Marks\'!$C$19-1,0))<>0,"†","")&" in "&I'
            "F(ISNUMBER('Summary'!$B$5),'Summary'!$B$5,\"the periods shown\")&IF(AND(ISNUMBER('S"
            'ummary\'!$C$7),\'Summary\'!$B$7<>Base_Year),", "&IF(\'Marks\'!$C$7>1,"≈","")&FIXED'
            "('Summary'!$C$7,1,TRUE)&\"×\"&IF(_xlfn.BITAND('Marks'!$C$21,MAX('Marks'!$C$21-1,0))"
            '<>0,"†","")&" its "&Base_Year&" level","")&" ("&Definition&" definitio'
            'n).","No digital balance is available for the periods shown.")'
        ),
    ),
]


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path: Path = build(tmp_path_factory.mktemp("golden"))
    return openpyxl.load_workbook(path)


def test_sheet_list(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == SHEETS
    assert [ws.sheet_state for ws in book.worksheets] == ["visible"] * 8 + ["hidden"] * 2


@pytest.mark.slow
def test_japanese_sheet_list(tmp_path: Path) -> None:
    assert openpyxl.load_workbook(build(tmp_path, lang="ja")).sheetnames == SHEETS_JA


def test_named_inputs(book: openpyxl.Workbook) -> None:
    assert {n: d.attr_text for n, d in book.defined_names.items()} == NAMES


@pytest.mark.parametrize(("sheet", "cell", "formula"), KEY_FORMULAS)
def test_key_formulas(book: openpyxl.Workbook, sheet: str, cell: str, formula: str) -> None:
    assert book[sheet][cell].value == formula
