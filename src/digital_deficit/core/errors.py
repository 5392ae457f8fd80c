"""Typed errors of the core; each message names the argument and, if any, the position."""

from __future__ import annotations


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
    """An argument holds a value the function cannot use."""

    def __init__(self, argument: str, problem: str, position: int | None = None) -> None:
        self.argument = argument
        self.problem = problem
        self.position = position
        where = f"{argument}: " if position is None else f"{argument}: cell {position} "
        super().__init__(f"{where}{problem}")


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
        super().__init__(f"unknown {kind} {name!r}; expected one of: {', '.join(known)}")


class PeriodError(DigitalDeficitError):
    """A period cannot be read or does not fit the basis."""
