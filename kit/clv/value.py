"""Customer lifetime value from the fitted models: expected purchases per period × expected spend, discounted.

    CLV_i = margin · Σ_{k=1..K} (E[Y_i(k·s)] − E[Y_i((k−1)·s)]) · E[M_i] / (1 + d)^(k·s / P)

with ``s`` the step (one time unit), ``K·s = horizon`` in the summary's time unit, ``d`` the annual discount rate
and ``P`` the time units per year: each period's expected purchases are valued at the customer's expected spend
and discounted from the end of that period.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..customers.purchases import PERIODS_PER_YEAR
from ..errors import KitError
from .bgnbd import BetaGeo
from .fitting import ConvergenceError
from .gamma_gamma import GammaGamma
from .validation import ModelCheck, check_model


@dataclass
class Refit:
    """A model whose plain fit did not converge and was fitted again with a penalizer.

    Attributes
    ----------
    model : str
        ``"BG/NBD"`` or ``"Gamma-Gamma"``.
    penalizer : float
        The penalizer of the refit.
    reason : str
        The message of the :class:`kit.clv.ConvergenceError` of the plain fit.
    """

    model: str
    penalizer: float
    reason: str


@dataclass
class FittedModels:
    """BG/NBD and Gamma-Gamma fitted on one summary (:func:`fit_models`).

    Attributes
    ----------
    bgnbd : BetaGeo
        The purchase model.
    gamma_gamma : GammaGamma
        The spend model.
    refits : list of Refit
        The models refitted with a penalizer after a plain fit failed (empty when both converged).
    """

    bgnbd: BetaGeo
    gamma_gamma: GammaGamma
    refits: list[Refit] = field(default_factory=list)

    @property
    def check(self) -> ModelCheck:
        """The :class:`kit.clv.ModelCheck` of the purchase model (a refit counts as a problem)."""
        return self.bgnbd.check_


def fit_models(data: pd.DataFrame, penalizer: float = 0.0, retry_penalizer: float = 0.001) -> FittedModels:
    """Fit BG/NBD and Gamma-Gamma on a summary; a fit that does not converge is refitted once with
    ``retry_penalizer``.

    Parameters
    ----------
    data : DataFrame
        A summary of :func:`kit.clv.summary`.
    penalizer : float
        Penalizer of the first fits (0 = plain maximum likelihood).
    retry_penalizer : float
        Penalizer of the refit; when ``penalizer`` is already at least this, a failed fit raises
        :class:`kit.clv.ConvergenceError`.

    Returns
    -------
    FittedModels
        The models, the refits made, and (``.check``) the model check of BG/NBD on ``data``.

    Examples
    --------
    >>> from kit import clv, datasets
    >>> fitted = clv.fit_models(clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30"))
    >>> round(fitted.bgnbd.params_["r"], 3), round(fitted.gamma_gamma.params_["q"], 2), fitted.check.ok
    (0.243, 3.74, True)
    """
    fitted, refits = [], []
    for model, name in ((BetaGeo, "BG/NBD"), (GammaGamma, "Gamma-Gamma")):
        try:
            fitted.append(model(penalizer=penalizer).fit(data))
        except ConvergenceError as err:
            if penalizer >= retry_penalizer:
                raise
            refits.append(Refit(name, retry_penalizer, err.message))
            fitted.append(model(penalizer=retry_penalizer).fit(data))
    fitted[0].check_ = check_model(fitted[0], data, refitted=any(r.model == "BG/NBD" for r in refits))
    return FittedModels(fitted[0], fitted[1], refits)


def customer_lifetime_value(bgnbd, gg, data: pd.DataFrame, horizon: float, discount_rate: float = 0.1,
                            time_unit: str = "W", margin: float = 1.0) -> pd.DataFrame:
    """P(alive), expected purchases and spend over ``horizon`` and the discounted CLV of each customer.

    ``CLV_i = margin · Σ_k ΔE[Y_i]_k · E[M_i] / (1 + d)^(t_k / P)``: the expected purchases of each period
    (BG/NBD or Pareto/NBD) times the expected spend per purchase (Gamma-Gamma), discounted at the annual rate
    ``d`` from the end ``t_k`` of the period, ``P`` time units a year (see the module docstring).

    Parameters
    ----------
    bgnbd : BetaGeo or ParetoNBD
        A fitted purchase model.
    gg : GammaGamma
        A fitted spend model.
    data : DataFrame
        The summary of the customers to value.
    horizon : float
        In ``time_unit`` (the unit of the summary the models were fitted on).
    discount_rate : float
        Annual.
    time_unit : {"W", "D", "M"}
    margin : float
        Share of revenue that is profit (1.0 = revenue CLV).

    Returns
    -------
    DataFrame
        Indexed like ``data``: ``p_alive``, ``expected_purchases`` (over the horizon), ``expected_spend`` (per
        purchase) and ``clv``, at full precision (round when printing).

    Examples
    --------
    >>> from kit import clv, datasets
    >>> data = clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30")
    >>> fitted = clv.fit_models(data)
    >>> values = clv.customer_lifetime_value(fitted.bgnbd, fitted.gamma_gamma, data, 52)
    >>> list(values.columns), bool((values["clv"] >= 0).all())
    (['p_alive', 'expected_purchases', 'expected_spend', 'clv'], True)
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
