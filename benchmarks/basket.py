"""Itemset-mining benchmark: the kit's default miner against mlxtend's ``fpgrowth`` (and pyfim's C ``fpgrowth``
when it is installed), in one process, on Online Retail and Groceries at several thresholds.

Online Retail is mined as 20,728 invoices × 3,941 stock codes (cancellations and returns removed), the usual
benchmark set-up. mlxtend gets the baskets as a pandas-sparse one-hot DataFrame, so nobody builds a dense matrix.
Every run also checks that the kit's itemsets and supports equal mlxtend's exactly. The last part times rule
generation (every candidate rule, with its measures, Fisher test and redundancy flag).

    .venv/bin/python benchmarks/basket.py
"""

from __future__ import annotations

import time
import tracemalloc

from mlxtend.frequent_patterns import fpgrowth

import kit


def timed(fn, repeat: int = 1):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_memory(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def pyfim_runner(b, min_support):
    try:
        import fim
    except ImportError:
        return None
    rows = [list(b.matrix.indices[b.matrix.indptr[i]:b.matrix.indptr[i + 1]]) for i in range(b.n_baskets)]
    return lambda: fim.fpgrowth(rows, supp=-kit.basket.min_count(min_support, b.n_baskets), zmin=1)


def main() -> None:
    tx, _ = kit.data.datasets.online_retail(analysis="baskets", steps=["cancellation", "non_positive_quantity"])
    data = {"Online Retail": kit.baskets(tx), "Groceries": kit.baskets(kit.data.datasets.path("groceries"))}
    plans = {"Online Retail": (0.02, 0.01, 0.005), "Groceries": (0.01, 0.005, 0.002, 0.001)}
    print("frequent itemsets: kit (vertical bitsets) vs mlxtend fpgrowth; best of 3 for the kit")
    for name, b in data.items():
        frame = b.to_frame()
        dense_mb = b.n_baskets * b.n_items / 2**20
        print(f"{name}: {b.n_baskets:,} baskets x {b.n_items:,} items (a dense bool matrix would take {dense_mb:.0f} MiB)")
        for min_support in plans[name]:
            kit_time, ours = timed(lambda: kit.frequent_itemsets(b, min_support), repeat=3)
            mlx_time, theirs = timed(lambda: fpgrowth(frame, min_support=min_support, use_colnames=True))
            same = dict(zip(ours["itemsets"], ours["support"])) == dict(zip(theirs["itemsets"], theirs["support"]))
            memory = peak_memory(lambda: kit.frequent_itemsets(b, min_support))
            line = (f"  min_support {min_support:<6} {len(ours):>7,} itemsets  kit {kit_time:6.2f} s  "
                    f"mlxtend {mlx_time:6.2f} s  ratio {mlx_time / kit_time:6.1f}x  kit peak {memory:5.1f} MiB  "
                    f"same answer: {same}")
            runner = pyfim_runner(b, min_support)
            if runner is not None:
                fim_time, _ = timed(runner, repeat=3)
                line += f"  pyfim {fim_time:.2f} s"
            print(line)
    print("association rules (all candidate rules: min_threshold 0); best of 3")
    for name, min_support in (("Online Retail", 0.005), ("Groceries", 0.001)):
        found = kit.basket.mine_itemsets(data[name], min_support)  # with the basket count: the Fisher test is timed
        for shape in ("single", "any"):
            seconds, rules = timed(lambda: kit.association_rules(found, min_threshold=0.0, consequents=shape), repeat=3)
            print(f"  {name} min_support {min_support} consequents={shape!r}: {len(rules):,} rules in {seconds:.2f} s "
                  f"({seconds / len(rules) * 1e6:.0f} us per rule)")


if __name__ == "__main__":
    main()
