"""The target list as exported: one row per customer with what matters for the decision and the action."""

from __future__ import annotations

import pandas as pd

from ..present.labels import check_lang, label
from ..customers.periods import lapsed_customers, table_windows

SHOWN_FEATURES = ("recency", "frequency", "monetary", "average_order_value")


def target_action(selected: bool, prospect: bool, negative: bool, lapsed: bool = False) -> str:
    """Action key: serve the selected first, develop look-alike prospects, cut the cost of negative-value
    customers, try to bring back lapsed ones, standard service for the rest. A lapsed customer is never served
    first, even when selected.

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
                  prospect_share: float = 0.1, lang: str = "en", lapsed=None) -> pd.DataFrame:
    """Customers with their key features, relationship value, segment (id and name), look-alike score, whether
    selected under the capacity, lapsed, and the recommended action; selected customers first, then by value.

    A *prospect* is a customer not selected whose look-alike score is in the top ``prospect_share``; ``segments``
    and ``scores`` may be ``None`` when the data could not support segmentation or look-alikes. ``lapsed``
    (boolean per customer; default :func:`kit.customers.periods.lapsed_customers` on the features' recency) marks the
    customers who never get "serve first"."""
    check_lang(lang)
    table = features[[c for c in SHOWN_FEATURES if c in features]].copy()
    table["relationship_value"] = value["relationship_value"]
    if segments is not None:
        table["segment"] = segments.labels
        table["segment_name"] = segments.labels.map(segments.names)
    table["lookalike_score"] = (pd.Series(float("nan"), index=table.index) if scores is None
                                else scores.reindex(table.index).round(4))
    table["selected"] = table.index.isin(pd.Index(targets.ids if hasattr(targets, "ids") else list(targets)))
    if lapsed is None:
        lapsed = lapsed_customers(features["recency"], table_windows(features))
    table["lapsed"] = pd.Series(lapsed, dtype=bool).reindex(table.index).fillna(False).astype(bool)
    cut = table["lookalike_score"].quantile(1 - prospect_share)
    prospect = (table["lookalike_score"] >= cut) & ~table["selected"]
    table["action"] = [label(target_action(s, p, n, g), lang) for s, p, n, g in
                       zip(table["selected"], prospect, value["negative"].reindex(table.index), table["lapsed"])]
    table = table.sort_values(["selected", "relationship_value"], ascending=False, kind="stable").reset_index()
    return table.rename(columns=lambda c: label(c, lang))
