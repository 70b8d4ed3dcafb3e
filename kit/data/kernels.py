"""Compiled kernels (numba) of the data layer, imported only when used and cached on disk (``cache=True``)."""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def most_common_codes(key_codes, value_codes, n_keys, n_values):
    """For each key code, the value code on most rows, ties to the value the key's first rows show first.

    The rows are grouped by key with a counting sort that keeps their order; each key's values are then counted in
    one pass with a counter per value (reset through the list of values it touched): O(rows + keys), no sort."""
    n = key_codes.shape[0]
    start = np.zeros(n_keys + 1, np.int64)
    for i in range(n):
        start[key_codes[i] + 1] += 1
    for k in range(n_keys):
        start[k + 1] += start[k]
    rows = np.empty(n, np.int64)
    fill = start[:n_keys].copy()
    for i in range(n):
        k = key_codes[i]
        rows[fill[k]] = i
        fill[k] += 1
    count = np.zeros(n_values, np.int64)
    touched = np.empty(n_values, np.int64)
    best = np.full(n_keys, -1, np.int64)
    for k in range(n_keys):
        seen = 0
        for p in range(start[k], start[k + 1]):
            v = value_codes[rows[p]]
            if count[v] == 0:
                touched[seen] = v
                seen += 1
            count[v] += 1
        top = 0
        for x in range(seen):  # in order of first appearance: the first with the highest count wins
            v = touched[x]
            if count[v] > top:
                top = count[v]
                best[k] = v
            count[v] = 0
    return best
