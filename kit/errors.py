"""The kit's one exception type.

Every problem the kit can explain to a person -- a missing file, a column that is not there, dates that do not
parse, a parameter of the wrong type -- is raised as :class:`KitError` with a message that names the file, the
column and an example of the bad value, and says what to do. The command line prints that message and exits
with status 2 instead of showing a traceback.
"""

from __future__ import annotations


class KitError(ValueError):
    """A problem with the input that the user can fix; ``str(error)`` is the readable explanation.

    Parameters
    ----------
    message : str
        What is wrong, naming the file, the column and an example of the bad value.
    hint : str, optional
        What to do about it; appended to the message on its own line.

    Examples
    --------
    >>> raise KitError("sales.csv: column 'customer_id' not found", hint="map it with --columns map.yaml")
    Traceback (most recent call last):
    ...
    kit.errors.KitError: sales.csv: column 'customer_id' not found
      what to do: map it with --columns map.yaml
    """

    def __init__(self, message: str, hint: str | None = None):
        self.message = message
        self.hint = hint
        super().__init__(message + (f"\n  what to do: {hint}" if hint else ""))


def examples(values, n: int = 3) -> str:
    """Format up to ``n`` distinct example values for an error message: ``'a', 'b', 'c'``."""
    seen: list = []
    for value in values:
        if value not in seen:
            seen.append(value)
        if len(seen) == n:
            break
    return ", ".join(repr(v) for v in seen)
