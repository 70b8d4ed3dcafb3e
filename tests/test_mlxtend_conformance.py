"""The kit against mlxtend itself: the same calls (positional and keyword, as mlxtend's docs show) on
hypothesis-generated one-hot DataFrames, compared exactly.

Row order is not compared (the kit sorts itemsets by length and support and rules by the metric; mlxtend keeps its
mining order); columns, dtypes, itemsets, supports (1e-12) and rule measures (1e-12) are. Two documented differences
are kept out of the generated cases rather than hidden: mlxtend's ``fpgrowth``/``fpmax`` count threshold is
``ceil(min_support * n)`` without tolerance (0.3 * 10 = 3.0000000000000004 demands 4 baskets; the kit, like mlxtend's
``apriori``, keeps itemsets in exactly 30 %: see the support boundary test in test_basket.py), and the kit keeps
rules within 1e-12 below ``min_threshold`` (floating-point error), which mlxtend drops.
"""

import json
import math
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mlxtend import frequent_patterns as mlx

from kit import basket

SUPPORTS = [0.05, 0.1, 0.17, 0.25, 0.3, 0.5]
baskets_lists = st.lists(st.lists(st.integers(0, 7), max_size=6), min_size=1, max_size=40)


def _frame(lists, kind, labels):
    columns = [f"item{i}" for i in range(8)] if labels else list(range(8))
    frame = pd.DataFrame([[i in set(b) for i in range(8)] for b in lists], columns=columns)
    if kind == "int":
        frame = frame.astype(int)
    elif kind == "sparse":
        frame = frame.astype(pd.SparseDtype(bool, False))
    return frame


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn(*args, **kwargs)


def _assert_same_itemsets(ours, theirs, dtypes=True):
    """``dtypes=False`` for mlxtend's ``hmine``, whose support column is of dtype object (the kit's: float)."""
    assert list(ours.columns) == list(theirs.columns) == ["support", "itemsets"]
    assert ours.attrs == {}  # mlxtend's DataFrame and nothing else: the basket count is passed, as in mlxtend
    assert not dtypes or ours.dtypes.tolist() == theirs.dtypes.tolist()
    expected = dict(zip(theirs["itemsets"], theirs["support"]))
    found = dict(zip(ours["itemsets"], ours["support"]))
    assert found.keys() == expected.keys()
    for itemset, support in expected.items():
        assert found[itemset] == pytest.approx(support, rel=1e-12, abs=1e-12)
    for itemset in ours["itemsets"]:
        assert all(type(i) in (int, str) for i in itemset)
        json.dumps(list(itemset))


def _no_fpgrowth_boundary(min_support, n):
    return math.ceil(min_support * n) == basket.min_count(min_support, n)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(baskets_lists, st.sampled_from(["bool", "int", "sparse"]), st.booleans(), st.sampled_from(SUPPORTS),
       st.sampled_from([None, 1, 2, 3]), st.booleans())
def test_apriori_and_hmine_signatures(lists, kind, use_colnames, min_support, max_len, low_memory):
    frame = _frame(lists, kind, labels=use_colnames)
    theirs = _quiet(mlx.apriori, frame, min_support, use_colnames, max_len, 0, low_memory)
    _assert_same_itemsets(basket.apriori(frame, min_support, use_colnames, max_len, 0, low_memory), theirs)
    _assert_same_itemsets(basket.frequent_itemsets(frame, min_support, use_colnames, max_len, 0, low_memory), theirs)
    keywords = dict(min_support=np.float64(min_support), use_colnames=use_colnames, max_len=max_len, verbose=0,
                    low_memory=low_memory, n_jobs=1)
    _assert_same_itemsets(basket.apriori(frame, **keywords), _quiet(mlx.apriori, frame, **keywords))
    theirs = _quiet(mlx.hmine, frame, min_support, use_colnames, max_len, 0)
    _assert_same_itemsets(basket.hmine(frame, min_support, use_colnames, max_len, 0), theirs, dtypes=len(theirs) == 0)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(baskets_lists, st.sampled_from(["bool", "int", "sparse"]), st.booleans(), st.sampled_from(SUPPORTS),
       st.sampled_from([None, 1, 2, 3]))
def test_fpgrowth_and_fpmax_signatures(lists, kind, use_colnames, min_support, max_len):
    assume(_no_fpgrowth_boundary(min_support, len(lists)))
    frame = _frame(lists, kind, labels=use_colnames)
    for ours, theirs in ((basket.fpgrowth, mlx.fpgrowth), (basket.fpmax, mlx.fpmax)):
        expected = _quiet(theirs, frame, min_support, False, use_colnames, max_len, 0)
        _assert_same_itemsets(ours(frame, min_support, False, use_colnames, max_len, 0), expected)
        keywords = dict(min_support=min_support, null_values=False, use_colnames=use_colnames, max_len=max_len)
        _assert_same_itemsets(ours(frame, **keywords), _quiet(theirs, frame, **keywords))


def _rule_keys(rules):
    return [(frozenset(a), frozenset(c)) for a, c in zip(rules["antecedents"], rules["consequents"])]


def _assert_same_rules(ours, theirs, metric, min_threshold, measured=None):
    """``measured``: the same rules with every measure, for the threshold metric when ``ours`` does not return it."""
    prefix = list(theirs.columns)
    assert list(ours.columns) == prefix + ["fisher_p", "fisher_p_adjusted", "is_redundant"]
    assert ours.attrs == {}
    if not len(theirs) and not len(ours):
        assert ours.dtypes.tolist()[:len(prefix)] == theirs.dtypes.tolist()  # all object, as mlxtend's
        return
    expected = dict(zip(_rule_keys(theirs), range(len(theirs))))
    found = dict(zip(_rule_keys(ours), range(len(ours))))
    extra = found.keys() - expected.keys()
    assert expected.keys() <= found.keys()
    # only rules within floating-point error of the threshold may be kept beyond mlxtend's
    if extra:
        source = ours if metric in ours else measured
        values = dict(zip(_rule_keys(source), source[metric]))
        assert all(min_threshold - 1e-12 <= values[k] < min_threshold for k in extra)
    ours = ours.iloc[[found[k] for k in expected]]
    assert ours.dtypes.tolist()[:len(prefix)] == theirs.dtypes.tolist()
    for column in prefix[2:]:
        np.testing.assert_allclose(ours[column].to_numpy(float), theirs[column].to_numpy(float), rtol=1e-12,
                                   atol=1e-12, err_msg=column)
    for rules in (ours, theirs):
        for a, c in zip(rules["antecedents"], rules["consequents"]):
            json.dumps([list(a), list(c)])


METRIC_CHOICES = [("confidence", 0.5), ("confidence", 0.8), ("lift", 1.0), ("leverage", 0.0),
                  ("conviction", 1.2), ("zhangs_metric", 0.1), ("support", 0.1), ("jaccard", 0.3),
                  ("certainty", 0.2), ("kulczynski", 0.5), ("representativity", 1.0)]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(baskets_lists, st.sampled_from(["bool", "int", "sparse"]), st.booleans(), st.sampled_from(SUPPORTS[:4]),
       st.sampled_from(METRIC_CHOICES), st.booleans(), st.sampled_from([None, ["support", "lift"],
                                                                         ["confidence", "antecedent support"]]))
def test_association_rules_signature(lists, kind, use_colnames, min_support, choice, support_only, return_metrics):
    frame = _frame(lists, kind, labels=use_colnames)
    itemsets = _quiet(mlx.apriori, frame, min_support, use_colnames)
    assume(len(itemsets))
    metric, min_threshold = choice
    n = len(frame)
    metrics = return_metrics or list(basket.METRICS)
    positional = (itemsets, n, None, False, metric, min_threshold, support_only, metrics)
    theirs = _quiet(mlx.association_rules, *positional)
    measured = basket.association_rules(*positional[:-1], list(basket.METRICS))
    _assert_same_rules(basket.association_rules(*positional), theirs, "support" if support_only else metric,
                       min_threshold, measured)
    keywords = dict(num_itemsets=n, metric=metric, min_threshold=min_threshold, support_only=support_only)
    if return_metrics:
        keywords["return_metrics"] = return_metrics
    theirs = _quiet(mlx.association_rules, itemsets, **keywords)
    ours = basket.association_rules(basket.frequent_itemsets(frame, min_support, use_colnames), **keywords)
    _assert_same_rules(ours, theirs, "support" if support_only else metric, min_threshold, measured)


missing_cells = st.lists(st.lists(st.sampled_from([0.0, 1.0, 1.0, np.nan]), min_size=4, max_size=4), min_size=2,
                         max_size=14)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(missing_cells, st.booleans(), st.sampled_from([0.1, 0.2, 0.3, 0.45]), st.sampled_from(METRIC_CHOICES[:4]))
def test_missing_values_as_mlxtend(rows, use_colnames, min_support, choice):
    frame = pd.DataFrame(rows, columns=list("abcd") if use_colnames else list(range(4)))
    assume(frame.isna().any().any() and _no_fpgrowth_boundary(min_support, len(frame)))
    theirs = _quiet(mlx.fpgrowth, frame, min_support, True, use_colnames)
    ours = basket.fpgrowth(frame, min_support, True, use_colnames)
    _assert_same_itemsets(ours, theirs)
    assume(len(theirs))
    metric, min_threshold = choice
    call = (len(frame), frame, True, metric, min_threshold)
    try:
        expected = _quiet(mlx.association_rules, theirs, *call)
    except KeyError:  # missing-value-aware supports need not be downward closed: a subset can fall below
        with pytest.raises(ValueError, match="the itemsets table lacks the support of"):
            basket.association_rules(theirs, *call)
        return
    found = basket.association_rules(theirs, *call)
    _assert_same_rules(found, expected, metric, min_threshold)
    assert found["fisher_p"].isna().all()
    with pytest.raises(ValueError, match="fpmax with null_values=True is not implemented"):
        basket.fpmax(frame, min_support, True, use_colnames)


def test_mlxtend_docs_example():
    """The user guide's five shoppers (mlxtend's association_rules page), every call form it shows."""
    dataset = [["Milk", "Onion", "Nutmeg", "Kidney Beans", "Eggs", "Yogurt"],
               ["Dill", "Onion", "Nutmeg", "Kidney Beans", "Eggs", "Yogurt"],
               ["Milk", "Apple", "Kidney Beans", "Eggs"], ["Milk", "Unicorn", "Corn", "Kidney Beans", "Yogurt"],
               ["Corn", "Onion", "Onion", "Kidney Beans", "Ice cream", "Eggs"]]
    items = sorted({i for row in dataset for i in row})
    df = pd.DataFrame([[i in row for i in items] for row in dataset], columns=items)
    frequent = basket.apriori(df, min_support=0.6, use_colnames=True)
    _assert_same_itemsets(frequent, mlx.apriori(df, min_support=0.6, use_colnames=True))
    for call in ((frequent, len(df)), (frequent,)):
        for kwargs in ({"metric": "confidence", "min_threshold": 0.7}, {"metric": "lift", "min_threshold": 1.2}):
            theirs = mlx.association_rules(*call, **kwargs)
            _assert_same_rules(basket.association_rules(*call, **kwargs), theirs, kwargs["metric"],
                               kwargs["min_threshold"])
    rules = basket.association_rules(frequent, len(df), metric="lift", min_threshold=1.2)
    assert len(rules) == 6 and set(rules["consequents"].map(len)) == {1, 2}
    sparse_df = df.astype(pd.SparseDtype(bool, False))
    _assert_same_itemsets(basket.fpgrowth(sparse_df, 0.6, use_colnames=True),
                          mlx.fpgrowth(sparse_df, 0.6, use_colnames=True))
    _assert_same_itemsets(basket.apriori(df, 0.6, n_jobs=2), mlx.apriori(df, 0.6, n_jobs=2))


def test_empty_results_and_bad_calls(capsys):
    df = pd.DataFrame({"a": [True, False], "b": [False, True]})
    for ours, theirs in ((basket.apriori, mlx.apriori), (basket.fpgrowth, mlx.fpgrowth), (basket.fpmax, mlx.fpmax),
                         (basket.hmine, mlx.hmine)):
        found, expected = ours(df, 0.9), theirs(df, 0.9)
        assert list(found.columns) == list(expected.columns) and found.dtypes.tolist() == expected.dtypes.tolist()
        assert len(found) == len(expected) == 0
    itemsets = basket.apriori(df, 0.5)
    assert basket.apriori(df, 0.5, verbose=1) is not None and "itemsets of 1" in capsys.readouterr().out
    rules = basket.association_rules(itemsets, 2, min_threshold=0.1)
    theirs = mlx.association_rules(itemsets, 2, min_threshold=0.1)
    _assert_same_rules(rules, theirs, "confidence", 0.1)
    with pytest.raises(ValueError, match="metric is the fifth argument: metric='lift'"):
        basket.association_rules(itemsets, "lift", 1.0)
    with pytest.raises(ValueError, match="null_values=True needs df_orig"):
        basket.association_rules(itemsets, 2, null_values=True)
    with pytest.raises(ValueError, match="unknown metric 'lifts'"):
        basket.association_rules(itemsets, 2, return_metrics=["lifts"])
    with pytest.raises(ValueError, match="must be a positive number"):
        basket.apriori(df, np.float32(0.0))
    with pytest.raises(TypeError):
        basket.association_rules(itemsets, 2, None, False, "confidence", 0.8, False, ["support"], "single")
