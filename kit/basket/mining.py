"""Frequent itemsets — 频繁项集: a fast vertical miner, a teaching Apriori and FP-growth, and mlxtend itself.

``frequent_itemsets`` returns mlxtend's format (``support``, ``itemsets`` as frozensets) and takes mlxtend's input
(a one-hot DataFrame of bools or 0/1, dense or pandas-sparse) with mlxtend's keywords and defaults, so it can
replace ``mlxtend.frequent_patterns.fpgrowth`` in existing code. It also takes :class:`~kit.basket.Baskets` and
lists of baskets.

**Two kinds of result.** The mlxtend-compatible functions (:func:`frequent_itemsets`, :func:`apriori`,
:func:`fpgrowth`, :func:`fpmax`, :func:`hmine`) return exactly mlxtend's DataFrame and nothing else; as in mlxtend,
the number of baskets is passed to :func:`~kit.basket.rules.association_rules` explicitly (``num_itemsets``). The
kit's own path, :func:`mine_itemsets` and :func:`itemsets_within_caps`, returns a :class:`MinedItemsets`: the same
itemsets with the number of baskets, the threshold used (as a share and a count), the miner and, when the threshold
had to be raised, why; ``association_rules`` takes it in place of the table and the count. It keeps the compiled
miner's flat arrays (:mod:`kit.basket.itemsets`) and builds the table of frozensets only when ``.itemsets`` is
first read: on dense data the frozensets cost ten times the mining, and rules need them only for the itemsets
that appear in a rule. Nothing is kept in the table's metadata (pandas drops it on merge and concat).

The support threshold is compared as a **count**: ``min_count = ceil(min_support · n − ε)``. With 25 baskets and
``min_support=0.28`` (exactly 7 / 25) floating point gives ``0.28 · 25 = 7.000000000000001``; a plain ``ceil``
would demand 8 baskets and lose the itemsets seen exactly 7 times.

The default miner (``"eclat"``) stores baskets as bitsets (one bit per basket, 64 to a word) and grows itemsets
depth-first: the baskets of {A, B, C} are the bitwise AND of those of {A, B} and {A, C}, and a support is a
popcount. It runs compiled (numba, :mod:`kit.basket.kernels`: bitsets over the baskets of each first item only,
perfect extensions, flat arrays turned into the table in one pass per itemset length when it is asked for);
without numba, or with the
environment variable ``KIT_NUMBA=0``, the same itemsets in the same order come from the pure-numpy version, which
counts pairs with a sparse matrix product. No dense basket × item matrix is ever built.

**A cap on the result.** The number of frequent itemsets grows exponentially with the size of the baskets: one
wholesale order of 500 products holds 2^500 subsets, and a dozen such orders make every subset of their common
products frequent. Every miner therefore stops as soon as it has found more than ``max_itemsets`` itemsets and
raises a :class:`~kit.errors.KitError` naming ``min_support``, ``max_len`` and ``max_itemsets``. The default cap
comes from a memory budget: ``MAX_ITEMSETS = MEMORY_BUDGET // ITEMSET_BYTES`` (512 MiB at 2 KiB per itemset:
262,144 itemsets). The bytes per itemset are the worst case measured: short itemsets (Online Retail at min_support
0.003, tracemalloc) keep about 350 bytes and peak at about 580 while the table is built, but the long itemsets of
wholesale baskets (one day of Online Retail, 108 baskets of up to 592 products, min_support 0.01) peak at about
1.9 KiB each while they are mined: 487 MiB above the start at the cap.
:func:`estimate_itemsets` bounds the count before mining, :func:`large_baskets` finds the orders that drive it.
"""

from __future__ import annotations

import math
import numbers
import os
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import KitError
from .baskets import Baskets, from_lists
from .itemsets import CompiledItemsets, Itemsets, TableItemsets, size_line

#: Memory the kit allows one itemset table or one rule table to take (bytes).
MEMORY_BUDGET = 512 * 2**20
#: Bytes per frequent itemset at the peak of mining, worst case measured (long itemsets; short ones take ~580).
ITEMSET_BYTES = 2048
#: Default cap on the number of frequent itemsets: ``MEMORY_BUDGET // ITEMSET_BYTES``.
MAX_ITEMSETS = MEMORY_BUDGET // ITEMSET_BYTES
#: Baskets with at least this many distinct items are reported by :func:`large_baskets` whatever the percentile.
LARGE_BASKET_ITEMS = 100

ALGORITHMS = ("auto", "eclat", "apriori", "fpgrowth", "mlxtend-fpgrowth", "mlxtend-apriori", "mlxtend-hmine")


def min_count(min_support: float, n: int) -> int:
    """The support threshold as a count of baskets, tolerant of floating-point error.

    .. math:: \\text{min\\_count} = \\max(1, \\lceil \\text{min\\_support} \\cdot n - \\varepsilon \\rceil),
              \\quad \\varepsilon = 10^{-9} \\max(1, \\text{min\\_support} \\cdot n)

    Parameters
    ----------
    min_support : float
        Minimum share of baskets.
    n : int
        Number of baskets.

    Returns
    -------
    int

    Examples
    --------
    >>> min_count(0.28, 25), min_count(0.001, 9835)
    (7, 10)
    """
    k = min_support * n
    return max(int(math.ceil(k - 1e-9 * max(1.0, k))), 1)


def _matrix(data, use_colnames):
    """(CSR bool matrix, column labels, whether labels are used) from any accepted input."""
    if isinstance(data, Baskets):
        return data.matrix.tocsr(), data.items.tolist(), True if use_colnames is None else use_colnames
    if isinstance(data, pd.DataFrame):
        labels = data.columns.tolist()
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
    return built.matrix, built.items.tolist(), True if use_colnames is None else use_colnames


def _is_binary_value(value) -> bool:
    try:
        return bool(value in (0, 1)) and not (isinstance(value, float) and math.isnan(value))
    except TypeError:
        return False


class _TooMany(Exception):
    """Raised inside a miner when it has found more itemsets than its cap."""


def _check_cap(found: list, cap: int) -> None:
    if len(found) > cap:
        raise _TooMany


def _too_many_error(cap: int, min_support: float, threshold: int, n: int, max_len) -> KitError:
    return KitError(
        f"more than {cap:,} frequent itemsets at min_support={min_support} (at least {threshold:,} of {n:,} "
        f"baskets) and max_len={max_len}: mining stopped before the result exhausts memory",
        hint=f"raise min_support, set max_len (e.g. 3), or raise max_itemsets (default {MAX_ITEMSETS:,}: "
             f"a {MEMORY_BUDGET // 2**20} MiB budget at {ITEMSET_BYTES} bytes per itemset); very large baskets "
             "drive the count: see kit.basket.large_baskets")


def frequent_itemsets(baskets, min_support: float = 0.5, use_colnames: bool | None = None,
                      max_len: int | None = None, verbose: int = 0, low_memory: bool = False, *,
                      null_values: bool = False, n_jobs: int = 1, algorithm: str = "auto",
                      max_itemsets: int = MAX_ITEMSETS) -> pd.DataFrame:
    """All itemsets in at least ``min_support`` of the baskets, with their support.

    The positional order is mlxtend's ``apriori``: ``(df, min_support, use_colnames, max_len, verbose,
    low_memory)``; :func:`apriori`, :func:`fpgrowth`, :func:`fpmax` and :func:`hmine` take their mlxtend namesakes'
    orders.

    Parameters
    ----------
    baskets : Baskets, one-hot DataFrame (bool or 0/1, dense or sparse) or list of baskets
    min_support : float in (0, 1]
        Minimum share of baskets (a Python or numpy number); compared as a count (see the module docstring).
    use_colnames : bool, optional
        Itemsets of column labels (True) or column positions (False, mlxtend's default for DataFrames).
        Default: positions for DataFrames, labels for Baskets and lists. Items are plain Python objects.
    max_len : int, optional
        Longest itemset to return.
    verbose : int
        At 1 or more, print the number of itemsets found of each length.
    low_memory, n_jobs
        mlxtend's switches between its own code paths; accepted for compatibility. The kit's miners never build a
        dense candidate matrix, so the result and its memory do not depend on them.
    null_values : bool
        The DataFrame may hold NaN (unknown) cells; supports are then mlxtend's missing-value-aware ones
        (see :func:`supports_with_missing`).
    algorithm : {"auto", "eclat", "apriori", "fpgrowth", "mlxtend-fpgrowth", "mlxtend-apriori", "mlxtend-hmine"}
        ``"auto"`` is the vertical bitset miner (``"eclat"``, compiled when numba is installed); the ``mlxtend-``
        ones run mlxtend itself.
    max_itemsets : int
        Stop with a :class:`KitError` as soon as more itemsets are found (default :data:`MAX_ITEMSETS`). The exact
        counts of frequent items and pairs are checked against it before any longer itemset is mined.

    Returns
    -------
    DataFrame
        ``support`` and ``itemsets`` (frozensets), shortest itemsets first, then by falling support; without
        itemsets it has mlxtend's columns and dtypes. The number of baskets is not in it (as in mlxtend): pass it
        to :func:`~kit.basket.rules.association_rules`, or mine with :func:`mine_itemsets`.

    Notes
    -----
    support(X) = #{baskets holding every item of X} / n, kept when the count reaches
    ``min_count(min_support, n)``.

    Examples
    --------
    >>> han = [["I1", "I2", "I5"], ["I2", "I4"], ["I2", "I3"], ["I1", "I2", "I4"], ["I1", "I3"], ["I2", "I3"],
    ...        ["I1", "I3"], ["I1", "I2", "I3", "I5"], ["I1", "I2", "I3"]]
    >>> found = frequent_itemsets(han, min_support=2 / 9)
    >>> len(found), round(float(found["support"].max()) * 9)
    (13, 7)
    """
    return _mine(baskets, min_support, use_colnames, max_len, verbose, n_jobs, null_values, algorithm,
                 max_itemsets)[0].table()


def _mine(baskets, min_support, use_colnames, max_len, verbose, n_jobs, null_values, algorithm, max_itemsets):
    """(:class:`~kit.basket.itemsets.Itemsets`, number of baskets, min_count) for :func:`frequent_itemsets` and
    :func:`mine_itemsets`."""
    if algorithm not in ALGORITHMS:
        raise KitError(f"unknown algorithm {algorithm!r}", hint=f"use one of {', '.join(ALGORITHMS)}")
    min_support = _share(min_support)
    if max_len is not None and max_len < 1:
        raise KitError(f"max_len must be at least 1, got {max_len}", hint="or None for no limit")
    if max_itemsets < 1:
        raise KitError(f"max_itemsets must be at least 1, got {max_itemsets}", hint=f"default {MAX_ITEMSETS:,}")
    for name, value in (("verbose", verbose), ("n_jobs", n_jobs)):
        if not isinstance(value, numbers.Integral):
            raise KitError(f"{name} must be an integer, got {value!r}", hint=f"e.g. {name}=0" if name == "verbose"
                           else "n_jobs=1; the kit's miners run in one process whatever it is")
    if null_values:
        table, n, threshold = _frequent_with_missing(baskets, min_support, bool(use_colnames), max_len, verbose,
                                                     max_itemsets)
        return TableItemsets(table, n), n, threshold
    matrix, labels, use = _matrix(baskets, use_colnames)
    n = matrix.shape[0]
    threshold = min_count(min_support, n)
    if algorithm.startswith("mlxtend-"):
        if n and matrix.shape[1]:
            first = _items_and_pairs(matrix, threshold, max_len or matrix.shape[1])
            if first[0] + first[1] > max_itemsets:
                raise _too_many_error(max_itemsets, min_support, threshold, n, max_len)
        result = _mlxtend(baskets, matrix, labels, min_support, use, max_len, algorithm)
        if len(result) > max_itemsets:
            raise _too_many_error(max_itemsets, min_support, threshold, n, max_len)
        return TableItemsets(result, n), n, threshold
    if n == 0 or matrix.shape[1] == 0:
        found: list[tuple[tuple[int, ...], int]] = []
    else:
        if algorithm in ("auto", "eclat") and _compiled() is not None:
            try:
                compiled = _compiled_mine(matrix, threshold, max_len or matrix.shape[1], max_itemsets,
                                          labels if use else None)
            except _TooMany:
                raise _too_many_error(max_itemsets, min_support, threshold, n, max_len) from None
            return _told(compiled, verbose), n, threshold
        miner = {"auto": _eclat, "eclat": _eclat, "apriori": _apriori, "fpgrowth": _fpgrowth}[algorithm]
        if algorithm in ("apriori", "fpgrowth"):  # the teaching miners: the cheap first pass before them
            first = _items_and_pairs(matrix, threshold, max_len or matrix.shape[1])
            if first[0] + first[1] > max_itemsets:
                raise _too_many_error(max_itemsets, min_support, threshold, n, max_len)
        try:
            found = miner(matrix, threshold, max_len or matrix.shape[1], max_itemsets)
        except _TooMany:
            raise _too_many_error(max_itemsets, min_support, threshold, n, max_len) from None
    return _told(TableItemsets(_itemset_table(found, n, labels if use else None), n), verbose), n, threshold


def _told(found: Itemsets, verbose: int) -> Itemsets:
    """``found``, after printing how many itemsets of each length it holds when ``verbose``."""
    if verbose:
        print(size_line(found.size_counts()))
    return found


def _share(min_support) -> float:
    """``min_support`` as a Python float in (0, 1] (numpy numbers accepted), or mlxtend's message as a KitError."""
    if isinstance(min_support, (bool, np.bool_)) or not isinstance(min_support, numbers.Real) \
            or not 0.0 < float(min_support) <= 1.0:
        raise KitError("`min_support` must be a positive number within the interval `(0, 1]`. "
                       f"Got {min_support}.", hint="e.g. min_support=0.01 (1 % of baskets)")
    return float(min_support)


def _itemset_table(found: list, n: int, labels: list | None) -> pd.DataFrame:
    """mlxtend's table from ``(column positions, count)`` pairs: shortest first, then by falling support; items
    are Python ints (positions) or the labels. Without itemsets: mlxtend's columns and dtypes (float, object)."""
    found.sort(key=lambda f: (len(f[0]), -f[1], f[0]))
    if labels is None:
        itemsets = [frozenset(int(i) for i in ids) for ids, _ in found]
    else:
        itemsets = [frozenset(labels[i] for i in ids) for ids, _ in found]
    return pd.DataFrame({"support": np.array([c / n for _, c in found], dtype=float),
                         "itemsets": pd.Series(itemsets, dtype=object)}, columns=["support", "itemsets"])


_KERNELS: list = []


def _compiled():
    """The compiled kernels (:mod:`kit.basket.kernels`), or None when numba cannot be imported or the environment
    variable ``KIT_NUMBA`` is ``0``; the default miner then runs the pure-numpy code (:func:`_eclat`)."""
    if os.environ.get("KIT_NUMBA", "1") == "0":
        return None
    if not _KERNELS:
        try:
            from . import kernels
        except ImportError:
            kernels = None
        _KERNELS.append(kernels)
    return _KERNELS[0]


def _compiled_mine(matrix, threshold: int, max_len: int, cap: int, labels: list | None) -> CompiledItemsets:
    """:func:`_eclat`'s itemsets mined by the compiled kernel, as its flat arrays (sorted into the same table only
    when it is asked for); raises :class:`_TooMany` when more than ``cap`` itemsets are frequent."""
    kernels = _compiled()
    matrix = sparse.csr_matrix(matrix)
    if not matrix.has_canonical_format or (matrix.nnz and not matrix.data.all()):
        matrix = matrix.copy()
        matrix.sum_duplicates()
        matrix.eliminate_zeros()
    counts = np.bincount(matrix.indices, minlength=matrix.shape[1]).astype(np.int64)
    frequent = np.flatnonzero(counts >= threshold)
    order = frequent[np.argsort(counts[frequent], kind="stable")]  # as _frequent_items: rarest first
    rank = np.full(matrix.shape[1], -1, dtype=np.int64)
    rank[order] = np.arange(len(order))
    supports = counts[order].astype(np.int64)
    prepared = kernels.prepare(matrix.indptr, matrix.indices, rank, supports)
    itemsets = min(cap + 1, 1 << 16)
    out_items, out_len, out_cnt = (np.empty(8 * itemsets, np.int32), np.empty(itemsets, np.int32),
                                   np.empty(itemsets, np.int64))
    slots = max(4 * len(order), 64)
    bits = np.empty(1 << 18, np.uint64)
    slot_item, slot_count, perm = np.empty(slots, np.int32), np.empty(slots, np.int64), np.empty(slots, np.int64)
    root, n_out, n_items = 0, 0, 0
    while True:  # a full buffer is enlarged and mining goes on from the root item where it stopped
        status, root, n_out, n_items = kernels.eclat(*prepared, supports, threshold, max_len, cap, root, n_out,
                                                     n_items, out_items, out_len, out_cnt, bits, slot_item,
                                                     slot_count, perm)
        if status == kernels.DONE:
            break
        if status == kernels.TOO_MANY:
            raise _TooMany
        if status == kernels.MORE_ITEMS:
            out_items = _enlarged(out_items, n_items)
        elif status == kernels.MORE_ITEMSETS:
            out_len, out_cnt = _enlarged(out_len, n_out), _enlarged(out_cnt, n_out)
        elif status == kernels.MORE_BITS:
            bits = np.empty(2 * len(bits), np.uint64)
        else:
            slot_item, slot_count, perm = (np.empty(2 * len(a), a.dtype) for a in (slot_item, slot_count, perm))
    return CompiledItemsets(out_items[:n_items], out_len[:n_out], out_cnt[:n_out], order, matrix.shape[1], labels,
                            matrix.shape[0])


def _enlarged(array: np.ndarray, keep: int) -> np.ndarray:
    """A buffer twice as long holding the first ``keep`` values of ``array``."""
    bigger = np.empty(2 * len(array), array.dtype)
    bigger[:keep] = array[:keep]
    return bigger


def apriori(df, min_support: float = 0.5, use_colnames: bool = False, max_len: int | None = None, verbose: int = 0,
            low_memory: bool = False, n_jobs: int = 1, *, max_itemsets: int = MAX_ITEMSETS) -> pd.DataFrame:
    """mlxtend's ``apriori`` signature over :func:`frequent_itemsets` (same itemsets and supports).

    Parameters
    ----------
    df : one-hot DataFrame (bool or 0/1, dense or sparse), Baskets or list of baskets
    min_support, use_colnames, max_len, verbose, low_memory, n_jobs
        As mlxtend's; see :func:`frequent_itemsets`.
    max_itemsets : int
        The kit's cap on the number of itemsets (see the module docstring).

    Returns
    -------
    DataFrame
        mlxtend's ``support`` and ``itemsets`` table.

    Examples
    --------
    >>> found = apriori(pd.DataFrame({"milk": [1, 1, 0], "bread": [1, 1, 1]}), 0.6, use_colnames=True)
    >>> [sorted(itemset) for itemset in found["itemsets"]]
    [['bread'], ['milk'], ['bread', 'milk']]
    """
    return frequent_itemsets(df, min_support, use_colnames, max_len, verbose, low_memory, n_jobs=n_jobs,
                             max_itemsets=max_itemsets)


def fpgrowth(df, min_support: float = 0.5, null_values: bool = False, use_colnames: bool = False,
             max_len: int | None = None, verbose: int = 0, *, max_itemsets: int = MAX_ITEMSETS) -> pd.DataFrame:
    """mlxtend's ``fpgrowth`` signature over :func:`frequent_itemsets` (same itemsets and supports).

    Parameters
    ----------
    df : one-hot DataFrame (bool or 0/1, dense or sparse), Baskets or list of baskets
    min_support, use_colnames, max_len, verbose, null_values
        As mlxtend's; see :func:`frequent_itemsets`.
    max_itemsets : int
        The kit's cap on the number of itemsets (see the module docstring).

    Returns
    -------
    DataFrame
        mlxtend's ``support`` and ``itemsets`` table; an empty one has mlxtend's dtypes (float).

    Examples
    --------
    >>> len(fpgrowth(pd.DataFrame({"milk": [1, 1, 0], "bread": [1, 1, 1]}), 0.6))
    3
    """
    found = frequent_itemsets(df, min_support, use_colnames, max_len, verbose, null_values=null_values,
                              max_itemsets=max_itemsets)
    return found if len(found) else found.astype(float)


def hmine(df, min_support: float = 0.5, use_colnames: bool = False, max_len: int | None = None, verbose: int = 0, *,
          max_itemsets: int = MAX_ITEMSETS) -> pd.DataFrame:
    """mlxtend's ``hmine`` signature over :func:`frequent_itemsets` (same itemsets and supports).

    Parameters
    ----------
    df : one-hot DataFrame (bool or 0/1, dense or sparse), Baskets or list of baskets
    min_support, use_colnames, max_len, verbose
        As mlxtend's; see :func:`frequent_itemsets`.
    max_itemsets : int
        The kit's cap on the number of itemsets (see the module docstring).

    Returns
    -------
    DataFrame
        mlxtend's ``support`` and ``itemsets`` table; an empty one has mlxtend's dtypes (float).

    Examples
    --------
    >>> len(hmine(pd.DataFrame({"milk": [1, 1, 0], "bread": [1, 1, 1]}), 0.9))
    1
    """
    found = frequent_itemsets(df, min_support, use_colnames, max_len, verbose, max_itemsets=max_itemsets)
    return found if len(found) else found.astype(float)


def fpmax(df, min_support: float = 0.5, null_values: bool = False, use_colnames: bool = False,
          max_len: int | None = None, verbose: int = 0, *, max_itemsets: int = MAX_ITEMSETS) -> pd.DataFrame:
    """Maximal frequent itemsets (no frequent proper superset), as mlxtend's ``fpmax``, with its signature.

    With ``max_len``, mlxtend's own ``fpmax`` runs: its search stops growing an itemset at ``max_len`` items, so
    some itemsets it reports have a longer frequent superset; the kit gives exactly what mlxtend gives.

    Parameters
    ----------
    df : one-hot DataFrame (bool or 0/1, dense or sparse), Baskets or list of baskets
    min_support, use_colnames, max_len, verbose, null_values
        As mlxtend's; see :func:`frequent_itemsets`.
    max_itemsets : int
        The kit's cap on the number of itemsets (see the module docstring).

    Returns
    -------
    DataFrame
        mlxtend's ``support`` and ``itemsets`` table of the maximal itemsets; an empty one has mlxtend's dtypes.

    Examples
    --------
    >>> found = fpmax(pd.DataFrame({"milk": [1, 1, 0], "bread": [1, 1, 1]}), 0.6, use_colnames=True)
    >>> [sorted(itemset) for itemset in found["itemsets"]]
    [['bread', 'milk']]
    """
    if null_values:
        raise KitError("fpmax with null_values=True is not implemented: mlxtend's maximal-itemset tree keeps itemsets "
                       "by counts that treat unknown cells as ones, which the kit does not reproduce",
                       hint="use kit.basket.fpgrowth(df, min_support, null_values=True) for all frequent itemsets, or "
                            "mlxtend's own fpmax")
    found = frequent_itemsets(df, min_support, use_colnames, None, verbose, max_itemsets=max_itemsets)
    if max_len is not None:
        # mlxtend's search stops growing a conditional tree at max_len items, so which itemsets it reports as
        # maximal depends on its tree; its own fpmax is run (on an input the kit has checked and can mine)
        matrix, labels, use = _matrix(df, use_colnames)
        with warnings.catch_warnings():  # mlxtend's advice on 0/1 input: the kit takes it as it is
            warnings.simplefilter("ignore", DeprecationWarning)
            found = _mlxtend(df, matrix, labels, _share(min_support), use, max_len, "mlxtend-fpmax")
        return found if len(found) else found.astype(float)
    found = found[_maximal(found["itemsets"].tolist())]
    found = found.reset_index(drop=True)
    return found if len(found) else found.astype(float)


def _maximal(itemsets: list) -> np.ndarray:
    """True for the itemsets that are no proper subset of another in the (downward-closed) list."""
    covered = {itemset - {item} for itemset in itemsets if len(itemset) > 1 for item in itemset}
    return np.array([itemset not in covered for itemset in itemsets], dtype=bool)


def supports_with_missing(ones: np.ndarray, missing: np.ndarray, itemsets) -> np.ndarray:
    """mlxtend's missing-value-aware support of each itemset (tuples of column positions): the baskets holding
    every item of X, over the baskets where none of X is unknown,

    .. math:: s(X) = \\frac{\\#\\{b : x_{bi} = 1 \\ \\forall i \\in X\\}}
              {n - \\#\\{b : x_{bi} \\text{ is NaN for some } i \\in X\\}},

    and 0 when no basket is fully known.

    Parameters
    ----------
    ones, missing : ndarray of bool
        Baskets × items: the cell is 1; the cell is unknown (NaN).
    itemsets : iterable of tuples of int
        Column positions of each itemset.

    Returns
    -------
    ndarray of float
        One support per itemset.

    Examples
    --------
    >>> x = np.array([[1, 1], [1, np.nan], [0, 1], [np.nan, np.nan]])
    >>> supports_with_missing(x == 1, np.isnan(x), [(0,), (1,), (0, 1)]).round(3).tolist()
    [0.667, 1.0, 0.5]
    """
    n = ones.shape[0]
    one_bits = _bitsets(sparse.csr_matrix(ones), np.arange(ones.shape[1]))
    nan_bits = _bitsets(sparse.csr_matrix(missing), np.arange(ones.shape[1]))
    out = np.empty(len(itemsets))
    for k, ids in enumerate(itemsets):
        ids = list(ids)
        held = int(_popcount(np.bitwise_and.reduce(one_bits[ids], axis=0)))
        known = n - int(_popcount(np.bitwise_or.reduce(nan_bits[ids], axis=0)))
        out[k] = held / known if known else 0.0
    return out


def _one_hot_with_missing(data) -> tuple[np.ndarray, np.ndarray, list]:
    """(ones, missing, labels) boolean arrays of a one-hot DataFrame whose unknown cells are NaN."""
    if not isinstance(data, pd.DataFrame):
        raise KitError(f"null_values=True needs a one-hot DataFrame with NaN for unknown cells, got "
                       f"{type(data).__name__}", hint="pass the DataFrame, or null_values=False")
    if len(data.columns) and all(isinstance(t, pd.SparseDtype) for t in data.dtypes):
        data = data.sparse.to_dense()
    try:
        values = data.to_numpy(dtype=float, na_value=np.nan)
    except (TypeError, ValueError):
        values = None
    missing = np.isnan(values) if values is not None else data.isna().to_numpy()
    bad = ~missing & ~np.isin(values, (0.0, 1.0)) if values is not None else ~missing
    if bad.any():
        row, col = np.argwhere(bad)[0]
        raise KitError(f"The allowed values for a DataFrame are True, False, 0, 1 and NaN (null_values=True). Found "
                       f"value {data.iat[row, col]!r} in column {data.columns[col]!r}, row {data.index[row]!r}",
                       hint="one-hot encode the baskets; leave unknown cells as NaN")
    return values == 1, missing, data.columns.tolist()


def _frequent_with_missing(data, min_support: float, use: bool, max_len, verbose: int, cap: int) -> tuple:
    """mlxtend's ``fpgrowth(null_values=True)``: items whose known-basket support reaches ``min_support`` are mined
    with unknown cells counted as ones (at least ``min_count`` baskets), then every itemset gets its
    :func:`supports_with_missing` and is kept when that reaches ``min_support``. Returns (table, n, min_count)."""
    ones, missing, labels = _one_hot_with_missing(data)
    n = ones.shape[0]
    threshold = min_count(min_support, n)
    found: list = []
    if n and ones.shape[1]:
        item_support = supports_with_missing(ones, missing, [(i,) for i in range(ones.shape[1])])
        keep = np.flatnonzero(item_support >= min_support)
        if len(keep):
            truthy = sparse.csr_matrix(ones[:, keep] | missing[:, keep])
            try:
                mined = _eclat(truthy, threshold, max_len or len(keep), cap)
            except _TooMany:
                raise _too_many_error(cap, min_support, threshold, n, max_len) from None
            ids = [tuple(sorted(int(keep[i]) for i in itemset)) for itemset, _ in mined]
            supports = supports_with_missing(ones, missing, ids)
            found = [(i, s) for i, s in zip(ids, supports) if s >= min_support]
    found.sort(key=lambda f: (len(f[0]), -f[1], f[0]))
    itemsets = [frozenset(labels[i] if use else int(i) for i in ids) for ids, _ in found]
    result = pd.DataFrame({"support": np.array([s for _, s in found], dtype=float),
                           "itemsets": pd.Series(itemsets, dtype=object)}, columns=["support", "itemsets"])
    if verbose:
        print(f"{len(result):,} itemsets with missing-value-aware supports")
    return result, n, threshold


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


def _pair_counts(matrix, order) -> np.ndarray:
    """Baskets holding each pair of the items ``order``: a k × k array from one sparse product."""
    sub = matrix[:, order].astype(np.int32)
    return (sub.T @ sub).toarray()


def _items_and_pairs(matrix, threshold: int, max_len: int) -> tuple[int, int]:
    """Exact numbers of frequent items and (if ``max_len >= 2``) frequent pairs."""
    order, _ = _frequent_items(matrix, threshold)
    if max_len < 2 or len(order) < 2:
        return len(order), 0
    return len(order), int(np.count_nonzero(np.triu(_pair_counts(matrix, order) >= threshold, k=1)))


def _eclat(matrix, threshold: int, max_len: int, cap: int = MAX_ITEMSETS) -> list:
    order, counts = _frequent_items(matrix, threshold)
    found = [((int(i),), int(counts[i])) for i in order]
    _check_cap(found, cap)
    if max_len < 2 or len(order) < 2:
        return found
    pairs = _pair_counts(matrix, order)  # pair counts among frequent items, k x k (int32)
    if len(found) + np.count_nonzero(np.triu(pairs >= threshold, k=1)) > cap:
        raise _TooMany
    bits = _bitsets(matrix, order)
    for a in range(len(order)):
        partners = np.flatnonzero(pairs[a, a + 1:] >= threshold) + a + 1
        if not len(partners):
            continue
        inter = bits[a] & bits[partners]
        for j, b in enumerate(partners):
            found.append(((min(order[a], order[b]), max(order[a], order[b])), int(pairs[a, b])))
        if max_len > 2:
            _grow(found, (int(order[a]),), [int(order[b]) for b in partners], inter, threshold, max_len, cap)
    return found


def _grow(found, prefix, items, bits, threshold, max_len, cap):
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
        _check_cap(found, cap)
        if len(head) + 2 <= max_len and len(keep) > 1:
            _grow(found, head, tails, inter[keep], threshold, max_len, cap)


def _apriori(matrix, threshold: int, max_len: int, cap: int = MAX_ITEMSETS) -> list:
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
                    _check_cap(found, cap)
        level = next_level
        size += 1
    return found


def _fpgrowth(matrix, threshold: int, max_len: int, cap: int = MAX_ITEMSETS) -> list:
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
    _fp_mine(transactions, threshold, (), found, max_len, cap)
    return found


def _fp_mine(transactions, threshold, suffix, found, max_len, cap):
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
        _check_cap(found, cap)
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
            _fp_mine(base, threshold, suffix + (item,), found, max_len, cap)


def _mlxtend(data, matrix, labels, min_support, use, max_len, algorithm):
    from mlxtend import frequent_patterns

    if isinstance(data, pd.DataFrame):
        frame = data
    else:
        frame = pd.DataFrame.sparse.from_spmatrix(matrix, columns=labels)
    function = getattr(frequent_patterns, algorithm.removeprefix("mlxtend-"))
    result = function(frame, min_support=min_support, use_colnames=use, max_len=max_len)
    result["itemsets"] = [frozenset(i.item() if isinstance(i, np.generic) else i for i in itemset)
                          for itemset in result["itemsets"]]
    return result.reset_index(drop=True)


def estimate_itemsets(baskets, min_support: float, max_len: int | None = None) -> pd.Series:
    """Bounds on the number of frequent itemsets, from one cheap pass over the baskets.

    ``items`` and ``pairs`` are exact (column sums and one sparse product); ``lower = items + pairs``. Every
    frequent itemset lies within the frequent items of at least ``min_count`` baskets, so with :math:`m_b` the
    frequent items of basket *b* and *L* = ``max_len``

    .. math:: \\text{count} \\le \\text{upper} = \\Big\\lfloor \\sum_b \\sum_{k=1}^{L} \\binom{m_b}{k} \\Big/
              \\text{min\\_count} \\Big\\rfloor,

    capped by :math:`\\sum_{k \\le L} \\binom{\\text{items}}{k}`. The upper bound is loose (often astronomically so when
    a few baskets are very large: see :func:`large_baskets`); it shows when a run is certainly small.

    Parameters
    ----------
    baskets : Baskets, one-hot DataFrame or list of baskets
    min_support : float in (0, 1]
    max_len : int, optional
        Longest itemset counted.

    Returns
    -------
    Series
        ``n_baskets``, ``min_count``, ``items``, ``pairs``, ``lower``, ``upper``.

    Examples
    --------
    >>> han = [["I1", "I2", "I5"], ["I2", "I4"], ["I2", "I3"], ["I1", "I2", "I4"], ["I1", "I3"], ["I2", "I3"],
    ...        ["I1", "I3"], ["I1", "I2", "I3", "I5"], ["I1", "I2", "I3"]]
    >>> estimate_itemsets(han, 2 / 9)[["items", "pairs", "lower", "upper"]].tolist()  # 13 itemsets in fact
    [5, 6, 11, 25]
    """
    matrix, _, _ = _matrix(baskets, None)
    n, width = matrix.shape
    threshold = min_count(min_support, n)
    longest = min(max_len or width, width)
    items, pairs = _items_and_pairs(matrix, threshold, longest) if n and width else (0, 0)
    order, _ = _frequent_items(matrix, threshold) if n and width else (np.zeros(0, dtype=int), None)
    per_basket = np.bincount(np.asarray(matrix[:, order].sum(axis=1)).ravel().astype(np.int64)) if len(order) \
        else np.zeros(1, dtype=np.int64)
    subsets = sum(float(baskets_with) * _subsets(m, longest) for m, baskets_with in enumerate(per_basket) if m)
    upper = min(math.floor(subsets / threshold) if math.isfinite(subsets) else math.inf, _subsets(items, longest))
    return pd.Series({"n_baskets": n, "min_count": threshold, "items": items, "pairs": pairs,
                      "lower": items + pairs, "upper": upper}, dtype=object)


def _subsets(m: int, longest: int) -> float:
    """Non-empty subsets of at most ``longest`` of ``m`` items (a float: it can be astronomically large)."""
    if longest >= m:
        return 2.0 ** m - 1 if m < 1024 else math.inf
    return float(sum(math.comb(m, k) for k in range(1, longest + 1)))


def large_baskets(baskets: Baskets) -> pd.Series:
    """The very large baskets (wholesale orders), which make the number of itemsets explode.

    A basket is large when it holds more items than the 99.9th percentile of basket sizes or at least
    :data:`LARGE_BASKET_ITEMS`. Returns the size limit used, how many baskets pass it, their share of the
    baskets, the smallest and largest of them, and their share of all item occurrences (``matrix.nnz``).

    Parameters
    ----------
    baskets : Baskets

    Returns
    -------
    Series
        ``limit``, ``baskets``, ``share_of_baskets``, ``smallest``, ``largest``, ``share_of_items``.

    Examples
    --------
    >>> b = from_lists([["a"]] * 999 + [[str(i) for i in range(150)]])
    >>> large_baskets(b)[["baskets", "largest"]].tolist(), round(large_baskets(b)["share_of_items"], 3)
    ([1, 150], 0.131)
    """
    sizes = np.diff(baskets.matrix.indptr)
    if not len(sizes):
        return pd.Series({"limit": LARGE_BASKET_ITEMS, "baskets": 0, "share_of_baskets": 0.0, "smallest": 0,
                          "largest": 0, "share_of_items": 0.0}, dtype=object)
    percentile = float(np.quantile(sizes, 0.999))
    large = (sizes > percentile) | (sizes >= LARGE_BASKET_ITEMS)
    return pd.Series({
        "limit": min(math.floor(percentile) + 1, LARGE_BASKET_ITEMS),
        "baskets": int(large.sum()),
        "share_of_baskets": float(large.mean()),
        "smallest": int(sizes[large].min()) if large.any() else 0,
        "largest": int(sizes.max()) if large.any() else 0,
        "share_of_items": float(sizes[large].sum() / max(sizes.sum(), 1)),
    }, dtype=object)


@dataclass
class MinedItemsets:
    """Frequent itemsets with what they were mined from and at: the kit's own mining result.

    Attributes
    ----------
    found : Itemsets
        The itemsets as the miner left them (:mod:`kit.basket.itemsets`): flat arrays from the compiled miner,
        turned into mlxtend's table only when :attr:`itemsets` is first read.
    itemsets : DataFrame
        mlxtend's table: ``support`` and ``itemsets`` (frozensets); built on first use.
    n_transactions : int
        Number of baskets mined (mlxtend's ``num_itemsets``).
    min_support : float
        Support threshold used.
    min_count : int
        The same as a count of baskets: ``min_count(min_support, n_transactions)``.
    algorithm : str
        Miner used (see :data:`ALGORITHMS`).
    max_len : int or None
        Longest itemset mined; ``None`` for no limit.
    requested_min_support : float
        Threshold asked for; above ``min_support`` only when :func:`itemsets_within_caps` raised it.
    raised_because : str
        ``""`` when not raised, else the key of the reason: ``"raised_max_itemsets"`` (more than ``max_itemsets``
        itemsets) or ``"raised_max_rules"`` (``candidate_rules`` > ``max_rules``), at ``requested_min_support``.
    max_itemsets : int
        Cap on the number of itemsets.
    max_rules : int or None
        Cap on the number of candidate rules (:func:`itemsets_within_caps` only).
    consequents : str or None
        Rule shape the candidate rules were counted for (:func:`itemsets_within_caps` only).
    candidate_rules : int or None
        Candidate rules at ``requested_min_support`` when they exceeded ``max_rules``; else ``None``.

    Examples
    --------
    >>> mined = mine_itemsets([["milk", "bread"], ["milk"], ["bread"], ["milk", "bread"]], 0.5)
    >>> mined.n_transactions, mined.min_count, len(mined.itemsets)
    (4, 2, 3)
    """

    found: Itemsets
    n_transactions: int
    min_support: float
    min_count: int
    algorithm: str = "auto"
    max_len: int | None = None
    requested_min_support: float | None = None
    raised_because: str = ""
    max_itemsets: int = MAX_ITEMSETS
    max_rules: int | None = None
    consequents: str | None = None
    candidate_rules: int | None = None

    def __post_init__(self):
        if self.requested_min_support is None:
            self.requested_min_support = self.min_support

    @property
    def itemsets(self) -> pd.DataFrame:
        """mlxtend's table of the itemsets (built from the miner's arrays on first use)."""
        return self.found.table()

    def __len__(self) -> int:
        """Number of itemsets (without building the table)."""
        return len(self.found)

    @property
    def raised(self) -> bool:
        """Whether the threshold used is above the one asked for."""
        return bool(self.raised_because)


def mine_itemsets(baskets, min_support: float, max_len: int | None = None, *, algorithm: str = "auto",
                  use_colnames: bool | None = None, max_itemsets: int = MAX_ITEMSETS) -> MinedItemsets:
    """Frequent itemsets as :func:`frequent_itemsets` finds them, with the number of baskets and the threshold.

    Parameters
    ----------
    baskets : Baskets, one-hot DataFrame or list of baskets
    min_support : float in (0, 1]
        Minimum share of baskets; compared as the count ``min_count(min_support, n)``.
    max_len : int, optional
        Longest itemset to mine.
    algorithm, use_colnames, max_itemsets
        As :func:`frequent_itemsets`.

    Returns
    -------
    MinedItemsets
        The itemsets, ``n_transactions``, ``min_support``, ``min_count``, ``algorithm``, ``max_len``;
        :func:`~kit.basket.rules.association_rules` takes it in place of the table and the basket count.

    Examples
    --------
    >>> han = [["I1", "I2", "I5"], ["I2", "I4"], ["I2", "I3"], ["I1", "I2", "I4"], ["I1", "I3"], ["I2", "I3"],
    ...        ["I1", "I3"], ["I1", "I2", "I3", "I5"], ["I1", "I2", "I3"]]
    >>> mined = mine_itemsets(han, 2 / 9)
    >>> len(mined.itemsets), mined.n_transactions, mined.min_count
    (13, 9, 2)
    """
    found, n, threshold = _mine(baskets, min_support, use_colnames, max_len, 0, 1, False, algorithm, max_itemsets)
    return MinedItemsets(found, n, _share(min_support), threshold, algorithm, max_len, max_itemsets=max_itemsets)


def itemsets_within_caps(baskets, min_support: float, max_len: int | None = None, consequents: str = "single",
                         max_itemsets: int = MAX_ITEMSETS, max_rules: int | None = None) -> MinedItemsets:
    """Frequent itemsets at ``min_support``, or at the smallest ``min_support · 2^j`` whose itemsets and candidate
    rules fit the caps.

    The rule: mine at ``min_support``; while more than ``max_itemsets`` itemsets are found (the miner stops at the
    cap, so a failed try costs at most that many) or their candidate rules with ``consequents``
    (:func:`~kit.basket.rules.rule_count`) exceed ``max_rules``, double ``min_support`` (at most 1).

    Parameters
    ----------
    baskets : Baskets, one-hot DataFrame or list of baskets
    min_support : float in (0, 1]
        Threshold asked for.
    max_len : int, optional
        Longest itemset to mine.
    consequents : {"single", "any"}
        Rule shape the candidate rules are counted for.
    max_itemsets : int
        Cap on the itemsets (default :data:`MAX_ITEMSETS`).
    max_rules : int, optional
        Cap on the candidate rules (default :data:`~kit.basket.rules.MAX_RULES`).

    Returns
    -------
    MinedItemsets
        ``min_support`` is the threshold used, ``requested_min_support`` the one asked for, ``raised_because``
        the key of the first reason to raise it (``""`` when not raised), with ``candidate_rules`` when it was the
        rules.

    Examples
    --------
    >>> many = [list("abcdefghijklmnop")] * 3 + [["a"], ["b"]] * 5
    >>> found = itemsets_within_caps(many, 0.1, max_itemsets=1000)
    >>> found.min_support, found.raised_because, len(found.itemsets)
    (0.4, 'raised_max_itemsets', 2)
    """
    from .rules import MAX_RULES, rule_count

    max_rules = MAX_RULES if max_rules is None else max_rules
    support, why, candidates = min_support, "", None
    while True:
        try:
            found = mine_itemsets(baskets, support, max_len, max_itemsets=max_itemsets)
            rules = rule_count(found, consequents)
            if rules <= max_rules or support >= 1.0:
                break
            reason = "raised_max_rules"
        except KitError:
            if support >= 1.0:
                raise
            reason, rules = "raised_max_itemsets", None
        if not why:
            why, candidates = reason, rules
        support = min(support * 2, 1.0)
    found.requested_min_support = _share(min_support)
    found.raised_because, found.candidate_rules = why, candidates
    found.max_rules, found.consequents = max_rules, consequents
    return found
