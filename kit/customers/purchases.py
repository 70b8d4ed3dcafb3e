"""Purchase days per customer — 按天汇总的购买记录: the summary the lifetime-value models read, in the conventions of
the ``lifetimes`` package (``summary_data_from_transaction_data``).

A *purchase* here is one customer's spend on one day: orders on the same day are counted once. This is a different
quantity from the order counts of the customer table (:func:`kit.customers.rfm_table`): the models count repeat
purchase *days* after the first one, measure recency from the first purchase (not back from ``as_of``), and value
only the repeat purchases. For each customer whose first purchase falls on or before ``calibration_end``:

- ``frequency`` x: number of repeat purchases in the calibration period (purchase days after the first one);
- ``recency`` t_x: time from the first to the last purchase;
- ``T``: time from the first purchase to the end of the calibration period;
- ``monetary_value``: mean spend of the repeat purchases (0 for customers without one);

and, when ``observation_end`` is given, ``frequency_holdout`` (purchase days after ``calibration_end`` up to
``observation_end``), ``monetary_value_holdout`` and ``duration_holdout``. Times are in ``time_unit``:
``"D"`` days, ``"W"`` weeks (7 days), ``"M"`` months (365.25 / 12 days).
"""

from __future__ import annotations

import pandas as pd

from ..data.engines import sql_engine
from ..errors import KitError

#: Days in one time unit of the summary.
UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 365.25 / 12}
#: Time units in one year (to discount at an annual rate).
PERIODS_PER_YEAR = {"D": 365.25, "W": 365.25 / 7, "M": 12.0}


def unit_days(time_unit: str) -> float:
    """Days in one ``time_unit``.

    Parameters
    ----------
    time_unit : {"D", "W", "M"}
        Days, weeks (7 days) or months (365.25 / 12 days).

    Returns
    -------
    float

    Examples
    --------
    >>> unit_days("W")
    7.0
    """
    if time_unit not in UNIT_DAYS:
        raise KitError(f"unknown time unit {time_unit!r}", hint="use 'D' (days), 'W' (weeks) or 'M' (months)")
    return UNIT_DAYS[time_unit]


def daily_purchases(tx: pd.DataFrame, engine: str = "pandas") -> pd.DataFrame:
    """One row per customer and purchase day with the day's spend.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions with ``customer_id``, ``order_date`` and ``amount``; lines without a customer id are
        left out.
    engine : {"pandas", "duckdb", "spark"}
        Where the grouping runs (:data:`kit.customers.queries.DAILY_PURCHASES` in DuckDB or Spark).

    Returns
    -------
    DataFrame
        Columns ``customer_id``, ``day`` (midnight) and ``amount`` (the day's total), sorted by customer and day.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [1.0, 2.0, 5.0],
    ...     "order_date": pd.to_datetime(["2024-01-01 09:00", "2024-01-01 17:00", "2024-01-03 00:00"])})
    >>> daily_purchases(tx)
      customer_id        day  amount
    0           a 2024-01-01     3.0
    1           b 2024-01-03     5.0
    """
    missing = [c for c in ("customer_id", "order_date", "amount") if c not in tx]
    if missing:
        raise KitError(f"the transaction table has no {', '.join(missing)} column",
                       hint="load it with kit.load_transactions")
    if sql_engine(engine):
        from .queries import DAILY_PURCHASES, run_query

        days = run_query(DAILY_PURCHASES, tx, engine)
        days = days.astype({"customer_id": tx["customer_id"].dtype, "amount": float})
        days["day"] = pd.to_datetime(days["day"]).astype("datetime64[ns]")
        return days.sort_values(["customer_id", "day"], kind="stable").reset_index(drop=True)
    known = tx["customer_id"].notna()
    days = pd.DataFrame({"customer_id": tx.loc[known, "customer_id"], "day": tx.loc[known, "order_date"].dt.normalize(),
                         "amount": tx.loc[known, "amount"]})  # the three columns only: the lines may be millions
    return days.groupby(["customer_id", "day"], sort=True)["amount"].sum().reset_index()


def summary(tx: pd.DataFrame, calibration_end=None, observation_end=None, time_unit: str = "W",
            engine: str = "pandas") -> pd.DataFrame:
    """Calibration (and holdout) summary per customer, indexed by ``customer_id``; see the module docstring.

    With purchase days ``d_0 < d_1 < … < d_x`` of a customer up to the end of calibration ``e`` and ``u`` days
    per time unit::

        frequency = x,  recency = (d_x − d_0) / u,  T = (e − d_0) / u,
        monetary_value = (spend on d_1 … d_x) / x   (0 when x = 0)

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions (``customer_id``, ``order_date``, ``amount``).
    calibration_end : date-like, optional
        Last day of the calibration period (inclusive); default the last purchase day. It may lie after the last
        purchase (as in lifetimes): ``T`` runs to the given end.
    observation_end : date-like, optional
        Last day of the holdout period (inclusive); adds the holdout columns.
    time_unit : {"W", "D", "M"}
    engine : {"pandas", "duckdb", "spark"}
        Where the purchases are grouped by customer and day (:func:`daily_purchases`).

    Returns
    -------
    DataFrame
        ``frequency``, ``recency``, ``T``, ``monetary_value`` (and ``frequency_holdout``,
        ``monetary_value_holdout``, ``duration_holdout`` with ``observation_end``).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "a", "b"],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-08", "2024-01-22", "2024-01-15"]),
    ...     "amount": [5.0, 5.0, 20.0, 30.0, 7.0]})
    >>> s = summary(tx, calibration_end="2024-01-15", observation_end="2024-01-29")
    >>> s[["frequency", "recency", "T", "monetary_value"]]
                 frequency  recency    T  monetary_value
    customer_id
    a                    1      1.0  2.0            20.0
    b                    0      0.0  0.0             0.0
    >>> s.loc["a", ["frequency_holdout", "monetary_value_holdout", "duration_holdout"]].tolist()
    [1.0, 30.0, 2.0]
    """
    days = daily_purchases(tx, engine)
    if days.empty:
        raise KitError("no purchases with a customer id", hint="lifetime value needs customer ids and dates")
    scale = unit_days(time_unit)
    first_day, last_day = days["day"].min(), days["day"].max()
    cal_end = last_day if calibration_end in (None, "") else pd.Timestamp(calibration_end).normalize()
    if cal_end < first_day:
        raise KitError(f"calibration_end {cal_end.date()} is before the first purchase ({first_day.date()}; the data "
                       f"run to {last_day.date()})", hint="choose a date on or after the first purchase")
    calibration = days[days["day"] <= cal_end]
    grouped = calibration.groupby("customer_id")
    first = grouped["day"].min()
    last = grouped["day"].max()
    count = grouped.size()
    total = grouped["amount"].sum()
    first_spend = calibration.loc[grouped["day"].idxmin(), ["customer_id", "amount"]].set_index("customer_id")["amount"]
    frequency = count - 1
    out = pd.DataFrame({
        "frequency": frequency,
        "recency": (last - first).dt.days / scale,
        "T": (cal_end - first).dt.days / scale,
        "monetary_value": ((total - first_spend) / frequency.where(frequency > 0)).fillna(0.0),
    })
    if observation_end not in (None, ""):
        obs_end = pd.Timestamp(observation_end).normalize()
        if obs_end <= cal_end:
            raise KitError(f"observation_end {obs_end.date()} is not after calibration_end {cal_end.date()}",
                           hint="the holdout period starts the day after calibration_end")
        holdout = days[(days["day"] > cal_end) & (days["day"] <= obs_end)]
        held = holdout.groupby("customer_id")["amount"].agg(["size", "mean"]).reindex(out.index)
        out["frequency_holdout"] = held["size"].fillna(0).astype(int)
        out["monetary_value_holdout"] = held["mean"].fillna(0.0)
        out["duration_holdout"] = (obs_end - cal_end).days / scale
    out.index.name = "customer_id"
    return out
