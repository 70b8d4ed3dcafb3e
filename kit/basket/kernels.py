"""Compiled itemset-mining kernels (numba) behind the default ``"eclat"`` miner of :mod:`kit.basket.mining`.

This module imports numba; :mod:`kit.basket.mining` imports it only when it mines, and falls back to its
pure-numpy miner when numba is not installed. Every function is compiled once and cached on disk
(``cache=True``), so later processes load the machine code instead of compiling it again.

**The miner** is Eclat with three well-known refinements (Zaki 2000; Borgelt 2003, 2012):

- *items in rank order*: the frequent items are renumbered by rising support (the rarest is 0) and an itemset is
  only extended by items of a higher rank, so every itemset is found once;
- *projected bitsets*: for each frequent item ``a``, the baskets holding ``a`` are numbered 0 … s_a − 1, its
  extensions are counted in one pass over those baskets (occurrence deliver), and the baskets of each frequent
  ``{a, b}`` become a bitset of s_a bits, not n: sparse data get short bitsets, dense data keep cheap ones; deeper
  itemsets are the bitwise AND of two siblings' bitsets and a support is a popcount;
- *perfect extensions*: an item ``e`` held by every basket of an itemset P (support(P ∪ e) = support(P)) is held
  by every basket of every superset of P, so it is set aside instead of being intersected further; every itemset
  Q found below P is then reported together with each subset of the set-aside items, with the support of Q.
  Children are visited in rising conditional support.

The kernel writes flat arrays (item ranks of every itemset one after the other, their lengths and counts) and
stops as soon as more than ``cap`` itemsets are found, so memory stays bounded. :func:`finish` maps the ranks back
to column positions and sorts the itemsets as the kit reports them: shortest first, then by falling support, then
by their column positions.
"""

from __future__ import annotations

import math

import numpy as np
from llvmlite import ir
from numba import njit, types
from numba.extending import intrinsic

#: Statuses returned by :func:`eclat`: done, more than ``cap`` itemsets, and one of its buffers is full (the
#: caller enlarges that buffer and calls again from the root item returned).
DONE, TOO_MANY, MORE_ITEMS, MORE_ITEMSETS, MORE_BITS, MORE_SLOTS = 0, 1, 2, 3, 4, 5


@intrinsic
def _popcount(typingctx, value):
    """The number of set bits of a uint64 (LLVM's ``ctpop``: one instruction on current CPUs)."""
    if not isinstance(value, types.Integer) or value.bitwidth != 64:
        return None

    def codegen(context, builder, signature, args):
        function = builder.module.declare_intrinsic("llvm.ctpop", [ir.IntType(64)])
        return builder.call(function, [args[0]])

    return types.uint64(types.uint64), codegen


@njit(cache=True)
def prepare(indptr, indices, rank, supports):
    """Baskets restricted to the frequent items, renumbered by ``rank`` (-1: not frequent), rows sorted; and the
    baskets of each item (the transpose). ``supports[r]`` is the number of baskets holding the item of rank r.
    Returns (row pointers, items, item pointers, basket numbers).

    One pass over the matrix fills the transpose (its pointers are the running sum of the supports); one pass over
    the transpose, in rank order, fills the rows, so each row comes out sorted without sorting."""
    n = indptr.shape[0] - 1
    m = supports.shape[0]
    col_ptr = np.zeros(m + 1, np.int64)
    for r in range(m):
        col_ptr[r + 1] = col_ptr[r] + supports[r]
    baskets = np.empty(col_ptr[m], np.int32)
    fill = col_ptr[:m].copy()
    row_ptr = np.zeros(n + 1, np.int64)
    for t in range(n):
        kept = 0
        for p in range(indptr[t], indptr[t + 1]):
            r = rank[indices[p]]
            if r >= 0:
                baskets[fill[r]] = t
                fill[r] += 1
                kept += 1
        row_ptr[t + 1] = row_ptr[t] + kept
    items = np.empty(row_ptr[n], np.int32)
    row_fill = row_ptr[:n].copy()
    for r in range(m):
        for p in range(col_ptr[r], col_ptr[r + 1]):
            t = baskets[p]
            items[row_fill[t]] = r
            row_fill[t] += 1
    return row_ptr, items, col_ptr, baskets


@njit(cache=True)
def _sort_by_count(perm, start, length, counts, scratch):
    """Sort ``perm[start:start + length]`` (slot numbers) by rising ``counts[slot]``, stably, without allocating
    (insertion sort of runs of 32, then bottom-up merges through ``scratch``, at least ``length`` long)."""
    run = 32
    for lo in range(start, start + length, run):
        hi = min(lo + run, start + length)
        for x in range(lo + 1, hi):
            slot = perm[x]
            c = counts[slot]
            y = x - 1
            while y >= lo and counts[perm[y]] > c:
                perm[y + 1] = perm[y]
                y -= 1
            perm[y + 1] = slot
    width = run
    while width < length:
        for lo in range(0, length, 2 * width):
            mid = min(lo + width, length)
            hi = min(lo + 2 * width, length)
            x, y, z = lo, mid, lo
            while x < mid and y < hi:
                if counts[perm[start + y]] < counts[perm[start + x]]:
                    scratch[z] = perm[start + y]
                    y += 1
                else:
                    scratch[z] = perm[start + x]
                    x += 1
                z += 1
            while x < mid:
                scratch[z] = perm[start + x]
                x += 1
                z += 1
            while y < hi:
                scratch[z] = perm[start + y]
                y += 1
                z += 1
        for x in range(length):
            perm[start + x] = scratch[x]
        width *= 2


@njit(cache=True)
def _root_one_pass(a, support, words, min_count, row_ptr, items, col_ptr, baskets, tally, slot_of, touched, extra,
                   slot_item, slot_count, perm, scratch, bits):
    """The children of root item ``a`` on dense data: one pass over the baskets of a gives a bitset (one bit per
    basket of a) and a count for every item above a in them; the frequent ones keep their slots, listed in ``perm``
    just below the first free slot, sorted by rising count; perfect extensions go to ``extra``.

    Returns (k0 children, n_extra, position of the first child in ``perm``), or k0 = -1 when ``bits`` is full."""
    n_touched, k0, n_extra = 0, 0, 0
    n_bits = bits.shape[0]
    for i in range(col_ptr[a + 1] - col_ptr[a]):
        t = baskets[col_ptr[a] + i]
        word = i >> 6
        bit = np.uint64(1) << np.uint64(i & 63)
        for q in range(row_ptr[t + 1] - 1, row_ptr[t] - 1, -1):
            b = items[q]
            if b <= a:
                break
            s = slot_of[b]
            if s < 0:
                s = n_touched
                if (s + 1) * words > n_bits:
                    for x in range(n_touched):
                        slot_of[touched[x]] = -1
                        tally[x] = 0
                    return -1, 0, 0
                slot_of[b] = s
                touched[s] = b
                n_touched += 1
                bits[s * words:(s + 1) * words] = 0
            bits[s * words + word] |= bit
            tally[s] += 1
    for s in range(n_touched):
        b = touched[s]
        c = tally[s]
        tally[s] = 0
        slot_of[b] = -1
        if c >= min_count:
            if c == support:
                extra[n_extra] = b
                n_extra += 1
            else:
                slot_item[s] = b
                slot_count[s] = c
                scratch[k0] = s
                k0 += 1
    start0 = n_touched - k0  # children of the children are given slots from n_touched on
    for x in range(k0):
        perm[start0 + x] = scratch[x]
    if k0:
        _sort_by_count(perm, start0, k0, slot_count, scratch)
    return k0, n_extra, start0


@njit(cache=True)
def _root_two_passes(a, support, words, min_count, row_ptr, items, col_ptr, baskets, tally, slot_of, touched, extra,
                     slot_item, slot_count, perm, scratch, bits):
    """The children of root item ``a`` on sparse data: a first pass counts the items above a in the baskets of a,
    a second builds bitsets for the frequent ones only (slots 0 … k0 − 1, sorted by rising count in ``perm``);
    perfect extensions go to ``extra``. Returns as :func:`_root_one_pass`."""
    n_touched, k0, n_extra = 0, 0, 0
    for p in range(col_ptr[a], col_ptr[a + 1]):
        t = baskets[p]
        for q in range(row_ptr[t + 1] - 1, row_ptr[t] - 1, -1):
            b = items[q]
            if b <= a:
                break
            if tally[b] == 0:
                touched[n_touched] = b
                n_touched += 1
            tally[b] += 1
    for x in range(n_touched):
        b = touched[x]
        c = tally[b]
        tally[b] = 0
        if c >= min_count:
            if c == support:
                extra[n_extra] = b
                n_extra += 1
            else:
                slot_item[k0] = b
                slot_count[k0] = c
                perm[k0] = k0
                k0 += 1
    if not k0:
        return 0, n_extra, 0
    if k0 * words > bits.shape[0]:
        return -1, 0, 0
    _sort_by_count(perm, 0, k0, slot_count, scratch)
    bits[:k0 * words] = 0
    for x in range(k0):
        slot_of[slot_item[x]] = x
    for i in range(col_ptr[a + 1] - col_ptr[a]):
        t = baskets[col_ptr[a] + i]
        word = i >> 6
        bit = np.uint64(1) << np.uint64(i & 63)
        for q in range(row_ptr[t + 1] - 1, row_ptr[t] - 1, -1):
            b = items[q]
            if b <= a:
                break
            s = slot_of[b]
            if s >= 0:
                bits[s * words + word] |= bit
    for x in range(k0):
        slot_of[slot_item[x]] = -1
    return k0, n_extra, 0


@njit(cache=True)
def _emit(prefix, qlen, count, extra, n_extra, max_len, cap, out_items, n_items, out_len, out_cnt, n_out,
          chosen, position):
    """Write itemset ``prefix[:qlen]`` and its unions with every subset of ``extra[:n_extra]`` (perfect extensions)
    of at most ``max_len`` items, all with ``count``. Returns (status, n_items, n_out): :data:`TOO_MANY` when
    that makes more than ``cap`` itemsets, ``MORE_ITEMSETS`` / ``MORE_ITEMS`` when a buffer is too short (nothing
    written then)."""
    room = min(max_len - qlen, n_extra)
    total = 1  # the number of itemsets: sum over i <= room of C(n_extra, i)
    term = 1
    for i in range(1, room + 1):
        term = term * (n_extra - i + 1) // i
        total += term
        if n_out + total > cap:
            return TOO_MANY, n_items, n_out
    if n_out + total > cap:
        return TOO_MANY, n_items, n_out
    if n_out + total > out_len.shape[0]:
        return MORE_ITEMSETS, n_items, n_out
    if n_items + total * (qlen + room) > out_items.shape[0]:
        return MORE_ITEMS, n_items, n_out
    for x in range(qlen):
        out_items[n_items + x] = prefix[x]
    n_items += qlen
    out_len[n_out] = qlen
    out_cnt[n_out] = count
    n_out += 1
    if room == 0:
        return DONE, n_items, n_out
    depth = 0  # depth-first over the subsets, each extra item after the previous one
    position[0] = 0
    while depth >= 0:
        if position[depth] < n_extra and depth < room:
            chosen[depth] = extra[position[depth]]
            position[depth] += 1
            for x in range(qlen):
                out_items[n_items + x] = prefix[x]
            for x in range(depth + 1):
                out_items[n_items + qlen + x] = chosen[x]
            n_items += qlen + depth + 1
            out_len[n_out] = qlen + depth + 1
            out_cnt[n_out] = count
            n_out += 1
            position[depth + 1] = position[depth]
            depth += 1
        else:
            depth -= 1
    return DONE, n_items, n_out


@njit(cache=True)
def eclat(row_ptr, items, col_ptr, baskets, counts, min_count, max_len, cap, first, n_out, n_items,
          out_items, out_len, out_cnt, bits, slot_item, slot_count, perm):
    """All itemsets of the ranked frequent items (:func:`prepare`) held by at least ``min_count`` baskets, of at
    most ``max_len`` items, whose first (rarest) item has rank ``first`` or more. ``counts[r]`` is the support of
    the item of rank r (all reach ``min_count``).

    Itemsets are written from position ``n_out`` (their items from ``n_items``) of the output buffers: item ranks
    one itemset after the other (``out_items``), lengths and counts. ``bits``, ``slot_item``, ``slot_count``
    and ``perm`` are work space. No array is allocated or replaced in the loops (numba would count references on
    every pass); when a buffer is full the kernel returns at once.

    Returns (status, root, n_out, n_items): :data:`DONE`; :data:`TOO_MANY` when more than ``cap`` itemsets are
    frequent; or which buffer is full, with the root item to start again from and the counts written before it.
    """
    m = counts.shape[0]
    tally = np.zeros(m, np.int64)
    slot_of = np.full(m, -1, np.int64)
    touched = np.empty(m, np.int32)
    prefix = np.empty(m + 1, np.int32)
    extra = np.empty(m + 1, np.int32)
    chosen = np.empty(m + 2, np.int32)
    position = np.empty(m + 2, np.int64)
    level_start = np.empty(m + 1, np.int64)
    level_size = np.empty(m + 1, np.int64)
    level_next = np.empty(m + 1, np.int64)
    level_extra = np.empty(m + 1, np.int64)
    scratch = np.empty(m + 1, np.int64)
    n_slots = slot_item.shape[0]
    n_bits = bits.shape[0]
    for a in range(first, m):
        root_out = n_out
        root_items = n_items
        support = counts[a]
        prefix[0] = a
        words = (support + 63) >> 6
        k0, n_extra, start0 = 0, 0, 0
        if max_len >= 2:
            scanned = 0
            for p in range(col_ptr[a], col_ptr[a + 1]):
                t = baskets[p]
                scanned += row_ptr[t + 1] - row_ptr[t]
            if (m - a - 1) * words <= scanned // 2:
                k0, n_extra, start0 = _root_one_pass(a, support, words, min_count, row_ptr, items, col_ptr, baskets,
                                                     tally, slot_of, touched, extra, slot_item, slot_count, perm,
                                                     scratch, bits)
            else:
                k0, n_extra, start0 = _root_two_passes(a, support, words, min_count, row_ptr, items, col_ptr,
                                                       baskets, tally, slot_of, touched, extra, slot_item,
                                                       slot_count, perm, scratch, bits)
            if k0 < 0:
                return MORE_BITS, a, root_out, root_items
        status, n_items, n_out = _emit(prefix, 1, support, extra, n_extra, max_len, cap, out_items, n_items,
                                       out_len, out_cnt, n_out, chosen, position)
        if status != DONE:
            return status, a, root_out, root_items
        if not k0:
            continue
        depth = 0
        level_start[0] = start0
        level_size[0] = k0
        level_next[0] = 0
        level_extra[0] = n_extra
        while depth >= 0:
            j = level_next[depth]
            size = level_size[depth]
            if j >= size:
                depth -= 1
                continue
            level_next[depth] = j + 1
            n_extra = level_extra[depth]
            start = level_start[depth]
            sj = perm[start + j]
            count = slot_count[sj]
            prefix[depth + 1] = slot_item[sj]
            qlen = depth + 2
            child = start + size
            n_child = 0
            if qlen < max_len and j + 1 < size:
                need = child + size - j - 1
                if need > n_slots:
                    return MORE_SLOTS, a, root_out, root_items
                if need * words > n_bits:
                    return MORE_BITS, a, root_out, root_items
                base_j = sj * words
                for l in range(j + 1, size):
                    sl = perm[start + l]
                    base_l = sl * words
                    target = child + n_child
                    base_t = target * words
                    total = np.uint64(0)
                    for w in range(words):
                        v = bits[base_j + w] & bits[base_l + w]
                        bits[base_t + w] = v
                        total += _popcount(v)
                    c = np.int64(total)
                    if c >= min_count:
                        if c == count:
                            extra[n_extra] = slot_item[sl]
                            n_extra += 1
                        else:
                            slot_item[target] = slot_item[sl]
                            slot_count[target] = c
                            perm[target] = target
                            n_child += 1
            status, n_items, n_out = _emit(prefix, qlen, count, extra, n_extra, max_len, cap, out_items, n_items,
                                           out_len, out_cnt, n_out, chosen, position)
            if status != DONE:
                return status, a, root_out, root_items
            if n_child:
                _sort_by_count(perm, child, n_child, slot_count, scratch)
                depth += 1
                level_start[depth] = child
                level_size[depth] = n_child
                level_next[depth] = 0
                level_extra[depth] = n_extra
    return DONE, m, n_out, n_items


@njit(cache=True)
def _bit_length(value):
    """Bits needed to write ``value`` (at least 1)."""
    bits = 1
    while value >> bits:
        bits += 1
    return bits


@njit(cache=True)
def _put(keys, row, position, value, width):
    """Write ``value`` (``width`` bits) into the multi-word key ``keys[row]`` at bit ``position`` from the top of
    its first word (big-endian: the first field is the most significant). Returns the next position."""
    word = position >> 6
    used = position & 63
    value = np.uint64(value)
    if used + width <= 64:
        keys[row, word] |= value << np.uint64(64 - used - width)
    else:
        rest = used + width - 64
        keys[row, word] |= value >> np.uint64(rest)
        keys[row, word + 1] |= (value & ((np.uint64(1) << np.uint64(rest)) - np.uint64(1))) << np.uint64(64 - rest)
    return position + width


@njit(cache=True)
def _row_before(keys, a, b, first_word):
    """Whether key row ``a`` is smaller than key row ``b``, comparing from word ``first_word`` on."""
    for w in range(first_word, keys.shape[1]):
        if keys[a, w] != keys[b, w]:
            return keys[a, w] < keys[b, w]
    return False


@njit(cache=True)
def _sort_ties(index, lo, hi, keys):
    """Sort ``index[lo:hi]`` (rows whose first key words are equal) by their remaining key words."""
    length = hi - lo
    if length <= 16:
        for x in range(lo + 1, hi):
            v = index[x]
            y = x - 1
            while y >= lo and _row_before(keys, v, index[y], 1):
                index[y + 1] = index[y]
                y -= 1
            index[y + 1] = v
        return
    scratch = np.empty(length, np.int64)
    width = 1
    while width < length:
        for left in range(0, length, 2 * width):
            mid = min(left + width, length)
            right = min(left + 2 * width, length)
            x, y, z = left, mid, left
            while x < mid and y < right:
                if _row_before(keys, index[lo + y], index[lo + x], 1):
                    scratch[z] = index[lo + y]
                    y += 1
                else:
                    scratch[z] = index[lo + x]
                    x += 1
                z += 1
            while x < mid:
                scratch[z] = index[lo + x]
                x += 1
                z += 1
            while y < right:
                scratch[z] = index[lo + y]
                y += 1
                z += 1
        for x in range(length):
            index[lo + x] = scratch[x]
        width *= 2


@njit(cache=True)
def finish(out_items, out_len, out_cnt, column_of, n_columns):
    """Itemsets as column positions, in the kit's order: by length, then falling count, then column positions.

    ``out_items`` holds the item ranks of each itemset one after the other, ``column_of`` maps a rank to its
    column (of ``n_columns``). Returns (columns, counts, sizes): ``columns`` holds the sorted column positions of
    each itemset one after the other, all itemsets of one length together (a ``(sizes[k], k)`` block per length),
    ``counts`` the count of each itemset in that order and ``sizes[k]`` the number of itemsets of k items.

    Within one length the order is that of a key packed into as few 64-bit words as it takes: the falling count,
    then each column position, most significant first; the first words are sorted and ties are broken on the rest.
    """
    n = out_len.shape[0]
    offset = np.empty(n + 1, np.int64)
    offset[0] = 0
    longest = 0
    low = out_cnt[0]
    high = out_cnt[0]
    for i in range(n):
        offset[i + 1] = offset[i] + out_len[i]
        longest = max(longest, out_len[i])
        low = min(low, out_cnt[i])
        high = max(high, out_cnt[i])
    count_bits = _bit_length(high - low)
    column_bits = _bit_length(max(n_columns - 1, 1))
    sizes = np.zeros(longest + 1, np.int64)
    for i in range(n):
        sizes[out_len[i]] += 1
    first = np.zeros(longest + 2, np.int64)
    for k in range(1, longest + 1):
        first[k + 1] = first[k] + sizes[k]
    member = np.empty(n, np.int64)
    fill = first.copy()
    for i in range(n):
        member[fill[out_len[i]]] = i
        fill[out_len[i]] += 1
    sorted_columns = np.empty(offset[n], np.int64)
    sorted_counts = np.empty(n, np.int64)
    row = np.empty(longest, np.int64)
    z = 0
    for k in range(1, longest + 1):
        rows = sizes[k]
        if not rows:
            continue
        words = (count_bits + k * column_bits + 63) >> 6
        keys = np.zeros((rows, words), np.uint64)
        block = np.empty((rows, k), np.int64)
        counts = np.empty(rows, np.int64)
        for r in range(rows):
            i = member[first[k] + r]
            counts[r] = out_cnt[i]
            for x in range(k):  # the item's columns, sorted
                v = column_of[out_items[offset[i] + x]]
                y = x - 1
                while y >= 0 and row[y] > v:
                    row[y + 1] = row[y]
                    y -= 1
                row[y + 1] = v
            position = _put(keys, r, 0, high - out_cnt[i], count_bits)
            for x in range(k):
                block[r, x] = row[x]
                position = _put(keys, r, position, row[x], column_bits)
        head = keys[:, 0].copy()
        index = np.argsort(head)
        if words > 1:
            lo = 0
            while lo < rows:
                hi = lo + 1
                while hi < rows and head[index[hi]] == head[index[lo]]:
                    hi += 1
                if hi - lo > 1:
                    _sort_ties(index, lo, hi, keys)
                lo = hi
        for r in range(rows):
            source = index[r]
            sorted_counts[first[k] + r] = counts[source]
            for x in range(k):
                sorted_columns[z + x] = block[source, x]
            z += k
    return sorted_columns, sorted_counts, sizes


@njit(cache=True)
def _log_choose(n, k):
    return math.lgamma(n + 1.0) - math.lgamma(k + 1.0) - math.lgamma(n - k + 1.0)


@njit(cache=True)
def hypergeom_sf(held, n, n_a, n_c):
    """One-sided Fisher p-values P(X >= held), X ~ Hypergeometric(n baskets, n_a with A, n_c drawn), per rule.

    The first term comes from log-gamma functions, the others from the ratio of neighbouring terms. Above the
    mode the upper tail is summed; below it, one minus the lower tail (then the p-value is large and the difference
    loses nothing). A sum stops when its terms fall below 1e-17 of it."""
    out = np.empty(held.shape[0])
    for r in range(held.shape[0]):
        k, big, drawn = held[r], n_a[r], n_c[r]
        lo = max(0.0, drawn - (n - big))
        hi = min(big, drawn)
        if k <= lo:
            out[r] = 1.0
            continue
        if k > hi:
            out[r] = 0.0
            continue
        log_total = _log_choose(n, drawn)
        mode = math.floor((drawn + 1.0) * (big + 1.0) / (n + 2.0))
        if k > mode:
            x = k
            term = math.exp(_log_choose(big, x) + _log_choose(n - big, drawn - x) - log_total)
            total = term
            while x < hi:
                term *= (big - x) * (drawn - x) / ((x + 1.0) * (n - big - drawn + x + 1.0))
                total += term
                x += 1.0
                if term < total * 1e-17:
                    break
            out[r] = min(total, 1.0)
        else:
            x = k - 1.0
            term = math.exp(_log_choose(big, x) + _log_choose(n - big, drawn - x) - log_total)
            total = term
            while x > lo:
                term *= x * (n - big - drawn + x) / ((big - x + 1.0) * (drawn - x + 1.0))
                total += term
                x -= 1.0
                if term < total * 1e-17:
                    break
            out[r] = max(1.0 - total, 0.0)
    return out
