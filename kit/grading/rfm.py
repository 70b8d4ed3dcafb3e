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
    """Scores 1..``bins`` from tie-respecting percentile ranks.

    ``score = 1 + floor(bins * (rank_min - 1) / n)``, where ``rank_min`` is the smallest rank of a tied group.
    Customers with equal values always get equal scores; when one value is shared by many customers some
    scores stay empty instead of splitting the tie arbitrarily.

    Parameters
    ----------
    values : Series
        One value per customer.
    bins : int
        Number of scores.
    higher_is_better : bool, default True
        ``False`` reverses the order (the smallest value gets the top score, as for recency).

    Returns
    -------
    Series of int
        The score of each customer, indexed like ``values``.

    Examples
    --------
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


def _check_bins(bins) -> None:
    if isinstance(bins, bool) or not isinstance(bins, (int, np.integer)) or bins < 2:
        raise KitError(f"bins must be a whole number of at least 2, got {bins!r}", hint="use 5 for quintiles")


def rfm_scores(rfm: pd.DataFrame, bins: int = 5, method: str = "rank", breaks: dict | None = None) -> pd.DataFrame:
    """R, F and M scores 1..``bins`` (5 = best; R reversed, so 5 = most recent) and the combined code.

    A **constant** measure (every customer has the same value, e.g. the recency of one day of data) cannot rank
    anyone above anyone else: every customer gets score **1** under ``"rank"`` and ``"quantile"`` -- the score
    :func:`rank_cut` gives one tie holding everyone -- and under ``"breaks"`` the bin its value falls in.
    :func:`score_bins` counts the customers each score holds.

    Parameters
    ----------
    rfm : DataFrame
        The customer table (``recency``, ``frequency``, ``monetary``), at least two customers.
    bins : int, default 5
        Number of scores per measure.
    method : {"rank", "quantile", "breaks"}
        ``"rank"``: tie-respecting percentile ranks cut into ``bins`` equal parts,
        ``1 + floor(bins * (rank_min - 1) / n)`` (:func:`rank_cut`); ``"quantile"``: ``pd.qcut`` on the values,
        dropping duplicate edges -- what plain quantile cuts give, shown for comparison: with heavy ties they
        collapse to fewer, renumbered bins; ``"breaks"``: explicit break points (a value equal to an edge goes to
        the lower bin).
    breaks : dict, optional
        For ``method="breaks"``: ``bins - 1`` increasing edges per measure, e.g.
        ``{"recency": [30, 90, 180, 365], "frequency": [1, 2, 4, 8], "monetary": [...]}``.

    Returns
    -------
    DataFrame
        Indexed like ``rfm``: ``R, F, M`` (int), ``RFM`` (the code, e.g. ``"545"``) and
        ``RFM_sum = R + F + M``.

    Examples
    --------
    >>> rfm = pd.DataFrame({"recency": [0, 0, 0], "frequency": [1, 2, 5], "monetary": [10.0, 20.0, 90.0]})
    >>> rfm_scores(rfm, method="quantile")["RFM"].tolist()
    ['111', '133', '155']
    """
    _check_rfm(rfm)
    _check_bins(bins)
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
    return out


def score_bins(scores: pd.DataFrame, bins: int = 5) -> pd.DataFrame:
    """Customers per score for R, F and M: which scores were obtained, and how many customers each holds.

    Parameters
    ----------
    scores : DataFrame
        The scores of :func:`rfm_scores` (columns ``R``, ``F``, ``M``).
    bins : int, default 5
        The ``bins`` the scores were computed with.

    Returns
    -------
    DataFrame
        Rows 1..``bins`` (the score), columns ``R``, ``F``, ``M``: number of customers; an empty score shows 0.

    Examples
    --------
    >>> rfm = pd.DataFrame({"recency": [1, 2, 3, 4], "frequency": [1, 1, 1, 2], "monetary": [1.0, 2.0, 3.0, 4.0]})
    >>> score_bins(rfm_scores(rfm, bins=2), bins=2)
       R  F  M
    1  2  3  2
    2  2  1  2
    """
    _check_bins(bins)
    return pd.DataFrame({s: scores[s].value_counts().reindex(range(1, bins + 1), fill_value=0) for s in SCORES})


def parse_threshold(value):
    """A threshold from a parameter: ``"mean"``, ``"median"`` or a number (also given as text).

    Parameters
    ----------
    value : str or number
        ``"mean"``, ``"median"``, a number, or a number written as text.

    Returns
    -------
    str or float
        ``"mean"``/``"median"`` or the number.

    Examples
    --------
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

    With ``threshold="mean"`` or ``"median"`` the raw measures are compared with their centre ``c``:
    ``F_high = [frequency > c_F]``, ``M_high = [monetary > c_M]`` and ``R_high = [recency < c_R]`` (bought
    recently). With a number ``t`` the 1..``bins`` scores of :func:`rfm_scores` are compared:
    ``X_high = [score_X >= t]``.

    Parameters
    ----------
    rfm : DataFrame
        The customer table (``recency``, ``frequency``, ``monetary``).
    threshold : {"mean", "median"} or number, default "mean"
    bins : int, default 5
        Number of score bins when ``threshold`` is a number.

    Returns
    -------
    DataFrame
        Indexed like ``rfm``: ``R_high``, ``F_high``, ``M_high`` (int 0/1).

    Examples
    --------
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


def rfm_segments(rfm: pd.DataFrame, scheme: str = "eight", threshold="mean", bins: int = 5) -> pd.DataFrame:
    """Segment every customer by ``scheme``; every customer is in exactly one segment.

    ``"eight"``: the segment of ``(R_high, F_high, M_high)`` (:func:`high_low`) in :data:`EIGHT`; ``"six"``: in
    :data:`SIX`, the two unnamed combinations placed by :data:`SIX_PLACEMENT`; ``"named"``: the R×F cells of
    quintile scores in :data:`NAMED`.

    Parameters
    ----------
    rfm : DataFrame
        The customer table (``recency``, ``frequency``, ``monetary``), at least two customers.
    scheme : {"eight", "six", "named"}, default "eight"
    threshold : {"mean", "median"} or number, default "mean"
        The high/low threshold of the eight and six schemes (:func:`high_low`).
    bins : int, default 5
        Score bins when ``threshold`` is a score; the named scheme needs 5.

    Returns
    -------
    DataFrame
        Indexed like ``rfm``: the inputs used (``R_high, F_high, M_high`` or the ``R, F`` scores), ``segment`` (a
        key such as ``"important_value"``; its words come from the localisation step) and ``rank`` (1 = the
        most valuable segment in the scheme's order, :data:`SCHEMES`).

    Examples
    --------
    >>> rfm = pd.DataFrame({"recency": [5, 300, 10, 200], "frequency": [9, 8, 1, 1],
    ...                     "monetary": [900.0, 800.0, 20.0, 30.0]}, index=list("abcd"))
    >>> rfm_segments(rfm, "eight")["segment"].tolist()
    ['important_value', 'important_retention', 'general_development', 'general_win_back']
    >>> rfm_segments(rfm, "six")["segment"].tolist()
    ['six_maintain', 'six_win_back', 'six_generally_important', 'six_no_value']
    """
    if scheme not in SCHEMES:
        raise KitError(f"unknown scheme {scheme!r}", hint=f"use one of {', '.join(SCHEMES)}")
    _check_bins(bins)
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
    out["rank"] = segment.map({s: i + 1 for i, s in enumerate(order)}).astype(int)
    return out


def segment_summary(segments: pd.DataFrame, rfm: pd.DataFrame) -> pd.DataFrame:
    """Customers and value per segment, in the scheme's order.

    ``customer_share = customers / Σ customers``, ``value_share = monetary / Σ monetary``.

    Parameters
    ----------
    segments : DataFrame
        The segments of :func:`rfm_segments` (``segment``, ``rank``).
    rfm : DataFrame
        The customer table they were computed from.

    Returns
    -------
    DataFrame
        Indexed by ``segment`` (keys, most valuable first): ``customers``, ``customer_share``, ``monetary``,
        ``value_share``, ``mean_recency``, ``mean_frequency``, ``mean_monetary``.

    Examples
    --------
    >>> rfm = pd.DataFrame({"recency": [5, 300, 10, 200], "frequency": [9, 8, 1, 1],
    ...                     "monetary": [900.0, 800.0, 20.0, 30.0]}, index=list("abcd"))
    >>> segment_summary(rfm_segments(rfm, "eight"), rfm)["value_share"].to_dict()
    {'important_value': 0.5143, 'important_retention': 0.4571, 'general_development': 0.0114,
     'general_win_back': 0.0171}
    """
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
    return table.drop(columns="rank")
