"""The customer aggregations as SQL, written once for DuckDB and Spark: what ``engine="duckdb"`` or ``"spark"`` runs.

The pandas engine computes the same aggregates with the kit's numpy code (:func:`kit.customers.table.rfm_table`,
:func:`kit.customers.purchases.daily_purchases`); the parity tests hold both to the same numbers on the bundled data.
Everything after the aggregation (recency and tenure in days from ``as_of``, the lifetimes summary) is shared
pandas code, so only the ``GROUP BY`` exists twice.

    >>> print(CUSTOMER_AGGREGATES.format(table="transactions", as_of="2011-12-10"))  # doctest: +NORMALIZE_WHITESPACE
    SELECT customer_id,
           count(DISTINCT order_id) AS frequency,
           sum(amount) AS monetary,
           min(order_date) AS first_order,
           max(order_date) AS last_order
    FROM transactions
    WHERE customer_id IS NOT NULL AND order_date < TIMESTAMP '2011-12-10'
    GROUP BY customer_id
"""

from __future__ import annotations

import pandas as pd

from ..data.engines import registered

#: One row per customer: orders, spend, first and last order before ``as_of`` (the customer table's aggregates).
CUSTOMER_AGGREGATES = """
SELECT customer_id,
       count(DISTINCT order_id) AS frequency,
       sum(amount) AS monetary,
       min(order_date) AS first_order,
       max(order_date) AS last_order
FROM {table}
WHERE customer_id IS NOT NULL AND order_date < TIMESTAMP '{as_of}'
GROUP BY customer_id
"""

#: One row per customer and purchase day with the day's spend (the lifetime-value models' purchases).
DAILY_PURCHASES = """
SELECT customer_id,
       date_trunc('day', order_date) AS day,
       sum(amount) AS amount
FROM {table}
WHERE customer_id IS NOT NULL
GROUP BY customer_id, date_trunc('day', order_date)
"""


def run_query(query: str, tx: pd.DataFrame, engine: str, since=None, **values) -> pd.DataFrame:
    """Run one of the queries above over the transaction table ``tx`` in ``engine``; return pandas.

    Parameters
    ----------
    query : str
        :data:`CUSTOMER_AGGREGATES` or :data:`DAILY_PURCHASES` (``{table}`` and other fields filled here).
    tx : DataFrame
        Canonical transactions.
    engine : {"duckdb", "spark"}
    since : Timestamp, optional
        Run the query over the lines dated on or after ``since`` only (a view, filtered in the engine).
    **values
        The query's other fields (``as_of``).

    Returns
    -------
    DataFrame

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["a", "a"], "order_date": pd.to_datetime(["2024-01-01", "2024-01-01"]),
    ...                    "amount": [1.0, 2.0]})
    >>> run_query(DAILY_PURCHASES, tx, "duckdb")
      customer_id        day  amount
    0           a 2024-01-01     3.0
    """
    columns = [c for c in ("customer_id", "order_id", "order_date", "amount") if c in tx]
    with registered(engine, tx[columns], "kit_transactions") as session:
        if since is None:
            return session.query(query.format(table="kit_transactions", **values))
        since = f"{since:%Y-%m-%d %H:%M:%S.%f}"
        session.view("kit_since", f"SELECT * FROM kit_transactions WHERE order_date >= TIMESTAMP '{since}'")
        try:
            return session.query(query.format(table="kit_since", **values))
        finally:
            session.drop("kit_since")
