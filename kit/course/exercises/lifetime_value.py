"""The exercises of notebook 04 (lifetime value), answered by the kit on the data the notebook loaded."""

from __future__ import annotations

import pandas as pd

from .core import Exercise


def lifetime_value(summary: pd.DataFrame, valued: pd.DataFrame, bgnbd, lang: str = "en") -> dict[str, Exercise]:
    """Exercises of notebook 04, answered by the kit.

    Parameters
    ----------
    summary : DataFrame
        The calibration summary (``calibration`` in the notebook).
    valued : DataFrame
        The customers' values, with a ``clv`` column (``valued``: section 8's table, or the calibration
        customers valued with the calibration models when section 8 is skipped).
    bgnbd : BetaGeo
        The purchase model fitted on ``summary``.
    lang : {"en", "zh"}

    Returns
    -------
    dict of str -> Exercise
        ``q1`` (a discounted CLV with the margin at the end of each year), ``q2`` (the share of customer equity
        from the top tenth of customers), ``q3`` (the share of repeat buyers probably gone).
    """
    from ...clv import discounted_clv

    top_tenth = valued["clv"].nlargest(max(len(valued) // 10, 1))
    share = round(float(top_tenth.sum() / valued["clv"].sum()), 2)
    p_alive = bgnbd.probability_alive(summary)
    gone_share = round(float((p_alive[summary["frequency"] > 0] < 0.5).mean()), 2)
    exercises = {
        "q1": Exercise(
            {"en": "A customer brings a margin of 200 a year, stays each year with probability 0.75, and money is "
                   "discounted at 10 % a year. The margin arrives at the end of each year the customer stays "
                   "(timing=\"end\"). What is the lifetime value to infinity? (2 decimals)",
             "zh": "一位客户每年带来 200 的毛利, 每年留下的概率是 0.75, 年贴现率为 10%。毛利在客户留下的每一年年末"
                   "到账 (timing=\"end\")。不设期限时, 这位客户的终身价值是多少? (保留 2 位小数)"},
            expected=round(discounted_clv(200, 0.75, 0.1, timing="end"), 2), tolerance=1e-3,
            hint_text={"en": "paid at the end, the series starts at t = 1: m·r/(1+d) + m·r²/(1+d)² + … = m·r/(1+d−r)",
                       "zh": "年末到账时级数从 t = 1 开始: m·r/(1+d) + m·r²/(1+d)² + … = m·r/(1+d−r)"},
            solution_code="200 * 0.75 / (1 + 0.1 - 0.75)  # or kit.clv.discounted_clv(200, 0.75, 0.1, timing='end')"),
        "q2": Exercise(
            {"en": "What share of customer equity comes from the tenth of the customers with the highest value in "
                   "valued? Give a share between 0 and 1 (2 decimals).",
             "zh": "valued 中价值最高的十分之一客户贡献了客户资产的多大比例? 请给出 0 到 1 之间的比例 (保留 2 位小数)。"},
            expected=share, tolerance=0.01,
            hint_text={"en": "take valued['clv'].nlargest(n) with n = a tenth of the customers (rounded down), and "
                             "divide its sum by the sum of all values",
                       "zh": "用 valued['clv'].nlargest(n) 取出前十分之一 (n 向下取整) 的客户, 再用它们的价值之和除以全部价值之和"},
            solution_code="top = valued['clv'].nlargest(len(valued) // 10)\n"
                          "round(top.sum() / valued['clv'].sum(), 2)"),
        "q3": Exercise(
            {"en": "What share of the repeat buyers (at least one repeat purchase in calibration) does BG/NBD consider "
                   "probably gone, with P(alive) below 0.5? Give a share between 0 and 1 (2 decimals).",
             "zh": "在重复购买客户 (校准期内至少重复购买一次) 中, BG/NBD 认为多半已经流失 (仍活跃概率低于 0.5) 的占多大比例? "
                   "请给出 0 到 1 之间的比例 (保留 2 位小数)。"},
            expected=gone_share, tolerance=0.005,
            hint_text={"en": "bgnbd.probability_alive(calibration) gives P(alive) per customer; keep the customers with "
                             "calibration['frequency'] > 0 and take the mean of (P(alive) < 0.5)",
                       "zh": "bgnbd.probability_alive(calibration) 给出每位客户的仍活跃概率; 只保留 "
                             "calibration['frequency'] > 0 的客户, 再求 (仍活跃概率 < 0.5) 的平均值"},
            solution_code="p_alive = bgnbd.probability_alive(calibration)\n"
                          "round((p_alive[calibration['frequency'] > 0] < 0.5).mean(), 2)"),
    }
    for exercise in exercises.values():
        exercise.lang = lang
    return exercises
