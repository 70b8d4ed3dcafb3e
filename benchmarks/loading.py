"""Loading benchmark: the kit's loader against the plain-pandas cleaning most notebooks copy, in one process.

The reference reads the Parquet file and drops cancellations, non-positive quantities and prices, missing
customers and duplicates with boolean masks -- no column mapping, no parsing, no report. The ratio says what the
kit's accounting (every row kept or counted with its reason, cancelled orders matched) costs on real data.

    .venv/bin/python benchmarks/loading.py
"""

from __future__ import annotations

import time

import pandas as pd

import kit


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def plain_pandas():
    df = pd.read_parquet(kit.datasets.path("online_retail"))
    df = df[~df["InvoiceNo"].astype(str).str.startswith("C")]
    df = df[(df["Quantity"] > 0) & (df["UnitPrice"] > 0) & df["CustomerID"].notna()]
    df = df.drop_duplicates()
    df["amount"] = df["Quantity"] * df["UnitPrice"]
    return df


def main() -> None:
    csv_path = "/tmp/online_retail_benchmark.csv"
    pd.read_parquet(kit.datasets.path("online_retail")).to_csv(csv_path, index=False)
    rows = [
        ("plain pandas (reference)", best_of(plain_pandas)),
        ("kit, customers, all steps", best_of(lambda: kit.datasets.online_retail())),
        ("kit, baskets, all steps", best_of(lambda: kit.datasets.online_retail(analysis="baskets"))),
        ("kit, customers, from CSV", best_of(
            lambda: kit.load_transactions(csv_path, kit.datasets.column_map("online_retail")))),
    ]
    reference = rows[0][1]
    print(f"Online Retail, 541,909 lines; best of 3 runs (pandas {pd.__version__})")
    for name, seconds in rows:
        print(f"  {name:<28} {seconds:6.2f} s   {seconds / reference:5.1f}x reference")


if __name__ == "__main__":
    main()
