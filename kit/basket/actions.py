"""From rules to actions — 相关陈列与交叉销售: which products to place together, what to offer each customer."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import KitError


def _name(names, item) -> str:
    return str(names.get(item, item)) if names is not None else str(item)


def placement_pairs(rules: pd.DataFrame, names: pd.Series | None = None, min_lift: float = 1.0,
                    top: int | None = 20) -> pd.DataFrame:
    """Product pairs to display together (相关陈列), strongest first, with why.

    Each pair of single items comes once, with its baskets, lift (the same both ways), leverage and the confidence
    in each direction; ``reason`` says it in words. Taken from the rules with one item on each side.
    """
    single = rules[(rules["antecedents"].map(len) == 1) & (rules["consequents"].map(len) == 1)]
    if single.empty:
        return pd.DataFrame(columns=["item_a", "item_b", "name_a", "name_b", "baskets", "support", "lift",
                                     "leverage", "confidence_a_to_b", "confidence_b_to_a", "reason"])
    n = rules.attrs.get("n_transactions")
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
    table = pd.DataFrame(rows.values())
    table = table[table["lift"] >= min_lift].sort_values(["lift", "support"], ascending=False, kind="stable")
    if top is not None:
        table = table.head(top)
    table["reason"] = [
        f"together in {r.baskets:,} baskets, {r.lift:.1f} times as often as by chance; "
        f"{r.confidence_a_to_b:.0%} of {r.name_a} baskets hold {r.name_b}, {r.confidence_b_to_a:.0%} the other way"
        if n else f"lift {r.lift:.1f}" for r in table.itertuples()]
    return table.reset_index(drop=True)


def cross_sell(tx: pd.DataFrame, rules: pd.DataFrame, customers=None, k: int = 3, by: str = "confidence",
               item: str = "product_id", names: pd.Series | None = None) -> pd.DataFrame:
    """The top ``k`` products to offer each customer (交叉销售): those the customer's purchases trigger through
    ``rules`` (all antecedent items bought), excluding what they already bought, scored by the best triggering
    rule's ``by`` measure.

    Returns one row per customer and offer: ``customer_id, rank, item, name, score, lift, rule``; customers
    without an offer are left out.
    """
    if by not in rules:
        raise KitError(f"rules have no {by!r} column", hint="use 'confidence', 'lift' or another rule measure")
    bought = tx.dropna(subset=["customer_id", item])
    if customers is not None:
        bought = bought[bought["customer_id"].isin(list(customers))]
    if bought.empty or rules.empty:
        return pd.DataFrame(columns=["customer_id", "rank", "item", "name", "score", "lift", "rule"])
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
    return pd.DataFrame(rows, columns=["customer_id", "rank", "item", "name", "score", "lift", "rule"])
