"""Machine-readable results — 结果文件: what each notebook found, in keys and canonical column names, saved beside
the run so that the action list and the front page are built from them.

Files for people (translated CSV and XLSX, the HTML report) are written by :mod:`kit.present.export` and
:mod:`kit.present.report` and never read again; these are the files that are read. They live in ``results/``
inside the output folder, which ``kit run`` empties before the notebooks run, so a result from an earlier run is
never taken for this run's.

=============  =====  ===============================================================================
name           kind   written by
=============  =====  ===============================================================================
``cleaning``   JSON   notebook 00: rows and money read, kept and set aside
``targets``    table  notebook 01: one row per customer, relationship value, look-alike score, selected
``basket``     JSON   notebook 02: thresholds used, numbers of rules and pairs
``placement``  table  notebook 02: product pairs to place together
``cross_sell`` table  notebook 02: offers per customer
``grading``    table  notebook 03: RFM segment key, ABC grade and spend per customer
``clv``        table  notebook 04: P(alive), predicted CLV and value class per customer
``clv_model``  JSON   notebook 04: the model check (:class:`kit.clv.ModelCheck`)
=============  =====  ===============================================================================
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

RESULTS_DIR = "results"


def results_dir(out_dir) -> Path:
    """The folder of machine-readable results inside the output folder ``out_dir``."""
    return Path(out_dir) / RESULTS_DIR


def save_table(out_dir, name: str, frame: pd.DataFrame) -> Path:
    """Save ``frame`` (keys, canonical column names; a named index is kept) as ``results/<name>.parquet``."""
    path = results_dir(out_dir) / f"{name}.parquet"
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_parquet(path)
    return path


def load_table(out_dir, name: str) -> pd.DataFrame | None:
    """The table saved by :func:`save_table`, or ``None`` when this run did not save one."""
    path = results_dir(out_dir) / f"{name}.parquet"
    return pd.read_parquet(path) if path.exists() else None


def _plain(value):
    if isinstance(value, (np.integer, np.floating, np.bool_)):
        return value.item()
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return pd.Timestamp(value).isoformat()
    raise TypeError(f"{type(value).__name__} is not saved as a result")


def save_figures(out_dir, name: str, figures: dict) -> Path:
    """Save a dict of figures (numbers, text, lists, dates) as ``results/<name>.json``.

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> _ = save_figures(folder, "basket", {"rules": np.int64(3)})
    >>> load_figures(folder, "basket")
    {'rules': 3}
    """
    path = results_dir(out_dir) / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=1, ensure_ascii=False, default=_plain), encoding="utf-8")
    return path


def load_figures(out_dir, name: str) -> dict | None:
    """The figures saved by :func:`save_figures`, or ``None`` when this run did not save them."""
    path = results_dir(out_dir) / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def clear(out_dir) -> None:
    """Remove the results of an earlier run from ``out_dir`` (``kit run`` does this before the notebooks run)."""
    shutil.rmtree(results_dir(out_dir), ignore_errors=True)
