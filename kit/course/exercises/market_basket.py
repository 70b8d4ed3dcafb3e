"""The exercises of notebook 02 (market basket), answered by the kit on the data the notebook loaded."""

from __future__ import annotations

import pandas as pd

from .core import Exercise

#: q2 counts the rules above this lift (the product families of the notebook's first rule table)
HIGH_LIFT = 10


def market_basket(baskets, rules: pd.DataFrame, lang: str = "en") -> dict[str, Exercise]:
    """Exercises of notebook 02, answered by the kit on the loaded baskets and the notebook's ``rules``.

    Parameters
    ----------
    baskets : kit.basket.Baskets
    rules : DataFrame
        The rules after the notebook's thresholds (``kit.association_rules``).
    lang : {"en", "zh"}

    Returns
    -------
    dict of str to Exercise
        ``q1`` lift by hand from four counts, ``q2`` how many rules have a lift above :data:`HIGH_LIFT`, ``q3`` the
        product that is the consequent of the most rules (a frozenset as printed, its code or its name).
    """
    counts = baskets.item_counts
    a, c = counts.index[0], counts.index[1]
    column_a = baskets.matrix[:, baskets.items.get_loc(a)].toarray().ravel()
    column_c = baskets.matrix[:, baskets.items.get_loc(c)].toarray().ravel()
    n, n_a, n_c, n_ac = baskets.n_baskets, int(column_a.sum()), int(column_c.sum()), int((column_a & column_c).sum())
    name_a, name_c = baskets.names[a], baskets.names[c]
    if len(rules):
        hub = rules["consequents"].value_counts().index[0]
        hub_item = next(iter(hub))
        hub_name = str(baskets.names.get(hub_item, hub_item))
        # what a learner may paste: the code or the name, alone or as a set printed by Python or pandas
        accept = tuple(form for text in dict.fromkeys((str(hub_item), hub_name))
                       for form in (text, f"{{{text}}}", f"{{'{text}'}}", f"frozenset({{{text}}})",
                                    f"frozenset({{'{text}'}})"))
    else:
        hub, accept = frozenset(), ()
    exercises = {
        "q1": Exercise(
            {"en": f"Of {n:,} baskets, {n_a:,} hold {name_a!r}, {n_c:,} hold {name_c!r} and {n_ac:,} hold both. "
                   f"What is the lift of the rule {name_a} => {name_c}? (3 decimals)",
             "zh": f"{n:,} 个购物篮中, {n_a:,} 个含 {name_a!r}, {n_c:,} 个含 {name_c!r}, {n_ac:,} 个两者都含。"
                   f"规则 {name_a} => {name_c} 的提升度是多少? (保留 3 位小数)"},
            expected=round(n_ac * n / (n_a * n_c), 3), tolerance=1e-3,
            hint_text={"en": "lift = confidence / support of the consequent = (n_AC / n_A) / (n_C / n)",
                       "zh": "提升度 = 置信度 / 后项的支持度 = (n_AC / n_A) / (n_C / n)"},
            solution_code=f"({n_ac} / {n_a}) / ({n_c} / {n})"),
        "q2": Exercise(
            {"en": f"How many of the notebook's rules (in `rules`) have a lift above {HIGH_LIFT}, i.e. C comes with A "
                   f"more than {HIGH_LIFT} times as often as by chance?",
             "zh": f"本笔记本的规则 (变量 `rules`) 中, 有多少条的提升度大于 {HIGH_LIFT}, 即 C 与 A 一起出现的频率超过"
                   f"随机情况的 {HIGH_LIFT} 倍?"},
            expected=int((rules["lift"] > HIGH_LIFT).sum()) if len(rules) else 0,
            hint_text={"en": "compare the lift column with the number and count the True values: (...).sum()",
                       "zh": "把 lift 列与这个数比较, 再数出 True 的个数: (...).sum()"},
            solution_code=f'(rules["lift"] > {HIGH_LIFT}).sum()'),
        "q3": Exercise(
            {"en": "Which product is the consequent of the most rules, the one the rules recommend most often? "
                   "Give its code or its name.",
             "zh": "哪种商品作为后项出现在最多的规则中, 也就是规则最常推荐的商品? 写出它的商品编号或名称。"},
            expected=hub, accept=accept,
            hint_text={"en": "count the values of the consequents column: rules[\"consequents\"].value_counts()",
                       "zh": "统计后项列中各值出现的次数: rules[\"consequents\"].value_counts()"},
            solution_code='rules["consequents"].value_counts().index[0]'),
    }
    for exercise in exercises.values():
        exercise.lang = lang
    return exercises
