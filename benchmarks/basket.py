"""Market-basket benchmark: the kit's default miner against pyfim's fastest C miner and mlxtend's ``fpgrowth``, the
basket conversion, rule generation against mlxtend, and the compiled kernel's first-call cost; one process, markdown.

Data sets: UCI Online Retail (20,728 invoices x 3,941 stock codes, cancellations and returns removed), Groceries
(9,835 baskets x 169 items) and, when a folder is given (``--fimi DIR`` or the environment variable
``KIT_FIMI_DIR``), the FIMI repository's chess, mushroom, retail and T10I4D100K (one basket per line, items as
integers, kept as text labels); the FIMI part is skipped otherwise; ``--sets`` picks data sets by name.

Every figure is the median of ``--runs`` runs (default 5) of the whole call as a user makes it:

- "kit": ``kit.basket.mine_itemsets`` from the kit's ``Baskets``, the kit's own result (a ``MinedItemsets``: the
  miner's arrays, the number of baskets and the threshold; frozensets are built when the table is first read);
- "kit table": ``kit.frequent_itemsets``, mlxtend's DataFrame (a frozenset of item labels per itemset), checked
  equal to the table of the first;
- pyfim (``fim.eclat``, ``fim.fpgrowth``, ``fim.apriori``; the fastest per case is reported, skipped when pyfim is
  not installed) returns its list of (tuple, count) from baskets already given as Python lists;
- mlxtend's ``fpgrowth`` gets a pandas-sparse one-hot DataFrame and is compared with "kit table"; it is skipped
  where one run would take more than ``--mlxtend-limit`` seconds (default 12, i.e. about a minute for the runs),
  judged from its run at the previous threshold.

"same" says whether the itemsets and supports equal mlxtend's (or pyfim's where mlxtend was skipped) exactly.
Rules: every candidate rule (``min_threshold=0``, every split) from the kit's ``MinedItemsets`` and from the table,
against mlxtend's ``association_rules`` on the same table, with the same rules checked.

    .venv/bin/python benchmarks/basket.py [--fimi /path/to/fimi] [--runs 5]
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import kit
from kit.basket import from_lists

CAP = 10**8  # no cap in the benchmark (mushroom at 0.1 and Online Retail at 0.002 exceed the default)
PLANS = {
    "Online Retail": (0.02, 0.01, 0.005, 0.003, 0.002),
    "Groceries": (0.01, 0.005, 0.002, 0.001, 0.0005),
    "chess": (0.9, 0.8, 0.7, 0.6),
    "mushroom": (0.3, 0.2, 0.1),
    "retail": (0.01, 0.005, 0.002, 0.001),
    "T10I4D100K": (0.01, 0.005, 0.002, 0.001),
}


def median_time(fn, runs: int, give_up: float = math.inf):
    """(median seconds, runs made, last result); stops repeating when one run takes more than ``give_up``."""
    times, result = [], None
    for _ in range(runs):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        if times[-1] > give_up:
            break
    return statistics.median(times), len(times), result


def load_sets(fimi: str | None) -> dict:
    tx, _ = kit.data.datasets.online_retail(analysis="baskets", steps=["cancellation", "non_positive_quantity"])
    sets = {"Online Retail": kit.baskets(tx), "Groceries": kit.baskets(kit.data.datasets.path("groceries"))}
    if fimi:
        for name in ("chess", "mushroom", "retail", "T10I4D100K"):
            lines = (Path(fimi) / f"{name}.dat").read_text().splitlines()
            sets[name] = from_lists([line.split() for line in lines if line.strip()])  # labels as text
    return sets, tx


def pyfim_best(fim, rows, count: int, runs: int):
    """(seconds, algorithm name, result) of the fastest of pyfim's eclat, fpgrowth and apriori."""
    best = (math.inf, "", None)
    for name in ("eclat", "fpgrowth", "apriori"):
        miner = getattr(fim, name)
        seconds, _, result = median_time(lambda: miner(rows, supp=-count, zmin=1), runs, give_up=3 * best[0])
        if seconds < best[0]:
            best = (seconds, name, result)
    return best


def as_dict(table) -> dict:
    return dict(zip(table["itemsets"], table["support"]))


def mining_table(sets: dict, runs: int, mlxtend_limit: float) -> list[str]:
    from mlxtend.frequent_patterns import fpgrowth

    try:
        import fim
    except ImportError:
        fim = None
        print("pyfim is not installed (pip install pyfim): its columns are left empty")
    lines = ["| data | min_support | itemsets | kit s | kit table s | pyfim best s (algorithm) | kit / pyfim | "
             "mlxtend s | mlxtend / kit table | same |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name, b in sets.items():
        rows = [b.matrix.indices[b.matrix.indptr[i]:b.matrix.indptr[i + 1]].tolist() for i in range(b.n_baskets)]
        labels = b.items.tolist()
        frame = b.to_frame()
        mlxtend_seconds = 0.0
        for min_support in PLANS[name]:
            kit_s, _, mined = median_time(lambda: kit.basket.mine_itemsets(b, min_support, max_itemsets=CAP), runs)
            table_s, _, ours = median_time(lambda: kit.frequent_itemsets(b, min_support, max_itemsets=CAP), runs)
            if not mined.itemsets.equals(ours):
                raise AssertionError(f"{name} {min_support}: mine_itemsets and frequent_itemsets differ")
            del mined
            reference, note = None, ""
            fim_cell = ratio_fim = ""
            if fim is not None:
                count = kit.basket.min_count(min_support, b.n_baskets)
                fim_s, algorithm, found = pyfim_best(fim, rows, count, runs)
                fim_cell, ratio_fim = f"{fim_s:.3f} ({algorithm})", f"{kit_s / fim_s:.2f}"
                theirs = {frozenset(labels[i] for i in itemset): c / b.n_baskets for itemset, c in found}
                missing = as_dict(ours).keys() - theirs.keys()
                reference = theirs
                if missing and all(len(s) == 1 for s in missing):  # pyfim 6.28 drops an item held by every basket
                    note = f" (pyfim omits {len(missing)} item(s) held by every basket)"
                    theirs.update({s: 1.0 for s in missing})
                del found
            if mlxtend_seconds <= mlxtend_limit:
                mlxtend_seconds, made, result = median_time(
                    lambda: fpgrowth(frame, min_support=min_support, use_colnames=True), runs, give_up=mlxtend_limit)
                mlx_cell = f"{mlxtend_seconds:.2f}" + ("" if made == runs else f" ({made} run)")
                ratio_mlx = f"{mlxtend_seconds / table_s:.1f}"
                reference = as_dict(result)
                del result
            else:
                mlx_cell, ratio_mlx = "skipped (> 1 min)", ""
            same = "?" if reference is None else ("yes" if as_dict(ours) == reference else "NO")
            lines.append(f"| {name} | {min_support} | {len(ours):,} | {kit_s:.3f} | {table_s:.3f} | {fim_cell} | "
                         f"{ratio_fim} | "
                         f"{mlx_cell} | {ratio_mlx} | {same}{note} |")
            print(lines[-1], flush=True)
            del ours, reference
    return lines


def conversion_table(tx, b, runs: int) -> list[str]:
    convert, _, _ = median_time(lambda: kit.baskets(tx), runs)
    mine, _, _ = median_time(lambda: kit.frequent_itemsets(b, 0.02), runs)
    return ["| Online Retail | seconds |", "|---|---|", f"| kit.baskets(transactions) ({len(tx):,} lines) | "
            f"{convert:.3f} |", f"| kit.frequent_itemsets(baskets, 0.02) | {mine:.3f} |",
            f"| conversion / mining | {convert / mine:.1f} |"]


def rules_table(sets: dict, runs: int) -> list[str]:
    from mlxtend.frequent_patterns import association_rules

    lines = ["| data | min_support | rules (every split) | kit s | kit from table s | mlxtend s | mlxtend / kit | "
             "mlxtend / kit from table |", "|---|---|---|---|---|---|---|---|"]
    sizes = []
    for name, min_support in (("Groceries", 0.002), ("Groceries", 0.001), ("Online Retail", 0.005),
                              ("Groceries", 0.0005)):
        mined = kit.basket.mine_itemsets(sets[name], min_support)
        table = mined.itemsets
        kit_s, _, rules = median_time(lambda: kit.association_rules(mined, min_threshold=0.0, consequents="any",
                                                                            max_rules=CAP),
                                      runs)
        table_s, _, same = median_time(lambda: kit.association_rules(table, mined.n_transactions, min_threshold=0.0,
                                                                     consequents="any", max_rules=CAP), runs)
        mlx_s, _, theirs = median_time(lambda: association_rules(table, num_itemsets=mined.n_transactions,
                                                                 metric="confidence", min_threshold=0.0), runs)
        ours = {(a, c): x for a, c, x in zip(rules.antecedents, rules.consequents, rules.confidence)}
        if not rules.equals(same) or len(ours) != len(theirs) or any(
                abs(ours[(a, c)] - x) > 1e-12 for a, c, x in zip(theirs.antecedents, theirs.consequents,
                                                                 theirs.confidence)):
            raise AssertionError(f"{name} {min_support}: the rules differ")
        sizes.append((len(rules), kit_s))
        lines.append(f"| {name} | {min_support} | {len(rules):,} | {kit_s:.3f} | {table_s:.3f} | {mlx_s:.3f} | "
                     f"{mlx_s / kit_s:.1f} | {mlx_s / table_s:.1f} |")
        print(lines[-1], flush=True)
    (r1, t1), (r2, t2) = min(sizes), max(sizes)
    lines.append(f"\nGrowth of the kit's rule time with the number of rules ({r1:,} -> {r2:,} rules): exponent "
                 f"{math.log(t2 / t1) / math.log(r2 / r1):.2f} (1 = linear)")
    return lines


FIRST_CALL = """
import time
start = time.perf_counter()
import kit
from kit.basket import mining
b = kit.baskets(kit.data.datasets.path("groceries"))
ready = time.perf_counter()
mining._compiled()
imported = time.perf_counter()
kit.frequent_itemsets(b, 0.01)
first = time.perf_counter()
kit.frequent_itemsets(b, 0.01)
second = time.perf_counter()
print(f"{imported - ready:.2f} {first - imported:.2f} {second - first:.4f}")
"""


def first_call_table() -> list[str]:
    """A fresh process, once with an empty numba cache (compiles) and once with the cache it left (loads)."""
    lines = ["| fresh process, Groceries at 0.01 | import numba + kernels s | first call s | second call s |",
             "|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, NUMBA_CACHE_DIR=cache)
        for what in ("empty cache: compiles", "cache present: loads"):
            out = subprocess.run([sys.executable, "-c", FIRST_CALL], env=env, capture_output=True, text=True,
                                 check=True).stdout.split()
            lines.append(f"| {what} | {out[0]} | {out[1]} | {out[2]} |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fimi", default=os.environ.get("KIT_FIMI_DIR"), help="folder of the FIMI .dat files")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mlxtend-limit", type=float, default=12.0)
    parser.add_argument("--sets", help="comma-separated names of the data sets to mine (default: all)")
    args = parser.parse_args()
    if not args.fimi:
        print("FIMI data sets skipped: give their folder with --fimi DIR or KIT_FIMI_DIR")
    sets, tx = load_sets(args.fimi)
    kit.frequent_itemsets(sets["Groceries"], 0.01)  # loads (or compiles) the kernel before timing
    out = ["## Frequent itemsets (median of %d runs)" % args.runs, ""]
    chosen = {k: v for k, v in sets.items() if not args.sets or k in args.sets.split(",")}
    out += mining_table(chosen, args.runs, args.mlxtend_limit)
    out += ["", "## Basket conversion", ""] + conversion_table(tx, sets["Online Retail"], args.runs)
    out += ["", "## Association rules, every candidate rule (consequents='any', min_threshold 0)", ""]
    out += rules_table(sets, args.runs)
    out += ["", "## First call of the compiled kernel", ""] + first_call_table()
    print("\n" + "\n".join(out))


if __name__ == "__main__":
    main()
