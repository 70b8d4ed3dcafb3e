"""Shared by the plots of every area: a font that draws Chinese, the language plots can use, blank axes and
labelled count or value heatmaps.
"""

from __future__ import annotations

import warnings

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from ..labels import check_lang

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "SimHei", "Microsoft YaHei", "PingFang SC", "Heiti SC", "Arial Unicode MS", "AR PL UMing CN")
_warned = False


def cjk_font() -> str | None:
    """The name of an installed font that can draw Chinese, or ``None``.

    Matplotlib lists the system's fonts once and keeps the list in its cache, so a font installed later (e.g.
    Debian's fonts-noto-cjk after the first plot) is missing from it: when none of :data:`CJK_FONTS` is listed, the
    font files the list lacks are added before giving up.
    """
    from matplotlib import font_manager

    def listed():
        installed = {f.name for f in font_manager.fontManager.ttflist}
        return next((name for name in CJK_FONTS if name in installed), None)

    return listed() or (_add_unlisted_fonts() and listed())


def _add_unlisted_fonts() -> int:
    """Add the system's font files that matplotlib's cached list lacks; return how many were added."""
    from matplotlib import font_manager

    known = {f.fname for f in font_manager.fontManager.ttflist}
    added = 0
    for path in font_manager.findSystemFonts():
        if path not in known:
            try:
                font_manager.fontManager.addfont(path)
                added += 1
            except (OSError, RuntimeError, ValueError):  # a file FreeType cannot read
                continue
    return added


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


def plot_count_matrix(counts: pd.DataFrame, title: str = "", ax=None, cmap: str = "Blues"):
    """Heat map of a count matrix (value matrix, migration matrix) with the counts written in."""
    ax = _axes(ax, (1.1 * counts.shape[1] + 2, 0.6 * counts.shape[0] + 1.5))
    sns.heatmap(counts, annot=True, fmt="d", cmap=cmap, cbar=False, ax=ax)
    ax.set_title(title)
    return ax


def plot_matrix_heatmap(matrix: pd.DataFrame, title: str = "", ax=None, cmap: str = "viridis", fmt: str = ".2f",
                        annotate: bool = True, percent: bool = False):
    """Heat map of a numeric matrix (P(alive) by frequency and recency, cohort retention)."""
    ax = _axes(ax, (8, 5))
    sns.heatmap(matrix, annot=annotate, fmt=".0%" if percent else fmt, cmap=cmap, ax=ax, cbar=True,
                annot_kws={"fontsize": 7})
    ax.set_title(title)
    return ax


def _short(text, width: int = 28) -> str:
    text = str(text)
    return text if len(text) <= width else text[: width - 1] + "…"
