"""The embedded dataset carries every published figure with its source and vintage."""

from __future__ import annotations

import pytest

from digital_deficit.data.embedded import embedded_dataset, embedded_text
from tests.published import SHARED_CSV, published, published_rows


@pytest.mark.skipif(not SHARED_CSV.exists(), reason="shared/ is not beside this checkout")
def test_embedded_csv_equals_shared_csv() -> None:
    assert embedded_text().encode("utf-8") == SHARED_CSV.read_bytes()


def test_every_published_row_is_loaded() -> None:
    assert len(embedded_dataset()) == len(published_rows()) == 152


@pytest.mark.parametrize(
    "row",
    published_rows(),
    ids=lambda r: "/".join(
        [r["basis"], r["period"], r["item"], r["definition"], r["side"], r["vintage"]]
    ),
)
def test_published_figure_round_trips(row: dict[str, str]) -> None:
    obs = embedded_dataset().get(
        row["item"],
        row["period"],
        row["basis"],
        row["definition"] or None,
        row["side"],
        row["country"],
        vintage=row["vintage"],
    )
    assert obs is not None
    assert obs.value == int(row["value_oku_yen"])
    assert obs.precision == int(row["precision_oku_yen"])
    assert obs.source == row["source"]
    assert obs.unit == "oku_yen"


def test_latest_revision_is_preferred() -> None:
    ds = embedded_dataset()
    latest = ds.get("current_account", "2021")
    assert latest is not None
    assert (latest.value, latest.vintage) == (215910, "revised-2023-02")
    first = ds.get("current_account", "2021", vintage="preliminary")
    assert first is not None and first.value == 154359


def test_headline_figures() -> None:
    ds = embedded_dataset()
    # 2024: the latest revision (MIC white paper 2025-07, about ¥6.8T) and the first release
    assert ds.get("digital", "2024", definition="mof3").value == -68000  # type: ignore[union-attr]
    first = ds.get("digital", "2024", definition="mof3", vintage="preliminary")
    assert first is not None and first.value == -66506
    assert ds.get("digital", "2024", definition="narrow").value == -67000  # type: ignore[union-attr]
    first = ds.get("digital", "2024", definition="narrow", vintage="preliminary")
    assert first is not None and first.value == -64622
    assert ds.get("digital", "2014", definition="narrow").value == -20225  # type: ignore[union-attr]
    assert ds.get("ict_services", "2024").value == -24941  # type: ignore[union-attr]
    assert ds.get("digital", "2024", "FY", "mof3").value == -69651  # type: ignore[union-attr]
    assert published("digital", "2023", definition="mof3", side="debit") == 92463


def test_missing_figure_is_none_not_zero() -> None:
    assert embedded_dataset().get("travel", "2016") is None
    assert embedded_dataset().get("digital", "2020", definition="narrow") is None


# sha256 of shared/data/japan_bop_published.csv as vetted; pins the copy even without shared/.
PUBLISHED_SHA256 = "d72c2ec76eaed8dff473623ab47d5b626ef4f6258e73fb813efa2186dd08bbc8"


def test_embedded_csv_is_the_vetted_file() -> None:
    import hashlib

    assert hashlib.sha256(embedded_text().encode("utf-8")).hexdigest() == PUBLISHED_SHA256
