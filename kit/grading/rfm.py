"""RFM scores and segments — RFM 评分与客户分群.

Three segment schemes, each a partition of the customers:

- ``"eight"`` — each of R, F, M is *high* (1) or *low* (0) against a threshold; the 2×2×2 combinations are the
  eight segments of the common Chinese scheme (重要价值客户 … 一般挽留客户). R high means *bought recently*
  (recency below the threshold): applying the table to raw recency days swaps 重要价值 and 重要保持.
- ``"six"`` — the course source's six types (重要维护客户 … 无价值客户). The source names six of the eight
  combinations; the kit places the other two with the named type that differs from them **only in
  frequency** (:data:`SIX_PLACEMENT` gives the rule and its reason).
- ``"named"`` — the English R×F map of quintile scores (Champions … Hibernating).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import KitError
from ..present.labels import check_lang, label

MEASURES = ("recency", "frequency", "monetary")
SCORES = ("R", "F", "M")

#: Eight-segment scheme, (R high, F high, M high) -> segment, in the order of importance used for grade changes.
EIGHT = {
    (1, 1, 1): "important_value",
    (1, 0, 1): "important_development",
    (0, 1, 1): "important_retention",
    (0, 0, 1): "important_win_back",
    (1, 1, 0): "general_value",
    (1, 0, 0): "general_development",
    (0, 1, 0): "general_retention",
    (0, 0, 0): "general_win_back",
}

#: The source's six types (arrows on the raw measures: R↓ = recent = R high), in the source's order.
SIX = {
    (1, 1, 1): "six_maintain",             # type 1  R↓ F↑ M↑
    (1, 0, 1): "six_develop",              # type 2  R↓ F↓ M↑
    (1, 1, 0): "six_generally_important",  # type 3  R↓ F↑ M↓
    (0, 1, 1): "six_win_back",             # type 4  R↑ F↑ M↑
    (0, 1, 0): "six_ordinary",             # type 5  R↑ F↑ M↓
    (0, 0, 0): "six_no_value",             # type 6  R↑ F↓ M↓
}
#: The two combinations the source leaves unnamed join the type that differs from them only in frequency (their
#: frequent twin): frequency is the least settled of the three signals -- a recent customer has had little time
#: to buy again -- while recency and spend already say whether the customer is active and how much is at stake.
#: R↑ F↓ M↑ (lapsed big spender) -> type 4, win back; R↓ F↓ M↓ (recent small buyer) -> type 3, maintain at
#: moderate cost.
SIX_PLACEMENT = {(0, 0, 1): (0, 1, 1), (1, 0, 0): (1, 1, 0)}

#: Named segments from R and F quintile scores, in the order of the usual table.
NAMED = (
    ("champions", (5,), (4, 5)),
    ("loyal", (3, 4), (4, 5)),
    ("potential_loyalists", (4, 5), (2, 3)),
    ("new_customers", (5,), (1,)),
    ("promising", (4,), (1,)),
    ("need_attention", (3,), (3,)),
    ("about_to_sleep", (3,), (1, 2)),
    ("at_risk", (1, 2), (3, 4)),
    ("cant_lose", (1, 2), (5,)),
    ("hibernating", (1, 2), (1, 2)),
)

SCHEMES = {
    "eight": list(EIGHT.values()),
    "six": list(SIX.values()),
    "named": [name for name, _, _ in NAMED],
}


def rank_cut(values: pd.Series, bins: int, higher_is_better: bool = True) -> pd.Series:
    """Scores 1..``bins`` from tie-respecting percentile ranks: ``1 + floor(bins * (rank_min - 1) / n)``.

    Customers with equal values always get equal scores; when one value is shared by many customers some
    scores stay empty instead of splitting the tie arbitrarily. ``higher_is_better=False`` reverses the order.

    >>> rank_cut(pd.Series([1, 1, 1, 1, 2, 3, 5, 8, 13, 21]), 5).tolist()
    [1, 1, 1, 1, 3, 3, 4, 4, 5, 5]
    """
    ranks = values.rank(method="min", ascending=higher_is_better)
    return (1 + np.floor(bins * (ranks - 1) / len(values))).astype(int)


def _check_rfm(rfm: pd.DataFrame) -> None:
    missing = [m for m in MEASURES if m not in rfm]
    if missing:
        raise KitError(f"the RFM table has no {', '.join(missing)} column", hint="compute it with kit.rfm_table(tx)")
    if len(rfm) < 2:
        raise KitError(f"the RFM table has {len(rfm)} customer(s): scores and segments compare customers with "
                       "each other", hint="grade at least two customers")


def rfm_scores(rfm: pd.DataFrame, bins: int = 5, method: str = "rank", breaks: dict | None = None) -> pd.DataFrame:
    """R, F and M scores 1..``bins`` (5 = best; R reversed, so 5 = most recent) and the combined code.

    ``method``:

    - ``"rank"`` (default): tie-respecting percentile ranks cut into ``bins`` equal parts (:func:`rank_cut`);
    - ``"quantile"``: ``pd.qcut`` on the values, dropping duplicate edges -- what plain quantile cuts give, shown
      for comparison: with heavy ties they collapse to fewer, renumbered bins;
    - ``"breaks"``: explicit break points, ``breaks={"recency": [30, 90, 180, 365], "frequency": [1, 2, 4, 8],
      "monetary": [...]}`` (``bins - 1`` increasing edges each; a value equal to an edge goes to the lower bin).

    A **constant** measure (every customer has the same value, e.g. the recency of one day of data) cannot rank
    anyone above anyone else: every customer gets score **1** under ``"rank"`` and ``"quantile"`` -- the score
    :func:`rank_cut` gives one tie holding everyone -- and under ``"breaks"`` the bin its value falls in.

    Returns ``R, F, M`` (int), ``RFM`` (the code, e.g. ``"545"``) and ``RFM_sum``. ``result.attrs["bins"]`` reports the
    scores actually obtained per measure and how many customers each holds.

    >>> rfm = pd.DataFrame({"recency": [0, 0, 0], "frequency": [1, 2, 5], "monetary": [10.0, 20.0, 90.0]})
    >>> rfm_scores(rfm, method="quantile")["RFM"].tolist()
    ['111', '133', '155']
    """
    _check_rfm(rfm)
    if not isinstance(bins, (int, np.integer)) or bins < 2:
        raise KitError(f"bins must be a whole number of at least 2, got {bins!r}", hint="use 5 for quintiles")
    out = pd.DataFrame(index=rfm.index)
    for measure, score in zip(MEASURES, SCORES):
        values = rfm[measure]
        better_high = measure != "recency"
        if method == "rank":
            out[score] = rank_cut(values, bins, better_high)
        elif method == "quantile":
            if values.nunique() < 2:  # one value: qcut finds no bin at all
                out[score] = 1
                continue
            codes = pd.qcut(values, bins, labels=False, duplicates="drop")
            n = int(codes.max()) + 1
            out[score] = (codes + 1) if better_high else (n - codes)
        elif method == "breaks":
            edges = (breaks or {}).get(measure)
            if edges is None or len(edges) != bins - 1 or list(edges) != sorted(edges):
                raise KitError(f"breaks for {measure!r} must be {bins - 1} increasing numbers, got {edges!r}",
                               hint="e.g. breaks={'frequency': [1, 2, 4, 8], ...} for 5 bins")
            codes = np.searchsorted(np.asarray(edges, dtype=float), values.to_numpy(dtype=float), side="left")
            out[score] = (codes + 1) if better_high else (bins - codes)
        else:
            raise KitError(f"unknown scoring method {method!r}", hint="use 'rank', 'quantile' or 'breaks'")
        out[score] = out[score].astype(int)
    out["RFM"] = out["R"].astype(str) + out["F"].astype(str) + out["M"].astype(str)
    out["RFM_sum"] = out["R"] + out["F"] + out["M"]
    out.attrs["bins"] = score_bins(out, bins)
    return out


def score_bins(scores: pd.DataFrame, bins: int) -> pd.DataFrame:
    """Customers per score (rows 1..``bins``) for R, F and M; empty scores show 0."""
    return pd.DataFrame({s: scores[s].value_counts().reindex(range(1, bins + 1), fill_value=0) for s in SCORES})


def parse_threshold(value):
    """A threshold from a parameter: ``"mean"``, ``"median"`` or a number (also given as text).

    >>> parse_threshold("3"), parse_threshold("median")
    (3.0, 'median')
    """
    if isinstance(value, str) and value.strip() not in ("mean", "median"):
        try:
            return float(value)
        except ValueError:
            raise KitError(f"threshold {value!r} is not 'mean', 'median' or a number",
                           hint="e.g. threshold='median' or threshold='3'") from None
    return value.strip() if isinstance(value, str) else value


def high_low(rfm: pd.DataFrame, threshold="mean", bins: int = 5) -> pd.DataFrame:
    """``R_high, F_high, M_high`` (0/1) of each customer.

    ``threshold="mean"`` or ``"median"`` compares the raw measures with their mean or median: F and M are high
    above it, R is high when recency is *below* it (bought recently). A number compares the 1..``bins`` scores
    of :func:`rfm_scores`: high when the score is at least that number.

    >>> rfm = pd.DataFrame({"recency": [5, 300], "frequency": [9, 1], "monetary": [900.0, 20.0]}, index=["a", "b"])
    >>> high_low(rfm).to_dict("index")
    {'a': {'R_high': 1, 'F_high': 1, 'M_high': 1}, 'b': {'R_high': 0, 'F_high': 0, 'M_high': 0}}
    """
    _check_rfm(rfm)
    if isinstance(threshold, str):
        if threshold not in ("mean", "median"):
            raise KitError(f"unknown threshold {threshold!r}", hint="use 'mean', 'median' or a score such as 3")
        centre = rfm[list(MEASURES)].agg(threshold)
        return pd.DataFrame({
            "R_high": (rfm["recency"] < centre["recency"]).astype(int),
            "F_high": (rfm["frequency"] > centre["frequency"]).astype(int),
            "M_high": (rfm["monetary"] > centre["monetary"]).astype(int),
        }, index=rfm.index)
    if not 1 <= threshold <= bins:
        raise KitError(f"a score threshold must lie between 1 and {bins}, got {threshold!r}", hint="e.g. 3")
    scores = rfm_scores(rfm, bins)
    return pd.DataFrame({f"{s}_high": (scores[s] >= threshold).astype(int) for s in SCORES}, index=rfm.index)


def rfm_segments(rfm: pd.DataFrame, scheme: str = "eight", threshold="mean", lang: str = "en",
                 bins: int = 5) -> pd.DataFrame:
    """Segment every customer by ``scheme`` (``"eight"``, ``"six"`` or ``"named"``).

    Returns, indexed like ``rfm``: the inputs used (``R_high, F_high, M_high`` or the ``R, F`` scores), ``segment``
    (a stable key such as ``"important_value"``), ``label`` (its name in ``lang``) and ``rank`` (1 = the most
    valuable segment in the scheme's table order). Every customer is in exactly one segment.

    >>> rfm = pd.DataFrame({"recency": [5, 300, 10, 200], "frequency": [9, 8, 1, 1],
    ...                     "monetary": [900.0, 800.0, 20.0, 30.0]}, index=list("abcd"))
    >>> rfm_segments(rfm, "eight")["segment"].tolist()
    ['important_value', 'important_retention', 'general_development', 'general_win_back']
    >>> rfm_segments(rfm, "six", lang="zh")["label"].tolist()
    ['重要维护客户', '重要挽留客户', '一般重要客户', '无价值客户']
    """
    check_lang(lang)
    if scheme not in SCHEMES:
        raise KitError(f"unknown scheme {scheme!r}", hint=f"use one of {', '.join(SCHEMES)}")
    if scheme == "named":
        if bins != 5:
            raise KitError("the named scheme is defined on quintile scores", hint="use bins=5 with scheme='named'")
        scores = rfm_scores(rfm, 5)[["R", "F"]]
        segment = pd.Series(index=rfm.index, dtype=object)
        for name, r_scores, f_scores in NAMED:
            segment[scores["R"].isin(r_scores) & scores["F"].isin(f_scores)] = name
        out = scores.copy()
    else:
        out = high_low(rfm, threshold, bins)
        keys = list(zip(out["R_high"], out["F_high"], out["M_high"]))
        if scheme == "eight":
            segment = pd.Series([EIGHT[k] for k in keys], index=rfm.index)
        else:
            segment = pd.Series([SIX[SIX_PLACEMENT.get(k, k)] for k in keys], index=rfm.index)
    order = SCHEMES[scheme]
    out["segment"] = segment
    out["label"] = [label(s, lang) for s in segment]
    out["rank"] = segment.map({s: i + 1 for i, s in enumerate(order)}).astype(int)
    return out


def segment_summary(segments: pd.DataFrame, rfm: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Customers and value per segment, in the scheme's order: count, share of customers, monetary, share of value,
    mean recency, frequency and monetary."""
    check_lang(lang)
    joined = rfm.join(segments[["segment", "rank"]])
    grouped = joined.groupby("segment")
    table = pd.DataFrame({
        "rank": grouped["rank"].first(),
        "customers": grouped.size(),
        "monetary": grouped["monetary"].sum().round(2),
        "mean_recency": grouped["recency"].mean().round(1),
        "mean_frequency": grouped["frequency"].mean().round(2),
        "mean_monetary": grouped["monetary"].mean().round(2),
    }).sort_values("rank")
    table.insert(2, "customer_share", (table["customers"] / table["customers"].sum()).round(4))
    table.insert(4, "value_share", (table["monetary"] / table["monetary"].sum()).round(4))
    table.insert(0, "label", [label(s, lang) for s in table.index])
    return table.drop(columns="rank")
