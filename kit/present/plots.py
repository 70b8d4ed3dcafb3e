"""Plots, separate from computation: each takes a computed table and returns the matplotlib Axes.

Chinese labels need a CJK font. :func:`plot_language` finds one among the installed fonts; when there is none it
warns once and returns ``"en"`` so plots show English labels instead of empty boxes.
"""

from __future__ import annotations

import warnings

import matplotlib
import matplotlib.patches
import matplotlib.pyplot as plt
import matplotlib.ticker
import numpy as np
import pandas as pd
import seaborn as sns

from .labels import check_lang, label

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Arial Unicode MS", "AR PL UMing CN")
_warned = False


def cjk_font() -> str | None:
    """The name of an installed font that can draw Chinese, or ``None``."""
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def plot_language(lang: str) -> str:
    """The language plots can use: ``lang``, or ``"en"`` (with one warning) when Chinese cannot be drawn."""
    global _warned
    check_lang(lang)
    if lang != "zh":
        return lang
    font = cjk_font()
    if font:
        plt.rcParams["font.sans-serif"] = [font, *plt.rcParams["font.sans-serif"]]
        plt.rcParams["axes.unicode_minus"] = False
        return "zh"
    if not _warned:
        warnings.warn("no CJK font is installed, so plots use English labels "
                      "(install one, e.g. Debian's fonts-noto-cjk, to see Chinese)", stacklevel=2)
        _warned = True
    return "en"


def _axes(ax, size=(8, 3.5)):
    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def plot_cleaning(report, lang: str = "en", ax=None):
    """Bar chart of the rows set aside per reason."""
    lang = plot_language(lang)
    counts = report.counts[report.counts > 0].sort_values()
    ax = _axes(ax)
    ax.barh([label(k, lang) for k in counts.index], counts.values, color=sns.color_palette()[3])
    ax.set_xlabel(label("rows", lang))
    ax.set_title(f"{report.n_set_aside:,} / {report.n_rows:,}")
    return ax


def plot_monthly_sales(monthly: pd.DataFrame, lang: str = "en", ax=None):
    """Monthly revenue as bars, from :func:`kit.data.explore.monthly_sales`."""
    lang = plot_language(lang)
    ax = _axes(ax)
    ax.bar(monthly.index.astype(str), monthly["revenue"], color=sns.color_palette()[0])
    ax.set_ylabel(label("revenue", lang))
    ax.set_title(label("sales_over_time", lang))
    ax.tick_params(axis="x", rotation=60)
    return ax


def plot_counts(values: pd.Series, key: str, lang: str = "en", ax=None, clip: float = 0.99):
    """Histogram of a count per customer or order (``key`` names it), the top 1 % clipped for readability."""
    lang = plot_language(lang)
    ax = _axes(ax, (5, 3.5))
    upper = values.quantile(clip)
    sns.histplot(values.clip(upper=upper), discrete=True, ax=ax)
    ax.set_xlabel(label(key, lang))
    ax.set_ylabel(label("number_of_customers" if "customer" in key else "number_of_orders", lang))
    return ax


def plot_top_products(top: pd.DataFrame, by: str = "revenue", lang: str = "en", ax=None):
    """Horizontal bars of the best sellers from :func:`kit.data.explore.top_products`."""
    lang = plot_language(lang)
    ax = _axes(ax, (7, 4))
    names = top["product_name"].fillna(top["product_id"]).str.slice(0, 32)
    ax.barh(names[::-1], top[by][::-1], color=sns.color_palette()[2])
    ax.set_xlabel(label(by, lang))
    ax.set_title(label("top_products", lang))
    return ax


# --- value grading -------------------------------------------------------------------------------------------

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
    """Side-by-side bars of each segment's share of customers and share of value."""
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
    """Treemap of segments: area = number of customers, colour = share of value."""
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
    ax.plot(lorenz["customer_share"], lorenz["value_share"], label="Lorenz")
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey")
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
    return ax


def plot_count_matrix(counts: pd.DataFrame, title: str = "", ax=None, cmap: str = "Blues"):
    """Heat map of a count matrix (value matrix, migration matrix) with the counts written in."""
    ax = _axes(ax, (1.1 * counts.shape[1] + 2, 0.6 * counts.shape[0] + 1.5))
    sns.heatmap(counts, annot=True, fmt="d", cmap=cmap, cbar=False, ax=ax)
    ax.set_title(title)
    return ax


# --- lifetime value ------------------------------------------------------------------------------------------

def plot_holdout_by_frequency(table: pd.DataFrame, lang: str = "en", ax=None):
    """Actual vs predicted mean holdout purchases by calibration frequency (:func:`kit.clv.holdout_by_frequency`)."""
    lang = plot_language(lang)
    ax = _axes(ax, (6, 4))
    ax.plot(table.index, table["actual"], marker="o", label=label("actual", lang))
    ax.plot(table.index, table["predicted"], marker="s", linestyle="--", label=label("predicted", lang))
    ax.set_xlabel(label("calibration_frequency", lang))
    ax.set_ylabel(label("holdout_purchases", lang))
    ax.legend()
    return ax


def plot_matrix_heatmap(matrix: pd.DataFrame, title: str = "", ax=None, cmap: str = "viridis", fmt: str = ".2f",
                        annotate: bool = True, percent: bool = False):
    """Heat map of a numeric matrix (P(alive) by frequency and recency, cohort retention)."""
    ax = _axes(ax, (8, 5))
    sns.heatmap(matrix, annot=annotate, fmt=".0%" if percent else fmt, cmap=cmap, ax=ax, cbar=True,
                annot_kws={"fontsize": 7})
    ax.set_title(title)
    return ax


def plot_profit_by_tenure(profit: pd.Series, lang: str = "en", ax=None):
    """Bars of profit per customer by year of the relationship."""
    lang = plot_language(lang)
    ax = _axes(ax, (5, 3))
    ax.bar(profit.index.astype(str), profit.values, color=sns.color_palette()[2])
    ax.set_xlabel(label("relationship_year", lang))
    ax.set_ylabel(label("profit_per_customer", lang))
    return ax


def plot_top_values(values: pd.Series, n: int = 15, key: str = "clv", lang: str = "en", ax=None):
    """Horizontal bars of the ``n`` largest values (e.g. predicted CLV by customer)."""
    lang = plot_language(lang)
    top = values.sort_values(ascending=False).head(n)[::-1]
    ax = _axes(ax, (6, 0.3 * len(top) + 1))
    ax.barh(top.index.astype(str), top.values, color=sns.color_palette()[4])
    ax.set_xlabel(label(key, lang))
    return ax


# --- market baskets ------------------------------------------------------------------------------------------

def _short(text, width: int = 28) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def rule_label(itemset, names=None, width: int = 28) -> str:
    """Readable text of an itemset: product names (shortened), joined with ' + '."""
    return " + ".join(_short(names.get(i, i) if names is not None else i, width) for i in sorted(itemset, key=str))


def plot_rules_scatter(rules: pd.DataFrame, lang: str = "en", ax=None):
    """Support × confidence of each rule, coloured by lift."""
    lang = plot_language(lang)
    ax = _axes(ax, (6, 4.5))
    points = ax.scatter(rules["support"], rules["confidence"], c=rules["lift"], cmap="viridis", s=12, alpha=0.8)
    plt.colorbar(points, ax=ax, label=label("lift", lang))
    ax.set_xscale("log")
    ax.set_xlabel(label("support", lang))
    ax.set_ylabel(label("confidence", lang))
    return ax


def plot_rules_matrix(rules: pd.DataFrame, names=None, top: int = 15, measure: str = "lift", ax=None):
    """Heat map of ``measure`` for the strongest rules: antecedents in rows, consequents in columns."""
    strongest = rules.nlargest(top, measure)
    table = pd.DataFrame({"antecedent": [rule_label(a, names, 24) for a in strongest["antecedents"]],
                          "consequent": [rule_label(c, names, 24) for c in strongest["consequents"]],
                          measure: strongest[measure]})
    grid = table.pivot_table(index="antecedent", columns="consequent", values=measure, aggfunc="max")
    ax = _axes(ax, (0.55 * grid.shape[1] + 4, 0.4 * grid.shape[0] + 2))
    sns.heatmap(grid, annot=True, fmt=".1f", cmap="magma_r", ax=ax, cbar=False, annot_kws={"fontsize": 7})
    ax.set_xlabel("")
    ax.set_ylabel("")
    return ax


def plot_rules_network(rules: pd.DataFrame, names=None, top: int = 20, by: str = "lift", ax=None):
    """Network of the ``top`` rules by ``by``: products on a circle, an arrow from antecedent to consequent whose
    width grows with lift. Antecedents with several items are drawn from each of their items."""
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
    return ax


# --- customer targeting --------------------------------------------------------------------------------------

def plot_whale_curve(curve: pd.DataFrame, lang: str = "en", ax=None):
    """Cumulative share of profit against share of customers ranked by profit, with the peak marked."""
    lang = plot_language(lang)
    ax = _axes(ax, (6, 4))
    ax.plot(curve["customer_share"], curve["cumulative_profit_share"])
    ax.axhline(1.0, color="grey", linestyle="--", linewidth=0.8)
    summary = curve.attrs.get("summary", {})
    if summary:
        x = summary["customers_at_peak"] / summary["customers"]
        ax.plot([x], [summary["peak_share"]], "o", color="black")
        ax.annotate(f"{summary['peak_share']:.0%}", (x, summary["peak_share"]), textcoords="offset points",
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
    ax.legend(fontsize=7, ncol=3)
    return ax


def plot_segment_choice(scores: pd.DataFrame, lang: str = "en", ax=None):
    """Silhouette (left axis) and inertia (right axis, the elbow) for each k tried."""
    lang = plot_language(lang)
    ax = _axes(ax, (6, 3.5))
    ax.plot(scores.index, scores["silhouette"], marker="o", color=sns.color_palette()[0])
    ax.set_xlabel("k")
    ax.set_ylabel(label("silhouette", lang), color=sns.color_palette()[0])
    other = ax.twinx()
    other.plot(scores.index, scores["inertia"], marker="s", color=sns.color_palette()[1])
    other.set_ylabel(label("inertia", lang), color=sns.color_palette()[1])
    return ax


def plot_segments_pca(segmentation, ax=None, sample: int = 3000, seed: int = 0):
    """Customers on the first two principal components, coloured by segment (a fixed sample when large)."""
    ax = _axes(ax, (6, 5))
    points = segmentation.pca.join(segmentation.labels)
    if len(points) > sample:
        points = points.sample(sample, random_state=seed)
    for segment, group in points.groupby("segment"):
        ax.scatter(group["PC1"], group["PC2"], s=6, alpha=0.6,
                   label=f"{segment}: {segmentation.names.get(segment, '')}")  # names are built from feature keys
    ax.set_xlabel(f"PC1 ({segmentation.explained_variance[0]:.0%})")
    ax.set_ylabel(f"PC2 ({segmentation.explained_variance[1]:.0%})")
    ax.legend(fontsize=7, markerscale=2)
    return ax


def plot_segment_profile(profile: pd.DataFrame, lang: str = "en", ax=None):
    """Heat map of each segment's feature means relative to the overall mean (1 = average)."""
    lang = plot_language(lang)
    features = profile.drop(columns="customers").rename(columns=lambda c: label(c, lang))
    ratio = features.drop(index="overall") / features.loc["overall"].replace(0, np.nan)
    ax = _axes(ax, (0.9 * ratio.shape[1] + 2, 0.5 * ratio.shape[0] + 1.5))
    sns.heatmap(ratio.astype(float), annot=True, fmt=".2f", cmap="RdBu_r", center=1.0, ax=ax, cbar=False)
    ax.set_ylabel(label("segment", lang))
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
    ax.legend()
    return ax
