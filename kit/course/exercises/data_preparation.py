"""The exercises of notebook 00 (data preparation), answered by the kit on the data the notebook loaded."""

from __future__ import annotations

import pandas as pd

from ...data.explore import basket_sizes
from ...present.labels import LABELS
from .core import Exercise


def _reason_answers(key: str) -> tuple[str, ...]:
    """A reason as a learner may give it: its key or its label in either language."""
    return (key, *LABELS.get(key, {}).values())


def _top_reason(report) -> Exercise:
    """q1: the cleaning step (a rule ``steps=`` can switch off, not a check every row must pass) that set aside
    the most rows -- the report lists the checks as well, so the learner has to tell the two apart."""
    steps = report.counts.reindex(list(report.steps)).dropna()
    steps = steps[steps > 0]
    if len(steps):
        top = steps.sort_values(ascending=False, kind="stable").index[0]
        return Exercise(
            {"en": "Of the cleaning steps (the rules steps= can switch off, not the checks every row must pass), "
                   "which one set aside the most rows? Give its key (e.g. 'duplicate') or its name in the report.",
             "zh": "在各个清洗步骤中 (即可以用 steps= 关闭的规则, 而不是每一行都必须通过的检查), 哪一个剔除的行最多? "
                   "写出它的键 (如 'duplicate') 或报告中显示的名称。"},
            expected=top, accept=_reason_answers(top),
            hint_text={"en": "report.steps lists the steps that ran; missing values, unparseable numbers and dates and "
                             "missing customer ids are checks. Compare report.counts over the steps only.",
                       "zh": "report.steps 列出了运行过的步骤; 必填字段缺失、数值或日期无法识别、缺少客户编号都属于检查。"
                             "只在这些步骤中比较 report.counts。"},
            solution_code="report.counts[list(report.steps)].idxmax()")
    reasons = report.counts[report.counts > 0]
    if not len(reasons):  # nothing set aside: ask for the count itself
        return Exercise(
            {"en": "How many rows did cleaning set aside, over all reasons?",
             "zh": "清洗一共剔除了多少行 (所有原因合计)?"},
            expected=0, hint_text={"en": "add up report.counts", "zh": "把 report.counts 加起来"},
            solution_code="int(report.counts.sum())")
    top = reasons.sort_values(ascending=False, kind="stable").index[0]
    return Exercise(
        {"en": "Which reason set aside the most rows? Give its key (e.g. 'duplicate') or its name in the report.",
         "zh": "哪个原因剔除的行最多? 写出它的键 (如 'duplicate') 或报告中显示的名称。"},
        expected=top, accept=_reason_answers(top),
        hint_text={"en": "look at report.counts, or the report's table", "zh": "看 report.counts 或报告中的表格"},
        solution_code="report.counts.idxmax()")


def data_preparation(tx: pd.DataFrame, report, lang: str = "en") -> dict[str, Exercise]:
    """Exercises of notebook 00, with answers computed from the loaded ``tx`` and its ``report``, in ``lang``.

    q1 asks for the cleaning step that set aside the most rows; q2 for the share of revenue that comes from
    customers who ordered once (of orders, when the data have no amounts), or, on basket data without customers,
    for the share of orders that hold one product.

    Examples
    --------
    >>> from kit.data import load_transactions
    >>> raw = pd.DataFrame({"Invoice": ["1", "1", "1", "2", "C3", "3"], "Customer": [7, 7, 7, 8, 8, 8],
    ...                     "Date": ["2024-01-05"] * 3 + ["2024-01-06", "2024-01-07", "2024-01-08"],
    ...                     "SKU": ["a", "a", "a", "b", "a", "a"], "Qty": [1, 1, 1, 2, -1, 1], "Price": [2.0] * 6})
    >>> tx, report = load_transactions(raw)
    >>> ex = data_preparation(tx, report, "zh")
    >>> ex["q1"].is_correct("完全重复行"), ex["q1"].is_correct("exact duplicate"), ex["q1"].lang
    (True, True, 'zh')
    >>> ex["q2"].expected  # customer 7 bought once, for 2.00 of the 8.00 kept
    0.25
    """
    q1 = _top_reason(report)
    if tx["customer_id"].isna().all():  # basket data: the question on customers becomes one on orders
        sizes = basket_sizes(tx)
        q2 = Exercise(
            {"en": "What share of orders hold exactly one product? Give a fraction between 0 and 1, to 3 decimals.",
             "zh": "只包含一种商品的订单占全部订单的比例是多少? 给出 0 到 1 之间的小数, 保留 3 位。"},
            expected=round(float((sizes == 1).mean()), 3), tolerance=1e-3,
            hint_text={"en": "count distinct products per order id, then compare with 1 and take the mean",
                       "zh": "按订单号数出每个订单的不同商品数, 与 1 比较, 再取平均"},
            solution_code="sizes = tx.groupby('order_id')['product_id'].nunique()\nround((sizes == 1).mean(), 3)")
    else:
        orders = tx.groupby("customer_id")["order_id"].nunique()
        once = tx["customer_id"].isin(orders.index[orders == 1])
        if tx["amount"].notna().any() and tx["amount"].sum() != 0:
            q2 = Exercise(
                {"en": "Customers who placed exactly one order are many; how much do they weigh? What share of the "
                       "revenue kept comes from them? Give a fraction between 0 and 1, to 3 decimals.",
                 "zh": "只下过一次订单的客户人数很多, 但分量如何? 他们贡献的销售额占保留下来的全部销售额的比例是多少? "
                       "给出 0 到 1 之间的小数, 保留 3 位。"},
                expected=round(float(tx.loc[once, "amount"].sum() / tx["amount"].sum()), 3), tolerance=1e-3,
                hint_text={"en": "count distinct order ids per customer; keep the customers with 1; add up the amount "
                                 "of their lines and divide by the total amount",
                           "zh": "按客户数出不同订单号的个数, 取出个数为 1 的客户, 把他们各行的金额 (amount) 相加, "
                                 "再除以全部金额"},
                solution_code="orders = tx.groupby('customer_id')['order_id'].nunique()\n"
                              "once = tx['customer_id'].isin(orders.index[orders == 1])\n"
                              "round(tx.loc[once, 'amount'].sum() / tx['amount'].sum(), 3)")
        else:
            q2 = Exercise(
                {"en": "What share of all orders were placed by customers who ordered exactly once? Give a fraction "
                       "between 0 and 1, to 3 decimals.",
                 "zh": "只下过一次订单的客户, 他们的订单占全部订单的比例是多少? 给出 0 到 1 之间的小数, 保留 3 位。"},
                expected=round(float((orders == 1).sum() / orders.sum()), 3), tolerance=1e-3,
                hint_text={"en": "count distinct order ids per customer: the customers with 1 placed that many "
                                 "orders; divide by the sum of all counts",
                           "zh": "按客户数出不同订单号的个数: 个数为 1 的客户数就是他们的订单数, 再除以所有个数之和"},
                solution_code="orders = tx.groupby('customer_id')['order_id'].nunique()\n"
                              "round((orders == 1).sum() / orders.sum(), 3)")
    for q in (q1, q2):
        q.lang = lang
    return {"q1": q1, "q2": q2}
