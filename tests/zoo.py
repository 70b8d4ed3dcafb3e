"""The data zoo: every notebook runs on data unlike the bundled year of Online Retail, or skips with a reason.

Each variant is derived from the raw bundled Online Retail (a few thousand lines), written as CSV and run through
``kit run`` in-process (the quiz, notebook 05, is left out). A notebook must end ok, or be skipped with the reason
in the run summary; the run must exit 0. The variants are tested in two files, ``tests/test_zoo_short.py`` and
``tests/test_zoo_shapes.py``, so that ``--dist loadfile`` runs them on both workers.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from kit.run import cli
from kit.data.datasets import path as dataset_path

NOTEBOOKS = ["00", "01", "02", "03", "04"]
CUSTOMER_NOTEBOOKS = ("01_customer_targeting", "03_value_grading")


def _raw() -> pd.DataFrame:
    return pd.read_parquet(dataset_path("online_retail"))


def _customers(raw: pd.DataFrame, every: int) -> pd.DataFrame:
    """The full history of every ``every``-th customer (by id)."""
    return raw[raw["CustomerID"].notna() & (raw["CustomerID"] % every == 0)]


def _invoices(raw: pd.DataFrame, every: int) -> pd.DataFrame:
    """Every ``every``-th invoice (by number), all of its lines."""
    number = raw["InvoiceNo"].str.extract(r"(\d+)", expand=False).astype(int)
    return raw[number % every == 0]


def _between(raw: pd.DataFrame, start: str, end: str) -> pd.DataFrame:
    return raw[(raw["InvoiceDate"] >= start) & (raw["InvoiceDate"] < end)]


def _renumbered(raw: pd.DataFrame) -> pd.Series:
    """New invoice numbers (1,000,000 added), keeping the cancellation prefix C."""
    return raw["InvoiceNo"].str.replace(r"\d+", lambda m: str(int(m.group(0)) + 1_000_000), regex=True)


def _heavy(raw: pd.DataFrame) -> pd.DataFrame:
    """One customer holding most of the money: the customer with most lines buys 200 times the quantity."""
    base = _customers(raw, 70).copy()
    whale = base["CustomerID"].value_counts().index[0]
    base.loc[base["CustomerID"] == whale, "Quantity"] *= 200
    return base


def _two_years(raw: pd.DataFrame) -> pd.DataFrame:
    base = _customers(raw, 140)
    later = base.assign(InvoiceDate=base["InvoiceDate"] + pd.DateOffset(years=1), InvoiceNo=_renumbered(base))
    return pd.concat([base, later], ignore_index=True)


VARIANTS = {
    "one_month": lambda raw: _invoices(_between(raw, "2011-09-01", "2011-10-01"), 12),
    "one_week": lambda raw: _invoices(_between(raw, "2011-10-03", "2011-10-10"), 3),
    "one_country": lambda raw: raw[raw["Country"] == "Spain"],
    "thirty_customers": lambda raw: raw[raw["CustomerID"].isin(sorted(raw["CustomerID"].dropna().unique())[:30])],
    "basket_only": lambda raw: _invoices(raw, 120).drop(columns=["CustomerID"]),
    "no_products": lambda raw: _customers(raw, 70).drop(columns=["StockCode", "Description"]),
    "no_order_ids": lambda raw: _customers(raw, 70).drop(columns=["InvoiceNo"]),
    "shifted_8_years": lambda raw: _customers(raw, 70).assign(
        InvoiceDate=lambda d: d["InvoiceDate"] + pd.DateOffset(years=8)),
    "two_years": _two_years,
    "one_heavy_customer": _heavy,
}


def _run(name: str, folder: Path):
    """Write variant ``name`` as CSV and run the notebooks on it; return the exit code and the summary rows."""
    data = VARIANTS[name](_raw())
    assert 0 < len(data) <= 12_000, f"{name}: {len(data)} lines, keep the zoo small"
    data_file = folder / f"{name}.csv"
    data.to_csv(data_file, index=False)
    out = folder / "out"
    code = cli.main(["run", "--data", str(data_file), "--out", str(out), "--no-progress", "--only", *NOTEBOOKS])
    summary = out / "run_summary.tsv"
    rows = list(csv.DictReader(summary.open(encoding="utf-8"), delimiter="\t")) if summary.exists() else []
    return code, rows, out


def _describe(rows) -> str:
    return "; ".join(f"{r['notebook']} {r['status']}: {r['message']}" for r in rows)


def _passed(row) -> bool:
    return row["status"] == "ok" or (row["status"] == "skipped" and bool(row["message"]))


def check_variant(name: str, folder: Path) -> None:
    """Run variant ``name``; assert exit 0 and every notebook ok or skipped with a reason."""
    code, rows, out = _run(name, folder)
    assert code in (0, 1), f"{name}: kit run stopped with exit {code} before the notebooks"
    assert [r["notebook"][:2] for r in rows] == NOTEBOOKS, f"{name}: {_describe(rows)}"
    mine = [r for r in rows if r["notebook"] in CUSTOMER_NOTEBOOKS]
    assert all(_passed(r) for r in mine), f"{name}, customer notebooks: {_describe(mine)}"
    if name in ("one_month", "one_week"):  # too short for windows: said, not reported as fact
        assert "look-alike section skipped: the data cover" in (out / "01_customer_targeting.ipynb").read_text("utf-8")
        assert "grade migration skipped: the data cover" in (out / "03_value_grading.ipynb").read_text("utf-8")
    bad = [r for r in rows if not _passed(r)]
    assert not bad and code == 0, f"{name} (exit {code}): {_describe(bad)}"
