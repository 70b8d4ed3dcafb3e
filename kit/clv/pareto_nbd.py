"""Pareto/NBD — the original model of repeat buying of non-contractual customers (Schmittlein, Morrison & Colombo
1987), fitted as in Fader & Hardie's note "A note on deriving the Pareto/NBD model and related expressions" (2005).

While alive a customer buys at Poisson rate λ ~ Gamma(r, α); the lifetime is exponential with rate μ ~ Gamma(s, β)
(dropout can happen at any time, not only after a purchase as in BG/NBD). For ``x`` repeat purchases, the last at
``t_x``, observed for ``T``:

    L = Γ(r+x) α^r β^s / Γ(r) · [ 1 / ((α+T)^(r+x) (β+T)^s) + s / (r+s+x) · A0 ]

with A0 a difference of two Gauss hypergeometric terms (computed on the log scale).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import gammaln, hyp2f1, logsumexp

from .bgnbd import fit_purchase_model
from .fitting import MaximumLikelihoodModel
from .utils import check_summary


def _log_a0(params, x, t_x, T):
    r, alpha, s, beta = params
    if alpha >= beta:
        low, high, b = beta, alpha, s + 1
    else:
        low, high, b = alpha, beta, r + x
    rsx = r + s + x
    q1, q2 = high + t_x, high + T
    with np.errstate(divide="ignore", invalid="ignore"):
        p1 = hyp2f1(rsx, b, rsx + 1, (high - low) / q1)
        p2 = hyp2f1(rsx, b, rsx + 1, (high - low) / q2)
        terms = np.stack([np.log(p1) + rsx * np.log(q2), np.log(p2) + rsx * np.log(q1)])
        signs = np.stack([np.ones_like(x, dtype=float), -np.ones_like(x, dtype=float)])
        return logsumexp(terms, axis=0, b=signs) - rsx * np.log(q1 * q2)


def pareto_nbd_log_likelihood(params, x, t_x, T) -> np.ndarray:
    """Per-customer log-likelihood of Pareto/NBD at ``params = (r, alpha, s, beta)``."""
    r, alpha, s, beta = params
    head = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta)
    alive_term = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
    dead_term = np.log(s) - np.log(r + s + x) + _log_a0(params, x, t_x, T)
    with np.errstate(invalid="ignore"):  # parameter values the optimiser tries and rejects
        return head + np.logaddexp(alive_term, dead_term)


class ParetoNBD(MaximumLikelihoodModel):
    """Pareto/NBD model fitted by maximum likelihood; the same interface as :class:`kit.clv.BetaGeo`
    (``params_`` = ``r, alpha, s, beta``)."""

    def fit(self, data: pd.DataFrame) -> "ParetoNBD":
        data = check_summary(data)
        scale = max(float(data["T"].mean()) / 3, 1.0)
        return fit_purchase_model(self, data, pareto_nbd_log_likelihood, {"r": 0.5, "alpha": scale, "s": 0.5,
                                                                        "beta": scale}, "Pareto/NBD")

    def _arrays(self, data):
        self._check_fitted()
        data = self.data_ if data is None else check_summary(data, min_customers=1)
        return data, tuple(data[c].to_numpy(dtype=float) for c in ("frequency", "recency", "T"))

    def probability_alive(self, data: pd.DataFrame | None = None) -> pd.Series:
        """P(alive) = 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A0)."""
        data, (x, t_x, T) = self._arrays(data)
        r, alpha, s, beta = (self.params_[k] for k in ("r", "alpha", "s", "beta"))
        params = (r, alpha, s, beta)
        log_ratio = (np.log(s) - np.log(r + s + x) + (r + x) * np.log(alpha + T) + s * np.log(beta + T)
                     + _log_a0(params, x, t_x, T))
        return pd.Series(1.0 / (1.0 + np.exp(np.minimum(log_ratio, 700))), index=data.index, name="p_alive")

    def expected_purchases(self, t: float, data: pd.DataFrame | None = None) -> pd.Series:
        """Conditional expected purchases in the next ``t``:
        ``(r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive)``."""
        data, (x, _, T) = self._arrays(data)
        r, alpha, s, beta = (self.params_[k] for k in ("r", "alpha", "s", "beta"))
        if abs(s - 1) < 1e-9:
            rate = (r + x) / (alpha + T) * (beta + T) * np.log((beta + T + t) / (beta + T))
        else:
            rate = (r + x) * (beta + T) / ((alpha + T) * (s - 1)) * (1 - ((beta + T) / (beta + T + t)) ** (s - 1))
        return pd.Series(rate * self.probability_alive(data).to_numpy(), index=data.index,
                         name="expected_purchases")
