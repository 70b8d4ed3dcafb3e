"""The exercises of notebook 01 (customer targeting), answered by the kit on the data the notebook loaded."""

from __future__ import annotations

import pandas as pd

from .core import Exercise


def customer_targeting(value: pd.DataFrame, capacity: int) -> dict[str, Exercise]:
    """Exercises of notebook 01, answered by the kit."""
    from ...targeting import select_targets, whale_curve

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
