"""Baskets built in DuckDB or Spark, and Spark MLlib's FP-growth for data that live in Spark.

The order × product incidence is one ``GROUP BY`` (:data:`ORDER_ITEMS`), run in the engine; only the distinct
(order, product) pairs come back, as codes, and become the sparse :class:`~kit.basket.Baskets` the kit's miner reads.
No dense matrix is built. Item and pair counts (:data:`ITEM_COUNTS`, :data:`PAIR_COUNTS`) are engine queries too.

With ``engine="spark"``, :func:`spark_frequent_itemsets` mines with ``pyspark.ml.fpm.FPGrowth`` where the data are
(the JVM needs a deep thread stack, set by :mod:`kit.data.engines`), and returns mlxtend's format.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from ..data.engines import registered
from ..errors import KitError
from .baskets import Baskets

#: The distinct (order, item) pairs, as codes: basket = rank of the order id, item = rank of the item id.
ORDER_ITEMS = """
SELECT dense_rank() OVER (ORDER BY {by}) - 1 AS basket,
       dense_rank() OVER (ORDER BY {item}) - 1 AS item
FROM (SELECT DISTINCT {by}, {item} FROM {table} WHERE {by} IS NOT NULL AND {item} IS NOT NULL) pairs
"""
#: Baskets holding each item.
ITEM_COUNTS = """
SELECT {item}, count(DISTINCT {by}) AS baskets FROM {table}
WHERE {by} IS NOT NULL AND {item} IS NOT NULL GROUP BY {item}
"""
#: Baskets holding each pair of items (a self-join of the distinct pairs; ``min_count`` keeps it small).
PAIR_COUNTS = """
WITH pairs AS (SELECT DISTINCT {by}, {item} FROM {table} WHERE {by} IS NOT NULL AND {item} IS NOT NULL)
SELECT a.{item} AS item_a, b.{item} AS item_b, count(*) AS baskets
FROM pairs a JOIN pairs b ON a.{by} = b.{by} AND a.{item} < b.{item}
GROUP BY a.{item}, b.{item} HAVING count(*) >= {min_count}
"""
#: Lines per (item, name) and the first line of each, for naming each item by its most common name.
ITEM_NAMES = """
SELECT {item}, {name} AS name, count(*) AS n, min(_line) AS first FROM {table}
WHERE {item} IS NOT NULL AND {name} IS NOT NULL GROUP BY {item}, {name}
"""


def _lines(tx: pd.DataFrame, columns) -> pd.DataFrame:
    """The columns the queries read, and each line's position (``_line``) for ties broken by first appearance."""
    lines = tx[[c for c in columns if c in tx]].reset_index(drop=True)
    return lines.assign(_line=np.arange(len(lines)))


def engine_baskets(tx: pd.DataFrame, engine: str, by: str = "order_id", item: str = "product_id",
                   name: str | None = "product_name") -> Baskets:
    """:class:`~kit.basket.Baskets` from a transaction table, the incidence computed in ``engine``.

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions.
    engine : {"duckdb", "spark"}
    by, item, name : str
        As :func:`kit.basket.baskets`.

    Returns
    -------
    Baskets
        The same baskets as ``kit.baskets(tx)``; each item named by its most common name (ties: the name that
        comes first in the table).

    Examples
    --------
    >>> tx = pd.DataFrame({"order_id": ["1", "1", "2"], "product_id": ["a", "b", "a"],
    ...                    "product_name": ["apple", "bread", "apple"]})
    >>> b = engine_baskets(tx, "duckdb")
    >>> b.matrix.toarray().tolist(), b.names.tolist()
    ([[True, True], [True, False]], ['apple', 'bread'])
    """
    for column in (by, item):
        if column not in tx:
            raise KitError(f"the transaction table has no {column!r} column",
                           hint="load it with kit.load_transactions(..., analysis='baskets')")
    with registered(engine, _lines(tx, [by, item, name]), "kit_basket_lines") as session:
        fields = {"by": by, "item": item, "table": "kit_basket_lines"}
        codes = session.query(ORDER_ITEMS.format(**fields))
        if codes.empty:
            raise KitError("there are no lines with both an order and an item", hint="check the column map")
        baskets_ids = session.query(f"SELECT DISTINCT {by} FROM kit_basket_lines WHERE {by} IS NOT NULL "
                                    f"AND {item} IS NOT NULL ORDER BY {by}")[by]
        items = session.query(f"SELECT DISTINCT {item} FROM kit_basket_lines WHERE {by} IS NOT NULL "
                              f"AND {item} IS NOT NULL ORDER BY {item}")[item]
        names = None
        if name and name in tx:
            names = session.query(ITEM_NAMES.format(name=name, **fields))
    rows, cols = codes["basket"].to_numpy(dtype=np.int64), codes["item"].to_numpy(dtype=np.int64)
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=bool), (rows, cols)), shape=(len(baskets_ids), len(items)))
    index = pd.Index(items.to_numpy(dtype=object), name=item).astype(tx[item].dtype)
    labels = pd.Series(index, index=index)
    if names is not None and len(names):
        top = names.sort_values(["n", "first"], ascending=[False, True], kind="stable").drop_duplicates(item)
        common = top.set_index(item)["name"].reindex(index).astype(object)
        labels = common.where(common.notna(), labels)
    return Baskets(matrix, index, pd.Index(baskets_ids.to_numpy(dtype=object), name=by).astype(tx[by].dtype), labels)


def spark_frequent_itemsets(tx: pd.DataFrame, min_support: float, max_len: int | None = None,
                            by: str = "order_id", item: str = "product_id") -> pd.DataFrame:
    """Frequent itemsets mined by Spark MLlib's FP-growth, in mlxtend's format (``support``, ``itemsets``).

    Parameters
    ----------
    tx : DataFrame
        Canonical transactions; the baskets are collected in Spark (``collect_set`` per order).
    min_support : float
        Minimum share of baskets; Spark keeps itemsets in at least ``ceil(min_support · n)`` baskets.
    max_len : int, optional
        Longest itemset kept (Spark mines all; longer ones are dropped here).
    by, item : str
        Columns of the order and the item.

    Returns
    -------
    DataFrame
        ``support`` and ``itemsets`` (frozensets of item ids), most frequent first, as
        :func:`kit.basket.frequent_itemsets`.

    Examples
    --------
    >>> tx = pd.DataFrame({"order_id": ["1", "1", "2"], "product_id": ["a", "b", "a"]})
    >>> spark_frequent_itemsets(tx, 0.5).to_dict("list")  # doctest: +SKIP
    {'support': [1.0, 0.5, 0.5], 'itemsets': [frozenset({'a'}), frozenset({'b'}), frozenset({'a', 'b'})]}
    """
    from pyspark.ml.fpm import FPGrowth

    with registered("spark", _lines(tx, [by, item]), "kit_basket_lines") as session:
        baskets = session.spark.sql(f"SELECT {by}, collect_set({item}) AS items FROM kit_basket_lines "
                                    f"WHERE {by} IS NOT NULL AND {item} IS NOT NULL GROUP BY {by}").cache()
        n = baskets.count()
        model = FPGrowth(itemsCol="items", minSupport=float(min_support)).fit(baskets)
        found = model.freqItemsets.toPandas()
        baskets.unpersist()
    itemsets = [frozenset(items) for items in found["items"]]
    table = pd.DataFrame({"support": found["freq"].to_numpy(dtype=float) / n, "itemsets": itemsets})
    if max_len:
        table = table[[len(s) <= max_len for s in table["itemsets"]]]
    order = np.lexsort(([len(s) for s in table["itemsets"]], -table["support"].to_numpy()))
    return table.iloc[order].reset_index(drop=True)


def item_counts(tx: pd.DataFrame, engine: str, by: str = "order_id", item: str = "product_id") -> pd.Series:
    """Baskets holding each item (:data:`ITEM_COUNTS` in ``engine``), most frequent first, ties by item.

    Parameters
    ----------
    tx : DataFrame
    engine : {"duckdb", "spark"}
    by, item : str

    Returns
    -------
    Series
        Item -> number of baskets, named ``baskets``.

    Examples
    --------
    >>> tx = pd.DataFrame({"order_id": ["1", "1", "2"], "product_id": ["a", "b", "a"]})
    >>> item_counts(tx, "duckdb").to_dict()
    {'a': 2, 'b': 1}
    """
    with registered(engine, _lines(tx, [by, item]), "kit_basket_lines") as session:
        found = session.query(ITEM_COUNTS.format(by=by, item=item, table="kit_basket_lines"))
    found = found.sort_values(["baskets", item], ascending=[False, True], kind="stable")
    return found.set_index(item)["baskets"].astype(np.int64)


def pair_counts(tx: pd.DataFrame, engine: str, min_count: int = 1, by: str = "order_id",
                item: str = "product_id") -> pd.DataFrame:
    """Baskets holding each pair of items, pairs in at least ``min_count`` baskets (:data:`PAIR_COUNTS`).

    Parameters
    ----------
    tx : DataFrame
    engine : {"duckdb", "spark"}
    min_count : int
    by, item : str

    Returns
    -------
    DataFrame
        ``item_a < item_b`` and ``baskets``, most frequent first.

    Examples
    --------
    >>> tx = pd.DataFrame({"order_id": ["1", "1", "2", "2"], "product_id": ["a", "b", "a", "b"]})
    >>> pair_counts(tx, "duckdb").to_dict("records")
    [{'item_a': 'a', 'item_b': 'b', 'baskets': 2}]
    """
    with registered(engine, _lines(tx, [by, item]), "kit_basket_lines") as session:
        found = session.query(PAIR_COUNTS.format(by=by, item=item, table="kit_basket_lines",
                                                 min_count=int(min_count)))
    found["baskets"] = found["baskets"].astype(np.int64)
    return found.sort_values(["baskets", "item_a", "item_b"], ascending=[False, True, True],
                             kind="stable").reset_index(drop=True)
