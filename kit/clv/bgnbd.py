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
from scipy import integrate
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
    """Fit a model of repeat purchases (BG/NBD, Pareto/NBD) on a calibration summary by maximum likelihood.

    Maximises ``Σ_h n_h · log_likelihood(params, x_h, t_x,h, T_h)`` over the distinct customer histories ``h``
    (``n_h`` customers each) and stores the fit and its :class:`kit.clv.ModelCheck` (``model.check_``).

    Parameters
    ----------
    model : BetaGeo or ParetoNBD
        The model to fit (its ``penalizer`` and ``start`` are used).
    data : DataFrame
        A summary of :func:`kit.clv.summary`.
    log_likelihood : callable
        Per-customer log-likelihood ``f(params, x, t_x, T)``.
    start : dict
        Start values by parameter name (``model.start`` wins when given).
    name : str
        The model's name in messages.
    at_bound_hint : str, optional
        The hint of the :class:`kit.clv.ConvergenceError` when a parameter runs to a bound.

    Returns
    -------
    The fitted ``model``.

    Examples
    --------
    >>> from kit import clv, datasets
    >>> data = clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30")
    >>> model = fit_purchase_model(BetaGeo(), data, bgnbd_log_likelihood, {"r": 1.0, "alpha": 30.0, "a": 1.0,
    ...                                                                   "b": 1.0}, "BG/NBD")
    >>> round(model.log_likelihood_, 1)
    -9582.4
    """
    data = check_summary(data)
    if (data["frequency"] > 0).sum() == 0:
        raise KitError("no customer bought more than once in the calibration period",
                       hint=f"{name} learns from repeat purchases: use a longer calibration period")
    x, t_x, T, weights = _grouped(data)
    result: FitResult = fit_positive(lambda p: -np.dot(weights, log_likelihood(p, x, t_x, T)), model.start or start,
                                     name, len(data), model.penalizer, at_bound_hint=at_bound_hint)
    model._store(result, data)
    from .validation import check_model  # validation reads fitted models; imported here to avoid a cycle
    model.check_ = check_model(model)
    return model


def bgnbd_log_likelihood(params, x, t_x, T) -> np.ndarray:
    """Per-customer log-likelihood of BG/NBD (Fader, Hardie & Lee 2005, eq. 6).

    ``log L = lnΓ(r+x) − lnΓ(r) + r ln α + logaddexp(A, [x>0] B)`` with
    ``A = ln B(a, b+x) − ln B(a, b) − (r+x) ln(α+T)`` and
    ``B = ln B(a+1, b+x−1) − ln B(a, b) − (r+x) ln(α+t_x)``.

    Parameters
    ----------
    params : sequence of float
        ``(r, alpha, a, b)``.
    x, t_x, T : array
        Repeat purchases, recency and age of each customer.

    Returns
    -------
    ndarray

    Examples
    --------
    >>> round(float(bgnbd_log_likelihood((0.243, 4.414, 0.793, 2.426), np.array([0.0]), np.array([0.0]),
    ...                                  np.array([38.0]))[0]), 4)
    -0.5498
    """
    r, alpha, a, b = params
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b) - (r + x) * np.log(alpha + T)
    repeat = x > 0
    a3 = np.where(repeat, betaln(a + 1, np.maximum(b + x - 1, 1e-12)) - betaln(a, b)
                  - (r + x) * np.log(alpha + t_x), -np.inf)
    return a1 + np.logaddexp(a2, a3)


def expected_purchases_if_alive(params, x, T, t: float) -> np.ndarray:
    """Expected purchases in the next ``t`` of a customer alive at ``T`` with ``x`` repeat purchases (BG/NBD).

    Parameters
    ----------
    params : sequence of float
        ``(r, alpha, a, b)``.
    x, T : array
        Repeat purchases and age of each customer.
    t : float
        Horizon, in the summary's time unit.

    Returns
    -------
    ndarray
        Non-negative expected purchases; the formula follows.

    Alive at ``T``, the customer's rate and dropout chance follow the posterior λ ~ Gamma(r+x, α+T),
    p ~ Beta(a, b+x), and a customer with (λ, p) makes ``(1 − e^(−λpt)) / p`` purchases on average, so

        E = E_p[(1 − (1 + p t/(α+T))^−(r+x)) / p]
          = c/(a−1) · [1 − (1−z)^(r+x) ₂F₁(r+x, b+x; c; z)],   c = a+b+x−1,  z = t/(α+T+t).

    ₂F₁ is used with its sign (with ``a + b < 1`` and ``x = 0``, ``c < 0`` and ₂F₁ can be negative, so its log is
    not taken), through Euler's transformation ``(1−z)^(r+x) ₂F₁(...) = (1−z)^(a−1) ₂F₁(c−r−x, a−1; c; z)`` where
    the direct value overflows. Values that are still not finite or outside ``[0, (r+x) t/(α+T)]`` (the bound
    ``(1 − (1+pu)^−k)/p ≤ k u``; e.g. ``a = 1`` exactly, or hundreds of purchases with ``t ≫ α+T``) are computed
    by adaptive integration of the first line (:func:`scipy.integrate.quad`).

    >>> round(float(expected_purchases_if_alive((0.243, 4.414, 0.793, 2.426), np.array([2.0]), np.array([30.0]),
    ...                                         39.0)[0]), 4)
    2.0444
    >>> bool(expected_purchases_if_alive((0.8, 9.9, 0.3, 0.4), np.array([0.0]), np.array([20.0]), 52.0)[0] > 0)
    True
    """
    r, alpha, a, b = (float(v) for v in params)
    x, T = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(T, dtype=float))
    if t == 0:
        return np.zeros(x.shape)
    k, c, z = r + x, a + b + x - 1, t / (alpha + T + t)
    with np.errstate(all="ignore"):
        log_survive = np.log1p(-z)
        scaled = np.exp(k * log_survive) * hyp2f1(k, b + x, c, z)
        euler = np.exp((a - 1) * log_survive) * hyp2f1(c - k, a - 1, c, z)
        scaled = np.where(np.isfinite(scaled), scaled, euler)
        value = c / (a - 1) * (1 - scaled)
    upper = k * t / (alpha + T)
    bad = ~(np.isfinite(value) & (value >= -1e-12 * upper) & (value <= upper * (1 + 1e-9)))
    if bad.any():
        for key in set(zip(x[bad], T[bad])):
            where = bad & (x == key[0]) & (T == key[1])
            value[where] = _expected_purchases_if_alive_by_integration(r, alpha, a, b, key[0], key[1], t)
    return np.clip(value, 0.0, None)


def _expected_purchases_if_alive_by_integration(r, alpha, a, b, x, T, t) -> float:
    """``E_p[g(p)]`` with ``g(p) = (1 − (1 + p u)^−k) / p``, p ~ Beta(a, b+x), ``u = t/(α+T)``, ``k = r+x``, by
    :func:`scipy.integrate.quad`.

    Written as ``k u − E_p[p m(p)] = k u − a/(a+b+x) · E_{Beta(a+1, b+x)}[m(p)]`` with ``m(p) = (k u − g(p)) / p``
    bounded, so the integrand has no singularity at ``p = 0`` even for tiny ``a``; break points around the Beta
    mean keep a narrow peak (large ``b + x``) in view; with ``b + x < 1`` quad's algebraic end-point weight is used.
    """
    u, k, shape = t / (alpha + T), r + x, b + x

    def shortfall(p):  # m(p), by its series where p u is small
        pu = p * u
        if pu < 1e-5:
            return k * (k + 1) * u * u / 2 * (1 - (k + 2) * pu / 3)
        return (k * u + np.expm1(-k * np.log1p(pu)) / p) / p

    log_norm = betaln(a + 1, shape)

    def integrand(p):
        if p <= 0 or p >= 1:
            return 0.0
        return np.exp(a * np.log(p) + (shape - 1) * np.log1p(-p) - log_norm) * shortfall(p)

    if shape < 1:  # (1 − p)^(b+x−1) is unbounded at p = 1: quad's algebraic weight handles both ends
        expected_shortfall, _ = integrate.quad(shortfall, 0.0, 1.0, weight="alg", wvar=(a, shape - 1), limit=500,
                                               epsabs=0.0, epsrel=1e-10)
        return float(k * u - a / (a + shape) * expected_shortfall / np.exp(log_norm))
    mean = (a + 1) / (a + 1 + shape)
    sd = np.sqrt(mean * (1 - mean) / (a + 2 + shape))
    points = sorted({float(v) for v in mean + sd * np.array([-2.0, 0.0, 2.0, 5.0, 10.0, 30.0]) if 0 < v < 1})
    expected_shortfall, _ = integrate.quad(integrand, 0.0, 1.0, points=points, limit=500, epsabs=0.0, epsrel=1e-10)
    return float(k * u - a / (a + shape) * expected_shortfall)


class BetaGeo(MaximumLikelihoodModel):
    """BG/NBD model of repeat buying, fitted by maximum likelihood (module docstring for the likelihood).

    Parameters
    ----------
    penalizer : float
        ``> 0`` regularises the fit (:func:`kit.clv.fitting.fit_positive`); the published CDNOW fit uses none.
    start : dict, optional
        Start values of ``r, alpha, a, b``.

    Attributes
    ----------
    params_, standard_errors_ : dict
        ``r, alpha, a, b`` and their standard errors, after :meth:`fit`.
    log_likelihood_ : float
    data_ : DataFrame
        The fitted summary.
    fit_result_ : FitResult
    check_ : ModelCheck
        The check of the fit (:func:`kit.clv.check_model`).

    Examples
    --------
    >>> from kit import clv, datasets
    >>> model = clv.BetaGeo().fit(clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30"))
    >>> {k: round(v, 3) for k, v in model.params_.items()}
    {'r': 0.243, 'alpha': 4.414, 'a': 0.793, 'b': 2.426}
    """

    def fit(self, data: pd.DataFrame) -> "BetaGeo":
        """Fit on a summary of :func:`kit.clv.summary` (:func:`fit_purchase_model`); returns the model.

        Raises :class:`kit.clv.ConvergenceError` when the fit does not converge (e.g. ``a`` or ``b`` at a bound).
        """
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
        """P(alive) of each customer (eq. 13): ``1 / (1 + [x>0] a/(b+x−1) ((α+T)/(α+t_x))^(r+x))``.

        Parameters
        ----------
        data : DataFrame, optional
            A summary; default the fitted one.

        Returns
        -------
        Series
            ``p_alive``, indexed like ``data``.

        Examples
        --------
        >>> model = BetaGeo()
        >>> model.params_ = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
        >>> data = pd.DataFrame({"frequency": [0, 2], "recency": [0.0, 10.0], "T": [38.0, 38.0]})
        >>> model.probability_alive(data).round(3).tolist()
        [1.0, 0.277]
        """
        data = self._data(data)
        r, alpha, a, b = (self.params_[k] for k in ("r", "alpha", "a", "b"))
        x, t_x, T = (data[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))
        with np.errstate(divide="ignore", invalid="ignore"):
            log_ratio = np.log(a) - np.log(np.maximum(b + x - 1, 1e-12)) + (r + x) * (
                np.log(alpha + T) - np.log(alpha + t_x))
        p = np.where(x > 0, 1.0 / (1.0 + np.exp(np.minimum(log_ratio, 700))), 1.0)
        return pd.Series(p, index=data.index, name="p_alive")

    def expected_purchases(self, t: float, data: pd.DataFrame | None = None) -> pd.Series:
        """Conditional expected number of purchases of each customer in the next ``t`` time units (eq. 10):
        P(alive) × :func:`expected_purchases_if_alive`.

        Parameters
        ----------
        t : float
            Horizon, in the summary's time unit.
        data : DataFrame, optional
            A summary; default the fitted one.

        Returns
        -------
        Series
            ``expected_purchases``, indexed like ``data``.

        Examples
        --------
        >>> model = BetaGeo()
        >>> model.params_ = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
        >>> data = pd.DataFrame({"frequency": [2], "recency": [30.0], "T": [38.0]})
        >>> round(float(model.expected_purchases(39, data).iloc[0]), 3)
        1.253
        """
        data = self._data(data)
        if t < 0:
            raise KitError(f"t must be >= 0, got {t}", hint="give a horizon in the model's time unit")
        params = tuple(self.params_[k] for k in ("r", "alpha", "a", "b"))
        x, T = (data[c].to_numpy(dtype=float) for c in ("frequency", "T"))
        alive = self.probability_alive(data).to_numpy()
        return pd.Series(expected_purchases_if_alive(params, x, T, t) * alive, index=data.index,
                         name="expected_purchases")

    def expected_purchases_new(self, t: float) -> float:
        """Expected purchases of a new customer in a period of length ``t`` (eq. 9): the prior is the posterior of a
        customer with ``x = 0`` observed for ``T = 0``.

        Parameters
        ----------
        t : float

        Returns
        -------
        float

        Examples
        --------
        >>> model = BetaGeo()
        >>> model.params_ = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
        >>> round(model.expected_purchases_new(39), 3)
        1.197
        """
        self._check_fitted()
        params = tuple(self.params_[k] for k in ("r", "alpha", "a", "b"))
        return float(expected_purchases_if_alive(params, np.zeros(1), np.zeros(1), t)[0])
