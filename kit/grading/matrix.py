"""Value matrices — 客户价值矩阵.

- :func:`value_matrix`: current value (目前价值) high/low × future value (未来价值) high/medium/low, six classes A–F.
- :func:`strategic_matrix`: value (客户价值) × strategic fit (战略匹配度), four classes.

Both return keys: levels ``"high"``/``"medium"``/``"low"``, the class (``"class_A"``, ``"strategic"``) and the
action (``"act_keep_all_costs"``); the localisation step gives their words.
"""

from __future__ import annotations

import pandas as pd

from ..errors import KitError
from .rfm import rank_cut

#: Default placement of the six classes (the source's figure is lost; this layout is the kit's, documented):
#: A high-high, B low-high, C high-medium, D high-low, E low-medium, F low-low.
VALUE_LAYOUT = {
    ("high", "high"): "A",
    ("low", "high"): "B",
    ("high", "medium"): "C",
    ("high", "low"): "D",
    ("low", "medium"): "E",
    ("low", "low"): "F",
}
VALUE_ACTIONS = {"A": "act_keep_all_costs", "B": "act_invest_protect", "C": "act_invest_gradually",
                 "D": "act_reduce", "E": "act_cut", "F": "act_divest"}
STRATEGIC = {("high", "high"): "strategic", ("high", "low"): "profit", ("low", "high"): "potential",
             ("low", "low"): "ordinary"}
STRATEGIC_ACTIONS = {"strategic": "act_partner", "profit": "act_harvest", "potential": "act_develop_fit",
                     "ordinary": "act_standard"}


def _aligned(a: pd.Series, b: pd.Series, names: tuple[str, str]) -> tuple[pd.Series, pd.Series]:
    a, b = pd.Series(a, dtype=float), pd.Series(b, dtype=float)
    if a.empty:
        raise KitError(f"no customers: {names[0]} is empty", hint="pass one value per customer")
    if not a.index.equals(b.index):
        missing = a.index.difference(b.index)
        if len(missing) or len(b.index.difference(a.index)):
            example = missing[0] if len(missing) else b.index.difference(a.index)[0]
            raise KitError(f"{names[0]} and {names[1]} cover different customers, e.g. {example!r}",
                           hint="index both by customer_id over the same customers")
        b = b.reindex(a.index)
    for series, name in ((a, names[0]), (b, names[1])):
        if series.isna().any():
            raise KitError(f"{name} is missing for {int(series.isna().sum())} customers, "
                           f"e.g. {series[series.isna()].index[0]!r}", hint="fill or drop them first")
    return a, b


def two_levels(values: pd.Series, threshold="median") -> pd.Series:
    """``"high"``/``"low"``: high when above the median or mean, or at least a given number.

    Parameters
    ----------
    values : Series
    threshold : {"median", "mean"} or number, default "median"

    Returns
    -------
    Series of str
        ``"high"`` or ``"low"`` (label keys), indexed like ``values``.

    Examples
    --------
    >>> two_levels(pd.Series([1, 2, 3])).tolist()
    ['low', 'low', 'high']
    """
    if threshold in ("median", "mean"):
        return pd.Series(values > values.agg(threshold), index=values.index).map({True: "high", False: "low"})
    if isinstance(threshold, (int, float)):
        return pd.Series(values >= threshold, index=values.index).map({True: "high", False: "low"})
    raise KitError(f"unknown threshold {threshold!r}", hint="use 'median', 'mean' or a number")


def three_levels(values: pd.Series) -> pd.Series:
    """``"high"``/``"medium"``/``"low"`` by tie-respecting terciles of rank (:func:`kit.grading.rfm.rank_cut` with
    3 bins).

    Parameters
    ----------
    values : Series

    Returns
    -------
    Series of str
        ``"low"``, ``"medium"`` or ``"high"`` (label keys), indexed like ``values``.

    Examples
    --------
    >>> three_levels(pd.Series([1, 2, 3, 4, 5, 6])).tolist()
    ['low', 'low', 'medium', 'medium', 'high', 'high']
    """
    return rank_cut(values, 3).map({1: "low", 2: "medium", 3: "high"})


def value_matrix(current, future, layout: dict | None = None, current_threshold="median") -> pd.DataFrame:
    """The six A–F classes of current × future value.

    Current value is high or low (:func:`two_levels`, against its median by default); future value high, medium
    or low by terciles (:func:`three_levels`). The class is ``layout[(current level, future level)]``.

    Parameters
    ----------
    current, future : Series
        Current and future value of the same customers (same index).
    layout : dict, optional
        ``(current level, future level)`` -> class letter; overrides :data:`VALUE_LAYOUT`.
    current_threshold : {"median", "mean"} or number, default "median"

    Returns
    -------
    DataFrame
        Indexed like ``current``: ``current_value``, ``future_value``, ``current_level``, ``future_level`` (keys),
        ``value_class`` (the letter ``"A"``..``"F"``), ``class`` (its key, ``"class_A"``) and ``action`` (key of
        :data:`VALUE_ACTIONS`).

    Examples
    --------
    >>> current = pd.Series([9, 8, 7, 3, 2, 1], index=list("abcdef"))
    >>> future = pd.Series([9, 2, 5, 8, 5, 1], index=list("abcdef"))
    >>> value_matrix(current, future)["value_class"].tolist()
    ['A', 'D', 'C', 'B', 'E', 'F']
    >>> value_matrix(current, future).loc["a", ["class", "action"]].tolist()
    ['class_A', 'act_keep_all_costs']
    """
    current, future = _aligned(current, future, ("current value", "future value"))
    layout = dict(VALUE_LAYOUT if layout is None else layout)
    out = pd.DataFrame({"current_value": current, "future_value": future,
                        "current_level": two_levels(current, current_threshold),
                        "future_level": three_levels(future)})
    cells = list(zip(out["current_level"], out["future_level"]))
    unplaced = sorted(set(cells) - set(layout))
    if unplaced:
        raise KitError(f"the layout does not place {unplaced[0]}", hint="give a class for all six cells")
    out["value_class"] = [layout[c] for c in cells]
    out["class"] = "class_" + out["value_class"]
    out["action"] = [VALUE_ACTIONS.get(c, "act_standard") for c in out["value_class"]]
    return out


def strategic_matrix(value, fit, threshold="median") -> pd.DataFrame:
    """Value × strategic fit: strategic (high, high), profit (high value, low fit), potential (low value, high
    fit), ordinary (low, low). Both split by :func:`two_levels` at ``threshold``.

    Parameters
    ----------
    value, fit : Series
        Value and strategic fit of the same customers (same index).
    threshold : {"median", "mean"} or number, default "median"

    Returns
    -------
    DataFrame
        Indexed like ``value``: ``value``, ``fit``, ``value_level``, ``fit_level``, ``class`` (key of
        :data:`STRATEGIC`) and ``action`` (key of :data:`STRATEGIC_ACTIONS`).

    Examples
    --------
    >>> strategic_matrix(pd.Series([9, 8, 1, 2]), pd.Series([9, 1, 8, 2]))["class"].tolist()
    ['strategic', 'profit', 'potential', 'ordinary']
    """
    value, fit = _aligned(value, fit, ("value", "strategic fit"))
    out = pd.DataFrame({"value": value, "fit": fit, "value_level": two_levels(value, threshold),
                        "fit_level": two_levels(fit, threshold)})
    out["class"] = [STRATEGIC[c] for c in zip(out["value_level"], out["fit_level"])]
    out["action"] = [STRATEGIC_ACTIONS[c] for c in out["class"]]
    return out


def matrix_counts(table: pd.DataFrame, rows: str, columns: str, row_order, column_order) -> pd.DataFrame:
    """Counts of customers in each cell of a matrix, rows and columns in the given order (empty cells 0).

    Parameters
    ----------
    table : DataFrame
        One row per customer, e.g. :func:`value_matrix`.
    rows, columns : str
        The columns whose values name the rows and the columns.
    row_order, column_order : list
        The values, in the order shown.

    Returns
    -------
    DataFrame
        Counts, indexed by ``row_order`` (index named ``rows``), columns ``column_order``.

    Examples
    --------
    >>> table = pd.DataFrame({"v": ["high", "low", "low"], "f": ["high", "high", "low"]})
    >>> matrix_counts(table, "v", "f", ["high", "low"], ["high", "low"]).values.tolist()
    [[1, 0], [1, 1]]
    """
    counts = pd.crosstab(table[rows], table[columns])
    return counts.reindex(index=list(row_order), columns=list(column_order), fill_value=0)
