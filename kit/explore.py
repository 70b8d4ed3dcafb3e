"""A first look at a canonical transaction table: size, sales over time, orders per customer, basket sizes,
top products. Each function computes a table; :mod:`kit.plots` draws it."""

from __future__ import annotations

import pandas as pd

from .customers import rfm_table
from .labels import check_lang, label


def overview(tx: pd.DataFrame) -> pd.Series:
    """Headline counts of ``tx``: lines, orders, customers, products, first and last date, revenue.

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
    """Revenue, orders and active customers per calendar month, indexed by month (``Period``)."""
    month = tx["order_date"].dt.to_period("M").rename("month")
    grouped = tx.groupby(month)
    return pd.DataFrame({
        "revenue": grouped["amount"].sum().round(2),
        "orders": grouped["order_id"].nunique(),
        "customers": grouped["customer_id"].nunique(),
    })


def orders_per_customer(tx: pd.DataFrame) -> pd.Series:
    """Number of distinct orders of each customer (one order = one invoice, not one line): the frequency of
    :func:`kit.rfm_table`."""
    return rfm_table(tx)["frequency"].rename("orders")


def basket_sizes(tx: pd.DataFrame) -> pd.Series:
    """Number of distinct products in each order."""
    return tx.groupby("order_id")["product_id"].nunique().rename("products")


def top_products(tx: pd.DataFrame, n: int = 10, by: str = "revenue") -> pd.DataFrame:
    """The ``n`` best-selling products by ``revenue``, ``quantity`` or ``orders``, named by their most common
    description; ties broken by product id so the order is stable."""
    if by not in ("revenue", "quantity", "orders"):
        raise ValueError(f"by must be revenue, quantity or orders, not {by!r}")
    grouped = tx.groupby("product_id")
    table = pd.DataFrame({
        "revenue": grouped["amount"].sum().round(2),
        "quantity": grouped["quantity"].sum(),
        "orders": grouped["order_id"].nunique(),
    })
    names = tx.dropna(subset=["product_name"]).groupby("product_id")["product_name"].agg(
        lambda s: s.value_counts().index[0])
    table.insert(0, "product_name", names.reindex(table.index))
    if (table["quantity"] % 1 == 0).all():
        table["quantity"] = table["quantity"].astype(int)
    table = table.reset_index().sort_values([by, "product_id"], ascending=[False, True]).head(n)
    return table.reset_index(drop=True)


def distribution(values: pd.Series, quantiles=(0.25, 0.5, 0.75, 0.9, 0.99)) -> pd.Series:
    """Mean, quantiles and maximum of ``values``, rounded to 2 decimals."""
    stats = {"mean": values.mean(), **{f"p{int(q * 100)}": values.quantile(q) for q in quantiles},
             "max": values.max()}
    return pd.Series(stats).round(2)


def localise(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with its column names replaced by their labels in ``lang``."""
    check_lang(lang)
    return frame.rename(columns=lambda c: label(c, lang))
