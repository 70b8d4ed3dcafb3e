"""The compiled Eclat kernel (kit.basket.kernels): the same itemsets, supports and order as the pure-numpy miner and
mlxtend; the cap; buffers that grow; the numba-free fallback; the compiled Fisher test."""

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import hypergeom

import kit
from kit import KitError, basket
from kit.basket import mining

pytest.importorskip("numba")

WHOLESALE = [list("abcdefghijklmnop")] * 4 + [["a", "b"], ["c"], ["q"]] * 12


def _both(data, min_support, monkeypatch, **options):
    """(compiled, pure-numpy) results of the default miner."""
    assert mining._compiled() is not None
    compiled = kit.frequent_itemsets(data, min_support, **options)
    with monkeypatch.context() as patch:
        patch.setenv("KIT_NUMBA", "0")
        assert mining._compiled() is None
        plain = kit.frequent_itemsets(data, min_support, **options)
    return compiled, plain


def _mlxtend(frame, min_support, max_len=None):
    from mlxtend.frequent_patterns import fpgrowth

    found = fpgrowth(frame, min_support=min_support, use_colnames=True, max_len=max_len)
    return dict(zip(found["itemsets"], found["support"]))


sparse_lists = st.lists(st.lists(st.integers(0, 30), max_size=6), min_size=1, max_size=80)
dense_lists = st.lists(st.lists(st.integers(0, 9), min_size=5, max_size=10), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(st.one_of(sparse_lists, dense_lists), st.sampled_from([0.02, 0.05, 0.1, 0.3, 0.6]),
       st.sampled_from([None, 1, 2, 4]))
def test_compiled_miner_equals_numpy_miner_and_mlxtend(lists, min_support, max_len):
    with pytest.MonkeyPatch.context() as patch:
        compiled, plain = _both(lists, min_support, patch, max_len=max_len)
    assert compiled.equals(plain)  # same itemsets, supports (bit for bit) and order
    assert [type(s) for s in compiled["itemsets"]] == [frozenset] * len(compiled)
    b = kit.baskets(lists) if any(lists) else None
    if b is not None:
        frame = pd.DataFrame(b.matrix.toarray(), columns=b.items.tolist())
        assert dict(zip(compiled["itemsets"], compiled["support"])) == _mlxtend(frame, min_support, max_len)


def test_groceries_at_0002(monkeypatch):
    groceries = kit.baskets(kit.data.datasets.path("groceries"))
    compiled, plain = _both(groceries, 0.002, monkeypatch)
    assert len(compiled) == 4_223 and compiled.equals(plain)
    assert dict(zip(compiled["itemsets"], compiled["support"])) == _mlxtend(groceries.to_frame(), 0.002)


@pytest.mark.skipif(not os.environ.get("KIT_FIMI_DIR"), reason="set KIT_FIMI_DIR to the folder holding chess.dat")
def test_chess_at_09(monkeypatch):
    path = Path(os.environ["KIT_FIMI_DIR"]) / "chess.dat"
    lists = [line.split() for line in path.read_text().splitlines() if line.strip()]
    compiled, plain = _both(lists, 0.9, monkeypatch)
    assert len(compiled) == 622 and compiled.equals(plain)  # FIMI's published count at 90 %
    assert dict(zip(compiled["itemsets"], compiled["support"])) == _mlxtend(kit.baskets(lists).to_frame(), 0.9)


def test_buffers_grow_and_cap_still_raises(monkeypatch):
    # the 4 wholesale orders make all 2^16 - 1 subsets of their 16 products frequent, plus {q}: 65,536 itemsets,
    # more than the kernel's first buffers hold (they are enlarged and mining resumes)
    found = kit.frequent_itemsets(WHOLESALE, 0.1, max_itemsets=70_000)
    assert len(found) == 65_536 and found["itemsets"].map(len).max() == 16
    assert found["support"].iloc[-1] == pytest.approx(0.1) and found["itemsets"].iloc[-1] == frozenset("abcdefghijklmnop")
    for cap in (65_535, 1000, 16):
        with pytest.raises(KitError, match=f"more than {cap:,} frequent itemsets"):
            kit.frequent_itemsets(WHOLESALE, 0.1, max_itemsets=cap)
    assert len(kit.frequent_itemsets(WHOLESALE, 0.1, max_itemsets=65_536)) == 65_536
    compiled, plain = _both(WHOLESALE, 0.1, monkeypatch, max_len=3, max_itemsets=2000)
    assert compiled.equals(plain) and len(compiled) == 17 + 120 + 560


def test_fallback_without_numba(monkeypatch, capsys):
    """When numba cannot be imported the pure-numpy miner runs, with the same result and messages."""
    compiled = kit.frequent_itemsets(WHOLESALE, 0.2, verbose=1)
    printed = capsys.readouterr().out
    monkeypatch.setattr(mining, "_KERNELS", [None])  # as after a failed ``import numba``
    assert mining._compiled() is None
    plain = kit.frequent_itemsets(WHOLESALE, 0.2, verbose=1)
    assert plain.equals(compiled) and capsys.readouterr().out == printed
    np.testing.assert_allclose(basket.fisher_p([3, 2, 1], [3, 4, 2], [3, 3, 4], 6),
                               hypergeom.sf(np.array([2, 1, 0]), 6, [3, 4, 2], [3, 3, 4]), rtol=1e-12)
    with pytest.raises(KitError, match="more than 3 frequent"):
        kit.frequent_itemsets(WHOLESALE, 0.2, max_itemsets=3)


def test_compiled_fisher_test_equals_scipy():
    rng = np.random.default_rng(7)
    for n in (6, 50, 9_835, 100_000):
        n_a, n_c = rng.integers(1, n + 1, 3000), rng.integers(1, n + 1, 3000)
        low, high = np.maximum(0, n_a + n_c - n), np.minimum(n_a, n_c)
        held = low + np.floor(rng.random(3000) * (high - low + 1)).astype(int)
        ours = basket.fisher_p(held, n_a, n_c, n)
        expected = hypergeom.sf(held - 1, n, n_a, n_c)
        np.testing.assert_allclose(ours, expected, rtol=1e-8, atol=1e-13)
    assert basket.fisher_p([0, 3], [3, 3], [3, 3], 6).tolist() == [1.0, pytest.approx(0.05)]


def test_names_of_items_from_transactions_as_before():
    """Each item is named by its most common name; a tie goes to the name seen first (value_counts' rule)."""
    tx = pd.DataFrame({"order_id": list("1122334455667"),
                       "product_id": list("aabbaabbccdda"),
                       "product_name": ["x", "y", "q", "p", "y", "x", "p", "q", None, None, "z", "z", "y"]})
    b = kit.baskets(tx)

    def before(tx):  # the former groupby + value_counts
        common = tx[["product_id", "product_name"]].dropna().groupby("product_id")["product_name"] \
            .agg(lambda s: s.value_counts().index[0])
        common = common.reindex(b.items).astype(object)
        return common.where(common.notna(), pd.Series(b.items, index=b.items))

    assert b.names.to_dict() == {"a": "y", "b": "q", "c": "c", "d": "z"}  # a: y twice; b: q and p tie, q first
    assert b.names.equals(before(tx))
