"""A recommended action for each segment and the exported action list — 分群营销建议."""

from __future__ import annotations

import pandas as pd

from ..present.labels import check_lang, label

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


def segment_action(segment: str, lang: str = "en") -> str:
    """The recommended action for ``segment`` in ``lang``.

    >>> segment_action("important_development", "zh")
    '针对性营销, 提高购买频率'
    """
    return label(SEGMENT_ACTIONS[segment], lang)


def grading_actions(rfm: pd.DataFrame, scores: pd.DataFrame, segments: pd.DataFrame | None, abc: pd.DataFrame,
                    lang: str = "en") -> pd.DataFrame:
    """One row per customer: R, F, M and their scores, segment, ABC grade and the recommended action, most
    valuable customers first -- the table exported as ``grading_actions.csv``. ``segments=None`` (the data too
    short to tell recent from lapsed customers, :func:`kit.customers.periods.lapsed_customers`) leaves segment and action
    empty."""
    check_lang(lang)
    table = rfm[["recency", "frequency", "monetary"]].join(scores[["R", "F", "M", "RFM"]])
    table["segment"] = None if segments is None else segments["label"]
    table["abc_grade"] = abc["grade"].reindex(table.index)
    table["action"] = None if segments is None else [segment_action(s, lang) for s in segments["segment"]]
    table = table.sort_values(["monetary", "frequency"], ascending=False, kind="stable")
    return table.reset_index().rename(columns=lambda c: label(c, lang))
