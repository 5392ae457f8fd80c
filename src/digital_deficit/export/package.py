"""Cached values in the saved package: openpyxl writes formulas without them, so add them.

Every formula cell (``<c><f>..</f><v/></c>``) of every worksheet gets the value recorded for it
in the CacheBook; a formula without a recorded value is a builder bug and raises.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from xml.sax.saxutils import escape

from lxml import etree

from digital_deficit.export.cells import CacheBook, Cached, ExcelError

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_NS = {"m": MAIN}


class MissingCacheError(RuntimeError):
    """A formula cell has no cached value: the builder forgot to record one."""


def sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet title -> part name inside the package."""
    workbook = etree.fromstring(archive.read("xl/workbook.xml"))
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{PKG_REL}}}Relationship")}
    out: dict[str, str] = {}
    for sheet in workbook.iter(f"{{{MAIN}}}sheet"):
        target = targets[sheet.get(f"{{{REL}}}id")]
        part = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
        out[sheet.get("name")] = posixpath.normpath(part)
    return out


def _number_text(value: float) -> str:
    return (
        str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else repr(float(value))
    )


def _set_value(cell: etree._Element, value: Cached) -> None:
    v = cell.find("m:v", _NS)
    if v is None:
        v = etree.SubElement(cell, f"{{{MAIN}}}v")
    if isinstance(value, ExcelError):
        cell.set("t", "e")
        v.text = value.code
    elif isinstance(value, bool):
        cell.set("t", "b")
        v.text = "1" if value else "0"
    elif isinstance(value, str):
        cell.set("t", "str")
        v.text = value
    else:
        if "t" in cell.attrib:
            del cell.attrib["t"]
        v.text = _number_text(value)


def fill_sheet(xml: bytes, cached: dict[str, Cached], title: str) -> bytes:
    """A worksheet part with a cached value in every formula cell."""
    root = etree.fromstring(xml)
    for formula in root.iter(f"{{{MAIN}}}f"):
        cell = formula.getparent()
        ref = cell.get("r")
        if ref not in cached:
            raise MissingCacheError(f"{title}!{ref} has a formula but no cached value")
        _set_value(cell, cached[ref])
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return result


# openpyxl writes a formula cell as <c r="C10" s="25"><f>...</f><v></v></c>: the fast path fills
# those in place; any other shape falls back to parsing the sheet.
_FORMULA_CELL = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]{1,7})"((?: s="[0-9]+")?)><f>([^<]*)</f><v(?:></v>| ?/>)</c>'
)


def _cell_xml(ref: bytes, style: bytes, formula: bytes, value: Cached) -> bytes:
    if isinstance(value, ExcelError):
        kind, text = b' t="e"', value.code
    elif isinstance(value, bool):
        kind, text = b' t="b"', "1" if value else "0"
    elif isinstance(value, str):
        kind, text = b' t="str"', escape(value)
    else:
        kind, text = b"", _number_text(value)
    return b'<c r="%s"%s%s><f>%s</f><v>%s</v></c>' % (ref, style, kind, formula, text.encode())


def fill_sheet_fast(xml: bytes, cached: dict[str, Cached], title: str) -> bytes:
    """``fill_sheet`` by substitution when every formula cell has openpyxl's usual shape."""
    found = 0

    def replace(match: re.Match[bytes]) -> bytes:
        nonlocal found
        ref = match.group(1).decode()
        if ref not in cached:
            raise MissingCacheError(f"{title}!{ref} has a formula but no cached value")
        found += 1
        return _cell_xml(match.group(1), match.group(2), match.group(3), cached[ref])

    result = _FORMULA_CELL.sub(replace, xml)
    if found != xml.count(b"<f>") + xml.count(b"<f "):
        return fill_sheet(xml, cached, title)
    return result


def add_cached_values(package: bytes, cache: CacheBook) -> bytes:
    """The package with every formula's cached value written in."""
    source = zipfile.ZipFile(io.BytesIO(package))
    parts = sheet_parts(source)
    by_part = {parts[title]: title for title in parts}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            title = by_part.get(info.filename)
            if title is not None:
                data = fill_sheet_fast(data, cache.by_sheet.get(title, {}), title)
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
