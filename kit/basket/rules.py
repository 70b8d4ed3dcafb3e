"""Association rules — 关联规则 — with every measure of mlxtend 0.25, significance and redundancy.

For a rule A ⇒ C over n baskets (supports as shares):

=====================  ====================================================================================
support                s(A∪C)
confidence             s(A∪C) / s(A)
lift                   confidence / s(C)
representativity       1 (no missing values); (n − m_AC) / n with ``null_values=True``
leverage               s(A∪C) − s(A) s(C)
conviction             (1 − s(C)) / (1 − confidence); ``inf`` when confidence = 1
zhangs_metric          leverage / max(s(A∪C)(1 − s(A)), s(A)(s(C) − s(A∪C))); 0 when the denominator is 0
jaccard                s(A∪C) / (s(A) + s(C) − s(A∪C))
certainty              (confidence − s(C)) / (1 − s(C)); 0 when s(C) = 1
kulczynski             ½ (s(A∪C)/s(A) + s(A∪C)/s(C))
fisher_p               one-sided Fisher exact test of A and C occurring together more often than by chance
fisher_p_adjusted      ``fisher_p`` adjusted for the number of rules tested (Bonferroni by default)
is_redundant           a more general rule (a proper subset of A, {} included, the same C) has confidence as high
=====================  ====================================================================================

Rule shape: ``consequents="single"`` gives rules with one item on the right, as R's arules, pyfim and Spark do;
``"any"`` gives every split of each itemset, as mlxtend does. The counts differ; the caller chose, so the caller
says which it is.

The number of baskets *n* (for the Fisher test) is given as in mlxtend, ``association_rules(itemsets, n, ...)``,
or comes with the itemsets when they are the kit's :class:`~kit.basket.mining.MinedItemsets`
(:func:`~kit.basket.mining.mine_itemsets`, :func:`~kit.basket.mining.itemsets_within_caps`). The rules are
mlxtend's DataFrame; no settings are kept in the table's metadata (pandas drops it on merge and concat).

Every candidate rule is built before the thresholds apply, and their number is counted first
(:func:`rule_count`: *k* per itemset of *k* ≥ 2 items with one item on the right, 2^k − 2 with every split). More
than ``max_rules`` stops with a :class:`KitError` instead of exhausting memory; the default
``MAX_RULES = MEMORY_BUDGET // RULE_BYTES`` is 524,288 rules (512 MiB at 1 KiB per candidate rule: two frozensets,
three supports while building, a row of 15 measures; measured with tracemalloc on Online Retail's 86,926 rules at
min_support 0.005, about 560 bytes kept and 860 at peak per rule).
"""

from __future__ import annotations

import numbers
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.stats import hypergeom

from ..errors import KitError, examples
from . import rule_kernels
from .itemsets import Itemsets, TableItemsets
from .mining import MEMORY_BUDGET, MinedItemsets, _bitsets, _compiled, _popcount

#: Bytes per candidate rule: two frozensets, three supports, 15 measures (measured: ~560 kept, ~860 at peak).
RULE_BYTES = 1024
#: Default cap on the number of candidate rules: ``MEMORY_BUDGET // RULE_BYTES`` (see :mod:`kit.basket.mining`).
MAX_RULES = MEMORY_BUDGET // RULE_BYTES

METRICS = ("antecedent support", "consequent support", "support", "confidence", "lift", "representativity",
           "leverage", "conviction", "zhangs_metric", "jaccard", "certainty", "kulczynski")


def rule_metrics(s_ac, s_a, s_c, n=None, missing=None) -> dict[str, np.ndarray]:
    """All of mlxtend 0.25's rule measures from the three supports, without division warnings.

    The formulas are those of the module docstring (support, confidence = s(A∪C)/s(A), lift = confidence/s(C),
    leverage = s(A∪C) − s(A)s(C), conviction, Zhang's metric, jaccard, certainty, kulczynski).

    Parameters
    ----------
    s_ac, s_a, s_c : array-like of float
        Supports of A∪C, A and C (shares of baskets).
    n : int, optional
        Number of baskets; needed with ``missing`` only.
    missing : dict of array-like, optional
        mlxtend's counts of baskets with unknown cells (``null_values=True``): ``ac``, ``a``, ``c`` (an unknown item
        of A∪C, A, C), ``c_given_a`` (C unknown, all of A held) and ``a_given_c``. Then confidence is
        :math:`s(A∪C)(n - m_{AC}) / (s(A)(n - m_A) - m_{C|A})`, representativity :math:`(n - m_{AC}) / n`, and
        kulczynski averages that confidence with the one of C ⇒ A, as mlxtend does.

    Returns
    -------
    dict of str to ndarray
        One array per measure of :data:`METRICS`.

    Examples
    --------
    >>> rule_metrics([0.4], [0.5], [0.8])["lift"].round(6).tolist()
    [1.0]
    """
    s_ac, s_a, s_c = (np.array(v, dtype=float) for v in (s_ac, s_a, s_c))  # None -> NaN
    with np.errstate(divide="ignore", invalid="ignore"):
        if missing is None:
            confidence, reverse = s_ac / s_a, s_ac / s_c
            representativity = np.ones_like(s_ac)
        else:
            m = {k: np.asarray(v, dtype=float) for k, v in missing.items()}
            confidence = s_ac * (n - m["ac"]) / (s_a * (n - m["a"]) - m["c_given_a"])
            reverse = s_ac * (n - m["ac"]) / (s_c * (n - m["c"]) - m["a_given_c"])
            representativity = (n - m["ac"]) / n
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
            "representativity": representativity,
            "leverage": leverage,
            "conviction": conviction,
            "zhangs_metric": zhang,
            "jaccard": s_ac / (s_a + s_c - s_ac),
            "certainty": certainty,
            "kulczynski": (confidence + reverse) / 2,
        }


def fisher_p(count_ac, count_a, count_c, n) -> np.ndarray:
    """One-sided Fisher exact test p-value that A and C co-occur at least ``count_ac`` times by chance.

    .. math:: p = P(X \\ge n_{AC}), \\quad X \\sim \\text{Hypergeometric}(n, n_A, n_C)

    Parameters
    ----------
    count_ac, count_a, count_c : array-like of int
        Baskets holding A∪C, A and C.
    n : int
        Number of baskets.

    Returns
    -------
    ndarray
        One p-value per rule; each distinct triple of counts is evaluated once.

    Examples
    --------
    >>> fisher_p([3], [3], [3], 6).round(4).tolist()  # 1 / C(6, 3)
    [0.05]
    """
    triples = np.stack(np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (count_ac, count_a, count_c))))
    kernels = _compiled()
    if kernels is not None and triples.ndim == 2 and triples.shape[1]:
        return kernels.hypergeom_sf(np.ascontiguousarray(triples[0]), float(n), np.ascontiguousarray(triples[1]),
                                    np.ascontiguousarray(triples[2]))
    if triples.ndim == 1:
        return hypergeom.sf(triples[0] - 1, n, triples[1], triples[2])
    distinct, back = np.unique(triples, axis=1, return_inverse=True)
    return hypergeom.sf(distinct[0] - 1, n, distinct[1], distinct[2])[np.ravel(back)]


def adjust_p(p: np.ndarray, method: str = "bonferroni") -> np.ndarray:
    """Multiple-testing adjustment of p-values.

    Bonferroni: :math:`\\min(1, m p_i)`; Holm: the step-down :math:`\\max_{j \\le i} (m - j + 1) p_{(j)}`;
    Benjamini-Hochberg (``"fdr_bh"``): the step-up :math:`\\min_{j \\ge i} m p_{(j)} / j`.

    Parameters
    ----------
    p : array-like of float
        p-values of the m tests.
    method : {"bonferroni", "holm", "fdr_bh"}

    Returns
    -------
    ndarray
        Adjusted p-values, at most 1, in the order of ``p``.

    Examples
    --------
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


def _found(itemsets) -> Itemsets:
    """The :class:`~kit.basket.itemsets.Itemsets` of a :class:`MinedItemsets`, or a table wrapped as one."""
    if isinstance(itemsets, Itemsets):
        return itemsets
    return itemsets.found if isinstance(itemsets, MinedItemsets) else TableItemsets(itemsets)


def _check_shape(consequents: str, min_len) -> None:
    if consequents not in ("any", "single"):
        raise KitError(f"consequents must be 'any' or 'single', got {consequents!r}", hint="see the docstring")
    if isinstance(min_len, bool) or not isinstance(min_len, numbers.Integral) or min_len < 1:
        raise KitError(f"min_len must be a whole number of items of at least 1, got {min_len!r}",
                       hint="2 (the default): rules with an antecedent; 1 adds arules' rules {} => C")


def rule_count(itemsets: pd.DataFrame | MinedItemsets, consequents: str = "any", min_len: int = 2) -> int:
    """Number of candidate rules the itemsets give, before any threshold.

    :math:`\\sum_k k` over itemsets of :math:`k \\ge \\max(2, \\text{min\\_len})` items with
    ``consequents="single"``, :math:`\\sum_k (2^k - 2)` with ``"any"``; ``min_len=1`` adds one rule {} ⇒ X per single
    item (``"single"``) or per itemset (``"any"``).

    Parameters
    ----------
    itemsets : DataFrame or MinedItemsets
        Frequent itemsets (an ``itemsets`` column of frozensets).
    consequents : {"any", "single"}
    min_len : int

    Returns
    -------
    int

    Examples
    --------
    >>> table = pd.DataFrame({"itemsets": [frozenset("a"), frozenset("ab"), frozenset("abc")], "support": 1.0})
    >>> rule_count(table, "single"), rule_count(table, "any"), rule_count(table, "single", min_len=1)
    (5, 8, 6)
    """
    _check_shape(consequents, min_len)
    sizes = _found(itemsets).size_counts()
    empty = (int(sizes[1:2].sum()) if consequents == "single" else int(sizes[1:].sum())) if min_len <= 1 else 0
    per_itemset = (lambda k: k) if consequents == "single" else (lambda k: 2 ** k - 2)  # noqa: E731
    return sum(per_itemset(k) * int(sizes[k]) for k in range(max(2, min_len), len(sizes))) + empty


def association_rules(df: pd.DataFrame | MinedItemsets, num_itemsets: int | None = None,
                      df_orig: pd.DataFrame | None = None, null_values: bool = False, metric: str = "confidence",
                      min_threshold: float = 0.8, support_only: bool = False, return_metrics=METRICS, *,
                      consequents: str = "any", min_len: int = 2, p_adjust: str = "bonferroni",
                      max_rules: int = MAX_RULES) -> pd.DataFrame:
    """Rules from frequent itemsets (mlxtend format) with every measure, significance and redundancy.

    The positional arguments are mlxtend ≥ 0.23's ``association_rules(df, num_itemsets, df_orig, null_values,
    metric, min_threshold, support_only, return_metrics)``; the kit's own options are keyword-only.

    Parameters
    ----------
    df : DataFrame or MinedItemsets
        Frequent itemsets with ``support`` and ``itemsets`` columns, or the kit's
        :class:`~kit.basket.mining.MinedItemsets`, which also gives the number of baskets.
    num_itemsets : int, optional
        Number of baskets (mlxtend's name). Default: ``df.n_transactions`` for a ``MinedItemsets``, else
        ``len(df_orig)``; without it the Fisher test columns are NaN.
    df_orig, null_values
        With ``null_values=True``, the one-hot DataFrame the itemsets were mined from, NaN where unknown: the
        measures are mlxtend's missing-value-aware ones (see :func:`rule_metrics`); the Fisher test is not
        defined then (NaN).
    metric, min_threshold
        Rules with ``metric >= min_threshold`` (less 1e-12 for floating-point error) are kept; sorted by it.
    support_only : bool
        Only the rule support (the other measures NaN); itemset tables without their subsets are accepted.
    return_metrics : sequence of str
        Measure columns to return, in this order (default all of :data:`METRICS`).
    consequents : {"any", "single"}
        Every split of each itemset (mlxtend) or one item on the right (arules, pyfim, Spark).
    min_len : int
        Fewest items in a rule (antecedent and consequent), as arules' ``minlen``. 1 adds the rules {} ⇒ C
        (confidence s(C)) that arules' default ``minlen = 1`` gives.
    p_adjust : {"bonferroni", "holm", "fdr_bh"}
        Adjustment of ``fisher_p`` for the number of rules kept.
    max_rules : int
        More candidate rules (:func:`rule_count`) raise a :class:`KitError` before any is built.

    Returns
    -------
    DataFrame
        ``antecedents``, ``consequents``, the ``return_metrics`` (formulas in the module docstring), then
        ``fisher_p``, ``fisher_p_adjusted`` and ``is_redundant`` (:func:`is_redundant`). Without rules it has these
        columns, all of dtype object, as mlxtend's. The call's settings (``consequents``, ``metric``...) are the
        caller's; none is stored in the table's metadata.

    Examples
    --------
    >>> from kit.basket import frequent_itemsets, mine_itemsets
    >>> han = [["I1", "I2", "I5"], ["I2", "I4"], ["I2", "I3"], ["I1", "I2", "I4"], ["I1", "I3"], ["I2", "I3"],
    ...        ["I1", "I3"], ["I1", "I2", "I3", "I5"], ["I1", "I2", "I3"]]
    >>> rules = association_rules(frequent_itemsets(han, 2 / 9), 9, min_threshold=0.7)  # as mlxtend
    >>> same = association_rules(mine_itemsets(han, 2 / 9), min_threshold=0.7)  # the count comes with them
    >>> rules.equals(same)
    True
    >>> sorted(", ".join(sorted(a)) + " => " + ", ".join(sorted(c))
    ...        for a, c in zip(rules.antecedents, rules.consequents) if a | c == {"I1", "I2", "I5"})
    ['I1, I5 => I2', 'I2, I5 => I1', 'I5 => I1, I2']
    """
    mined = df if isinstance(df, MinedItemsets) else None
    if mined and num_itemsets is not None and num_itemsets != mined.n_transactions:
        raise KitError(f"num_itemsets={num_itemsets} but the itemsets were mined from {mined.n_transactions:,} "
                       "baskets", hint="leave num_itemsets out: the MinedItemsets gives it")
    if isinstance(num_itemsets, str):
        raise KitError(f"num_itemsets must be the number of baskets, got the string {num_itemsets!r}",
                       hint=f"since mlxtend 0.23 the metric is the fifth argument: metric={num_itemsets!r}")
    found = _found(df)
    _check_shape(consequents, min_len)
    return_metrics = list(return_metrics)
    unknown = [m for m in [*return_metrics, *([] if support_only else [metric])] if m not in METRICS]
    if unknown:
        raise KitError(f"unknown metric {unknown[0]!r}", hint=f"use one of {', '.join(METRICS)}")
    if isinstance(min_threshold, (bool, np.bool_)) or not isinstance(min_threshold, numbers.Real):
        raise KitError(f"min_threshold must be a number, got {min_threshold!r}", hint="e.g. min_threshold=0.5")
    if null_values and df_orig is None:
        raise KitError("null_values=True needs df_orig, the one-hot DataFrame the itemsets were mined from",
                       hint="association_rules(itemsets, len(df), df, null_values=True)")
    metric = "support" if support_only else metric
    n = num_itemsets or (mined.n_transactions if mined else None) or (len(df_orig) if df_orig is not None else None)
    candidates = rule_count(found, consequents, min_len)
    if candidates > max_rules:
        how = f" (min_support={mined.min_support}, max_len={mined.max_len})" if mined else ""
        raise KitError(
            f"{len(found):,} itemsets{how} of up to {len(found.size_counts()) - 1} items give {candidates:,} "
            f"candidate rules with consequents={consequents!r}, more than max_rules={max_rules:,}: not built, they "
            "would exhaust memory",
            hint=f"raise min_support or set max_len when mining the itemsets, use consequents='single', or raise "
                 f"max_rules (default {MAX_RULES:,}: a {MEMORY_BUDGET // 2**20} MiB budget at {RULE_BYTES} bytes "
                 "per rule)")
    codes, start, support, labels = found.encoded()
    table = _indexed(codes, start, labels)
    rule_itemset, antecedent, consequent, lacking, lacking_length = rule_kernels.split_rules(
        codes, start, table, consequents == "single", min_len, min_len <= 1, candidates)
    if not support_only and lacking_length:
        raise KitError(f"the itemsets table lacks the support of {set(labels[lacking[:lacking_length]])}",
                       hint="pass all frequent itemsets (no max_len cut below the rules' length), or "
                            "support_only=True")
    with_empty = np.append(support, 1.0)  # index -1 (the empty antecedent): support 1
    s_a = np.where(antecedent == rule_kernels.ABSENT, np.nan, with_empty[antecedent])
    s_c = np.where(consequent == rule_kernels.ABSENT, np.nan, with_empty[consequent])
    columns = ["antecedents", "consequents", *return_metrics, "fisher_p", "fisher_p_adjusted", "is_redundant"]
    missing = _MissingCounts(df_orig, found, n) if null_values and len(rule_itemset) else None
    counts = missing.of(found.frozensets(antecedent), found.frozensets(consequent)) if missing else None
    metrics = rule_metrics(support[rule_itemset], s_a, s_c, n, counts)
    if support_only:
        metrics = {k: (v if k == "support" else np.full(len(v), np.nan)) for k, v in metrics.items()}
    keep = np.flatnonzero(metrics[metric] >= float(min_threshold) - 1e-12)
    if not len(keep):
        return pd.DataFrame(columns=columns)
    if support_only and "support" not in return_metrics:
        return_metrics.append("support")  # as mlxtend: the support column after the others
    order = keep[np.lexsort((-metrics["support"][keep], -metrics[metric][keep]))]
    antecedent, consequent = antecedent[order], consequent[order]
    metrics = {name: values[order] for name, values in metrics.items()}
    rules = pd.DataFrame({"antecedents": found.frozensets(antecedent), "consequents": found.frozensets(consequent)})
    for name in return_metrics:
        rules[name] = metrics[name]
    if n and not support_only and not null_values:
        count = lambda s: np.rint(np.asarray(s) * n)  # noqa: E731
        rules["fisher_p"] = fisher_p(count(metrics["support"]), count(metrics["antecedent support"]),
                                     count(metrics["consequent support"]), n)
        rules["fisher_p_adjusted"] = adjust_p(rules["fisher_p"].to_numpy(), p_adjust)
    else:
        rules["fisher_p"] = np.nan
        rules["fisher_p_adjusted"] = np.nan
    if support_only:
        rules["is_redundant"] = False
    elif missing:
        rules["is_redundant"] = _redundant(list(rules["antecedents"]), list(rules["consequents"]),
                                           metrics["confidence"], metrics["consequent support"], missing.confidence)
    else:
        rules["is_redundant"] = rule_kernels.redundant_rules(
            codes, start, support, table, *rule_kernels.gather(codes, start, antecedent),
            *rule_kernels.gather(codes, start, consequent), metrics["confidence"], metrics["consequent support"])
    return rules


def _indexed(codes: np.ndarray, start: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The rule kernels' hash table of the itemsets; an itemset listed twice is an error."""
    table, twice = rule_kernels.index_itemsets(codes, start)
    if twice >= 0:
        raise KitError(f"the itemsets table lists {set(labels[codes[start[twice]:start[twice + 1]]])} twice",
                       hint="pass each frequent itemset once, as kit.frequent_itemsets gives them")
    return table


class _MissingCounts:
    """mlxtend's counts of baskets with unknown cells for rules A ⇒ C, from ``df_orig`` (NaN = unknown), with
    one bitset per column of held (== 1) and of unknown cells."""

    def __init__(self, df_orig: pd.DataFrame, found: Itemsets, n: int):
        from .mining import _one_hot_with_missing

        support = dict(zip(found.frozensets(np.arange(len(found))), found.encoded()[2]))
        ones, unknown, labels = _one_hot_with_missing(df_orig)
        items = {i for s in support for i in s}
        if items <= set(labels) and not all(isinstance(i, numbers.Integral) for i in items):
            self.column = {label: j for j, label in enumerate(labels)}
        elif all(isinstance(i, numbers.Integral) and 0 <= i < len(labels) for i in items):
            self.column = {i: int(i) for i in items}
        else:
            example = next(iter(i for i in items if i not in labels), next(iter(items)))
            raise KitError(f"df_orig has no column for item {example!r} of the itemsets (columns: "
                           f"{examples(labels)}...)", hint="pass the one-hot DataFrame the itemsets were mined from")
        self.ones, self.unknown = _bitsets(sparse.csr_matrix(ones), np.arange(len(labels))), \
            _bitsets(sparse.csr_matrix(unknown), np.arange(len(labels)))
        self.words = self.ones.shape[1]
        self.n, self.support, self.cache = n, support, {}

    def _bits(self, itemset: frozenset):
        """(all held, any unknown) bitsets of an itemset; the empty set is held everywhere."""
        if itemset not in self.cache:
            columns = [self.column[i] for i in itemset]
            held = np.bitwise_and.reduce(self.ones[columns], axis=0) if columns else \
                np.full(self.words, np.iinfo(np.uint64).max, dtype=np.uint64)
            unknown = np.bitwise_or.reduce(self.unknown[columns], axis=0) if columns else \
                np.zeros(self.words, dtype=np.uint64)
            self.cache[itemset] = held, unknown
        return self.cache[itemset]

    def of(self, antecedents: list, consequent_sets: list) -> dict[str, np.ndarray]:
        out = {k: np.zeros(len(antecedents)) for k in ("ac", "a", "c", "c_given_a", "a_given_c")}
        for k, (a, c) in enumerate(zip(antecedents, consequent_sets)):
            held_a, unknown_a = self._bits(a)
            held_c, unknown_c = self._bits(c)
            out["ac"][k] = _popcount(unknown_a | unknown_c)
            out["a"][k] = _popcount(unknown_a)
            out["c"][k] = _popcount(unknown_c)
            out["c_given_a"][k] = _popcount(unknown_c & held_a)
            out["a_given_c"][k] = _popcount(unknown_a & held_c)
        return out

    def confidence(self, a: frozenset, c: frozenset) -> float:
        s_a = 1.0 if not a else self.support[a]
        return float(rule_metrics([self.support[a | c]], [s_a], [self.support[c]], self.n,
                                  self.of([a], [c]))["confidence"][0])


def _redundant(antecedents: list, consequent_sets: list, confidence: np.ndarray, consequent_support: np.ndarray,
               sub_confidence) -> np.ndarray:
    """:func:`is_redundant` for rules whose confidence needs more than supports: ``sub_confidence(a, c)`` gives
    that of a more general rule (mlxtend's missing-value-aware one, ``null_values=True``); rules from supports
    alone go through :func:`kit.basket.rule_kernels.redundant_rules`."""
    sizes = np.fromiter((len(a) for a in antecedents), dtype=np.int64, count=len(antecedents))
    flags = (sizes >= 1) & (consequent_support >= confidence - 1e-12)  # {} => C has confidence s(C)
    for k in np.flatnonzero(~flags & (sizes >= 2)):
        a, c, level = antecedents[k], consequent_sets[k], confidence[k] - 1e-12
        flags[k] = any(sub_confidence(frozenset(sub), c) >= level
                       for size in range(1, len(a)) for sub in combinations(a, size))
    return flags


def is_redundant(rules: pd.DataFrame, itemsets: pd.DataFrame | MinedItemsets | None = None) -> pd.Series:
    """arules' ``is.redundant``: a rule A ⇒ C is redundant when a more general rule A' ⇒ C (A' a proper subset of
    A, the empty set included, whose rule {} ⇒ C has confidence s(C)) has a confidence at least as high,

    .. math:: \\exists A' \\subsetneq A : \\text{conf}(A' \\Rightarrow C) \\ge \\text{conf}(A \\Rightarrow C),

    i.e. Bayardo's improvement is ≤ 0.

    Parameters
    ----------
    rules : DataFrame
        Rules as :func:`association_rules` returns them.
    itemsets : DataFrame or MinedItemsets, optional
        The itemsets the rules came from; the more general rules are evaluated from their supports whether or not
        they are among ``rules``. Default: the rules' own supports, which hold every subset when ``rules`` came from
        :func:`association_rules` with ``min_threshold=0``.

    Returns
    -------
    Series of bool
        ``is_redundant``, on the index of ``rules``.

    Examples
    --------
    >>> from kit.basket import frequent_itemsets
    >>> found = frequent_itemsets([["beer", "chips"], ["beer"], ["chips"], ["beer", "chips"]], 0.25)
    >>> rules = association_rules(found, min_threshold=0)
    >>> is_redundant(rules, found).tolist()  # beer => chips: 2/3, and {} => chips: 3/4
    [True, True]
    """
    if itemsets is None:
        support = {frozenset(a): s for a, s in zip(rules["antecedents"], rules["antecedent support"])}
        support.update(zip(rules["consequents"], rules["consequent support"]))
        support.update((a | c, s) for a, c, s in zip(rules["antecedents"], rules["consequents"], rules["support"]))
        support.pop(frozenset(), None)
        found = TableItemsets(pd.DataFrame({"support": list(support.values()), "itemsets": list(support)}))
    else:
        found = _found(itemsets)
    codes, start, support, labels = found.encoded()
    flags = rule_kernels.redundant_rules(codes, start, support, _indexed(codes, start, labels),
                                         *found.codes_of(rules["antecedents"]), *found.codes_of(rules["consequents"]),
                                         rules["confidence"].to_numpy(dtype=float),
                                         rules["consequent support"].to_numpy(dtype=float))
    return pd.Series(flags, index=rules.index, name="is_redundant")


def filter_rules(rules: pd.DataFrame, antecedent_contains=None, consequent_is=None) -> pd.DataFrame:
    """Rules whose antecedent contains all of ``antecedent_contains`` and/or whose consequent is exactly
    ``consequent_is``.

    Parameters
    ----------
    rules : DataFrame
        Rules as :func:`association_rules` returns them.
    antecedent_contains : item or iterable of items, optional
    consequent_is : item or iterable of items, optional

    Returns
    -------
    DataFrame
        The matching rows of ``rules``.

    Examples
    --------
    >>> from kit.basket import mine_itemsets
    >>> rules = association_rules(mine_itemsets([["tea", "milk"], ["tea", "milk"], ["tea"]], 0.5), min_threshold=0.5)
    >>> filter_rules(rules, antecedent_contains="tea", consequent_is="milk")["confidence"].round(3).tolist()
    [0.667]
    """
    mask = pd.Series(True, index=rules.index)
    if antecedent_contains is not None:
        wanted = {antecedent_contains} if isinstance(antecedent_contains, (str, int)) else set(antecedent_contains)
        mask &= rules["antecedents"].map(lambda a: wanted <= a)
    if consequent_is is not None:
        wanted = {consequent_is} if isinstance(consequent_is, (str, int)) else set(consequent_is)
        mask &= rules["consequents"].map(lambda c: c == wanted)
    return rules[mask]
