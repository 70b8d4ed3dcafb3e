"""From rules to actions — 相关陈列与交叉销售: which products to place together, what to offer each customer.

Both return figures and names, never sentences: the reason a pair is worth placing together is its columns
(baskets, lift, confidence each way), put into words by ``placement_reasons`` of the display layer.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import KitError


def _name(names, item) -> str:
    return str(names.get(item, item)) if names is not None else str(item)


PLACEMENT_COLUMNS = ["item_a", "item_b", "name_a", "name_b", "baskets", "support", "lift", "leverage",
                     "confidence_a_to_b", "confidence_b_to_a"]
CROSS_SELL_COLUMNS = ["customer_id", "rank", "item", "name", "score", "lift", "rule"]


def placement_pairs(rules: pd.DataFrame, n_baskets: int | None, names: pd.Series | None = None,
                    min_lift: float = 1.0, top: int | None = 20) -> pd.DataFrame:
    """Product pairs to display together (相关陈列), strongest first, with the figures that say why.

    Each pair of single items comes once, taken from the rules with one item on each side: the baskets holding
    both (``baskets = support · n``), the support, the lift (the same both ways), the leverage and the confidence
    in each direction,

    .. math:: \\text{conf}(a \\Rightarrow b) = s(\\{a, b\\}) / s(a).

    The sentence for people is built from these columns by ``placement_reasons`` of the display layer.

    Parameters
    ----------
    rules : DataFrame
        Rules as :func:`~kit.basket.rules.association_rules` returns them.
    n_baskets : int or None
        Number of baskets the rules were mined from (``MinedItemsets.n_transactions``); ``None`` leaves
        ``baskets`` NaN.
    names : Series, optional
        Item label -> display name (``Baskets.names``); default the labels.
    min_lift : float
        Pairs with a lower lift are left out.
    top : int or None
        Keep the ``top`` pairs by lift, then support; ``None`` for all.

    Returns
    -------
    DataFrame
        ``item_a, item_b, name_a, name_b, baskets, support, lift, leverage, confidence_a_to_b,
        confidence_b_to_a``; ``item_a`` sorts before ``item_b``.

    Examples
    --------
    >>> from kit.basket import association_rules, mine_itemsets
    >>> mined = mine_itemsets([["cup", "plate"], ["cup", "plate"], ["cup"], ["spoon"]], 0.25)
    >>> rules = association_rules(mined, min_threshold=0.5, consequents="single")
    >>> placement_pairs(rules, mined.n_transactions)[["item_a", "item_b", "baskets", "lift"]]
      item_a item_b  baskets  lift
    0    cup  plate        2   1.333333
    """
    single = rules[(rules["antecedents"].map(len) == 1) & (rules["consequents"].map(len) == 1)]
    if single.empty:
        return pd.DataFrame(columns=PLACEMENT_COLUMNS)
    n = n_baskets
    rows = {}
    for _, rule in single.iterrows():
        a, c = next(iter(rule["antecedents"])), next(iter(rule["consequents"]))
        first, second = sorted((a, c), key=str)
        if (first, second) in rows:
            continue
        s_first = rule["antecedent support"] if a == first else rule["consequent support"]
        s_second = rule["consequent support"] if a == first else rule["antecedent support"]
        rows[(first, second)] = {
            "item_a": first, "item_b": second, "name_a": _name(names, first), "name_b": _name(names, second),
            "baskets": int(round(rule["support"] * n)) if n else np.nan, "support": rule["support"],
            "lift": rule["lift"], "leverage": rule["leverage"],
            "confidence_a_to_b": rule["support"] / s_first, "confidence_b_to_a": rule["support"] / s_second,
        }
    table = pd.DataFrame(rows.values(), columns=PLACEMENT_COLUMNS)
    table = table[table["lift"] >= min_lift].sort_values(["lift", "support"], ascending=False, kind="stable")
    if top is not None:
        table = table.head(top)
    return table.reset_index(drop=True)


def cross_sell(tx: pd.DataFrame, rules: pd.DataFrame, customers=None, k: int = 3, by: str = "confidence",
               item: str = "product_id", names: pd.Series | None = None) -> pd.DataFrame:
    """The top ``k`` products to offer each customer (交叉销售).

    A rule A ⇒ C is triggered for a customer who has bought every item of A; each product C not yet bought is
    scored by the best triggered rule's ``by`` measure,

    .. math:: \\text{score}(u, c) = \\max \\{\\text{by}(A \\Rightarrow C) : A \\subseteq \\text{bought}(u),\\ c \\in C\\},

    and the ``k`` best become the offers.

    Parameters
    ----------
    tx : DataFrame
        Transactions with ``customer_id`` and the ``item`` column; lines without either are left out.
    rules : DataFrame
        Rules as :func:`~kit.basket.rules.association_rules` returns them.
    customers : iterable, optional
        Only these customers.
    k : int
        Offers per customer.
    by : str
        Rule measure that scores an offer (``"confidence"``, ``"lift"``...).
    item : str
        Column of ``tx`` holding the items of the rules.
    names : Series, optional
        Item label -> display name; default the labels.

    Returns
    -------
    DataFrame
        One row per customer and offer: ``customer_id, rank, item, name, score, lift, rule`` (``rule`` names the
        triggering rule: ``"cup + saucer => plate"``); customers without an offer are left out.

    Examples
    --------
    >>> tx = pd.DataFrame({"customer_id": ["u", "u", "v"], "product_id": ["cup", "plate", "cup"]})
    >>> rules = pd.DataFrame({"antecedents": [frozenset({"cup"})], "consequents": [frozenset({"plate"})],
    ...                       "confidence": [0.5], "lift": [1.2]})
    >>> cross_sell(tx, rules)[["customer_id", "item", "score", "rule"]]
      customer_id   item  score          rule
    0           v  plate    0.5  cup => plate
    """
    if by not in rules:
        raise KitError(f"rules have no {by!r} column", hint="use 'confidence', 'lift' or another rule measure")
    bought = tx.loc[tx["customer_id"].notna() & tx[item].notna(), ["customer_id", item]]  # two columns of many lines
    if customers is not None:
        bought = bought[bought["customer_id"].isin(list(customers))]
    if bought.empty or rules.empty:
        return pd.DataFrame(columns=CROSS_SELL_COLUMNS)
    customer_codes, customer_ids = pd.factorize(bought["customer_id"], sort=True)
    item_codes, items = pd.factorize(bought[item], sort=True)
    owned = sparse.csc_matrix((np.ones(len(bought), dtype=bool), (customer_codes, item_codes)),
                              shape=(len(customer_ids), len(items)))
    position = {label: i for i, label in enumerate(items)}
    offers = sorted({c for cs in rules["consequents"] for c in cs if c in position}, key=str)
    offer_index = {c: j for j, c in enumerate(offers)}
    score = np.full((len(customer_ids), len(offers)), -np.inf)
    best_rule = np.full((len(customer_ids), len(offers)), -1, dtype=np.int64)
    for r, (a, cs, value) in enumerate(zip(rules["antecedents"], rules["consequents"], rules[by])):
        if not all(i in position for i in a):
            continue
        triggered = np.ones(len(customer_ids), dtype=bool)
        for i in a:
            triggered &= owned[:, position[i]].toarray().ravel()
        if not triggered.any():
            continue
        for c in cs:
            if c not in offer_index:
                continue
            j = offer_index[c]
            better = triggered & (value > score[:, j])
            score[better, j] = value
            best_rule[better, j] = r
    for c, j in offer_index.items():  # never offer what the customer has
        score[owned[:, position[c]].toarray().ravel(), j] = -np.inf
    order = np.argsort(-score, axis=1, kind="stable")[:, :k]
    rows = []
    for u in range(len(customer_ids)):
        for rank, j in enumerate(order[u], 1):
            if not np.isfinite(score[u, j]):
                break
            rule = rules.iloc[best_rule[u, j]]
            rows.append((customer_ids[u], rank, offers[j], _name(names, offers[j]), float(score[u, j]),
                         float(rule["lift"]),
                         " + ".join(_name(names, i) for i in sorted(rule["antecedents"], key=str)) + " => "
                         + _name(names, offers[j])))
    return pd.DataFrame(rows, columns=CROSS_SELL_COLUMNS)
