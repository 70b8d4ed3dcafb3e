"""A loaded table kept for the rest of a run: the canonical lines and the cleaning report as typed files.

``kit run`` reads the data once, maps and cleans it once per analysis and saves the result into the run folder
(``<out>/prepared/``); each notebook reads that back (fast, typed) instead of loading the file again. A notebook
opened alone has no such folder and loads the data itself the same way.

Files per analysis (``customers`` or ``baskets``): ``<analysis>.parquet`` (the canonical table),
``<analysis>.report.json`` (the report's figures, counts, notes), ``<analysis>.set_aside.parquet`` and
``<analysis>.suspects.parquet``. The first analysis the data allow is also recorded as the default.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from .cleaning import CleaningReport
from .engine_loading import canonical_types

DEFAULT = "default.json"


def save_prepared(folder, tx: pd.DataFrame, report: CleaningReport, lines_file=None) -> Path:
    """Save ``tx`` and ``report`` under ``folder`` for ``report.analysis``; return the table's path.

    Parameters
    ----------
    folder : str or Path
    tx : DataFrame
        The canonical table.
    report : CleaningReport
    lines_file : path, optional
        A Parquet file already holding the kept lines (``load_transactions(..., lines=path)``): moved into
        ``folder`` instead of writing ``tx``.

    Returns
    -------
    Path

    Examples
    --------
    >>> import tempfile
    >>> from kit.data import datasets
    >>> tx, report = datasets.cdnow(sample=True)
    >>> folder = tempfile.mkdtemp()
    >>> save_prepared(folder, tx, report).name
    'customers.parquet'
    >>> tx2, report2 = read_prepared(folder)
    >>> tx2.equals(tx), report2.summary().equals(report.summary())
    (True, True)
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    name = report.analysis
    path = folder / f"{name}.parquet"
    if lines_file is not None:
        Path(lines_file).replace(path)
    else:
        tx.to_parquet(path, index=False)
    _text_safe(report.set_aside).to_parquet(folder / f"{name}.set_aside.parquet", index=False)
    report.suspect_codes.to_parquet(folder / f"{name}.suspects.parquet", index=False)
    figures = {
        "source": report.source, "format": report.format, "n_rows": int(report.n_rows), "n_kept": int(report.n_kept),
        "counts": {k: int(v) for k, v in report.counts.items()},
        "money": {k: float(v) for k, v in report.money.items()},
        "analysis": report.analysis, "available": list(report.available), "columns": report.columns,
        "steps": list(report.steps), "encoding": report.encoding, "date_style": report.date_style,
        "notes": list(report.notes), "money_kept": float(report.money_kept), "money_read": float(report.money_read),
    }
    (folder / f"{name}.report.json").write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    if not (folder / DEFAULT).exists():
        (folder / DEFAULT).write_text(json.dumps({"analysis": name}), encoding="utf-8")
    return path


def read_prepared(folder, analysis: str | None = None, only=None) -> tuple[pd.DataFrame, CleaningReport] | None:
    """The table and report saved for ``analysis`` (default: the first saved), or ``None`` when there are none.

    Parameters
    ----------
    folder : str or Path
    analysis : {"customers", "baskets"}, optional
    only : list of str, optional
        Read only these canonical columns, those the table has (all when ``None``): a notebook that needs a few
        columns of many millions of lines reads a fraction of them.

    Returns
    -------
    tuple of (DataFrame, CleaningReport) or None

    Examples
    --------
    >>> read_prepared("no/such/folder") is None
    True
    """
    folder = Path(folder)
    if analysis is None:
        if not (folder / DEFAULT).exists():
            return None
        analysis = json.loads((folder / DEFAULT).read_text(encoding="utf-8"))["analysis"]
    path = folder / f"{analysis}.parquet"
    if not path.exists():
        return None
    figures = json.loads((folder / f"{analysis}.report.json").read_text(encoding="utf-8"))
    counts = pd.Series(figures.pop("counts"), dtype=int)
    money = pd.Series(figures.pop("money"), dtype=float).reindex(counts.index, fill_value=0.0)
    report = CleaningReport(
        counts=counts, money=money, set_aside=pd.read_parquet(folder / f"{analysis}.set_aside.parquet"),
        suspect_codes=pd.read_parquet(folder / f"{analysis}.suspects.parquet"),
        available=tuple(figures.pop("available")), steps=tuple(figures.pop("steps")), **figures)
    found = {c for c, source in report.columns.items() if source}
    if only is not None:
        import pyarrow.parquet

        saved = pyarrow.parquet.read_schema(path).names
        only = [c for c in only if c in saved]
    return canonical_types(pd.read_parquet(path, columns=only), found), report


def _text_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """Columns of mixed Python objects (Excel cells) as text, so that Parquet can hold them."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(lambda v: v if v is None or isinstance(v, str) else
                                              (None if isinstance(v, float) and np.isnan(v) else str(v)))
    frame.columns = [str(c) for c in frame.columns]
    return frame
