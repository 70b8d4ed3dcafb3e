"""ABC / Pareto grading, the Lorenz curve and the Gini coefficient — ABC 分级与帕累托分析.

Rank customers by value; grade A is the best customers, B the next, C the rest, by one of two cut styles:

- ``by="value_share"`` (default cuts 0.8, 0.95): A = the fewest top customers that make up 80 % of the value,
  B = those that take the cumulative share to 95 %, C = the rest;
- ``by="customer_share"`` (default cuts 0.2, 0.35): A = the top 20 % of customers, B = the next 15 %, C = the rest.

The concentration figures are computed, never assumed: :func:`pareto` answers both "what share of value do the
top 20 % bring?" and "what share of customers brings 80 % of value?".
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..errors import KitError

DEFAULT_CUTS = {"value_share": (0.8, 0.95), "customer_share": (0.2, 0.35)}
GRADES = ("A", "B", "C")


def _values(values) -> pd.Series:
    values = pd.Series(values, dtype=float) if not isinstance(values, pd.Series) else values.astype(float)
    if values.empty:
        raise KitError("there are no values to grade", hint="pass one value per customer, e.g. rfm['monetary']")
    if values.isna().any():
        raise KitError(f"{int(values.isna().sum())} values are missing, e.g. for {values[values.isna()].index[0]!r}",
                       hint="fill or drop them before grading")
    if (values < 0).any():
        raise KitError(f"{int((values < 0).sum())} values are negative, e.g. {values.min()!r}",
                       hint="ABC grading and the Gini coefficient need values >= 0; for profit with losses use "
                            "a whale curve")
    if values.sum() == 0:
        raise KitError("all values are zero: there is no value to share", hint="check the value column")
    return values


def ranked(values) -> pd.Series:
    """Values sorted from largest to smallest, ties in index order (so the result is deterministic).

    Parameters
    ----------
    values : Series or list
        One value >= 0 per customer.

    Returns
    -------
    Series of float

    Examples
    --------
    >>> ranked(pd.Series([1, 5, 5], index=list("abc"))).index.tolist()
    ['b', 'c', 'a']
    """
    values = _values(values)
    order = np.lexsort((np.arange(len(values)), -values.to_numpy()))
    return values.iloc[order]


def abc_grades(values, by: str = "value_share", cuts=None) -> pd.DataFrame:
    """Grade each customer A, B or C by its share of the total value.

    With values ranked largest first, ``S_k = (x_1 + … + x_k) / Σ x``. ``by="value_share"``: customer ``k`` is A
    while ``S_(k-1) < cut_A``, B while ``S_(k-1) < cut_B``, else C. ``by="customer_share"``: A are the first
    ``ceil(cut_A · n)`` customers, B up to ``ceil(cut_B · n)``, C the rest.

    Parameters
    ----------
    values : Series or list
        One value >= 0 per customer (e.g. ``rfm["monetary"]``).
    by : {"value_share", "customer_share"}, default "value_share"
    cuts : (float, float), optional
        ``(cut_A, cut_B)``, ``0 < cut_A < cut_B <= 1``; default (0.8, 0.95) by value, (0.2, 0.35) by customers.

    Returns
    -------
    DataFrame
        Best customer first: ``value``, ``rank`` (1 = largest), ``cumulative_value_share``,
        ``cumulative_customer_share`` and ``grade``.

    Examples
    --------
    >>> abc_grades(pd.Series([50, 30, 10, 6, 4], index=list("abcde")))["grade"].tolist()
    ['A', 'A', 'B', 'B', 'C']
    """
    if by not in DEFAULT_CUTS:
        raise KitError(f"unknown cut style {by!r}", hint="use 'value_share' or 'customer_share'")
    low, high = cuts if cuts is not None else DEFAULT_CUTS[by]
    if not 0 < low < high <= 1:
        raise KitError(f"cuts must satisfy 0 < first < second <= 1, got {(low, high)}", hint="e.g. (0.8, 0.95)")
    values = ranked(values)
    n = len(values)
    share = values.cumsum() / values.sum()
    before = share.shift(fill_value=0.0)
    position = np.arange(1, n + 1)
    if by == "value_share":
        # a customer is in A while the share before them is still short of the cut (float-safe comparison)
        grade = np.where(before < low - 1e-12, "A", np.where(before < high - 1e-12, "B", "C"))
    else:
        grade = np.where(position <= math.ceil(low * n - 1e-9), "A",
                         np.where(position <= math.ceil(high * n - 1e-9), "B", "C"))
    return pd.DataFrame({
        "value": values,
        "rank": position,
        "cumulative_value_share": share.round(6),
        "cumulative_customer_share": (position / n).round(6),
        "grade": grade,
    })


def abc_summary(grades: pd.DataFrame) -> pd.DataFrame:
    """Customers and value per grade, with their shares.

    Parameters
    ----------
    grades : DataFrame
        The grades of :func:`abc_grades`.

    Returns
    -------
    DataFrame
        Indexed by grade A, B, C: ``customers``, ``value``, ``customer_share``, ``value_share``.

    Examples
    --------
    >>> abc_summary(abc_grades([50, 30, 10, 6, 4]))["value_share"].tolist()
    [0.8, 0.16, 0.04]
    """
    grouped = grades.groupby("grade")["value"]
    table = pd.DataFrame({"customers": grouped.size(), "value": grouped.sum().round(2)}).reindex(list(GRADES),
                                                                                            fill_value=0)
    table["customer_share"] = (table["customers"] / table["customers"].sum()).round(4)
    table["value_share"] = (table["value"] / table["value"].sum()).round(4)
    return table


def lorenz_curve(values) -> pd.DataFrame:
    """Points of the Lorenz curve: cumulative share of customers (poorest first) against cumulative share of value.

    ``L(k / n) = (x_(1) + … + x_(k)) / Σ x`` with ``x_(1) <= … <= x_(n)``, from (0, 0) to (1, 1).

    Parameters
    ----------
    values : Series or list
        One value >= 0 per customer.

    Returns
    -------
    DataFrame
        ``n + 1`` rows: ``customer_share``, ``value_share``.

    Examples
    --------
    >>> lorenz_curve([1.0, 1.0, 2.0])["value_share"].tolist()
    [0.0, 0.25, 0.5, 1.0]
    """
    values = np.sort(_values(values).to_numpy())
    n = len(values)
    return pd.DataFrame({
        "customer_share": np.concatenate([[0.0], np.arange(1, n + 1) / n]),
        "value_share": np.concatenate([[0.0], np.cumsum(values) / values.sum()]),
    })


def gini(values) -> float:
    """Gini coefficient: 0 when everyone has the same value, towards 1 when one customer has it all.

    ``G = 2 Σ_i i x_(i) / (n Σ x) - (n + 1) / n`` with ``x_(1) <= … <= x_(n)`` -- twice the area between the
    Lorenz curve and the diagonal.

    Parameters
    ----------
    values : Series or list
        One value >= 0 per customer, not all zero.

    Returns
    -------
    float
        In [0, 1].

    Examples
    --------
    >>> gini([1, 1, 1, 1]), round(gini([0, 0, 0, 1]), 2)
    (0.0, 0.75)
    """
    x = np.sort(_values(values).to_numpy())
    n = len(x)
    g = 2 * np.sum(np.arange(1, n + 1) * x) / (n * x.sum()) - (n + 1) / n
    return float(min(max(g, 0.0), 1.0))


def top_share(values, customer_share: float = 0.2) -> float:
    """Share of the total value brought by the top ``customer_share`` of customers.

    The top ``customer_share × n`` customers are counted whole, plus the matching fraction of the next customer
    when that number is not whole, so the figure does not jump with n (:func:`top_sum` ``/ Σ x``).

    Parameters
    ----------
    values : Series or list
        One value >= 0 per customer.
    customer_share : float, default 0.2

    Returns
    -------
    float

    Examples
    --------
    >>> top_share([50, 30, 10, 6, 4], 0.2)
    0.5
    """
    values = ranked(values).to_numpy()
    return top_sum(values, customer_share) / float(values.sum())


def top_sum(ranked_values: np.ndarray, fraction: float) -> float:
    """Sum of the first ``fraction`` of ``ranked_values`` (largest first), the customer at the boundary counted in
    part: with ``k = fraction · n``, ``x_1 + … + x_floor(k) + (k - floor(k)) · x_(floor(k)+1)``.

    Parameters
    ----------
    ranked_values : ndarray
        Values, largest first (:func:`ranked`).
    fraction : float

    Returns
    -------
    float

    Examples
    --------
    >>> top_sum(np.array([50.0, 30.0, 10.0, 6.0, 4.0]), 0.3)  # the first value, and half of the second
    65.0
    """
    k = fraction * len(ranked_values)
    whole = int(math.floor(k + 1e-9))
    partial = ranked_values[whole] * (k - whole) if whole < len(ranked_values) else 0.0
    return float(ranked_values[:whole].sum() + partial)


def customers_for_share(values, value_share: float = 0.8) -> float:
    """Smallest share of customers (best first) whose value reaches ``value_share`` of the total:
    ``min { k / n : S_k >= value_share }``.

    Parameters
    ----------
    values : Series or list
        One value >= 0 per customer.
    value_share : float, default 0.8

    Returns
    -------
    float

    Examples
    --------
    >>> customers_for_share([50, 30, 10, 6, 4], 0.8)
    0.4
    """
    values = ranked(values).to_numpy()
    share = np.cumsum(values) / values.sum()
    count = int(np.searchsorted(share, value_share - 1e-12, side="left")) + 1
    return count / len(values)


def pareto(values, customer_share: float = 0.2, value_share: float = 0.8) -> dict:
    """The 80/20 reading of ``values``: top ``customer_share`` of customers bring how much, and what share of
    customers brings ``value_share`` of the value; plus the Gini coefficient and the number of customers.

    Parameters
    ----------
    values : Series or list
        One value >= 0 per customer.
    customer_share : float, default 0.2
    value_share : float, default 0.8

    Returns
    -------
    dict
        ``customers``, ``top_customer_share``, ``their_value_share`` (:func:`top_share`), ``value_share``,
        ``customer_share_needed`` (:func:`customers_for_share`) and ``gini`` (:func:`gini`), rounded to 4 places.

    Examples
    --------
    >>> pareto([50, 30, 10, 6, 4])["their_value_share"]
    0.5
    """
    return {
        "customers": int(len(_values(values))),
        "top_customer_share": customer_share,
        "their_value_share": round(top_share(values, customer_share), 4),
        "value_share": value_share,
        "customer_share_needed": round(customers_for_share(values, value_share), 4),
        "gini": round(gini(values), 4),
    }
