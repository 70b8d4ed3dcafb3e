"""Customer relationship value — 客户关系价值 — and the whale curve of cumulative profit.

    relationship value = (explicit value + implicit value) − (explicit cost + implicit cost)
                       = (显性价值 + 隐性价值) − (显性成本 + 隐性成本)

Each term comes from a column when the feature table has one, otherwise from a documented assumption
(:data:`ASSUMPTIONS`) that the user can override:

- explicit value: gross margin = ``monetary × margin_rate`` (or a ``margin`` column);
- explicit cost: cost to serve = ``cost_per_order × frequency + cost_per_line × lines``;
- implicit value: word-of-mouth and referral value = ``word_of_mouth_rate × explicit value`` for repeat customers
  (satisfied customers recommend; one-time buyers are not counted), or an ``implicit_value`` column;
- implicit cost: attention a customer takes = ``cost_per_return × returned lines``, or an ``implicit_cost`` column.

The weight of explicit against implicit value depends on the firm's stage (:data:`STAGE_WEIGHTS`): a start-up
counts revenue first, a growing firm market share, a mature firm its brand.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import KitError
from ..grading.abc import top_sum

ASSUMPTIONS = {
    "margin_rate": 0.25,          # share of revenue that is gross margin
    "cost_per_order": 5.0,        # handling, payment and delivery per order
    "cost_per_line": 0.5,         # picking and packing per order line
    "word_of_mouth_rate": 0.10,   # implicit value of a repeat customer, as a share of their explicit value
    "cost_per_return": 10.0,      # attention and handling per returned or cancelled line
}
STAGE_WEIGHTS = {"start-up": {"explicit": 1.0, "implicit": 0.5}, "growth": {"explicit": 1.0, "implicit": 1.0},
                 "maturity": {"explicit": 1.0, "implicit": 1.5}}


@dataclass(frozen=True)
class ValueAssumptions:
    """The assumptions relationship value is computed under.

    Attributes
    ----------
    assumptions : dict
        Every key of :data:`ASSUMPTIONS`, with the overrides applied.
    weights : dict
        ``{"explicit": w1, "implicit": w2}``: the weight of explicit and implicit value.
    """

    assumptions: dict
    weights: dict


def value_assumptions(costs: dict | None = None, implicit: dict | None = None,
                      weights: dict | str = "growth") -> ValueAssumptions:
    """:data:`ASSUMPTIONS` with overrides, and the weights of a stage: what :func:`relationship_value` uses.

    Parameters
    ----------
    costs, implicit : dict, optional
        Overrides of :data:`ASSUMPTIONS` (any of its keys).
    weights : str or dict
        A stage of :data:`STAGE_WEIGHTS` or ``{"explicit": w1, "implicit": w2}``.

    Returns
    -------
    ValueAssumptions

    Examples
    --------
    >>> chosen = value_assumptions(costs={"cost_per_order": 8.0}, weights="maturity")
    >>> chosen.assumptions["cost_per_order"], chosen.assumptions["margin_rate"], chosen.weights
    (8.0, 0.25, {'explicit': 1.0, 'implicit': 1.5})
    """
    settings = {**ASSUMPTIONS, **(costs or {}), **(implicit or {})}
    unknown = set(settings) - set(ASSUMPTIONS)
    if unknown:
        raise KitError(f"unknown assumption(s) {sorted(unknown)}", hint=f"the assumptions are {', '.join(ASSUMPTIONS)}")
    if isinstance(weights, str):
        if weights not in STAGE_WEIGHTS:
            raise KitError(f"unknown stage {weights!r}", hint=f"use one of {', '.join(STAGE_WEIGHTS)}")
        weights = STAGE_WEIGHTS[weights]
    return ValueAssumptions(settings, dict(weights))


def relationship_value(features: pd.DataFrame, revenue: str = "monetary", costs: dict | None = None,
                       implicit: dict | None = None, weights: dict | str = "growth",
                       lines: pd.Series | None = None) -> pd.DataFrame:
    """The four terms of relationship value and the total for each customer, with ``negative`` flags.

    relationship value = explicit value × w1 + implicit value × w2 − explicit cost − implicit cost
    (the terms as in the module docstring; ``w1``, ``w2`` the weights of the firm's stage).

    Parameters
    ----------
    features : DataFrame
        A customer feature table (:func:`kit.customer_features`).
    revenue : str
        The column of spend (default ``monetary``).
    costs, implicit : dict, optional
        Overrides of :data:`ASSUMPTIONS` (see :func:`value_assumptions`, which gives the values used).
    weights : str or dict
        A stage of :data:`STAGE_WEIGHTS` or ``{"explicit": w1, "implicit": w2}``.
    lines : Series, optional
        Order lines per customer (default: the ``lines`` feature, else one line per order).

    Returns
    -------
    DataFrame
        Indexed like ``features``: ``explicit_value``, ``implicit_value`` (both weighted), ``explicit_cost``,
        ``implicit_cost``, ``relationship_value`` and ``negative``.

    Examples
    --------
    >>> features = pd.DataFrame({"monetary": [1000.0, 15.0], "frequency": [10, 1], "return_rate": [0.0, 0.0]},
    ...                         index=["a", "b"])
    >>> relationship_value(features, lines=pd.Series([20, 1], index=["a", "b"]))["relationship_value"].tolist()
    [215.0, -1.75]
    """
    if features.empty:
        raise KitError("the feature table is empty", hint="compute it with kit.customer_features(tx)")
    if revenue not in features:
        raise KitError(f"the feature table has no {revenue!r} column", hint="compute it with kit.customer_features")
    chosen = value_assumptions(costs, implicit, weights)
    settings, weights = chosen.assumptions, chosen.weights
    frequency = features.get("frequency", pd.Series(1, index=features.index)).astype(float)
    if lines is None:
        lines = features["lines"] if "lines" in features else frequency
    lines = lines.reindex(features.index).astype(float)
    explicit_value = features["margin"] if "margin" in features else features[revenue] * settings["margin_rate"]
    explicit_cost = settings["cost_per_order"] * frequency + settings["cost_per_line"] * lines
    if "implicit_value" in features:
        implicit_value = features["implicit_value"].astype(float)
    else:
        implicit_value = np.where(frequency >= 2, settings["word_of_mouth_rate"] * explicit_value, 0.0)
    if "implicit_cost" in features:
        implicit_cost = features["implicit_cost"].astype(float)
    else:
        rate = features.get("return_rate", pd.Series(0.0, index=features.index)).astype(float)
        returned = rate * lines / (1 - rate).clip(lower=1e-9)  # returned lines from the share returned
        implicit_cost = settings["cost_per_return"] * returned
    out = pd.DataFrame({
        "explicit_value": np.asarray(explicit_value, dtype=float) * weights["explicit"],
        "implicit_value": np.asarray(implicit_value, dtype=float) * weights["implicit"],
        "explicit_cost": np.asarray(explicit_cost, dtype=float),
        "implicit_cost": np.asarray(implicit_cost, dtype=float),
    }, index=features.index).round(2)
    out["relationship_value"] = (out["explicit_value"] + out["implicit_value"] - out["explicit_cost"]
                                 - out["implicit_cost"]).round(2)
    out["negative"] = out["relationship_value"] < 0
    return out


@dataclass
class WhaleCurve:
    """Result of :func:`whale_curve`.

    Attributes
    ----------
    curve : DataFrame
        ``customer_share`` and ``cumulative_profit_share``, from (0, 0) to (1, 1).
    customers : int
        Number of customers.
    peak_share : float
        The highest point of the curve (above 1 when some customers lose money).
    customers_at_peak : int
        How many of the best customers reach the peak.
    top20_share : float
        Share of the profit made by the top 20 % of customers.
    bottom30_share : float
        Share of the profit the bottom 30 % add (negative when they lose money).
    negative_customers : int
        Customers with a negative value.
    """

    curve: pd.DataFrame
    customers: int
    peak_share: float
    customers_at_peak: int
    top20_share: float
    bottom30_share: float
    negative_customers: int

    def summary(self) -> dict:
        """The figures (every field but the curve) as a dict.

        Returns
        -------
        dict

        Examples
        --------
        >>> whale_curve(pd.Series([6.0, 1.0, 1.0, 1.0, 1.0])).summary()["top20_share"]
        0.6
        """
        return {"customers": self.customers, "peak_share": self.peak_share,
                "customers_at_peak": self.customers_at_peak, "top20_share": self.top20_share,
                "bottom30_share": self.bottom30_share, "negative_customers": self.negative_customers}


def whale_curve(values) -> WhaleCurve:
    """Cumulative profit against customers ranked from most to least profitable.

    cumulative_profit_share(i) = (profit of the i best customers) / (total profit), i = 0 .. n.

    Parameters
    ----------
    values : Series or array-like
        Profit (e.g. relationship value) per customer; the total must be positive.

    Returns
    -------
    WhaleCurve
        The curve (rising above 100 % when some customers lose money, falling back to 100 %) and its figures.

    Examples
    --------
    >>> whale = whale_curve(pd.Series([60.0, 40.0, 20.0, -20.0]))
    >>> whale.peak_share, whale.curve["cumulative_profit_share"].tolist()
    (1.2, [0.0, 0.6, 1.0, 1.2, 1.0])
    """
    values = pd.Series(values, dtype=float) if not isinstance(values, pd.Series) else values.astype(float)
    if values.empty:
        raise KitError("there are no values", hint="pass one profit value per customer")
    total = values.sum()
    if total <= 0:
        raise KitError(f"total profit is {total:.2f}: the whale curve needs a positive total",
                       hint="check the value column and the cost assumptions")
    ranked = values.sort_values(ascending=False, kind="stable")
    n = len(ranked)
    cumulative = np.concatenate([[0.0], ranked.cumsum().to_numpy() / total])
    curve = pd.DataFrame({"customer_share": np.arange(n + 1) / n, "cumulative_profit_share": cumulative.round(6)})
    share = lambda fraction: top_sum(ranked.to_numpy(), fraction) / total  # noqa: E731
    peak = int(np.argmax(cumulative))
    return WhaleCurve(curve, customers=n, peak_share=round(float(cumulative[peak]), 4), customers_at_peak=peak,
                      top20_share=round(float(share(0.2)), 4), bottom30_share=round(float(1.0 - share(0.7)), 4),
                      negative_customers=int((values < 0).sum()))
