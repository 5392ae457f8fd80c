"""Marks where the reader looks, live like the numbers: ≈ on a number built on a rounded figure,
† on one that combines figures of different vintages.

Every marked cell of a visible sheet has shadow cells on the hidden Marks sheet, in its column
and at a fixed row offset per sheet and kind of shadow (a block):

- P: the largest rounding unit among its inputs (oku yen; 1 when every input is exact);
- V: the vintages of its own period's inputs, one bit per vintage (two bits or more: mixed);
- F (the figures of the period tables): the first release where it differs from the figure
  shown, else "n/a".

A figure's shadows are constants (none for a missing figure: a blank shadow reads as 0;
shadows are read as they are, since Gnumeric's N() of a blank is #NUM!); a formula's are
formulas of the same shape over its inputs' shadows (MAX for P, BITOR for V, the same lookup
for a selection), so the marks follow the Assumptions as the numbers do, and their cached
values are computed the same way here.
Conditional formats show them (``formats.marked``: ≈ before the number, † after it); text
formulas read them (the Cover's messages, the Summary's notes).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from openpyxl.formatting.rule import Rule
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
from openpyxl.utils.cell import column_index_from_string as col_index
from openpyxl.utils.cell import coordinate_from_string, get_column_letter

from digital_deficit.data.figures import Figure
from digital_deficit.data.vintage import oldest_first
from digital_deficit.export.cells import NA_TEXT, CacheBook, Content, Formula, put, quote_sheet
from digital_deficit.export.formats import marked

MAX_BITS = 48
"""BITAND and BITOR take numbers below 2^48 (Excel): later vintages share the last bit."""
BLOCKS = ("P", "V", "F")
BITOR = "_xlfn.BITOR"
BITAND = "_xlfn.BITAND"


@dataclass(frozen=True)
class Mark:
    """What a number is built on: the largest rounding unit of its inputs and the vintages of
    its own period's inputs (bits)."""

    precision: float = 1.0
    vintages: int = 0

    @property
    def rounded(self) -> bool:
        """Built on at least one rounded figure (≈)."""
        return self.precision > 1

    @property
    def mixed(self) -> bool:
        """Combines figures of two vintages or more (†)."""
        return self.vintages & (self.vintages - 1) != 0


EXACT = Mark()
ABSENT = Mark(0.0)
"""The mark of a cell without shadows (a missing figure): its blank shadows read as 0."""


def combine(inputs: Iterable[Mark], own: Iterable[Mark]) -> Mark:
    """The mark of a result: the largest rounding unit of all its inputs, the vintages of the
    inputs of its own period (an input of the previous or base period mixes nothing)."""
    vintages = 0
    for mark in own:
        vintages |= mark.vintages
    return Mark(max((m.precision for m in inputs), default=1.0), vintages)


class VintageBits:
    """One bit per vintage used, oldest first."""

    def __init__(self, vintages: Iterable[str]) -> None:
        self.order = oldest_first(vintages)
        self.bits = {v: 1 << min(i, MAX_BITS - 1) for i, v in enumerate(self.order)}

    def of(self, fig: Figure) -> Mark:
        """A figure's mark (exact and of no vintage when missing)."""
        if fig.value is None:
            return EXACT
        mask = 0
        for vintage in fig.vintages:
            mask |= self.bits[vintage]
        return Mark(fig.precision, mask)

    def names(self, mask: int) -> list[str]:
        """The vintages of a set of bits, oldest first."""
        return [v for v in self.order if mask & self.bits[v]]


@dataclass(frozen=True)
class Loc:
    """A cell of a visible sheet: its sheet's key (digital, summary...) and coordinate."""

    key: str
    coord: str


@lru_cache(maxsize=8192)
def _split(coord: str) -> tuple[str, int, int]:
    """C20 (or $C$20) -> ("C", 3, 20)."""
    column, row = coordinate_from_string(coord.replace("$", ""))
    return column, col_index(column), row


def _shift(coord: str, rows: int, absolute: bool = False) -> str:
    column, _, row = _split(coord)
    dollar = "$" if absolute else ""
    return f"{dollar}{column}{dollar}{row + rows}"


class MarkBook:
    """The shadows of every marked cell and their cached marks; writes the Marks sheet and the
    conditional formats that show the marks."""

    def __init__(self, title: str, heights: Mapping[str, int], bits: VintageBits) -> None:
        self.title, self.bits = title, bits
        self.offsets: dict[tuple[str, str], int] = {}
        self.top = 0
        for key, height in heights.items():
            self.add_sheet(key, height)
        self.content: dict[tuple[str, Loc], Content] = {}
        self.marks: dict[Loc, Mark] = {}
        self.firsts: dict[Loc, float] = {}
        self._styles: dict[str, DifferentialStyle] = {}

    def add_sheet(self, key: str, height: int) -> None:
        """Blocks for the shadows of a sheet of ``height`` rows, below those already there."""
        for i, block in enumerate(BLOCKS):
            self.offsets[(block, key)] = self.top + i * height
        self.top += len(BLOCKS) * height

    # references to shadows
    def ref(self, block: str, loc: Loc, absolute: bool = False, external: bool = True) -> str:
        """The shadow of ``loc`` in ``block``: 'Marks'!C105."""
        cell = _shift(loc.coord, self.offsets[(block, loc.key)], absolute)
        return f"{quote_sheet(self.title)}!{cell}" if external else cell

    def span(self, block: str, first: Loc, last: Loc) -> str:
        """The shadows of a row or column of cells, rows absolute: 'Marks'!M$105:M$106."""
        offset = self.offsets[(block, first.key)]
        ends = []
        for loc in (first, last):
            column, _, row = _split(loc.coord)
            ends.append(f"{column}${row + offset}")
        return f"{quote_sheet(self.title)}!{ends[0]}:{ends[1]}"

    def mark(self, loc: Loc) -> Mark:
        """The cached mark of a cell (``ABSENT`` when it has no shadows)."""
        return self.marks.get(loc, ABSENT)

    def rounded(self, loc: Loc, absolute: bool = False) -> str:
        """Formula condition: the cell is built on a rounded figure."""
        return f"{self.ref('P', loc, absolute)}>1"

    def mixed(self, loc: Loc, absolute: bool = False) -> str:
        """Formula condition: the cell combines figures of different vintages."""
        v = self.ref("V", loc, absolute)
        return f"{BITAND}({v},MAX({v}-1,0))<>0"

    # recording shadows
    def _set(self, loc: Loc, p: Content, v: Content, mark: Mark) -> Mark:
        self.content[("P", loc)] = p
        self.content[("V", loc)] = v
        self.marks[loc] = mark
        return mark

    def figure(self, loc: Loc, fig: Figure) -> Mark:
        """A figure's cell: constant shadows (none for a missing figure: nothing to mark)."""
        if fig.value is None:
            return ABSENT
        mark = self.bits.of(fig)
        return self._set(loc, mark.precision, mark.vintages, mark)

    def derived(self, loc: Loc, inputs: Sequence[tuple[Loc, bool]]) -> Mark:
        """A formula over other cells: (cell, whether it is of the formula's own period)."""
        if not inputs:
            return self._set(loc, 1.0, 0.0, EXACT)
        # every shadow is on the Marks sheet: references within it
        ps = [self.ref("P", i, external=False) for i, _ in inputs]
        vs = [self.ref("V", i, external=False) for i, own in inputs if own]
        mark = combine(
            (self.mark(i) for i, _ in inputs), (self.mark(i) for i, own in inputs if own)
        )
        p = Formula(f"=MAX({','.join(ps)})", mark.precision)
        return self._set(loc, p, Formula("=" + bit_or(vs), float(mark.vintages)), mark)

    def select(self, loc: Loc, lookup: str, rows: tuple[Loc, Loc], chosen: Loc | None) -> Mark:
        """A lookup of one cell among ``rows`` (``lookup`` is the formula with ``{range}`` for
        the values): the same lookup over the shadows."""
        mark = self.mark(chosen) if chosen is not None else EXACT
        p = Formula("=" + lookup.format(range=self.span("P", *rows), na="1"), mark.precision)
        v = Formula("=" + lookup.format(range=self.span("V", *rows), na="0"), float(mark.vintages))
        return self._set(loc, p, v, mark)

    def choose(self, loc: Loc, pick: str, options: Sequence[Loc], chosen: Loc) -> Mark:
        """A CHOOSE among ``options`` by the formula ``pick``: the same CHOOSE over their
        shadows."""
        p, v = (
            f"CHOOSE({pick},{','.join(self.ref(b, o, external=False) for o in options)})"
            for b in ("P", "V")
        )
        return self.formula(loc, p, v, self.mark(chosen))

    def formula(self, loc: Loc, p: str, v: str, mark: Mark) -> Mark:
        """Shadows given as formulas (a projection's rule over its fit)."""
        return self._set(
            loc, Formula("=" + p, mark.precision), Formula("=" + v, float(mark.vintages)), mark
        )

    def first(self, loc: Loc, content: Content, value: float | None) -> None:
        """The first release of a figure (a formula) or "n/a" where it does not differ."""
        self.content[("F", loc)] = content if value is not None else NA_TEXT
        if value is not None:
            self.firsts[loc] = value

    def first_select(
        self, loc: Loc, lookup: str, rows: tuple[Loc, Loc], chosen: Loc | None
    ) -> None:
        """A lookup of the first releases of ``rows`` (see ``select``)."""
        value = self.firsts.get(chosen) if chosen is not None else None
        formula = "=" + lookup.format(range=self.span("F", *rows), na=f'"{NA_TEXT}"')
        self.content[("F", loc)] = Formula(formula, NA_TEXT if value is None else value)
        if value is not None:
            self.firsts[loc] = value

    # writing
    def write(self, ws: object, cache: CacheBook, labels: Mapping[str, str]) -> None:
        """The hidden Marks sheet: every shadow, each block named in column A."""
        ws.sheet_state = "hidden"  # type: ignore[attr-defined]
        for (block, key), offset in self.offsets.items():
            put(ws, f"A{offset + 1}", f"{block}: {labels.get(key, key)}", cache)
        title = ws.title  # type: ignore[attr-defined]
        for (block, loc), content in self.content.items():
            _, column, row = _split(loc.coord)
            cell = ws.cell(row=row + self.offsets[(block, loc.key)], column=column)  # type: ignore[attr-defined]
            if isinstance(content, Formula):
                cell.value = content.text
                cache.record(title, cell.coordinate, content.cached)
            else:
                cell.value = content

    def show(self, ws: object, key: str, by_format: Mapping[str, Iterable[str]]) -> None:
        """Conditional formats of a sheet's cells: ≈ and † in each cell's format, where its
        shadows say so (a cell without shadows reads blanks: no mark)."""
        for fmt, coords in by_format.items():
            if not any(Loc(key, c) in self.marks for c in coords):
                continue  # nothing there is ever marked (a row of years)
            # one set of rules over all the cells of a format: the formulas are relative to the
            # top-left cell of the first range as written (openpyxl sorts by column, then row),
            # and every cell's shadows sit at the same offset, so they hold for every range
            ranges = sorted(rectangles(coords), key=lambda r: _split(r[0])[1:])
            top = Loc(key, ranges[0][0])
            rounded, mixed = self.rounded(top), self.mixed(top)
            rules = (
                (f"AND({rounded},{mixed})", True, True),
                (rounded, True, False),
                (mixed, False, True),
            )
            cells = " ".join(f"{first}:{last}" for first, last in ranges)
            for condition, approx, dagger in rules:
                style = self._style(marked(fmt, approx, dagger))
                rule = Rule(type="expression", formula=[condition], dxf=style, stopIfTrue=True)
                ws.conditional_formatting.add(cells, rule)  # type: ignore[attr-defined]

    def _style(self, code: str) -> DifferentialStyle:
        """One differential style per number format (its own number-format id)."""
        found = self._styles.get(code)
        if found is None:
            number = NumberFormat(300 + len(self._styles), code)
            found = self._styles[code] = DifferentialStyle(numFmt=number)
        return found


def bit_or(refs: Sequence[str]) -> str:
    """BITOR of the references (0 for none), nested two at a time."""
    if not refs:
        return "0"
    formula = refs[0] if len(refs) > 1 else f"0+{refs[0]}"
    for ref in refs[1:]:
        formula = f"{BITOR}({formula},{ref})"
    return formula


def rectangles(coords: Iterable[str]) -> list[tuple[str, str]]:
    """Cells grouped into rectangles: runs of columns in a row, then rows with the same run."""
    rows: dict[int, list[int]] = {}
    for coord in coords:
        _, column, row = _split(coord)
        rows.setdefault(row, []).append(column)
    runs: list[tuple[int, int, int]] = []  # row, first column, last column
    for row in sorted(rows):
        columns = sorted(rows[row])
        start = prev = columns[0]
        for c in columns[1:]:
            if c != prev + 1:
                runs.append((row, start, prev))
                start = c
            prev = c
        runs.append((row, start, prev))
    out: list[list[int]] = []  # first row, last row, first column, last column
    for row, a, b in runs:
        if out and out[-1][1] == row - 1 and out[-1][2:] == [a, b]:
            out[-1][1] = row
        else:
            out.append([row, row, a, b])
    return [
        (f"{get_column_letter(a)}{top}", f"{get_column_letter(b)}{bottom}")
        for top, bottom, a, b in out
    ]
