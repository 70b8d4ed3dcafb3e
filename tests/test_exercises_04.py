"""The exercises of notebook 04 (lifetime value): each solution passes its own check, plausible wrong answers fail."""

import pytest

import kit.course
from kit import clv, datasets
from kit.course.exercises import assert_check_failed, assert_check_passed, solve


@pytest.fixture(scope="module")
def namespace():
    """The notebook's variables on its default data: CDNOW calibration models; ``valued`` as the notebook builds
    it when section 8 is skipped (the calibration customers valued with the calibration models)."""
    calibration = clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30", "1998-06-30", "W")
    fitted = clv.fit_models(calibration)
    valued = clv.customer_lifetime_value(fitted.bgnbd, fitted.gamma_gamma, calibration, 52.0, 0.1, "W", 1.0)
    return {"calibration": calibration, "bgnbd": fitted.bgnbd, "spend_model": fitted.gamma_gamma,
            "valued": valued, "kit": kit}


@pytest.fixture(scope="module", params=["en", "zh"])
def ex(request, namespace):
    return kit.course.exercises.lifetime_value(namespace["calibration"], namespace["valued"], namespace["bgnbd"],
                                               request.param)


@pytest.mark.parametrize("name", ["q1", "q2", "q3"])
def test_each_solution_passes_its_check(ex, namespace, name):
    assert_check_passed(ex[name], namespace)


def test_texts_are_in_the_exercise_language(ex):
    for q in ex.values():
        assert q.lang in ("en", "zh") and {"en", "zh"} <= set(q.question) and {"en", "zh"} <= set(q.hint_text)
        cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in q.question[q.lang])
        assert (cjk > 10) == (q.lang == "zh")


def test_q1_wrong_answers_fail(ex):
    q1 = ex["q1"]
    assert q1.expected == pytest.approx(428.57)
    assert_check_failed(q1, 628.57)  # the start-of-year formula m(1+d)/(1+d-r)
    assert_check_failed(q1, 600.00)  # no discounting: m r / (1 - r)
    assert_check_passed(q1, {})  # the solution needs no data


def test_q2_wrong_answers_fail(ex, namespace):
    q2 = ex["q2"]
    values = namespace["valued"]["clv"]
    assert 0.1 < q2.expected < 1
    assert_check_failed(q2, 0.1)  # the share of customers, not of value
    top_count = values.nlargest(len(values) // 10)
    assert_check_failed(q2, round(top_count.sum(), 2))  # the sum, not the share
    assert_check_failed(q2, round(values.nlargest(len(values) // 5).sum() / values.sum(), 2))  # a fifth


def test_q3_wrong_answers_fail(ex, namespace):
    q3 = ex["q3"]
    calibration, bgnbd = namespace["calibration"], namespace["bgnbd"]
    gone = bgnbd.probability_alive(calibration) < 0.5
    repeat = calibration["frequency"] > 0
    assert 0 < q3.expected < 1
    assert_check_failed(q3, round(gone.mean(), 2))  # over all customers, once-only buyers included
    assert_check_failed(q3, round(1 - q3.expected, 2))  # the share still alive
    assert_check_failed(q3, int((gone & repeat).sum()))  # the count, not the share
    assert q3.is_correct(str(q3.expected))  # as text


def test_the_check_prints_in_the_exercise_language(ex, namespace, capsys):
    q1 = ex["q1"]
    q1.check(solve(q1, namespace))
    q1.check(1.0)
    out = capsys.readouterr().out
    assert ("正确" in out or "答对" in out) if q1.lang == "zh" else "Correct" in out
