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


def write_csv(frame: pd.DataFrame, path, index: bool = False) -> Path:
    """Write ``frame`` to ``path`` as a spreadsheet-safe UTF-8 (with BOM) CSV for people; create the folder.

    Parameters
    ----------
    frame : DataFrame
        Usually ``kit.present.localise(table, lang)``: the file is for people, and nothing reads it again.
    path : path
    index : bool
        Write the index as the first column.

    Returns
    -------
    Path
        ``path``.

    Examples
    --------
    >>> import tempfile
    >>> path = write_csv(pd.DataFrame({"a": ["=1+1"]}), tempfile.mkdtemp() + "/t.csv")
    >>> path.read_bytes()
    b"\\xef\\xbb\\xbfa\\n'=1+1\\n"
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if index:
        frame = frame.reset_index()
    safe_frame(frame).to_csv(path, index=False, encoding="utf-8-sig")
    return path
