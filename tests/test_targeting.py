"""Targeting: planted segments recovered, look-alikes found without leakage, value terms add up, whale curve."""

import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

import kit
from kit import KitError, targeting
from kit.customers import Features
from kit.present import results
from kit.present.labels import LABELS

DISTINCT = {"champions": (0.2, 4.0, 6.0), "regular": (0.3, 1.0, 3.0), "one_off": (0.5, 0.0, 1.0)}


@pytest.fixture(scope="module")
def planted():
    raw, truth = kit.data.datasets.synthetic(n_customers=600, seed=4, dirt={}, segments=DISTINCT, churn_share=0.0)
    tx, _ = kit.load_transactions(raw)
    return tx, truth


def test_features_build_on_the_rfm_table(online_retail):
    tx, report = online_retail
    features = kit.customer_features(tx, report=report)
    rfm = kit.rfm_table(tx)
    pd.testing.assert_frame_equal(features[rfm.columns], rfm)
    assert (features["average_order_value"] == (rfm["monetary"] / rfm["frequency"]).round(2)).all()
    assert features["lines"].sum() == len(tx)
    assert features.loc["12347", "basket_breadth"] == tx[tx["customer_id"] == "12347"]["product_id"].nunique()
    assert features["return_rate"].between(0, 1).all() and features["return_rate"].max() > 0
    assert features.loc["12347", "country"] == "Iceland"
    assert not features.attrs and not rfm.attrs  # the date is given, not carried (pandas drops attrs on joins)


def test_segmenter_recovers_planted_segments(planted):
    tx, truth = planted
    features = kit.customer_features(tx)
    result = kit.segment_customers(features, k=3)
    assert adjusted_rand_score(truth.segments[features.index], result.labels) >= 0.9
    assert result.labels.index.equals(features.index) and result.k == 3
    assert list(result.labels.value_counts().sort_index()) == sorted(result.labels.value_counts(), reverse=True)
    assert set(result.profile.index) == {0, 1, 2, "overall"} and result.pca.shape == (len(features), 2)
    auto = kit.segment_customers(features)
    assert auto.k == int(auto.scores["silhouette"].idxmax())
    factor = kit.segment_customers(features, k=3, method="factor")
    assert factor.loadings is not None and adjusted_rand_score(truth.segments[features.index], factor.labels) > 0.7


def test_segmenter_bad_input():
    features = pd.DataFrame({"recency": [1, 2, 3], "frequency": [1, 2, 3], "monetary": [1.0, 2.0, 3.0]},
                            index=list("abc"))
    with pytest.raises(KitError, match="k = 5 needs between 2 and 2 segments for 3 customers"):
        kit.segment_customers(features, k=5)
    constant = features.assign(recency=1, frequency=1, monetary=1.0)
    with pytest.raises(KitError, match="all features are constant"):
        kit.segment_customers(constant, k=2)


def test_lookalike_finds_planted_lookalikes(planted):
    tx, truth = planted
    cutoff = "2023-07-01"
    features = targeting.lookalike_windows(tx, cutoff).features
    seeds = truth.segments[truth.segments == "champions"].index  # the planted best customers
    result = kit.lookalike(features, seeds, outcome_start=cutoff)
    assert result.auc > 0.85
    assert result.scores.index.equals(features.index)
    assert result.gain["seed_share_found"].is_monotonic_increasing and result.gain["lift"].iloc[0] > 2
    assert result.top_features.index[0] in result.columns
    boosted = kit.lookalike(features, seeds, model="boosting", outcome_start=cutoff)
    assert boosted.auc > 0.8


def test_lookalike_refuses_features_from_after_the_outcome(planted):
    tx, truth = planted
    cutoff = "2023-07-01"
    leaky = Features.from_transactions(tx)  # computed on all data, including the outcome period
    with pytest.raises(KitError, match="after the outcome period starts"):
        kit.lookalike(leaky, truth.segments[truth.segments == "champions"].index, outcome_start=cutoff)


def test_lookalike_windows_have_no_future_in_the_features(online_retail):
    tx, _ = online_retail
    split = targeting.lookalike_windows(tx, "2011-06-01")
    features, seeds = split.features, split.seeds
    assert features.table["last_order"].max() < pd.Timestamp("2011-06-01")
    assert features.as_of == split.outcome_start == pd.Timestamp("2011-06-01")
    assert split.outcome_end == pd.Timestamp("2011-12-10")
    assert set(seeds) <= set(features.index) and 0 < len(seeds) < len(features)


def test_lookalike_bad_input(planted):
    tx, _ = planted
    features = kit.customer_features(tx)
    with pytest.raises(KitError, match="none of the seed customers"):
        kit.lookalike(features, ["nobody"])
    with pytest.raises(KitError, match="every customer is a seed"):
        kit.lookalike(features, features.index)


def test_relationship_value_terms_add_up():
    features = pd.DataFrame({"monetary": [1000.0, 15.0, 200.0], "frequency": [10, 1, 2], "lines": [20, 1, 4],
                             "return_rate": [0.0, 0.0, 0.5]}, index=list("abc"))
    value = kit.relationship_value(features)
    recomputed = (value["explicit_value"] + value["implicit_value"] - value["explicit_cost"]
                  - value["implicit_cost"]).round(2)
    assert (value["relationship_value"] == recomputed).all()
    assert value.loc["a"].to_dict() == {"explicit_value": 250.0, "implicit_value": 25.0, "explicit_cost": 60.0,
                                        "implicit_cost": 0.0, "relationship_value": 215.0, "negative": False}
    assert value.loc["b", "negative"]  # the 15-yuan take-away order
    assert value.loc["c", "implicit_cost"] == 40.0  # half the lines came back: 4 returned lines x 10
    start_up = kit.relationship_value(features, weights="start-up")
    assert start_up.loc["a", "implicit_value"] == 12.5
    custom = kit.relationship_value(features, costs={"cost_per_order": 0.0, "cost_per_line": 0.0})
    assert custom.loc["b", "relationship_value"] == 3.75
    with pytest.raises(KitError, match="unknown assumption"):
        kit.relationship_value(features, costs={"rent": 3})


def test_whale_curve_figures():
    profit = pd.Series([500.0, 300.0, 120.0, 60.0, 40.0, 20.0, 10.0, -10.0, -20.0, -20.0], index=list("abcdefghij"))
    whale = kit.whale_curve(profit)
    curve, summary = whale.curve, whale.summary()
    assert summary["peak_share"] == pytest.approx(1050 / 1000)
    assert summary["customers_at_peak"] == 7
    assert summary["top20_share"] == pytest.approx(0.8)  # the top 2 of 10 customers: 800 of 1000
    assert summary["bottom30_share"] == pytest.approx(-0.05)  # the bottom 3 lose 50
    assert summary["negative_customers"] == 3
    assert curve["cumulative_profit_share"].iloc[-1] == pytest.approx(1.0)
    assert curve["customer_share"].tolist()[:2] == [0.0, 0.1]
    with pytest.raises(KitError, match="positive total"):
        kit.whale_curve(pd.Series([-1.0, 0.5]))


def test_capacity_limited_selection():
    values = pd.Series(np.arange(300, dtype=float), index=[f"c{i:03d}" for i in range(300)])
    targets = kit.select_targets(values, capacity=100)
    assert list(targets)[:2] == ["c299", "c298"] and len(targets) == 100
    assert targets.captured == sum(range(200, 300))
    assert targets.random_expectation == pytest.approx(100 * values.mean())
    assert targets.lift == pytest.approx(sum(range(200, 300)) / (100 * values.mean()))
    with pytest.warns(UserWarning, match="covers all 50 eligible customers"):
        assert len(kit.select_targets(values, capacity=100, min_value=250)) == 50
    ties = kit.select_targets(pd.Series([1.0, 1.0, 1.0], index=["b", "c", "a"]), capacity=2)
    assert list(ties) == ["a", "b"]
    with pytest.raises(KitError, match="capacity"):
        kit.select_targets(values, capacity=0)


def test_targets_table(planted, tmp_path):
    tx, _ = planted
    known = Features.from_transactions(tx)
    features = known.table
    value = kit.relationship_value(features)
    segments = kit.segment_customers(features, k=3)
    scores = pd.Series(np.linspace(0, 1, len(features)), index=features.index)
    targets = kit.select_targets(value["relationship_value"], capacity=50)
    keys = targeting.targets_table(features, value, segments, scores, targets, as_of=known.as_of)
    table = kit.present.localise(keys, "zh")
    assert list(keys.columns) == [*targeting.TARGET_COLUMNS, *targeting.SHOWN_FEATURES]
    assert keys["selected"].dtype == bool and keys["lapsed"].dtype == bool
    assert set(keys["action"]) <= {"act_serve_first", "act_cut_cost", "act_develop_lookalike", "act_reactivate",
                                   "act_standard"}
    assert set(keys["segment"]) == set(segments.names) and set(keys["segment"]) <= set(LABELS)
    by_customer = keys.set_index("customer_id")["segment"].reindex(features.index)
    assert by_customer.equals(segments.labels.map(segments.names).rename("segment"))
    saved = results.save_table(tmp_path, "targets", keys)
    pd.testing.assert_frame_equal(results.load_table(tmp_path, "targets"), keys)
    assert saved.name == "targets.parquet"
    assert len(table) == len(features) and table["入选目标客户"].sum() == 50
    assert list(table["客户编号"][:50]) == list(targets)
    actions = set(table["建议行动"])
    assert kit.present.label("act_serve_first", "zh") in actions and kit.present.label("act_develop_lookalike", "zh") in actions
    negative = value.index[value["negative"]]
    chosen = set(targets)
    for customer in negative:
        if customer not in chosen:
            assert table.set_index("客户编号").loc[customer, "建议行动"] == kit.present.label("act_cut_cost", "zh")


def test_windows_follow_the_span_of_the_data(online_retail):
    tx, _ = online_retail
    year = kit.customers.periods.data_windows(tx)
    assert (year.start, year.end, year.days) == (pd.Timestamp("2010-12-01"), pd.Timestamp("2011-12-10"), 183)
    assert year.cutoff == pd.Timestamp("2011-06-10") and not year.shortfall("lookalike")
    half = kit.customers.periods.data_windows(tx[tx["order_date"] >= "2011-05-25"])  # six and a half months
    assert half.days == half.span_days // 2 == 99 and half.cutoff == pd.Timestamp("2011-09-02")
    assert not half.shortfall("lookalike")  # features from 99 days, not 15
    month = kit.customers.periods.data_windows(tx[tx["order_date"] >= "2011-11-09"])
    assert month.days == 15 and "lookalike needs windows of at least 90 days" in month.shortfall("lookalike")
    assert "migration needs" in month.shortfall("migration")
    split = targeting.lookalike_windows(tx[tx["order_date"] >= "2011-05-25"])
    features, seeds = split.features, split.seeds
    assert features.as_of == half.cutoff and features.table["first_order"].min() >= pd.Timestamp("2011-05-25")
    assert len(seeds) >= targeting.MIN_CLASS_SIZE
    assert kit.customers.periods.data_windows(tx, as_of="2011-06-30").end == pd.Timestamp("2011-06-30")
    with pytest.raises(KitError, match="no transactions before as_of"):
        kit.customers.periods.data_windows(tx, as_of="2000-01-01")


def test_lookalike_shortfall_names_the_counts():
    features = pd.DataFrame(index=[f"c{i}" for i in range(12)])
    assert targeting.lookalike_shortfall(features, ["c0", "c1", "c2", "c3", "c4"]) == ""
    assert targeting.lookalike_shortfall(features, ["c0"]) == "1 seed and 11 other customers: too few to learn from"
    with pytest.raises(KitError, match="4 seed and 8 other customers"):
        kit.lookalike(features.assign(recency=range(12)), ["c0", "c1", "c2", "c3"])


def test_capacity_scales_with_active_customers_and_lapsed_are_never_served_first(online_retail):
    tx, report = online_retail
    known = Features.from_transactions(tx, report=report)
    features = known.table
    windows = kit.customers.periods.table_windows(features, known.as_of)
    lapsed = kit.customers.periods.lapsed_customers(features["recency"], windows)
    assert lapsed.equals((features["recency"] > 183).rename("lapsed")) and 0 < lapsed.sum() < len(lapsed)
    active = int((~lapsed).sum())
    capacity = kit.customers.periods.default_capacity(active)
    assert capacity == -(-active // 5)
    value = kit.relationship_value(features)
    everyone = kit.select_targets(value["relationship_value"], capacity=len(value))  # lapsed ones would be picked
    assert lapsed[list(everyone)].any()
    targets = kit.select_targets(value["relationship_value"], capacity=capacity, exclude=lapsed.index[lapsed])
    assert len(targets) == capacity and not lapsed[list(targets)].any()
    table = kit.present.localise(targeting.targets_table(features, value, None, None, targets, as_of=known.as_of),
                                 "en").set_index(kit.present.label("customer_id"))
    serve_first = table["recommended action"] == kit.present.label("act_serve_first")
    assert serve_first.sum() == capacity and not table.loc[serve_first, "lapsed"].any()
    assert table.loc[lapsed.index[lapsed], "recommended action"].ne(kit.present.label("act_serve_first")).all()
    # a selection that ignored the lapsed flag still gives them no "serve first"
    table = kit.present.localise(targeting.targets_table(features, value, None, None, everyone, lapsed=lapsed),
                                 "en").set_index(kit.present.label("customer_id"))
    assert table.loc[lapsed.index[lapsed], "recommended action"].ne(kit.present.label("act_serve_first")).all()


def test_a_list_of_everyone_warns():
    values = pd.Series([3.0, 2.0, 1.0], index=list("abc"))
    with pytest.warns(UserWarning, match="covers all 2 eligible customers"):
        targets = kit.select_targets(values, capacity=5, exclude=["a"])
    assert list(targets) == ["b", "c"] and targets.random_expectation == pytest.approx(3.0)
    note = kit.present.label(targets.note).format(capacity=targets.capacity, eligible=targets.eligible)
    assert note == "capacity 5 covers all 2 eligible customers: the list selects no one out"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        quiet = kit.select_targets(values, capacity=5, exclude=["a"], warn=False)  # the notebook prints the note
    assert quiet.note == targets.note and kit.select_targets(values, capacity=2).note == ""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kit.select_targets(values, capacity=2)


def test_segment_names_say_nothing_of_lapsing_when_the_span_is_too_short(online_retail):
    tx, _ = online_retail
    week = Features.from_transactions(tx[tx["order_date"] >= "2011-12-02"])  # a week: nobody can be called lapsed
    assert kit.customers.periods.table_windows(week.table, week.as_of).shortfall("lapsed")
    names = kit.segment_customers(week.table, k=4, as_of=week.as_of).names
    assert names.equals(kit.segment_customers(week, k=4).names)  # Features carry their as_of
    assert not names.str.contains("lapsed|recent|tenure").any(), names.tolist()
    assert names.str.len().gt(0).all()
    year = Features.from_transactions(tx)  # a year: recency and tenure may name segments
    assert not kit.customers.periods.table_windows(year.table, year.as_of).shortfall("lapsed")
    assert targeting.segmentation._unnamed_features(year.table, year.as_of) == ()
    assert targeting.segmentation._unnamed_features(week.table, week.as_of) == targeting.segmentation.TIME_FEATURES


def test_features_carry_their_date_through_joins():
    base = Features(pd.DataFrame({"x": [1.0, 2.0]}, index=["a", "b"]), "2024-06-01")
    column = pd.Series([3.0, 4.0], index=["a", "b"], name="y")
    with pytest.raises(KitError, match="the joined columns have no date"):
        base.join(column)
    assert base.join(column, as_of="2024-01-01").as_of == pd.Timestamp("2024-06-01")  # the later of the two
    later = base.join(Features(column.to_frame(), "2024-07-01"))
    assert later.as_of == pd.Timestamp("2024-07-01") and list(later.table.columns) == ["x", "y"]
    assert base.as_of == pd.Timestamp("2024-06-01")  # the original is left as it is
    with pytest.raises(KitError, match="needs the date"):
        Features(base.table, None)


@pytest.fixture(scope="module")
def retail_split(online_retail):
    """Notebook 01's look-alike split of Online Retail, and a leaky column: each customer's spend in the outcome
    window, the very thing that defines the seeds."""
    tx, report = online_retail
    known = Features.from_transactions(tx, report=report)
    windows = kit.customers.periods.table_windows(known.table, known.as_of)
    split = targeting.lookalike_windows(tx, windows.cutoff, seed_share=0.2, report=report, as_of=known.as_of)
    later = tx[(tx["order_date"] >= split.outcome_start) & (tx["order_date"] < split.outcome_end)]
    leaky = kit.rfm_table(later)["monetary"].rename("outcome_spend").reindex(split.features.index).fillna(0.0)
    columns = [c for c in kit.customers.NUMERIC_FEATURES if c in split.features.table] + ["outcome_spend"]
    return split, leaky, columns


def test_the_leakage_guard_holds_after_joins(retail_split):
    split, leaky, columns = retail_split
    # unguarded, the leaky column gives the answer away
    cheat = kit.lookalike(split.features.table.join(leaky), split.seeds, columns=columns)
    assert cheat.auc > 0.99
    # (a) a plain DataFrame joined by hand has no known date: refused, saying how to give one
    with pytest.raises(KitError, match="no known date") as refused:
        kit.lookalike(split.features.table.join(leaky), split.seeds, outcome_start=split.outcome_start,
                      columns=columns)
    assert "Features(table, as_of)" in str(refused.value) and ".join(columns, as_of=...)" in str(refused.value)
    # (b) joined with the date it was computed as of (the end of the data): the features are late, refused
    joined = split.features.join(leaky, as_of=split.outcome_end)
    assert joined.as_of == split.outcome_end and "outcome_spend" in joined.table
    with pytest.raises(KitError, match="after the outcome period starts"):
        kit.lookalike(joined, split.seeds, outcome_start=split.outcome_start, columns=columns)


def test_the_honest_lookalike_still_fits(retail_split):
    split, _, _ = retail_split
    assert (split.outcome_start, split.outcome_end) == (pd.Timestamp("2011-06-10"), pd.Timestamp("2011-12-10"))
    assert (len(split.features), len(split.seeds)) == (2794, 559)
    result = kit.lookalike(split.features, split.seeds, outcome_start=split.outcome_start)
    assert result.auc == 0.8863  # notebook 01's held-out AUC (0.89) before the date travelled with the features
    # a column known by the cut-off joins without making the features late
    early = split.features.table["frequency"].rename("orders_before")
    kept = kit.lookalike(split.features.join(early, as_of=split.outcome_start), split.seeds,
                         outcome_start=split.outcome_start)
    assert kept.auc == result.auc
