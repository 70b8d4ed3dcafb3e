"""The run's front page — ``outputs/index.html``: headline figures, links to the rendered notebooks, what was
skipped and why, and the data-cleaning report. Static HTML with its style inline: it opens from disk."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd

from .actions import read_export
from .numbers import sig
from .results import load_figures
from ..grading.abc import top_share
from .labels import check_lang, label

STYLE = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", Arial, sans-serif; margin: 2em auto;
       max-width: 60em; color: #222; line-height: 1.5; }
h1 { border-bottom: 2px solid #2b6cb0; padding-bottom: .3em; }
table { border-collapse: collapse; margin: .5em 0 1.5em; }
td, th { border-bottom: 1px solid #ddd; padding: .3em .8em; text-align: left; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
.figure { display: inline-block; margin: 0 1.5em 1em 0; padding: .6em 1em; background: #f0f5fb; border-radius: 6px; }
.figure b { display: block; font-size: 1.4em; }
.skipped { color: #8a6d3b; } .failed { color: #b83232; }
"""


def _number(value: float) -> str:
    """Money-sized numbers to the cent with thousands separators, small ones (shares, lifts) to 4 significant figures.

    >>> _number(1126331.3), _number(0.7413), _number(9.4123)
    ('1,126,331.30', '0.7413', '9.412')
    """
    return f"{value:,.2f}" if abs(value) >= 1000 else f"{value:,.4g}"


def _table(frame: pd.DataFrame) -> str:
    rows = ["<tr>" + "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns) + "</tr>"]
    for record in frame.itertuples(index=False):
        cells = []
        for value in record:
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            text = _number(value) if isinstance(value, float) else (f"{value:,}" if number else str(value))
            cells.append(f"<td class='number'>{html.escape(text)}</td>" if number else f"<td>{html.escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return "<table>" + "".join(rows) + "</table>"


BASKET_SUMMARY = "basket_summary.json"
NO_PAIRS = {"en": "none pass min_support {min_support:g} / min_confidence {min_confidence:g}",
            "zh": "在 min_support {min_support:g} / min_confidence {min_confidence:g} 下没有"}
SUPPORT_RAISED = {"en": "raised from {min_support_requested:g} to {min_support:g}",
                  "zh": "由 {min_support_requested:g} 提高到 {min_support:g}"}
PAIRS = {"en": "product pairs", "zh": "商品组合"}


def write_basket_summary(out_dir, **figures) -> Path:
    """Write notebook 02's key results (numbers under plain keys, no sentences) as ``basket_summary.json`` beside
    ``placement.csv``: ``min_support`` used, ``min_support_requested``, ``min_confidence``, ``pairs``, ``rules``.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     read_basket_summary(write_basket_summary(d, min_support=0.02, pairs=0).parent)
    {'min_support': 0.02, 'pairs': 0}
    """
    path = Path(out_dir) / BASKET_SUMMARY
    path.parent.mkdir(parents=True, exist_ok=True)
    clean = {k: (v.item() if hasattr(v, "item") else v) for k, v in figures.items()}
    path.write_text(json.dumps(clean, indent=1) + "\n", encoding="utf-8")
    return path


def read_basket_summary(out_dir) -> dict | None:
    """The dict of :func:`write_basket_summary`, or ``None`` when notebook 02 did not write one."""
    path = Path(out_dir) / BASKET_SUMMARY
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def headline_figures(out_dir, lang: str = "en") -> tuple[list[tuple[str, str]], dict[str, pd.DataFrame]]:
    """The figures and small tables the front page shows, from the exports found in ``out_dir``."""
    out_dir = Path(out_dir)
    figures, tables = [], {}
    grading = out_dir / "grading_actions.csv"
    if grading.exists():
        g = read_export(grading)
        figures.append((label("customers", lang), f"{len(g):,}"))
        figures.append((label("revenue", lang), f"{g['monetary'].sum():,.2f}"))
        figures.append((label("top20_share", lang), f"{top_share(g['monetary'].clip(lower=0), 0.2):.1%}"))
        if g["segment"].notna().any():  # none when the data are too short to segment (notebook 03)
            sizes = g["segment"].value_counts().rename_axis(label("segment", lang)).reset_index(
                name=label("customers", lang))
            tables[label("segment_sizes", lang)] = sizes
    clv = out_dir / "clv.csv"
    check = load_figures(out_dir, "clv_model")
    if check is not None and not check.get("ok", False):
        failed = {"en": "lifetime-value model", "zh": "终身价值模型"}[lang]
        problems = check.get("problems", [])
        figures.append((failed, {"en": "failed its check: ", "zh": "未通过检验: "}[lang] + ", ".join(check.get("codes", []))
                        + (f" ({problems[0]})" if problems else "")))
    elif clv.exists():  # a model's output: 4 significant figures
        figures.append((label("customer_equity", lang), sig(read_export(clv)["clv"].sum())))
    basket = read_basket_summary(out_dir) or {}
    requested = basket.get("min_support_requested")
    if requested is not None and basket.get("min_support", 0) > requested:
        figures.append(("min_support", SUPPORT_RAISED[lang].format(**basket)))
    if basket.get("pairs") == 0 and {"min_support", "min_confidence"} <= set(basket):
        figures.append((PAIRS[lang], NO_PAIRS[lang].format(**basket)))
    placement = out_dir / "placement.csv"
    if placement.exists():
        pairs = read_export(placement).head(5)
        if len(pairs):
            shown = pairs[["name_a", "name_b", "baskets", "lift"]].round(2)
            tables[label("strongest_pairs", lang)] = shown.rename(columns=lambda c: label(c, lang))
    return figures, tables


def write_index(result, lang: str = "en") -> Path:
    """Write ``index.html`` for a :class:`kit.run.runner.RunResult` into its output folder."""
    check_lang(lang)
    out = Path(result.out)
    figures, tables = headline_figures(out, lang)
    parts = [f"<h1>{html.escape(label('report_title', lang))}</h1>"]
    if figures or tables:  # basket-only data: product pairs without customer figures
        parts.append(f"<h2>{html.escape(label('headlines', lang))}</h2>")
        parts += [f"<div class='figure'>{html.escape(name)}<b>{html.escape(value)}</b></div>" for name, value in figures]
        for title, frame in tables.items():
            parts.append(f"<h3>{html.escape(title)}</h3>" + _table(frame))
    parts.append(f"<h2>{html.escape(label('notebooks_run', lang))}</h2><ul>")
    for r in result.results:
        if r.skipped:
            parts.append(f"<li class='skipped'>{html.escape(r.name)}: {label('skipped', lang)} — {html.escape(r.skipped)}</li>")
        elif not r.ok:
            parts.append(f"<li class='failed'>{html.escape(r.name)}: {label('failed', lang)} — {html.escape(r.error)}</li>")
        else:
            parts.append(f"<li><a href='{html.escape(r.name)}.html'>{html.escape(r.name)}</a> ({r.seconds:.0f} s)</li>")
    parts.append("</ul>")
    actions = out / "customer_actions.csv"
    if actions.exists():
        parts.append(f"<p><a href='customer_actions.csv'>{html.escape(label('action_list', lang))}</a> "
                     f"(<a href='customer_actions.xlsx'>xlsx</a>)</p>")
    if result.report is not None:
        summary = result.report.summary(lang).drop(columns="key").reset_index()
        summary = summary[summary.iloc[:, 1] > 0]
        parts.append(f"<h2>{html.escape(label('cleaning_report', lang))}</h2>"
                     f"<p>{html.escape(Path(result.report.source).name)}</p>" + _table(summary))
    page = (f"<!DOCTYPE html><html lang='{'zh-CN' if lang == 'zh' else 'en'}'><head><meta charset='utf-8'>"
            f"<title>{html.escape(label('report_title', lang))}</title><style>{STYLE}</style></head><body>"
            + "\n".join(parts) + "</body></html>")
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
