"""The exercises of notebook 03 (value grading), answered by the kit on the data the notebook loaded.

Each solution uses the notebook's own variables: ``rfm`` (the customer table), ``segments`` (a dict of segment
tables by scheme, ``segments["eight"]``) and ``abc`` (the ABC grades of ``rfm["monetary"]``).
"""

from __future__ import annotations

import pandas as pd

from ...grading import abc_grades
from ...present.labels import LABELS, check_lang
from .core import Exercise

#: share of customers in q2 (not the 20 % the notebook prints)
TOP = 0.1


def value_grading(rfm: pd.DataFrame, segments, threshold="mean", abc: pd.DataFrame | None = None,
                  lang: str = "en") -> dict[str, Exercise]:
    """Exercises of notebook 03, answered by the kit on the loaded data.

    Parameters
    ----------
    rfm : DataFrame
        The customer table (:func:`kit.rfm_table`).
    segments : dict or DataFrame
        The notebook's segment tables by scheme (``segments["eight"]`` is used), or the eight-segment table itself.
    threshold : str or number
        The high/low threshold the segments were made with (named in the hint).
    abc : DataFrame, optional
        :func:`kit.abc_grades` of ``rfm["monetary"]`` as the notebook made them; default cuts otherwise.
    lang : {"en", "zh"}
        Language of the questions, hints and feedback.

    Returns
    -------
    dict of str to Exercise
        ``q1`` (a customer's segment), ``q2`` (revenue share of the top 10 %), ``q3`` (grade-A customers outside
        the important-value segment).
    """
    lang = check_lang(lang)
    eight = segments["eight"] if isinstance(segments, dict) else segments
    abc = abc_grades(rfm["monetary"]) if abc is None else abc
    customer = "12347" if "12347" in rfm.index else str(rfm.index[0])
    key = eight.loc[customer, "segment"]
    threshold_words = {"mean": {"en": "mean", "zh": "平均值"}, "median": {"en": "median", "zh": "中位数"}}.get(
        threshold, {"en": f"score {threshold}", "zh": f"{threshold} 分"})

    ranked = rfm["monetary"].sort_values(ascending=False)
    top = ranked.iloc[:int(len(ranked) * TOP)]
    top_share = round(float(top.sum() / ranked.sum()), 3)

    grade_a = abc.index[abc["grade"] == "A"]
    outside = int((eight.loc[grade_a, "segment"] != "important_value").sum())

    exercises = {
        "q1": Exercise(
            {"en": f"Which segment of the eight-segment scheme is customer {customer} in? Give its key "
                   f"(e.g. 'general_value') or its name in English or Chinese.",
             "zh": f"在八类客户分群中, 客户 {customer} 属于哪一类? 填写分群的键 (例如 'general_value'), "
                   f"或它的中文名、英文名。"},
            expected=key, accept=tuple(LABELS[key].values()),
            hint_text={"en": f"compare the customer's recency, frequency and monetary with the {threshold_words['en']} "
                             "of all customers; R is high when recency is *below* it (bought recently)",
                       "zh": f"把这位客户的最近一次消费天数、消费频率和消费金额分别与全体客户的{threshold_words['zh']}"
                             "比较; 注意 R 的方向: 最近一次消费天数*低于*阈值 (最近买过) 才算 R 高"},
            solution_code=f"segments['eight'].loc['{customer}', ['R_high', 'F_high', 'M_high']]  # 1 = high\n"
                          f"segments['eight'].loc['{customer}', 'segment']",
            lang=lang),
        "q2": Exercise(
            {"en": f"What share of total revenue do the top {TOP:.0%} of customers (by monetary value) bring? "
                   f"Count the first int({TOP:g} × number of customers) customers; a fraction, to 3 decimals.",
             "zh": f"按消费金额排序, 前 {TOP:.0%} 的客户带来总收入的多大比例? 取前 int({TOP:g} × 客户数) 位客户; "
                   f"用小数作答, 保留 3 位。"},
            expected=top_share, tolerance=1e-3,
            hint_text={"en": f"sort monetary from largest to smallest, add up the first int(len × {TOP:g}) customers, "
                             f"divide by the total (kit.grading.top_share(rfm['monetary'], {TOP:g}) gives the same "
                             "to 3 decimals)",
                       "zh": f"把消费金额从大到小排序, 累加前 int(客户数 × {TOP:g}) 位客户的金额, 再除以总金额 "
                             f"(kit.grading.top_share(rfm['monetary'], {TOP:g}) 保留 3 位小数时结果相同)"},
            solution_code="m = rfm['monetary'].sort_values(ascending=False)\n"
                          f"round(m.iloc[:int(len(m) * {TOP:g})].sum() / m.sum(), 3)",
            lang=lang),
        "q3": Exercise(
            {"en": "ABC grading and the eight segments sort the same customers by different rules. How many "
                   "grade-A customers are *not* in the important-value segment (重要价值客户)?",
             "zh": "ABC 分级和八类客户分群用不同的规则给同一批客户分类。A 级客户中有多少位*不*属于"
                   "重要价值客户 (important value)?"},
            expected=outside,
            hint_text={"en": "take the customers with abc['grade'] == 'A' and look up their segment in "
                             "segments['eight']; count those whose segment is not 'important_value'",
                       "zh": "先取出 abc['grade'] == 'A' 的客户, 再到 segments['eight'] 中查他们的分群, "
                             "数一数分群不是 'important_value' 的有多少位"},
            solution_code="grade_a = abc.index[abc['grade'] == 'A']\n"
                          "int((segments['eight'].loc[grade_a, 'segment'] != 'important_value').sum())",
            lang=lang),
    }
    return exercises
