"""The exercises of notebook 03 (value grading), answered by the kit on the data the notebook loaded."""

from __future__ import annotations

import pandas as pd

from ...grading import abc_grades, top_share
from ...present.labels import LABELS
from .core import Exercise


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
