"""The exercises of notebook 04 (lifetime value), answered by the kit on the data the notebook loaded."""

from __future__ import annotations

import pandas as pd

from .core import Exercise


def lifetime_value(summary: pd.DataFrame, clv: pd.DataFrame) -> dict[str, Exercise]:
    """Exercises of notebook 04, answered by the kit."""
    from ...clv import discounted_clv

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
