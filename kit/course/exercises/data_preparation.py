"""The exercises of notebook 00 (data preparation), answered by the kit on the data the notebook loaded."""

from __future__ import annotations

import pandas as pd

from ...customers.table import rfm_table
from ...data.explore import basket_sizes
from .core import Exercise


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
