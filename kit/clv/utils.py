"""What the purchase models ask of their input: a valid summary (:func:`check_summary`) and enough history
(:func:`model_history_problem`). The summary itself is customer data: :func:`kit.customers.purchases.summary`,
re-exported as :func:`kit.clv.summary`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..customers.purchases import daily_purchases
from ..errors import KitError

MIN_HISTORY_DAYS = 90
"""Shortest date span (about 3 months) on which the purchase models are fitted."""
MIN_REPEAT_BUYERS = 20
"""Fewest customers with a repeat purchase in the calibration period for a model fit."""


@dataclass
class Problem:
    """A reason not to use a model, as a key and the figures of its explanation.

    Attributes
    ----------
    code : str
        The key of the problem (``"dropout_tiny"``, ``"history_short"``, …); the sentence for people is the label
        ``clv_problem_<code>`` filled with ``figures``.
    figures : dict
        Plain numbers, text and lists (JSON-ready).

    Examples
    --------
    >>> str(Problem("holdout_total", {"error": 0.31, "tolerance": 0.25}))
    'holdout_total (error=0.31, tolerance=0.25)'
    """

    code: str
    figures: dict = field(default_factory=dict)

    def __str__(self) -> str:
        if not self.figures:
            return self.code
        shown = ", ".join(f"{k}={', '.join(map(str, v)) if isinstance(v, list) else v}"
                          for k, v in self.figures.items())
        return f"{self.code} ({shown})"


def model_history_problem(tx: pd.DataFrame, calibration_end=None) -> Problem | None:
    """Why the data cannot support a purchase model, or ``None`` when they can.

    Codes: ``no_purchases`` (no purchase with a customer id); ``history_short`` when the span from the first
    purchase day to the day after the last is shorter than :data:`MIN_HISTORY_DAYS` (figures ``days``,
    ``first_day``, ``last_day``, ``min_days``); ``few_repeat_buyers`` when fewer than :data:`MIN_REPEAT_BUYERS`
    customers buy on two different days up to ``calibration_end``, default the last day (figures
    ``repeat_buyers``, ``end``, ``min_repeat_buyers``).

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.
    calibration_end : date-like, optional

    Returns
    -------
    Problem or None

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "order_date": pd.to_datetime(["2024-01-01", "2024-01-31"]),
    ...                    "amount": [1.0, 2.0]})
    >>> model_history_problem(tx)
    Problem(code='history_short',
            figures={'days': 31, 'first_day': '2024-01-01', 'last_day': '2024-01-31', 'min_days': 90})
    """
    days = daily_purchases(tx)
    if days.empty:
        return Problem("no_purchases")
    first, last = days["day"].min(), days["day"].max()
    span = (last - first).days + 1  # first order day to as_of, the day after the last (kit.customers.periods)
    if span < MIN_HISTORY_DAYS:
        return Problem("history_short", {"days": span, "first_day": first.date().isoformat(),
                                         "last_day": last.date().isoformat(), "min_days": MIN_HISTORY_DAYS})
    end = last if calibration_end in (None, "") else pd.Timestamp(calibration_end).normalize()
    repeaters = int((days[days["day"] <= end].groupby("customer_id").size() > 1).sum())
    if repeaters < MIN_REPEAT_BUYERS:
        return Problem("few_repeat_buyers", {"repeat_buyers": repeaters, "end": end.date().isoformat(),
                                             "min_repeat_buyers": MIN_REPEAT_BUYERS})
    return None


def check_summary(data: pd.DataFrame, columns=("frequency", "recency", "T"), min_customers: int = 2) -> pd.DataFrame:
    """Validate a summary table before a model uses it.

    Parameters
    ----------
    data : DataFrame
        A summary of :func:`kit.clv.summary`.
    columns : tuple of str
        The columns that must exist and be finite and non-negative.
    min_customers : int
        2 for fitting, 1 for predicting.

    Returns
    -------
    DataFrame
        ``data`` itself; :class:`KitError` on what a model cannot use (and ``recency > T``).

    Examples
    --------
    >>> len(check_summary(pd.DataFrame({"frequency": [1, 0], "recency": [2.0, 0.0], "T": [3.0, 1.0]})))
    2
    """
    missing = [c for c in columns if c not in data]
    if missing:
        raise KitError(f"the summary has no {', '.join(missing)} column", hint="compute it with kit.clv.summary(tx)")
    if len(data) < min_customers:
        raise KitError(f"the summary has {len(data)} customer(s)", hint="a model needs many customers to fit")
    values = data[list(columns)].to_numpy(dtype=float)
    if not np.isfinite(values).all() or (values < 0).any():
        raise KitError("the summary has missing, infinite or negative values", hint="recompute it with kit.clv.summary")
    if "recency" in data and (data["recency"] > data["T"] + 1e-9).any():
        raise KitError("recency exceeds T for some customers", hint="recency must not exceed T")
    return data
