"""Cleaning: every row kept or set aside with exactly one reason, counted; the steps are configurable."""

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.cleaning import REASONS, STEPS


def test_each_problem_gets_its_reason(small_raw):
    tx, report = kit.load_transactions(small_raw)
    reasons = dict(zip(report.set_aside["row"], report.set_aside["reason"]))  # rows numbered from 0
    assert reasons == {3: "missing_customer_id", 4: "cancellation",
                       5: "cancelled_order",  # 4 units of A bought by customer 3, reversed by C13
                       6: "non_product_code", 7: "non_positive_price", 8: "unparseable_date"}
    assert report.n_kept == 3 and tx["order_id"].tolist() == ["10", "10", "11"]


def test_exact_duplicates_are_set_aside_once():
    frame = pd.DataFrame({"customer_id": ["1"] * 3, "order_id": ["9"] * 3, "order_date": ["2024-01-01"] * 3,
                          "product_id": ["A", "A", "B"], "quantity": [1, 1, 1], "unit_price": [1.0, 1.0, 1.0]})
    tx, report = kit.load_transactions(frame)
    assert report.counts["duplicate"] == 1 and report.set_aside["row"].tolist() == [1]
    tx, report = kit.load_transactions(frame, steps={"duplicate": False})
    assert report.n_kept == 3 and "duplicate" not in report.counts


def test_partial_cancellation_leaves_the_original():
    frame = pd.DataFrame({"customer_id": ["1", "1"], "order_id": ["9", "C10"],
                          "order_date": ["2024-01-01", "2024-01-02"], "product_id": ["A", "A"],
                          "quantity": [5, -2], "unit_price": [1.0, 1.0]})
    tx, report = kit.load_transactions(frame)
    assert report.counts["cancellation"] == 1 and report.counts["cancelled_order"] == 0
    assert tx["quantity"].tolist() == [5]


def test_a_cancellation_reverses_only_an_earlier_line_once():
    frame = pd.DataFrame({"customer_id": ["1"] * 4, "order_id": ["8", "9", "C10", "11"],
                          "order_date": ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"],
                          "product_id": ["A"] * 4, "quantity": [2, 2, -2, 2], "unit_price": [1.0] * 4})
    tx, report = kit.load_transactions(frame)
    assert report.set_aside.set_index("row")["reason"].to_dict() == {1: "cancelled_order", 2: "cancellation"}


def test_baskets_keep_orders_without_a_customer(small_raw):
    tx, report = kit.load_transactions(small_raw, analysis="baskets")
    assert "missing_customer_id" not in report.counts
    assert "12" in set(tx["order_id"])
    assert report.n_rows == report.n_kept + report.n_set_aside


def test_steps_can_be_switched_off(small_raw):
    _, report = kit.load_transactions(small_raw, steps=[])
    assert report.steps == ()
    assert set(report.counts.index) == {"missing_value", "invalid_number", "unparseable_date", "missing_customer_id"}
    assert report.n_kept == 7


def test_report_summary_adds_up_and_speaks_both_languages(small_raw):
    _, report = kit.load_transactions(small_raw)
    summary = report.summary("zh")
    assert summary.index[0] == "保留" and summary.index[-1] == "合计"
    assert summary.iloc[:-1, 1].sum() == summary.iloc[-1, 1] == len(small_raw)
    assert "取消订单" in report.to_text("zh")


values = st.one_of(st.none(), st.just(""), st.just("x"), st.integers(-3, 3).map(str))
rows = st.fixed_dictionaries({
    "customer_id": st.sampled_from([None, "", "1", "2", "3"]),
    "order_id": st.sampled_from(["1", "2", "C3", "4", None]),
    "order_date": st.sampled_from(["2024-01-01", "2024-01-02 10:00", "bad", None, "2024-02-30"]),
    "product_id": st.sampled_from(["A", "B", "POST", None, "gift_0001_10"]),
    "quantity": values,
    "unit_price": values,
})


@settings(max_examples=150, deadline=None)
@given(st.lists(rows, min_size=4, max_size=40), st.sampled_from(["customers", "baskets"]),
       st.sets(st.sampled_from(STEPS)))
def test_every_row_is_accounted_for(records, analysis, steps):
    raw = pd.DataFrame(records)
    raw["order_date"] = raw["order_date"].where(raw.index % 3 != 0, "2024-01-03")  # keep most dates valid
    raw["quantity"] = raw["quantity"].where(raw.index % 2 == 0, "1")
    raw["unit_price"] = raw["unit_price"].where(raw.index % 2 == 0, "2")
    try:
        tx, report = kit.load_transactions(raw, analysis=analysis, steps=list(steps))
    except kit.KitError as err:
        assert "no usable rows left" in str(err) or "not numbers" in str(err) or "do not parse" in str(err)
        return
    assert report.n_rows == len(raw)
    assert report.n_kept == len(tx)
    assert report.n_kept + int(report.counts.sum()) == len(raw)
    assert len(report.set_aside) == int(report.counts.sum())
    assert set(report.set_aside["reason"]) <= set(REASONS)
    assert set(report.set_aside["row"]).isdisjoint(set()) and report.set_aside["row"].is_unique
    assert tx[["order_id"]].notna().all().all()
