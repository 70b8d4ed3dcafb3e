"""The cleaning report for people — 数据清洗报告: its summary, set-aside rows, text and HTML in one language.

:class:`kit.data.CleaningReport` holds keys (``reason = "cancellation"``) and figures; this module is where they
become words.

>>> import pandas as pd
>>> from kit.data import load_transactions
>>> raw = pd.DataFrame({"Invoice": ["1", "1", "C2"], "Customer": [7, 7, 7], "Date": ["2024-01-05"] * 3,
...                     "SKU": ["a", "b", "a"], "Qty": [1, 2, -1], "Price": [2.0, 1.5, 2.0]})
>>> _, report = load_transactions(raw)
>>> summary_table(report, "zh").index.tolist()[:3]
['保留', '必填字段缺失', '数值无法识别']
"""

from __future__ import annotations

import html
import numbers
import textwrap
import unicodedata
from pathlib import Path

import pandas as pd

from ..data.cleaning import SUSPECTS_SHOWN, CleaningReport
from .labels import LABELS, check_lang, label
from .localise import localise


def summary_table(report: CleaningReport, lang: str = "en") -> pd.DataFrame:
    """:meth:`CleaningReport.summary` for people: reasons, column names and the index name in ``lang``.

    Parameters
    ----------
    report : CleaningReport
    lang : {"zh", "en"}

    Returns
    -------
    DataFrame
        ``localise(report.summary(), lang)``: one row per reason (kept first, total last), rows, share, amount.

    Examples
    --------
    >>> from kit.data.cleaning import CleaningReport
    >>> report = CleaningReport("a.csv", "csv", 4, 3, pd.Series({"duplicate": 1}), pd.DataFrame(),
    ...                         "customers", ("customers",), {}, ("duplicate",))
    >>> summary_table(report, "zh").index.tolist()
    ['保留', '完全重复行', '合计']
    """
    return localise(report.summary(), lang)


def set_aside_table(report: CleaningReport, lang: str = "en") -> pd.DataFrame:
    """:meth:`CleaningReport.set_aside_table` for people: the reason and the ``row`` column in ``lang``.

    Parameters
    ----------
    report : CleaningReport
    lang : {"zh", "en"}

    Returns
    -------
    DataFrame
        One row per row set aside, as read, with its row number and reason.

    Examples
    --------
    >>> from kit.data.cleaning import CleaningReport
    >>> report = CleaningReport("a.csv", "csv", 2, 1, pd.Series({"duplicate": 1}),
    ...                         pd.DataFrame({"row": [1], "reason": ["duplicate"], "SKU": ["a"]}),
    ...                         "customers", ("customers",), {}, ("duplicate",))
    >>> set_aside_table(report, "zh").columns.tolist(), set_aside_table(report, "zh").iloc[0, 1]
    (['行号', '原因', 'SKU'], '完全重复行')
    """
    return localise(report.set_aside_table(), lang, values=["reason"])


def display_width(text) -> int:
    """Columns ``text`` takes in a terminal or a notebook: a Chinese character takes two.

    >>> display_width("取消订单"), display_width("kept")
    (8, 4)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(text))


def pad(text, width: int, right: bool = False) -> str:
    """``text`` padded with spaces to ``width`` display columns (:func:`display_width`), on the left when
    ``right``-aligned.

    >>> pad("保留", 6) + "|", pad("kept", 6, right=True) + "|"
    ('保留  |', '  kept|')
    """
    space = " " * max(width - display_width(text), 0)
    return f"{space}{text}" if right else f"{text}{space}"


def suspect_reason(why: str, lang: str = "en") -> str:
    """Why a code may not be a product (``report.suspect_codes["why"]``) in ``lang``.

    >>> suspect_reason("name: adjustment/manual; code shape A", "zh")
    '名称含 调整/手工录入; 代码形状少见: A'
    >>> suspect_reason("name: postage/carriage")
    'name: postage/carriage'
    """
    parts = []
    for part in str(why).split("; "):
        if part.startswith("name: "):
            word = part[len("name: "):]
            parts.append(label("dp_why_name", lang).format(word=label(f"dp_word_{word}", lang).replace(
                f"dp_word_{word}", word)))
        elif part.startswith("code shape "):
            parts.append(label("dp_why_shape", lang).format(shape=part[len("code shape "):]))
        else:
            parts.append(part)
    return "; ".join(parts)


def report_text(report: CleaningReport, lang: str = "en") -> str:
    """The report as lines of text, as ``kit validate`` prints it: the file, the column map, the steps, rows and
    amount kept and set aside per reason (reasons that set nothing aside are left out), the notes and the possible
    non-product codes.

    Parameters
    ----------
    report : CleaningReport
    lang : {"zh", "en"}
        Language of the headings, the reasons and the column heads (aligned by display width); the notes are the
        loader's English diagnostics, introduced as such in Chinese.

    Returns
    -------
    str

    Examples
    --------
    >>> from kit.data.cleaning import CleaningReport
    >>> report = CleaningReport("a.csv", "csv", 4, 3, pd.Series({"duplicate": 1, "cancellation": 0}),
    ...                         pd.DataFrame(), "customers", ("customers",), {"customer_id": "Kunde"},
    ...                         ("duplicate",), money_kept=6.0, money_read=8.0,
    ...                         money=pd.Series({"duplicate": 2.0, "cancellation": 0.0}))
    >>> print(report_text(report, "en"))
    a.csv (csv)
      analysis: customers (possible: customers)
      columns: customer_id <- Kunde
      cleaning steps: duplicate
                             rows    share            amount
      kept                      3   75.00%              6.00
      exact duplicate           1   25.00%              2.00
      total                     4  100.00%              8.00
    >>> print(report_text(report, "zh"))
    a.csv (csv)
      分析类型: 客户分析 (此文件可做: 客户分析)
      列映射: customer_id <- Kunde
      清洗步骤: 完全重复行
                        行数     占比              金额
      保留                 3   75.00%              6.00
      完全重复行           1   25.00%              2.00
      合计                 4  100.00%              8.00
    """
    check_lang(lang)
    summary = report.summary()
    names = summary_table(report, lang).index
    width = max(display_width(i) for i in names) + 2

    def analysis(name):
        return label(f"dp_analysis_{name}", lang)

    def step(name):
        return name if lang == "en" else label(name, lang)

    sep = ", " if lang == "en" else "、"
    mapped = textwrap.wrap(", ".join(f"{k} <- {v}" for k, v in report.columns.items()), 96,
                           initial_indent="  " + label("dp_report_columns", lang), subsequent_indent="    ")
    steps = sep.join(map(step, report.steps)) or label("dp_report_no_steps", lang)
    lines = [f"{Path(report.source).name} ({report.format}{', ' + report.encoding if report.encoding else ''})",
             "  " + label("dp_report_analysis", lang).format(analysis=analysis(report.analysis),
                                                             available=sep.join(map(analysis, report.available))),
             *mapped,
             "  " + label("dp_report_steps", lang).format(steps=steps)]
    if report.date_style:
        lines.append("  " + label("dp_report_date_style", lang).format(style=report.date_style))
    lines.append(f"  {'':<{width}}{pad(label('rows', lang), 10, True)}  {pad(label('share', lang), 7, True)}  "
                 f"{pad(label('amount', lang), 16, True)}")
    for key, name, (count, share, money) in zip(summary.index, names,
                                                summary[["rows", "share", "amount"]].itertuples(index=False)):
        if key in ("kept", "total") or count:
            lines.append(f"  {pad(name, width)}{count:>10,}  {share:7.2%}  {money:>16,.2f}")
    if report.notes and lang != "en":
        lines.append("  " + label("dp_report_notes_html", lang))
    lines += ["  " + label("dp_report_note", lang).format(note=n) for n in report.notes]
    suspects = report.suspect_codes
    if len(suspects):
        lines.append("  " + label("dp_report_suspects", lang).format(n=len(suspects)))
        for _, code in suspects.head(SUSPECTS_SHOWN).iterrows():
            name = "" if pd.isna(code["product_name"]) else f" {str(code['product_name'])[:40]!r}"
            lines.append("    " + label("dp_report_suspect", lang).format(
                code=code["product_id"], name=name, lines=code["lines"], amount=code["amount"],
                why=suspect_reason(code["why"], lang)))
        if len(suspects) > SUSPECTS_SHOWN:
            lines.append("    " + label("dp_report_more_suspects", lang).format(n=len(suspects) - SUSPECTS_SHOWN))
    return "\n".join(lines)


def report_html(report: CleaningReport, lang: str = "en") -> str:
    """The report as an HTML fragment: a headline, the summary table in ``lang``, the notes and the first
    possible non-product codes.

    Parameters
    ----------
    report : CleaningReport
    lang : {"zh", "en"}

    Returns
    -------
    str

    Examples
    --------
    >>> from kit.data.cleaning import CleaningReport
    >>> report = CleaningReport("a.csv", "csv", 4, 3, pd.Series({"duplicate": 1}), pd.DataFrame(),
    ...                         "customers", ("customers",), {}, ("duplicate",), money_kept=6.0, money_read=8.0)
    >>> "amount read 8.00" in report_html(report) and "读入金额 8.00" in report_html(report, "zh")
    True
    >>> "完全重复行" in report_html(report, "zh")
    True
    """
    check_lang(lang)
    headline = label("dp_report_headline", lang).format(
        n_rows=report.n_rows, n_kept=report.n_kept, n_set_aside=report.n_set_aside, money_read=report.money_read,
        money_kept=report.money_kept, money_set_aside=report.money_set_aside)
    parts = [f"<p><b>{html.escape(Path(report.source).name)}</b>: {html.escape(headline)}</p>",
             summary_table(report, lang).to_html()]
    if report.notes:
        parts.append(f"<p>{html.escape(label('dp_report_notes_html', lang))}</p><ul>"
                     + "".join(f"<li>{html.escape(n)}</li>" for n in report.notes) + "</ul>")
    if len(report.suspect_codes):
        suspects = report.suspect_codes.head(SUSPECTS_SHOWN).assign(
            why=lambda t: t["why"].map(lambda w: suspect_reason(w, lang)))
        parts += [f"<p>{html.escape(label('dp_report_suspects', lang).format(n=len(report.suspect_codes)))}</p>",
                  localise(suspects.rename(columns={"why": "dp_why"}), lang).to_html()]
    return "".join(parts)


def set_aside_examples(report: CleaningReport, per_reason: int = 2, lang: str = "en") -> pd.DataFrame:
    """The first ``per_reason`` set-aside rows of each reason, as read, for people: the file's columns named by
    the canonical columns they were mapped to, reasons and headers in ``lang``.

    Parameters
    ----------
    report : CleaningReport
    per_reason : int
    lang : {"zh", "en"}

    Returns
    -------
    DataFrame
        ``row``, ``reason``, then the file's columns (those of the column map under their canonical labels), in
        the order of the reasons' first rows.

    Examples
    --------
    >>> from kit.data.cleaning import CleaningReport
    >>> report = CleaningReport("a.csv", "csv", 3, 1, pd.Series({"duplicate": 2}),
    ...     pd.DataFrame({"row": [1, 2], "reason": ["duplicate"] * 2, "SKU": ["a", "b"], "memo": ["", "x"]}),
    ...     "customers", ("customers",), {"product_id": "SKU"}, ("duplicate",))
    >>> set_aside_examples(report, 1, "zh")
       行号     原因 商品编号 memo
    0   1  完全重复行    a
    """
    examples = report.set_aside_table().groupby("reason", sort=False).head(per_reason).reset_index(drop=True)
    canonical = {source: key for key, source in report.columns.items() if source in examples.columns}
    return localise(examples.rename(columns=canonical), lang, values=["reason"])


def figures_table(figures: pd.Series, lang: str = "en") -> pd.Series:
    """A series of figures whose index holds keys (:func:`kit.data.explore.overview`,
    :func:`kit.data.explore.distribution`) for people: the keys become labels, dates are shown as days and
    numbers with thousands separators.

    Examples
    --------
    >>> figures = pd.Series({"orders": 18532, "first_date": pd.Timestamp("2010-12-01 08:26"), "p50": 2.0,
    ...                      "revenue": 8911407.9}, dtype=object)
    >>> print(figures_table(figures, "zh").to_string())
    订单数             18,532
    最早日期     2010-12-01 08:26
    中位数               2.00
    销售额       8,911,407.90
    """
    check_lang(lang)

    def shown(value):
        if isinstance(value, pd.Timestamp):
            return f"{value:%Y-%m-%d %H:%M}"
        if isinstance(value, numbers.Integral):
            return f"{int(value):,}"
        if isinstance(value, numbers.Real):
            return f"{value:,.2f}"
        return str(value)

    return pd.Series([shown(v) for v in figures], index=[label(f"dp_{k}" if f"dp_{k}" in LABELS else k, lang) for k in figures.index],
                     dtype=object)
