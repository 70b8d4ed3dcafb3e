"""Market baskets for people — 购物篮分析的展示: the sentences of notebook 02, built from the figures that
:mod:`kit.basket` returns, in the language asked for.

:func:`kit.basket.placement_pairs` returns the baskets, lift and confidence of each pair; :func:`placement_reasons`
says it in words. :func:`kit.basket.itemsets_within_caps` returns the key of the reason it raised ``min_support``
and the figures; :func:`raised_reason` says it in words. The templates are in :data:`~kit.present.labels.LABELS`.
"""

from __future__ import annotations

import math

import pandas as pd

from .labels import check_lang, label


def placement_reasons(table: pd.DataFrame, lang: str) -> pd.Series:
    """Why each pair of a placement table is worth placing together, in ``lang``.

    Built with ``label("reason_placement", lang).format(**row)``; a row without a number of baskets (rules whose
    basket count was not given) gets ``"reason_placement_lift"`` (the lift only).

    Parameters
    ----------
    table : DataFrame
        :func:`kit.basket.placement_pairs`' table: ``name_a, name_b, baskets, lift, confidence_a_to_b,
        confidence_b_to_a``.
    lang : {"zh", "en"}

    Returns
    -------
    Series of str
        One sentence per row, on the index of ``table``, named ``reason_text``.

    Examples
    --------
    >>> pairs = pd.DataFrame({"name_a": ["cup"], "name_b": ["plate"], "baskets": [2], "lift": [1.25],
    ...                       "confidence_a_to_b": [0.5], "confidence_b_to_a": [1.0]})
    >>> placement_reasons(pairs, "en").iloc[0]
    'together in 2 baskets, 1.2 times as often as by chance; 50% of cup baskets hold plate, 100% the other way'
    """
    check_lang(lang)
    full, short = label("reason_placement", lang), label("reason_placement_lift", lang)
    texts = []
    for row in table.to_dict("records"):
        known = row.get("baskets") is not None and not (isinstance(row["baskets"], float) and math.isnan(row["baskets"]))
        texts.append(full.format(**{**row, "baskets": int(row["baskets"])}) if known else short.format(**row))
    return pd.Series(texts, index=table.index, name="reason_text", dtype=object)


def raised_reason(mined, lang: str) -> str:
    """Why ``min_support`` was raised, in ``lang``; ``""`` when it was not.

    Parameters
    ----------
    mined : kit.basket.MinedItemsets
        The result of :func:`kit.basket.itemsets_within_caps`: ``raised_because`` is the key of the template,
        ``min_support``, ``requested_min_support``, ``max_itemsets``, ``candidate_rules`` and ``max_rules`` its
        figures.
    lang : {"zh", "en"}

    Returns
    -------
    str

    Examples
    --------
    >>> from kit.basket import itemsets_within_caps
    >>> mined = itemsets_within_caps([list("abcdefghijklmnop")] * 3 + [["a"], ["b"]] * 5, 0.1, max_itemsets=1000)
    >>> raised_reason(mined, "en")
    'more than 1,000 frequent itemsets at min_support 0.1: raised to 0.4'
    """
    check_lang(lang)
    if not mined.raised_because:
        return ""
    return label(mined.raised_because, lang).format(
        min_support=mined.min_support, min_support_requested=mined.requested_min_support,
        max_itemsets=mined.max_itemsets, candidate_rules=mined.candidate_rules or 0, max_rules=mined.max_rules or 0,
        consequents=mined.consequents or "")
