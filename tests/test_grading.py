"""Value grading: known answers for every scheme, properties, the 80/20 figure on CDNOW, bad input."""

import inspect
import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit import KitError, grading
from kit.present import label, localise
from kit.present.results import load_table, save_table


def _full_factorial():
    """Eight customers, one per high/low combination; each measure is high for exactly four of them."""
    rows = {}
    for r, f, m in itertools.product((1, 0), repeat=3):
        rows[f"c{r}{f}{m}"] = {"recency": 10 if r else 100, "frequency": 10 if f else 1,
                               "monetary": 1000.0 if m else 10.0}
    return pd.DataFrame.from_dict(rows, orient="index")


EIGHT_TABLE = {  # METHODS.md, section 3 (R high = bought recently)
    "c111": ("重要价值客户", "important value"), "c101": ("重要发展客户", "important development"),
    "c011": ("重要保持客户", "important retention"), "c001": ("重要挽留客户", "important win-back"),
    "c110": ("一般价值客户", "general value"), "c100": ("一般发展客户", "general development"),
    "c010": ("一般保持客户", "general retention"), "c000": ("一般挽留客户", "general win-back"),
}
SIX_TABLE = {  # the source's six types; c001 (R↑F↓M↑) and c100 (R↓F↓M↓) placed by the frequent-twin rule
    "c111": "重要维护客户", "c101": "重要发展客户", "c110": "一般重要客户", "c011": "重要挽留客户",
    "c010": "一般客户", "c000": "无价值客户", "c001": "重要挽留客户", "c100": "一般重要客户",
}


@pytest.mark.parametrize("threshold", ["mean", "median"])
def test_eight_segments_land_where_the_table_says(threshold):
    rfm = _full_factorial()
    segments = kit.rfm_segments(rfm, "eight", threshold)["segment"]
    zh, en = localise(segments, "zh"), localise(segments, "en")
    assert {c: (zh[c], en[c]) for c in rfm.index} == EIGHT_TABLE


def test_recency_direction_most_recent_frequent_big_spender_is_important_value():
    rfm = _full_factorial()
    segments = kit.rfm_segments(rfm, "eight")
    assert segments.loc["c111", "segment"] == "important_value"  # recency 10 days: bought recently
    assert segments.loc["c011", "segment"] == "important_retention"  # recency 100 days
    assert segments.loc["c111", "R_high"] == 1 and segments.loc["c011", "R_high"] == 0


def test_six_types_and_the_two_placed_combinations():
    labels = localise(kit.rfm_segments(_full_factorial(), "six")["segment"], "zh")
    assert labels.to_dict() == SIX_TABLE


def test_numeric_threshold_compares_scores():
    rfm = _full_factorial()
    by_score = kit.rfm_segments(rfm, "eight", threshold=3)
    by_mean = kit.rfm_segments(rfm, "eight", threshold="mean")
    assert (by_score["segment"] == by_mean["segment"]).all()
    with pytest.raises(KitError, match="between 1 and 5"):
        kit.rfm_segments(rfm, "eight", threshold=7)


NAMED_TABLE = {  # METHODS.md: R×F map of quintile scores
    "champions": [(5, 4), (5, 5)], "loyal": [(3, 4), (3, 5), (4, 4), (4, 5)],
    "potential_loyalists": [(4, 2), (4, 3), (5, 2), (5, 3)], "new_customers": [(5, 1)], "promising": [(4, 1)],
    "need_attention": [(3, 3)], "about_to_sleep": [(3, 1), (3, 2)], "at_risk": [(1, 3), (1, 4), (2, 3), (2, 4)],
    "cant_lose": [(1, 5), (2, 5)], "hibernating": [(1, 1), (1, 2), (2, 1), (2, 2)],
}


def test_named_segments_cover_the_grid_as_the_table_says():
    rows = {}
    for r, f in itertools.product(range(1, 6), repeat=2):  # 25 customers, one per (R, F) score cell
        rows[f"r{r}f{f}"] = {"recency": (5 - r) * 100 + f, "frequency": f * 100 + r, "monetary": 1.0 + r + f}
    rfm = pd.DataFrame.from_dict(rows, orient="index")
    segments = kit.rfm_segments(rfm, "named")
    assert set(zip(segments["R"], segments["F"])) == set(itertools.product(range(1, 6), repeat=2))
    for name, cells in NAMED_TABLE.items():
        for r, f in cells:
            assert segments.loc[f"r{r}f{f}", "segment"] == name, (r, f)
    assert label(kit.rfm_segments(rfm, "named").loc["r5f5", "segment"], "zh") == "冠军客户"


def test_rfm_table_known_answers_and_as_of():
    tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b", "b"], "order_id": ["1", "1", "2", "3", "4"],
                       "order_date": pd.to_datetime(["2024-01-01 09:00", "2024-01-01 09:00", "2024-01-10 18:00",
                                                     "2024-01-05 00:00", "2024-02-01 00:00"]),
                       "amount": [5.0, 5.0, 20.0, 7.5, 100.0]})
    rfm = kit.rfm_table(tx)
    assert kit.periods.data_windows(tx).end == pd.Timestamp("2024-02-02")  # the default as_of: the day after
    assert rfm.loc["a"].to_dict() | {} == {"recency": 23, "frequency": 2, "monetary": 30.0,
                                           "first_order": pd.Timestamp("2024-01-01 09:00"),
                                           "last_order": pd.Timestamp("2024-01-10 18:00"), "tenure_days": 32}
    assert rfm.loc["b", "recency"] == 1 and rfm.loc["b", "frequency"] == 2
    earlier = kit.rfm_table(tx, as_of="2024-01-15")  # b's February order did not exist yet
    assert earlier.loc["b"].to_dict()["frequency"] == 1 and earlier.loc["b", "monetary"] == 7.5
    assert earlier.loc["a", "recency"] == 5


def test_rfm_table_errors():
    with pytest.raises(KitError, match="no customer_id"):
        kit.rfm_table(pd.DataFrame({"order_id": ["1"], "order_date": [pd.Timestamp("2024-01-01")], "amount": [1.0]}))
    empty = pd.DataFrame({"customer_id": [None], "order_id": ["1"], "order_date": [pd.Timestamp("2024-01-01")],
                          "amount": [1.0]})
    with pytest.raises(KitError, match="no rows with a customer id"):
        kit.rfm_table(empty)
    one = empty.assign(customer_id=["x"])
    with pytest.raises(KitError, match="no transactions before as_of"):
        kit.rfm_table(one, as_of="2023-01-01")


def test_one_customer_and_equal_values():
    one = pd.DataFrame({"recency": [3], "frequency": [2], "monetary": [10.0]}, index=["x"])
    with pytest.raises(KitError, match="compare customers with each other"):
        kit.rfm_segments(one)
    with pytest.raises(KitError, match="compare customers"):
        kit.rfm_scores(one)
    equal = pd.DataFrame({"recency": [3, 9], "frequency": [2, 4], "monetary": [10.0, 10.0]}, index=["x", "y"])
    assert kit.rfm_segments(equal)["M_high"].tolist() == [0, 0]  # documented: equal to the threshold is low
    assert kit.rfm_scores(equal)["M"].tolist() == [1, 1]
    assert grading.gini([10.0, 10.0]) == 0.0
    assert grading.top_share([10.0] * 5, 0.2) == pytest.approx(0.2)
    with pytest.raises(KitError, match="all values are zero"):
        grading.gini([0.0, 0.0])
    with pytest.raises(KitError, match="negative"):
        kit.abc_grades(pd.Series([5.0, -1.0]))
    with pytest.raises(KitError, match="no values"):
        kit.abc_grades(pd.Series([], dtype=float))


@pytest.mark.parametrize("method", ["rank", "quantile", "breaks"])
def test_a_constant_measure_gets_a_defined_score_for_every_method(method):
    # one day of data: every recency is 0; spend is constant too
    rfm = pd.DataFrame({"recency": [0] * 6, "frequency": [1, 1, 2, 3, 5, 8], "monetary": [25.0] * 6},
                       index=list("abcdef"))
    breaks = {"recency": [30, 90, 180, 365], "frequency": [1, 2, 4, 8], "monetary": [20, 50, 100, 300]}
    scores = kit.rfm_scores(rfm, method=method, breaks=breaks)
    assert scores[["R", "F", "M"]].notna().all().all()
    expected_r, expected_m = (5, 2) if method == "breaks" else (1, 1)  # breaks: the bin the value falls in
    assert scores["R"].tolist() == [expected_r] * 6 and scores["M"].tolist() == [expected_m] * 6
    bins = grading.score_bins(scores, 5)
    assert bins.loc[expected_r, "R"] == 6 and bins["R"].sum() == 6
    assert scores["F"].is_monotonic_increasing and scores["F"].iloc[-1] > scores["F"].iloc[0]
    nearly = rfm.assign(recency=[0] * 5 + [1])  # one customer differs
    assert kit.rfm_scores(nearly, method=method, breaks=breaks)["R"].notna().all()
    segments = kit.rfm_segments(rfm, "named")
    assert segments["segment"].notna().all()


@pytest.fixture(scope="module")
def cdnow_sample_rfm():
    return kit.rfm_table(kit.data.datasets.cdnow(sample=True)[0])


def test_scores_keep_ties_together_on_cdnow(cdnow_sample_rfm):
    rfm = cdnow_sample_rfm
    assert (rfm["frequency"] == 1).sum() == 1_218
    scores = kit.rfm_scores(rfm)
    assert (scores.loc[rfm["frequency"] == 1, "F"] == 1).all()
    bins = grading.score_bins(scores, 5)
    assert bins.loc[1, "F"] == 1_218
    assert bins["F"].sum() == 2_357
    assert bins.loc[2, "F"] == 0  # nobody: the tie at F = 1 fills more than two fifths
    assert grading.score_bins(rfm.join(scores), 5).equals(bins)  # computed from the scores, so it survives a join
    plain = kit.rfm_scores(rfm, method="quantile")
    assert plain["F"].nunique() < 5  # quantile cuts collapse on the ties


def test_explicit_breaks(cdnow_sample_rfm):
    breaks = {"recency": [30, 90, 180, 365], "frequency": [1, 2, 4, 8], "monetary": [20, 50, 100, 300]}
    scores = kit.rfm_scores(cdnow_sample_rfm, method="breaks", breaks=breaks)
    rfm = cdnow_sample_rfm
    assert (scores.loc[rfm["frequency"] == 1, "F"] == 1).all()
    assert (scores.loc[rfm["frequency"] == 2, "F"] == 2).all()
    assert (scores.loc[rfm["frequency"] > 8, "F"] == 5).all()
    assert (scores.loc[rfm["recency"] <= 30, "R"] == 5).all() and (scores.loc[rfm["recency"] > 365, "R"] == 1).all()
    with pytest.raises(KitError, match="4 increasing numbers"):
        kit.rfm_scores(rfm, method="breaks", breaks={"recency": [1, 2]})


@pytest.mark.parametrize("sample, expected", [(False, 0.678), (True, 0.674)])
def test_top_20_percent_share_on_cdnow(sample, expected):
    rfm = kit.rfm_table(kit.data.datasets.cdnow(sample=sample)[0])
    assert kit.pareto(rfm["monetary"])["their_value_share"] == pytest.approx(expected, abs=0.001)


def test_abc_grades_both_styles():
    values = pd.Series([50, 30, 10, 6, 4], index=list("abcde"), dtype=float)
    assert kit.abc_grades(values)["grade"].tolist() == ["A", "A", "B", "B", "C"]
    by_customers = kit.abc_grades(values, by="customer_share", cuts=(0.2, 0.6))
    assert by_customers["grade"].tolist() == ["A", "B", "B", "C", "C"]
    summary = grading.abc_summary(kit.abc_grades(values))
    assert summary["customers"].tolist() == [2, 2, 1] and summary["value_share"].tolist() == [0.8, 0.16, 0.04]


def test_lorenz_and_customers_for_share():
    curve = grading.lorenz_curve([1.0, 1.0, 2.0])
    assert curve["value_share"].round(4).tolist() == [0.0, 0.25, 0.5, 1.0]
    assert grading.customers_for_share([50, 30, 10, 6, 4], 0.8) == 0.4


customers = st.lists(st.tuples(st.integers(1, 400), st.integers(1, 30), st.floats(0.5, 1e5)),
                     min_size=2, max_size=60)


@settings(max_examples=80, deadline=None)
@given(customers, st.sampled_from(["mean", "median", 2, 4]), st.integers(2, 7))
def test_segments_partition_and_scores_in_range(rows, threshold, bins):
    rfm = pd.DataFrame(rows, columns=["recency", "frequency", "monetary"], index=[f"c{i}" for i in range(len(rows))])
    scores = kit.rfm_scores(rfm, bins=bins)
    for s in ("R", "F", "M"):
        assert scores[s].between(1, bins).all()
    # equal values, equal scores; a better value never gets a worse score
    for measure, s, sign in (("recency", "R", -1), ("frequency", "F", 1), ("monetary", "M", 1)):
        order = (sign * rfm[measure]).sort_values(kind="stable").index
        assert scores.loc[order, s].is_monotonic_increasing
    for scheme in grading.SCHEMES:
        if scheme == "named" and bins != 5:
            continue
        segments = kit.rfm_segments(rfm, scheme, threshold if scheme != "named" else "mean", bins=5)
        assert segments.index.equals(rfm.index)
        assert segments["segment"].isin(grading.SCHEMES[scheme]).all()


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(0, 1e6), min_size=1, max_size=80).filter(lambda v: sum(v) > 0),
       st.sampled_from(["value_share", "customer_share"]))
def test_abc_shares_monotone_and_gini_in_range(values, by):
    grades = kit.abc_grades(pd.Series(values), by=by)
    assert grades["cumulative_value_share"].is_monotonic_increasing
    assert grades["value"].is_monotonic_decreasing
    assert list(grades["grade"]) == sorted(grades["grade"])  # A before B before C
    assert grades["cumulative_value_share"].iloc[-1] == pytest.approx(1.0)
    assert 0.0 <= grading.gini(values) <= 1.0
    assert 0.0 <= grading.top_share(values, 0.2) <= 1.0


def test_value_matrix_layout_and_override():
    current = pd.Series([9, 8, 7, 3, 2, 1], index=list("abcdef"), dtype=float)
    future = pd.Series([9, 2, 5, 8, 5, 1], index=list("abcdef"), dtype=float)
    matrix = kit.value_matrix(current, future)
    assert matrix["value_class"].tolist() == ["A", "D", "C", "B", "E", "F"]
    assert matrix.loc["a", "class"] == "class_A" and matrix.loc["a", "action"] == "act_keep_all_costs"
    assert localise(matrix, "zh").loc["a", label("class", "zh")] == "A 类: 头等客户"
    assert localise(matrix, "zh").loc["a", label("value_class", "zh")] == "A"  # the letter stays a letter
    flipped = {k: {"A": "F", "F": "A"}.get(v, v) for k, v in grading.VALUE_LAYOUT.items()}
    assert kit.value_matrix(current, future, layout=flipped).loc["a", "value_class"] == "F"
    with pytest.raises(KitError, match="different customers"):
        kit.value_matrix(current, future.rename({"a": "z"}))


def test_strategic_matrix():
    out = kit.strategic_matrix(pd.Series([9, 8, 1, 2.0]), pd.Series([9, 1, 8, 2.0]))
    assert out["class"].tolist() == ["strategic", "profit", "potential", "ordinary"]
    assert out["action"].tolist() == ["act_partner", "act_harvest", "act_develop_fit", "act_standard"]
    assert localise(out, "zh")[label("class", "zh")].tolist() == ["战略客户", "利润客户", "潜力客户", "普通客户"]


def test_points_score_source_rules_and_missing_inputs():
    source = pd.DataFrame({"cumulative_purchase": [1_000_000, 500_000], "sales_opportunity": [0, 0],
                           "high_value_suggestions": [5, 0], "ordinary_suggestions": [0, 1],
                           "future_demand": [0, 0]}, index=["x", "y"])
    points = kit.points_score(source)
    assert points.loc["x", "cumulative_purchase"] == 10 and points.loc["y", "cumulative_purchase"] == 5
    assert points.loc["x", "high_value_suggestions"] == 50 and points.loc["y", "ordinary_suggestions"] == 2
    assert points["points"].tolist() == [60.0, 7.0] and points["complete"].all()
    partial = source[["cumulative_purchase"]]
    with pytest.raises(KitError, match=r"(?s)no column for 'sales_opportunity'.*missing='omit'"):
        kit.points_score(partial)
    omitted = kit.points_score(partial, missing="omit")
    assert omitted["sales_opportunity"].isna().all() and not omitted["complete"].any()
    assert grading.omitted_terms(partial) == ["sales_opportunity", "high_value_suggestions", "ordinary_suggestions",
                                              "future_demand"]
    assert grading.omitted_terms(source) == [] and not omitted.attrs
    assert omitted["points"].tolist() == [10.0, 5.0]
    custom = {"spend": {"column": "cumulative_purchase", "per": 1000, "points": 1},
              "arrears": {"column": "future_demand", "per": 1000, "points": -2}}
    assert kit.points_score(source.assign(future_demand=[0, 10_000]), custom)["points"].tolist() == [1000.0, 480.0]


def test_grade_migration_new_lost_and_fell():
    day = pd.Timestamp
    rows = []
    def buy(customer, date, amount, n=1):
        for i in range(n):
            rows.append((customer, f"{customer}-{date}-{i}", day(date), amount))
    buy("keeps", "2024-01-20", 500, 3); buy("keeps", "2024-04-20", 500, 3)
    buy("drops", "2024-01-25", 400, 3); buy("drops", "2024-03-01", 5)
    buy("tiny", "2024-01-02", 5)
    buy("leaves", "2024-02-01", 300, 2)
    buy("small", "2024-02-10", 5); buy("small", "2024-04-25", 5)
    buy("arrives", "2024-04-01", 50)
    tx = pd.DataFrame(rows, columns=["customer_id", "order_id", "order_date", "amount"])
    result = kit.grade_migration(tx, ("2024-01-01", "2024-01-31"), ("2024-02-01", "2024-04-30"))
    c = result.customers
    assert c.loc[["leaves", "small", "arrives"], "segment_a"].eq("new").all()
    assert c.loc[["keeps", "drops"], "segment_a"].eq("important_value").all()
    assert c.loc["keeps", "segment_b"] == "important_value" and not c.loc["keeps", "fell"]
    assert c.loc["drops", "segment_b"] == "general_win_back" and c.loc["tiny", "segment_b"] == "lost"
    assert c.loc["tiny", "segment_a"] == "general_win_back"  # the bottom in A: leaving it is not falling
    assert set(result.fell.index) == {"drops"}
    assert result.matrix.loc["new"].sum() == 3 and result.matrix.values.sum() == 6
    assert result.matrix.loc["important_value", "important_value"] == 1  # keys
    assert localise(result.matrix, "en").loc["important value", "important value"] == 1
    assert localise(result.matrix, "zh").loc["新客户"].sum() == 3
    lost = kit.grade_migration(tx, ("2024-01-01", "2024-02-15"), ("2024-03-01", "2024-04-30"))
    assert lost.customers.loc["leaves", "segment_b"] == "lost" and "leaves" in lost.fell.index


def test_staying_in_the_bottom_is_not_falling():
    day = pd.Timestamp
    rows = []
    def buy(customer, date, amount, n=1):
        for i in range(n):
            rows.append((customer, f"{customer}-{date}-{i}", day(date), amount))
    buy("best", "2024-01-28", 900, 4); buy("best", "2024-02-27", 900, 4)
    buy("falls", "2024-01-27", 800, 4); buy("falls", "2024-02-02", 10)
    buy("bottom", "2024-01-02", 5); buy("bottom", "2024-02-01", 5)  # lowest grade in both periods
    buy("gone", "2024-01-03", 4)  # lowest grade in A, then no purchase
    buy("mid", "2024-01-29", 20); buy("mid2", "2024-01-04", 900, 4)
    buy("other", "2024-02-26", 500, 3); buy("more", "2024-02-25", 40)
    tx = pd.DataFrame(rows, columns=["customer_id", "order_id", "order_date", "amount"])
    for scheme, bottom in (("eight", "general_win_back"), ("six", "six_no_value")):
        result = kit.grade_migration(tx, ("2024-01-01", "2024-01-31"), ("2024-02-01", "2024-02-29"), scheme=scheme)
        c = result.customers
        assert c.loc[["bottom", "gone"], "segment_a"].eq(bottom).all(), scheme
        assert c.loc["bottom", "segment_b"] == bottom and c.loc["gone", "segment_b"] == "lost", scheme
        assert not c.loc[["bottom", "gone"], "fell"].any(), scheme
        assert {"bottom", "gone"}.isdisjoint(result.fell.index), scheme
        assert "falls" in result.fell.index, scheme  # a real fall stays on the list
        assert result.matrix.loc[bottom, bottom] >= 1 and result.matrix.loc[bottom, "lost"] >= 1  # still counted


def test_migration_finds_planted_churners():
    raw, truth = kit.data.datasets.synthetic(n_customers=300, seed=11, dirt={})
    tx, _ = kit.load_transactions(raw)
    result = kit.grade_migration(tx, ("2023-01-01", "2023-06-30"), ("2023-12-01", "2023-12-31"))
    churned_before_december = truth.churned[truth.churned < "2023-12-01"].index
    active_in_a = result.customers.index[result.customers["segment_a"] != "new"]
    bottom_in_a = result.customers.index[result.customers["segment_a"] == "general_win_back"]
    expected = set(churned_before_december) & set(active_in_a) - set(bottom_in_a)
    assert expected and expected <= set(result.fell.index)
    assert (result.customers.loc[list(expected), "segment_b"] == "lost").all()
    at_bottom = sorted(set(churned_before_december) & set(bottom_in_a))  # no grade left to fall from
    assert (result.customers.loc[at_bottom, "segment_b"] == "lost").all()
    assert result.matrix.loc["general_win_back", "lost"] >= len(at_bottom)


def test_grading_actions_table(online_retail):
    tx, _ = online_retail
    rfm = kit.rfm_table(tx)
    segments = kit.rfm_segments(rfm, "six")
    keyed = grading.grading_actions(rfm, kit.rfm_scores(rfm), segments, kit.abc_grades(rfm["monetary"]))
    assert keyed["segment"].isin(grading.SCHEMES["six"]).all()
    assert keyed["action"].equals(keyed["segment"].map(grading.SEGMENT_ACTIONS))
    table = localise(keyed, "zh")  # the table for people
    assert len(table) == len(rfm) and table["客户编号"].is_unique
    assert {"客户分群", "建议行动", "ABC 等级", "RFM"} <= set(table.columns)
    assert table["消费金额"].is_monotonic_decreasing
    assert table.loc[0, "建议行动"] == label(grading.segment_action(segments.loc[table.loc[0, "客户编号"], "segment"]),
                                          "zh")
    assert set(grading.SEGMENT_ACTIONS) == {s for v in grading.SCHEMES.values() for s in v}
    # data too short to tell recent from lapsed: no segment and no segment action, grades and scores kept
    one_day = tx[tx["order_date"].dt.normalize() == "2011-11-15"]
    day = kit.rfm_table(one_day)
    assert kit.periods.data_windows(one_day).shortfall("lapsed") and day["recency"].nunique() == 1
    short = localise(grading.grading_actions(day, kit.rfm_scores(day), None, kit.abc_grades(day["monetary"])), "en")
    assert short["segment"].isna().all() and short["recommended action"].isna().all()
    assert short["ABC grade"].notna().all() and (short["R score"] == 1).all()


def test_rfm_table_equals_a_plain_groupby_in_any_line_order(online_retail):
    tx, _ = online_retail
    g = tx.groupby("customer_id")
    as_of = tx["order_date"].max().normalize() + pd.Timedelta(days=1)
    plain = pd.DataFrame({"recency": (as_of - g["order_date"].max().dt.normalize()).dt.days,
                          "frequency": g["order_id"].nunique(), "monetary": g["amount"].sum().round(2)})
    for frame in (tx, tx.sample(frac=1.0, random_state=0)):
        rfm = kit.rfm_table(frame)
        pd.testing.assert_frame_equal(rfm[["recency", "frequency", "monetary"]], plain, check_dtype=False,
                                      check_names=False)


def test_an_order_id_shared_by_two_customers_counts_for_both():
    tx = pd.DataFrame({"customer_id": ["a", "b", "a", "a"], "order_id": ["1", "1", "2", "2"],
                       "order_date": pd.to_datetime(["2024-01-01"] * 4), "amount": [1.0, 2.0, 3.0, 4.0]})
    rfm = kit.rfm_table(tx)
    assert rfm["frequency"].to_dict() == {"a": 2, "b": 1}
    assert rfm["monetary"].to_dict() == {"a": 8.0, "b": 2.0}


def test_grade_migration_periods_default_to_the_data_windows(online_retail):
    tx, _ = online_retail
    recent = tx[tx["order_date"] >= "2011-05-25"]  # six and a half months: two windows of 99 days
    result = kit.grade_migration(recent)
    assert result.periods == ((pd.Timestamp("2011-05-26"), pd.Timestamp("2011-09-01")),
                              (pd.Timestamp("2011-09-02"), pd.Timestamp("2011-12-09")))
    assert result.customers["segment_a"].ne("new").any()  # period A lies inside the data
    with pytest.raises(KitError, match="migration needs windows of at least 60 days"):
        kit.grade_migration(tx[tx["order_date"] >= "2011-11-09"])


def _actions(rfm, segments):
    return grading.grading_actions(rfm, kit.rfm_scores(rfm), segments, kit.abc_grades(rfm["monetary"]))


def test_grading_result_schema_keys_saved_and_loaded(tmp_path, cdnow_sample_rfm):
    rfm = cdnow_sample_rfm
    result = _actions(rfm, kit.rfm_segments(rfm, "eight"))[list(grading.RESULT_COLUMNS)]
    assert list(result.columns) == ["customer_id", "segment", "abc_grade", "monetary", "action"]
    assert result["segment"].isin(grading.SCHEMES["eight"]).all()
    assert result["action"].isin(set(grading.SEGMENT_ACTIONS.values())).all()
    assert result["abc_grade"].isin(["A", "B", "C"]).all() and result["monetary"].sum() == pytest.approx(
        rfm["monetary"].sum())
    save_table(tmp_path, "grading", result)
    pd.testing.assert_frame_equal(load_table(tmp_path, "grading"), result)
    # the file for people has the words; the result keeps the keys
    people = localise(result, "zh")
    assert people.loc[0, "客户分群"] == label(result.loc[0, "segment"], "zh") != result.loc[0, "segment"]
    # too short to segment: segment and action missing, grade and spend kept
    short = _actions(rfm, None)[list(grading.RESULT_COLUMNS)]
    save_table(tmp_path, "grading", short)
    loaded = load_table(tmp_path, "grading")
    assert loaded["segment"].isna().all() and loaded["action"].isna().all() and loaded["abc_grade"].notna().all()


def test_grading_takes_no_language_and_writes_no_attrs(cdnow_sample_rfm):
    for name in grading.__all__:
        member = getattr(grading, name)
        if callable(member) and not isinstance(member, type):
            assert "lang" not in inspect.signature(member).parameters, name
    rfm = cdnow_sample_rfm.copy()
    rfm.attrs.clear()  # the customer table may or may not carry attrs; grading neither reads nor writes them
    segments = kit.rfm_segments(rfm, "eight")
    for frame in (kit.rfm_scores(rfm), segments, grading.segment_summary(segments, rfm), _actions(rfm, segments),
                  kit.abc_grades(rfm["monetary"]), kit.value_matrix(rfm["monetary"], rfm["frequency"]),
                  kit.points_score(pd.DataFrame({"cumulative_purchase": rfm["monetary"]}), missing="omit")):
        assert frame.attrs == {}
    assert kit.rfm_segments(rfm.join(kit.rfm_scores(rfm)), "eight")["segment"].equals(segments["segment"])
