"""The classroom forms of customer lifetime value — 客户终身价值的课堂公式.

Small, exact formulas with the course's worked examples:

- :func:`lifetime_value` — value per period × remaining periods (a 20-year-old spending 500 a year over an 80-year
  life: 500 × 60 = 30,000; a 70-year-old spending 1,000: 1,000 × 10 = 10,000);
- :func:`discounted_clv` — margin m, retention r, discount rate d, over a horizon or to infinity;
- :func:`customer_equity` — the sum of the customers' lifetime values (客户资产);
- :func:`retention_rate` and :func:`cohort_retention` — from transactions.
"""

from __future__ import annotations


import pandas as pd

from ..customers.purchases import daily_purchases
from ..data.explore import period_of
from ..errors import KitError

#: Profit per customer by year of the relationship, from a survey of industrial goods (the source's example).
PROFIT_BY_TENURE = pd.Series([45, 99, 121, 144, 168], index=pd.RangeIndex(1, 6, name="year"), name="profit")


def lifetime_value(value_per_period: float, age: float | None = None, life_expectancy: float = 80,
                   periods: float | None = None) -> float:
    """Undiscounted lifetime value: value per period × remaining periods.

    ``CLV = v · (life_expectancy − age)``, or ``v · periods``.

    Parameters
    ----------
    value_per_period : float
    age : float, optional
    life_expectancy : float
    periods : float, optional
        Remaining periods; overrides ``life_expectancy - age``.

    Returns
    -------
    float

    Examples
    --------

    >>> lifetime_value(500, age=20), lifetime_value(1000, age=70)
    (30000, 10000)
    >>> lifetime_value(8, periods=4 * 12)  # 8 bags of milk powder a month, children aged 0-4
    384
    """
    remaining = periods if periods is not None else life_expectancy - (age if age is not None else 0)
    if remaining < 0:
        raise KitError(f"remaining periods are negative ({remaining})", hint="check age and life expectancy")
    return value_per_period * remaining


def discounted_clv(margin: float, retention: float, discount_rate: float, horizon: int | None = None,
                   timing: str = "start") -> float:
    """Discounted CLV with constant margin m, retention r and discount rate d.

    ``timing="start"``: the margin of each period arrives at its start, the first one now (an existing customer):
    ``Σ_{t=0}^{H−1} m r^t / (1+d)^t``, to infinity ``m (1+d) / (1+d−r)``.
    ``timing="end"``: the margin arrives at the end of each period the customer survives:
    ``Σ_{t=1}^{H} m r^t / (1+d)^t``, to infinity ``m r / (1+d−r)``.

    Parameters
    ----------
    margin, retention, discount_rate : float
        Per period; retention in [0, 1].
    horizon : int, optional
        Number of periods; default infinity.
    timing : {"start", "end"}

    Returns
    -------
    float

    Examples
    --------

    >>> round(discounted_clv(100, 0.8, 0.1), 2), round(discounted_clv(100, 0.8, 0.1, timing="end"), 2)
    (366.67, 266.67)
    >>> round(discounted_clv(100, 0.8, 0.1, horizon=3), 2)  # 100 + 72.73 + 52.89
    225.62
    """
    if not 0 <= retention < 1 + discount_rate or not 0 <= retention <= 1:
        raise KitError(f"retention must lie in [0, 1], got {retention}", hint="e.g. 0.8 for 80 % a year")
    if discount_rate < 0:
        raise KitError(f"discount_rate must be >= 0, got {discount_rate}", hint="e.g. 0.1")
    if timing not in ("start", "end"):
        raise KitError(f"timing must be 'start' or 'end', got {timing!r}", hint="see the docstring")
    q = retention / (1 + discount_rate)
    if horizon is None:
        value = margin / (1 - q)
    else:
        value = margin * (1 - q ** horizon) / (1 - q) if q != 1 else margin * horizon
    return value * q if timing == "end" else value


def customer_equity(clv: pd.Series | None = None, mean_clv: float | None = None, customers: int | None = None) -> float:
    """Customer equity (客户资产): ``Σ_i CLV_i``, or mean CLV × size of the customer base.

    Parameters
    ----------
    clv : Series, optional
        Lifetime values.
    mean_clv : float, optional
    customers : int, optional

    Returns
    -------
    float

    Examples
    --------

    >>> customer_equity(pd.Series([100.0, 300.0])), customer_equity(mean_clv=200.0, customers=2)
    (400.0, 400.0)
    """
    if clv is not None:
        return float(clv.sum())
    if mean_clv is None or customers is None:
        raise KitError("give clv, or both mean_clv and customers", hint="customer_equity(clv=series)")
    return float(mean_clv * customers)


def retention_rate(tx: pd.DataFrame, period: str = "Q", engine: str = "pandas") -> pd.DataFrame:
    """Share of each period's customers who buy again in the next period (顾客保持率).

    ``retention_t = |C_t ∩ C_{t+1}| / |C_t|`` with ``C_t`` the customers buying in period ``t``.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.
    period : str
        A pandas period alias (``"Q"``, ``"M"``).
    engine : {"pandas", "duckdb", "spark"}
        Where the lines become purchase days (:func:`kit.customers.purchases.daily_purchases`).

    Returns
    -------
    DataFrame
        Index ``period``; ``customers``, ``retained`` (also active next period) and ``retention``. The last
        period, which has no next one, and periods whose next one has no customers are left out.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "a"], "amount": 1.0,
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-03"])})
    >>> retention_rate(tx, "M")
             customers  retained  retention
    period
    2024-01          2         1        0.5
    """
    pairs = _buying_periods(daily_purchases(tx, engine), period)
    customers = pairs.groupby("period").size()
    next_buyers = pairs.assign(period=pairs["period"] - 1)  # the customers of t + 1, listed under t
    retained = pairs.merge(next_buyers, on=["period", "customer_id"]).groupby("period").size()
    followed = [p for p in customers.index if p + 1 in customers.index]
    table = pd.DataFrame({"customers": customers.reindex(followed),
                          "retained": retained.reindex(followed, fill_value=0)})
    table["retention"] = table["retained"] / table["customers"]
    table.index.name = "period"
    return table.astype({"customers": int, "retained": int})


def cohort_retention(tx: pd.DataFrame, period: str = "M", max_age: int | None = 12,
                     drop_partial: bool = False, engine: str = "pandas") -> pd.DataFrame:
    """Cohort table: rows = period of first purchase, columns = periods since, values = share of the cohort
    buying in that period (column 0 is 1.0 by definition).

    A cohort *reaches* an age when the data go on that long after its first period: a reached age without
    purchases is 0, an age the data do not reach yet is blank (``NaN``), so that ``table.mean()`` -- the average
    retention by age -- averages only the cohorts observed at each age.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.
    period : str
        A pandas period alias.
    max_age : int, optional
        Last column kept (periods since the first purchase); ``None`` keeps all.
    drop_partial : bool
        Count the last period as not reached when the data end before it does (data ending on 9 December leave
        December's shares too low); age 0 stays 1.0.
    engine : {"pandas", "duckdb", "spark"}
        Where the lines become purchase days (:func:`kit.customers.purchases.daily_purchases`).

    Returns
    -------
    DataFrame
        Index ``cohort``, columns ``age`` 0, 1, … up to the oldest cohort's reach; shares rounded to 4 decimals,
        ``NaN`` where a cohort has not reached the age.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "a", "c"], "amount": 1.0,
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-03-03", "2024-03-09"])})
    >>> table = cohort_retention(tx, "M")
    >>> table.loc[pd.Period("2024-01", "M")].tolist(), table.loc[pd.Period("2024-03", "M")].tolist()
    ([1.0, 0.0, 0.5], [1.0, nan, nan])
    >>> table.mean().tolist()  # the March cohort has not reached ages 1 and 2
    [1.0, 0.0, 0.5]
    >>> cohort_retention(tx, "M", drop_partial=True).mean().tolist()  # March is observed to the 9th only
    [1.0, 0.0, nan]
    """
    days = daily_purchases(tx, engine)
    last_day = days["day"].max()
    active = _buying_periods(days, period)
    first = active.groupby("customer_id")["period"].min().rename("cohort")
    active = active.join(first, on="customer_id")
    active["age"] = active["period"].array.asi8 - active["cohort"].array.asi8  # periods between, as ordinals
    counts = active.groupby(["cohort", "age"])["customer_id"].nunique().unstack(fill_value=0)
    last = active["period"].max()
    reach = pd.Series([(last - cohort).n for cohort in counts.index], index=counts.index)
    ages = range(int(reach.max()) + 1)
    counts = counts.reindex(columns=ages, fill_value=0)
    table = counts.div(counts[0], axis=0)
    partial = drop_partial and last_day.normalize() < last.end_time.normalize()
    table = table.mask(pd.DataFrame({age: (reach < age) | (partial & (reach == age) & (age > 0)) for age in ages},
                                    index=counts.index))
    table.columns.name = "age"
    if max_age is not None:
        table = table.loc[:, [c for c in table.columns if c <= max_age]]
    return table.round(4)


def _buying_periods(days: pd.DataFrame, period: str) -> pd.DataFrame:
    """The distinct (``customer_id``, ``period``) pairs of the purchase days ``days`` (from ``daily_purchases``)."""
    return pd.DataFrame({"customer_id": days["customer_id"].to_numpy(),
                         "period": period_of(days["day"], period).to_numpy()}).drop_duplicates()
