"""A self-checking quiz over the whole course — 课程测验: multiple choice and numbers computed on the bundled data.

Every question exists in Chinese and English (texts in :mod:`kit.present.texts.quiz`); numeric answers are computed
by the kit when the quiz is built, so they always agree with what the notebooks show. A multiple-choice answer may
be given as the letter, the option's text in either language or its key; after a right answer the quiz says why
it is right.

>>> q = build_quiz("zh", data={})["big_customer"]
>>> q.check("B")
正确: B) 不一定
理由: 大客户不等于好客户: 服务成本高、要求折扣、又是竞争对手争夺的对象; 客户关系价值把这些成本算进去, 只看收入则不会
>>> q.is_correct("not necessarily"), q.is_correct("A")
(True, False)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..present.labels import LABELS, LANGUAGES, check_lang, label
from .exercises.core import Exercise

LETTERS = "ABCD"

#: What the quiz covers: every question carries one of these topics (tests check that each has a question).
TOPICS = ("data_cleaning", "relationship_value", "whale_curve", "lookalike", "rule_measures", "r_direction",
          "rfm_eight", "rfm_six", "name_clash", "abc_gini", "value_matrix", "p_alive", "clv")


def _texts(key: str, **values) -> dict[str, str]:
    """The label ``key`` in both languages, with ``values`` filled in."""
    return {lang: LABELS[key][lang].format(**values) for lang in LANGUAGES}


@dataclass
class Question:
    """One quiz question: an :class:`Exercise` with a topic, the option keys of a multiple-choice question and the
    reason why the answer is right, all in the language :attr:`lang`."""

    id: str
    topic: str
    exercise: Exercise
    options: tuple = ()
    why: dict = field(default_factory=dict)

    @property
    def lang(self) -> str:
        return self.exercise.lang

    @lang.setter
    def lang(self, value: str) -> None:
        self.exercise.lang = check_lang(value)

    def option_texts(self, lang: str | None = None) -> list[str]:
        """The options' texts in ``lang`` (default :attr:`lang`)."""
        return [label(key, lang or self.lang) for key in self.options]

    def text(self, lang: str | None = None) -> str:
        """The question, with its lettered options, in ``lang`` (default :attr:`lang`)."""
        lang = check_lang(lang or self.lang)
        body = self.exercise.question[lang]
        if self.options:
            body += "\n" + "\n".join(f"  {letter}) {option}"
                                     for letter, option in zip(LETTERS, self.option_texts(lang)))
        return body

    def answer_text(self, lang: str | None = None) -> str:
        """The right answer as shown: ``"C) lift"`` for a choice, the number otherwise."""
        if not self.options:
            return f"{self.exercise.expected}"
        letter = self.exercise.expected
        return f"{letter}) {self.option_texts(lang)[LETTERS.index(letter)]}"

    def is_correct(self, answer) -> bool:
        """Whether ``answer`` is right: for a choice the letter (``"C"``, ``"c)"``), the option's text in either
        language or its key; for a number within the tolerance."""
        if self.options and answer is not None:
            answer = f"{answer:g}" if isinstance(answer, (int, float)) and not isinstance(answer, bool) else str(answer)
            answer = answer.strip()
            if len(answer) <= 2:
                answer = answer.rstrip(").")
        return self.exercise.is_correct(answer)

    def check(self, answer) -> None:
        """Say whether ``answer`` is right and why; ``None`` (not answered yet) asks for an answer."""
        lang = self.lang
        if answer is None or answer is Ellipsis:
            kind = label("quiz_kind_choice" if self.options else "quiz_kind_number", lang)
            print(label("quiz_unanswered", lang).format(kind=kind))
        elif self.is_correct(answer):
            shown = self.answer_text(lang) if self.options else answer
            print(label("quiz_correct", lang).format(answer=shown, why=self.why[lang]))
        else:
            print(label("ex_wrong", lang).format(answer=answer))

    def hint(self) -> None:
        """Print a hint."""
        self.exercise.hint()

    def solution(self) -> None:
        """Print the answer, how the kit computes it (numbers) and why it is right."""
        lang = self.lang
        if self.exercise.solution_code:
            print(label("quiz_solution_code", lang).format(code=self.exercise.solution_code,
                                                           answer=self.answer_text(lang), why=self.why[lang]))
        else:
            print(label("quiz_solution", lang).format(answer=self.answer_text(lang), why=self.why[lang]))


class Quiz(list):
    """The questions in order; ``quiz["lift_meaning"]`` finds one by its id."""

    def __getitem__(self, key):
        if isinstance(key, str):
            for question in self:
                if question.id == key:
                    return question
            raise KeyError(key)
        return super().__getitem__(key)

    def topics(self) -> set[str]:
        """The topics the questions cover."""
        return {q.topic for q in self}


def _choice(qid: str, topic: str, options, correct: str, lang: str, solution_code: str = "", **values) -> Question:
    """A multiple-choice question; ``options`` and ``correct`` are label keys."""
    options = tuple(options)
    letter = LETTERS[options.index(correct)]
    exercise = Exercise(_texts(f"quiz_q_{qid}", **values), expected=letter,
                        accept=(correct, *LABELS[correct].values()), hint_text=_texts(f"quiz_h_{qid}"),
                        solution_code=solution_code, lang=lang)
    return Question(qid, topic, exercise, options, _texts(f"quiz_w_{qid}"))


def _number(qid: str, topic: str, expected, solution_code: str, lang: str, tolerance: float = 1e-6,
            **values) -> Question:
    """A question whose answer is a number computed by the kit."""
    exercise = Exercise(_texts(f"quiz_q_{qid}", **values), expected=expected, tolerance=tolerance,
                        hint_text=_texts(f"quiz_h_{qid}"), solution_code=solution_code, lang=lang)
    return Question(qid, topic, exercise, (), _texts(f"quiz_w_{qid}"))


@lru_cache(maxsize=1)
def _course_data() -> dict:
    from .. import basket, clv
    from ..customers.table import rfm_table
    from ..data import datasets

    tx, report = datasets.online_retail()
    groceries = basket.baskets(datasets.path("groceries"))
    rules = basket.association_rules(basket.frequent_itemsets(groceries, 0.001), min_threshold=0.5,
                                     consequents="single")
    calibration = clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30")
    return {"tx": tx, "report": report, "rfm": rfm_table(tx), "rules": rules, "calibration": calibration,
            "bgnbd": clv.BetaGeo().fit(calibration)}


def quiz_data() -> dict:
    """The data the questions are about, by the names the solutions use: ``tx`` and ``report`` (Online Retail,
    cleaned), ``rfm`` (its customer table), ``rules`` (Groceries, support 0.001, confidence 0.5, one-item
    consequents), ``calibration`` and ``bgnbd`` (CDNOW 1/10 sample to 1997-09-30, BG/NBD fitted). Computed once."""
    return dict(_course_data())


# the small worked examples of the quiz
RULE_COUNTS = {"n": 1000, "a": 100, "c": 200, "ac": 60}
WHALE_PROFITS = (50, 30, 25, 10, -5, -10)
ONE_CUSTOMER = {"monetary": 1000.0, "frequency": 10, "lines": 20}
P_ALIVE_CUSTOMER = {"frequency": 2, "recency": 10.0, "T": 38.0}
CLV_EXAMPLE = {"margin": 100, "retention": 0.9, "discount_rate": 0.1}
EIGHT_OPTIONS = ("important_value", "important_retention", "important_development", "general_value")


def build_quiz(lang: str = "en", data: dict | None = None) -> Quiz:
    """The course quiz in ``lang``; numeric answers computed on ``data`` (default :func:`quiz_data`, the bundled
    data sets). ``data={}`` builds the questions that need no data only (doctests)."""
    check_lang(lang)
    data = quiz_data() if data is None else data
    questions = [
        _choice("big_customer", "relationship_value", ["quiz_o_yes", "quiz_o_no"], "quiz_o_no", lang),
        _choice("whale_shape", "whale_curve", ["quiz_o_whale_rounding", "quiz_o_whale_revenue",
                                               "quiz_o_whale_losses", "quiz_o_whale_twice"],
                "quiz_o_whale_losses", lang),
        _choice("lookalike_period", "lookalike", ["quiz_o_after_outcome", "quiz_o_before_outcome",
                                                  "quiz_o_whole_data"], "quiz_o_before_outcome", lang),
        _choice("lift_meaning", "rule_measures", ["support", "confidence", "lift", "leverage"], "lift", lang),
        _choice("r_direction", "r_direction", ["quiz_o_r_low", "quiz_o_r_high", "quiz_o_r_neither"],
                "quiz_o_r_high", lang),
        _choice("eight_pattern", "rfm_eight", ["important_value", "important_development", "important_retention",
                                               "general_development"], "important_development", lang),
        _choice("six_raw_arrows", "rfm_six", ["six_maintain", "six_generally_important", "six_win_back",
                                              "six_ordinary"], "six_win_back", lang),
        _choice("name_clash", "name_clash", ["quiz_o_clash_same", "quiz_o_clash_swapped", "quiz_o_clash_small",
                                             "quiz_o_clash_right"], "quiz_o_clash_right", lang),
        _choice("matrix_d", "value_matrix", ["class_A", "class_B", "class_C", "class_D"], "class_D", lang),
        _choice("matrix_profit", "value_matrix", ["quiz_o_classes_ab", "quiz_o_classes_de", "quiz_o_classes_bc",
                                                  "quiz_o_classes_ef"], "quiz_o_classes_bc", lang),
        _choice("p_alive_zero", "p_alive", ["quiz_o_p_zero", "quiz_o_p_half", "quiz_o_p_one", "quiz_o_p_dropout"],
                "quiz_o_p_one", lang),
        *_worked_examples(lang),
        *(_data_questions(data, lang) if data else ()),
    ]
    order = {qid: i for i, qid in enumerate(ORDER)}
    return Quiz(sorted(questions, key=lambda q: order[q.id]))


#: The questions in the order of the course: notebooks 00 to 04.
ORDER = ("missing_ids",
         "big_customer", "relationship_value", "whale_peak", "whale_shape", "lookalike_period",
         "lift_meaning", "leverage", "conviction", "honey_lift",
         "r_direction", "eight_pattern", "eight_customer", "six_raw_arrows", "name_clash", "name_clash_count",
         "top20", "gini", "matrix_d", "matrix_profit",
         "p_alive_zero", "p_alive_value", "discounted_clv", "bgnbd_r")


def _worked_examples(lang: str) -> list[Question]:
    """Numeric questions on small examples given in the question."""
    import pandas as pd

    from .. import clv
    from ..basket import rule_metrics
    from ..targeting import ASSUMPTIONS, relationship_value, whale_curve

    one = pd.DataFrame({"monetary": [ONE_CUSTOMER["monetary"]], "frequency": [ONE_CUSTOMER["frequency"]],
                        "return_rate": [0.0]})
    value = relationship_value(one, lines=pd.Series([ONE_CUSTOMER["lines"]]))["relationship_value"].iloc[0]
    n, a, c, ac = (RULE_COUNTS[k] for k in ("n", "a", "c", "ac"))
    measures = rule_metrics([ac / n], [a / n], [c / n])
    profits = ", ".join(f"{p:g}" for p in WHALE_PROFITS)
    return [
        _number("relationship_value", "relationship_value", float(value),
                "import pandas as pd\n"
                "one = pd.DataFrame({'monetary': [1000.0], 'frequency': [10], 'return_rate': [0.0]})\n"
                "float(kit.relationship_value(one, lines=pd.Series([20]))['relationship_value'].iloc[0])",
                lang, tolerance=1e-3, **ASSUMPTIONS, **ONE_CUSTOMER),
        _number("whale_peak", "whale_curve", round(whale_curve(pd.Series(WHALE_PROFITS)).peak_share, 4),
                f"import pandas as pd\nkit.whale_curve(pd.Series([{profits}])).peak_share",
                lang, tolerance=1e-3, profits=profits),
        _number("leverage", "rule_measures", round(float(measures["leverage"][0]), 4),
                f"float(kit.basket.rule_metrics([{ac} / {n}], [{a} / {n}], [{c} / {n}])['leverage'][0])",
                lang, tolerance=1e-3, **RULE_COUNTS),
        _number("conviction", "rule_measures", round(float(measures["conviction"][0]), 4),
                f"float(kit.basket.rule_metrics([{ac} / {n}], [{a} / {n}], [{c} / {n}])['conviction'][0])",
                lang, tolerance=1e-3, **RULE_COUNTS),
        _number("discounted_clv", "clv", round(clv.discounted_clv(**CLV_EXAMPLE), 2),
                "kit.clv.discounted_clv(100, 0.9, 0.1)", lang, tolerance=1e-3, **CLV_EXAMPLE),
    ]


def _data_questions(data: dict, lang: str) -> list[Question]:
    """Questions answered by the kit on the bundled data."""
    import pandas as pd

    from ..basket import filter_rules
    from ..grading import gini, rfm_segments, top_share

    rfm, rules, bgnbd = data["rfm"], data["rules"], data["bgnbd"]
    eight = rfm_segments(rfm, "eight")["segment"]
    six = rfm_segments(rfm, "six")["segment"]
    clash = int(((six == "six_win_back") & (eight != "important_win_back")).sum())
    candidates = sorted(eight.index[eight == "important_value"])
    customer = "12347" if "12347" in candidates else candidates[0]
    means = rfm[["recency", "frequency", "monetary"]].mean()
    honey = filter_rules(rules, antecedent_contains="honey", consequent_is="whole milk")
    honey = honey[honey["antecedents"].map(len) == 1].iloc[0]
    p_alive = bgnbd.probability_alive(pd.DataFrame({k: [v] for k, v in P_ALIVE_CUSTOMER.items()})).iloc[0]
    return [
        _number("missing_ids", "data_cleaning", int(data["report"].counts["missing_customer_id"]),
                "report.counts['missing_customer_id']", lang),
        _number("honey_lift", "rule_measures", round(float(honey["lift"]), 3),
                "found = kit.basket.filter_rules(rules, antecedent_contains='honey', consequent_is='whole milk')\n"
                "round(float(found[found['antecedents'].map(len) == 1]['lift'].iloc[0]), 3)", lang, tolerance=1e-3),
        _choice("eight_customer", "rfm_eight", EIGHT_OPTIONS, eight[customer], lang,
                f"kit.rfm_segments(rfm, 'eight').loc['{customer}', 'segment']", customer=customer,
                recency=int(rfm.loc[customer, "recency"]), frequency=int(rfm.loc[customer, "frequency"]),
                monetary=float(rfm.loc[customer, "monetary"]), mean_recency=means["recency"],
                mean_frequency=means["frequency"], mean_monetary=means["monetary"]),
        _number("name_clash_count", "name_clash", clash,
                "six = kit.rfm_segments(rfm, 'six')['segment']\neight = kit.rfm_segments(rfm, 'eight')['segment']\n"
                "int(((six == 'six_win_back') & (eight != 'important_win_back')).sum())", lang),
        _number("top20", "abc_gini", round(top_share(rfm["monetary"], 0.2), 3),
                "round(kit.grading.top_share(rfm['monetary'], 0.2), 3)", lang, tolerance=1e-3),
        _number("gini", "abc_gini", round(gini(rfm["monetary"]), 3), "round(kit.grading.gini(rfm['monetary']), 3)",
                lang, tolerance=1e-3),
        _number("p_alive_value", "p_alive", round(float(p_alive), 3),
                "import pandas as pd\none = pd.DataFrame({'frequency': [2], 'recency': [10.0], 'T': [38.0]})\n"
                "round(float(bgnbd.probability_alive(one).iloc[0]), 3)", lang, tolerance=2e-3,
                **P_ALIVE_CUSTOMER),
        _number("bgnbd_r", "clv", round(bgnbd.params_["r"], 3), "round(bgnbd.params_['r'], 3)", lang,
                tolerance=2e-3),
    ]
