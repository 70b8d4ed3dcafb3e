"""Frequent itemsets held as arrays until someone asks for frozensets.

mlxtend's table holds one Python frozenset per itemset; on dense data building them takes ten times as long as
mining (chess at min_support 0.6: 255,000 frozensets in 0.28 s, the mining 0.02 s). The kit's miner therefore
returns its flat arrays, and the two things built from them are built when first asked for:

- :meth:`Itemsets.table`: mlxtend's DataFrame (``support``, ``itemsets``), shortest itemsets first, then by
  falling support, then by column position;
- :meth:`Itemsets.encoded`: the integer form the rule kernels (:mod:`kit.basket.rule_kernels`) work on, in the
  table's order: item codes numbered in the order of the items' text (``str``), each itemset's codes sorted.

Rules from a :class:`~kit.basket.mining.MinedItemsets` never build the table: they turn into frozensets only the
itemsets that appear in a rule (:meth:`Itemsets.frozensets`). A table given by the caller (mlxtend's, or the
kit's) is wrapped by :class:`TableItemsets`, so rules are built one way whatever they come from.
"""

from __future__ import annotations

import gc
from itertools import chain

import numpy as np
import pandas as pd

from ..errors import KitError


class Itemsets:
    """Frequent itemsets of ``n`` baskets: mlxtend's table on demand, and the integer form rules are built from.

    Attributes
    ----------
    n_baskets : int or None
        Number of baskets, when known.
    """

    n_baskets: int | None = None

    def __len__(self) -> int:
        raise NotImplementedError

    def size_counts(self) -> np.ndarray:
        """``counts[k]``: the number of itemsets of ``k`` items."""
        raise NotImplementedError

    def table(self) -> pd.DataFrame:
        """mlxtend's DataFrame: ``support`` and ``itemsets`` (frozensets)."""
        raise NotImplementedError

    def encoded(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(codes, start, support, labels) in the table's order: the items of itemset *i* are
        ``labels[codes[start[i]:start[i + 1]]]``, codes sorted; item codes follow the order of the items' text."""
        raise NotImplementedError

    def frozensets(self, index: np.ndarray) -> np.ndarray:
        """Object array of the frozensets of itemsets ``index`` (table positions; -1 gives the empty set)."""
        raise NotImplementedError

    def codes_of(self, sets) -> tuple[np.ndarray, np.ndarray]:
        """(codes, start) of any sets of items, in :meth:`encoded`'s codes (-1 for an item of no itemset)."""
        _, _, _, labels = self.encoded()
        code = {label: c for c, label in enumerate(labels)}
        return _flat_codes([[code.get(i, -1) for i in s] for s in sets])


class TableItemsets(Itemsets):
    """Itemsets given as mlxtend's table (any order); numpy scalar items become the Python objects they hold
    (``np.int64(3)`` -> ``3``), so rules serialise as mlxtend's do.

    Examples
    --------
    >>> found = TableItemsets(pd.DataFrame({"support": [0.5, 0.25], "itemsets": [frozenset("a"), frozenset("ab")]}))
    >>> len(found), found.size_counts().tolist(), found.encoded()[0].tolist()
    (2, [0, 1, 1], [0, 0, 1])
    """

    def __init__(self, table: pd.DataFrame, n_baskets: int | None = None):
        if not isinstance(table, pd.DataFrame) or not {"support", "itemsets"} <= set(table.columns):
            raise KitError("the itemsets table needs 'support' and 'itemsets' columns",
                           hint="compute it with kit.frequent_itemsets")
        self._table, self.n_baskets = table, n_baskets
        sets = table["itemsets"].map(frozenset).tolist()
        if any(isinstance(i, np.generic) for s in sets for i in s):
            sets = [frozenset(i.item() if isinstance(i, np.generic) else i for i in s) for s in sets]
        self._sets = np.empty(len(sets) + 1, dtype=object)
        self._sets[:-1] = sets
        self._sets[-1] = frozenset()
        self._encoded = None

    def __len__(self) -> int:
        return len(self._sets) - 1

    def size_counts(self) -> np.ndarray:
        return np.bincount(np.fromiter(map(len, self._sets[:-1]), dtype=np.int64, count=len(self)), minlength=1)

    def table(self) -> pd.DataFrame:
        return self._table

    def encoded(self):
        if self._encoded is None:
            sets = self._sets[:-1]
            lengths = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
            flat = np.fromiter(chain.from_iterable(sets), dtype=object, count=int(lengths.sum()))
            found, labels = pd.factorize(flat) if len(flat) else (np.empty(0, np.int64), np.empty(0, object))
            codes, start, labels = _by_text(np.asarray(labels, dtype=object), found.astype(np.int64), lengths)
            self._encoded = (codes, start, self._table["support"].to_numpy(dtype=float), labels)
        return self._encoded

    def frozensets(self, index: np.ndarray) -> np.ndarray:
        return self._sets[np.asarray(index, dtype=np.int64)]


class CompiledItemsets(Itemsets):
    """The compiled miner's output (:func:`kit.basket.kernels.eclat`), unsorted: the item ranks of each itemset one
    after the other (``items``), their lengths and counts; ``column_of`` maps a rank to its basket-matrix column,
    ``labels`` a column to its label (None: the column position is the item)."""

    def __init__(self, items, lengths, counts, column_of, n_columns: int, labels, n_baskets: int):
        self._raw = (items, lengths, counts, column_of.astype(np.int64), n_columns)
        self.labels = None if labels is None else np.fromiter(labels, dtype=object, count=len(labels))
        self.n_baskets = n_baskets
        self._sorted = self._table = self._encoded = None

    def __len__(self) -> int:
        return len(self._raw[1])

    def size_counts(self) -> np.ndarray:
        return np.bincount(self._raw[1], minlength=1)

    def blocks(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(columns, counts, sizes) in the table's order, all itemsets of k items one ``(sizes[k], k)`` block of
        sorted column positions (:func:`kit.basket.kernels.finish`)."""
        if self._sorted is None:
            from . import kernels

            if len(self):
                self._sorted = kernels.finish(*self._raw)
            else:
                self._sorted = (np.empty(0, np.int64), np.empty(0, np.int64), np.zeros(1, np.int64))
        return self._sorted

    def _lengths(self) -> np.ndarray:
        """Items per itemset, in the table's order."""
        _, _, sizes = self.blocks()
        return np.repeat(np.arange(len(sizes)), sizes)

    def table(self) -> pd.DataFrame:
        if self._table is None:
            columns, counts, sizes = self.blocks()
            self._table = table_from_blocks(columns, counts, sizes, self.n_baskets, self.labels)
        return self._table

    def encoded(self):
        if self._encoded is None:
            columns, counts, _ = self.blocks()
            labels = self.labels if self.labels is not None else np.arange(self._raw[4]).astype(object)
            codes, start, labels = _by_text(labels, columns, self._lengths())
            self._encoded = (codes, start, counts / self.n_baskets, labels)
        return self._encoded

    def frozensets(self, index: np.ndarray) -> np.ndarray:
        index = np.asarray(index, dtype=np.int64)
        if self._table is not None:
            sets = np.empty(len(self) + 1, dtype=object)
            sets[:-1] = self._table["itemsets"].tolist()
        else:
            columns, _, _ = self.blocks()
            start = _starts(self._lengths())
            wanted = np.unique(index[index >= 0])
            sets = np.empty(len(self) + 1, dtype=object)
            lengths = start[wanted + 1] - start[wanted]
            for k in np.unique(lengths):
                rows = wanted[lengths == k]
                block = columns[start[rows][:, None] + np.arange(k)]
                sets[rows] = _frozensets(block, self.labels)
        sets[-1] = frozenset()
        return sets[index]


def _text_order(labels: np.ndarray) -> np.ndarray:
    """Positions of ``labels`` sorted by their text (``str``), stably: the order rules split itemsets in."""
    return np.array(sorted(range(len(labels)), key=lambda j: str(labels[j])), dtype=np.int64)


def _starts(lengths: np.ndarray) -> np.ndarray:
    """Offsets of itemsets of ``lengths`` items laid one after the other: ``start[i]`` to ``start[i + 1]``."""
    start = np.zeros(len(lengths) + 1, np.int64)
    np.cumsum(lengths, out=start[1:])
    return start


def _by_text(labels: np.ndarray, found: np.ndarray, lengths: np.ndarray) -> tuple:
    """(codes, start, labels by code): ``found`` (positions in ``labels``) renumbered in the labels' text order,
    sorted within each itemset of ``lengths`` items."""
    from . import rule_kernels

    order = _text_order(labels)
    rank = np.empty(len(labels), np.int64)
    rank[order] = np.arange(len(labels))
    codes = rank[found] if len(found) else found.astype(np.int64)
    start = _starts(lengths)
    rule_kernels.sort_within(codes, start)
    return codes, start, labels[order]


def _flat_codes(code_lists: list) -> tuple[np.ndarray, np.ndarray]:
    """(codes, start) of lists of codes, each sorted."""
    from . import rule_kernels

    lengths = np.fromiter(map(len, code_lists), dtype=np.int64, count=len(code_lists))
    codes = np.fromiter(chain.from_iterable(code_lists), dtype=np.int64, count=int(lengths.sum()))
    start = _starts(lengths)
    rule_kernels.sort_within(codes, start)
    return codes, start


def _frozensets(block: np.ndarray, lookup: np.ndarray | None) -> list:
    """Frozensets of the rows of a ``(rows, k)`` block of column positions (Python ints, or ``lookup``'s labels),
    with the cyclic garbage collector paused: it would otherwise scan the growing list of new containers again and
    again."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        return list(map(frozenset, (block if lookup is None else lookup[block]).tolist()))
    finally:
        if collecting:
            gc.enable()


def table_from_blocks(columns: np.ndarray, counts: np.ndarray, sizes: np.ndarray, n: int,
                      labels: np.ndarray | None) -> pd.DataFrame:
    """mlxtend's table from itemsets already in the kit's order, grouped by length: ``sizes[k]`` itemsets of k
    items whose sorted column positions follow each other in ``columns``; each length is one ``(sizes[k], k)``
    block turned into frozensets at once. Without itemsets: mlxtend's columns and dtypes (float, object)."""
    itemsets: list = []
    start = 0
    for k in range(1, len(sizes)):
        rows = int(sizes[k])
        if rows:
            itemsets.extend(_frozensets(columns[start:start + rows * k].reshape(rows, k), labels))
            start += rows * k
    return pd.DataFrame({"support": np.asarray(counts, dtype=float) / n, "itemsets": pd.Series(itemsets, dtype=object)},
                        columns=["support", "itemsets"])


def size_line(size_counts: np.ndarray) -> str:
    """``verbose`` output: how many itemsets of each length, e.g. ``"5 itemsets of 1 | 2 itemsets of 2"``."""
    return " | ".join(f"{int(count):,} itemsets of {size}" for size, count in enumerate(size_counts) if count) \
        or "no itemsets"
