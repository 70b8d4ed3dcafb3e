"""A recommended action for each segment and the exported action list — 分群营销建议."""

from __future__ import annotations

import pandas as pd

#: segment -> action label key, drawn from the course source (maintain, raise frequency, win back, reduce
#: investment, ...) and, for the named scheme, from the usual playbook of those segments.
SEGMENT_ACTIONS = {
    # eight
    "important_value": "act_keep_vip",
    "important_development": "act_raise_frequency",
    "important_retention": "act_reactivate",
    "important_win_back": "act_win_back",
    "general_value": "act_raise_spend",
    "general_development": "act_nurture",
    "general_retention": "act_low_cost",
    "general_win_back": "act_reduce",
    # six
    "six_maintain": "act_keep_vip",
    "six_develop": "act_raise_frequency",
    "six_generally_important": "act_raise_spend",
    "six_win_back": "act_win_back",
    "six_ordinary": "act_low_cost",
    "six_no_value": "act_reduce",
    # named
    "champions": "act_reward",
    "loyal": "act_upsell",
    "potential_loyalists": "act_membership",
    "new_customers": "act_onboard",
    "promising": "act_awareness",
    "need_attention": "act_limited_offer",
    "about_to_sleep": "act_reconnect",
    "at_risk": "act_personal_win_back",
    "cant_lose": "act_win_back_all_costs",
    "hibernating": "act_reduce",
}


#: Columns of the machine-readable result ``"grading"`` that notebook 03 saves: keys and canonical names.
RESULT_COLUMNS = ("customer_id", "segment", "abc_grade", "monetary", "action")


def segment_action(segment: str) -> str:
    """The recommended action for ``segment``: an action key of :data:`SEGMENT_ACTIONS`.

    Parameters
    ----------
    segment : str
        A segment key of any scheme (:data:`kit.grading.rfm.SCHEMES`).

    Returns
    -------
    str
        The action key; the localisation step gives its words.

    Examples
    --------
    >>> segment_action("important_development")
    'act_raise_frequency'
    """
    return SEGMENT_ACTIONS[segment]


def grading_actions(rfm: pd.DataFrame, scores: pd.DataFrame, segments: pd.DataFrame | None,
                    abc: pd.DataFrame) -> pd.DataFrame:
    """One row per customer: R, F, M and their scores, segment, ABC grade and the recommended action, most
    valuable customers first (by ``monetary``, then ``frequency``).

    Parameters
    ----------
    rfm : DataFrame
        The customer table (``recency``, ``frequency``, ``monetary``), indexed by ``customer_id``.
    scores : DataFrame
        Its scores (:func:`kit.grading.rfm_scores`).
    segments : DataFrame or None
        Its segments (:func:`kit.grading.rfm_segments`); ``None`` when the data are too short to tell recent from
        lapsed customers (:func:`kit.customers.periods.lapsed_customers`): segment and action stay empty.
    abc : DataFrame
        Its ABC grades (:func:`kit.grading.abc_grades` of ``rfm["monetary"]``).

    Returns
    -------
    DataFrame
        Columns ``customer_id, recency, frequency, monetary, R, F, M, RFM, segment`` (key), ``abc_grade`` and
        ``action`` (key of :data:`SEGMENT_ACTIONS`), numbered from 0; its :data:`RESULT_COLUMNS` are the saved
        result. The localisation step makes it the table for people (``grading_actions.csv``).

    Examples
    --------
    >>> from kit.grading import abc_grades, rfm_scores, rfm_segments
    >>> rfm = pd.DataFrame({"recency": [5, 300], "frequency": [9, 1], "monetary": [900.0, 20.0]},
    ...                    index=pd.Index(["a", "b"], name="customer_id"))
    >>> table = grading_actions(rfm, rfm_scores(rfm), rfm_segments(rfm), abc_grades(rfm["monetary"]))
    >>> table[["customer_id", "segment", "abc_grade", "action"]]
      customer_id           segment abc_grade        action
    0           a   important_value         A  act_keep_vip
    1           b  general_win_back         C    act_reduce
    """
    table = rfm[["recency", "frequency", "monetary"]].join(scores[["R", "F", "M", "RFM"]])
    table["segment"] = None if segments is None else segments["segment"]
    table["abc_grade"] = abc["grade"].reindex(table.index)
    table["action"] = None if segments is None else segments["segment"].map(SEGMENT_ACTIONS)
    table = table.sort_values(["monetary", "frequency"], ascending=False, kind="stable")
    return table.reset_index()
