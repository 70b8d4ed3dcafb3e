"""Notebook 02's exercises, built as the notebook builds them on the bundled Online Retail baskets: each one's own
solution passes its check, a plausible wrong answer fails, and what the learner sees is accepted."""

import pytest

import kit
from kit import basket
from kit.course.exercises import assert_check_failed, assert_check_passed, market_basket, solve
from kit.present.labels import LANGUAGES


@pytest.fixture(scope="module")
def namespace():
    """The notebook's variables at the exercises, with its default parameters."""
    tx, _ = kit.data.datasets.load("", "", "", analysis="baskets")
    baskets = kit.baskets(tx)
    mined = basket.itemsets_within_caps(baskets, 0.01, None, consequents="single")
    rules = kit.association_rules(mined, metric="confidence", min_threshold=0.5, consequents="single")
    rules = rules[rules["lift"] >= 1.0].reset_index(drop=True)
    return {"baskets": baskets, "rules": rules}


@pytest.fixture(scope="module", params=LANGUAGES)
def ex(request, namespace):
    return market_basket(namespace["baskets"], namespace["rules"], request.param)


def test_every_solution_passes_its_check(ex, namespace):
    for q in ex.values():
        assert_check_passed(q, namespace)


def test_q1_lift_by_hand(ex, namespace):
    q, baskets = ex["q1"], namespace["baskets"]
    a, c = baskets.item_counts.index[:2]
    held = baskets.matrix[:, baskets.items.get_indexer([a, c])].toarray()
    n_ac = int(held.all(axis=1).sum())
    assert f"{n_ac:,}" in q.question["en"]
    assert_check_failed(q, n_ac / baskets.item_counts[a])  # the confidence, not the lift
    assert_check_failed(q, n_ac / baskets.n_baskets)  # the support
    assert q.is_correct(round(q.expected, 3))


def test_q2_counts_high_lift_rules(ex, namespace):
    q = ex["q2"]
    rules = namespace["rules"]
    assert 0 < q.expected < len(rules)
    assert_check_failed(q, len(rules))  # every rule: the number printed above
    assert_check_failed(q, int((rules["lift"] >= 1).sum()))


def test_q3_accepts_what_the_learner_sees(ex, namespace):
    q, names = ex["q3"], namespace["baskets"].names
    answer = solve(q, namespace)
    assert isinstance(answer, frozenset)
    code = next(iter(answer))
    for seen in (answer, str(answer), code, names[code], names[code].lower(), f"frozenset({{{code}}})",
                 f"{{'{names[code]}'}}"):
        assert q.is_correct(seen), seen
    top_lift = next(iter(namespace["rules"].sort_values("lift", ascending=False).iloc[0]["consequents"]))
    assert_check_failed(q, top_lift)  # the consequent of the highest-lift rule, a different question
    assert_check_failed(q, names[top_lift])
    assert_check_failed(q, frozenset({top_lift}))


def test_texts_are_in_the_exercise_language(ex):
    for q in ex.values():
        assert set(q.question) == set(LANGUAGES) and set(q.hint_text) == set(LANGUAGES)
    lang = ex["q1"].lang
    cjk = any("\u4e00" <= ch <= "\u9fff" for ch in ex["q2"].question[lang])
    assert cjk == (lang == "zh")
