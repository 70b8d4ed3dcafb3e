"""BG/NBD — the beta-geometric / negative binomial distribution model of repeat buying (Fader, Hardie & Lee 2005).

While alive, a customer buys at Poisson rate λ, with λ ~ Gamma(r, α) across customers; after each purchase the
customer drops out with probability p, with p ~ Beta(a, b). For a customer with ``x`` repeat purchases, the last
at ``t_x``, observed for ``T``:

    L = B(a, b+x)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+T)^(r+x))
        + [x > 0] · B(a+1, b+x-1)/B(a, b) · Γ(r+x) α^r / (Γ(r) (α+t_x)^(r+x))

computed on the log scale with ``logaddexp``. P(alive) and the expected number of purchases in the next ``t``
follow from equations (10)-(13) of the paper.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import betaln, gammaln, hyp2f1

from ..errors import KitError
from .fitting import FitResult, MaximumLikelihoodModel, fit_positive
from .utils import check_summary


def _grouped(data: pd.DataFrame):
    """Unique (x, t_x, T) rows and their counts: the likelihood is evaluated once per distinct customer history."""
    keys = data[["frequency", "recency", "T"]].astype(float)
    unique = keys.value_counts().reset_index()
    return (unique["frequency"].to_numpy(), unique["recency"].to_numpy(), unique["T"].to_numpy(),
            unique["count"].to_numpy(dtype=float))


def fit_purchase_model(model, data: pd.DataFrame, log_likelihood, start: dict, name: str,
                       at_bound_hint: str | None = None):
    """Fit a model of repeat purchases (BG/NBD, Pareto/NBD) on a calibration summary by maximum likelihood,
    evaluating ``log_likelihood(params, x, t_x, T)`` once per distinct customer history."""
    data = check_summary(data)
    if (data["frequency"] > 0).sum() == 0:
        raise KitError("no customer bought more than once in the calibration period",
                       hint=f"{name} learns from repeat purchases: use a longer calibration period")
    x, t_x, T, weights = _grouped(data)
    result: FitResult = fit_positive(lambda p: -np.dot(weights, log_likelihood(p, x, t_x, T)), model.start or start,
                                     name, len(data), model.penalizer, at_bound_hint=at_bound_hint)
    return model._store(result, data)


def bgnbd_log_likelihood(params, x, t_x, T) -> np.ndarray:
    """Per-customer log-likelihood of BG/NBD at ``params = (r, alpha, a, b)``."""
    r, alpha, a, b = params
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + T)
    repeat = x > 0
    a3 = np.where(repeat, betaln(a + 1, np.maximum(b + x - 1, 1e-12)) - betaln(a, b)
                  - (r + x) * np.log(alpha + t_x), -np.inf)
    return a1 + np.logaddexp(a2, a3)


class BetaGeo(MaximumLikelihoodModel):
    """BG/NBD model, fitted by maximum likelihood.

    Attributes after :meth:`fit`: ``params_`` (``r, alpha, a, b``), ``log_likelihood_``, ``standard_errors_``,
    ``data_`` (the fitted summary), ``fit_result_``. ``penalizer > 0`` regularises the fit (see
    :func:`kit.clv.fitting.fit_positive`); the published CDNOW fit uses none.

    >>> from kit import clv, datasets
    >>> model = clv.BetaGeo().fit(clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30"))  # doctest: +SKIP
    """

    def fit(self, data: pd.DataFrame) -> "BetaGeo":
        data = check_summary(data)
        start = {"r": 1.0, "alpha": max(float(data["T"].mean()), 1.0), "a": 1.0, "b": 1.0}
        return fit_purchase_model(
            self, data, bgnbd_log_likelihood, start, "BG/NBD",
            at_bound_hint="when a or b runs to a bound the data show almost no customers dropping out in the "
            "calibration period, so the dropout process cannot be estimated: fit with penalizer=0.001 (shrinks the "
            "parameters towards 1) or use a longer calibration period")

    def _data(self, data):
        self._check_fitted()
        return self.data_ if data is None else check_summary(data, min_customers=1)

    def probability_alive(self, data: pd.DataFrame | None = None) -> pd.Series:
        """P(alive) of each customer: ``1 / (1 + [x>0] a/(b+x-1) ((α+T)/(α+t_x))^(r+x))``."""
        data = self._data(data)
        r, alpha, a, b = (self.params_[k] for k in ("r", "alpha", "a", "b"))
        x, t_x, T = (data[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))
        with np.errstate(divide="ignore", invalid="ignore"):
            log_ratio = np.log(a) - np.log(np.maximum(b + x - 1, 1e-12)) + (r + x) * (
                np.log(alpha + T) - np.log(alpha + t_x))
        p = np.where(x > 0, 1.0 / (1.0 + np.exp(np.minimum(log_ratio, 700))), 1.0)
        return pd.Series(p, index=data.index, name="p_alive")

    def expected_purchases(self, t: float, data: pd.DataFrame | None = None) -> pd.Series:
        """Conditional expected number of purchases of each customer in the next ``t`` time units (eq. 10)."""
        data = self._data(data)
        if t < 0:
            raise KitError(f"t must be >= 0, got {t}", hint="give a horizon in the model's time unit")
        r, alpha, a, b = (self.params_[k] for k in ("r", "alpha", "a", "b"))
        x, t_x, T = (data[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))
        z = t / (alpha + T + t)
        head = (a + b + x - 1) / (a - 1)
        c = a + b + x - 1
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            log_hyp = np.log(hyp2f1(r + x, b + x, c, z))
            # Euler's transformation 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a,c-b;c;z) where the direct value overflows
            alternative = (c - r - b - 2 * x) * np.log1p(-z) + np.log(hyp2f1(c - r - x, c - b - x, c, z))
        log_hyp = np.where(np.isfinite(log_hyp), log_hyp, alternative)
        bracket = 1 - np.exp(log_hyp + (r + x) * (np.log(alpha + T) - np.log(alpha + T + t)))
        alive = self.probability_alive(data).to_numpy()
        return pd.Series(head * bracket * alive, index=data.index, name="expected_purchases")

    def expected_purchases_new(self, t: float) -> float:
        """Expected purchases of a new customer in a period of length ``t`` (eq. 9)."""
        self._check_fitted()
        r, alpha, a, b = (self.params_[k] for k in ("r", "alpha", "a", "b"))
        z = t / (alpha + t)
        return float((a + b - 1) / (a - 1) * (1 - (alpha / (alpha + t)) ** r * hyp2f1(r, b, a + b - 1, z)))
