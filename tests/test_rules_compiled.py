"""Rules from the compiled rule kernels (kit.basket.rule_kernels) and itemsets kept as arrays
(kit.basket.itemsets): the same rules from a MinedItemsets as from its table, without building the table;
redundancy equal to its definition; clear errors on a table listing an itemset twice or lacking a subset."""

from itertools import combinations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit import KitError
from kit.basket import itemsets as itemsets_module

lists = st.one_of(st.lists(st.lists(st.integers(0, 20), max_size=6), min_size=1, max_size=60),
                  st.lists(st.lists(st.sampled_from("abcdefgh"), min_size=3, max_size=8), min_size=1, max_size=30))


def test_rules_from_mined_arrays_equal_rules_from_the_table_without_building_it(monkeypatch):
    groceries = kit.baskets(kit.data.datasets.path("groceries"))
    table = kit.frequent_itemsets(groceries, 0.003)
    expected = kit.association_rules(table, groceries.n_baskets, min_threshold=0.2)
    mined = kit.basket.mine_itemsets(groceries, 0.003)

    def no_table(*args, **kwargs):
        raise AssertionError("the itemset table was built")

    monkeypatch.setattr(itemsets_module, "table_from_blocks", no_table)
    assert len(mined) == len(table)
    assert kit.basket.rule_count(mined, "any") == kit.basket.rule_count(table, "any")
    rules = kit.association_rules(mined, min_threshold=0.2)
    pd.testing.assert_frame_equal(rules, expected)
    assert len(rules) > 100 and rules["is_redundant"].any() and not rules["is_redundant"].all()
    assert {type(i) for s in rules["antecedents"] for i in s} == {str}


@settings(max_examples=60, deadline=None)
@given(lists, st.sampled_from([0.05, 0.1, 0.2, 0.4]), st.sampled_from(["any", "single"]), st.sampled_from([1, 2]))
def test_redundancy_equals_its_definition(baskets, min_support, consequents, min_len):
    found = kit.frequent_itemsets(baskets, min_support)
    support = dict(zip(found["itemsets"], found["support"]))
    support[frozenset()] = 1.0
    rules = kit.association_rules(found, len(baskets), min_threshold=0.0, consequents=consequents, min_len=min_len)
    for a, c, confidence, flag in zip(rules.get("antecedents", []), rules.get("consequents", []),
                                      rules.get("confidence", []), rules.get("is_redundant", [])):
        general = [frozenset(s) for k in range(len(a)) for s in combinations(a, k)] if a else []
        assert flag == any(support[g | c] / support[g] >= confidence - 1e-12 for g in general)
        assert support[a | c] == pytest.approx(confidence * support[a])
    if len(rules):
        again = kit.basket.is_redundant(rules, found)
        assert again.tolist() == rules["is_redundant"].tolist()


def test_is_redundant_of_rules_with_items_the_itemsets_lack():
    found = kit.frequent_itemsets([["beer", "chips"], ["beer"], ["chips"], ["beer", "chips"]], 0.25)
    rules = kit.association_rules(found, 4, min_threshold=0)
    stranger = rules.copy()
    stranger["antecedents"] = [frozenset({"wine", "beer"})] * len(rules)
    stranger["confidence"] = 1.0
    stranger["consequent support"] = 0.5
    assert kit.basket.is_redundant(stranger, found).tolist() == [False, False]  # no more general rule is known


def test_itemsets_listed_twice_or_lacking_a_subset_are_clear_errors():
    twice = pd.DataFrame({"support": [0.5, 0.5, 0.25],
                          "itemsets": [frozenset({"a"}), frozenset({"a"}), frozenset({"a", "b"})]})
    with pytest.raises(KitError, match=r"lists \{'a'\} twice"):
        kit.association_rules(twice, 4)
    lacking = pd.DataFrame({"support": [0.5, 0.25], "itemsets": [frozenset({"a"}), frozenset({"a", "b"})]})
    with pytest.raises(KitError, match=r"lacks the support of \{'b'\}"):
        kit.association_rules(lacking, 4)
    only_support = kit.association_rules(lacking, 4, support_only=True, min_threshold=0)
    assert len(only_support) == 2 and only_support["support"].tolist() == [0.25, 0.25]


def test_numpy_items_come_back_as_python_objects():
    table = pd.DataFrame({"support": [0.5, 0.5, 0.5],
                          "itemsets": [frozenset({np.int64(1)}), frozenset({np.int64(2)}),
                                       frozenset({np.int64(1), np.int64(2)})]})
    rules = kit.association_rules(table, 2, min_threshold=0)
    assert {type(i) for s in [*rules["antecedents"], *rules["consequents"]] for i in s} == {int}
