"""IMF SDMX messages -> plain series: key values, attributes, (period, value text) pairs.

SDMX-ML (GenericData, and StructureSpecificData as the IMF data portal sends it, where the
series' dimensions and attributes such as SCALE are XML attributes) is read with sdmx1 (lazy
import; no structure needed). SDMX-JSON is read here, 1.0 (``structure``, ``dataSets``) and 2.0
(``meta``, ``data.structures``, ``data.dataSets``): sdmx1 reads only the first and attaches the
data set's attributes to every series. Values keep their exact text (Decimal), never a float
first: 174943442053.1513 stays 174943442053.1513.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from digital_deficit.data.importers.errors import ImportFileError


@dataclass
class RawSeries:
    """One series of a message: its key, its attributes and its observations as text."""

    key: dict[str, str]
    attributes: dict[str, str]
    observations: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class RawMessage:
    """The series of a message and the date it was prepared (YYYYMMDD, or "")."""

    series: list[RawSeries]
    prepared: str = ""


def read_message(raw: bytes, path: str) -> RawMessage:
    """The series of an SDMX-ML or SDMX-JSON message (ImportFileError when it is neither)."""
    if raw.lstrip()[:1] in (b"{", b"["):
        return _read_json(raw, path)
    return _read_xml(raw, path)


def _read_xml(raw: bytes, path: str) -> RawMessage:
    try:
        import sdmx
    except ImportError:
        raise ImportFileError(
            path,
            None,
            "needs the sdmx1 package for IMF SDMX files; pip install 'digital-deficit[imf]'",
        ) from None
    head = raw[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in head:
        raise ImportFileError(path, None, "declares a DOCTYPE or entities; expected plain SDMX-ML")
    sink = io.StringIO()  # sdmx1 prints and logs about input without a structure: keep it quiet
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            message = sdmx.read_sdmx(io.BytesIO(raw), format="XML")
    except Exception as exc:  # sdmx1 raises many kinds for malformed input
        raise ImportFileError(
            path,
            None,
            f"is not SDMX data sdmx1 can read ({exc.__class__.__name__}: {str(exc)[:200]})",
        ) from None
    datasets = getattr(message, "data", None)
    if not datasets:
        raise ImportFileError(path, None, "holds no data set; expected an SDMX data message")
    out: list[RawSeries] = []
    for dataset in datasets:
        for key, observations in dataset.series.items():
            series = RawSeries(
                {k: str(v.value) for k, v in key.values.items()},
                {k: str(v.value) for k, v in getattr(key, "attrib", {}).items()},
            )
            for obs in observations:
                dim = obs.dimension.values if obs.dimension is not None else {}
                when = next((str(v.value) for v in dim.values()), "")
                series.observations.append((when, "" if obs.value is None else str(obs.value)))
            out.append(series)
    prepared = getattr(getattr(message, "header", None), "prepared", None)
    stamp = prepared.strftime("%Y%m%d") if prepared is not None else ""
    return RawMessage(out, stamp)


def _read_json(raw: bytes, path: str) -> RawMessage:
    try:
        tree = json.loads(raw, parse_float=Decimal, parse_int=Decimal)
    except (ValueError, RecursionError) as exc:
        raise ImportFileError(path, None, f"is not valid JSON ({str(exc)[:120]})") from None
    try:
        return _json_message(tree)
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        raise ImportFileError(
            path, None, f"is not SDMX-JSON data ({exc.__class__.__name__}: {str(exc)[:120]})"
        ) from None


def _values(component: Mapping[str, Any]) -> list[str]:
    """A component's values: codes (``id``) or, in SDMX-JSON 2.0, plain ``value``s."""
    return [str(v.get("id") or v.get("value") or v.get("name") or "")
            for v in component.get("values", [])]  # fmt: skip


def _json_message(tree: Mapping[str, Any]) -> RawMessage:
    if "data" in tree:  # SDMX-JSON 2.0
        header, data = tree.get("meta", {}), tree["data"]
        structure, datasets = data["structures"][0], data["dataSets"]
    else:  # SDMX-JSON 1.0
        header, structure, datasets = tree.get("header", {}), tree["structure"], tree["dataSets"]
    dims = structure["dimensions"]
    series_dims = sorted(dims.get("series", []), key=lambda d: d.get("keyPosition", 0))
    obs_dims = dims.get("observation", [])
    attrs = structure.get("attributes", {})
    series_attrs = attrs.get("series", [])
    dataset_attrs = attrs.get("dataSet", [])
    dim_values = [(str(d["id"]), _values(d)) for d in series_dims]
    times = _values(obs_dims[0]) if obs_dims else []
    out: list[RawSeries] = []
    for dataset in datasets:
        fixed = _attributes(dataset_attrs, dataset.get("attributes", []))
        for key_text, body in dataset.get("series", {}).items():
            indices = [int(i) for i in key_text.split(":")] if key_text else []
            key = {d: values[i] for (d, values), i in zip(dim_values, indices, strict=True)}
            own = _attributes(series_attrs, body.get("attributes", []))
            series = RawSeries(key, {**fixed, **own})
            for obs_key, obs in body.get("observations", {}).items():
                position = int(obs_key.split(":")[0])
                when = times[position] if times else ""
                value = obs[0] if isinstance(obs, Sequence) and obs else None
                series.observations.append((when, "" if value is None else str(value)))
            out.append(series)
    prepared = str(header.get("prepared", ""))[:10].replace("-", "")
    return RawMessage(out, prepared if prepared.isdigit() else "")


def _attributes(defined: Sequence[Mapping[str, Any]], indices: Sequence[Any]) -> dict[str, str]:
    """Attribute values of a series (or data set): each index picks one of its values."""
    found: dict[str, str] = {}
    for attribute, index in zip(defined, indices, strict=False):
        if index is None:
            continue
        values = _values(attribute)
        found[str(attribute["id"])] = values[int(index)]
    return found
