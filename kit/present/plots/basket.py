"""Plots of association rules (notebook 02): support-confidence scatter, a rule matrix and a product network.

Each takes the rules as :func:`kit.association_rules` returns them (canonical column names) and returns the Axes.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from ..labels import label
from .common import plot_language, _axes, _short


def rule_label(itemset, names=None, width: int = 28) -> str:
    """Readable text of an itemset: product names (shortened), joined with ' + '.

    Parameters
    ----------
    itemset : iterable of item labels
    names : Series or dict, optional
        Item label -> display name; default the labels.
    width : int
        Longest name shown; longer ones are shortened.

    Returns
    -------
    str

    Examples
    --------
    >>> rule_label(frozenset({"b", "a"}), {"a": "apple"})
    'apple + b'
    """
    return " + ".join(_short(names.get(i, i) if names is not None else i, width) for i in sorted(itemset, key=str))


def plot_rules_scatter(rules: pd.DataFrame, lang: str = "en", ax=None):
    """Support × confidence of each rule, coloured by lift.

    Parameters
    ----------
    rules : DataFrame
        ``support``, ``confidence`` and ``lift`` columns.
    lang : {"zh", "en"}
        Language of the axis labels.
    ax : Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> rules = pd.DataFrame({"support": [0.1, 0.2], "confidence": [0.5, 0.8], "lift": [1.2, 2.0]})
    >>> ax = plot_rules_scatter(rules, "en")
    >>> ax.get_xlabel(), ax.get_ylabel()
    ('support', 'confidence')
    >>> plt.close(ax.figure)
    """
    lang = plot_language(lang)
    ax = _axes(ax, (6, 4.5))
    points = ax.scatter(rules["support"], rules["confidence"], c=rules["lift"], cmap="viridis", s=12, alpha=0.8)
    plt.colorbar(points, ax=ax, label=label("lift", lang))
    ax.set_xscale("log")
    ax.set_xlabel(label("support", lang))
    ax.set_ylabel(label("confidence", lang))
    ax.set_title(label("mb_scatter_title", lang))
    return ax


def plot_rules_matrix(rules: pd.DataFrame, names=None, top: int = 15, measure: str = "lift", lang: str = "en",
                      ax=None):
    """Heat map of ``measure`` for the strongest rules: antecedents in rows, consequents in columns, the values
    written in each cell (with as many decimals as they need) and a colour bar.

    Parameters
    ----------
    rules : DataFrame
        ``antecedents``, ``consequents`` and the ``measure`` column.
    names : Series or dict, optional
        Item label -> display name.
    top : int
        Number of rules shown (the largest ``measure``).
    measure : str
        A rule measure (a label key: ``"lift"``, ``"leverage"``, ...).
    lang : {"zh", "en"}
        Language of the title, the axis titles and the colour bar.
    ax : Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> rules = pd.DataFrame({"antecedents": [frozenset("a"), frozenset("b")],
    ...                       "consequents": [frozenset("b"), frozenset("a")], "leverage": [0.031, 0.029]})
    >>> ax = plot_rules_matrix(rules, measure="leverage")
    >>> ax.get_xlabel(), ax.get_ylabel(), ax.texts[0].get_text()
    ('consequent (also bought)', 'antecedent (in the basket)', '0.031')
    >>> plt.close(ax.figure)
    """
    lang = plot_language(lang)
    strongest = rules.nlargest(top, measure)
    table = pd.DataFrame({"antecedent": [rule_label(a, names, 24) for a in strongest["antecedents"]],
                          "consequent": [rule_label(c, names, 24) for c in strongest["consequents"]],
                          measure: strongest[measure]})
    grid = table.pivot_table(index="antecedent", columns="consequent", values=measure, aggfunc="max")
    largest = float(np.nanmax(np.abs(grid.to_numpy()))) if grid.size else 1.0
    fmt = ".1f" if largest >= 10 else ".2f" if largest >= 0.1 else ".3f"
    ax = _axes(ax, (0.6 * grid.shape[1] + 5, 0.45 * grid.shape[0] + 2.5))
    sns.heatmap(grid, annot=True, fmt=fmt, cmap="magma_r", ax=ax, linewidths=0.5, linecolor="white",
                cbar_kws={"label": label(measure, lang)}, annot_kws={"fontsize": 8})
    ax.set_xlabel(label("mb_axis_consequent", lang))
    ax.set_ylabel(label("mb_axis_antecedent", lang))
    ax.set_title(label("mb_matrix_title", lang).format(measure=label(measure, lang), top=len(strongest)))
    ax.tick_params(labelsize=8)
    plt.setp(ax.get_xticklabels(), rotation=40, ha="right")
    return ax


def plot_rules_network(rules: pd.DataFrame, names=None, top: int = 20, by: str = "lift", lang: str = "en",
                       ax=None):
    """Network of the ``top`` rules by ``by``: products on a circle, an arrow from antecedent to consequent whose
    width grows with lift. Antecedents with several items are drawn from each of their items.

    Parameters
    ----------
    rules : DataFrame
        ``antecedents``, ``consequents``, ``lift`` and the ``by`` column.
    names : Series or dict, optional
        Item label -> display name.
    top : int
        Number of rules drawn.
    by : str
        Measure that picks the rules (a label key).
    lang : {"zh", "en"}
        Language of the title.
    ax : Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> rules = pd.DataFrame({"antecedents": [frozenset("a")], "consequents": [frozenset("b")], "lift": [2.0]})
    >>> ax = plot_rules_network(rules)
    >>> plt.close(ax.figure)
    """
    lang = plot_language(lang)
    strongest = rules.nlargest(top, by)
    nodes = sorted({i for a, c in zip(strongest["antecedents"], strongest["consequents"]) for i in a | c}, key=str)
    angle = np.linspace(0, 2 * np.pi, len(nodes), endpoint=False)
    position = {n: (np.cos(t), np.sin(t)) for n, t in zip(nodes, angle)}
    ax = _axes(ax, (9, 9))
    top_lift = strongest["lift"].max()
    for a, c, lift in zip(strongest["antecedents"], strongest["consequents"], strongest["lift"]):
        for i in a:
            for j in c:
                ax.annotate("", xy=position[j], xytext=position[i],
                            arrowprops=dict(arrowstyle="-|>", lw=0.5 + 3 * lift / top_lift, alpha=0.6,
                                            color=sns.color_palette()[0], shrinkA=6, shrinkB=6))
    for n, (x, y) in position.items():
        ax.plot(x, y, "o", color=sns.color_palette()[3])
        ax.text(1.08 * x, 1.08 * y, _short(names.get(n, n) if names is not None else n, 26), fontsize=7,
                ha="left" if x >= 0 else "right", va="center")
    ax.set_xlim(-1.9, 1.9)
    ax.set_ylim(-1.4, 1.4)
    ax.set_axis_off()
    ax.set_title(label("mb_network_title", lang).format(measure=label(by, lang), top=len(strongest)))
    return ax
