"""The exercises of notebook 03 (value grading): each solution passes its own check in the notebook's namespace, a
plausible wrong answer fails, and what a learner sees (a label in either language) is accepted."""

import pytest

import kit
from kit import grading
from kit.course.exercises import assert_check_failed, assert_check_passed, solve, value_grading
from kit.present.labels import label


@pytest.fixture(scope="module")
def notebook(online_retail):
    """The notebook's variables on the bundled data with its default parameters."""
    tx, _ = online_retail
    rfm = kit.rfm_table(tx)
    threshold = grading.parse_threshold("mean")
    segments = {name: kit.rfm_segments(rfm, name, threshold, 5) for name in grading.SCHEMES}
    abc = kit.abc_grades(rfm["monetary"], by="value_share", cuts=(0.8, 0.95))
    namespace = {"rfm": rfm, "segments": segments, "abc": abc, "kit": kit, "grading": grading}
    return namespace, threshold


@pytest.fixture(scope="module", params=["en", "zh"])
def ex(request, notebook):
    namespace, threshold = notebook
    return value_grading(namespace["rfm"], namespace["segments"], threshold, namespace["abc"], request.param)


@pytest.mark.parametrize("q", ["q1", "q2", "q3"])
def test_each_solution_passes_its_check(ex, notebook, q):
    namespace, _ = notebook
    assert_check_passed(ex[q], namespace)


def test_q1_segment_of_a_customer(ex, notebook):
    namespace, _ = notebook
    q = ex["q1"]
    key = namespace["segments"]["eight"].loc["12347", "segment"]
    for shown in (key, label(key, "en"), label(key, "zh"), label(key, "en").upper()):
        assert q.is_correct(shown), shown
    swapped = {"important_value": "important_retention", "important_retention": "important_value"}.get(
        key, "general_win_back")  # the recency-direction mistake swaps these two
    assert_check_failed(q, swapped)
    assert_check_failed(q, label(swapped, "zh"))


def test_q2_top_share_is_not_the_printed_one(ex, notebook):
    namespace, _ = notebook
    q = ex["q2"]
    monetary = namespace["rfm"]["monetary"]
    assert q.is_correct(round(grading.top_share(monetary, 0.1), 3))  # the kit's function agrees to 3 decimals
    assert_check_failed(q, round(grading.top_share(monetary, 0.2), 3))  # the share printed above the question
    assert_check_failed(q, 0.736)  # the top 20 % cut by whole customers
    assert_check_failed(q, 0.1)


def test_q3_grade_a_outside_important_value(ex, notebook):
    namespace, _ = notebook
    q = ex["q3"]
    abc, eight = namespace["abc"], namespace["segments"]["eight"]
    n_a = int((abc["grade"] == "A").sum())
    n_important = int((eight["segment"] == "important_value").sum())
    assert 0 < solve(q, namespace) < n_a
    assert_check_failed(q, n_a)  # the grade-A count printed above
    assert_check_failed(q, n_important)
    assert_check_failed(q, int((eight["segment"] != "important_value").sum()))  # all customers, not grade A only


def test_texts_in_the_learners_language(notebook):
    namespace, threshold = notebook
    for lang, other in (("en", "zh"), ("zh", "en")):
        exercises = value_grading(namespace["rfm"], namespace["segments"], threshold, namespace["abc"], lang)
        for q in exercises.values():
            assert q.lang == lang
            assert isinstance(q.question, dict) and set(q.question) == {"en", "zh"}
            assert isinstance(q.hint_text, dict) and set(q.hint_text) == {"en", "zh"}
    zh = value_grading(namespace["rfm"], namespace["segments"], threshold, namespace["abc"], "zh")["q1"]
    assert "客户" in zh.question["zh"] and "提示" in label("ex_hint", "zh")


def test_builder_takes_the_eight_segment_table_itself(notebook):
    namespace, threshold = notebook
    from_dict = value_grading(namespace["rfm"], namespace["segments"], threshold, namespace["abc"])
    from_table = value_grading(namespace["rfm"], namespace["segments"]["eight"], threshold, namespace["abc"])
    assert {k: q.expected for k, q in from_dict.items()} == {k: q.expected for k, q in from_table.items()}
