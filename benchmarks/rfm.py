"""RFM benchmark: ``kit.rfm_table`` against a plain pandas groupby written the obvious way, in one process.

Ten million synthetic transaction lines (string ids, as loading produces them) by default, measured twice: with
each order's lines listed together, as invoice exports list them, and shuffled into random order (the worst case
for the kit, which hashes ids once per run of adjacent lines of one order):

    .venv/bin/python benchmarks/rfm.py [n_lines]
"""

from __future__ import annotations

import sys
import time

import numpy as np
import pandas as pd

import kit


def make_lines(n: int, seed: int = 0, shuffled: bool = False) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n_orders = n // 5
    order = rng.integers(0, n_orders, n)
    if not shuffled:
        order.sort()
    customer_of_order = rng.integers(0, max(n // 50, 1), n_orders)
    start = np.datetime64("2023-01-01T00:00", "m")
    order_time = start + rng.integers(0, 365 * 24 * 60, n_orders).astype("timedelta64[m]")
    return pd.DataFrame({
        "customer_id": pd.Series(customer_of_order[order]).astype(str),
        "order_id": pd.Series(order).astype(str),
        "order_date": order_time[order].astype("datetime64[ns]"),
        "amount": rng.gamma(2.0, 10.0, n).round(2),
    })


def plain_pandas(tx: pd.DataFrame) -> pd.DataFrame:
    as_of = tx["order_date"].max().normalize() + pd.Timedelta(days=1)
    g = tx.groupby("customer_id")
    return pd.DataFrame({
        "recency": (as_of - g["order_date"].max().dt.normalize()).dt.days,
        "frequency": g["order_id"].nunique(),
        "monetary": g["amount"].sum().round(2),
        "first_order": g["order_date"].min(),
        "last_order": g["order_date"].max(),
        "tenure_days": (as_of - g["order_date"].min().dt.normalize()).dt.days,
    })


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    print(f"rfm_table on {n:,} lines (pandas {pd.__version__})")
    for shuffled in (False, True):
        tx = make_lines(n, shuffled=shuffled)
        base_time, base = timed(plain_pandas, tx)
        kit_time, ours = timed(kit.rfm_table, tx)
        pd.testing.assert_frame_equal(ours, base, check_dtype=False, check_names=False)  # same answer
        layout = "lines shuffled" if shuffled else "order lines together"
        print(f"  {layout:<22} plain pandas groupby {base_time:6.2f} s   kit.rfm_table {kit_time:6.2f} s   "
              f"ratio {base_time / kit_time:4.1f}x  ({tx['customer_id'].nunique():,} customers)")


if __name__ == "__main__":
    main()
