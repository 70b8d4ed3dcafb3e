"""The customer table: one row per customer, computed once from the canonical transactions and reused by
value grading, lifetime value and targeting.

RFM (最近一次消费 Recency, 消费频率 Frequency, 消费金额 Monetary) is its core. One purchase is one order
(invoice), not one line; returns and cancellations are set aside by loading (:mod:`kit.data.cleaning`), so
``monetary`` is the spend that was kept.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data.engines import sql_engine
from ..errors import KitError

RFM_COLUMNS = ("recency", "frequency", "monetary", "first_order", "last_order", "tenure_days")
#: The columns of the lines the customer table is computed from.
LINE_COLUMNS = ("customer_id", "order_id", "order_date", "amount")
DAY = np.timedelta64(1, "D")


def default_as_of(tx: pd.DataFrame) -> pd.Timestamp:
    """The day after the last order in ``tx`` (midnight), the usual reference date of RFM.

    Parameters
    ----------
    tx : DataFrame
        Transactions with an ``order_date`` column.

    Returns
    -------
    Timestamp
        ``max(order_date)`` normalised to midnight, plus one day.

    Examples
    --------
    >>> default_as_of(pd.DataFrame({"order_date": pd.to_datetime(["2024-01-01 08:00", "2024-01-31 17:30"])}))
    Timestamp('2024-02-01 00:00:00')
    """
    return tx["order_date"].max().normalize() + pd.Timedelta(days=1)


def table_as_of(tx: pd.DataFrame, as_of=None) -> pd.Timestamp:
    """The reference date :func:`rfm_table` uses: ``as_of`` when given, else :func:`default_as_of` of the lines
    with a customer id.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.
    as_of : date-like, optional
        The date asked for (``None`` or ``""``: the default).

    Returns
    -------
    Timestamp

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", None], "order_date": pd.to_datetime(["2024-01-01", "2024-03-01"])})
    >>> table_as_of(tx), table_as_of(tx, "2024-02-15")
    (Timestamp('2024-01-02 00:00:00'), Timestamp('2024-02-15 00:00:00'))
    """
    if as_of not in (None, ""):
        return pd.Timestamp(as_of)
    if "customer_id" in tx:
        tx = tx[tx["customer_id"].notna()]
    return default_as_of(tx)


def adjacent_changes(values: pd.Series) -> np.ndarray:
    """Boolean array: True where a value differs from the one before it (always True at the start).

    Parameters
    ----------
    values : Series
        Any values (pyarrow-backed strings are compared without conversion).

    Returns
    -------
    ndarray of bool
        One flag per value.

    Examples
    --------
    >>> adjacent_changes(pd.Series(["a", "a", "b", "a"])).tolist()
    [True, False, True, True]
    """
    if len(values) == 0:
        return np.zeros(0, dtype=bool)
    try:
        import pyarrow as pa
        import pyarrow.compute as pc

        arrow = pa.chunked_array([pa.array(values.array)]).combine_chunks() \
            if getattr(values.dtype, "storage", None) == "pyarrow" else None
    except (ImportError, TypeError, pa.ArrowInvalid):
        arrow = None
    if arrow is not None:
        differs = pc.fill_null(pc.not_equal(arrow.slice(1), arrow.slice(0, len(arrow) - 1)), True)
        return np.concatenate([[True], differs.to_numpy(zero_copy_only=False)])
    array = values.to_numpy()
    return np.concatenate([[True], array[1:] != array[:-1]])


def rfm_table(tx: pd.DataFrame, as_of=None, engine: str = "pandas", since=None) -> pd.DataFrame:
    """Recency, frequency and monetary value of each customer, indexed by ``customer_id``.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions (``customer_id``, ``order_id``, ``order_date``, ``amount``).
    as_of : date-like, optional
        Reference date; default :func:`default_as_of` of the lines with a customer id. The table carries no
        date of its own: pass the same ``as_of`` (or :func:`kit.customers.periods.data_windows`) to whatever
        needs it.
    engine : {"pandas", "duckdb", "spark"}
        Where the aggregation runs: the kit's numpy code, or :data:`kit.customers.queries.CUSTOMER_AGGREGATES`
        in DuckDB or Spark. The same table either way.
    since : date-like, optional
        Leave out lines dated before ``since`` too: the table of the lines in ``[since, as_of)``
        (:func:`period_table`).

    Returns
    -------
    DataFrame
        One row per customer:

    - ``recency`` = whole days from the day of the last order to ``as_of`` (default: the day after the last
      order in the data, so a customer who bought on the last day has recency 1);
    - ``frequency`` = number of distinct orders;
    - ``monetary`` = sum of ``amount``;
    - ``first_order``, ``last_order`` (timestamps) and ``tenure_days`` = days from the first order's day to ``as_of``.

    Lines dated on or after ``as_of`` are left out, so an earlier ``as_of`` gives the table as it stood then.
    Customers are sorted by id.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"], "order_id": ["1", "1", "2", "3"],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-10", "2024-01-05"]),
    ...     "amount": [5.0, 5.0, 20.0, 7.5]})
    >>> rfm_table(tx)[["recency", "frequency", "monetary", "tenure_days"]]
                 recency  frequency  monetary  tenure_days
    customer_id
    a                  1          2      30.0           10
    b                  6          1       7.5            6
    """
    missing = [c for c in LINE_COLUMNS if c not in tx]
    if missing:
        raise KitError(f"the transaction table has no {', '.join(missing)} column",
                       hint="load it with kit.load_transactions, which returns the canonical columns")
    with_id = tx["customer_id"].notna()
    if not with_id.any():
        raise KitError("the transaction table has no rows with a customer id",
                       hint="customer analyses need a customer id on each line")
    as_of = table_as_of(tx, as_of)
    since = None if since is None else pd.Timestamp(since)
    if sql_engine(engine):
        from .queries import CUSTOMER_AGGREGATES, run_query

        found = run_query(CUSTOMER_AGGREGATES, tx, engine, since=since, as_of=f"{as_of:%Y-%m-%d %H:%M:%S.%f}")
        if found.empty:
            raise _nothing_before(as_of, since)
        found = found.sort_values("customer_id", kind="stable")
        customers = pd.Index(found["customer_id"].astype(tx["customer_id"].dtype))
        frequency, monetary = found["frequency"].to_numpy(dtype=np.int64), found["monetary"].to_numpy(dtype=float)
        first = pd.to_datetime(found["first_order"]).to_numpy(dtype="datetime64[ns]")
        last = pd.to_datetime(found["last_order"]).to_numpy(dtype="datetime64[ns]")
    else:
        within = with_id & (tx["order_date"] < as_of)
        if since is not None:
            within &= tx["order_date"] >= since
        if not within.any():
            raise _nothing_before(as_of, since)
        customers, frequency, monetary, first, last = _aggregates(tx.loc[within, list(LINE_COLUMNS)])
    day = np.datetime64(as_of.normalize(), "D")
    table = pd.DataFrame({
        "recency": (day - last.astype("datetime64[D]")) // DAY,
        "frequency": frequency,
        "monetary": monetary.round(2),
        "first_order": first,
        "last_order": last,
        "tenure_days": (day - first.astype("datetime64[D]")) // DAY,
    }, index=pd.Index(customers, name="customer_id"))
    return table


def period_table(tx: pd.DataFrame, period, engine: str = "pandas") -> pd.DataFrame:
    """The customer table of the lines within ``period``, an inclusive ``(start, end)`` of days, as of the day after
    ``end``: ``rfm_table(tx, as_of=end + 1 day, since=start)``.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.
    period : (start, end)
        Dates; ``end`` is the period's last day, all of it included.
    engine : {"pandas", "duckdb", "spark"}

    Returns
    -------
    DataFrame
        As :func:`rfm_table`, for the customers who bought in the period.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "order_id": ["1", "2", "3"],
    ...     "order_date": pd.to_datetime(["2024-01-01 09:00", "2024-01-31 18:00", "2024-02-01 10:00"]),
    ...     "amount": [5.0, 20.0, 7.5]})
    >>> period_table(tx, ("2024-01-01", "2024-01-31"))[["recency", "frequency", "monetary"]]
                 recency  frequency  monetary
    customer_id
    a                  1          2      25.0
    """
    start, end = period_bounds(period)
    return rfm_table(tx, as_of=end + pd.Timedelta(days=1), engine=engine, since=start)


def period_bounds(period) -> tuple[pd.Timestamp, pd.Timestamp]:
    """``(start, end)`` as timestamps, checked: two dates, the end not before the start.

    >>> period_bounds(("2011-01-01", "2011-06-30"))[1]
    Timestamp('2011-06-30 00:00:00')
    """
    try:
        start, end = (pd.Timestamp(v) for v in period)
    except (TypeError, ValueError):
        raise KitError(f"a period must be (start, end) dates, got {period!r}",
                       hint="e.g. ('2011-01-01', '2011-06-30')") from None
    if end < start:
        raise KitError(f"period {period!r} ends before it starts", hint="give (start, end)")
    return start, end


def _nothing_before(as_of: pd.Timestamp, since: pd.Timestamp | None) -> KitError:
    if since is None:
        return KitError(f"no transactions before as_of = {as_of.date()}", hint="choose a later as_of date")
    last = (as_of - pd.Timedelta(days=1)).date()
    return KitError(f"no customer purchases between {since.date()} and {last} (before as_of = {as_of.date()})",
                    hint="choose dates inside the data's date range")


def _aggregates(tx: pd.DataFrame):
    """Customers (sorted), orders, spend, first and last order of the lines ``tx``: the numpy path."""
    # Work on runs of adjacent lines with the same customer and order (an invoice's lines are usually listed
    # together): ids are hashed once per run instead of once per line. Correct in any line order; when runs
    # are not much fewer than lines, the lines themselves are used.
    starts = np.flatnonzero(adjacent_changes(tx["customer_id"]) | adjacent_changes(tx["order_id"]))
    amounts = tx["amount"].to_numpy(dtype=float)
    stamps = tx["order_date"].to_numpy(dtype="datetime64[ns]").view(np.int64)
    if len(starts) < 0.7 * len(tx):
        customers_ids, order_ids = tx["customer_id"].iloc[starts], tx["order_id"].iloc[starts]
        amounts = np.add.reduceat(amounts, starts)
        low, high = np.minimum.reduceat(stamps, starts), np.maximum.reduceat(stamps, starts)
    else:
        customers_ids, order_ids, low, high = tx["customer_id"], tx["order_id"], stamps, stamps
    customer, customers = pd.factorize(customers_ids, sort=True)
    order = pd.factorize(order_ids)[0].astype(np.int64)
    n = len(customers)
    owner = np.empty(int(order.max()) + 1, dtype=np.int64)
    owner[order] = customer
    if (owner[order] == customer).all():  # each order belongs to one customer: count orders per owner
        frequency = np.bincount(owner, minlength=n)
    else:  # an order id shared by customers counts once for each of them
        width = len(owner)
        frequency = np.bincount(pd.unique(customer.astype(np.int64) * width + order) // width, minlength=n)
    monetary = np.bincount(customer, weights=amounts, minlength=n)
    first = pd.Series(low).groupby(customer).min().to_numpy().view("datetime64[ns]")
    last = pd.Series(high).groupby(customer).max().to_numpy().view("datetime64[ns]")
    return customers, frequency, monetary, first, last
