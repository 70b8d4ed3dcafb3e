"""The exercises of notebook 02 (market basket), answered by the kit on the data the notebook loaded."""

from __future__ import annotations

import pandas as pd

from .core import Exercise


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
