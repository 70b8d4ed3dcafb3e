"""Customer lifetime value from the fitted models: expected purchases per period × expected spend, discounted.

    CLV_i = margin · Σ_{k=1..K} (E[Y_i(k·s)] − E[Y_i((k−1)·s)]) · E[M_i] / (1 + d)^(k·s / P)

with ``s`` the step (one time unit), ``K·s = horizon`` in the summary's time unit, ``d`` the annual discount rate
and ``P`` the time units per year: each period's expected purchases are valued at the customer's expected spend
and discounted from the end of that period.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import KitError
from .bgnbd import BetaGeo
from .fitting import ConvergenceError
from .gamma_gamma import GammaGamma
from .utils import PERIODS_PER_YEAR
from .validation import check_model


def fit_models(data: pd.DataFrame, penalizer: float = 0.0, retry_penalizer: float = 0.001):
    """Fit BG/NBD and Gamma-Gamma on a summary; a fit that does not converge is refitted once with
    ``retry_penalizer``, and the notes say so. Returns ``(bgnbd, gamma_gamma, notes)``; ``bgnbd.check_`` is the
    :class:`kit.clv.ModelCheck` of the fit (a refit after non-convergence counts as a problem)."""
    notes = []
    fitted = []
    for model in (BetaGeo, GammaGamma):
        try:
            fitted.append(model(penalizer=penalizer).fit(data))
        except ConvergenceError as err:
            if penalizer >= retry_penalizer:
                raise
            notes.append(f"{err.message}; refitted with penalizer={retry_penalizer}")
            fitted.append(model(penalizer=retry_penalizer).fit(data))
    fitted[0].check_ = check_model(fitted[0], data, notes=notes)
    return fitted[0], fitted[1], notes


def customer_lifetime_value(bgnbd, gg, data: pd.DataFrame, horizon: float, discount_rate: float = 0.1,
                            time_unit: str = "W", margin: float = 1.0) -> pd.DataFrame:
    """P(alive), expected purchases and spend over ``horizon`` and the discounted CLV of each customer.

    ``horizon`` is in ``time_unit`` (the unit of the summary the models were fitted on); ``discount_rate`` is
    annual; ``margin`` turns revenue into profit (1.0 = revenue CLV). Values keep full precision (round when
    printing).
    """
    if horizon <= 0:
        raise KitError(f"horizon must be positive, got {horizon}", hint="e.g. 52 weeks")
    if discount_rate < 0:
        raise KitError(f"discount_rate must be >= 0, got {discount_rate}", hint="e.g. 0.1 for 10 % a year")
    if time_unit not in PERIODS_PER_YEAR:
        raise KitError(f"unknown time unit {time_unit!r}", hint="use 'D', 'W' or 'M'")
    steps = int(np.ceil(horizon))
    ends = np.minimum(np.arange(1, steps + 1, dtype=float), horizon)
    cumulative = np.column_stack([np.zeros(len(data))] + [bgnbd.expected_purchases(t, data).to_numpy()
                                                          for t in ends])
    per_period = np.diff(cumulative, axis=1)
    discount = (1 + discount_rate) ** (-ends / PERIODS_PER_YEAR[time_unit])
    spend = gg.expected_spend(data).to_numpy()
    clv = margin * spend * (per_period @ discount)
    return pd.DataFrame({
        "p_alive": bgnbd.probability_alive(data).to_numpy(),
        "expected_purchases": cumulative[:, -1],
        "expected_spend": spend,
        "clv": clv,
    }, index=data.index)
