"""Text formulas with the text they give: each part carries its formula fragment and the text
the core's values make of it, so a cached text always matches what its formula computes."""

from __future__ import annotations

from digital_deficit.export.cells import excel_fixed

Part = tuple[str, str]  # (formula fragment, text it gives)


def lit(text: str) -> Part:
    """A literal string."""
    return '"' + text.replace('"', '""') + '"', text


def fixed(
    ref: str, value: float | None, decimals: int, factor: int = 1, absolute: bool = False
) -> Part:
    """FIXED(...) of a number cell, rounded like Excel."""
    expr = f"ABS({ref})" if absolute else ref
    if factor != 1:
        expr = f"{expr}*{factor}"
    shown = 0.0 if value is None else (abs(value) if absolute else value) * factor
    return f"FIXED({expr},{decimals},TRUE)", excel_fixed(shown, decimals)


def text(ref: str, value: object) -> Part:
    """A cell or name joined as text (a whole-number year gives "2024")."""
    if isinstance(value, float) and value.is_integer():
        return ref, str(int(value))
    return ref, str(value)


def cat(*parts: Part) -> Part:
    """Parts joined with &, neighbouring literals merged into one."""
    merged: list[Part] = []
    for part in parts:
        if not part[1] and part[0] == '""':
            continue
        if (
            merged
            and merged[-1][0].startswith('"')
            and _is_literal(merged[-1][0])
            and _is_literal(part[0])
        ):
            merged[-1] = lit(merged[-1][1] + part[1])
        else:
            merged.append(part)
    if not merged:
        return lit("")
    return "&".join(f for f, _ in merged), "".join(t for _, t in merged)


def _is_literal(formula: str) -> bool:
    return len(formula) >= 2 and formula[0] == formula[-1] == '"' and '"&' not in formula


def when(condition: str, yes: Part, no: Part, truth: bool) -> Part:
    """IF(condition, yes, no); the cached text follows ``truth``."""
    return f"IF({condition},{yes[0]},{no[0]})", yes[1] if truth else no[1]


def money(template: str, ref: str, value: float | None, decimals: int = 2) -> Part:
    """A signed amount in the language's money template ("¥{value}T", "{value}兆円"), the
    minus sign before the currency: -¥6.65T, -6.65兆円."""
    before, _, after = template.partition("{value}")
    negative = value is not None and value < 0
    return cat(
        when(f"{ref}<0", lit("-"), lit(""), negative),
        lit(before),
        fixed(ref, value, decimals, absolute=True),
        lit(after),
    )


def drop_lead(part: Part, separator: str) -> Part:
    """``part``, a run of pieces each starting with ``separator``, without the first
    separator (MID): "; a; b" gives "a; b", "" stays ""."""
    shown = part[1][len(separator) :] if part[1].startswith(separator) else part[1]
    return f"MID({part[0]},{len(separator) + 1},32767)", shown


def in_period(template: str, field: str, period: str, year: int, name: str = "Base_Year") -> Part:
    """``template`` with ``{field}`` as the period of the named input ``name`` (live) in the
    words of ``period`` (FY{year}, {year}年度): "Multiple of the FY2014 level"."""
    before, _, after = template.partition("{" + field + "}")
    p_before, _, p_after = period.partition("{year}")
    return cat(lit(before + p_before), text(name, float(year)), lit(p_after + after))
