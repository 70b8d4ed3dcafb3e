"""Points-based customer value — 客户积分制.

    customer value = cumulative purchase amount + current sales opportunity
                   + the customer's suggestions + the customer's future demand

each turned into points. The source's example rules are the defaults (:data:`DEFAULT_RULES`): money in proportion,
1,000,000 → 10 points (so 500,000 → 5); a high-value suggestion 10 points, an ordinary one 2, none 0. A rule table
of your own replaces them -- and may add terms, e.g. arrears with negative points.

A term whose column is missing is never counted as zero silently: ``missing="error"`` (default) stops with the
list of missing columns; ``missing="omit"`` leaves the term out, shows it as missing and marks the total
``complete = False``.
"""

from __future__ import annotations

import pandas as pd

from ..errors import KitError

#: term -> rule. ``per``/``points``: money, ``points`` per ``per`` units; ``each``: points per counted item.
DEFAULT_RULES = {
    "cumulative_purchase": {"column": "cumulative_purchase", "per": 100_000, "points": 1},
    "sales_opportunity": {"column": "sales_opportunity", "per": 100_000, "points": 1},
    "high_value_suggestions": {"column": "high_value_suggestions", "each": 10},
    "ordinary_suggestions": {"column": "ordinary_suggestions", "each": 2},
    "future_demand": {"column": "future_demand", "per": 100_000, "points": 1},
}


def _rule_points(values: pd.Series, rule: dict, term: str) -> pd.Series:
    if "each" in rule:
        return values * float(rule["each"])
    if "per" in rule and "points" in rule:
        return values / float(rule["per"]) * float(rule["points"])
    raise KitError(f"rule {term!r} needs 'each' or both 'per' and 'points'",
                   hint="e.g. {'column': 'sales', 'per': 100000, 'points': 1}")


def omitted_terms(customers: pd.DataFrame, rules: dict | None = None) -> list[str]:
    """The terms of ``rules`` whose column ``customers`` does not have: what ``missing="omit"`` leaves out.

    Parameters
    ----------
    customers : DataFrame
        One row per customer.
    rules : dict, optional
        The rule table (:data:`DEFAULT_RULES` by default).

    Returns
    -------
    list of str
        The terms, in the order of ``rules``.

    Examples
    --------
    >>> omitted_terms(pd.DataFrame({"cumulative_purchase": [1_000_000]}))
    ['sales_opportunity', 'high_value_suggestions', 'ordinary_suggestions', 'future_demand']
    """
    rules = DEFAULT_RULES if rules is None else rules
    return [t for t, r in rules.items() if r.get("column", t) not in customers]


def points_score(customers: pd.DataFrame, rules: dict | None = None, missing: str = "error") -> pd.DataFrame:
    """Points per term and their total for each customer (row of ``customers``).

    A money rule gives ``points × value / per``, a counting rule ``each × count``;
    ``points = Σ_terms points_term``.

    Parameters
    ----------
    customers : DataFrame
        One row per customer, with a column per term (``rule["column"]``, default the term's name).
    rules : dict, optional
        term -> rule (:data:`DEFAULT_RULES` by default): ``{"column", "per", "points"}`` or ``{"column", "each"}``.
    missing : {"error", "omit"}, default "error"
        What a term without a column does: stop with the list of missing columns, or be left out (shown as missing;
        :func:`omitted_terms` lists them).

    Returns
    -------
    DataFrame
        Indexed like ``customers``: the points of each term, ``points`` (the total) and ``complete`` (False when a
        term was left out).

    Examples
    --------
    >>> customers = pd.DataFrame({"cumulative_purchase": [1_000_000, 500_000], "sales_opportunity": [0, 200_000],
    ...     "high_value_suggestions": [5, 0], "ordinary_suggestions": [0, 1], "future_demand": [100_000, 0]},
    ...     index=["甲", "乙"])
    >>> points_score(customers)["points"].tolist()
    [61.0, 9.0]
    """
    if missing not in ("error", "omit"):
        raise KitError(f"missing must be 'error' or 'omit', got {missing!r}", hint="see kit.points_score")
    rules = DEFAULT_RULES if rules is None else rules
    if not rules:
        raise KitError("the rule table is empty", hint="give at least one term")
    absent = omitted_terms(customers, rules)
    if absent and missing == "error":
        raise KitError(f"no column for {', '.join(repr(t) for t in absent)} in the customer table "
                       f"(columns found: {', '.join(map(str, customers.columns))})",
                       hint="add the columns, point the rules at your columns, or pass missing='omit' to leave "
                            "those terms out explicitly")
    out = pd.DataFrame(index=customers.index)
    for term, rule in rules.items():
        column = rule.get("column", term)
        if term in absent:
            out[term] = float("nan")
            continue
        values = pd.to_numeric(customers[column], errors="coerce")
        if values.isna().any():
            raise KitError(f"column {column!r} has {int(values.isna().sum())} missing or non-numeric values, e.g. "
                           f"for {values[values.isna()].index[0]!r}", hint="fill them (0 if truly none) first")
        out[term] = _rule_points(values.astype(float), rule, term).round(2)
    out["points"] = out[[t for t in rules if t not in absent]].sum(axis=1).round(2)
    out["complete"] = not absent
    return out
