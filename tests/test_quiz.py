"""The course quiz: each question's own solution passes its check and a wrong answer fails, in both languages; the
answers are the kit's known figures; the quiz covers the course."""

import re

import pytest

import kit
import kit.course
from kit.course.exercises.core import assert_check_failed, assert_check_passed
from kit.course.quiz import LETTERS, ORDER, TOPICS, build_quiz, quiz_data

CJK = re.compile(r"[\u3400-\u9fff]")

#: a plausible wrong answer per numeric question: a slip the learner could make
WRONG_NUMBERS = {
    "missing_ids": 0,                 # counted customers instead of lines
    "relationship_value": 190.0,      # forgot the word-of-mouth value
    "whale_peak": 1.0,                # the end of the curve, not its peak
    "leverage": 0.6,                  # the confidence
    "conviction": 3.0,                # the lift
    "honey_lift": 0.733,              # the confidence
    "name_clash_count": None,         # set below: the eight segments' own 重要挽留客户
    "top20": 0.8,                     # the 80/20 rule of thumb
    "gini": 0.263,                    # one minus the top-20 share
    "p_alive_value": 1.0,             # as if the customer had made no repeat purchase
    "discounted_clv": 1000.0,         # no discounting: m / (1 - r)
    "bgnbd_r": 4.414,                 # alpha
}

#: the known answers on the bundled data
KNOWN = {"missing_ids": 135_080, "top20": 0.737, "discounted_clv": 550.0, "honey_lift": 2.870, "bgnbd_r": 0.243,
         "gini": 0.705, "relationship_value": 215.0, "whale_peak": 1.15, "leverage": 0.04, "conviction": 2.0,
         "p_alive_value": 0.277}


@pytest.fixture(scope="module")
def data():
    return quiz_data()


@pytest.fixture(scope="module", params=["en", "zh"])
def quiz(request, data):
    return build_quiz(request.param, data)


def test_the_quiz_has_its_questions_in_the_course_order(quiz):
    assert [q.id for q in quiz] == list(ORDER)
    assert quiz["lift_meaning"] is quiz[ORDER.index("lift_meaning")]
    with pytest.raises(KeyError):
        quiz["no such question"]


def test_the_quiz_covers_the_course(quiz):
    assert quiz.topics() == set(TOPICS)
    required = {"rfm_six", "rfm_eight", "r_direction", "name_clash", "abc_gini", "value_matrix",
                "relationship_value", "whale_curve", "rule_measures", "p_alive", "clv"}
    assert required <= quiz.topics()
    measures = " ".join(q.text("en") for q in quiz if q.topic == "rule_measures").lower()
    for measure in ("support", "confidence", "lift", "leverage", "conviction"):
        assert measure in measures, measure
    clash = " ".join(q.text("zh") for q in quiz if q.topic == "name_clash")
    assert "重要挽留客户" in clash and "六类" in clash and "八类" in clash


def test_every_numeric_solution_passes_and_a_wrong_answer_fails(quiz, data):
    namespace = {**data, "kit": kit}
    wrong = dict(WRONG_NUMBERS)
    segments = kit.rfm_segments(data["rfm"], "eight")["segment"]
    wrong["name_clash_count"] = int((segments == "important_win_back").sum())
    numeric = [q for q in quiz if not q.options]
    assert {q.id for q in numeric} == set(wrong)
    for q in numeric:
        assert_check_passed(q.exercise, namespace)
        assert_check_failed(q.exercise, wrong[q.id])
        assert not q.is_correct(wrong[q.id]), q.id
        assert q.is_correct(str(q.exercise.expected)), q.id  # typed as text


def test_known_answers(quiz):
    for qid, value in KNOWN.items():
        assert quiz[qid].is_correct(value), (qid, quiz[qid].exercise.expected)


def test_every_choice_accepts_its_letter_and_text_in_either_language_and_nothing_else(quiz, data):
    choices = [q for q in quiz if q.options]
    assert len(choices) >= 10
    for q in choices:
        right = LETTERS.index(q.exercise.expected)
        for i, key in enumerate(q.options):
            answers = [LETTERS[i], LETTERS[i].lower(), f"{LETTERS[i]})", key, q.option_texts("en")[i],
                       q.option_texts("zh")[i]]
            assert all(q.is_correct(a) == (i == right) for a in answers), (q.id, key)
        assert_check_failed(q.exercise, LETTERS[(right + 1) % len(q.options)])
    assert quiz["lift_meaning"].is_correct("C") and quiz["lift_meaning"].is_correct("lift")
    assert quiz["lift_meaning"].is_correct("提升度") and not quiz["lift_meaning"].is_correct("A")
    assert quiz["eight_pattern"].is_correct("important development")
    assert quiz["p_alive_zero"].is_correct(1) and not quiz["p_alive_zero"].is_correct(0)
    # the computed choice: its solution code gives the segment key, which the check accepts
    assert_check_passed(quiz["eight_customer"].exercise, {**data, "kit": kit})
    assert not quiz["eight_customer"].is_correct("important_retention")  # raw days read as R


def test_every_text_exists_in_both_languages(quiz):
    for q in quiz:
        en, zh = q.text("en"), q.text("zh")
        assert en.strip() and zh.strip() and en != zh, q.id
        assert CJK.search(zh), q.id
        for texts in (q.exercise.question, q.exercise.hint_text, q.why):
            assert set(texts) == {"en", "zh"} and all(t.strip() for t in texts.values()), q.id
        assert CJK.search(q.why["zh"]), q.id
        hint = q.exercise.hint_text
        assert CJK.search(hint["zh"]) or hint["zh"] == hint["en"], q.id  # a formula is the same in both
        for i in range(len(q.options)):
            assert q.option_texts("en")[i].strip() and q.option_texts("zh")[i].strip(), q.id


def test_check_hint_and_solution_speak_the_quiz_language(quiz, capsys):
    lang = quiz[0].lang
    for q in (quiz["lift_meaning"], quiz["top20"]):
        q.check(None)
        q.check(q.exercise.expected)
        q.check("no such answer")
        q.hint()
        q.solution()
        out = capsys.readouterr().out
        if lang == "zh":
            assert all(word in out for word in ("把 None 换成", "正确", "理由", "还不对", "提示", "答案"))
            assert not re.search(r"\b(Correct|Why|Hint|Answer|Replace)\b", out)
        else:
            assert all(word in out for word in ("Replace None", "Correct", "Why", "Not yet", "Hint", "Answer"))
            assert not CJK.search(out.replace(q.text("en"), ""))
