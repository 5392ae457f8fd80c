"""The Countries sheet (issue 9 point 3): an IMF data-portal file of three countries
(tests/fixtures/imf_portal_countries.xml, written by make_fixtures.py in the portal's layout)
imported with `import`; its values are the fixture's sums, Japan converted at --usdjpy or taken
from IMF data, missing countries and items named, never zero."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from digital_deficit.cli.main import main
from digital_deficit.data.csvio import read_dataset, write_dataset
from digital_deficit.data.dataset import Dataset
from digital_deficit.data.importers.dispatch import import_file
from digital_deficit.data.model import Observation
from digital_deficit.export.builder import Briefing, build_briefing
from digital_deficit.export.options import BriefOptions
from tests.fixtures.make_fixtures import COUNTRY_YEARS, country_values
from tests.monthly_release_data import VALUES, monthly_file

FIXTURE = Path(__file__).parent / "fixtures" / "imf_portal_countries.xml"
ITEMS = ("SH", "SI", "SJ2")


def millions(country: str, entry: str, year: str) -> Decimal:
    """The fixture's sum of the three comparable items, in million US dollars."""
    found = country_values()
    index = COUNTRY_YEARS.index(year)
    return sum((Decimal(found[(country, entry, i)][index]) for i in ITEMS), Decimal(0)) / Decimal(
        1_000_000
    )


@pytest.fixture(scope="module")
def imf_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("imf") / "countries.csv"
    write_dataset(out, import_file(FIXTURE, vintage="2026-04-01").dataset)
    return out


@pytest.fixture(scope="module")
def briefing(imf_file: Path) -> Briefing:
    return build_briefing(BriefOptions(data=str(imf_file), compare="DEU,USA,KOR,FRA", usdjpy=150))


def sheet_rows(b: Briefing, sheet: str = "Countries") -> dict[tuple[Any, Any], list[Any]]:
    ws = b.workbook[sheet]
    out: dict[tuple[Any, Any], list[Any]] = {}
    for row in range(1, ws.max_row + 1):
        values = [
            ws[f"{c}{row}"].value
            if b.cache.get(sheet, f"{c}{row}") is None
            else b.cache.get(sheet, f"{c}{row}")
            for c in "CDEFGHI"
        ]
        out.setdefault((ws[f"A{row}"].value, ws[f"B{row}"].value), values)
    return out


def test_the_fixture_holds_three_countries_in_the_portal_layout() -> None:
    data = import_file(FIXTURE).dataset
    assert data.countries() == ["DEU", "KOR", "USA"]
    assert {o.unit for o in data.observations} == {"usd_million"}


@pytest.mark.parametrize("country", ["DEU", "USA"])
def test_values_are_the_fixtures_sums(briefing: Briefing, country: str) -> None:
    name = {"DEU": "Germany (DEU)", "USA": "United States (USA)"}[country]
    rows = sheet_rows(briefing)
    for side, entry in (("payments", "DB_T"), ("receipts", "CD_T")):
        got = rows[(name, side)][: len(COUNTRY_YEARS)]
        want = [float(millions(country, entry, y)) for y in COUNTRY_YEARS]
        assert got == pytest.approx(want, rel=1e-12)
    balance = rows[(name, "balance")][: len(COUNTRY_YEARS)]
    want = [
        float(millions(country, "CD_T", y) - millions(country, "DB_T", y)) for y in COUNTRY_YEARS
    ]
    assert balance == pytest.approx(want, rel=1e-12)
    summary = rows[(name, "IMF, US dollars")]
    assert summary[0] == pytest.approx(want[-1], rel=1e-12)  # balance in the latest year
    payments = [float(millions(country, "DB_T", y)) for y in ("2024", "2021")]
    assert summary[5] == pytest.approx(payments[0] / payments[1], rel=1e-12)  # × base year


def test_missing_countries_and_items_are_named_never_zero(briefing: Briefing) -> None:
    rows = sheet_rows(briefing)
    assert rows[("Korea (KOR)", "balance")][:4] == ["n/a"] * 4
    assert rows[("France (FRA)", "receipts")][:4] == ["n/a"] * 4
    texts = [c.value for row in briefing.workbook["Countries"].iter_rows() for c in row]
    notes = [t for t in texts if isinstance(t, str)]
    assert "Not in the data file (n/a, never zero): France (FRA)." in notes
    assert (
        "Korea (KOR): Professional and management consulting services not in the data, so its "
        "comparable figures are n/a." in notes
    )
    assert (
        "Japan (JPN): Charges for the use of intellectual property not in the data, so its "
        "comparable figures are n/a." in notes
    )


@pytest.mark.slow  # builds from 1,400 monthly rows and an IMF file (about 1 s)
def test_japan_converted_at_the_rate_given(tmp_path: Path, imf_file: Path) -> None:
    # Japan's monthly BoJ figures (IP charges included) and the IMF file, in one dataset file
    both = tmp_path / "both.csv"
    japan = read_dataset(monthly_file(tmp_path))
    write_dataset(both, [*japan.observations, *read_dataset(imf_file).observations])
    b = build_briefing(BriefOptions(data=str(both), compare="DEU", usdjpy=151.25))
    rows = sheet_rows(b)
    year = [(2023, m) for m in range(1, 13)]
    oku = sum(
        sum(VALUES[(i, "debit")][m] for m in year)
        for i in ("ip_charges", "ict_services", "consulting")
    )
    got = rows[("Japan (JPN)", "payments")][COUNTRY_YEARS.index("2023")]
    assert got == pytest.approx(float(oku * 100 / Decimal("151.25")), rel=1e-12)
    ws = b.workbook["Countries"]
    row = next(r for r in range(1, ws.max_row) if ws[f"B{r}"].value == "payments")
    assert ws[f"E{row}"].value.endswith(")*100/USD_JPY)")  # Japan's 2023, over the Data sheet
    assert ws[f"E{row}"].value.startswith("=IF(COUNT(USD_JPY)<1,\"n/a\",('Data'!$G$")
    assert ws["B4"].value == 151.25


def _with_japan_in_dollars(tmp_path: Path, imf_file: Path) -> Path:
    """The IMF file with Japan's rows in US dollars too (as an IMF import of JPN holds them)."""
    imf = read_dataset(imf_file)
    japan = [
        Observation(
            country="JPN",
            basis="CY",
            period=y,
            item=i,
            side=s,
            value=v,
            unit="usd_million",
            vintage="2026-04-01",
            source="IMF BOP test rows (synthetic)",
        )
        for y in COUNTRY_YEARS
        for i, s, v in (
            ("ip_charges", "credit", 40000.5),
            ("ip_charges", "debit", 30000.25),
            ("ict_services", "credit", 10000.0),
            ("ict_services", "debit", 25000.0),
            ("consulting", "credit", 12000.0),
            ("consulting", "debit", 21000.0),
        )
    ]
    out = tmp_path / "with_japan.csv"
    write_dataset(out, Dataset([*imf.observations, *japan]))
    return out


def test_japan_from_imf_data_in_dollars_is_kept_apart(tmp_path: Path, imf_file: Path) -> None:
    out = _with_japan_in_dollars(tmp_path, imf_file)
    b = build_briefing(BriefOptions(data=str(out), compare="DEU,USA"))
    rows = sheet_rows(b)
    assert rows[("Japan (JPN)", "IMF, US dollars")][0] == pytest.approx(62000.5 - 76000.25)
    assert b.workbook["Countries"]["C4"].value.startswith("Not needed")
    # the rest of the briefing keeps Japan's oku-yen figures
    assert b.numbers.dataset.unit("JPN") == "oku_yen"


def test_compare_on_the_command_line(tmp_path: Path, imf_file: Path, capsys: Any) -> None:
    out = tmp_path / "c.xlsx"
    code = main(["brief", "--compare", "deu,usa", "--data", str(imf_file), "--out", str(out)])
    assert code == 0 and out.exists()
    assert main(["brief", "--usdjpy", "150", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert capsys.readouterr().err.strip().endswith("--usdjpy applies only with --compare")
    assert main(["brief", "--compare", "DE", "--out", str(tmp_path / "y.xlsx")]) == 2
    assert "'DE' is not a country; expected ISO 3166 alpha-3 codes" in capsys.readouterr().err


def test_the_fixture_is_what_its_generator_writes() -> None:
    from tests.fixtures.make_fixtures import countries_xml

    assert FIXTURE.read_text(encoding="utf-8") == countries_xml()


@pytest.mark.slow
def test_a_batch_reads_the_file_as_each_scenario_will(tmp_path: Path, imf_file: Path) -> None:
    from digital_deficit.export.batch import run_batch

    data = str(_with_japan_in_dollars(tmp_path, imf_file))
    jobs = [
        ("compare", BriefOptions(data=data, compare="DEU"), tmp_path / "compare.xlsx"),
        ("plain", BriefOptions(data=data), tmp_path / "plain.xlsx"),
    ]
    compare, plain = run_batch(jobs, workers=1, show_progress=False)
    assert compare.error is None and compare.out.exists()
    # without --compare the file's dollar figures of Japan cannot sit beside its oku-yen ones
    assert plain.error is not None and "units are never mixed" in plain.error
    assert not plain.out.exists()
