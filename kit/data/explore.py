"""A first look at a canonical transaction table: size, sales over time, orders per customer, basket sizes,
top products. Each function computes a table; :mod:`kit.present.plots` draws it."""

from __future__ import annotations

import pandas as pd

from ..customers.table import rfm_table
from ..present.labels import check_lang, label


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


def top_products(tx: pd.DataFrame, n: int = 10, by: str | None = None) -> pd.DataFrame:
    """The ``n`` best-selling products by ``revenue``, ``quantity`` or ``orders``, named by their most common
    description (the product id when there is none); ties broken by product id so the order is stable.

    ``by=None`` ranks by revenue when the data have amounts, else by orders. Revenue and quantity are shown only
    when the data have them (a sum of nothing is not 0). ``result.attrs["by"]`` is the measure ranked by.

    >>> tx = pd.DataFrame({"product_id": ["milk", "milk", "bread"], "order_id": ["1", "2", "2"],
    ...                    "amount": [None] * 3, "quantity": [None] * 3, "product_name": [None] * 3})
    >>> top = top_products(tx)
    >>> top.to_dict("list"), top.attrs["by"]
    ({'product_id': ['milk', 'bread'], 'product_name': ['milk', 'bread'], 'orders': [2, 1]}, 'orders')
    """
    has = {m: c in tx and tx[c].notna().any() for m, c in (("revenue", "amount"), ("quantity", "quantity"))}
    by = by or ("revenue" if has["revenue"] else "orders")
    if by not in ("revenue", "quantity", "orders"):
        raise ValueError(f"by must be revenue, quantity or orders, not {by!r}")
    if by != "orders" and not has[by]:
        raise ValueError(f"the data have no {'amounts' if by == 'revenue' else 'quantities'} to rank by {by}")
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
    table = table.reset_index(drop=True)
    table.attrs["by"] = by
    return table


def distribution(values: pd.Series, quantiles=(0.25, 0.5, 0.75, 0.9, 0.99)) -> pd.Series:
    """Mean, quantiles and maximum of ``values``, rounded to 2 decimals."""
    stats = {"mean": values.mean(), **{f"p{int(q * 100)}": values.quantile(q) for q in quantiles},
             "max": values.max()}
    return pd.Series(stats).round(2)


def localise(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with its column names replaced by their labels in ``lang``."""
    check_lang(lang)
    return frame.rename(columns=lambda c: label(c, lang))
