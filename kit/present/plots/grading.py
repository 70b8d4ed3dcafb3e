"""Plots of value grading (notebook 03): RFM distributions and score heatmap, segment shares and treemap, the
Lorenz curve with ABC cuts, the value matrix and the grade migration matrix. Each takes the keyed tables of
:mod:`kit.grading` and draws their words in ``lang``.
"""

from __future__ import annotations

import matplotlib.patches
import matplotlib.pyplot as plt
import matplotlib.ticker
import pandas as pd
import seaborn as sns

from ..labels import label
from ..localise import localise
from ...grading.matrix import VALUE_LAYOUT
from .common import plot_count_matrix, plot_language, _axes


def plot_rfm_distributions(rfm: pd.DataFrame, lang: str = "en"):
    """Histograms of recency, frequency and monetary (the last two on a log scale); returns the Figure."""
    lang = plot_language(lang)
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.2))
    for ax, measure in zip(axes, ("recency", "frequency", "monetary")):
        values = rfm[measure]
        log = measure != "recency"
        sns.histplot(values[values > 0] if log else values, bins=40, log_scale=log, ax=ax)
        ax.set_xlabel(label(measure, lang))
        ax.set_ylabel(label("number_of_customers", lang))
    fig.tight_layout()
    return fig


def plot_score_heatmap(scores: pd.DataFrame, rfm: pd.DataFrame, lang: str = "en", ax=None):
    """R × F grid of score cells: number of customers, coloured by their mean monetary value."""
    lang = plot_language(lang)
    ax = _axes(ax, (6, 4.5))
    joined = scores[["R", "F"]].join(rfm["monetary"])
    counts = joined.pivot_table(index="F", columns="R", values="monetary", aggfunc="size", fill_value=0)
    means = joined.pivot_table(index="F", columns="R", values="monetary", aggfunc="mean")
    counts = counts.sort_index(ascending=False)
    means = means.reindex_like(counts)
    sns.heatmap(means, annot=counts, fmt="d", cmap="YlGnBu", ax=ax, cbar_kws={"label": label("mean_monetary", lang)})
    ax.set_xlabel(label("R", lang))
    ax.set_ylabel(label("F", lang))
    return ax


def plot_segment_shares(summary: pd.DataFrame, lang: str = "en", ax=None):
    """Side-by-side bars of each segment's share of customers and share of value.

    Parameters
    ----------
    summary : DataFrame
        :func:`kit.grading.segment_summary` (indexed by segment key).
    lang : {"zh", "en"}
    ax : Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> summary = pd.DataFrame({"customer_share": [0.3, 0.7], "value_share": [0.8, 0.2]},
    ...                        index=pd.Index(["important_value", "general_win_back"], name="segment"))
    >>> [t.get_text() for t in plot_segment_shares(summary).get_yticklabels()]
    ['important value', 'general win-back']
    >>> plt.close("all")
    """
    lang = plot_language(lang)
    ax = _axes(ax, (8, 4))
    names = [label(k, lang) for k in summary.index]
    positions = range(len(summary))
    ax.barh([p + 0.2 for p in positions], summary["customer_share"], height=0.4,
            label=label("customer_share", lang))
    ax.barh([p - 0.2 for p in positions], summary["value_share"], height=0.4, label=label("value_share", lang))
    ax.set_yticks(list(positions), names)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.legend(loc="lower right")
    return ax


def squarify(sizes, x: float, y: float, width: float, height: float) -> list[tuple[float, float, float, float]]:
    """Rectangles ``(x, y, w, h)`` of a squarified treemap (Bruls, Huizing & van Wijk 2000) of ``sizes``,
    largest first, filling the given box."""
    sizes = [float(s) for s in sizes]
    total = sum(sizes)
    scaled = [s * width * height / total for s in sizes]
    rects: list = []

    def worst(row, side):
        s = sum(row)
        return max(max(side * side * r / (s * s), (s * s) / (side * side * r)) for r in row)

    def layout(row, x, y, w, h):
        s = sum(row)
        if w >= h:  # lay the row out as a column on the left
            cw = s / h
            yy = y
            for r in row:
                rects.append((x, yy, cw, r / cw))
                yy += r / cw
            return x + cw, y, w - cw, h
        rh = s / w
        xx = x
        for r in row:
            rects.append((xx, y, r / rh, rh))
            xx += r / rh
        return x, y + rh, w, h - rh

    row: list = []
    for size in scaled:
        side = min(width, height)
        if row and worst(row + [size], side) > worst(row, side):
            x, y, width, height = layout(row, x, y, width, height)
            row = []
        row.append(size)
    if row:
        layout(row, x, y, width, height)
    return rects


def plot_segment_treemap(summary: pd.DataFrame, lang: str = "en", ax=None):
    """Treemap of segments: area = number of customers, colour = share of value.

    Parameters
    ----------
    summary : DataFrame
        :func:`kit.grading.segment_summary` (indexed by segment key).
    lang : {"zh", "en"}
    ax : Axes, optional

    Returns
    -------
    Axes
    """
    lang = plot_language(lang)
    ax = _axes(ax, (9, 5))
    ordered = summary.sort_values("customers", ascending=False)
    rects = squarify(ordered["customers"], 0, 0, 100, 60)
    cmap = plt.get_cmap("YlOrRd")
    top = ordered["value_share"].max()
    for (x, y, w, h), (key, row) in zip(rects, ordered.iterrows()):
        ax.add_patch(matplotlib.patches.Rectangle((x, y), w, h, facecolor=cmap(0.15 + 0.8 * row["value_share"] / top),
                                                  edgecolor="white", linewidth=2))
        if w * h > 60:
            ax.text(x + w / 2, y + h / 2, f"{label(key, lang)}\n{row['customer_share']:.0%} / {row['value_share']:.0%}",
                    ha="center", va="center", fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 60)
    ax.set_axis_off()
    ax.set_title(f"{label('customer_share', lang)} / {label('value_share', lang)}")
    return ax


def plot_lorenz(lorenz: pd.DataFrame, grades: pd.DataFrame | None = None, lang: str = "en", ax=None):
    """Lorenz curve with the line of equality; with ``grades`` from :func:`kit.abc_grades`, the A/B cut points
    marked on the curve of the best customers first."""
    lang = plot_language(lang)
    ax = _axes(ax, (5, 5))
    ax.plot(lorenz["customer_share"], lorenz["value_share"], label=label("vg_lorenz", lang))
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label=label("vg_equality", lang))
    if grades is not None:
        for grade in ("A", "B"):
            last = grades[grades["grade"] == grade]
            if len(last):
                cs, vs = last["cumulative_customer_share"].iloc[-1], last["cumulative_value_share"].iloc[-1]
                ax.plot([1 - cs], [1 - vs], "o", color="black")
                ax.annotate(f"{grade}: {cs:.0%} → {vs:.0%}", (1 - cs, 1 - vs), textcoords="offset points",
                            xytext=(-10, 8), ha="right")
    ax.set_xlabel(label("cumulative_customer_share", lang))
    ax.set_ylabel(label("cumulative_value_share", lang))
    ax.legend(loc="upper left")
    ax.set_title(label("vg_lorenz_title", lang))
    return ax


def plot_value_matrix(counts: pd.DataFrame, lang: str = "en", title: str | None = None, layout: dict | None = None,
                      ax=None):
    """Heat map of the current × future value matrix: each cell names its class (A–F) and its count.

    Parameters
    ----------
    counts : DataFrame
        :func:`kit.grading.matrix_counts` of :func:`kit.grading.value_matrix`: future level (rows) × current level
        (columns), as keys ``"high"``/``"medium"``/``"low"``.
    lang : {"zh", "en"}
    title : str, optional
        Default: the matrix's name in ``lang``.
    layout : dict, optional
        ``(current level, future level)`` -> class letter, as given to :func:`kit.grading.value_matrix`; default
        :data:`kit.grading.VALUE_LAYOUT`.
    ax : Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> counts = pd.DataFrame([[1, 2], [3, 4], [5, 6]], index=["high", "medium", "low"], columns=["high", "low"])
    >>> ax = plot_value_matrix(counts)
    >>> [t.get_text() for t in ax.get_xticklabels()]
    ['current value: high', 'current value: low']
    >>> [t.get_text() for t in ax.texts][:2]
    ['A: first-priority\\n1', 'B: considerable potential\\n2']
    >>> plt.close("all")
    """
    lang = plot_language(lang)
    layout = VALUE_LAYOUT if layout is None else layout
    notes = pd.DataFrame([[f"{label('class_' + layout[(current, future)], lang)}\n{counts.loc[future, current]:,}"
                           if (current, future) in layout else f"{counts.loc[future, current]:,}"
                           for current in counts.columns] for future in counts.index],
                         index=counts.index, columns=counts.columns)
    labelled = counts.rename(index=lambda k: f"{label('future_value', lang)}: {label(k, lang)}",
                             columns=lambda k: f"{label('current_value', lang)}: {label(k, lang)}")
    ax = _axes(ax, (2.6 * counts.shape[1] + 2, 1.1 * counts.shape[0] + 1.2))
    sns.heatmap(labelled.rename_axis(index=None, columns=None), annot=notes.to_numpy(), fmt="", cmap="Blues",
                cbar=False, ax=ax)  # the tick labels name both axes
    ax.set_title(label("vg_value_matrix_title", lang) if title is None else title)
    return ax


def plot_migration(matrix: pd.DataFrame, lang: str = "en", title: str = "", ax=None):
    """Heat map of the grade migration matrix (segment in period A × segment in period B) with the counts.

    Parameters
    ----------
    matrix : DataFrame
        ``Migration.matrix`` of :func:`kit.grading.grade_migration` (segment keys, ``"new"``, ``"lost"``).
    lang : {"zh", "en"}
    title : str, optional
    ax : Axes, optional

    Returns
    -------
    Axes

    Examples
    --------
    >>> matrix = pd.DataFrame([[2, 1], [1, 0]], index=pd.Index(["important_value", "new"], name="segment_a"),
    ...                       columns=pd.Index(["important_value", "lost"], name="segment_b"))
    >>> [t.get_text() for t in plot_migration(matrix).get_yticklabels()]
    ['important value', 'new']
    >>> plt.close("all")
    """
    lang = plot_language(lang)
    shown = localise(matrix, lang)
    shown.columns.name = label(matrix.columns.name, lang) if isinstance(matrix.columns.name, str) else None
    return plot_count_matrix(shown, title, ax=ax, cmap="Oranges")
