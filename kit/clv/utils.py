"""The RFM summary the probabilistic models read, in the conventions of the ``lifetimes`` package.

For each customer whose first purchase falls on or before ``calibration_end``, with purchases on the same day
counted once (a purchase = one day's spend):

- ``frequency``: number of repeat purchases in the calibration period (purchase days after the first one);
- ``recency``: time from the first to the last purchase;
- ``T``: time from the first purchase to the end of the calibration period;
- ``monetary_value``: mean spend of the repeat purchases (0 for customers without one);

and, when ``observation_end`` is given, ``frequency_holdout`` (purchase days after ``calibration_end`` up to
``observation_end``), ``monetary_value_holdout`` and ``duration_holdout``. Times are in ``time_unit``:
``"D"`` days, ``"W"`` weeks (7 days), ``"M"`` months (365.25 / 12 days).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import KitError
from ..customers.periods import cover_text, default_calibration_end  # noqa: F401 (part of kit.clv)

UNIT_DAYS = {"D": 1.0, "W": 7.0, "M": 365.25 / 12}
PERIODS_PER_YEAR = {"D": 365.25, "W": 365.25 / 7, "M": 12.0}


MIN_HISTORY_DAYS = 90
"""Shortest date span (about 3 months) on which the purchase models are fitted."""
MIN_REPEAT_BUYERS = 20
"""Fewest customers with a repeat purchase in the calibration period for a model fit."""


def model_history_problem(tx: pd.DataFrame, calibration_end=None) -> str | None:
    """Why the data cannot support a purchase model, or ``None``: the span from the first purchase day to the day
    after the last (:func:`kit.customers.periods.cover_text`) is shorter than :data:`MIN_HISTORY_DAYS`, or fewer than
    :data:`MIN_REPEAT_BUYERS` customers buy on two different days up to ``calibration_end`` (default: the last day).

    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "order_date": pd.to_datetime(["2024-01-01", "2024-01-31"]),
    ...                    "amount": [1.0, 2.0]})
    >>> model_history_problem(tx)
    'the data cover 31 days (2024-01-01 to 2024-01-31); the purchase models need at least 90'
    """
    days = daily_purchases(tx)
    if days.empty:
        return "no purchases with a customer id"
    first, last = days["day"].min(), days["day"].max()
    span = (last - first).days + 1  # first order day to as_of, the day after the last (kit.customers.periods)
    if span < MIN_HISTORY_DAYS:
        return f"{cover_text(first, last + pd.Timedelta(days=1))}; the purchase models need at least {MIN_HISTORY_DAYS}"
    end = last if calibration_end in (None, "") else pd.Timestamp(calibration_end).normalize()
    repeaters = int((days[days["day"] <= end].groupby("customer_id").size() > 1).sum())
    if repeaters < MIN_REPEAT_BUYERS:
        return (f"{repeaters} customers bought on two different days up to {end.date()}; the purchase models need "
                f"at least {MIN_REPEAT_BUYERS}")
    return None


def sig(x: float, digits: int = 4) -> str:
    """``x`` to ``digits`` significant figures with thousands separators, for printing optimiser output.

    >>> sig(8353355.62), sig(0.0034567), sig(4.414)
    ('8,353,000', '0.003457', '4.414')
    """
    x = float(f"{float(x):.{digits}g}")
    return f"{x:,.0f}" if abs(x) >= 10 ** (digits - 1) else f"{x:,.{digits}g}"


def unit_days(time_unit: str) -> float:
    """Days in one ``time_unit``."""
    if time_unit not in UNIT_DAYS:
        raise KitError(f"unknown time unit {time_unit!r}", hint="use 'D' (days), 'W' (weeks) or 'M' (months)")
    return UNIT_DAYS[time_unit]


def daily_purchases(tx: pd.DataFrame) -> pd.DataFrame:
    """One row per customer and purchase day with the day's spend (``customer_id, day, amount``)."""
    missing = [c for c in ("customer_id", "order_date", "amount") if c not in tx]
    if missing:
        raise KitError(f"the transaction table has no {', '.join(missing)} column",
                       hint="load it with kit.load_transactions")
    tx = tx[tx["customer_id"].notna()]
    days = tx.assign(day=tx["order_date"].dt.normalize())
    return days.groupby(["customer_id", "day"], sort=True)["amount"].sum().reset_index()


def summary(tx: pd.DataFrame, calibration_end=None, observation_end=None, time_unit: str = "W") -> pd.DataFrame:
    """Calibration (and holdout) summary per customer, indexed by ``customer_id``; see the module docstring.

    ``calibration_end`` defaults to the last purchase day; both ends are inclusive days and may lie after the last
    purchase (as in lifetimes' ``summary_data_from_transaction_data``): ``T`` runs to the given end.

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
    days = daily_purchases(tx)
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


def check_summary(data: pd.DataFrame, columns=("frequency", "recency", "T"), min_customers: int = 2) -> pd.DataFrame:
    """Validate a summary table (``min_customers`` 2 for fitting, 1 for predicting); raise :class:`KitError` on what
    a model cannot use."""
    missing = [c for c in columns if c not in data]
    if missing:
        raise KitError(f"the summary has no {', '.join(missing)} column", hint="compute it with kit.clv.summary(tx)")
    if len(data) < min_customers:
        raise KitError(f"the summary has {len(data)} customer(s)", hint="a model needs many customers to fit")
    values = data[list(columns)].to_numpy(dtype=float)
    if not np.isfinite(values).all() or (values < 0).any():
        raise KitError("the summary has missing, infinite or negative values", hint="recompute it with kit.clv.summary")
    if "recency" in data and (data["recency"] > data["T"] + 1e-9).any():
        raise KitError("recency exceeds T for some customers", hint="recency must not exceed T")
    return data
