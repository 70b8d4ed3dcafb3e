"""Market baskets: textbook and arules known answers, mlxtend compatibility, metric definitions, actions."""


import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import sparse
from scipy.stats import fisher_exact

import kit
from kit import KitError, basket
from kit.present.basket import placement_reasons, raised_reason
from kit.present.results import load_table, save_table

HAN = [["I1", "I2", "I5"], ["I2", "I4"], ["I2", "I3"], ["I1", "I2", "I4"], ["I1", "I3"], ["I2", "I3"],
       ["I1", "I3"], ["I1", "I2", "I3", "I5"], ["I1", "I2", "I3"]]
HAN_COUNTS = {"I1": 6, "I2": 7, "I3": 6, "I4": 2, "I5": 2, "I1 I2": 4, "I1 I3": 4, "I1 I5": 2, "I2 I3": 4,
              "I2 I4": 2, "I2 I5": 2, "I1 I2 I3": 2, "I1 I2 I5": 2}
OWN_ALGORITHMS = ("auto", "eclat", "apriori", "fpgrowth")


def _counts(found, n):
    return {" ".join(sorted(s)): round(x * n) for s, x in zip(found["itemsets"], found["support"])}


@pytest.mark.parametrize("algorithm", OWN_ALGORITHMS + ("mlxtend-fpgrowth", "mlxtend-apriori"))
def test_han_kamber_itemsets(algorithm):
    found = kit.frequent_itemsets(HAN, min_support=2 / 9, algorithm=algorithm)
    assert _counts(found, 9) == HAN_COUNTS


def test_han_kamber_maximal_itemsets_and_rules():
    found = kit.frequent_itemsets(HAN, min_support=2 / 9)
    sets = list(found["itemsets"])
    maximal = {" ".join(sorted(s)) for s in sets if not any(s < t for t in sets)}
    assert maximal == {"I2 I4", "I1 I2 I3", "I1 I2 I5"}
    rules = kit.association_rules(found, min_threshold=0.7)
    from_125 = {(" ".join(sorted(a)), " ".join(sorted(c))): conf for a, c, conf in
                zip(rules["antecedents"], rules["consequents"], rules["confidence"]) if a | c == {"I1", "I2", "I5"}}
    assert from_125 == {("I1 I5", "I2"): 1.0, ("I2 I5", "I1"): 1.0, ("I5", "I1 I2"): 1.0}


def test_boundary_support_is_compared_as_a_count():
    baskets = [["a", "b"]] * 7 + [["c"]] * 18  # 25 baskets, {a, b} exactly 7 times
    for algorithm in OWN_ALGORITHMS:
        found = kit.frequent_itemsets(baskets, min_support=0.28, algorithm=algorithm)
        assert _counts(found, 25)["a b"] == 7, algorithm
    assert basket.min_count(0.28, 25) == 7 and 0.28 * 25 > 7


@pytest.fixture(scope="module")
def groceries():
    return kit.baskets(kit.data.datasets.path("groceries"))


@pytest.fixture(scope="module")
def groceries_itemsets(groceries):
    return kit.frequent_itemsets(groceries, 0.001)


def test_groceries_baskets(groceries):
    assert groceries.n_baskets == 9_835 and groceries.n_items == 169
    assert groceries.density == pytest.approx(0.02609146, abs=1e-8)
    assert "cream cheese " in groceries.items and "roll products " in groceries.items


def test_groceries_arules_counts(groceries_itemsets, groceries):
    rules = kit.association_rules(groceries_itemsets, min_threshold=0.5, consequents="single")
    assert len(rules) == 5_668
    lengths = (rules["antecedents"].map(len) + rules["consequents"].map(len)).value_counts().sort_index()
    assert lengths.to_dict() == {2: 11, 3: 1461, 4: 3211, 5: 939, 6: 46}
    honey = rules[(rules["antecedents"] == frozenset({"honey"})) & (rules["consequents"] == frozenset({"whole milk"}))]
    assert honey["support"].iloc[0] == pytest.approx(0.001118454, abs=1e-9)
    assert honey["confidence"].iloc[0] == pytest.approx(0.7333333, abs=1e-7)
    assert honey["lift"].iloc[0] == pytest.approx(2.870009, abs=1e-6)
    every_split = kit.association_rules(groceries_itemsets, min_threshold=0.5, consequents="any")
    assert len(every_split) == 5_829
    at_005 = kit.association_rules(kit.frequent_itemsets(groceries, 0.005), min_threshold=0.5, consequents="single")
    assert len(at_005) == 120


def test_rules_match_mlxtend(groceries_itemsets, groceries):
    from mlxtend.frequent_patterns import association_rules as mlx_rules

    ours = kit.association_rules(groceries_itemsets, min_threshold=0.5)
    theirs = mlx_rules(groceries_itemsets, num_itemsets=groceries.n_baskets, min_threshold=0.5)
    def keyed(df):
        keys = [(tuple(sorted(a)), tuple(sorted(c))) for a, c in zip(df["antecedents"], df["consequents"])]
        return df[list(basket.METRICS)].set_axis(pd.MultiIndex.from_tuples(keys)).sort_index()

    ours, theirs = keyed(ours), keyed(theirs)
    assert ours.index.equals(theirs.index)
    for metric in basket.METRICS:
        np.testing.assert_allclose(ours[metric], theirs[metric], rtol=1e-12, err_msg=metric)


# mlxtend's behavioural tests, rewritten for the kit's drop-in replacement
ONE_HOT = np.array([[0, 0, 0, 1, 0, 1, 1, 1, 1, 0, 1], [0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1],
                    [1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0], [0, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1],
                    [0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 0]])
COLUMNS = ["Apple", "Corn", "Dill", "Eggs", "Ice cream", "Kidney Beans", "Milk", "Nutmeg", "Onion", "Unicorn",
           "Yogurt"]


def test_mlxtend_defaults_column_indices_and_max_len():
    df = pd.DataFrame(ONE_HOT, columns=COLUMNS)
    found = kit.frequent_itemsets(df)  # min_support=0.5, column indices
    expected = {(3,): 0.8, (5,): 1.0, (6,): 0.6, (8,): 0.6, (10,): 0.6, (3, 5): 0.8, (3, 8): 0.6, (5, 6): 0.6,
                (5, 8): 0.6, (5, 10): 0.6, (3, 5, 8): 0.6}
    assert {tuple(sorted(s)): x for s, x in zip(found["itemsets"], found["support"])} == expected
    assert all(isinstance(s, frozenset) for s in found["itemsets"])
    named = kit.frequent_itemsets(df, use_colnames=True)
    assert frozenset({"Milk", "Kidney Beans"}) in set(named["itemsets"])
    assert kit.frequent_itemsets(df, max_len=2)["itemsets"].map(len).max() == 2
    assert kit.frequent_itemsets(df.astype(bool))["support"].tolist() == found["support"].tolist()


@pytest.mark.parametrize("fill", [0, False])
def test_mlxtend_sparse_input(fill):
    df = pd.DataFrame(ONE_HOT, columns=COLUMNS)
    dense = kit.frequent_itemsets(df, use_colnames=True)
    sparse_df = df.astype(pd.SparseDtype(type(fill), fill_value=fill))
    assert set(zip(kit.frequent_itemsets(sparse_df, use_colnames=True)["itemsets"], dense["support"])) == \
        set(zip(dense["itemsets"], dense["support"]))


def test_mlxtend_sparse_with_explicit_zeros():
    ary = ONE_HOT.copy()
    ary[3, :] = 1
    matrix = sparse.csr_matrix(ary)
    matrix[3, :] = ONE_HOT[3, :]  # stored zeros
    sdf = pd.DataFrame.sparse.from_spmatrix(matrix, columns=COLUMNS)
    expected = kit.frequent_itemsets(pd.DataFrame(ONE_HOT, columns=COLUMNS))
    assert set(zip(kit.frequent_itemsets(sdf)["itemsets"], kit.frequent_itemsets(sdf)["support"])) == \
        set(zip(expected["itemsets"], expected["support"]))


def test_mlxtend_edge_cases_and_errors():
    empty = kit.frequent_itemsets(pd.DataFrame([[]]))
    assert list(empty.columns) == ["support", "itemsets"] and len(empty) == 0
    bad = pd.DataFrame(ONE_HOT, columns=COLUMNS)
    bad.iloc[3, 3] = 2
    for frame in (bad, bad.astype(pd.SparseDtype("int", fill_value=0))):
        with pytest.raises(ValueError, match="The allowed values for a DataFrame are True, False, 0, 1. Found value 2"):
            kit.frequent_itemsets(frame)
    with pytest.raises(ValueError, match=r"`min_support` must be a positive number within the interval `\(0, 1\]`"):
        kit.frequent_itemsets(pd.DataFrame(ONE_HOT), min_support=0.0)
    found = kit.frequent_itemsets([["a"], ["b"], ["c", "d"], ["e"]], min_support=0.001)
    assert _counts(found, 4) == {"a": 1, "b": 1, "c": 1, "d": 1, "e": 1, "c d": 1}


random_baskets = st.lists(st.lists(st.integers(0, 11), min_size=0, max_size=7), min_size=1, max_size=60)


@settings(max_examples=60, deadline=None)
@given(random_baskets, st.sampled_from([0.05, 0.1, 0.17, 0.3]), st.sampled_from([None, 2, 3]))
def test_miners_equal_mlxtend_exactly(lists, min_support, max_len):
    frame = pd.DataFrame([[i in set(b) for i in range(12)] for b in lists])
    reference = kit.frequent_itemsets(frame, min_support, max_len=max_len, algorithm="mlxtend-apriori")
    expected = dict(zip(reference["itemsets"], reference["support"]))
    for algorithm in OWN_ALGORITHMS:
        found = kit.frequent_itemsets(frame, min_support, max_len=max_len, algorithm=algorithm)
        assert dict(zip(found["itemsets"], found["support"])) == expected, algorithm
    sparse_frame = frame.astype(pd.SparseDtype(bool, False))
    found = kit.frequent_itemsets(sparse_frame, min_support, max_len=max_len)
    assert dict(zip(found["itemsets"], found["support"])) == expected
    # supports are anti-monotone: a subset is at least as frequent as any superset
    for itemset, support in expected.items():
        for item in itemset:
            if len(itemset) > 1:
                assert expected[itemset - {item}] >= support


@settings(max_examples=40, deadline=None)
@given(random_baskets)
def test_rule_metrics_equal_their_definitions(lists):
    lists = [b for b in lists if b] or [[0]]
    n = len(lists)
    found = kit.frequent_itemsets(lists, min_support=1 / n)
    rules = kit.association_rules(found, n, min_threshold=0.0)
    sets = [set(b) for b in lists]
    for _, r in rules.head(40).iterrows():
        a, c = r["antecedents"], r["consequents"]
        n_a = sum(a <= b for b in sets)
        n_c = sum(c <= b for b in sets)
        n_ac = sum((a | c) <= b for b in sets)
        s_a, s_c, s_ac = n_a / n, n_c / n, n_ac / n
        conf = s_ac / s_a
        assert r["support"] == pytest.approx(s_ac) and r["confidence"] == pytest.approx(conf)
        assert r["lift"] == pytest.approx(conf / s_c) and r["leverage"] == pytest.approx(s_ac - s_a * s_c)
        assert r["jaccard"] == pytest.approx(s_ac / (s_a + s_c - s_ac))
        assert r["kulczynski"] == pytest.approx((s_ac / s_a + s_ac / s_c) / 2)
        assert r["conviction"] == (np.inf if conf == 1 else pytest.approx((1 - s_c) / (1 - conf)))
        denominator = max(s_ac * (1 - s_a), s_a * (s_c - s_ac))
        assert r["zhangs_metric"] == pytest.approx(0.0 if denominator == 0 else (s_ac - s_a * s_c) / denominator)
        assert r["certainty"] == pytest.approx(0.0 if s_c == 1 else (conf - s_c) / (1 - s_c))
        table = [[n_ac, n_a - n_ac], [n_c - n_ac, n - n_a - n_c + n_ac]]
        assert r["fisher_p"] == pytest.approx(fisher_exact(table, alternative="greater")[1], rel=1e-6, abs=1e-12)


def test_edge_values_without_warnings(recwarn):
    values = basket.rule_metrics([0.5, 0.2], [0.5, 0.2], [1.0, 0.4])
    assert values["conviction"][0] == np.inf and values["certainty"][0] == 0.0
    assert values["conviction"][1] == np.inf  # confidence 1
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]


def test_redundancy_and_filters():
    lists = [["a", "b", "c"]] * 4 + [["a", "c"]] * 4 + [["b"]] * 2
    rules = kit.association_rules(kit.frequent_itemsets(lists, 0.1), min_threshold=0.5, consequents="single")
    row = rules[(rules["antecedents"] == frozenset({"a", "b"})) & (rules["consequents"] == frozenset({"c"}))]
    assert bool(row["is_redundant"].iloc[0])  # a => c already has confidence 1
    general = rules[(rules["antecedents"] == frozenset({"a"})) & (rules["consequents"] == frozenset({"c"}))]
    assert not general["is_redundant"].iloc[0]
    assert len(basket.filter_rules(rules, antecedent_contains="a", consequent_is="c")) == 2
    assert basket.adjust_p(np.array([0.01, 0.02]), "bonferroni").tolist() == [0.02, 0.04]


def test_synthetic_planted_pairs_are_found():
    raw, truth = kit.data.datasets.synthetic(n_customers=400, seed=2, dirt={})
    tx, _ = kit.load_transactions(raw, analysis="baskets")
    found = kit.baskets(tx)
    rules = kit.association_rules(basket.mine_itemsets(found, 0.01), metric="lift", min_threshold=1.0,
                                  consequents="single")
    for _, pair in truth.pairs.iterrows():
        hit = rules[(rules["antecedents"] == frozenset({pair["antecedent"]}))
                    & (rules["consequents"] == frozenset({pair["consequent"]}))]
        assert hit["lift"].iloc[0] == pytest.approx(pair["observed_lift"], rel=1e-9)
        assert hit["fisher_p_adjusted"].iloc[0] < 1e-6


def test_baskets_from_transactions_stay_sparse(online_retail):
    tx, _ = online_retail
    b = kit.baskets(tx)
    assert sparse.issparse(b.matrix) and b.matrix.dtype == bool
    assert b.n_baskets == tx["order_id"].nunique() and b.n_items == tx["product_id"].nunique()
    assert b.names["85123A"] == "WHITE HANGING HEART T-LIGHT HOLDER"


def test_placement_and_cross_sell():
    tx = pd.DataFrame({"customer_id": ["u", "u", "v", "v", "w", "w", "x", "y", "y"],
                       "order_id": ["1", "1", "2", "2", "3", "3", "4", "5", "5"],
                       "product_id": ["cup", "plate", "cup", "plate", "cup", "saucer", "cup", "spoon", "saucer"]})
    found = basket.mine_itemsets(kit.baskets(tx, name=None), 0.25)
    rules = kit.association_rules(found, min_threshold=0.5, consequents="single")
    pairs = kit.placement_pairs(rules, found.n_transactions)
    assert set(zip(pairs["item_a"], pairs["item_b"])) == {("cup", "plate")}
    assert pairs["baskets"].iloc[0] == 2 and "2 baskets" in placement_reasons(pairs, "en").iloc[0]
    offers = kit.cross_sell(tx, rules, k=2)
    assert pairs["lift"].iloc[0] == pytest.approx(1.25)
    assert offers[offers["customer_id"] == "x"]["item"].tolist() == ["plate"]  # cup => plate, confidence 0.5
    assert offers[offers["customer_id"] == "w"]["score"].tolist() == [0.5]
    assert set(offers["customer_id"]) == {"w", "x"}  # u and v have both, y bought nothing that triggers a rule


def test_bad_input():
    with pytest.raises(KitError, match="unknown algorithm"):
        kit.frequent_itemsets(HAN, 0.2, algorithm="magic")
    with pytest.raises(KitError, match="support' and 'itemsets'"):
        kit.association_rules(pd.DataFrame({"x": [1]}))
    found = kit.frequent_itemsets(HAN, 2 / 9, max_len=2)
    assert len(kit.association_rules(found, min_threshold=0.0)) == 12
    with pytest.raises(KitError, match="there are no baskets"):
        kit.baskets([])


WHOLESALE = [list("abcdefghijklmnop")] * 4 + [["a", "b"], ["c"], ["q"]] * 12  # 4 orders of 16 products


@pytest.mark.parametrize("algorithm", OWN_ALGORITHMS + ("mlxtend-fpgrowth",))
def test_itemset_cap_stops_mining_and_names_the_options(algorithm):
    # 2^16 - 1 = 65,535 itemsets are frequent in the 4 wholesale orders at min_support 0.1 (4 of 40 baskets)
    with pytest.raises(KitError) as caught:
        kit.frequent_itemsets(WHOLESALE, 0.1, algorithm=algorithm, max_itemsets=1000)
    message = str(caught.value)
    assert all(name in message for name in ("min_support=0.1", "max_len=None", "max_itemsets", "1,000"))
    assert len(kit.frequent_itemsets(WHOLESALE, 0.1, max_len=2, max_itemsets=1000)) == 17 + 120
    with pytest.raises(KitError, match="max_itemsets must be at least 1"):
        kit.frequent_itemsets(HAN, 0.2, max_itemsets=0)


def test_rule_cap_counts_before_building():
    found = basket.mine_itemsets(WHOLESALE, 0.1, max_len=4)
    sizes = found.itemsets["itemsets"].map(len)
    assert basket.rule_count(found, "single") == int(sizes[sizes >= 2].sum())
    assert basket.rule_count(found, "any") == int(sum(2 ** k - 2 for k in sizes if k >= 2))
    small = kit.frequent_itemsets(HAN, 2 / 9)
    for shape in ("single", "any"):
        built = kit.association_rules(small, min_threshold=0.0, consequents=shape)
        assert len(built) == basket.rule_count(small, shape)
    with pytest.raises(KitError) as caught:
        kit.association_rules(found, min_threshold=0.5, consequents="any", max_rules=10_000)
    message = str(caught.value)
    assert all(name in message for name in ("consequents='any'", "max_rules=10,000", "min_support=0.1", "max_len=4"))
    assert len(kit.association_rules(found, min_threshold=0.5, consequents="single", max_rules=10_000))


@settings(max_examples=40, deadline=None)
@given(random_baskets, st.sampled_from([0.05, 0.1, 0.3]), st.sampled_from([None, 1, 2, 3]))
def test_estimates_bound_the_real_counts(lists, min_support, max_len):
    found = kit.frequent_itemsets(lists, min_support, max_len=max_len)
    bounds = basket.estimate_itemsets(lists, min_support, max_len)
    sizes = found["itemsets"].map(len)
    assert bounds["items"] == (sizes == 1).sum() and bounds["pairs"] == (sizes == 2).sum()
    assert bounds["lower"] <= len(found) <= bounds["upper"]


def test_estimates_on_groceries(groceries, groceries_itemsets):
    bounds = basket.estimate_itemsets(groceries, 0.001)
    sizes = groceries_itemsets["itemsets"].map(len)
    assert (bounds["items"], bounds["pairs"]) == ((sizes == 1).sum(), (sizes == 2).sum())
    assert bounds["lower"] <= len(groceries_itemsets) <= bounds["upper"]


def test_support_is_doubled_until_the_result_fits():
    found = basket.itemsets_within_caps(WHOLESALE, 0.025, max_itemsets=1000)
    assert found.min_support == 0.2 and found.requested_min_support == 0.025
    assert found.raised_because == "raised_max_itemsets" and found.max_itemsets == 1000
    assert "1,000" in raised_reason(found, "en") and "1,000" in raised_reason(found, "zh")
    assert set(found.itemsets["itemsets"]) == {frozenset("a"), frozenset("b"), frozenset("c"), frozenset("q"),
                                               frozenset("ab")}
    assert found.n_transactions == 40 and found.min_count == 8
    fits = basket.itemsets_within_caps(HAN, 2 / 9)
    assert fits.min_support == 2 / 9 and fits.raised_because == "" and len(fits.itemsets) == 13
    assert raised_reason(fits, "en") == ""
    by_rules = basket.itemsets_within_caps(WHOLESALE, 0.1, max_len=3, consequents="any", max_rules=1000)
    assert by_rules.raised_because == "raised_max_rules" and by_rules.candidate_rules > 1000
    assert "candidate rules" in raised_reason(by_rules, "en")
    assert basket.rule_count(by_rules, "any") <= 1000


def test_large_baskets_are_reported():
    large = basket.large_baskets(kit.baskets(WHOLESALE + [[str(i) for i in range(120)]]))
    assert (large["baskets"], large["largest"], large["limit"]) == (1, 120, 100)  # 100 products or more
    assert large["share_of_items"] == pytest.approx(120 / (4 * 16 + 12 * 2 + 12 + 12 + 120))
    tail = basket.large_baskets(kit.baskets([["a"]] * 2000 + [list("abcdefghijklmnop")] * 3))
    assert (tail["baskets"], tail["smallest"], tail["limit"]) == (3, 16, 16)  # above the 99.9th percentile
    assert not basket.large_baskets(kit.baskets(HAN * 200))["baskets"]


def test_orders_derived_for_baskets_without_order_ids():
    raw = pd.DataFrame({"Customer": ["7", "7", "7", "8", None], "Date": ["2024-01-05"] * 2 + ["2024-01-06"] * 3,
                        "SKU": ["a", "b", "a", "b", "c"], "Qty": [1, 2, 1, 1, 1], "Price": [2.0, 1.5, 2.0, 1, 1]})
    tx, report = kit.load_transactions(raw, analysis="baskets")
    assert "baskets" in report.available and report.columns["order_id"] == "customer_id|day"
    assert sorted(tx["order_id"].unique()) == ["7|2024-01-05", "7|2024-01-06", "8|2024-01-06"]
    assert report.counts["missing_value"] == 1  # the line without a customer has no order
    assert any("one day form one order" in note for note in report.notes)
    assert kit.baskets(tx).n_baskets == 3


def test_basket_only_data_cross_sell_and_front_page(tmp_path):
    tx = pd.DataFrame({"customer_id": [np.nan] * 4, "order_id": ["1", "1", "2", "2"],
                       "product_id": ["cup", "plate", "cup", "plate"]})
    found = basket.mine_itemsets(kit.baskets(tx, name=None), 0.5)
    rules = kit.association_rules(found, min_threshold=0.5)
    assert kit.cross_sell(tx, rules).empty
    placement = kit.placement_pairs(rules, found.n_transactions)
    save_table(tmp_path, "placement", placement)
    kit.present.export.write_csv(kit.present.localise(placement, "en"), tmp_path / "placement.csv")
    from kit.present.report import write_index
    from kit.run.runner import RunResult

    page = write_index(RunResult(tmp_path)).read_text(encoding="utf-8")
    assert "cup" in page and "plate" in page


def test_exercises_on_basket_only_data():
    tx, report = kit.load_transactions(pd.DataFrame({"Invoice": ["1", "1", "2", "3"], "SKU": ["a", "b", "a", "c"],
                                                     "Qty": [1, 1, 1, 1]}), analysis="baskets")
    q2 = kit.course.exercises.data_preparation(tx, report)["q2"]
    assert q2.expected == round(2 / 3, 3) and "orders" in q2.question["en"] and "订单" in q2.question["zh"]


def test_arules_minlen_one_and_empty_antecedent(groceries_itemsets):
    """arules' default minlen = 1 adds {} => C when s(C) reaches the confidence; no Groceries item has 50 % support,
    so arules' 5,668 rules at support 0.001 / confidence 0.5 are the same with minlen 1 or 2."""
    assert len(kit.association_rules(groceries_itemsets, min_threshold=0.5, consequents="single", min_len=1)) == 5_668
    at_25 = kit.association_rules(groceries_itemsets, min_threshold=0.25, consequents="single", min_len=1)
    empty = at_25[at_25["antecedents"].map(len) == 0]
    assert empty["consequents"].tolist() == [frozenset({"whole milk"})]  # s = 2,513 / 9,835 = 0.2555
    assert empty["confidence"].iloc[0] == pytest.approx(2513 / 9835) and empty["lift"].iloc[0] == pytest.approx(1.0)
    assert len(at_25) == len(kit.association_rules(groceries_itemsets, min_threshold=0.25, consequents="single")) + 1
    assert basket.rule_count(groceries_itemsets, "single", min_len=1) == \
        basket.rule_count(groceries_itemsets, "single") + int((groceries_itemsets["itemsets"].map(len) == 1).sum())


@settings(max_examples=30, deadline=None)
@given(random_baskets)
def test_redundancy_includes_the_empty_antecedent(lists):
    """is_redundant as arules' is.redundant: some A' ⊊ A, {} included, has conf(A' => C) >= conf(A => C)."""
    lists = [b for b in lists if b] or [[0]]
    sets = [set(b) for b in lists]
    found = kit.frequent_itemsets(lists, min_support=1 / len(lists), max_len=3)
    rules = kit.association_rules(found, min_threshold=0.0, consequents="single")

    def conf(a, c):
        return sum((a | c) <= b for b in sets) / sum(a <= b for b in sets)

    from itertools import combinations
    for a, c, flag in zip(rules["antecedents"], rules["consequents"], rules["is_redundant"]):
        general = [frozenset(s) for k in range(len(a)) for s in combinations(a, k)]
        assert flag == any(conf(g, c) >= conf(a, c) - 1e-12 for g in general)
    assert (basket.is_redundant(rules, found) == rules["is_redundant"]).all()


def test_mined_itemsets_carry_the_basket_count():
    """The kit's path gives the number of baskets with the itemsets; mlxtend's path takes it explicitly; the same
    rules either way, and no table carries pandas attrs (they are dropped on merge and concat)."""
    mined = basket.mine_itemsets(HAN, 2 / 9)
    assert (mined.n_transactions, mined.min_count, mined.min_support, mined.requested_min_support) == (9, 2, 2 / 9, 2 / 9)
    assert (mined.algorithm, mined.max_len, mined.raised_because) == ("auto", None, "")
    table = kit.frequent_itemsets(HAN, 2 / 9)
    assert table.equals(mined.itemsets) and table.attrs == {}
    ours = kit.association_rules(mined, min_threshold=0.5)
    explicit = kit.association_rules(table, 9, min_threshold=0.5)
    assert ours.equals(explicit) and ours.attrs == {} and ours["fisher_p"].notna().all()
    assert kit.association_rules(table, min_threshold=0.5)["fisher_p"].isna().all()  # no count: no test
    assert kit.association_rules(mined, 9, min_threshold=0.5).equals(ours)
    with pytest.raises(KitError, match="mined from 9 baskets"):
        kit.association_rules(mined, 10)
    assert basket.rule_count(mined, "single") == basket.rule_count(table, "single")
    assert basket.is_redundant(ours, mined).equals(basket.is_redundant(ours, table))


def test_placement_reasons_are_built_in_either_language():
    tx = pd.DataFrame({"customer_id": list("uuvvwwx"), "order_id": list("1122334"),
                       "product_id": ["cup", "plate", "cup", "plate", "cup", "saucer", "cup"]})
    b = kit.baskets(tx, name=None)
    found = basket.mine_itemsets(b, 0.25)
    pairs = kit.placement_pairs(kit.association_rules(found, min_threshold=0.5, consequents="single"),
                                found.n_transactions, b.names)
    assert "reason" not in pairs and pairs["baskets"].tolist() == [2, 1]
    en, zh = placement_reasons(pairs, "en").iloc[0], placement_reasons(pairs, "zh").iloc[0]
    assert en.startswith("together in 2 baskets, 1.0 times") and "50% of cup baskets hold plate" in en
    assert zh.startswith("2 个购物篮同时包含") and "cup" in zh and "100%" in zh
    unknown = kit.placement_pairs(kit.association_rules(found.itemsets, min_threshold=0.5), None)
    assert unknown["baskets"].isna().all() and placement_reasons(unknown, "en").iloc[0] == "lift 1.0"
    people = kit.present.localise(pairs, "zh")
    assert {"商品 A", "商品 B", "购物篮数", "提升度"} <= set(people.columns)
    assert kit.placement_pairs(pairs.iloc[:0].assign(antecedents=[], consequents=[]), 4).columns.tolist() == \
        ["item_a", "item_b", "name_a", "name_b", "baskets", "support", "lift", "leverage", "confidence_a_to_b",
         "confidence_b_to_a"]


def test_basket_results_keep_keys_and_canonical_names(tmp_path):
    tx = pd.DataFrame({"customer_id": ["u", "u", "v", "v", "w", "w", "x"], "order_id": list("1122334"),
                       "product_id": ["cup", "plate", "cup", "plate", "cup", "saucer", "cup"]})
    found = basket.itemsets_within_caps(kit.baskets(tx, name=None), 0.25)
    rules = kit.association_rules(found, min_threshold=0.5, consequents="single")
    save_table(tmp_path, "placement", kit.placement_pairs(rules, found.n_transactions))
    save_table(tmp_path, "cross_sell", kit.cross_sell(tx, rules))
    placement, offers = load_table(tmp_path, "placement"), load_table(tmp_path, "cross_sell")
    assert {"item_a", "item_b", "name_a", "name_b", "baskets", "lift", "leverage"} <= set(placement.columns)
    assert {"customer_id", "rank", "item", "name", "score", "rule"} <= set(offers.columns)
    assert offers.loc[offers["customer_id"] == "x", "rule"].tolist() == ["cup => plate"]


def test_arules_vignette_redundant_rules():
    """arules' vignette "Mining and pruning association rules" (Hahsler; CRAN arules, vignettes/
    mining-and-pruning-rules): apriori(trans, support 0.25, confidence 0.6, maxlen 3, rhs butter or milk, the rest
    on the left) gives 4 rules, {} => {butter} among them (arules' minlen 1); is.redundant flags 2 of them,
    {bread} => {butter} and {bread, jam} => {butter}. (arules' is.redundant help page itself mines data("Income"),
    which is not bundled.)"""
    trans = [["bread", "butter", "milk"], ["bread", "butter"], ["bread", "milk"], ["bread", "butter", "jam"],
             ["bread", "butter", "milk"], ["butter", "jam"], ["bread", "milk", "cereal"], ["bread", "butter", "jam"]]
    mined = basket.mine_itemsets(trans, 0.25, max_len=3)
    rules = kit.association_rules(mined, min_threshold=0.6, consequents="single", min_len=1)
    right = {"butter", "milk"}
    rules = rules[rules["consequents"].map(lambda c: c <= right) & rules["antecedents"].map(lambda a: not a & right)]
    table = {(" ".join(sorted(a)), " ".join(c)): (s, round(conf, 7), round(lift, 6), flag) for a, c, s, conf, lift, flag
             in zip(rules["antecedents"], rules["consequents"], rules["support"], rules["confidence"], rules["lift"],
                    rules["is_redundant"])}
    assert table == {("", "butter"): (0.75, 0.75, 1.0, False),
                     ("jam", "butter"): (0.375, 1.0, 1.333333, False),
                     ("bread", "butter"): (0.625, 0.7142857, 0.952381, True),
                     ("bread jam", "butter"): (0.25, 1.0, 1.333333, True)}
    assert (basket.is_redundant(rules, mined) == rules["is_redundant"]).all()
