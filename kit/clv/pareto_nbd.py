"""Pareto/NBD — the original model of repeat buying of non-contractual customers (Schmittlein, Morrison & Colombo
1987), fitted as in Fader & Hardie's note "A note on deriving the Pareto/NBD model and related expressions" (2005).

While alive a customer buys at Poisson rate λ ~ Gamma(r, α); the lifetime is exponential with rate μ ~ Gamma(s, β)
(dropout can happen at any time, not only after a purchase as in BG/NBD). For ``x`` repeat purchases, the last at
``t_x``, observed for ``T``, integrating the rates out (eq. 18 of the note):

    L = Γ(r+x) α^r β^s / Γ(r) · [ 1 / ((α+T)^(r+x) (β+T)^s) + s · D ],
    D = ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ        (death at τ between the last purchase and T)

The note writes ``s · D = s/(r+s+x) · A0`` with A0 (eqs. 19-20) a difference of two Gauss hypergeometric terms;
that difference cancels when ``t_x`` is close to ``T`` (and is ``0 − 0`` of overflowing terms for heavy buyers,
which made lifetimes' ``_log_A_0`` NaN), so :func:`log_death_integral` computes ``log D`` without it.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import expit, gammaln, hyp2f1, logsumexp

from ..errors import KitError
from .bgnbd import fit_purchase_model
from .fitting import MaximumLikelihoodModel
from .utils import check_summary

CLOSED_FORM_MIN_GAP = 0.1
"""Smallest ``log F(t_x) − log F(T)`` at which :func:`log_death_integral` takes the closed-form difference; below it
the difference would lose more than ~1e-14 / gap of its relative precision, and the integral is summed directly."""
_NODES, _WEIGHTS = np.polynomial.legendre.leggauss(20)


def log_survival_integral(params, x, tau) -> np.ndarray:
    """``log F(τ)`` with ``F(τ) = ∫_τ^∞ (α+u)^−(r+x) (β+u)^−(s+1) du``, the tail of the death integral.

    With ``h = max(α, β)``, ``z = |α − β| / (h + τ)`` and ``k`` the exponent of the smaller of α, β (``s+1`` when
    α ≥ β, else ``r+x``), Euler's integral gives (Fader & Hardie 2005, eqs. 19-20, as in lifetimes' ``_log_A_0``)

        F(τ) = (h+τ)^−(r+s+x) ₂F₁(r+s+x, k; r+s+x+1; z) / (r+s+x),

    and Euler's transformation ``₂F₁(a, k; a+1; z) = (1−z)^(1−k) ₂F₁(1, a+1−k; a+1; z)`` keeps the series of
    positive terms bounded (no overflow for heavy buyers, ``z`` near 1 included), so its log is taken directly.

    Parameters
    ----------
    params : sequence of float
        ``(r, alpha, s, beta)``.
    x, tau : array

    Returns
    -------
    ndarray

    Examples
    --------

    >>> float(np.exp(log_survival_integral((0.5, 2.0, 1.0, 2.0), 0.0, 1.0)))  # ∫_1^∞ (2+u)^−2.5 du = 3^−1.5 / 1.5
    0.1283000598...
    """
    r, alpha, s, beta = (float(v) for v in params)
    x, tau = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(tau, dtype=float))
    high, low = max(alpha, beta), min(alpha, beta)
    k = s + 1 if alpha >= beta else r + x
    rsx = r + s + x
    z = (high - low) / (high + tau)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_2f1 = (1 - k) * np.log1p(-z) + np.log(hyp2f1(1.0, rsx + 1 - k, rsx + 1, z))
        return log_2f1 - rsx * np.log(high + tau) - np.log(rsx)


def log_death_integral(params, x, t_x, T) -> np.ndarray:
    """``log D`` with ``D = ∫_{t_x}^T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ = A0 / (r+s+x)`` (−inf where ``t_x = T``).

    ``D = F(t_x) − F(T)`` (:func:`log_survival_integral`) is taken as ``log F(t_x) + log(−expm1(−g))``,
    ``g = log F(t_x) − log F(T)``, where ``g ≥`` :data:`CLOSED_FORM_MIN_GAP`. Closer to ``T`` (last purchase near the
    end of calibration) the integral is summed directly: Gauss-Legendre in ``v = log(m + τ)``, ``m = min(α, β)``,
    on panels of length ≤ 1, in log space; the integrand is then smooth and varies little.

    Parameters
    ----------
    params : sequence of float
        ``(r, alpha, s, beta)``.
    x, t_x, T : array

    Returns
    -------
    ndarray

    Examples
    --------

    >>> float(np.exp(log_death_integral((0.5, 2.0, 1.0, 2.0), 0.0, 0.0, 1.0)))  # (2^−1.5 − 3^−1.5) / 1.5
    0.1074...
    """
    r, alpha, s, beta = (float(v) for v in params)
    x, t_x, T = (a.astype(float) for a in np.broadcast_arrays(np.asarray(x, dtype=float),
                                                             np.asarray(t_x, dtype=float), np.asarray(T, dtype=float)))
    head = log_survival_integral(params, x, t_x)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        gap = head - log_survival_integral(params, x, T)
        value = head + np.log(-np.expm1(-gap))
    value = np.where(t_x >= T, -np.inf, value)
    direct = (t_x < T) & ~(np.isfinite(value) & (gap >= CLOSED_FORM_MIN_GAP))
    if direct.any():
        value[direct] = _log_death_integral_by_quadrature(r, alpha, s, beta, x[direct], t_x[direct], T[direct])
    return value


def _log_death_integral_by_quadrature(r, alpha, s, beta, x, t_x, T) -> np.ndarray:
    """``log ∫_{t_x}^T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ`` by composite 20-point Gauss-Legendre in ``v = log(m + τ)``
    (``m = min(α, β)``, ``c = |α − β|``, ``dτ = e^v dv``, ``log(c + m + τ) = logaddexp(v, log c)`` without
    cancellation).

    In ``v`` the log-integrand ``φ(v) = (1 − k_m) v − k_c log(e^v + c)`` (``k_m``, ``k_c`` the exponents of the
    ``m`` and the other term) is concave, so it lies below its tangent at ``v0 = log(m + t_x)``: where it falls
    steeply (``φ'(v0) < −1``, heavy buyers) the sum stops at ``v0 + 60/|φ'(v0)|`` (the rest is below ``e^−60`` of
    the integral), and the panels are short enough for φ to change by at most about 2 on each.
    """
    low, other = min(alpha, beta), abs(alpha - beta)
    k_low, k_other = ((r + x), s + 1) if alpha <= beta else (s + 1, (r + x))
    v0 = np.log(low + t_x)
    slope = (1 - k_low) - k_other * (low + t_x) / (other + low + t_x)  # φ'(v0)
    length = np.log1p((T - t_x) / (low + t_x))
    reach = np.where(slope < -1, np.minimum(length, 60 / np.maximum(-slope, 1)), length)
    panels = int(np.ceil(np.max(reach * (1 + np.abs(slope)) / 2)))
    edges = np.linspace(-1.0, 1.0, panels + 1)
    nodes = ((edges[:-1, None] + edges[1:, None]) / 2 + _NODES / panels).ravel()
    log_weights = np.log(np.tile(_WEIGHTS / panels, panels))
    half = reach[:, None] / 2
    v = v0[:, None] + half * (1 + nodes)
    k_low, k_other = np.broadcast_to(k_low, v0.shape)[:, None], np.broadcast_to(k_other, v0.shape)[:, None]
    log_other = np.logaddexp(v, np.log(other)) if other > 0 else v
    log_f = (1 - k_low) * v - k_other * log_other
    return logsumexp(log_f + log_weights, axis=1) + np.log(half[:, 0])


def pareto_nbd_log_likelihood(params, x, t_x, T) -> np.ndarray:
    """Per-customer log-likelihood of Pareto/NBD at ``params = (r, alpha, s, beta)`` (module docstring; Fader &
    Hardie 2005, eq. 18), with ``s·D`` from :func:`log_death_integral`.

    Parameters
    ----------
    params : sequence of float
        ``(r, alpha, s, beta)``.
    x, t_x, T : array
        Repeat purchases, recency and age of each customer.

    Returns
    -------
    ndarray

    Examples
    --------

    >>> round(float(pareto_nbd_log_likelihood((0.553, 10.578, 0.606, 11.669), np.array([2.0]), np.array([30.0]),
    ...                                       np.array([38.0]))[0]), 4)
    -9.5056
    """
    r, alpha, s, beta = params
    head = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    alive_term = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
    with np.errstate(invalid="ignore"):  # parameter values the optimiser tries and rejects
        return head + np.logaddexp(alive_term, np.log(s) + log_death_integral(params, x, t_x, T))


def expected_purchases_if_alive(params, x, T, t: float) -> np.ndarray:
    """Expected purchases in the next ``t`` of a Pareto/NBD customer alive at ``T`` with ``x`` repeat purchases.

    Alive at ``T`` the rates follow λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T), independent, and a customer with
    (λ, μ) buys ``λ (1 − e^(−μt)) / μ`` times on average, so (Fader & Hardie 2005, eq. 41 without P(alive))

        E = (r+x)/(α+T) · E_μ[(1 − e^(−μt))/μ] = (r+x)(β+T)/(α+T) · (1 − (1 + t/(β+T))^(1−s)) / (s−1),

    computed as ``−expm1(−(s−1) ℓ) / (s−1)`` with ``ℓ = log1p(t/(β+T))``: exact at ``s = 1`` (the limit ``ℓ``)
    and without cancellation for ``s`` near 1.

    Parameters
    ----------
    params : sequence of float
        ``(r, alpha, s, beta)``.
    x, T : array
        Repeat purchases and age of each customer.
    t : float
        Horizon.

    Returns
    -------
    ndarray

    Examples
    --------

    >>> round(float(expected_purchases_if_alive((0.553, 10.578, 0.606, 11.669), 2.0, 38.0, 39.0)), 4)
    1.6994
    """
    r, alpha, s, beta = (float(v) for v in params)
    x, T = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(T, dtype=float))
    horizon = np.log1p(t / (beta + T))
    if s == 1:
        per_rate = horizon
    else:
        per_rate = -np.expm1(-(s - 1) * horizon) / (s - 1)
    return (r + x) * (beta + T) / (alpha + T) * per_rate


class ParetoNBD(MaximumLikelihoodModel):
    """Pareto/NBD model of repeat buying fitted by maximum likelihood; the same interface as
    :class:`kit.clv.BetaGeo` (module docstring for the likelihood).

    Parameters
    ----------
    penalizer : float
    start : dict, optional
        Start values of ``r, alpha, s, beta``.

    Attributes
    ----------
    params_, standard_errors_ : dict
        ``r, alpha, s, beta`` and their standard errors, after :meth:`fit`.
    log_likelihood_ : float
    data_ : DataFrame
    check_ : ModelCheck

    Examples
    --------
    >>> from kit import clv, datasets
    >>> model = ParetoNBD().fit(clv.summary(datasets.cdnow(sample=True)[0], "1997-09-30"))
    >>> {k: round(v, 3) for k, v in model.params_.items()}
    {'r': 0.553, 'alpha': 10.578, 's': 0.606, 'beta': 11.669}
    """

    def fit(self, data: pd.DataFrame) -> "ParetoNBD":
        """Fit on a summary of :func:`kit.clv.summary` (:func:`kit.clv.bgnbd.fit_purchase_model`); returns the
        model."""
        data = check_summary(data)
        scale = max(float(data["T"].mean()) / 3, 1.0)
        return fit_purchase_model(self, data, pareto_nbd_log_likelihood, {"r": 0.5, "alpha": scale, "s": 0.5,
                                                                        "beta": scale}, "Pareto/NBD")

    def _arrays(self, data):
        self._check_fitted()
        data = self.data_ if data is None else check_summary(data, min_customers=1)
        return data, tuple(data[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))

    def _params(self):
        return tuple(self.params_[k] for k in ("r", "alpha", "s", "beta"))

    def probability_alive(self, data: pd.DataFrame | None = None) -> pd.Series:
        """P(alive) = 1 / (1 + s (α+T)^(r+x) (β+T)^s D) (Fader & Hardie 2005, eq. 37 with ``A0 = (r+s+x) D``,
        :func:`log_death_integral`), as the logistic function of the log-odds: 1 exactly when ``t_x = T``.

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
        >>> model = ParetoNBD()
        >>> model.params_ = {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}
        >>> model.probability_alive(pd.DataFrame({"frequency": [2, 2], "recency": [38.0, 10.0], "T": [38.0, 38.0]})
        ...                         ).round(3).tolist()
        [1.0, 0.281]
        """
        data, (x, t_x, T) = self._arrays(data)
        r, alpha, s, beta = params = self._params()
        log_odds_dead = (np.log(s) + (r + x) * np.log(alpha + T) + s * np.log(beta + T)
                         + log_death_integral(params, x, t_x, T))
        return pd.Series(expit(-log_odds_dead), index=data.index, name="p_alive")

    def expected_purchases(self, t: float, data: pd.DataFrame | None = None) -> pd.Series:
        """Conditional expected purchases in the next ``t``: :func:`expected_purchases_if_alive` × P(alive)
        (Fader & Hardie 2005, eq. 41).

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
        >>> model = ParetoNBD()
        >>> model.params_ = {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}
        >>> data = pd.DataFrame({"frequency": [2], "recency": [38.0], "T": [38.0]})
        >>> round(float(model.expected_purchases(39.0, data).iloc[0]), 4)  # alive for sure: the formula alone
        1.6994
        """
        if t < 0:
            raise KitError(f"t must be >= 0, got {t}", hint="give a horizon in the model's time unit")
        data, (x, _, T) = self._arrays(data)
        rate = expected_purchases_if_alive(self._params(), x, T, t)
        return pd.Series(rate * self.probability_alive(data).to_numpy(), index=data.index,
                         name="expected_purchases")
