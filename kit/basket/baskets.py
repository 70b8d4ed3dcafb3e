"""Baskets: the sparse basket × item matrix every basket method works on — 购物篮矩阵.

A basket is the set of distinct items of one order. The matrix is a ``scipy.sparse`` CSR matrix of booleans
(baskets in rows, items in columns) and is never made dense: Online Retail's 20,728 orders × 3,941 products
hold 0.6 % ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from ..data.engines import sql_engine
from ..data.readers import read_basket_lines
from ..errors import KitError


@dataclass
class Baskets:
    """Baskets as a sparse boolean matrix with the item labels, basket ids and item display names.

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix of bool
        Baskets in rows, items in columns.
    items : Index
        Item labels, one per column.
    basket_ids : Index
        Basket (order) ids, one per row.
    names : Series
        Item label -> display name (the label itself when there is no name).

    Examples
    --------
    >>> b = from_lists([["milk", "bread"], ["milk"]])
    >>> b.n_baskets, b.n_items, b.density, b.name({"milk", "bread"})
    (2, 2, 0.75, 'bread, milk')
    """

    matrix: sparse.csr_matrix
    items: pd.Index
    basket_ids: pd.Index
    names: pd.Series

    @property
    def n_baskets(self) -> int:
        """Number of baskets (rows)."""
        return self.matrix.shape[0]

    @property
    def n_items(self) -> int:
        """Number of distinct items (columns)."""
        return self.matrix.shape[1]

    @property
    def item_counts(self) -> pd.Series:
        """Number of baskets holding each item, most frequent first."""
        counts = np.asarray(self.matrix.sum(axis=0)).ravel()
        return pd.Series(counts, index=self.items, name="baskets").sort_values(ascending=False, kind="stable")

    @property
    def sizes(self) -> pd.Series:
        """Number of items in each basket."""
        return pd.Series(np.diff(self.matrix.indptr), index=self.basket_ids, name="items")

    @property
    def density(self) -> float:
        """Share of the basket × item cells that are ones: ``matrix.nnz / (n_baskets · n_items)``."""
        return self.matrix.nnz / max(self.n_baskets * self.n_items, 1)

    def to_frame(self) -> pd.DataFrame:
        """The baskets as a one-hot DataFrame with sparse boolean columns (mlxtend's input), still sparse."""
        frame = pd.DataFrame.sparse.from_spmatrix(self.matrix.astype(bool), index=self.basket_ids,
                                                  columns=self.items)
        return frame

    def name(self, itemset) -> str:
        """Display names of an itemset, sorted and joined: ``'milk, yogurt'``."""
        return ", ".join(sorted(str(self.names.get(i, i)) for i in itemset))


def baskets(data, by: str = "order_id", item: str = "product_id", name: str | None = "product_name",
            engine: str = "pandas") -> Baskets:
    """Build :class:`Baskets` from a transaction table, a list of baskets, or a basket-per-line file.

    - a canonical transaction DataFrame: one basket per ``by`` value, items from ``item`` (named by the most common
      ``name`` of each item);
    - a list of baskets (lists of item labels);
    - a path to a text file with one basket per line, items separated by commas (the Groceries format). Lines are
      split on commas only, so labels keep any trailing space, as in R's arules.

    Parameters
    ----------
    data : DataFrame, list of baskets, str or Path
    by : str
        Column of the basket (order) id.
    item : str
        Column of the item.
    name : str or None
        Column of the item's display name; ``None`` for none.
    engine : {"pandas", "duckdb", "spark"}
        Where the order × item incidence of a transaction table is built (:func:`kit.basket.engines.engine_baskets`);
        the same baskets either way.

    Returns
    -------
    Baskets

    Examples
    --------
    >>> b = baskets([["milk", "bread"], ["milk"], ["beer", "diapers"]])
    >>> b.n_baskets, b.n_items, int(b.item_counts["milk"])
    (3, 4, 2)
    """
    if isinstance(data, (str, Path)):
        return from_lists(read_basket_lines(data)[0])
    if isinstance(data, pd.DataFrame):
        if sql_engine(engine):
            from .engines import engine_baskets

            return engine_baskets(data, sql_engine(engine), by, item, name)
        return _from_transactions(data, by, item, name)
    return from_lists(list(data))


def from_lists(lists) -> Baskets:
    """:class:`Baskets` from a list of baskets; duplicate items in a basket count once; items sorted by label.

    Parameters
    ----------
    lists : sequence of sequences of item labels

    Returns
    -------
    Baskets

    Examples
    --------
    >>> from_lists([["b", "a", "a"], ["a"]]).item_counts.to_dict()
    {'a': 2, 'b': 1}
    """
    if not lists:
        raise KitError("there are no baskets", hint="pass at least one basket")
    flat = [i for basket in lists for i in basket]
    rows = np.repeat(np.arange(len(lists)), [len(b) for b in lists])
    codes, items = pd.factorize(pd.Series(flat, dtype=object), sort=True)
    matrix = sparse.csr_matrix((np.ones(len(codes), dtype=bool), (rows, codes)), shape=(len(lists), len(items)))
    matrix.sum_duplicates()
    matrix.data[:] = True
    index = pd.Index(items)
    return Baskets(matrix, index, pd.RangeIndex(len(lists), name="basket"), pd.Series(index, index=index))


def _from_transactions(tx: pd.DataFrame, by: str, item: str, name: str | None) -> Baskets:
    for column in (by, item):
        if column not in tx:
            raise KitError(f"the transaction table has no {column!r} column",
                           hint="load it with kit.load_transactions(..., analysis='baskets')")
    has_basket = tx[by].notna().to_numpy()
    all_codes, all_items = pd.factorize(tx[item], sort=True)  # once for every line: the names use it too
    on_line = has_basket & (all_codes >= 0)
    if not on_line.any():
        raise KitError("there are no lines with both an order and an item", hint="check the column map")
    basket_codes, basket_ids = pd.factorize(tx[by][on_line], sort=True)
    present = np.zeros(len(all_items), dtype=bool)
    present[all_codes[on_line]] = True
    position = np.cumsum(present) - 1  # item code among the items of lines with an order
    item_codes = position[all_codes[on_line]]
    items = all_items[present]
    matrix = sparse.csr_matrix((np.ones(len(item_codes), dtype=bool), (basket_codes, item_codes)),
                               shape=(len(basket_ids), len(items)))
    matrix.sum_duplicates()
    matrix.data[:] = True
    index = pd.Index(items, name=item)
    names = pd.Series(index, index=index)
    if name and name in tx:  # ties: the name that comes first in the table, as value_counts().index[0]
        named = tx[name].notna().to_numpy() & (all_codes >= 0)
        named[named] = present[all_codes[named]]  # lines of the items kept, with or without an order
        if named.any():
            from ..data.kernels import most_common_codes

            name_codes, name_values = pd.factorize(tx[name][named])
            best = most_common_codes(position[all_codes[named]].astype(np.int64), name_codes.astype(np.int64),
                                     len(items), len(name_values))
            common = pd.Series(np.asarray(name_values, dtype=object)[best], index=index, name=name, dtype=object)
            names = common.where(best >= 0, names)
    return Baskets(matrix, index, pd.Index(basket_ids, name=by), names)
