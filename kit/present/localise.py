"""The one localisation step — 本地化: a table of keys becomes a table for people in one language.

Methods return tables whose column names and coded values are label keys (``segment = "important_value"``,
``action = "act_develop"``). :func:`localise` replaces them by their labels in :data:`~kit.present.labels.LABELS`;
nothing is ever translated back, so machine-readable results keep their keys (:mod:`kit.present.results`).
"""

from __future__ import annotations

import pandas as pd

from .labels import KEY_COLUMNS, LABELS, check_lang, label


def localise_values(values: pd.Series, lang: str) -> pd.Series:
    """Each value of ``values`` that is a label key replaced by its label in ``lang``; other values unchanged.

    >>> localise_values(pd.Series(["cancellation", "x"]), "zh").tolist()
    ['取消订单', 'x']
    """
    check_lang(lang)
    mapping = {key: entry[lang] for key, entry in LABELS.items()}
    return values.map(lambda v: mapping.get(v, v) if isinstance(v, str) else v)


def localise(frame: pd.DataFrame | pd.Series, lang: str, values=None) -> pd.DataFrame | pd.Series:
    """``frame`` for people in ``lang``: label keys in the column names, the index name and the coded columns
    become labels.

    Parameters
    ----------
    frame : DataFrame or Series
        A table whose columns are canonical names (label keys).
    lang : {"zh", "en"}
    values : iterable of str, optional
        The columns whose values are keys to translate; default the columns of
        :data:`~kit.present.labels.KEY_COLUMNS` that ``frame`` has (for a Series: its values when its name is one).

    Returns
    -------
    A copy; ``frame`` itself is left as it is.

    Examples
    --------
    >>> localise(pd.DataFrame({"reason": ["cancellation"], "rows": [3]}), "zh")
         原因  行数
    0  取消订单   3
    """
    check_lang(lang)
    if isinstance(frame, pd.Series):
        out = frame.copy()
        if (values is None and frame.name in KEY_COLUMNS) or values:
            out = localise_values(out, lang)
        out.name = label(frame.name, lang) if isinstance(frame.name, str) else frame.name
        out.index.name = label(out.index.name, lang) if isinstance(out.index.name, str) else out.index.name
        return out
    columns = [c for c in (KEY_COLUMNS if values is None else values) if c in frame.columns]
    out = frame.copy()
    for column in columns:
        out[column] = localise_values(out[column], lang)
    if isinstance(out.index.name, str):
        if out.index.name in KEY_COLUMNS:
            out.index = localise_values(out.index.to_series(), lang).to_numpy()
            out.index.name = frame.index.name
        out.index.name = label(out.index.name, lang)
    if isinstance(out.columns.name, str):  # a crosstab's column axis
        out.columns.name = label(out.columns.name, lang)
    return out.rename(columns=lambda c: label(c, lang) if isinstance(c, str) else c)
