"""Plots of customer targeting (notebook 01): whale curve, relationship-value terms, segment choice, profile
and PCA view, the look-alike gain chart.
"""

from __future__ import annotations

import matplotlib.ticker
import numpy as np
import pandas as pd
import seaborn as sns

from ..labels import label
from .common import plot_language, _axes


def plot_whale_curve(whale, lang: str = "en", ax=None):
    """Cumulative share of profit against share of customers ranked by profit, with the peak marked.

    ``whale`` is a :class:`kit.targeting.WhaleCurve` (or just its ``curve`` table: then no peak is marked).
    """
    lang = plot_language(lang)
    ax = _axes(ax, (6, 4))
    curve = whale if isinstance(whale, pd.DataFrame) else whale.curve
    ax.plot(curve["customer_share"], curve["cumulative_profit_share"])
    ax.axhline(1.0, color="grey", linestyle="--", linewidth=0.8)
    if not isinstance(whale, pd.DataFrame):
        x = whale.customers_at_peak / whale.customers
        ax.plot([x], [whale.peak_share], "o", color="black")
        ax.annotate(f"{whale.peak_share:.0%}", (x, whale.peak_share), textcoords="offset points",
                    xytext=(-8, 8), ha="right")
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel(label("customer_share", lang))
    ax.set_ylabel(label("cumulative_profit_share", lang))
    return ax


def plot_value_terms(value: pd.DataFrame, customers, lang: str = "en", ax=None):
    """The four terms of relationship value for some customers: values up, costs down, the total as a dot."""
    lang = plot_language(lang)
    rows = value.loc[list(customers)]
    ax = _axes(ax, (8, 3.5))
    x = np.arange(len(rows))
    ax.bar(x, rows["explicit_value"], label=label("explicit_value", lang))
    ax.bar(x, rows["implicit_value"], bottom=rows["explicit_value"], label=label("implicit_value", lang))
    ax.bar(x, -rows["explicit_cost"], label=label("explicit_cost", lang))
    ax.bar(x, -rows["implicit_cost"], bottom=-rows["explicit_cost"], label=label("implicit_cost", lang))
    ax.plot(x, rows["relationship_value"], "D", color="black", label=label("relationship_value", lang))
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_xticks(x, [str(c) for c in rows.index], rotation=45)
    ax.set_xlabel(label("customer_id", lang))
    ax.set_title(label("ct_value_terms_title", lang), fontsize=10)
    ax.legend(fontsize=7, ncol=3)
    return ax


def plot_segment_choice(scores: pd.DataFrame, lang: str = "en", ax=None):
    """Silhouette (left axis) and inertia (right axis, the elbow) for each k tried."""
    lang = plot_language(lang)
    ax = _axes(ax, (6, 3.5))
    ax.plot(scores.index, scores["silhouette"], marker="o", color=sns.color_palette()[0])
    ax.set_xlabel(label("ct_k", lang))
    ax.set_ylabel(label("silhouette", lang), color=sns.color_palette()[0])
    ax.set_title(label("ct_choice_title", lang), fontsize=10)
    other = ax.twinx()
    other.plot(scores.index, scores["inertia"], marker="s", color=sns.color_palette()[1])
    other.set_ylabel(label("inertia", lang), color=sns.color_palette()[1])
    return ax


def plot_segments_pca(segmentation, lang: str = "en", ax=None, sample: int = 3000, seed: int = 0):
    """Customers on the first two principal components, coloured by segment (a fixed sample when large), with the
    segments' names in ``lang``."""
    lang = plot_language(lang)
    ax = _axes(ax, (6, 5))
    points = segmentation.pca.join(segmentation.labels)
    if len(points) > sample:
        points = points.sample(sample, random_state=seed)
    for segment, group in points.groupby("segment"):
        ax.scatter(group["PC1"], group["PC2"], s=6, alpha=0.6,
                   label=f"{segment}: {label(segmentation.names.get(segment, ''), lang)}")
    ax.set_xlabel(label("ct_pc_axis", lang).format(n=1, share=segmentation.explained_variance[0]))
    ax.set_ylabel(label("ct_pc_axis", lang).format(n=2, share=segmentation.explained_variance[1]))
    ax.set_title(label("ct_pca_title", lang), fontsize=10)
    ax.legend(fontsize=7, markerscale=2)
    return ax


def plot_segment_profile(profile: pd.DataFrame, lang: str = "en", ax=None, names=None):
    """Heat map of each segment's feature means relative to the overall mean (1 = average); with ``names`` (the
    name key of each segment id, :attr:`kit.targeting.Segmentation.names`) the rows are named in ``lang``."""
    lang = plot_language(lang)
    features = profile.drop(columns="customers").rename(columns=lambda c: label(c, lang))
    ratio = features.drop(index="overall") / features.loc["overall"].replace(0, np.nan)
    if names is not None:
        ratio.index = [f"{i}: {label(names.get(i, ''), lang)}" for i in ratio.index]
    ax = _axes(ax, (0.9 * ratio.shape[1] + 2 + (2 if names is not None else 0), 0.5 * ratio.shape[0] + 1.5))
    sns.heatmap(ratio.astype(float), annot=True, fmt=".2f", cmap="RdBu_r", center=1.0, ax=ax, cbar=False)
    ax.set_ylabel(label("segment", lang))
    ax.set_title(label("ct_profile_title", lang), fontsize=10)
    return ax


def plot_gain(gain: pd.DataFrame, lang: str = "en", ax=None):
    """Cumulative gain chart: share of seed customers found against share of customers contacted, best first."""
    lang = plot_language(lang)
    ax = _axes(ax, (5, 4))
    ax.plot([0, *gain["customer_share"]], [0, *gain["seed_share_found"]], marker="o", label=label("model", lang))
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label=label("random", lang))
    ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.yaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
    ax.set_xlabel(label("customer_share", lang))
    ax.set_ylabel(label("seed_share_found", lang))
    ax.set_title(label("ct_gain_title", lang), fontsize=10)
    ax.legend()
    return ax
