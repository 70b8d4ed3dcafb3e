"""A first look at a canonical transaction table: size, sales over time, orders per customer, basket sizes,
top products. Each function computes a table of keys; the plots beside the labels draw it."""

from __future__ import annotations

import numpy as np
import pandas as pd


def overview(tx: pd.DataFrame) -> pd.Series:
    """Headline counts of ``tx``: lines, orders, customers, products, first and last date, revenue.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions (:func:`kit.load_transactions`).

    Returns
    -------
    Series
        ``lines``, ``orders``, ``customers``, ``products`` (distinct ids), ``first_date``, ``last_date`` and
        ``revenue = sum(amount)`` rounded to cents; the index holds label keys.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "order_id": ["1", "2"], "product_id": ["x", "y"],
    ...     "order_date": pd.to_datetime(["2024-01-01", "2024-02-01"]), "amount": [2.0, 3.0]})
    >>> overview(tx)["revenue"]
    5.0
    """
    return pd.Series({
        "lines": len(tx),
        "orders": tx["order_id"].nunique(),
        "customers": tx["customer_id"].nunique(),
        "products": tx["product_id"].nunique(),
        "first_date": tx["order_date"].min(),
        "last_date": tx["order_date"].max(),
        "revenue": round(float(tx["amount"].sum()), 2),
    }, dtype=object)


def monthly_sales(tx: pd.DataFrame) -> pd.DataFrame:
    """Revenue, orders and active customers per calendar month.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.

    Returns
    -------
    DataFrame
        Index ``month`` (``Period``); ``revenue`` (sum of amount, to cents), ``orders`` and ``customers``
        (distinct ids in the month).

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "b"], "order_id": ["1", "2"], "amount": [2.0, 3.0],
    ...                    "order_date": pd.to_datetime(["2024-01-05", "2024-01-20"])})
    >>> monthly_sales(tx)
             revenue  orders  customers
    month
    2024-01      5.0       2          2
    """
    month = period_of(tx["order_date"], "M").rename("month")
    grouped = tx.groupby(month)
    return pd.DataFrame({
        "revenue": grouped["amount"].sum().round(2),
        "orders": grouped["order_id"].nunique(),
        "customers": grouped["customer_id"].nunique(),
    })


def orders_per_customer(tx: pd.DataFrame) -> pd.Series:
    """Number of distinct orders of each customer (one order = one invoice, not one line): the frequency of
    :func:`kit.rfm_table`.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions; lines without a customer id are left out.

    Returns
    -------
    Series
        ``orders`` per ``customer_id``, sorted by customer id.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", None], "order_id": ["1", "1", "2", "3"]})
    >>> orders_per_customer(tx).to_dict()
    {'a': 2}
    """
    known = tx[tx["customer_id"].notna()]
    return known.groupby("customer_id", sort=True)["order_id"].nunique().rename("orders")


def basket_sizes(tx: pd.DataFrame) -> pd.Series:
    """Number of distinct products in each order.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.

    Returns
    -------
    Series
        ``products`` per ``order_id``.

    Examples
    --------
    >>> basket_sizes(pd.DataFrame({"order_id": ["1", "1", "2"], "product_id": ["x", "y", "x"]})).tolist()
    [2, 1]
    """
    return tx.groupby("order_id")["product_id"].nunique().rename("products")


MEASURES = ("revenue", "quantity", "orders")


def rank_measure(tx: pd.DataFrame, by: str | None = None) -> str:
    """The measure :func:`top_products` ranks by: ``by`` when the data have it, else revenue when they have
    amounts, else orders.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.
    by : {"revenue", "quantity", "orders"}, optional

    Returns
    -------
    str
        One of :data:`MEASURES`; a ``ValueError`` when ``by`` is unknown or the data have no values to rank by.

    Examples
    --------
    >>> rank_measure(pd.DataFrame({"amount": [None], "quantity": [None]}))
    'orders'
    """
    has = {m: c in tx and tx[c].notna().any() for m, c in (("revenue", "amount"), ("quantity", "quantity"))}
    by = by or ("revenue" if has["revenue"] else "orders")
    if by not in MEASURES:
        raise ValueError(f"by must be revenue, quantity or orders, not {by!r}")
    if by != "orders" and not has[by]:
        raise ValueError(f"the data have no {'amounts' if by == 'revenue' else 'quantities'} to rank by {by}")
    return by


def top_products(tx: pd.DataFrame, n: int = 10, by: str | None = None) -> pd.DataFrame:
    """The ``n`` best-selling products, named by their most common description (the product id when there is
    none); ties broken by product id so the order is stable.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.
    n : int
        How many products.
    by : {"revenue", "quantity", "orders"}, optional
        The measure ranked by; default :func:`rank_measure` (revenue when the data have amounts, else orders).
        Pass the same ``by`` to the plot of the best sellers.

    Returns
    -------
    DataFrame
        ``product_id``, ``product_name``, then ``revenue`` and ``quantity`` when the data have them (a sum of
        nothing is not 0) and ``orders`` (distinct orders), best first.

    Examples
    --------
    >>> tx = pd.DataFrame({"product_id": ["milk", "milk", "bread"], "order_id": ["1", "2", "2"],
    ...                    "amount": [None] * 3, "quantity": [None] * 3, "product_name": [None] * 3})
    >>> top_products(tx, by=rank_measure(tx)).to_dict("list")
    {'product_id': ['milk', 'bread'], 'product_name': ['milk', 'bread'], 'orders': [2, 1]}
    """
    by = rank_measure(tx, by)
    has = {m: c in tx and tx[c].notna().any() for m, c in (("revenue", "amount"), ("quantity", "quantity"))}
    grouped = tx.groupby("product_id")
    table = pd.DataFrame({"orders": grouped["order_id"].nunique()})
    if has["quantity"]:
        table.insert(0, "quantity", grouped["quantity"].sum())
        if (table["quantity"] % 1 == 0).all():
            table["quantity"] = table["quantity"].astype(int)
    if has["revenue"]:
        table.insert(0, "revenue", grouped["amount"].sum().round(2))
    names = (tx.dropna(subset=["product_name"]).groupby("product_id")["product_name"].agg(
        lambda s: s.value_counts().index[0]) if "product_name" in tx else pd.Series(dtype=object))
    table.insert(0, "product_name", names.reindex(table.index).fillna(pd.Series(table.index, index=table.index)))
    table = table.reset_index().sort_values([by, "product_id"], ascending=[False, True]).head(n)
    return table.reset_index(drop=True)


def distribution(values: pd.Series, quantiles=(0.25, 0.5, 0.75, 0.9, 0.99)) -> pd.Series:
    """Mean, quantiles and maximum of ``values``, rounded to 2 decimals.

    Parameters
    ----------
    values : Series
        Numbers, e.g. :func:`orders_per_customer`.
    quantiles : sequence of float
        Quantiles to show, named ``p25``, ``p50``, ...

    Returns
    -------
    Series
        ``mean``, one ``p<q>`` per quantile, ``max``.

    Examples
    --------
    >>> distribution(pd.Series([1, 2, 3, 10]), quantiles=(0.5,)).to_dict()
    {'mean': 4.0, 'p50': 2.5, 'max': 10.0}
    """
    stats = {"mean": values.mean(), **{f"p{int(q * 100)}": values.quantile(q) for q in quantiles},
             "max": values.max()}
    return pd.Series(stats).round(2)



def most_common(keys: pd.Series, values: pd.Series) -> pd.Series:
    """The most frequent value for each key, ties to the value that comes first: ``value_counts().index[0]`` per
    group, computed in one compiled pass over the rows (:func:`kit.data.kernels.most_common_codes`) instead of a
    Python call per group.

    Parameters
    ----------
    keys, values : Series
        Aligned; rows where either is missing are left out.

    Returns
    -------
    Series
        Indexed by the distinct keys in sorted order, holding each key's most frequent value.

    Examples
    --------
    >>> most_common(pd.Series(["a", "a", "a", "b", "b"]), pd.Series(["UK", "FR", "FR", "DE", "NL"])).to_dict()
    {'a': 'FR', 'b': 'DE'}
    >>> most_common(pd.Series(["a"]), pd.Series([None])).empty
    True
    """
    known = keys.notna().to_numpy() & values.notna().to_numpy()
    if not known.any():
        return pd.Series([], index=pd.Index(keys.iloc[:0], name=keys.name), name=values.name, dtype=object)
    from .kernels import most_common_codes

    key_codes, key_values = pd.factorize(keys[known], sort=True)
    value_codes, value_values = pd.factorize(values[known])
    best = most_common_codes(key_codes.astype(np.int64), value_codes.astype(np.int64), len(key_values),
                             len(value_values))
    return pd.Series(np.asarray(value_values, dtype=object)[best], index=pd.Index(key_values, name=keys.name),
                     name=values.name)


def period_of(dates: pd.Series, period: str) -> pd.Series:
    """The period (``"M"``, ``"Q"``, ...) of each date, computed once per distinct day: ``dates.dt.to_period``
    without its cost on millions of lines.

    Parameters
    ----------
    dates : Series of datetime64
    period : str
        A pandas period alias.

    Returns
    -------
    Series
        Periods, indexed like ``dates``.

    Examples
    --------
    >>> period_of(pd.Series(pd.to_datetime(["2024-01-05 10:00", "2024-03-31 23:59"])), "Q").astype(str).tolist()
    ['2024Q1', '2024Q1']
    """
    days, unique_days = pd.factorize(dates.dt.normalize())
    periods = pd.DatetimeIndex(unique_days).to_period(period)
    found = pd.Series(pd.PeriodIndex(periods.take(np.where(days < 0, 0, days))), index=dates.index, name=dates.name)
    return found.where(days >= 0)
