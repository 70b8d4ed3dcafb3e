"""The exercises of notebook 01 (customer targeting), answered by the kit on the data the notebook loaded.

Each question needs a step beyond what the notebook prints: a cost changed, the whale curve read at 100 %, the
target list grouped by segment, the capacity doubled.
"""

from __future__ import annotations

import pandas as pd

from ...present.labels import check_lang, label
from .core import Exercise


def _labels(key: str) -> tuple[str, ...]:
    """The label of ``key`` in both languages and the key itself: what a learner may answer."""
    return (key, label(key, "en"), label(key, "zh"))


def customer_targeting(features: pd.DataFrame, value: pd.DataFrame, chosen, table: pd.DataFrame, capacity: int,
                       lapsed: pd.Series | None = None, lang: str = "en") -> dict[str, Exercise]:
    """Exercises of notebook 01, answered by the kit.

    Parameters
    ----------
    features : DataFrame
        The customer table the notebook uses (``known.table``).
    value : DataFrame
        :func:`kit.relationship_value` under ``chosen``.
    chosen : ValueAssumptions
        :func:`kit.targeting.value_assumptions`: the assumptions and weights ``value`` was computed under.
    table : DataFrame
        :func:`kit.targeting.targets_table` (keys).
    capacity : int
        The capacity of the target list.
    lapsed : Series of bool, optional
        Lapsed customers, never selected.
    lang : {"en", "zh"}

    Returns
    -------
    dict
        ``q1`` .. ``q4``.
    """
    from ...targeting import relationship_value, select_targets

    check_lang(lang)
    values = value["relationship_value"]
    excluded = None if lapsed is None else lapsed.index[lapsed]

    doubled_cost = relationship_value(features, costs={**chosen.assumptions,
                                                       "cost_per_order": 2 * chosen.assumptions["cost_per_order"]},
                                      weights=chosen.weights)
    q1 = Exercise(
        {"en": "If serving an order cost twice as much (everything else unchanged), by how much would the total "
               "relationship value of all customers fall? (a positive amount, whole units)",
         "zh": "如果每个订单的服务成本翻倍 (其他假设不变), 全体客户的客户关系价值合计会减少多少? (填正数, 取整)"},
        expected=round(float(values.sum() - doubled_cost["relationship_value"].sum())),
        tolerance=1e-4,
        hint_text={"en": "explicit cost = cost per order × orders + cost per line × lines: only the first part "
                         "changes. Recompute with kit.relationship_value, or multiply.",
                   "zh": "显性成本 = 每单成本 × 订单数 + 每行成本 × 订单行数, 只有第一部分变化。可以用 "
                         "kit.relationship_value 重新计算, 也可以直接相乘。"},
        solution_code="doubled = kit.relationship_value(features, costs={**chosen.assumptions, "
                      "'cost_per_order': 2 * chosen.assumptions['cost_per_order']}, weights=chosen.weights)\n"
                      "round(value['relationship_value'].sum() - doubled['relationship_value'].sum())",
        lang=lang)

    total = float(values.sum())
    if total > 0:
        ranked = values.sort_values(ascending=False, kind="stable").cumsum()
        q2 = Exercise(
            {"en": "Counting from the most valuable customer down, how many customers together already make the "
                   "total relationship value of all customers (the point where the whale curve first reaches "
                   "100 %)?",
             "zh": "从价值最高的客户往下数, 前多少位客户的价值合计就已达到全体客户的客户关系价值总和 "
                   "(即鲸鱼曲线第一次到达 100% 的位置)?"},
            expected=int((ranked < total).sum()) + 1,
            hint_text={"en": "sort the values from high to low, add them up (cumsum) and find where the running "
                             "total reaches the sum; the customers after that point add nothing on balance.",
                       "zh": "把价值从高到低排序, 求累计和 (cumsum), 找出累计和第一次达到总和的位置; "
                             "在那之后的客户合计起来没有带来利润。"},
            solution_code="ranked = value['relationship_value'].sort_values(ascending=False).cumsum()\n"
                          "int((ranked < value['relationship_value'].sum()).sum()) + 1",
            lang=lang)
    else:
        q2 = Exercise(
            {"en": "The customers lose money in total under these assumptions. How many customers have a "
                   "negative relationship value?",
             "zh": "在这些假设下客户整体亏损。有多少位客户的客户关系价值为负?"},
            expected=int(value["negative"].sum()),
            hint_text={"en": "the 'negative' column flags them", "zh": "'negative' 列标出了负值客户"},
            solution_code="int(value['negative'].sum())",
            lang=lang)

    on_list = table.loc[table["selected"], "segment"].dropna()
    if len(on_list):
        top = on_list.value_counts().sort_index().idxmax()
        q3 = Exercise(
            {"en": "Which segment provides the most customers on the target list? (its name as printed, or its key)",
             "zh": "目标客户名单上哪个客户群的客户最多? (填表中显示的分群名称或它的键)"},
            expected=label(top, lang),
            accept=_labels(top),
            hint_text={"en": "keep the rows of `table` whose 'selected' is True and count their 'segment'.",
                       "zh": "取 `table` 中 'selected' 为 True 的行, 再统计它们的 'segment'。"},
            solution_code="top = table.loc[table['selected'], 'segment'].value_counts().sort_index().idxmax()\n"
                          "kit.present.label(top, lang)",
            lang=lang)
    else:
        q3 = Exercise(
            {"en": "The segments were skipped for these data. Which action do the customers on the target list get?",
             "zh": "这份数据没有做客户细分。目标客户名单上的客户得到的建议行动是什么?"},
            expected=label("act_serve_first", lang),
            accept=_labels("act_serve_first"),
            hint_text={"en": "look at the 'action' column of the selected rows of `table`.",
                       "zh": "看 `table` 中入选客户的 'action' 列。"},
            solution_code="kit.present.label(table.loc[table['selected'], 'action'].iloc[0], lang)",
            lang=lang)

    base = select_targets(values, capacity, exclude=excluded, warn=False)
    doubled = select_targets(values, 2 * capacity, exclude=excluded, warn=False)
    q4 = Exercise(
        {"en": f"If the firm could serve twice as many customers ({2 * capacity:,} instead of {capacity:,}), how "
               "much more relationship value would the target list capture? (whole units; lapsed customers stay "
               "off the list)",
         "zh": f"如果企业能服务的客户数翻倍 ({capacity:,} 位增加到 {2 * capacity:,} 位), 目标客户名单获得的客户关系价值"
               "会增加多少? (取整; 已流失客户仍不入选)"},
        expected=round(doubled.captured - base.captured),
        tolerance=1e-4,
        hint_text={"en": "kit.select_targets with capacity 2 * served and the same exclude; compare its captured "
                         "value with that of `targets`.",
                   "zh": "用 kit.select_targets, 服务能力设为 2 * served, exclude 不变; 把它的 captured 与 `targets` "
                         "的 captured 相比。"},
        solution_code="doubled = kit.select_targets(value['relationship_value'], 2 * served, "
                      "exclude=lapsed.index[lapsed], warn=False)\n"
                      "round(doubled.captured - targets.captured)",
        lang=lang)
    return {"q1": q1, "q2": q2, "q3": q3, "q4": q4}
