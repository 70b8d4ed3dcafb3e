"""Frequent itemsets — 频繁项集: a fast vertical miner, a teaching Apriori and FP-growth, and mlxtend itself.

``frequent_itemsets`` returns mlxtend's format (``support``, ``itemsets`` as frozensets) and takes mlxtend's input
(a one-hot DataFrame of bools or 0/1, dense or pandas-sparse) with mlxtend's keywords and defaults, so it can
replace ``mlxtend.frequent_patterns.fpgrowth`` in existing code. It also takes :class:`~kit.basket.Baskets` and
lists of baskets.

The support threshold is compared as a **count**: ``min_count = ceil(min_support · n − ε)``. With 25 baskets and
``min_support=0.28`` (exactly 7 / 25) floating point gives ``0.28 · 25 = 7.000000000000001``; a plain ``ceil``
would demand 8 baskets and lose the itemsets seen exactly 7 times.

The default miner (``"eclat"``) stores each frequent item's baskets as a bitset (one bit per basket, 64 to a
word) and grows itemsets depth-first: the baskets of {A, B, C} are the bitwise AND of those of {A, B} and {A, C},
and a support is a popcount. Pairs are counted at once with a sparse matrix product. No dense basket × item
matrix is ever built.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import KitError
from .baskets import Baskets, from_lists

ALGORITHMS = ("auto", "eclat", "apriori", "fpgrowth", "mlxtend-fpgrowth", "mlxtend-apriori", "mlxtend-hmine")


def min_count(min_support: float, n: int) -> int:
    """The support threshold as a count of baskets, tolerant of floating-point error.

    >>> min_count(0.28, 25), min_count(0.001, 9835)
    (7, 10)
    """
    k = min_support * n
    return max(int(math.ceil(k - 1e-9 * max(1.0, k))), 1)


def _matrix(data, use_colnames):
    """(CSR bool matrix, column labels, whether labels are used) from any accepted input."""
    if isinstance(data, Baskets):
        return data.matrix.tocsr(), list(data.items), True if use_colnames is None else use_colnames
    if isinstance(data, pd.DataFrame):
        labels = list(data.columns)
        use = False if use_colnames is None else use_colnames
        if data.size == 0:
            return sparse.csr_matrix((len(data.index), len(labels)), dtype=bool), labels, use
        is_sparse = hasattr(data, "sparse") and all(isinstance(t, pd.SparseDtype) for t in data.dtypes)
        matrix = data.sparse.to_coo().tocsr() if is_sparse else data.to_numpy()
        values = np.unique(matrix.data) if is_sparse else pd.unique(matrix.ravel())
        bad = [v for v in values if not _is_binary_value(v)]
        if bad:
            raise KitError(f"The allowed values for a DataFrame are True, False, 0, 1. Found value {bad[0]}",
                           hint="one-hot encode the baskets, e.g. with kit.baskets(...)")
        matrix = matrix.astype(bool) if is_sparse else sparse.csr_matrix(matrix.astype(bool))
        matrix.eliminate_zeros()
        return matrix, labels, use
    built = from_lists(list(data))
    return built.matrix, list(built.items), True if use_colnames is None else use_colnames


def _is_binary_value(value) -> bool:
    try:
        return bool(value in (0, 1)) and not (isinstance(value, float) and math.isnan(value))
    except TypeError:
        return False


def frequent_itemsets(baskets, min_support: float = 0.5, use_colnames: bool | None = None,
                      max_len: int | None = None, algorithm: str = "auto", verbose: int = 0) -> pd.DataFrame:
    """All itemsets in at least ``min_support`` of the baskets, with their support.

    Parameters
    ----------
    baskets : Baskets, one-hot DataFrame (bool or 0/1, dense or sparse) or list of baskets
    min_support : float in (0, 1]
        Minimum share of baskets; compared as a count (see the module docstring).
    use_colnames : bool, optional
        Itemsets of column labels (True) or column positions (False, mlxtend's default for DataFrames).
        Default: positions for DataFrames, labels for Baskets and lists.
    max_len : int, optional
        Longest itemset to return.
    algorithm : {"auto", "eclat", "apriori", "fpgrowth", "mlxtend-fpgrowth", "mlxtend-apriori", "mlxtend-hmine"}
        ``"auto"`` is the vertical bitset miner; the ``mlxtend-`` ones run mlxtend itself.

    Returns
    -------
    DataFrame with ``support`` and ``itemsets`` (frozensets), shortest itemsets first, then by falling support;
    ``attrs`` hold ``n_transactions`` and ``min_count``.

    Examples
    --------
    >>> han = [["I1", "I2", "I5"], ["I2", "I4"], ["I2", "I3"], ["I1", "I2", "I4"], ["I1", "I3"], ["I2", "I3"],
    ...        ["I1", "I3"], ["I1", "I2", "I3", "I5"], ["I1", "I2", "I3"]]
    >>> found = frequent_itemsets(han, min_support=2 / 9)
    >>> len(found), round(float(found["support"].max()) * 9)
    (13, 7)
    """
    if algorithm not in ALGORITHMS:
        raise KitError(f"unknown algorithm {algorithm!r}", hint=f"use one of {', '.join(ALGORITHMS)}")
    if not isinstance(min_support, (int, float)) or not 0.0 < min_support <= 1.0:
        raise KitError("`min_support` must be a positive number within the interval `(0, 1]`. "
                       f"Got {min_support}.", hint="e.g. min_support=0.01 (1 % of baskets)")
    if max_len is not None and max_len < 1:
        raise KitError(f"max_len must be at least 1, got {max_len}", hint="or None for no limit")
    matrix, labels, use = _matrix(baskets, use_colnames)
    n = matrix.shape[0]
    if algorithm.startswith("mlxtend-"):
        return _mlxtend(baskets, matrix, labels, min_support, use, max_len, algorithm)
    threshold = min_count(min_support, n)
    if n == 0 or matrix.shape[1] == 0:
        found: list[tuple[tuple[int, ...], int]] = []
    else:
        miner = {"auto": _eclat, "eclat": _eclat, "apriori": _apriori, "fpgrowth": _fpgrowth}[algorithm]
        found = miner(matrix, threshold, max_len or matrix.shape[1])
    found.sort(key=lambda f: (len(f[0]), -f[1], f[0]))
    names = (lambda ids: frozenset(labels[i] for i in ids)) if use else (lambda ids: frozenset(ids))
    result = pd.DataFrame({"support": [c / n for _, c in found], "itemsets": [names(ids) for ids, _ in found]},
                          columns=["support", "itemsets"])
    result.attrs.update(n_transactions=n, min_count=threshold, algorithm=algorithm)
    return result


def _frequent_items(matrix, threshold):
    counts = np.asarray(matrix.sum(axis=0)).ravel().astype(np.int64)
    frequent = np.flatnonzero(counts >= threshold)
    order = frequent[np.argsort(counts[frequent], kind="stable")]  # rarest first: smaller intersections
    return order, counts


def _bitsets(matrix, columns) -> np.ndarray:
    """One row of 64-bit words per column in ``columns``: bit b of the row is set when basket b holds the item."""
    csc = matrix.tocsc()
    words = (matrix.shape[0] + 63) // 64
    bits = np.zeros((len(columns), words), dtype=np.uint64)
    lengths = np.diff(csc.indptr)[columns]
    rows = np.repeat(np.arange(len(columns)), lengths)
    tids = np.concatenate([csc.indices[csc.indptr[c]:csc.indptr[c + 1]] for c in columns]) if len(columns) else \
        np.zeros(0, dtype=np.int64)
    tids = tids.astype(np.int64)
    np.bitwise_or.at(bits, (rows, tids >> 6), np.left_shift(np.uint64(1), (tids & 63).astype(np.uint64)))
    return bits


def _popcount(bits: np.ndarray) -> np.ndarray:
    return np.bitwise_count(bits).sum(axis=-1, dtype=np.int64)


def _eclat(matrix, threshold: int, max_len: int) -> list:
    order, counts = _frequent_items(matrix, threshold)
    found = [((int(i),), int(counts[i])) for i in order]
    if max_len < 2 or len(order) < 2:
        return found
    bits = _bitsets(matrix, order)
    sub = matrix[:, order].astype(np.int32)
    pairs = (sub.T @ sub).toarray()  # pair counts among frequent items, k x k (int32)
    for a in range(len(order)):
        partners = np.flatnonzero(pairs[a, a + 1:] >= threshold) + a + 1
        if not len(partners):
            continue
        inter = bits[a] & bits[partners]
        for j, b in enumerate(partners):
            found.append(((min(order[a], order[b]), max(order[a], order[b])), int(pairs[a, b])))
        if max_len > 2:
            _grow(found, (int(order[a]),), [int(order[b]) for b in partners], inter, threshold, max_len)
    return found


def _grow(found, prefix, items, bits, threshold, max_len):
    """Depth-first extension: ``bits[j]`` are the baskets of ``prefix + (items[j],)``."""
    for j in range(len(items) - 1):
        inter = bits[j] & bits[j + 1:]
        support = _popcount(inter)
        keep = np.flatnonzero(support >= threshold)
        if not len(keep):
            continue
        head = prefix + (items[j],)
        tails = [items[j + 1 + k] for k in keep]
        for tail, count in zip(tails, support[keep]):
            found.append((tuple(sorted(head + (tail,))), int(count)))
        if len(head) + 2 <= max_len and len(keep) > 1:
            _grow(found, head, tails, inter[keep], threshold, max_len)


def _apriori(matrix, threshold: int, max_len: int) -> list:
    """Level-wise Apriori (Agrawal & Srikant 1994): candidates of size k+1 join frequent k-itemsets sharing their
    first k-1 items, are pruned when any k-subset is infrequent, and are counted with bitsets."""
    order, counts = _frequent_items(matrix, threshold)
    order = np.sort(order)
    found = [((int(i),), int(counts[i])) for i in order]
    level = {(int(i),): row for i, row in zip(order, _bitsets(matrix, order))}
    size = 1
    while level and size < max_len:
        keys = sorted(level)
        frequent_keys = set(keys)
        next_level = {}
        for x, first in enumerate(keys):
            for second in keys[x + 1:]:
                if first[:-1] != second[:-1]:
                    break
                candidate = first + (second[-1],)
                if any(candidate[:k] + candidate[k + 1:] not in frequent_keys for k in range(len(candidate) - 2)):
                    continue
                bits = level[first] & level[second]
                count = int(_popcount(bits))
                if count >= threshold:
                    next_level[candidate] = bits
                    found.append((candidate, count))
        level = next_level
        size += 1
    return found


def _fpgrowth(matrix, threshold: int, max_len: int) -> list:
    """FP-growth (Han, Pei & Yin 2000): baskets are inserted into a prefix tree with items in descending
    frequency, then each item's conditional pattern base is mined recursively -- no candidate generation."""
    order, counts = _frequent_items(matrix, threshold)
    rank = {int(i): r for r, i in enumerate(order[::-1])}  # most frequent first
    csr = matrix.tocsr()
    transactions = []
    for b in range(csr.shape[0]):
        items = [int(i) for i in csr.indices[csr.indptr[b]:csr.indptr[b + 1]] if int(i) in rank]
        if items:
            transactions.append((sorted(items, key=rank.get), 1))
    found: list = []
    _fp_mine(transactions, threshold, (), found, max_len)
    return found


def _fp_mine(transactions, threshold, suffix, found, max_len):
    """Mine a (conditional) database given as weighted, frequency-ordered transactions via its FP-tree."""
    support: dict[int, int] = {}
    for items, weight in transactions:
        for i in items:
            support[i] = support.get(i, 0) + weight
    frequent = {i: c for i, c in support.items() if c >= threshold}
    if not frequent:
        return
    # build the tree: node = [item, count, parent, children]; header links every node of an item
    root: list = [None, 0, None, {}]
    header: dict[int, list] = {}
    for items, weight in transactions:
        node = root
        for i in items:
            if i not in frequent:
                continue
            child = node[3].get(i)
            if child is None:
                child = [i, 0, node, {}]
                node[3][i] = child
                header.setdefault(i, []).append(child)
            child[1] += weight
            node = child
    for item in sorted(frequent, key=lambda i: (frequent[i], i)):  # least frequent first
        itemset = tuple(sorted(suffix + (item,)))
        found.append((itemset, frequent[item]))
        if len(itemset) >= max_len:
            continue
        base = []
        for node in header[item]:
            path = []
            parent = node[2]
            while parent[0] is not None:
                path.append(parent[0])
                parent = parent[2]
            if path:
                base.append((path[::-1], node[1]))
        if base:
            _fp_mine(base, threshold, suffix + (item,), found, max_len)


def _mlxtend(data, matrix, labels, min_support, use, max_len, algorithm):
    from mlxtend import frequent_patterns

    if isinstance(data, pd.DataFrame):
        frame = data
    else:
        frame = pd.DataFrame.sparse.from_spmatrix(matrix, columns=labels)
    function = getattr(frequent_patterns, algorithm.removeprefix("mlxtend-"))
    result = function(frame, min_support=min_support, use_colnames=use, max_len=max_len)
    result.attrs.update(n_transactions=matrix.shape[0], min_count=min_count(min_support, matrix.shape[0]),
                        algorithm=algorithm)
    return result.reset_index(drop=True)
