"""Gamma-Gamma model of spend per purchase (Fader & Hardie 2013, after Colombo & Jiang 1999).

A customer's purchase values are Gamma(p, ν) around the customer's mean, with ν ~ Gamma(q, γ) across customers.
For a customer with ``x`` repeat purchases of mean value ``m``:

    log L = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x)

and the expected mean spend is ``(γ + m x) p / (p x + q − 1)``: a weighted average of the population mean
``γ p / (q − 1)`` and the customer's own mean, the weight on the customer growing with ``x``. The model assumes
spend is independent of purchase frequency; check the correlation before trusting it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import gammaln

from ..errors import KitError
from .fitting import MaximumLikelihoodModel, fit_positive


def gamma_gamma_log_likelihood(params, x, m) -> np.ndarray:
    """Per-customer log-likelihood of Gamma-Gamma (module docstring).

    Parameters
    ----------
    params : sequence of float
        ``(p, q, gamma)``.
    x, m : array
        Repeat purchases (> 0) and their mean value (> 0) of each customer.

    Returns
    -------
    ndarray

    Examples
    --------
    >>> round(float(gamma_gamma_log_likelihood((6.25, 3.74, 15.44), np.array([2.0]), np.array([30.0]))[0]), 4)
    -3.847
    """
    p, q, gamma = params
    return (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(gamma) + (p * x - 1) * np.log(m)
            + p * x * np.log(x) - (p * x + q) * np.log(gamma + m * x))


class GammaGamma(MaximumLikelihoodModel):
    """Gamma-Gamma spend model, fitted on the customers with at least one repeat purchase; their
    ``monetary_value`` must be positive (:class:`KitError` otherwise, instead of dropping them).

    Parameters
    ----------
    penalizer : float
    start : dict, optional
        Start values of ``p, q, gamma``.

    Attributes
    ----------
    params_, standard_errors_ : dict
        ``p, q, gamma`` and their standard errors, after :meth:`fit`.
    log_likelihood_ : float

    Examples
    --------
    >>> from kit import clv, datasets
    >>> model = GammaGamma().fit(clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30"))
    >>> {k: round(v, 2) for k, v in model.params_.items()}
    {'p': 6.25, 'q': 3.74, 'gamma': 15.44}
    """

    def fit(self, data: pd.DataFrame) -> "GammaGamma":
        """Fit on the repeat buyers of a summary of :func:`kit.clv.summary` (``frequency``, ``monetary_value``);
        returns the model."""
        for column in ("frequency", "monetary_value"):
            if column not in data:
                raise KitError(f"the summary has no {column} column", hint="compute it with kit.clv.summary(tx)")
        repeat = data[data["frequency"] > 0]
        bad = repeat[~(repeat["monetary_value"] > 0)]
        if len(bad):
            example = float(bad["monetary_value"].iloc[0])
            raise KitError(f"{len(bad)} customer(s) with a repeat purchase have a zero, negative or missing "
                           f"monetary_value, e.g. customer {bad.index[0]!r} with {example!r}",
                           hint="Gamma-Gamma models positive spend: filter those customers out (returns, credit "
                           "notes, free orders) or model a margin that stays positive, then fit again")
        if len(repeat) < 2:
            raise KitError(f"{len(repeat)} customer(s) with a repeat purchase of positive value",
                           hint="the spend model learns from repeat purchases: use a longer calibration period")
        x = repeat["frequency"].to_numpy(dtype=float)
        m = repeat["monetary_value"].to_numpy(dtype=float)
        start = self.start or {"p": 1.0, "q": 2.0, "gamma": float(np.mean(m))}
        result = fit_positive(lambda prm: -gamma_gamma_log_likelihood(prm, x, m).sum(), start, "Gamma-Gamma",
                              len(repeat), self.penalizer)
        return self._store(result, data)

    def expected_spend(self, data: pd.DataFrame | None = None) -> pd.Series:
        """Expected mean spend per purchase of each customer.

        ``E(M | x, m) = (γ + m x) p / (p x + q − 1)`` for ``x > 0``; the population mean ``γ p / (q − 1)`` for
        customers with no repeat purchase.

        Parameters
        ----------
        data : DataFrame, optional
            A summary; default the fitted one.

        Returns
        -------
        Series
            ``expected_spend``, indexed like ``data``.

        Examples
        --------
        >>> model = GammaGamma()
        >>> model.params_ = {"p": 6.25, "q": 3.74, "gamma": 15.44}
        >>> model.expected_spend(pd.DataFrame({"frequency": [0, 2], "monetary_value": [0.0, 30.0]})).round(2).tolist()
        [35.22, 30.94]
        """
        self._check_fitted()
        data = self.data_ if data is None else data
        p, q, gamma = (self.params_[k] for k in ("p", "q", "gamma"))
        if q <= 1:
            raise KitError(f"q = {q:.3f} <= 1: the model's mean spend is infinite", hint="the spend data are too "
                           "heavy-tailed for Gamma-Gamma; cap extreme values or use the customers' own means")
        x = data["frequency"].to_numpy(dtype=float)
        m = data["monetary_value"].to_numpy(dtype=float)
        own = (gamma + m * x) * p / (p * x + q - 1)
        population = gamma * p / (q - 1)
        return pd.Series(np.where(x > 0, own, population), index=data.index, name="expected_spend")
