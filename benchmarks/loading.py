"""Loading benchmark: the kit's loader against the plain-pandas cleaning most notebooks copy, in one process.

The reference reads the Parquet file and drops cancellations, non-positive quantities and prices, missing
customers and duplicates with boolean masks -- no column mapping, no parsing, no report. The ratio says what the
kit's accounting (every row kept or counted with its reason, cancelled orders matched) costs on real data.
The last line loads 55,000 lines of one customer's orders and cancellations of one product, the worst case for
matching cancelled orders (every line shares the same key).

    .venv/bin/python benchmarks/loading.py
"""

from __future__ import annotations

import time

import numpy as np
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
    df = pd.read_parquet(kit.data.datasets.path("online_retail"))
    df = df[~df["InvoiceNo"].astype(str).str.startswith("C")]
    df = df[(df["Quantity"] > 0) & (df["UnitPrice"] > 0) & df["CustomerID"].notna()]
    df = df.drop_duplicates()
    df["amount"] = df["Quantity"] * df["UnitPrice"]
    return df


def many_cancellations(n: int = 27_500) -> pd.DataFrame:
    """``n`` orders and ``n`` cancellations of the same product by the same customer, a minute apart."""
    minutes = np.r_[np.arange(n), np.arange(-1_000, n - 1_000)]
    return pd.DataFrame({"customer_id": "7", "product_id": "23843",
                         "order_id": [f"{i}" for i in range(n)] + [f"C{i}" for i in range(n)],
                         "order_date": pd.Timestamp("2024-01-01") + pd.to_timedelta(minutes, unit="min"),
                         "quantity": np.r_[np.full(n, 3), np.full(n, -3)], "unit_price": 1.5})


def main() -> None:
    csv_path = "/tmp/online_retail_benchmark.csv"
    pd.read_parquet(kit.data.datasets.path("online_retail")).to_csv(csv_path, index=False)
    rows = [
        ("plain pandas (reference)", best_of(plain_pandas)),
        ("kit, customers, all steps", best_of(lambda: kit.data.datasets.online_retail())),
        ("kit, baskets, all steps", best_of(lambda: kit.data.datasets.online_retail(analysis="baskets"))),
        ("kit, customers, from CSV", best_of(
            lambda: kit.load_transactions(csv_path, kit.data.datasets.column_map("online_retail")))),
    ]
    adversarial = many_cancellations()
    reference = rows[0][1]
    print(f"Online Retail, 541,909 lines; best of 3 runs (pandas {pd.__version__})")
    for name, seconds in rows:
        print(f"  {name:<28} {seconds:6.2f} s   {seconds / reference:5.1f}x reference")
    print(f"55,000 lines, one customer and product: {best_of(lambda: kit.load_transactions(adversarial)):.2f} s")


if __name__ == "__main__":
    main()
