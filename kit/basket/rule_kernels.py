"""Compiled kernels (numba) behind :func:`~kit.basket.rules.association_rules` and
:func:`~kit.basket.rules.is_redundant`.

Itemsets arrive as integer codes: the items of itemset *i* are ``codes[start[i]:start[i + 1]]``, sorted. A hash
table over the itemsets (open addressing, linear probing; a 64-bit hash of the codes, the codes compared on a
match) finds the index of any itemset, so

- **rule splits** (:func:`split_rules`) enumerate each itemset's rules A ⇒ C in the order of the Python loop
  they replace (for each itemset in table order: ``{} ⇒ X`` when asked, then one item on the right in code order,
  or every consequent size 1 … k − 1 in lexicographic order of positions) and look up A and C: O(k) per rule;
- **redundancy** (:func:`redundant_rules`) looks up every proper non-empty subset A' of A and A' ∪ C:
  O(2^|A|) per rule.

Every function is compiled once and cached on disk (``cache=True``).
"""

from __future__ import annotations

import numpy as np
from numba import njit

#: Marks in the antecedent / consequent arrays: the empty itemset, and an itemset not in the table.
EMPTY, ABSENT = -1, -2


@njit(cache=True)
def _mix(h):
    """splitmix64's finaliser: every input bit changes every output bit with probability about ½."""
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return h


@njit(cache=True)
def _hash(values, lo, hi):
    """Hash of the code sequence ``values[lo:hi]``."""
    h = np.uint64(hi - lo)
    for x in range(lo, hi):
        h = _mix(h ^ np.uint64(values[x] + 1) * np.uint64(0x9E3779B97F4A7C15))
    return h


@njit(cache=True)
def _same(codes, start, i, query, length):
    """Whether itemset ``i`` holds exactly the codes ``query[:length]``."""
    lo = start[i]
    if start[i + 1] - lo != length:
        return False
    for x in range(length):
        if codes[lo + x] != query[x]:
            return False
    return True


@njit(cache=True)
def index_itemsets(codes, start):
    """Hash table of the itemsets: slot -> itemset index (-1: free), 2–4 slots per itemset. Returns (table, the
    index of an itemset listed twice or -1)."""
    n = start.shape[0] - 1
    size = 8
    while size < 2 * n:
        size *= 2
    table = np.full(size, -1, np.int64)
    mask = np.uint64(size - 1)
    query = np.empty(max(1, codes.shape[0]), np.int64)
    for i in range(n):
        lo, hi = start[i], start[i + 1]
        for x in range(lo, hi):
            query[x - lo] = codes[x]
        slot = np.int64(_hash(codes, lo, hi) & mask)
        while table[slot] != -1:
            if _same(codes, start, table[slot], query, hi - lo):
                return table, i
            slot = (slot + 1) & (size - 1)
        table[slot] = i
    return table, -1


@njit(cache=True)
def find(table, codes, start, query, length):
    """Index of the itemset holding exactly the sorted codes ``query[:length]``; :data:`EMPTY` for no codes,
    :data:`ABSENT` when it is not in the table."""
    if length == 0:
        return EMPTY
    size = table.shape[0]
    slot = np.int64(_hash(query, 0, length) & np.uint64(size - 1))
    while table[slot] != -1:
        if _same(codes, start, table[slot], query, length):
            return table[slot]
        slot = (slot + 1) & (size - 1)
    return ABSENT


@njit(cache=True)
def split_rules(codes, start, table, single, min_len, empty_rules, total):
    """The ``total`` candidate rules of the itemsets (``total`` as :func:`~kit.basket.rules.rule_count` gives it).

    ``single``: one item on the right, else every split; ``empty_rules``: also {} ⇒ X, for single items (or every
    itemset when not ``single``); itemsets of fewer than ``max(2, min_len)`` items give no other rule.

    Returns (itemset, antecedent, consequent) index arrays, one entry per rule (:data:`EMPTY` for the empty
    antecedent, :data:`ABSENT` where the table lacks it), and the codes of the first itemset found lacking
    (``missing[:missing_length]``)."""
    n = start.shape[0] - 1
    rule_itemset = np.empty(total, np.int64)
    antecedent = np.empty(total, np.int64)
    consequent = np.empty(total, np.int64)
    longest = 1
    for i in range(n):
        longest = max(longest, start[i + 1] - start[i])
    left = np.empty(longest, np.int64)
    right = np.empty(longest, np.int64)
    position = np.empty(longest, np.int64)
    chosen = np.zeros(longest, np.bool_)
    missing = np.empty(longest, np.int64)
    missing_length = -1
    smallest = max(2, min_len)
    r = 0
    for i in range(n):
        lo = start[i]
        k = start[i + 1] - lo
        if empty_rules and k >= 1 and (k == 1 or not single):
            rule_itemset[r], antecedent[r], consequent[r] = i, EMPTY, i
            r += 1
        if k < smallest:
            continue
        sizes_from, sizes_to = (1, 2) if single else (1, k)
        for size in range(sizes_from, sizes_to):
            for x in range(size):
                position[x] = x
            while True:
                for x in range(k):
                    chosen[x] = False
                for x in range(size):
                    chosen[position[x]] = True
                a, c = 0, 0
                for x in range(k):
                    if chosen[x]:
                        right[c] = codes[lo + x]
                        c += 1
                    else:
                        left[a] = codes[lo + x]
                        a += 1
                rule_itemset[r] = i
                antecedent[r] = find(table, codes, start, left, a)
                consequent[r] = find(table, codes, start, right, c)
                if missing_length < 0 and (antecedent[r] == ABSENT or consequent[r] == ABSENT):
                    missing_length = a if antecedent[r] == ABSENT else c
                    for x in range(missing_length):
                        missing[x] = left[x] if antecedent[r] == ABSENT else right[x]
                r += 1
                # the next combination of ``size`` positions out of k, in lexicographic order
                x = size - 1
                while x >= 0 and position[x] == k - size + x:
                    x -= 1
                if x < 0:
                    break
                position[x] += 1
                for y in range(x + 1, size):
                    position[y] = position[y - 1] + 1
    return rule_itemset[:r], antecedent[:r], consequent[:r], missing, max(missing_length, 0)


@njit(cache=True)
def gather(codes, start, index):
    """The codes of the itemsets ``index`` (:data:`EMPTY`: no codes) as (codes, start) of their own."""
    m = index.shape[0]
    out_start = np.zeros(m + 1, np.int64)
    for r in range(m):
        i = index[r]
        out_start[r + 1] = out_start[r] + (start[i + 1] - start[i] if i >= 0 else 0)
    out = np.empty(out_start[m], np.int64)
    for r in range(m):
        i = index[r]
        if i >= 0:
            for x in range(start[i + 1] - start[i]):
                out[out_start[r] + x] = codes[start[i] + x]
    return out, out_start


@njit(cache=True)
def redundant_rules(codes, start, support, table, a_codes, a_start, c_codes, c_start, confidence, c_support):
    """arules' redundancy of each rule A ⇒ C (A, C as sorted codes): some A' ⊊ A, the empty set included, has
    conf(A' ⇒ C) = s(A' ∪ C) / s(A') ≥ conf(A ⇒ C) − 1e-12. The empty A' gives s(C); A' or A' ∪ C missing from the
    table is skipped. Antecedents of more than 62 items are judged on the empty A' only."""
    m = confidence.shape[0]
    flags = np.zeros(m, np.bool_)
    longest = 1
    for r in range(m):
        longest = max(longest, a_start[r + 1] - a_start[r] + c_start[r + 1] - c_start[r])
    sub = np.empty(longest, np.int64)
    union = np.empty(longest, np.int64)
    for r in range(m):
        k = a_start[r + 1] - a_start[r]
        level = confidence[r] - 1e-12
        if k == 0:
            continue
        if c_support[r] >= level:
            flags[r] = True
            continue
        if k < 2 or k > 62:
            continue
        a_lo, c_lo, c_len = a_start[r], c_start[r], c_start[r + 1] - c_start[r]
        for mask in range(1, (1 << k) - 1):
            s = 0
            for x in range(k):
                if (mask >> x) & 1:
                    sub[s] = a_codes[a_lo + x]
                    s += 1
            x, y, u = 0, 0, 0  # merge the sorted sub and C
            while x < s or y < c_len:
                if y >= c_len or (x < s and sub[x] < c_codes[c_lo + y]):
                    union[u] = sub[x]
                    x += 1
                else:
                    union[u] = c_codes[c_lo + y]
                    y += 1
                u += 1
            general = find(table, codes, start, sub, s)
            both = find(table, codes, start, union, u)
            if general >= 0 and both >= 0 and support[both] / support[general] >= level:
                flags[r] = True
                break
    return flags


@njit(cache=True)
def sort_within(codes, start):
    """Sort each itemset's codes in place (insertion sort: itemsets are short)."""
    for i in range(start.shape[0] - 1):
        for x in range(start[i] + 1, start[i + 1]):
            v = codes[x]
            y = x - 1
            while y >= start[i] and codes[y] > v:
                codes[y + 1] = codes[y]
                y -= 1
            codes[y + 1] = v
