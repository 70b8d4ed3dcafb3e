"""The target list: one row per customer with what matters for the decision and the action, in keys (the
words are added for people at the edge)."""

from __future__ import annotations

import pandas as pd

from ..customers.periods import lapsed_customers, table_windows
from ..errors import KitError

#: The columns of the target list (the ``targets`` result), in this order; then :data:`SHOWN_FEATURES`.
TARGET_COLUMNS = ("customer_id", "segment", "lookalike_score", "selected", "relationship_value", "lapsed", "action")
#: Features shown beside the target list, when the feature table has them.
SHOWN_FEATURES = ("recency", "frequency", "monetary", "average_order_value")


def target_action(selected: bool, prospect: bool, negative: bool, lapsed: bool = False) -> str:
    """Action key for one customer.

    Serve the selected first, cut the cost of negative-value customers, develop look-alike prospects, try to bring
    back lapsed ones, standard service for the rest. A lapsed customer is never served first, even when selected.

    Parameters
    ----------
    selected : bool
        On the capacity-limited list.
    prospect : bool
        Not selected, with a look-alike score in the top share.
    negative : bool
        Negative relationship value.
    lapsed : bool
        No order in the last comparison window.

    Returns
    -------
    str
        ``act_serve_first``, ``act_cut_cost``, ``act_develop_lookalike``, ``act_reactivate`` or ``act_standard``.

    Examples
    --------
    >>> target_action(True, False, False), target_action(True, False, False, lapsed=True)
    ('act_serve_first', 'act_reactivate')
    """
    if selected and not lapsed:
        return "act_serve_first"
    if negative:
        return "act_cut_cost"
    if prospect:
        return "act_develop_lookalike"
    if lapsed:
        return "act_reactivate"
    return "act_standard"


def targets_table(features: pd.DataFrame, value: pd.DataFrame, segments, scores: pd.Series, targets,
                  prospect_share: float = 0.1, lapsed=None, as_of=None) -> pd.DataFrame:
    """One row per customer: segment, look-alike score, selected, relationship value, lapsed and the action key;
    selected customers first, then by value.

    A *prospect* is a customer not selected whose look-alike score is in the top ``prospect_share``.

    Parameters
    ----------
    features : DataFrame
        The customer feature table (:func:`kit.customer_features`).
    value : DataFrame
        :func:`kit.relationship_value` of the same customers.
    segments : Segmentation or None
        :func:`kit.segment_customers`; ``None`` when the data could not support segmentation.
    scores : Series or None
        Look-alike score per customer; ``None`` when there is none.
    targets : Targets or iterable
        The selected customers (:func:`kit.select_targets`).
    prospect_share : float
    lapsed : Series of bool, optional
        Lapsed customers, who never get ``act_serve_first``; default
        :func:`kit.customers.periods.lapsed_customers` on the features' recency, which needs ``as_of``.
    as_of : date-like, optional
        The date ``features`` were computed as of (only needed without ``lapsed``).

    Returns
    -------
    DataFrame
        The columns of :data:`TARGET_COLUMNS` -- ``segment`` a segment name key (missing without segments),
        ``action`` an action key (:func:`target_action`) -- then those of :data:`SHOWN_FEATURES` that ``features`` has.

    Examples
    --------
    >>> features = pd.DataFrame({"recency": [1, 300], "monetary": [50.0, 10.0]},
    ...                         index=pd.Index(["a", "b"], name="customer_id"))
    >>> value = pd.DataFrame({"relationship_value": [9.0, -1.0], "negative": [False, True]}, index=features.index)
    >>> table = targets_table(features, value, None, None, ["a"], lapsed=pd.Series([False, True], index=["a", "b"]))
    >>> table[["customer_id", "selected", "lapsed", "action"]]
      customer_id  selected  lapsed           action
    0           a      True   False  act_serve_first
    1           b     False    True     act_cut_cost
    """
    table = pd.DataFrame(index=features.index)
    table["segment"] = None if segments is None else segments.segment_keys().reindex(table.index)
    table["lookalike_score"] = (pd.Series(float("nan"), index=table.index) if scores is None
                                else scores.reindex(table.index).round(4))
    table["selected"] = table.index.isin(pd.Index(targets.ids if hasattr(targets, "ids") else list(targets)))
    table["relationship_value"] = value["relationship_value"]
    if lapsed is None:
        if as_of in (None, ""):
            raise KitError("targets_table needs the lapsed customers or the date the features were computed as of",
                           hint="pass lapsed=kit.customers.periods.lapsed_customers(...) or as_of=...")
        lapsed = lapsed_customers(features["recency"], table_windows(features, as_of))
    table["lapsed"] = pd.Series(lapsed, dtype=bool).reindex(table.index).fillna(False).astype(bool)
    cut = table["lookalike_score"].quantile(1 - prospect_share)
    prospect = (table["lookalike_score"] >= cut) & ~table["selected"]
    table["action"] = [target_action(s, p, n, g) for s, p, n, g in
                       zip(table["selected"], prospect, value["negative"].reindex(table.index), table["lapsed"])]
    for column in SHOWN_FEATURES:
        if column in features:
            table[column] = features[column]
    table = table.sort_values(["selected", "relationship_value"], ascending=False, kind="stable")
    return table.rename_axis("customer_id").reset_index()
