"""Exercises with ``check()``, ``hint()`` and ``solution()``, in the manner of Kaggle's learntools, in either
language.

An :class:`Exercise` holds the expected answer computed by the kit on the data the notebook loaded, so the same
exercise works on any data set. Texts (question, hint) are given in both languages (``{"en": ..., "zh": ...}``);
:attr:`Exercise.lang` picks one. What a learner sees is accepted: a label in either language, a product name as
well as its code, a set as Python prints it.

>>> q = Exercise({"en": "How many orders?", "zh": "有多少订单?"}, expected=3, solution_code="tx.order_id.nunique()")
>>> q.check(3)
Correct: 3
>>> q.lang = "zh"
>>> q.check(4)
还不对: 4 不是期望的答案。试试 q.hint() 或 q.solution()。
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass

from ...present.labels import check_lang, label

Text = "str | dict[str, str]"


def in_language(text, lang: str) -> str:
    """``text`` in ``lang``: a dict ``{"en": ..., "zh": ...}`` gives that language's entry, a str is itself.

    >>> in_language({"en": "yes", "zh": "是"}, "zh"), in_language("42", "zh")
    ('是', '42')
    """
    return text[lang] if isinstance(text, dict) else text


def _as_set(answer):
    """A set from what a learner may paste: a set, a list, or the text ``frozenset({'a', 'b'})``."""
    if isinstance(answer, str):
        text = answer.strip()
        if text.startswith("frozenset(") and text.endswith(")"):
            text = text[len("frozenset("):-1]
        try:
            answer = ast.literal_eval(text) if text else set()
        except (ValueError, SyntaxError):
            return {answer.strip()}
        if isinstance(answer, str):
            return {answer}
    try:
        return {str(a) for a in answer}
    except TypeError:
        return {str(answer)}


@dataclass
class Exercise:
    """One question with its expected answer.

    Parameters
    ----------
    question, hint_text : str or dict
        Texts, in both languages as ``{"en": ..., "zh": ...}``.
    expected : object
        The answer, computed by the kit.
    solution_code : str
        Code that gives the answer from the notebook's variables (tests run it).
    tolerance : float
        Relative and absolute tolerance for numbers.
    accept : tuple
        Other answers accepted as correct (a label in either language, a product name for a code).
    lang : {"en", "zh"}

    Examples
    --------
    >>> Exercise("Which?", expected=frozenset({"a"})).is_correct("frozenset({'a'})")
    True
    """

    question: object
    expected: object
    hint_text: object = ""
    solution_code: str = ""
    tolerance: float = 1e-6
    accept: tuple = ()
    lang: str = "en"

    def is_correct(self, answer) -> bool:
        """Whether ``answer`` matches the expected answer (numbers within ``tolerance``)."""
        expected = self.expected
        if isinstance(answer, str) and any(answer.strip().lower() == str(a).strip().lower() for a in self.accept):
            return True
        if isinstance(expected, (int, float)) and not isinstance(expected, bool):
            try:
                return math.isclose(float(answer), float(expected), rel_tol=self.tolerance, abs_tol=self.tolerance)
            except (TypeError, ValueError):
                return False
        if isinstance(expected, (set, frozenset)):
            return _as_set(answer) == {str(e) for e in expected}
        if isinstance(expected, str):
            return str(answer).strip().lower() == expected.strip().lower()
        return answer == expected

    def check(self, answer) -> None:
        """Print whether ``answer`` is right. ``None`` means not answered yet: the question is shown."""
        lang = check_lang(self.lang)
        if answer is None or answer is Ellipsis:
            print(label("ex_unanswered", lang).format(question=in_language(self.question, lang)))
        elif self.is_correct(answer):
            print(label("ex_correct", lang).format(answer=answer))
        else:
            print(label("ex_wrong", lang).format(answer=answer))

    def hint(self) -> None:
        """Print a hint."""
        print(label("ex_hint", self.lang).format(hint=in_language(self.hint_text, self.lang)))

    def solution(self) -> None:
        """Print the solution code and the answer."""
        print(label("ex_solution", self.lang).format(code=self.solution_code, answer=self.expected))


def solve(exercise: Exercise, namespace: dict):
    """The value of the exercise's solution code run in ``namespace`` (the notebook's variables): the last line is
    an expression, the lines before it statements.

    >>> solve(Exercise("?", 3, solution_code="x = 1\\nx + 2"), {})
    3
    """
    *statements, last = exercise.solution_code.strip().split("\n")
    scope = dict(namespace)
    exec("\n".join(statements), scope)  # noqa: S102 - the kit's own solution code
    return eval(last.split("  #")[0], scope)  # noqa: S307


def assert_check_passed(exercise: Exercise, namespace: dict) -> None:
    """Raise ``AssertionError`` unless the exercise's own solution, run in ``namespace``, passes its check."""
    answer = solve(exercise, namespace)
    assert exercise.is_correct(answer), f"the solution gives {answer!r}, the check expects {exercise.expected!r}"


def assert_check_failed(exercise: Exercise, wrong) -> None:
    """Raise ``AssertionError`` if the wrong answer ``wrong`` passes the exercise's check."""
    assert not exercise.is_correct(wrong), f"the wrong answer {wrong!r} passes"
