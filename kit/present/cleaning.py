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
import textwrap
from pathlib import Path

import pandas as pd

from ..data.cleaning import SUSPECTS_SHOWN, CleaningReport
from .labels import check_lang, label
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


def report_text(report: CleaningReport, lang: str = "en") -> str:
    """The report as lines of text, as ``kit validate`` prints it: the file, the column map, the steps, rows and
    amount kept and set aside per reason (reasons that set nothing aside are left out), the notes and the possible
    non-product codes.

    Parameters
    ----------
    report : CleaningReport
    lang : {"zh", "en"}
        Language of the reasons and the column heads; notes stay in English.

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
    """
    check_lang(lang)
    summary = report.summary()
    names = summary_table(report, lang).index
    width = max(len(str(i)) for i in names) + 2
    mapped = textwrap.wrap(", ".join(f"{k} <- {v}" for k, v in report.columns.items()), 96,
                           initial_indent="  columns: ", subsequent_indent="    ")
    lines = [f"{Path(report.source).name} ({report.format}{', ' + report.encoding if report.encoding else ''})",
             f"  analysis: {report.analysis} (possible: {', '.join(report.available)})",
             *mapped,
             f"  cleaning steps: {', '.join(report.steps) or 'none'}"]
    if report.date_style:
        lines.append(f"  date style: {report.date_style}")
    lines.append(f"  {'':<{width}}{label('rows', lang):>10}  {label('share', lang):>7}  "
                 f"{label('amount', lang):>16}")
    for key, name, (count, share, money) in zip(summary.index, names,
                                                summary[["rows", "share", "amount"]].itertuples(index=False)):
        if key in ("kept", "total") or count:
            lines.append(f"  {str(name):<{width}}{count:>10,}  {share:7.2%}  {money:>16,.2f}")
    lines += [f"  note: {n}" for n in report.notes]
    suspects = report.suspect_codes
    if len(suspects):
        lines.append(f"  possible non-product codes ({len(suspects):,}; kept -- add the ones that are "
                     "not products to non_product_codes):")
        for _, code in suspects.head(SUSPECTS_SHOWN).iterrows():
            name = "" if pd.isna(code["product_name"]) else f" {str(code['product_name'])[:40]!r}"
            lines.append(f"    {code['product_id']}{name}: {code['lines']:,} lines, {code['amount']:,.2f} "
                         f"({code['why']})")
        if len(suspects) > SUSPECTS_SHOWN:
            lines.append(f"    ... {len(suspects) - SUSPECTS_SHOWN:,} more in report.suspect_codes")
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
    >>> "amount read 8.00" in report_html(report, "zh") and "完全重复行" in report_html(report, "zh")
    True
    """
    title = f"<p><b>{html.escape(Path(report.source).name)}</b>: {report.n_rows:,} rows read, " \
            f"{report.n_kept:,} kept, {report.n_set_aside:,} set aside; amount read {report.money_read:,.2f} = " \
            f"kept {report.money_kept:,.2f} + set aside {report.money_set_aside:,.2f}</p>"
    parts = [title, summary_table(report, lang).to_html()]
    parts += [f"<p>note: {html.escape(n)}</p>" for n in report.notes]
    if len(report.suspect_codes):
        parts += ["<p>possible non-product codes (kept; add the ones that are not products to "
                  "<code>non_product_codes</code>):</p>", report.suspect_codes.head(SUSPECTS_SHOWN).to_html()]
    return "".join(parts)
