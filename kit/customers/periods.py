"""Default dates and counts derived from the data's own span — 由数据本身推出的默认日期与数量.

Every date default of the customer analyses follows one rule on the span of the data:

- the span runs from the day of the first order to ``as_of`` (exclusive; by default the day after the last
  order, :func:`kit.customers.table.default_as_of`), ``span_days`` long;
- the **comparison window** is ``W = min(183, span_days // 2)`` days: half a year, or half the span when the data
  cover less than a year;
- look-alikes (notebook 01): features as of the cut-off ``as_of − W``, seeds from the window ``[as_of − W, as_of)``;
- grade migration and the current/future value matrix (notebook 03): period B is the last window, period A the
  window before it;
- a customer is **lapsed** when they have not ordered in the last window (``recency > W``), **active** otherwise;
- lifetime-value models (notebook 04): calibration ends :data:`CALIBRATION_SHARE` (two thirds) of the way through
  the span, earlier when that leaves a holdout shorter than :data:`MIN_HOLDOUT_DAYS`
  (:func:`default_calibration_end`); the models need the history that :func:`kit.clv.model_history_problem` asks for.

Each method needs a window of at least :data:`MIN_WINDOW_DAYS` days; when the data are shorter,
:meth:`Windows.shortfall` says why and the notebook section is skipped (with that reason printed) instead of
reporting a result from a few days of data as fact.

Count defaults scale with the customer base: the target-list capacity defaults to :data:`CAPACITY_SHARE` of the
active customers (:func:`default_capacity`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .table import default_as_of
from ..errors import KitError

#: The longest comparison window, in days (half a year).
HALF_YEAR_DAYS = 183
#: The shortest window each method accepts, in days: a quarter of features and a quarter of outcome for
#: look-alikes; two months per period to grade customers (a typical reorder has to fit in it) and to call anyone
#: lapsed.
MIN_WINDOW_DAYS = {"lookalike": 90, "migration": 60, "lapsed": 60}
#: Default capacity of a target list as a share of the active customers (the top fifth, as in the 80/20 rule).
CAPACITY_SHARE = 0.2
DAY = pd.Timedelta(days=1)

CALIBRATION_SHARE = 2 / 3
"""Share of the data's date span used for calibration; the rest is the holdout."""
MIN_HOLDOUT_DAYS = 28
"""Shortest holdout period (4 weeks): a shorter holdout tests almost nothing."""


@dataclass(frozen=True)
class Windows:
    """The data's span and the comparison window derived from it (see the module docstring).

    Attributes
    ----------
    start : Timestamp
        Day of the first order.
    end : Timestamp
        ``as_of``: the first day after the span.
    days : int
        ``W``, the comparison window in days.

    Examples
    --------
    >>> w = Windows(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-12-31"), 183)
    >>> w.span_days, w.cutoff.date()
    (365, datetime.date(2024, 7, 1))
    """

    start: pd.Timestamp
    end: pd.Timestamp
    days: int

    @property
    def span_days(self) -> int:
        """Days from :attr:`start` to :attr:`end`."""
        return int((self.end - self.start) / DAY)

    @property
    def cutoff(self) -> pd.Timestamp:
        """``end − W``: look-alike features are computed as of this day, the seeds are defined after it."""
        return self.end - self.days * DAY

    @property
    def periods(self) -> tuple[tuple[str, str], tuple[str, str]]:
        """Periods A and B (inclusive ISO date pairs): the window before the last one, and the last one.

        Examples
        --------
        >>> Windows(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-31"), 10).periods
        (('2024-01-11', '2024-01-20'), ('2024-01-21', '2024-01-30'))
        """
        a_start = self.cutoff - self.days * DAY
        return ((a_start.date().isoformat(), (self.cutoff - DAY).date().isoformat()),
                (self.cutoff.date().isoformat(), (self.end - DAY).date().isoformat()))

    def shortfall(self, method: str) -> str:
        """Why the span is too short for ``method`` (a key of :data:`MIN_WINDOW_DAYS`), '' when it is long enough.

        Parameters
        ----------
        method : {"lookalike", "migration", "lapsed"}

        Returns
        -------
        str

        Examples
        --------
        >>> Windows(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01"), 15).shortfall("lookalike")
        'the data cover 31 days (2024-01-01 to 2024-01-31): lookalike needs windows of at least 90 days, i.e. 180 days of history'
        """
        need = MIN_WINDOW_DAYS[method]
        if self.days >= need:
            return ""
        return (f"{self.cover_text()}: {method} needs windows of at least {need} days, i.e. {2 * need} days of "
                "history")

    def cover_text(self) -> str:
        """The span in words, as every notebook and the front page print it: ``the data cover N days (first to last)``.

        Returns
        -------
        str

        Examples
        --------
        >>> Windows(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-02"), 0).cover_text()
        'the data cover 1 day (2024-01-01 to 2024-01-01)'
        """
        return cover_text(self.start, self.end)


def day_count(n: int) -> str:
    """``n`` days in words, singular for one.

    Parameters
    ----------
    n : int

    Returns
    -------
    str

    Examples
    --------
    >>> day_count(1), day_count(7)
    ('1 day', '7 days')
    """
    return f"{n:,} day" if n == 1 else f"{n:,} days"


def cover_text(first_day, end) -> str:
    """``the data cover N days (first to last)``: N = days from the first order day to ``end`` (``as_of``, the day
    after the last order day), so one day of data covers 1 day.

    Parameters
    ----------
    first_day : date-like
        Day of the first order.
    end : date-like
        ``as_of``.

    Returns
    -------
    str

    Examples
    --------
    >>> cover_text(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-01"))
    'the data cover 31 days (2024-01-01 to 2024-01-31)'
    """
    first_day, end = pd.Timestamp(first_day).normalize(), pd.Timestamp(end).normalize()
    return f"the data cover {day_count(int((end - first_day) / DAY))} ({first_day.date()} to {(end - DAY).date()})"


def comparison_window_days(span_days: int) -> int:
    """``W = min(183, span_days // 2)``: half a year, or half the span when the data cover less than a year.

    Parameters
    ----------
    span_days : int

    Returns
    -------
    int

    Examples
    --------
    >>> comparison_window_days(374), comparison_window_days(195), comparison_window_days(30)
    (183, 97, 15)
    """
    return int(min(HALF_YEAR_DAYS, max(span_days, 0) // 2))


def data_windows(tx: pd.DataFrame, as_of=None) -> Windows:
    """The span of ``tx`` (orders before ``as_of``) and its comparison window.

    Parameters
    ----------
    tx : DataFrame
        Transactions with ``order_date``.
    as_of : date-like, optional
        End of the span (default :func:`~kit.customers.table.default_as_of`).

    Returns
    -------
    Windows

    Examples
    --------
    >>> tx = pd.DataFrame({"order_date": pd.to_datetime(["2024-01-01 09:00", "2024-12-31 10:00"])})
    >>> w = data_windows(tx)
    >>> w.span_days, w.days, w.cutoff.date(), w.periods
    (366, 183, datetime.date(2024, 7, 2), (('2024-01-01', '2024-07-01'), ('2024-07-02', '2024-12-31')))
    """
    if "order_date" not in tx or tx["order_date"].notna().sum() == 0:
        raise KitError("the transaction table has no order dates",
                       hint="date windows need an order_date column; load the data with kit.load_transactions")
    end = default_as_of(tx) if as_of in (None, "") else pd.Timestamp(as_of).normalize()
    dates = tx["order_date"][tx["order_date"] < end]
    if dates.empty:
        raise KitError(f"no transactions before as_of = {end.date()}", hint="choose a later as_of date")
    start = dates.min().normalize()
    return Windows(start, end, comparison_window_days(int((end - start) / DAY)))


def table_windows(rfm: pd.DataFrame, as_of) -> Windows:
    """The same windows from a customer table of :func:`kit.rfm_table` (its first orders) and its ``as_of``.

    Parameters
    ----------
    rfm : DataFrame
        A customer table with a ``first_order`` column (:func:`kit.rfm_table`, :func:`kit.customer_features`).
    as_of : date-like
        The ``as_of`` the table was computed with (the end of the span).

    Returns
    -------
    Windows

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "order_id": ["1", "2"], "amount": [1.0, 2.0],
    ...                    "order_date": pd.to_datetime(["2024-01-01 09:00", "2024-12-31 10:00"])})
    >>> from kit.customers.table import rfm_table
    >>> table_windows(rfm_table(tx), "2025-01-01") == data_windows(tx)
    True
    """
    if as_of in (None, "") or "first_order" not in rfm:
        raise KitError("the windows need the customer table's first_order column and its as_of date",
                       hint="build the table with kit.rfm_table or kit.customer_features and pass the same as_of")
    start = pd.Timestamp(rfm["first_order"].min()).normalize()
    end = pd.Timestamp(as_of).normalize()
    return Windows(start, end, comparison_window_days(int((end - start) / DAY)))


def lapsed_customers(recency: pd.Series, windows: Windows) -> pd.Series:
    """True for customers without an order in the last window (``recency > W`` days); nobody is called lapsed
    when the window is shorter than ``MIN_WINDOW_DAYS["lapsed"]`` (the data cannot tell).

    Parameters
    ----------
    recency : Series
        Days since the last order, per customer.
    windows : Windows
        The span of the customer table (:func:`table_windows` or :func:`data_windows`).

    Returns
    -------
    Series of bool
        ``lapsed``, indexed like ``recency``.

    Examples
    --------
    >>> w = Windows(pd.Timestamp("2024-01-01"), pd.Timestamp("2025-01-01"), 183)
    >>> lapsed_customers(pd.Series([1, 183, 184, 300], index=list("abcd")), w).tolist()
    [False, False, True, True]
    """
    if windows.shortfall("lapsed"):
        return pd.Series(False, index=recency.index, name="lapsed")
    return (recency > windows.days).rename("lapsed")


def default_capacity(n_active: int) -> int:
    """Capacity of the target list when none is given: ``max(1, ceil(CAPACITY_SHARE × active customers))``.

    Parameters
    ----------
    n_active : int
        Customers who are not lapsed.

    Returns
    -------
    int

    Examples
    --------
    >>> default_capacity(2950), default_capacity(3), default_capacity(0)
    (590, 1, 1)
    """
    return max(1, math.ceil(CAPACITY_SHARE * int(n_active)))


def default_calibration_end(tx: pd.DataFrame, share: float = CALIBRATION_SHARE) -> str:
    """Last calibration day (ISO date): ``share`` of the way through the data's date span, moved earlier when that
    leaves a holdout shorter than :data:`MIN_HOLDOUT_DAYS` (``last − 28 days``, but never before the first day).

    Parameters
    ----------
    tx : DataFrame
        Transactions with ``order_date``.
    share : float
        Share of the span used for calibration.

    Returns
    -------
    str
        ISO date.

    Examples
    --------
    >>> tx = pd.DataFrame({"order_date": pd.to_datetime(["2024-01-01", "2024-10-01"])})
    >>> default_calibration_end(tx)
    '2024-07-01'
    >>> default_calibration_end(tx, share=0.99)
    '2024-09-03'
    """
    first, last = tx["order_date"].min().normalize(), tx["order_date"].max().normalize()
    end = min((first + (last - first) * share).normalize(), last - pd.Timedelta(days=MIN_HOLDOUT_DAYS))
    return max(end, first).date().isoformat()
