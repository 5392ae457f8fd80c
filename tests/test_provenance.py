"""Which figures come from the user's data file and which from the older embedded figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from digital_deficit.cli.main import main
from digital_deficit.data.embedded import EMBEDDED_ORIGIN, embedded_dataset, load_dataset
from digital_deficit.data.figures import digital_figure, item_figure
from digital_deficit.data.provenance import embedded_fallbacks, fallback_warning

HEADER = "country,basis,period,item,definition,side,value,unit,precision,vintage,source"
FETCHED = [  # a fetch that delivered the ICT and consulting items but no copyright royalties
    "JPN,CY,2024,ict_services,,net,-25000,oku_yen,1,2026-05-18,fetched",
    "JPN,CY,2024,consulting,,net,-21000,oku_yen,1,2026-05-18,fetched",
    "JPN,CY,2024,current_account,,net,290000,oku_yen,1,2026-05-18,fetched",
]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "boj.csv"
    path.write_text("\n".join([HEADER, *FETCHED]) + "\n", "utf-8")
    return path


def test_each_observation_knows_its_origin(tmp_path: Path) -> None:
    path = _file(tmp_path)
    data = load_dataset(path)
    ca = data.get("current_account", "2024")
    travel = data.get("travel", "2024")
    assert ca is not None and travel is not None
    assert (data.origin_of(ca), data.origin_of(travel)) == (str(path), EMBEDDED_ORIGIN)
    first = data.get("current_account", "2024", vintage="preliminary")
    assert first is not None and data.origin_of(first) == EMBEDDED_ORIGIN  # superseded, kept


def test_a_digital_balance_the_file_cannot_give_is_named_as_embedded(tmp_path: Path) -> None:
    data = load_dataset(_file(tmp_path))
    digital = digital_figure(data, "2024")
    assert digital.how == "published"  # copyright royalties missing: the embedded total
    assert [o.item for o in embedded_fallbacks(data, digital.sources)] == ["digital"]
    ca = item_figure(data, "current_account", "2024")
    assert embedded_fallbacks(data, ca.sources) == []
    assert embedded_fallbacks(embedded_dataset(), digital.sources) == []  # no file given
    assert fallback_warning(data, [*digital.sources, *ca.sources]) == (
        f"1 of the 2 figures used come from the embedded published figures, not from "
        f"{tmp_path / 'boj.csv'} (CY 2024: digital net)"
    )


def test_metrics_warns_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path)
    assert main(["metrics", "--data", str(path), "--from", "2022", "--to", "2024"]) == 0
    err = capsys.readouterr().err
    assert err == (
        f"warning: 21 of the 22 figures used come from the embedded published figures, not "
        f"from {path} (2022-2023; CY 2024: digital net, services net, goods net, travel net, "
        "crude_oil_imports debit)\n"  # goods and services: the sum of its revised parts
    )
    assert main(["metrics", "--from", "2022", "--to", "2024"]) == 0
    assert capsys.readouterr().err == ""  # no data file: nothing to warn of


@pytest.mark.slow
def test_brief_warns_in_one_line_as_metrics_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path)
    out = tmp_path / "b.xlsx"
    assert main(["brief", "--data", str(path), "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert said.out == f"wrote {out}\n"
    assert said.err == (
        f"warning: 94 of the 97 figures used come from the embedded published figures, not from "
        f"{path} (2014-2023, 2025; CY 2024: goods net, services net, travel net, primary_income "
        "net, secondary_income net, portfolio_investment_income net, crude_oil_imports debit, "
        "digital net)\n"
    )
    assert main(["brief", "--out", str(tmp_path / "plain.xlsx")]) == 0
    assert capsys.readouterr().err == ""  # no data file: nothing falls back


def test_each_scenario_of_a_batch_warns_under_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path)
    scenarios = tmp_path / "s.toml"
    scenarios.write_text(
        f'[[scenario]]\nname = "fetched"\ndata = "{path}"\n\n[[scenario]]\nname = "embedded"\n',
        "utf-8",
    )
    out_dir = tmp_path / "out"
    assert main(["brief", "--scenarios", str(scenarios), "--out-dir", str(out_dir)]) == 0
    said = capsys.readouterr()
    assert said.out == f"wrote {out_dir / 'fetched.xlsx'}\nwrote {out_dir / 'embedded.xlsx'}\n"
    assert said.err.startswith(
        "warning: fetched: 94 of the 97 figures used come from the embedded published figures"
    )
    assert said.err.count("\n") == 1
