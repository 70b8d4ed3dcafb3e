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
    """The selected customers, best first, and the value captured compared with a random choice."""

    ids: pd.Index
    captured: float
    random_expectation: float
    total: float
    note: str = ""  # in plain words, when the list covers every eligible customer

    @property
    def lift(self) -> float:
        return self.captured / self.random_expectation if self.random_expectation else float("nan")

    def __iter__(self):
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i):
        return self.ids[i]

    def summary(self) -> dict:
        return {"selected": len(self.ids), "captured": round(self.captured, 2),
                "random_expectation": round(self.random_expectation, 2), "lift": round(self.lift, 3),
                "share_of_total": round(self.captured / self.total, 4) if self.total else float("nan")}


def select_targets(scores_or_values: pd.Series, capacity: int, min_value: float | None = None,
                   values: pd.Series | None = None, exclude=None, warn: bool = True) -> Targets:
    """The ``capacity`` best customers by ``scores_or_values`` (ties broken by customer id), leaving out those
    below ``min_value`` and those in ``exclude`` (e.g. lapsed customers, see :func:`kit.customers.periods.lapsed_customers`).
    ``values`` (default: the scores themselves) measures what the list captures against the expectation of
    ``capacity`` customers chosen at random from those not excluded. When the list takes every eligible customer,
    ``note`` says so in plain words -- a list of everyone is no choice -- and, with ``warn``, a warning too.

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
        note = (f"capacity {capacity:,} covers all {len(eligible):,} eligible customers: the list selects no one "
                "out")
        if warn:
            warnings.warn(note, UserWarning, stacklevel=2)
    pool = values if exclude is None else values[~values.index.isin(pd.Index(exclude))]
    random_expectation = min(capacity, len(pool)) * float(pool.mean()) if len(pool) else 0.0
    return Targets(pd.Index(chosen, name=scores.index.name), float(values.loc[chosen].sum()), random_expectation,
                   float(values.sum()), note)
