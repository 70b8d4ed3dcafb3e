"""The run's front page — ``outputs/index.html``: headline figures, links to the rendered notebooks, what was
skipped and why, and the data-cleaning report. Static HTML with its style inline: it opens from disk."""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from ..grading.abc import top_share
from . import results
from .clv import equity_label, problem_texts
from .labels import check_lang, label
from .localise import localise
from .numbers import sig

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


def headline_figures(out_dir, lang: str = "en") -> tuple[list[tuple[str, str]], dict[str, pd.DataFrame]]:
    """The figures and small tables the front page shows, from the run's results (:mod:`kit.present.results`).

    Returns
    -------
    figures : list of (name, value) pairs, in ``lang``
    tables : dict of title -> small DataFrame for people
    """
    check_lang(lang)
    figures, tables = [], {}
    grading = results.load_table(out_dir, "grading")
    if grading is not None:
        figures.append((label("customers", lang), f"{len(grading):,}"))
        figures.append((label("revenue", lang), f"{grading['monetary'].sum():,.2f}"))
        figures.append((label("top20_share", lang), f"{top_share(grading['monetary'].clip(lower=0), 0.2):.1%}"))
        if grading["segment"].notna().any():  # none when the data are too short to segment (notebook 03)
            sizes = grading["segment"].value_counts().rename_axis("segment").reset_index(name="customers")
            tables[label("segment_sizes", lang)] = localise(sizes, lang)
    check = results.load_figures(out_dir, "clv_model")
    clv = results.load_table(out_dir, "clv")
    if check is not None and not check.get("ok", False):
        problems = problem_texts(check, lang)
        figures.append((label("clv_model", lang), label("model_failed_codes", lang).format(
            codes=", ".join(check.get("codes", []))) + (f" ({problems[0]})" if problems else "")))
    elif clv is not None:  # a model's output: 4 significant figures
        window = (check or {}).get("window") or {}
        named = equity_label(window, lang) if {"horizon", "time_unit", "margin", "discount_rate"} <= set(window) \
            else label("customer_equity", lang)
        figures.append((named, sig(clv["clv"].sum())))
    basket = results.load_figures(out_dir, "basket") or {}
    requested = basket.get("min_support_requested")
    if requested is not None and basket.get("min_support", 0) > requested:
        figures.append((label("min_support_raised", lang), label("support_raised", lang).format(**basket)))
    if basket.get("pairs") == 0 and {"min_support", "min_confidence"} <= set(basket):
        figures.append((label("product_pairs", lang), label("no_pairs_pass", lang).format(**basket)))
    placement = results.load_table(out_dir, "placement")
    if placement is not None and len(placement):
        shown = placement.head(5)[["name_a", "name_b", "baskets", "lift"]].round(2)
        tables[label("strongest_pairs", lang)] = localise(shown, lang)
    return figures, tables


def notebook_title(name: str, lang: str = "en") -> str:
    """``"03 · 客户价值分级"``: a notebook's number and its title in ``lang`` (its file name if it has none).

    >>> notebook_title("03_value_grading", "zh"), notebook_title("14_fine", "en")
    ('03 · 客户价值分级', '14_fine')
    """
    key = f"notebook_{name[:2]}"
    return f"{name[:2]} · {label(key, lang)}" if label(key, lang) != key else name


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
        title = html.escape(notebook_title(r.name, lang))
        if r.skipped:
            parts.append(f"<li class='skipped'>{title}: {label('skipped', lang)} — "
                         f"{html.escape(getattr(r, 'message', '') or r.skipped)}</li>")
        elif not r.ok:
            parts.append(f"<li class='failed'>{title}: {label('failed', lang)} — "
                         f"{html.escape(getattr(r, 'message', '') or r.error)}</li>")
        else:
            seconds = label("run_seconds", lang).format(seconds=r.seconds)
            parts.append(f"<li><a href='{html.escape(r.name)}.html'>{title}</a> ({seconds})</li>")
    parts.append("</ul>")
    actions = out / "customer_actions.csv"
    if actions.exists():
        parts.append(f"<p><a href='customer_actions.csv'>{html.escape(label('action_list', lang))}</a> "
                     f"(<a href='customer_actions.xlsx'>xlsx</a>)</p>")
    if result.report is not None:
        summary = result.report.summary().reset_index()
        summary = summary[summary["rows"] > 0].assign(share=lambda t: t["share"].map("{:.1%}".format))
        summary = localise(summary, lang)
        parts.append(f"<h2>{html.escape(label('cleaning_report', lang))}</h2>"
                     f"<p>{html.escape(label('data_file', lang).format(name=Path(result.report.source).name))}</p>" + _table(summary))
    page = (f"<!DOCTYPE html><html lang='{'zh-CN' if lang == 'zh' else 'en'}'><head><meta charset='utf-8'>"
            f"<title>{html.escape(label('report_title', lang))}</title><style>{STYLE}</style></head><body>"
            + "\n".join(parts) + "</body></html>")
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
