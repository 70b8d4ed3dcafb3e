"""Notebook 00's exercises: each solution passes its own check, plausible wrong answers fail, in both languages."""

import pandas as pd
import pytest

import kit
import kit.course
from kit.course.exercises import assert_check_failed, assert_check_passed, data_preparation


@pytest.fixture(scope="module")
def loaded():
    """What notebook 00 loads by default: the bundled Online Retail data for customer analyses."""
    return kit.data.datasets.load("", "", "")


@pytest.fixture(scope="module")
def exercises(loaded):
    tx, report = loaded
    return {lang: data_preparation(tx, report, lang) for lang in ("en", "zh")}


def namespace(loaded):
    tx, report = loaded
    return {"tx": tx, "report": report, "pd": pd}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_solutions_pass_their_checks(loaded, exercises, lang):
    for q in exercises[lang].values():
        assert q.lang == lang
        assert_check_passed(q, namespace(loaded))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_q1_accepts_the_key_and_the_label_in_either_language(exercises, lang):
    q1 = exercises[lang]["q1"]
    assert q1.expected == "cancellation"  # 8,905 rows; missing customer ids (135,080) are a check, not a step
    for answer in ("cancellation", "取消订单", " Cancellation "):
        assert q1.is_correct(answer), answer
    for wrong in ("missing_customer_id", "缺少客户编号", "missing customer id", "duplicate", "kept", 8905):
        assert_check_failed(q1, wrong)


def test_q2_asks_for_the_revenue_of_one_time_buyers_not_their_number(loaded, exercises):
    tx, _ = loaded
    q2 = exercises["en"]["q2"]
    orders = tx.groupby("customer_id")["order_id"].nunique()
    assert q2.expected == pytest.approx(0.065, abs=1e-3)
    assert_check_failed(q2, round((orders == 1).mean(), 3))  # 0.347: the share printed above the exercises
    assert_check_failed(q2, 0.5)
    assert q2.is_correct(0.0652) and q2.is_correct("0.065")


def test_texts_are_in_both_languages_and_check_speaks_the_chosen_one(exercises, capsys):
    for lang in ("en", "zh"):
        for q in exercises[lang].values():
            assert set(q.question) == set(q.hint_text) == {"en", "zh"}
            assert any("\u4e00" <= ch <= "\u9fff" for ch in q.question["zh"] + q.hint_text["zh"])
    q1 = exercises["zh"]["q1"]
    q1.check(None)
    q1.check("取消订单")
    q1.check("duplicate")
    q1.hint()
    out = capsys.readouterr().out
    assert "问题" in out and "正确: 取消订单" in out and "还不对" in out and "提示" in out


def test_basket_and_amountless_data_get_their_own_questions():
    baskets = pd.DataFrame({"Invoice": ["1", "1", "2", "3"], "SKU": ["a", "b", "a", "c"], "Qty": [1, 1, 1, 1]})
    tx, report = kit.load_transactions(baskets, analysis="baskets")
    ex = data_preparation(tx, report, "zh")
    assert ex["q2"].expected == round(2 / 3, 3) and "订单" in ex["q2"].question["zh"]
    for q in ex.values():
        assert_check_passed(q, {"tx": tx, "report": report})
    assert_check_failed(ex["q2"], 0.333)
    assert ex["q1"].expected == 0 and not ex["q1"].is_correct(4)

    counts = pd.DataFrame({"customer_id": ["a", "a", "b", "c", "c", "c"], "order_id": ["1", "2", "3", "4", "5", "4"],
                           "order_date": pd.date_range("2024-01-01", periods=6).astype(str),
                           "product_id": ["x", "y", "x", "x", "y", "x"]})
    tx, report = kit.load_transactions(counts)
    ex = data_preparation(tx, report, "en")
    assert ex["q2"].expected == round(1 / 5, 3)  # b's one order of 5 orders
    for q in ex.values():
        assert_check_passed(q, {"tx": tx, "report": report})
    assert_check_failed(ex["q2"], round(1 / 3, 3))
