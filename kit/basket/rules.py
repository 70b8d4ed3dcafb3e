"""Association rules — 关联规则 — with every measure of mlxtend 0.25, significance and redundancy.

For a rule A ⇒ C over n baskets (supports as shares):

=====================  ====================================================================================
support                s(A∪C)
confidence             s(A∪C) / s(A)
lift                   confidence / s(C)
representativity       1 (no missing values)
leverage               s(A∪C) − s(A) s(C)
conviction             (1 − s(C)) / (1 − confidence); ``inf`` when confidence = 1
zhangs_metric          leverage / max(s(A∪C)(1 − s(A)), s(A)(s(C) − s(A∪C))); 0 when the denominator is 0
jaccard                s(A∪C) / (s(A) + s(C) − s(A∪C))
certainty              (confidence − s(C)) / (1 − s(C)); 0 when s(C) = 1
kulczynski             ½ (s(A∪C)/s(A) + s(A∪C)/s(C))
fisher_p               one-sided Fisher exact test of A and C occurring together more often than by chance
fisher_p_adjusted      ``fisher_p`` adjusted for the number of rules tested (Bonferroni by default)
is_redundant           a more general rule (a proper subset of A, the same C) has confidence at least as high
=====================  ====================================================================================

Rule shape: ``consequents="single"`` gives rules with one item on the right, as R's arules, pyfim and Spark do;
``"any"`` gives every split of each itemset, as mlxtend does. The counts differ, and the result says which it is
(``attrs["consequents"]``).

Every candidate rule is built before the thresholds apply, and their number is counted first
(:func:`rule_count`: *k* per itemset of *k* ≥ 2 items with one item on the right, 2^k − 2 with every split). More
than ``max_rules`` stops with a :class:`KitError` instead of exhausting memory; the default
``MAX_RULES = MEMORY_BUDGET // RULE_BYTES`` is 524,288 rules (512 MiB at 1 KiB per candidate rule: two frozensets,
three supports while building, a row of 15 measures; measured with tracemalloc on Online Retail's 86,926 rules at
min_support 0.005, about 560 bytes kept and 860 at peak per rule).
"""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pandas as pd
from scipy.stats import hypergeom

from ..errors import KitError
from .mining import MEMORY_BUDGET

#: Bytes per candidate rule: two frozensets, three supports, 15 measures (measured: ~560 kept, ~860 at peak).
RULE_BYTES = 1024
#: Default cap on the number of candidate rules: ``MEMORY_BUDGET // RULE_BYTES`` (see :mod:`kit.basket.mining`).
MAX_RULES = MEMORY_BUDGET // RULE_BYTES

METRICS = ("antecedent support", "consequent support", "support", "confidence", "lift", "representativity",
           "leverage", "conviction", "zhangs_metric", "jaccard", "certainty", "kulczynski")


def rule_metrics(s_ac, s_a, s_c) -> dict[str, np.ndarray]:
    """All of mlxtend 0.25's rule measures from the three supports, without division warnings."""
    s_ac, s_a, s_c = (np.asarray(v, dtype=float) for v in (s_ac, s_a, s_c))
    with np.errstate(divide="ignore", invalid="ignore"):
        confidence = s_ac / s_a
        leverage = s_ac - s_a * s_c
        conviction = np.where(confidence < 1.0, (1.0 - s_c) / (1.0 - np.minimum(confidence, 1.0 - 1e-300)), np.inf)
        denominator = np.maximum(s_ac * (1 - s_a), s_a * (s_c - s_ac))
        zhang = np.where(denominator == 0, 0.0, leverage / np.where(denominator == 0, 1.0, denominator))
        certainty = np.where(s_c == 1, 0.0, (confidence - s_c) / np.where(s_c == 1, 1.0, 1 - s_c))
        return {
            "antecedent support": s_a,
            "consequent support": s_c,
            "support": s_ac,
            "confidence": confidence,
            "lift": confidence / s_c,
            "representativity": np.ones_like(s_ac),
            "leverage": leverage,
            "conviction": conviction,
            "zhangs_metric": zhang,
            "jaccard": s_ac / (s_a + s_c - s_ac),
            "certainty": certainty,
            "kulczynski": (s_ac / s_a + s_ac / s_c) / 2,
        }


def fisher_p(count_ac, count_a, count_c, n) -> np.ndarray:
    """One-sided Fisher exact test p-value that A and C co-occur at least ``count_ac`` times by chance:
    ``P(X >= count_ac)`` for X hypergeometric (n baskets, ``count_a`` with A, ``count_c`` drawn)."""
    return hypergeom.sf(np.asarray(count_ac) - 1, n, np.asarray(count_a), np.asarray(count_c))


def adjust_p(p: np.ndarray, method: str = "bonferroni") -> np.ndarray:
    """Multiple-testing adjustment: ``"bonferroni"``, ``"holm"`` or ``"fdr_bh"`` (Benjamini-Hochberg).

    >>> adjust_p(np.array([0.01, 0.04, 0.03]), "holm").round(2).tolist()
    [0.03, 0.06, 0.06]
    """
    p = np.asarray(p, dtype=float)
    m = len(p)
    if m == 0:
        return p
    if method == "bonferroni":
        return np.minimum(p * m, 1.0)
    order = np.argsort(p, kind="stable")
    ranked = p[order]
    if method == "holm":
        adjusted = np.maximum.accumulate(ranked * (m - np.arange(m)))
    elif method == "fdr_bh":
        adjusted = np.minimum.accumulate((ranked * m / np.arange(1, m + 1))[::-1])[::-1]
    else:
        raise KitError(f"unknown adjustment {method!r}", hint="use 'bonferroni', 'holm' or 'fdr_bh'")
    out = np.empty(m)
    out[order] = np.minimum(adjusted, 1.0)
    return out


def rule_count(itemsets: pd.DataFrame, consequents: str = "any") -> int:
    """Number of candidate rules the itemsets give, before any threshold: :math:`\\sum_k k` over itemsets of
    :math:`k \\ge 2` items with ``consequents="single"``, :math:`\\sum_k (2^k - 2)` with ``"any"``.

    >>> table = pd.DataFrame({"itemsets": [frozenset("a"), frozenset("ab"), frozenset("abc")], "support": 1.0})
    >>> rule_count(table, "single"), rule_count(table, "any")
    (5, 8)
    """
    if consequents not in ("any", "single"):
        raise KitError(f"consequents must be 'any' or 'single', got {consequents!r}", hint="see the docstring")
    sizes = itemsets["itemsets"].map(len).to_numpy(dtype=np.int64)
    sizes = sizes[sizes >= 2]
    if consequents == "single":
        return int(sizes.sum())
    return sum(2 ** int(k) - 2 for k in sizes)


def association_rules(itemsets: pd.DataFrame, metric: str = "confidence", min_threshold: float = 0.8,
                      consequents: str = "any", n_transactions: int | None = None, p_adjust: str = "bonferroni",
                      num_itemsets: int | None = None, support_only: bool = False,
                      max_rules: int = MAX_RULES) -> pd.DataFrame:
    """Rules from frequent itemsets (mlxtend format) with every measure, significance and redundancy.

    ``n_transactions`` (mlxtend's ``num_itemsets``) is taken from ``itemsets.attrs`` when the kit mined them;
    without it the Fisher test columns are NaN. Rules are sorted by falling ``metric``. More than ``max_rules``
    candidate rules (:func:`rule_count`) raise a :class:`KitError` before any is built.

    >>> from kit.basket import frequent_itemsets
    >>> han = [["I1", "I2", "I5"], ["I2", "I4"], ["I2", "I3"], ["I1", "I2", "I4"], ["I1", "I3"], ["I2", "I3"],
    ...        ["I1", "I3"], ["I1", "I2", "I3", "I5"], ["I1", "I2", "I3"]]
    >>> rules = association_rules(frequent_itemsets(han, 2 / 9), min_threshold=0.7)
    >>> sorted(", ".join(sorted(a)) + " => " + ", ".join(sorted(c))
    ...        for a, c in zip(rules.antecedents, rules.consequents) if a | c == {"I1", "I2", "I5"})
    ['I1, I5 => I2', 'I2, I5 => I1', 'I5 => I1, I2']
    """
    if not {"support", "itemsets"} <= set(itemsets.columns):
        raise KitError("the itemsets table needs 'support' and 'itemsets' columns",
                       hint="compute it with kit.frequent_itemsets")
    if consequents not in ("any", "single"):
        raise KitError(f"consequents must be 'any' or 'single', got {consequents!r}", hint="see the docstring")
    if not support_only and metric not in METRICS:
        raise KitError(f"unknown metric {metric!r}", hint=f"use one of {', '.join(METRICS)}")
    n = n_transactions or num_itemsets or itemsets.attrs.get("n_transactions")
    candidates = rule_count(itemsets, consequents)
    if candidates > max_rules:
        mined = ", ".join(f"{k}={itemsets.attrs[k]}" for k in ("min_support", "max_len") if k in itemsets.attrs)
        raise KitError(
            f"{len(itemsets):,} itemsets{' (' + mined + ')' if mined else ''} of up to "
            f"{int(itemsets['itemsets'].map(len).max())} items give {candidates:,} candidate rules with "
            f"consequents={consequents!r}, more than max_rules={max_rules:,}: not built, they would exhaust memory",
            hint=f"raise min_support or set max_len when mining the itemsets, use consequents='single', or raise "
                 f"max_rules (default {MAX_RULES:,}: a {MEMORY_BUDGET // 2**20} MiB budget at {RULE_BYTES} bytes "
                 "per rule)")
    support = dict(zip(itemsets["itemsets"].map(frozenset), itemsets["support"].astype(float)))
    antecedents, consequent_sets, s_ac, s_a, s_c = [], [], [], [], []
    for itemset, sup in support.items():
        if len(itemset) < 2:
            continue
        sizes = [1] if consequents == "single" else range(1, len(itemset))
        for size in sizes:
            for right in combinations(sorted(itemset, key=str), size):
                c = frozenset(right)
                a = itemset - c
                if not support_only and (a not in support or c not in support):
                    raise KitError(f"the itemsets table lacks the support of {set(a) if a not in support else set(c)}",
                                   hint="pass all frequent itemsets (no max_len cut below the rules' length), or "
                                        "support_only=True")
                antecedents.append(a)
                consequent_sets.append(c)
                s_ac.append(sup)
                s_a.append(support.get(a, np.nan))
                s_c.append(support.get(c, np.nan))
    columns = ["antecedents", "consequents", *METRICS, "fisher_p", "fisher_p_adjusted", "is_redundant"]
    if not antecedents:
        return pd.DataFrame(columns=columns)
    rules = pd.DataFrame({"antecedents": antecedents, "consequents": consequent_sets})
    metrics = rule_metrics(s_ac, s_a, s_c)
    if support_only:
        metrics = {k: (v if k == "support" else np.full(len(v), np.nan)) for k, v in metrics.items()}
    for name in METRICS:
        rules[name] = metrics[name]
    rules = rules[rules[metric if not support_only else "support"] >= min_threshold - 1e-12].reset_index(drop=True)
    if n and not support_only and len(rules):
        count = lambda s: np.rint(np.asarray(s) * n)  # noqa: E731
        rules["fisher_p"] = fisher_p(count(rules["support"]), count(rules["antecedent support"]),
                                     count(rules["consequent support"]), n)
        rules["fisher_p_adjusted"] = adjust_p(rules["fisher_p"].to_numpy(), p_adjust)
    else:
        rules["fisher_p"] = np.nan
        rules["fisher_p_adjusted"] = np.nan
    rules["is_redundant"] = _redundant(rules, support) if not support_only else False
    rules = rules.sort_values([metric if not support_only else "support", "support"], ascending=False,
                              kind="stable").reset_index(drop=True)
    rules.attrs.update(n_transactions=n, consequents=consequents, metric=metric, min_threshold=min_threshold)
    return rules


def _redundant(rules: pd.DataFrame, support: dict) -> np.ndarray:
    """True where a proper non-empty subset of the antecedent gives the same consequent a confidence at least as
    high (arules' ``is.redundant``: improvement <= 0). Sub-rules are evaluated from the itemset supports, whether
    or not they passed the threshold."""
    flags = np.zeros(len(rules), dtype=bool)
    for k, (a, c, confidence) in enumerate(zip(rules["antecedents"], rules["consequents"], rules["confidence"])):
        if len(a) < 2:
            continue
        for size in range(1, len(a)):
            for sub in combinations(a, size):
                sub = frozenset(sub)
                if support[sub | c] / support[sub] >= confidence - 1e-12:
                    flags[k] = True
                    break
            if flags[k]:
                break
    return flags


def filter_rules(rules: pd.DataFrame, antecedent_contains=None, consequent_is=None) -> pd.DataFrame:
    """Rules whose antecedent contains all of ``antecedent_contains`` and/or whose consequent is exactly
    ``consequent_is`` (single items or iterables)."""
    mask = pd.Series(True, index=rules.index)
    if antecedent_contains is not None:
        wanted = {antecedent_contains} if isinstance(antecedent_contains, (str, int)) else set(antecedent_contains)
        mask &= rules["antecedents"].map(lambda a: wanted <= a)
    if consequent_is is not None:
        wanted = {consequent_is} if isinstance(consequent_is, (str, int)) else set(consequent_is)
        mask &= rules["consequents"].map(lambda c: c == wanted)
    return rules[mask]
