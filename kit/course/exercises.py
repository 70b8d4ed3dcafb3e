"""Exercises with ``check()``, ``hint()`` and ``solution()``, in the manner of Kaggle's learntools.

An :class:`Exercise` holds the expected answer computed by the kit on the data the notebook loaded, so the same
exercise works on any data set. Each notebook builds its exercises with a function of this module.

>>> q = Exercise("How many orders?", expected=3, hint_text="count distinct order ids",
...              solution_code="tx.order_id.nunique()")
>>> q.check(3)
Correct: 3
>>> q.check(4)
Not yet: 4 is not the expected answer. Try q.hint() or q.solution().
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from ..customers.table import rfm_table
from ..data.explore import basket_sizes
from ..grading import abc_grades, top_share
from ..present.labels import LABELS


@dataclass
class Exercise:
    """One question with its expected answer; ``tolerance`` is relative for numbers."""

    question: str
    expected: object
    hint_text: str = ""
    solution_code: str = ""
    tolerance: float = 1e-6
    accept: tuple = ()  # other answers accepted as correct (e.g. a label in the other language)

    def is_correct(self, answer) -> bool:
        """Whether ``answer`` matches the expected answer (numbers within ``tolerance``)."""
        expected = self.expected
        if isinstance(answer, str) and any(answer.strip().lower() == str(a).lower() for a in self.accept):
            return True
        if isinstance(expected, (int, float)) and not isinstance(expected, bool):
            try:
                return math.isclose(float(answer), float(expected), rel_tol=self.tolerance, abs_tol=self.tolerance)
            except (TypeError, ValueError):
                return False
        if isinstance(expected, (set, frozenset)):
            return set(answer) == set(expected)
        if isinstance(expected, str):
            return str(answer).strip().lower() == expected.strip().lower()
        return answer == expected

    def check(self, answer) -> None:
        """Print whether ``answer`` is right. ``None`` means not answered yet: the question is shown."""
        if answer is None or answer is Ellipsis:
            print(f"Question: {self.question}\nReplace None with your answer and run the cell again.")
        elif self.is_correct(answer):
            print(f"Correct: {answer}")
        else:
            print(f"Not yet: {answer} is not the expected answer. Try q.hint() or q.solution().")

    def hint(self) -> None:
        """Print a hint."""
        print(f"Hint: {self.hint_text}")

    def solution(self) -> None:
        """Print the solution code and the answer."""
        print(f"Solution:\n{self.solution_code}\nAnswer: {self.expected}")


def data_preparation(tx: pd.DataFrame, report) -> dict[str, Exercise]:
    """Exercises of notebook 00, with answers computed from the loaded ``tx`` and its ``report``."""
    reasons = report.counts[report.counts > 0]
    top_reason = reasons.sort_values(ascending=False).index[0] if len(reasons) else "kept"
    q1 = Exercise("Which reason set aside the most rows? Give its key, e.g. 'duplicate'.", expected=top_reason,
                  hint_text="look at report.counts, or report.summary()", solution_code="report.counts.idxmax()")
    if tx["customer_id"].isna().all():  # basket data: the question on customers becomes one on orders
        sizes = basket_sizes(tx)
        return {"q1": q1, "q2": Exercise(
            "What share of orders hold exactly one product? Give a fraction between 0 and 1, to 3 decimals.",
            expected=round(float((sizes == 1).mean()), 3), tolerance=1e-3,
            hint_text="count distinct products per order id, then compare with 1 and take the mean",
            solution_code="sizes = tx.groupby('order_id')['product_id'].nunique()\nround((sizes == 1).mean(), 3)")}
    orders = rfm_table(tx)["frequency"]
    return {
        "q1": q1,
        "q2": Exercise(
            "What share of customers placed exactly one order? Give a fraction between 0 and 1, "
            "to 3 decimals.",
            expected=round(float((orders == 1).mean()), 3),
            tolerance=1e-3,
            hint_text="count distinct order ids per customer, then compare with 1 and take the mean",
            solution_code="orders = tx.groupby('customer_id')['order_id'].nunique()\nround((orders == 1).mean(), 3)"),
    }


def value_grading(rfm: pd.DataFrame, segments: pd.DataFrame, threshold="mean") -> dict[str, Exercise]:
    """Exercises of notebook 03, answered by the kit on the loaded data."""
    customer = "12347" if "12347" in rfm.index else rfm.index[0]
    key = segments.loc[customer, "segment"]
    return {
        "q1": Exercise(
            f"Which segment of the eight-segment scheme is customer {customer} in? Give its key "
            f"(e.g. 'general_value') or its name in English or Chinese.",
            expected=key, accept=tuple(LABELS[key].values()),
            hint_text=f"compare the customer's recency, frequency and monetary with the {threshold} of all customers; "
                 "R is high when recency is *below* it",
            solution_code=f"rfm.loc['{customer}'], rfm[['recency', 'frequency', 'monetary']].agg('{threshold}')\n"
                          f"segments.loc['{customer}', 'segment']"),
        "q2": Exercise(
            "What share of total revenue do the top 20 % of customers (by monetary value) bring? "
            "A fraction, to 3 decimals.",
            expected=round(top_share(rfm["monetary"], 0.2), 3), tolerance=1e-3,
            hint_text="sort monetary from largest to smallest, add up the first 20 % of customers, divide by the total",
            solution_code="m = rfm['monetary'].sort_values(ascending=False)\n"
                          "round(m.iloc[:int(len(m) * 0.2)].sum() / m.sum(), 3)  # or kit.grading.top_share"),
        "q3": Exercise(
            "How many customers does ABC grading (80 % / 95 % of value) put in grade A?",
            expected=int((abc_grades(rfm["monetary"])["grade"] == "A").sum()),
            hint_text="kit.abc_grades(rfm['monetary']) and count the A grades",
            solution_code="(kit.abc_grades(rfm['monetary'])['grade'] == 'A').sum()"),
    }



def lifetime_value(summary: pd.DataFrame, clv: pd.DataFrame) -> dict[str, Exercise]:
    """Exercises of notebook 04, answered by the kit."""
    from ..clv import discounted_clv

    best = clv["clv"].idxmax()
    return {
        "q1": Exercise(
            "An existing customer brings a margin of 100 a year, stays each year with probability 0.8, and money is "
            "discounted at 10 % a year. Paid at the start of each year, what is the customer's lifetime value to "
            "infinity? (2 decimals)",
            expected=round(discounted_clv(100, 0.8, 0.1), 2), tolerance=1e-3,
            hint_text="the sum m·(r/(1+d))^t over t = 0, 1, 2, ... is a geometric series",
            solution_code="100 * (1 + 0.1) / (1 + 0.1 - 0.8)  # or kit.clv.discounted_clv(100, 0.8, 0.1)"),
        "q2": Exercise(
            "How many repeat purchases did the customers make in the calibration period, in total?",
            expected=int(summary["frequency"].sum()),
            hint_text="frequency counts repeat purchase days per customer",
            solution_code="calibration['frequency'].sum()"),
        "q3": Exercise(
            "Which customer has the highest predicted CLV? Give the customer id.",
            expected=str(best),
            hint_text="sort the CLV table",
            solution_code="values['clv'].idxmax()"),
    }


def market_basket(baskets, rules: pd.DataFrame) -> dict[str, Exercise]:
    """Exercises of notebook 02, answered by the kit on the loaded baskets."""
    counts = baskets.item_counts
    a, c = counts.index[0], counts.index[1]
    column_a = baskets.matrix[:, baskets.items.get_loc(a)].toarray().ravel()
    column_c = baskets.matrix[:, baskets.items.get_loc(c)].toarray().ravel()
    n, n_a, n_c, n_ac = baskets.n_baskets, int(column_a.sum()), int(column_c.sum()), int((column_a & column_c).sum())
    best = rules.iloc[0] if len(rules) else None
    return {
        "q1": Exercise(
            f"Of {n:,} baskets, {n_a:,} hold {baskets.names[a]!r}, {n_c:,} hold {baskets.names[c]!r} and {n_ac:,} "
            f"hold both. What is the lift of the rule {baskets.names[a]} => {baskets.names[c]}? (3 decimals)",
            expected=round(n_ac * n / (n_a * n_c), 3), tolerance=1e-3,
            hint_text="lift = confidence / support of the consequent = (n_AC / n_A) / (n_C / n)",
            solution_code=f"({n_ac} / {n_a}) / ({n_c} / {n})"),
        "q2": Exercise(
            "How many rules did this notebook find (after the thresholds)?",
            expected=int(len(rules)),
            hint_text="len(rules)",
            solution_code="len(rules)"),
        "q3": Exercise(
            "What is the consequent of the rule with the highest lift? Give its product code.",
            expected=str(next(iter(best["consequents"]))) if best is not None else "",
            hint_text="sort the rules by lift",
            solution_code="rules.sort_values('lift', ascending=False).iloc[0]['consequents']"),
    }


def customer_targeting(value: pd.DataFrame, capacity: int) -> dict[str, Exercise]:
    """Exercises of notebook 01, answered by the kit."""
    from ..targeting import select_targets, whale_curve

    total = value["relationship_value"].sum()
    curve = whale_curve(value["relationship_value"]) if total > 0 else None
    targets = select_targets(value["relationship_value"], capacity)
    return {
        "q1": Exercise(
            "How many customers have a negative relationship value under the notebook's assumptions?",
            expected=int(value["negative"].sum()),
            hint_text="the 'negative' column flags them",
            solution_code="value['negative'].sum()"),
        "q2": Exercise(
            "What share of the total relationship value do the top 20 % of customers create? (3 decimals)",
            expected=round(curve.top20_share, 3) if curve is not None else float("nan"),
            tolerance=1e-3,
            hint_text="rank customers by value; or read the whale curve's top20_share",
            solution_code="kit.whale_curve(value['relationship_value']).top20_share"),
        "q3": Exercise(
            f"With resources for {capacity} customers, which customer comes first on the target list?",
            expected=str(targets.ids[0]),
            hint_text="kit.select_targets ranks by value, best first",
            solution_code=f"kit.select_targets(value['relationship_value'], capacity={capacity})[0]"),
    }
