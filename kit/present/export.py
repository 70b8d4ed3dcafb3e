"""Writing tables for people: CSV that Excel opens safely and shows Chinese correctly.

Text cells starting with ``=``, ``+``, ``-`` or ``@`` (and tab or carriage return) are prefixed with ``'`` so a
spreadsheet shows them instead of evaluating them as formulas (CSV injection). Numbers are left alone. Files are
written as UTF-8 with a byte-order mark, which Excel needs to recognise UTF-8.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` made safe for a spreadsheet: text that would start a formula gets a leading ``'``.

    >>> neutralise("=HYPERLINK(1)"), neutralise("-3 items"), neutralise(-3)
    ("'=HYPERLINK(1)", "'-3 items", -3)
    """
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell (and column name) neutralised."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(neutralise)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def write_csv(frame: pd.DataFrame, path, index: bool = False, lang: str | None = None) -> Path:
    """Write ``frame`` to ``path`` as a spreadsheet-safe UTF-8 (with BOM) CSV; create the folder; return the path.

    With ``lang``, column names that are label keys are written as their labels in that language."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if index:
        frame = frame.reset_index()
    if lang is not None:
        from .labels import label

        frame = frame.rename(columns=lambda c: label(c, lang))
    safe_frame(frame).to_csv(path, index=False, encoding="utf-8-sig")
    return path
