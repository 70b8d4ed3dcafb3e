"""Cleaning: every row kept or set aside with exactly one reason, counted; the steps are configurable."""

import subprocess
import sys
import textwrap

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit.data.cleaning import REASONS, STEPS, reversed_by_cancellation
from kit.present.cleaning import report_html, report_text, set_aside_table, summary_table


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
    summary = summary_table(report, "zh")
    assert summary.index[0] == "保留" and summary.index[-1] == "合计"
    assert summary.iloc[:-1, 0].sum() == summary.iloc[-1, 0] == len(small_raw)
    assert "取消订单" in report_text(report, "zh")


def test_report_holds_keys_and_people_get_labels(small_raw):
    _, report = kit.load_transactions(small_raw)
    summary = report.summary()
    assert summary.index.name == "reason" and list(summary.columns) == ["rows", "share", "amount"]
    assert summary.index.tolist() == ["kept", *report.counts.index, "total"]
    assert summary.loc["cancellation", "rows"] == 1 and summary.loc["total", "share"] == 1.0
    aside = report.set_aside_table()
    assert list(aside.columns[:2]) == ["row", "reason"] and set(aside["reason"]) <= set(REASONS)
    people = set_aside_table(report, "zh")
    assert list(people.columns[:2]) == ["行号", "原因"] and "取消订单" in set(people["原因"])
    assert people.iloc[:, 2:].equals(aside.iloc[:, 2:].rename(columns=dict(zip(aside.columns[2:], people.columns[2:]))))
    assert "reason" in str(report) and "cancellation" in str(report)  # a report prints with its keys
    assert report.figures() == {"source": "<DataFrame>", "n_rows": 9, "n_kept": 3, "n_set_aside": 6,
                                "money_read": 21.5, "money_kept": 11.0}


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
    assert_money_adds_up(report)
    assert report.money_kept == pytest.approx(tx["amount"].sum(), abs=1e-9)


def assert_money_adds_up(report):
    """Money read = kept + set aside, per reason and in each form the report shows."""
    assert list(report.money.index) == list(report.counts.index)
    assert report.money_kept + report.money_set_aside == pytest.approx(report.money_read, abs=1e-6)
    zero = report.counts[report.counts == 0].index
    assert (report.money[zero] == 0).all()
    summary = report.summary()
    assert summary["amount"].iloc[:-1].sum() == pytest.approx(summary["amount"].iloc[-1], abs=0.01 * len(summary))


def test_hex_order_ids_are_not_cancellations():
    frame = pd.DataFrame({"customer_id": ["1", "1", "1", "2", "2"],
                          "order_id": ["c152d21b", "C7", "c9a0", "9", "C8"],
                          "order_date": ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"],
                          "product_id": ["A", "A", "B", "A", "B"], "quantity": [3, -3, 1, -1, 2],
                          "unit_price": [1.0, 1.0, 2.0, 1.0, 2.0]})
    tx, report = kit.load_transactions(frame)
    reasons = report.set_aside.set_index("row")["reason"].to_dict()
    # C7 reverses the hex order's line; the plain negative line 9 is a return; C8 and c9a0 are positive: sales
    assert reasons == {0: "cancelled_order", 1: "cancellation", 3: "non_positive_quantity"}
    assert sorted(tx["order_id"]) == ["C8", "c9a0"]
    assert r"cancellation: order id matches ^[Cc]\d and quantity < 0 (1 line)" in report.notes
    assert any(n.startswith("3 lines whose order id matches") and "(e.g. c152d21b, c9a0, C8)" in n
               for n in report.notes)
    assert "note: cancellation: order id matches" in report_text(report)


def test_cancellations_found_by_amount_when_there_is_no_quantity():
    frame = pd.DataFrame({"customer_id": ["1", "1", "2"], "order_id": ["1", "C2", "C3"],
                          "order_date": ["2024-01-01", "2024-01-02", "2024-01-03"], "amount": [5.0, -5.0, 4.0]})
    tx, report = kit.load_transactions(frame)
    assert report.counts["cancellation"] == 1 and tx["order_id"].tolist() == ["1", "C3"]
    assert r"cancellation: order id matches ^[Cc]\d and amount < 0 (1 line)" in report.notes
    assert report.money_read == 4.0 and report.money["cancellation"] == -5.0 and report.money_kept == 9.0


def test_online_retail_cancellation_rule_is_reported(online_retail):
    _, report = online_retail
    assert r"cancellation: order id matches ^[Cc]\d and quantity < 0 (9,288 lines)" in report.notes
    assert not any("not negative" in n for n in report.notes)  # every C line of Online Retail is negative


def test_online_retail_money_account(online_retail):
    tx, report = online_retail
    assert report.money_read == pytest.approx(9_747_747.93, abs=0.01)  # DATA.md: sum of Quantity x UnitPrice
    assert report.money_kept == pytest.approx(tx["amount"].sum(), abs=1e-6)
    assert_money_adds_up(report)
    assert report.money["non_positive_price"] == 0  # zero prices: no money, but counted rows
    assert report.money["cancellation"] < 0 < report.money["cancelled_order"]
    text = report_text(report)
    assert "9,747,747.93" in text and "amount" in text
    assert "amount read 9,747,747.93" in report_html(report)
    assert report.figures() == {"source": "online_retail.parquet", "n_rows": 541_909, "n_kept": report.n_kept,
                                "n_set_aside": report.n_rows - report.n_kept, "money_read": 9_747_747.93,
                                "money_kept": round(report.money_kept, 2)}


@pytest.mark.parametrize("analysis", ["customers", "baskets"])
def test_money_adds_up_on_variants(small_raw, analysis):
    raw = small_raw.assign(quantity=small_raw["quantity"].astype(object))
    raw.loc[2, "quantity"] = "two"  # not a number: its money is not read
    tx, report = kit.load_transactions(raw, analysis=analysis)
    assert report.money_read == pytest.approx(2 + 3 + 1.5 - 8 + 8 + 5 + 0 + 4)  # row 2 is not read
    assert_money_adds_up(report)
    with_amount = small_raw.assign(amount=small_raw["quantity"] * small_raw["unit_price"]).drop(columns="unit_price")
    _, by_amount = kit.load_transactions(with_amount, analysis=analysis)
    assert by_amount.money_read == pytest.approx(2 + 3 + 6 + 1.5 - 8 + 8 + 5 + 0 + 4)
    assert_money_adds_up(by_amount)
    _, unsteered = kit.load_transactions(small_raw, analysis=analysis, steps=[])
    assert unsteered.money_read == by_amount.money_read
    assert_money_adds_up(unsteered)


def quadratic_reference(table, cancellation, invalid):
    """The pairwise matching used before (every original x every cancellation of the same key): the reference."""
    keys = ["customer_id", "product_id", "quantity"]
    usable = table["customer_id"].notna() & table["product_id"].notna() & ~invalid
    cancels = table.loc[cancellation & usable & (table["quantity"] < 0), keys + ["order_date"]]
    cancels = cancels.assign(quantity=-cancels["quantity"]).reset_index(names="cancel_row")
    originals = table.loc[~cancellation & usable & (table["quantity"] > 0), keys + ["order_date"]]
    originals = originals.reset_index(names="row")
    pairs = originals.merge(cancels, on=keys, suffixes=("", "_cancel"))
    pairs = pairs[pairs["order_date"] <= pairs["order_date_cancel"]]
    pairs = pairs.sort_values(["order_date", "row"], ascending=False)
    matched, used = set(), set()
    for row, cancel_row in zip(pairs["row"].to_numpy(), pairs["cancel_row"].to_numpy()):
        if cancel_row not in used and row not in matched:
            used.add(cancel_row)
            matched.add(row)
    return table.index.isin(list(matched))


lines = st.tuples(st.sampled_from(["1", "2", None]), st.sampled_from(["A", "B"]), st.sampled_from([-2, -1, 1, 2]),
                  st.one_of(st.none(), st.integers(0, 5)), st.booleans(), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(lines, min_size=1, max_size=30))
def test_linear_matching_equals_the_pairwise_reference(records):
    table = pd.DataFrame(records, columns=["customer_id", "product_id", "quantity", "day", "marked", "invalid"])
    table["order_date"] = pd.Timestamp("2024-01-01") + pd.to_timedelta(table["day"], unit="D")
    cancellation = table["marked"] & (table["quantity"] < 0)
    # the reference does not look at dates that are missing (NaT compares false), nor does the linear sweep
    expected = quadratic_reference(table, cancellation, table["invalid"])
    assert reversed_by_cancellation(table, cancellation, table["invalid"]).tolist() == expected.tolist()


def test_linear_matching_equals_the_pairwise_reference_on_online_retail():
    tx, _ = kit.data.datasets.online_retail(analysis="baskets", steps=[])
    cancellation = tx["order_id"].str.match(r"^[Cc]\d") & (tx["quantity"] < 0)
    invalid = pd.Series(False, index=tx.index)
    found = reversed_by_cancellation(tx, cancellation, invalid)
    assert found.sum() == 2_899
    assert (found == quadratic_reference(tx, cancellation, invalid)).all()


def test_many_cancellations_of_one_product_run_in_little_memory():
    """55,000 lines of one customer and product: 756 million pairs, which the pairwise matching cannot hold."""
    script = textwrap.dedent("""
        import resource, numpy as np, pandas as pd
        import kit
        n = 27_500
        minutes = np.r_[np.arange(n), np.arange(-1_000, n - 1_000)]  # originals, then cancellations
        raw = pd.DataFrame({"customer_id": "7", "product_id": "23843",
                            "order_id": [f"{i}" for i in range(n)] + [f"C{i}" for i in range(n)],
                            "order_date": pd.Timestamp("2024-01-01 00:00") + pd.to_timedelta(minutes, unit="min"),
                            "quantity": np.r_[np.full(n, 3), np.full(n, -3)], "unit_price": 1.5})
        status = dict(line.split(":", 1) for line in open("/proc/self/status"))
        limit = int(status["VmData"].split()[0]) * 1024 + 1_000_000_000  # 1 GB more than after the imports
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
        tx, report = kit.load_transactions(raw.sample(frac=1, random_state=1))
        print(report.counts["cancelled_order"], report.counts["cancellation"], tx["order_date"].min())
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    # originals in the last 1,000 minutes come after every cancellation; the first 1,000 cancellations come
    # before every original: 26,500 pairs
    assert result.stdout.split()[:2] == ["26500", "27500"]
    assert result.stdout.split()[2] == "2024-01-19"


def test_possible_non_product_codes_are_listed_not_set_aside():
    codes = [str(n) for n in range(10_000, 10_200)] + ["ADJUST", "Manual", "POSTAGE", "99001", "99002", "AMAZON FEE"]
    names = ["mug"] * 200 + ["Adjustment", "Manual", "Postage", "运费", "手续费", "Amazon fee"]
    frame = pd.DataFrame({"customer_id": "1", "order_id": [str(i) for i in range(206)], "order_date": "2024-01-01",
                          "product_id": codes, "product_name": names, "quantity": 1, "unit_price": 2.0})
    frame.loc[200, "unit_price"] = 10.0
    tx, report = kit.load_transactions(frame)
    assert report.n_kept == 206 and report.counts["non_product_code"] == 0
    found = report.suspect_codes.set_index("product_id")
    assert set(found.index) == {"ADJUST", "Manual", "POSTAGE", "99001", "99002", "AMAZON FEE"}
    assert found.loc["99001", "why"] == "name: postage/carriage" and found.loc["99002", "product_name"] == "手续费"
    assert found.loc["ADJUST", "why"] == "name: adjustment/manual; code shape A"
    assert found.loc["ADJUST", ["lines", "amount"]].tolist() == [1, 10.0] and found.index[0] == "ADJUST"
    assert "possible non-product codes (6;" in report_text(report)
    tx, report = kit.load_transactions(frame, non_product_codes=["ADJUST", "manual", "99001"])
    assert report.counts["non_product_code"] == 3 and report.money["non_product_code"] == 14.0
    assert set(report.suspect_codes["product_id"]) == {"POSTAGE", "99002", "AMAZON FEE"}


def test_code_shapes_are_judged_against_the_file():
    """A letters-only code is unusual among digit codes; a digit code is unusual among letters-only codes."""
    def lines(codes):
        return pd.DataFrame({"customer_id": "1", "order_id": "1", "order_date": "2024-01-01", "quantity": 1,
                             "unit_price": 1.0, "product_id": codes})
    letters = [f"{chr(97 + i % 26)}{chr(97 + i // 26)}mug" for i in range(60)]
    _, report = kit.load_transactions(lines([str(n) for n in range(100, 160)] + ["MUGS"]))
    assert report.suspect_codes[["product_id", "why"]].values.tolist() == [["MUGS", "code shape A"]]
    _, report = kit.load_transactions(lines(letters + ["12345"]))
    assert report.suspect_codes[["product_id", "why"]].values.tolist() == [["12345", "code shape 9"]]
    _, report = kit.load_transactions(lines(letters[:10] + ["12345"]))  # 1 of 11 codes: not rare
    assert report.suspect_codes.empty


def test_implausible_dates_are_noted_and_kept():
    frame = pd.DataFrame({"customer_id": ["1", "2", "3", "4"], "order_id": ["1", "2", "3", "4"],
                          "order_date": ["2024-01-01", "2099-12-31", "1985-06-01", "2099-01-01"],
                          "product_id": "A", "quantity": 1, "unit_price": 1.0})
    tx, report = kit.load_transactions(frame)
    assert report.n_kept == 4
    assert "1 order date before 1990-01-01, e.g. 1985-06-01 (row 2)" in report.notes
    later = [n for n in report.notes if n.startswith("2 order dates after")]
    assert len(later) == 1 and "2099-12-31 (row 1), 2099-01-01 (row 3)" in later[0]
    _, clean = kit.load_transactions(frame.iloc[:1])
    assert not any("order date" in n for n in clean.notes)
