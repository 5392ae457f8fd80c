"""Typed errors of the core; each message names the argument and, if any, the position."""

from __future__ import annotations

SHOWN_CHARACTERS = 60
"""Most characters of a user's text a message quotes (a 32,767-character cell is not echoed)."""


def one_line(text: str, limit: int = SHOWN_CHARACTERS) -> str:
    """Text as a message quotes it: on one line (a line break shows as \\n, any other control
    character escaped too) and at most ``limit`` characters (a longer text is cut with "...")."""
    cut = text if len(text) <= limit else text[: limit - 3] + "..."
    return "".join(c if c.isprintable() or c == "\u3000" else repr(c)[1:-1] for c in cut)


def shown(value: object) -> str:
    """A value as a message names it: text in quotes on one line (``one_line``), else its repr."""
    return f"'{one_line(value)}'" if isinstance(value, str) else repr(value)


class DigitalDeficitError(ValueError):
    """Base class of every error this package raises on purpose."""

    def __reduce__(self) -> tuple[object, ...]:
        # Subclasses take their own arguments; rebuild from the message and attributes so the
        # error crosses process boundaries (a batch worker) intact.
        return (_rebuild, (type(self), str(self), dict(self.__dict__)))


def _rebuild(cls: type[DigitalDeficitError], message: str, state: dict[str, object]) -> Exception:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class InputError(DigitalDeficitError):
    """An argument holds a value the function cannot use.

    ``position`` counts the argument's cells (Excel ranges: "cell 3") or, with ``place``, the
    entries of a list typed in one value (a definition's item ids: "item 2"), so the message
    is true wherever the value was typed: a cell, a command-line flag or a scenario file.
    """

    def __init__(
        self, argument: str, problem: str, position: int | None = None, place: str = "cell"
    ) -> None:
        self.argument = argument
        self.problem = problem
        self.position = position
        self.place = place
        super().__init__(f"{argument}: {self.detail}")

    @property
    def detail(self) -> str:
        """The message without the argument's name: "item 2 repeats 'consulting'"."""
        return (
            self.problem
            if self.position is None
            else f"{self.place} {self.position} {self.problem}"
        )


class LengthMismatchError(DigitalDeficitError):
    """Two range arguments that must be aligned period by period have different lengths."""

    def __init__(self, lengths: dict[str, int]) -> None:
        self.lengths = lengths
        parts = ", ".join(f"{name} has {n}" for name, n in lengths.items())
        super().__init__(f"ranges differ in length ({parts}); give one value per period in each")


class UnknownNameError(DigitalDeficitError):
    """An item, definition, method, basis or side id is not in its registry."""

    def __init__(self, kind: str, name: object, known: list[str] | tuple[str, ...]) -> None:
        self.kind = kind
        self.name = name
        self.known = tuple(known)
        super().__init__(f"unknown {kind} {shown(name)}; expected one of: {', '.join(known)}")


class PeriodError(DigitalDeficitError):
    """A period cannot be read or does not fit the basis."""
