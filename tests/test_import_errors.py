"""Bad input: each case is a typed error naming the file, line and what was expected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digital_deficit.cli.main import main
from digital_deficit.data.importers.dispatch import FORMATS, import_file, read_official_file
from digital_deficit.data.importers.errors import ImportFileError

FIXTURES = Path(__file__).parent / "fixtures"
WIDE_HEADER = ",,,,202401,202402,202403\r\n"
CA = "BPBP6JYNCB,Balance of Payments (Data Based on the BPM6),Current account/Net balance"


def _error(tmp_path: Path, content: bytes, name: str = "bad.csv", **kwargs: object) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        import_file(path, **kwargs)  # type: ignore[arg-type]
    return str(info.value).replace(str(path), name)


def test_undecodable_bytes_name_the_line(tmp_path: Path) -> None:
    content = (WIDE_HEADER + CA + ",100 million Yen,1,2,3\r\n").encode() + b"X,\x81\x20,Y\r\n"
    assert _error(tmp_path, content) == (
        "bad.csv, line 3: byte 135 cannot be decoded as utf-8 or cp932; expected UTF-8 "
        "(English files) or Shift-JIS/cp932 (Japanese files)"
    )


def test_utf16_file_is_refused(tmp_path: Path) -> None:
    content = (WIDE_HEADER + CA + ",100 million Yen,1,2,3\r\n").encode("utf-16")
    assert _error(tmp_path, content) == "bad.csv, line 1: holds NUL bytes; expected a text file"


def test_truncated_wide_csv(tmp_path: Path) -> None:
    content = (WIDE_HEADER + CA + ",100 million Yen,1,2,3\r\n" + CA[:20] + "\r\n").encode()
    assert _error(tmp_path, content) == (
        "bad.csv, line 3: has 2 fields; expected 7 (truncated file?)"
    )


def test_boj_api_csv_cut_inside_its_last_value(tmp_path: Path) -> None:
    # Cut in "...,202512,22925.xx": read as 229, CY2025 would be 296,042, not 318,799.
    text = (FIXTURES / "boj_api_en.csv").read_bytes().decode("utf-8")
    last_month = text.index(",202512,", text.index("\r\nBPBP6JYNCB,"))
    cut = text[: last_month + len(",202512,229")]
    assert cut.endswith(",202512,229")
    lines = cut.count("\n") + 1
    above = text[:last_month].rsplit("\r\n", 1)[0].rsplit(",", 1)[1]
    assert _error(tmp_path, cut.encode(), "api.csv") == (
        f"api.csv, line {lines}: ends without a line break and its last value '229' has fewer "
        f"decimal places than the value above it ({above!r}): the file looks truncated; "
        "download it again"
    )


@pytest.mark.parametrize(
    "name",
    [
        "boj_api_en.csv",
        "boj_api_jp_sjis.csv",
        "boj_wide_bp01.csv",
        "boj_wide_bp01_jp_sjis.csv",
        "mof_services_cp932.csv",
        "mof_summary_rows_cp932.csv",
    ],
)
def test_a_file_without_a_final_line_break_imports(tmp_path: Path, name: str) -> None:
    whole = import_file(FIXTURES / name, vintage="2026-05-18").dataset
    path = tmp_path / name
    path.write_bytes((FIXTURES / name).read_bytes().rstrip(b"\r\n"))
    unterminated = import_file(path, vintage="2026-05-18").dataset
    assert [(o.key, o.value) for o in unterminated.observations] == [
        (o.key, o.value) for o in whole.observations
    ]


def test_mof_csv_cut_inside_a_quoted_value(tmp_path: Path) -> None:
    raw = (FIXTURES / "mof_services_cp932.csv").read_bytes()
    cut = raw[: raw.index(b'"-2,') + 4]  # "-2,): a value cut in its thousands
    line = cut.count(b"\n") + 1
    expected = (
        f"services.csv, line {line}: is not valid CSV (unexpected end of data); "
        "the file may be truncated"
    )
    assert _error(tmp_path, cut, "services.csv") == expected
    # Cut right after a line break inside the quotes: the open quote is the error too.
    assert _error(tmp_path, cut + b"\r\n", "services.csv") == expected


def test_truncated_json(tmp_path: Path) -> None:
    text = (FIXTURES / "boj_api_en.json").read_text("utf-8")
    message = _error(tmp_path, text[: len(text) // 2].encode(), "cut.json")
    assert message.startswith("cut.json: line ")
    assert (
        "not valid JSON" in message and "expected a BoJ API JSON response (truncated?)" in message
    )


def test_no_known_series(tmp_path: Path) -> None:
    content = (WIDE_HEADER + "XYZ1,Some DB,Widgets/Net,100 million Yen,1,2,3\r\n").encode()
    assert _error(tmp_path, content) == (
        "bad.csv: none of its 1 series names a project item; expected known BP01 codes or "
        "official names such as 'Current account/Net balance'"
    )


def test_duplicate_periods(tmp_path: Path) -> None:
    content = (",,,,202401,202401\r\n" + CA + ",100 million Yen,1,2\r\n").encode()
    assert _error(tmp_path, content) == (
        "bad.csv, line 1: period 202401 appears in columns 5 and 6; expected each period once"
    )
    long_csv = (FIXTURES / "boj_api_en.csv").read_text("utf-8").splitlines()
    dup = "\r\n".join([*long_csv[:3], long_csv[2]]) + "\r\n"
    assert _error(tmp_path, dup.encode(), "long.csv") == (
        "long.csv, line 4: series BPBP6JYNCB gives 202302 twice (line 3); expected each period once"
    )


def test_non_numeric_value(tmp_path: Path) -> None:
    content = (WIDE_HEADER + CA + ",100 million Yen,1,abc,3\r\n").encode()
    assert _error(tmp_path, content) == (
        "bad.csv, line 2: column 6 is 'abc'; expected a number or a blank cell"
    )
    content = (WIDE_HEADER + CA + ",100 million Yen,1,inf,3\r\n").encode()
    assert _error(tmp_path, content) == (
        "bad.csv, line 2: column 6 is 'inf'; expected a number or a blank cell"
    )


def test_unit_changes(tmp_path: Path) -> None:
    goods = "BPBP6JYNTB,Balance of Payments (Data Based on the BPM6),Goods/Net balance"
    content = (
        WIDE_HEADER
        + CA
        + ",100 million Yen,1,2,3\r\n"
        + goods
        + ",Millions of US Dollars,1,2,3\r\n"
    ).encode()
    assert _error(tmp_path, content) == (
        "bad.csv, line 3: unit changes: series BPBP6JYNTB is in usd_million but BPBP6JYNCB is "
        "in oku_yen; expected one unit per country (never mixed)"
    )
    long_csv = (FIXTURES / "boj_api_en.csv").read_text("utf-8").splitlines()
    changed = "\r\n".join([*long_csv[:3], long_csv[3].replace("100 million Yen", "億円")]) + "\r\n"
    assert _error(tmp_path, changed.encode(), "long.csv") == (
        "long.csv, line 4, field UNIT: unit changes in series BPBP6JYNCB: '億円' after "
        "'100 million Yen'; expected one unit"
    )
    content = (WIDE_HEADER + CA + ",Thousand Yen,1,2,3\r\n").encode()
    assert _error(tmp_path, content) == (
        "bad.csv, line 2: series BPBP6JYNCB is in 'Thousand Yen'; expected 100 million yen "
        "(oku yen) or millions of US dollars"
    )


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = FIXTURES / "boj_wide_bp01.csv"
    with pytest.raises(ImportFileError) as info:
        read_official_file(path, max_bytes=1000)
    size = path.stat().st_size
    assert str(info.value) == f"{path}: is {size} bytes; the limit is 1000 bytes"


def test_html_zip_and_error_envelopes_are_refused(tmp_path: Path) -> None:
    html = b"<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head></html>"
    assert _error(tmp_path, html, "page.csv") == (
        "page.csv, line 1: is an HTML page (an error page saved as a data file?); "
        "expected a CSV, JSON or SDMX file"
    )
    assert _error(tmp_path, b"PK\x03\x04rest", "book.csv") == (
        "book.csv: is a zip archive (or an .xlsx workbook); unzip it or save the sheet as CSV; "
        "expected a CSV, JSON or SDMX file"
    )
    envelope = {
        "STATUS": 400,
        "MESSAGEID": "M181013E",
        "MESSAGE": "Series code does not exist (1)",
        "PARAMETER": None,
        "NEXTPOSITION": None,
        "RESULTSET": [],
    }
    assert _error(tmp_path, json.dumps(envelope).encode(), "err.json") == (
        "err.json: BoJ API: M181013E Series code does not exist (1) (STATUS 400)"
    )
    assert _error(tmp_path, b"just some words\nno data\n", "words.txt") == (
        "words.txt, line 1: is in no known format; expected one of: " + "; ".join(FORMATS.values())
    )
    assert "BoJ search-page CSV download" in "; ".join(FORMATS.values())


def test_mof_errors(tmp_path: Path) -> None:
    text = (FIXTURES / "mof_summary_cp932.csv").read_bytes().decode("cp932")
    lines = text.split("\r\n")
    dup = "\r\n".join([*lines[:9], lines[8], *lines[9:]])
    assert _error(tmp_path, dup.encode("cp932"), "mof.csv") == (
        "mof.csv, line 10: month '2023年2月' is also on line 9; expected each month once"
    )
    bad = text.replace('2023年3月,"', '2023年3月,"x', 1)
    message = _error(tmp_path, bad.encode("cp932"), "mof.csv")
    assert message.startswith("mof.csv, line 10: column 2 (経常収支 / Current account) is 'x")
    assert message.endswith("; expected a number or a blank cell")
    no_unit = text.replace("単位：億円 (Unit: 100 million yen)", "")
    assert _error(tmp_path, no_unit.encode("cp932"), "mof.csv", fmt="mof-csv") == (
        "mof.csv: states no unit; expected a row such as 単位：億円 (100 million yen)"
    )


def test_dollars_for_japan_are_not_mixed_with_the_embedded_yen(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "imf_jpn.xml"
    path.write_bytes((FIXTURES / "imf_bop_deu.xml").read_bytes().replace(b"DEU", b"JPN"))
    out = tmp_path / "out.csv"
    assert main(["import", str(path), "--out", str(out)]) == 2
    assert capsys.readouterr().err.endswith(
        f"digital-deficit import: error: {path}: JPN figures are in usd_million here but in "
        "oku_yen in the embedded dataset; expected the same unit (units are never mixed)\n"
    )
    assert not out.exists()


def test_nothing_is_written_on_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "dataset.csv"
    out.write_text("keep me", "utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_bytes((WIDE_HEADER + CA + ",100 million Yen,1,abc,3\r\n").encode())
    assert main(["import", str(bad), "--out", str(out), "--force"]) == 2
    assert capsys.readouterr().err == (
        f"digital-deficit import: error: {bad}, line 2: column 6 is 'abc'; "
        "expected a number or a blank cell\n"
    )
    assert out.read_text("utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "dataset.csv"]


def test_imf_without_a_unit_multiplier_is_refused(tmp_path: Path) -> None:
    xml = (FIXTURES / "imf_bop_deu.xml").read_bytes()
    xml = xml.replace(b'<generic:Value id="UNIT_MULT" value="6"/>', b"")
    assert _error(tmp_path, xml, "imf.xml") == (
        "imf.xml: series DEU.SH.CD_T states no UNIT_MULT (or SCALE); expected 6 (millions) or "
        "a portal file"
    )


def test_wide_csv_with_three_metadata_columns(tmp_path: Path) -> None:
    path = tmp_path / "three.csv"
    path.write_bytes(
        b",,,202401,202402\r\nBPBP6JYNCB,Current account/Net balance,100 million Yen,1.5,2.25\r\n"

    )  # fmt: skip
    data = import_file(path, vintage="2026-05-20").dataset
    obs = data.get("current_account", "2024-02", "M")
    assert obs is not None and (obs.value, obs.vintage) == (2.25, "2026-05-20")
    assert data.get("current_account", "2024") is None  # ten months missing: no partial sum


def test_mof_unit_change_part_way_is_an_error(tmp_path: Path) -> None:
    text = (FIXTURES / "mof_summary_cp932.csv").read_bytes().decode("cp932")
    changed = text.replace(
        "2024年1月,", "単位：百万ドル (Unit: millions of US dollars)\r\n2024年1月,"
    )
    line = changed[: changed.index("単位：百万ドル")].count("\n") + 1
    assert _error(tmp_path, changed.encode("cp932"), "summary.csv") == (
        f"summary.csv, line {line}: states the unit millions of US dollars here but 100 million "
        "yen above; expected one unit per file (split the file at the change)"
    )


def test_mof_rows_unit_change_between_blocks_is_an_error(tmp_path: Path) -> None:
    text = (FIXTURES / "mof_summary_rows_cp932.csv").read_bytes().decode("cp932")
    changed = text.replace("項 目/2024年", "単位:百万ドル\r\n項 目/2024年")
    line = changed[: changed.index("単位:百万ドル")].count("\n") + 1
    assert _error(tmp_path, changed.encode("cp932"), "rows.csv") == (
        f"rows.csv, line {line}: states the unit millions of US dollars here but 100 million "
        "yen above; expected one unit per file (split the file at the change)"
    )


def test_imf_json_multiplier_that_is_no_integer_is_named(tmp_path: Path) -> None:
    raw = (FIXTURES / "imf_bop_deu.json").read_bytes()
    raw = raw.replace(b'"id": "6",', b'"id": "six",')
    assert _error(tmp_path, raw, "imf.json") == (
        "imf.json: series DEU.SH.CD_T has UNIT_MULT 'six'; expected an integer"
    )


def _api_json(**changes: object) -> dict[str, object]:
    payload: dict[str, object] = json.loads((FIXTURES / "boj_api_en.json").read_text("utf-8"))
    payload.update(changes)
    return payload


def test_boj_json_boolean_value_is_no_number(tmp_path: Path) -> None:
    payload = _api_json()
    entries = payload["RESULTSET"]
    assert isinstance(entries, list)
    entries[0]["VALUES"]["VALUES"][2] = True
    assert _error(tmp_path, json.dumps(payload).encode(), "api.json") == (
        "api.json: RESULTSET entry 1 ('BPBP6JYNCB'): VALUES item 3 is true; "
        "expected a number or null"
    )
    entries[0]["VALUES"]["VALUES"][2] = "229"
    assert _error(tmp_path, json.dumps(payload).encode(), "api.json") == (
        "api.json: RESULTSET entry 1 ('BPBP6JYNCB'): VALUES item 3 is \"229\"; "
        "expected a number or null"
    )


def test_getmetadata_response_is_not_data(tmp_path: Path) -> None:
    raw = (FIXTURES / "boj_metadata_en.json").read_bytes()
    assert _error(tmp_path, raw, "meta.json") == (
        "meta.json: is a getMetadata response (series names, no values), not data; "
        "expected a getDataCode or getDataLayer response"
    )


def test_one_page_of_several_is_warned_of(tmp_path: Path) -> None:
    payload = _api_json(NEXTPOSITION=5)
    entries = payload["RESULTSET"]
    assert isinstance(entries, list)
    payload["RESULTSET"] = entries[:4]
    path = tmp_path / "page.json"
    path.write_text(json.dumps(payload), "utf-8")
    result = import_file(path, vintage="2026-05-18")
    assert result.imported.warnings[0] == (
        "the file is one page of several (NEXTPOSITION 5): only its 4 series were imported; "
        "fetch the rest or use `fetch boj`"
    )


def test_euc_jp_file_names_the_real_bad_byte(tmp_path: Path) -> None:
    content = "単位：億円\r\n2024年1月,1\r\n".encode("euc_jp")
    # UTF-8 stops at byte 2; cp932 reads further, to byte 20 (月 in EUC-JP ends in 0xEE ',').
    assert _error(tmp_path, content) == (
        "bad.csv, line 2: byte 20 cannot be decoded as utf-8 or cp932; expected UTF-8 "
        "(English files) or Shift-JIS/cp932 (Japanese files)"
    )


def test_boj_json_without_series_says_so(tmp_path: Path) -> None:
    payload = _api_json(MESSAGEID="M181030I", MESSAGE="No data", RESULTSET=[])
    assert _error(tmp_path, json.dumps(payload).encode(), "none.json") == (
        "none.json: holds no series (M181030I: No data); expected a response with data"
    )


def test_deeply_nested_json_is_one_typed_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"STATUS": 200, "RESULTSET": ' + "[" * 200_000, "utf-8")
    out = tmp_path / "out.csv"
    assert main(["import", str(path), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"digital-deficit import: error: {path}: is JSON nested too deeply to read; expected a "
        "BoJ API JSON response (an envelope with a RESULTSET list)\n"
    )
    assert not out.exists()


@pytest.mark.parametrize("vintage", ["2026-02-30", "2026-13-01", "20260218"])
def test_import_vintage_must_be_a_real_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], vintage: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["import", "x.csv", "--out", str(tmp_path / "o.csv"), "--vintage", vintage])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("digital-deficit import: error: argument")
