"""Dataset files: the layout, exact load errors (file, line, field), merging, atomic writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from digital_deficit.data.csvio import (
    COLUMNS,
    DatasetFileError,
    dataset_text,
    read_dataset,
    read_dataset_text,
    write_atomic,
    write_dataset,
)
from digital_deficit.data.embedded import embedded_dataset, load_dataset

HEADER = ",".join(COLUMNS)
GOOD = "JPN,CY,2024,travel,,net,58973,oku_yen,1,preliminary,Kyodo"


def _load(*rows: str) -> None:
    read_dataset_text("\n".join([HEADER, *rows]) + "\n", "my.csv")


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "JPN,CY,2024,cloud,,net,1,oku_yen,1,preliminary,X",
            "my.csv, line 2, field item: unknown item 'cloud'; expected one of: current_account, ",
        ),
        (
            "JPN,CY,2024-01,travel,,net,1,oku_yen,1,preliminary,X",
            "my.csv, line 2, field period: period '2024-01' is not a CY period",
        ),
        (
            "JPN,CY,2024-13,travel,,net,1,oku_yen,1,preliminary,X",
            "my.csv, line 2, field period: period '2024-13' is not a CY period",
        ),
        (
            "JPN,CY,2024,travel,,net,abc,oku_yen,1,preliminary,X",
            "my.csv, line 2, field value: 'abc' is not a number",
        ),
        (
            "JPN,CY,2024,travel,,net,,oku_yen,1,preliminary,X",
            "my.csv, line 2, field value: '' is not a number",
        ),
        (
            "JPN,CY,2024,travel,,gross,1,oku_yen,1,preliminary,X",
            "my.csv, line 2, field side: 'gross' is not a side; expected one of net, credit, debit",
        ),
        (
            "JPN,CY,2024,travel,,net,1,yen,1,preliminary,X",
            "my.csv, line 2, field unit: 'yen' is not a unit; expected one of oku_yen, usd_million",
        ),
        (
            "JPN,CY,2024,travel,,net,1,oku_yen,1,final,X",
            "my.csv, line 2, field vintage: 'final' is not a vintage; expected preliminary, ",
        ),
        (
            "JPN,CY,2024,travel,,net,1,oku_yen,1,preliminary,",
            "my.csv, line 2, field source: is empty; every figure needs its source",
        ),
        (
            "JPN,CY,2024,digital,,net,1,oku_yen,1,preliminary,X",
            "my.csv, line 2, field definition: item 'digital' needs a definition (mof3, narrow), "
            "got ''",
        ),
        ("JPN,CY,2024,travel", "my.csv, line 2: has 4 fields; expected 11"),
    ],
)
def test_bad_rows_name_file_line_and_field(row: str, message: str) -> None:
    with pytest.raises(DatasetFileError) as err:
        _load(row)
    assert str(err.value).startswith(message)


def test_duplicate_row_is_refused_at_its_line() -> None:
    with pytest.raises(DatasetFileError) as err:
        _load(GOOD, GOOD)
    assert str(err.value) == (
        "my.csv, line 3: duplicate: JPN/CY/2024/travel//net is given twice with vintage "
        "'preliminary'"
    )


def test_bad_header() -> None:
    with pytest.raises(DatasetFileError, match=r"^my.csv, line 1: header is 'a,b'; expected"):
        read_dataset_text("a,b\n", "my.csv")


def test_round_trip_keeps_decimals_exactly(tmp_path: Path) -> None:
    text = "\n".join(
        [
            HEADER,
            "JPN,M,1996-01,current_account,,net,341.51732161,oku_yen,1,2026-06-09,BoJ",
            "JPN,M,2026-05,current_account,,net,39682.53973505,oku_yen,1,2026-06-09,BoJ",
        ]
    )
    ds = read_dataset_text(text + "\n", "x.csv")
    write_dataset(tmp_path / "out.csv", ds)
    assert (tmp_path / "out.csv").read_text("utf-8") == text + "\n"
    assert read_dataset(tmp_path / "out.csv").get("current_account", "1996-01", "M").value == (  # type: ignore[union-attr]
        341.51732161
    )


def test_embedded_round_trips_through_the_canonical_layout() -> None:
    ds = embedded_dataset()
    again = read_dataset_text(dataset_text(ds.observations), "again.csv")
    assert again.observations == ds.observations


def test_merge_prefers_newer_vintage_and_reports(tmp_path: Path) -> None:
    path = tmp_path / "new.csv"
    path.write_text(
        "\n".join(
            [
                HEADER,
                "JPN,CY,2024,travel,,net,59000,oku_yen,1,2026-05-18,BoJ API BPBP6JYNSN2",
                "JPN,CY,2021,current_account,,net,1,oku_yen,1,preliminary,older",
                "JPN,CY,2026,travel,,net,1,oku_yen,1,2026-05-18,BoJ",
            ]
        )
        + "\n",
        "utf-8",
    )
    merged, report = embedded_dataset().merged_with(read_dataset(path))
    assert report.summary() == "1 new figures, 2 superseded, 0 kept (already newer)" or (
        report.summary() == "1 new figures, 1 superseded, 1 kept (already newer)"
    )
    assert next((r.old.value, r.new.value) for r in report.replaced) == (58973, 59000)
    assert merged.get("travel", "2024").value == 59000  # type: ignore[union-attr]
    # The user's preliminary replaces the embedded preliminary, but the revision still wins.
    assert merged.get("current_account", "2021").value == 215910  # type: ignore[union-attr]
    assert merged.get("current_account", "2021", vintage="preliminary").value == 1  # type: ignore[union-attr]


def test_load_dataset_rereads_a_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text(f"{HEADER}\nJPN,CY,2024,travel,,net,1,oku_yen,1,2026-05-18,A\n", "utf-8")
    assert load_dataset(path).get("travel", "2024").value == 1  # type: ignore[union-attr]
    path.write_text(f"{HEADER}\nJPN,CY,2024,travel,,net,22,oku_yen,1,2026-05-19,B\n", "utf-8")
    assert load_dataset(path).get("travel", "2024").value == 22  # type: ignore[union-attr]


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(DatasetFileError, match=r"nope.csv: cannot be read \(No such file"):
        read_dataset(tmp_path / "nope.csv")
    bad = tmp_path / "sjis.csv"
    bad.write_bytes(HEADER.encode() + "\n旅行".encode("cp932"))
    with pytest.raises(
        DatasetFileError, match=r"sjis.csv, line 2: is not UTF-8 \(byte 1 of the line\)"
    ):
        read_dataset(bad)


def test_write_atomic_refuses_and_keeps_existing(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError, match="exists; use --force to overwrite it"):
        write_atomic(target, b"new", overwrite=False)
    assert target.read_bytes() == b"old"

    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]  # no temporary left behind


def _with_components(vintage: str) -> str:
    rows = [
        f"JPN,CY,2025,copyright_royalties,,net,-20000,oku_yen,1,{vintage},fetched",
        f"JPN,CY,2025,ict_services,,net,-26000,oku_yen,1,{vintage},fetched",
        f"JPN,CY,2025,consulting,,net,-22000,oku_yen,1,{vintage},fetched",
    ]
    return "\n".join([HEADER, *rows]) + "\n"


def test_newer_components_beat_an_older_published_total() -> None:
    from digital_deficit.data.figures import digital_figure

    fetched = read_dataset_text(_with_components("2026-05-18"), "f.csv")
    merged, _ = embedded_dataset().merged_with(fetched)
    assert embedded_dataset().get("digital", "2025").value == -67000  # type: ignore[union-attr]
    figure = digital_figure(merged, "2025")
    assert (figure.value, figure.how) == (-68000.0, "sum of mof3 items")


def test_older_components_do_not_replace_a_published_total() -> None:
    from digital_deficit.data.figures import digital_figure

    rough = read_dataset_text(_with_components("analyst"), "f.csv")
    merged, _ = embedded_dataset().merged_with(rough)
    figure = digital_figure(merged, "2025")
    assert (figure.value, figure.vintages) == (-67000.0, ("analyst",))
    assert digital_figure(merged, "2024").value == -68000  # the 2025-07 revision


def test_a_user_file_in_another_unit_is_refused_not_mixed(tmp_path: Path) -> None:
    path = tmp_path / "usd.csv"
    path.write_text(f"{HEADER}\nJPN,CY,2024,travel,,net,39000,usd_million,1,2026-05-18,X\n")
    with pytest.raises(DatasetFileError) as err:
        load_dataset(path)
    assert str(err.value) == (
        f"{path}: JPN figures are in usd_million here but in oku_yen in embedded "
        "japan_bop_published.csv; expected one unit per country (units are never mixed)"
    )


def test_two_units_for_one_country_inside_a_file() -> None:
    with pytest.raises(DatasetFileError) as err:
        _load(GOOD, "JPN,CY,2023,travel,,net,1,usd_million,1,preliminary,X")
    assert str(err.value) == (
        "my.csv, line 3, field unit: JPN figures are in usd_million here but in oku_yen; "
        "expected one unit per country (units are never mixed)"
    )


def test_an_unterminated_quote_is_an_error_not_swallowed_rows() -> None:
    with pytest.raises(DatasetFileError) as err:
        _load('JPN,CY,2024,travel,,net,1,oku_yen,1,preliminary,"MOF revised, final', GOOD)
    assert str(err.value) == "my.csv, line 3: is not valid CSV (unexpected end of data)"


def test_control_characters_and_impossible_values_are_refused() -> None:
    with pytest.raises(DatasetFileError, match=r"line 2, field source: contains the control"):
        _load("JPN,CY,2024,travel,,net,1,oku_yen,1,preliminary,A\x01B")
    with pytest.raises(DatasetFileError, match=r"field vintage: '2026-02-30' is not a real date"):
        _load("JPN,CY,2024,travel,,net,1,oku_yen,1,2026-02-30,X")
    with pytest.raises(DatasetFileError, match=r"field precision: must be a finite number"):
        _load("JPN,CY,2024,travel,,net,1,oku_yen,inf,preliminary,X")


def test_write_atomic_refuses_directories_and_special_files(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match="is a directory; give a file name"):
        write_atomic(tmp_path, b"x")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="is not a regular file; refusing to replace it"):
        write_atomic(fifo, b"x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_write_atomic_keeps_the_mode_of_a_replaced_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert (target.read_bytes(), stat.S_IMODE(target.stat().st_mode)) == (b"new", 0o640)
    fresh = tmp_path / "fresh.csv"
    write_atomic(fresh, b"x")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


def test_newer_parts_beat_an_older_published_aggregate() -> None:
    from digital_deficit.data.figures import item_figure

    fetched = read_dataset_text(
        "\n".join(
            [
                HEADER,
                "JPN,CY,2024,goods,,net,-48990,oku_yen,1,2026-05-18,BoJ",
                "JPN,CY,2024,services,,net,-36162,oku_yen,1,2026-05-18,BoJ",
            ]
        )
        + "\n",
        "f.csv",
    )
    merged, _ = embedded_dataset().merged_with(fetched)
    figure = item_figure(merged, "goods_and_services", "2024")
    assert (figure.value, figure.how) == (-85152.0, "sum of parts")
    # with parts only as recent as the published total (2022: all revised-2024-02), the
    # published total stays, though the parts add up to -212,724
    embedded = item_figure(embedded_dataset(), "goods_and_services", "2022")
    assert (embedded.value, embedded.how) == (-212723, "published")
    # parts newer than the total win even in the embedded figures (2024: revised-2026-02 parts
    # over the preliminary total of -65,152)
    newer = item_figure(embedded_dataset(), "goods_and_services", "2024")
    assert (newer.value, newer.how) == (-36602 - 27765, "sum of parts")


def test_memoised_figures_follow_added_observations() -> None:
    from digital_deficit.data.csvio import dataset_add
    from digital_deficit.data.figures import digital_figure, item_figure
    from digital_deficit.data.model import Observation

    ds = read_dataset_text(f"{HEADER}\n{GOOD}\n", "m.csv")
    assert item_figure(ds, "travel", "2024").value == 58973
    assert digital_figure(ds, "2024").value is None
    newer = Observation(
        country="JPN",
        basis="CY",
        period="2024",
        item="travel",
        value=60000,
        vintage="2026-05-18",
        source="BoJ",
    )
    dataset_add(ds, newer, "m.csv", 3)
    assert item_figure(ds, "travel", "2024").value == 60000
