"""The exercises of notebook 01 (customer targeting): each solution passes its check, plausible wrong answers fail,
answers are accepted as the learner sees them (labels in either language), texts exist in both languages."""

import pytest

import kit
from kit import targeting
from kit.course.exercises import assert_check_failed, assert_check_passed, customer_targeting, in_language, solve


@pytest.fixture(scope="module")
def namespace():
    """The notebook's variables, computed as the notebook does on the bundled data with its default parameters."""
    tx, report = kit.data.datasets.load("", "", "", analysis="customers")
    known = kit.customers.Features.from_transactions(tx, report=report)
    features = known.table
    windows = kit.customers.periods.table_windows(features, known.as_of)
    lapsed = kit.customers.periods.lapsed_customers(features["recency"], windows)
    chosen = targeting.value_assumptions(costs={"margin_rate": 0.25, "cost_per_order": 5.0, "cost_per_line": 0.5,
                                                "cost_per_return": 10.0},
                                         implicit={"word_of_mouth_rate": 0.1}, weights="growth")
    value = kit.relationship_value(features, costs=chosen.assumptions, weights=chosen.weights)
    served = kit.customers.periods.default_capacity(int((~lapsed).sum()))
    targets = kit.select_targets(value["relationship_value"], capacity=served, exclude=lapsed.index[lapsed],
                                 warn=False)
    segmentation = kit.segment_customers(known, k=4, k_range=[4])  # the notebook's k; one fit keeps this fast
    table = targeting.targets_table(features, value, segmentation, None, targets, lapsed=lapsed)
    return {"kit": kit, "features": features, "value": value, "chosen": chosen, "table": table, "served": served,
            "lapsed": lapsed, "targets": targets, "cost_per_order": 5.0, "lang": "en"}


@pytest.fixture(scope="module")
def exercises(namespace):
    ns = namespace
    return {lang: customer_targeting(ns["features"], ns["value"], ns["chosen"], ns["table"], ns["served"],
                                     ns["lapsed"], lang=lang) for lang in ("en", "zh")}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", ["q1", "q2", "q3", "q4"])
def test_each_solution_passes_its_check(exercises, namespace, name, lang):
    q = exercises[lang][name]
    assert q.lang == lang
    assert_check_passed(q, {**namespace, "lang": lang})


def test_q1_cost_doubling_is_cost_per_order_times_orders(exercises, namespace):
    q1 = exercises["en"]["q1"]
    orders = namespace["features"]["frequency"].sum()
    assert q1.is_correct(round(5.0 * orders))  # the reasoning without recomputing
    assert_check_failed(q1, -q1.expected)  # a fall asked as a positive amount
    assert_check_failed(q1, round(namespace["value"]["relationship_value"].sum()))  # the total, not the change
    assert_check_failed(q1, round(5.0 * len(namespace["features"])))  # one order per customer


def test_q2_counts_to_the_first_100_percent(exercises, namespace):
    q2 = exercises["en"]["q2"]
    whale = kit.whale_curve(namespace["value"]["relationship_value"])
    assert q2.expected < whale.customers_at_peak
    assert_check_failed(q2, whale.customers_at_peak)  # the peak, not the first 100 %
    assert_check_failed(q2, round(0.2 * whale.customers))  # the 80/20 guess


def test_q3_accepts_the_segment_as_printed(exercises, namespace):
    en, zh = exercises["en"]["q3"], exercises["zh"]["q3"]
    key = solve(en, namespace)
    assert key == "high frequency, high monetary"  # the label in the notebook's language
    for answer in ("high_frequency+high_monetary", "high frequency, high monetary", "高消费频率、高消费金额"):
        assert en.is_correct(answer) and zh.is_correct(answer), answer
    assert zh.expected == "高消费频率、高消费金额"
    assert_check_failed(en, "low_lines+lapsed")
    assert_check_failed(zh, "高关系时长、高购买商品种类")


def test_q4_is_the_extra_value_not_the_new_total(exercises, namespace):
    q4 = exercises["en"]["q4"]
    assert q4.expected > 0
    doubled = kit.select_targets(namespace["value"]["relationship_value"], 2 * namespace["served"],
                                 exclude=namespace["lapsed"].index[namespace["lapsed"]], warn=False)
    assert_check_failed(q4, round(doubled.captured))  # the new total
    without_exclusion = kit.select_targets(namespace["value"]["relationship_value"], 2 * namespace["served"])
    assert_check_failed(q4, round(without_exclusion.captured - namespace["targets"].captured))  # lapsed let in


@pytest.mark.parametrize("name", ["q1", "q2", "q3", "q4"])
def test_texts_in_both_languages(exercises, name):
    en, zh = exercises["en"][name], exercises["zh"][name]
    for text in (en.question, en.hint_text):
        assert isinstance(text, dict) and set(text) == {"en", "zh"}
        assert any("\u4e00" <= ch <= "\u9fff" for ch in in_language(text, "zh"))
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in in_language(text, "en"))
    assert zh.question == en.question


def test_the_zh_check_speaks_chinese(exercises, capsys):
    q1 = exercises["zh"]["q1"]
    q1.check(None)
    q1.check(q1.expected)
    q1.hint()
    out = capsys.readouterr().out
    assert "问题" in out and "正确" in out and "提示" in out and "Question" not in out
