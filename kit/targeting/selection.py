"""Capacity-limited target lists — 有限资源下的目标客户选择: when resources cover 100 customers and there are 300,
the best 100 are the target customers."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import KitError


@dataclass
class Targets:
    """The selected customers, best first, and the value captured compared with a random choice.

    Attributes
    ----------
    ids : Index
        The selected customers, best first.
    captured : float
        Value of the selected customers.
    random_expectation : float
        Expected value of as many customers chosen at random among those not excluded.
    total : float
        Value of every customer.
    note : str
        ``"note_covers_all"`` (a label key; figures :attr:`capacity` and :attr:`eligible`) when the list takes
        every eligible customer, else ``""``.
    capacity : int
        The capacity asked for.
    eligible : int
        Customers who could be selected.
    """

    ids: pd.Index
    captured: float
    random_expectation: float
    total: float
    note: str = ""
    capacity: int = 0
    eligible: int = 0

    @property
    def lift(self) -> float:
        """``captured / random_expectation`` (NaN when the expectation is 0).

        Examples
        --------
        >>> round(select_targets(pd.Series([3.0, 1.0]), capacity=1).lift, 2)
        1.5
        """
        return self.captured / self.random_expectation if self.random_expectation else float("nan")

    def __iter__(self):
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i):
        return self.ids[i]

    def summary(self) -> dict:
        """The figures: ``selected``, ``captured``, ``random_expectation``, ``lift``, ``share_of_total`` (rounded).

        Returns
        -------
        dict

        Examples
        --------
        >>> select_targets(pd.Series([5.0, 9.0, 1.0, 7.0], index=list("abcd")), capacity=2).summary()["selected"]
        2
        """
        return {"selected": len(self.ids), "captured": round(self.captured, 2),
                "random_expectation": round(self.random_expectation, 2), "lift": round(self.lift, 3),
                "share_of_total": round(self.captured / self.total, 4) if self.total else float("nan")}


def select_targets(scores_or_values: pd.Series, capacity: int, min_value: float | None = None,
                   values: pd.Series | None = None, exclude=None, warn: bool = True) -> Targets:
    """The ``capacity`` best customers by ``scores_or_values`` (ties broken by customer id).

    random expectation = min(capacity, n) × mean value of the n customers not excluded;  lift = captured / that.

    Parameters
    ----------
    scores_or_values : Series
        What customers are ranked by, indexed by customer id.
    capacity : int
        How many customers the firm can serve well (>= 1).
    min_value : float, optional
        Leave out customers scoring below it.
    values : Series, optional
        What the list captures (default: the scores themselves).
    exclude : iterable, optional
        Customers never selected (e.g. lapsed ones, :func:`kit.customers.periods.lapsed_customers`).
    warn : bool
        Warn when the list takes every eligible customer -- a list of everyone is no choice (``note`` says so
        either way).

    Returns
    -------
    Targets

    Examples
    --------
    >>> t = select_targets(pd.Series([5.0, 9.0, 1.0, 7.0], index=list("abcd")), capacity=2)
    >>> list(t), t.summary()["lift"]
    (['b', 'd'], 1.455)
    >>> list(select_targets(pd.Series([5.0, 9.0, 1.0, 7.0], index=list("abcd")), capacity=2, exclude=["b"]))
    ['d', 'a']
    """
    if not isinstance(capacity, (int, np.integer)) or capacity < 1:
        raise KitError(f"capacity must be a whole number >= 1, got {capacity!r}", hint="e.g. capacity=100")
    scores = pd.Series(scores_or_values, dtype=float)
    if scores.empty:
        raise KitError("there are no customers to select from", hint="pass one score per customer")
    values = scores if values is None else pd.Series(values, dtype=float).reindex(scores.index).fillna(0.0)
    ranked = pd.DataFrame({"score": scores, "id": scores.index.astype(str)}).sort_values(
        ["score", "id"], ascending=[False, True], kind="stable")
    eligible = ranked if min_value is None else ranked[ranked["score"] >= min_value]
    if exclude is not None:
        eligible = eligible[~eligible.index.isin(pd.Index(exclude))]
    chosen = eligible.index[:capacity]
    note = ""
    if len(eligible) and capacity >= len(eligible):
        note = "note_covers_all"
        if warn:
            warnings.warn(f"capacity {capacity:,} covers all {len(eligible):,} eligible customers: the list selects "
                          "no one out", UserWarning, stacklevel=2)
    pool = values if exclude is None else values[~values.index.isin(pd.Index(exclude))]
    random_expectation = min(capacity, len(pool)) * float(pool.mean()) if len(pool) else 0.0
    return Targets(pd.Index(chosen, name=scores.index.name), float(values.loc[chosen].sum()), random_expectation,
                   float(values.sum()), note, int(capacity), len(eligible))
