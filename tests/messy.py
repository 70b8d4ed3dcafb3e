"""A corpus of messy exports of one small slice of Online Retail, each with the result the loader must give.

The baseline is a slice of the bundled Online Retail (:func:`baseline_frame`): 1,500-odd invoice lines of a few
dozen customers over the whole year, with their cancellations, some lines without a customer, postage, lines
priced over 1,000 and a few product names rewritten with non-ASCII characters (``é ü € £ 中文``) and with the
delimiters inside them, so that encodings and quoting matter. Its expected result is what
:func:`kit.load_transactions` gives on the clean CSV of the same lines (UTF-8, commas, ISO dates, decimal points).

Each :class:`Case` writes one variant of the baseline (another encoding, delimiter, decimal style, date style, id
style, an Excel workbook, a broken column map, a file that is not a table at all) and says what loading it must
give: ``"exact"`` -- the same rows, money to the cent, dates as local wall-clock times, ids, names and cleaning
counts as the clean CSV -- or ``"error"`` -- a :class:`kit.errors.KitError` whose text matches ``match`` -- or
``"either"`` where both are honest answers. :data:`CASES` lists them all; ``tests/test_messy_exports.py`` runs them.
"""

from __future__ import annotations

import codecs
import csv
import functools
import hashlib
import io
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import yaml

import kit

#: The slice: every line of these customers, plus a few invoices without a customer and some priced over 1,000.
CUSTOMERS = ("12347", "12352", "12359", "12362", "12395", "12415", "12431", "12471", "12540", "12583", "12637",
             "12681", "12720", "13047", "13081", "13093", "13408", "13694", "13767", "14056", "14911", "15039",
             "15311", "15838", "16029", "17511", "17841", "18102")
MAX_LINES_PER_CUSTOMER = 50
#: Product names given non-ASCII characters or delimiters, keyed by stock code (chosen among the slice's codes).
RENAMED = ("CAFÉ AU LAIT MUG", "MÜSLI BOWL, BLUE", "€5 GIFT TAG; RED", "陶瓷杯 中文 MUG", "£1 POUND | SAVER",
           'SET OF 3 "VINTAGE" TINS, LARGE', "TÊTE-À-TÊTE CANDLE", "茶杯 TEA CUP")
HEADER = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]
CHINESE_HEADER = {"InvoiceNo": "订单号", "StockCode": "商品编码", "Description": "商品名称", "Quantity": "数量",
                  "InvoiceDate": "日期", "UnitPrice": "单价", "CustomerID": "客户编号", "Country": "国家"}
WEEKDAYS = "一二三四五六日"


@functools.cache
def baseline_frame() -> pd.DataFrame:
    """The baseline lines as read from the bundled Parquet file, ids as text (no ``.0``), names rewritten."""
    raw = pd.read_parquet(kit.data.datasets.path("online_retail"))
    raw["CustomerID"] = raw["CustomerID"].map(lambda v: None if pd.isna(v) else str(int(v)))
    picked = raw[raw["CustomerID"].isin(CUSTOMERS)]
    picked = picked.groupby("CustomerID", group_keys=False).head(MAX_LINES_PER_CUSTOMER)
    nobody = raw[raw["CustomerID"].isna()]
    nobody = nobody[nobody["InvoiceNo"].isin(nobody["InvoiceNo"].drop_duplicates().iloc[::500].head(4))]
    pricey = raw[(raw["UnitPrice"].abs() >= 1000) & raw["CustomerID"].notna()].iloc[::20].head(4)
    frame = pd.concat([picked, nobody, pricey]).drop_duplicates().sort_index()
    # whole duplicate lines as the original has them (keep a few)
    frame = pd.concat([frame, frame.iloc[[5, 50]]]).sort_index(kind="stable").reset_index(drop=True)
    frame["InvoiceDate"] = frame["InvoiceDate"].astype("datetime64[s]")
    codes = frame.loc[frame["Quantity"] > 0, "StockCode"].value_counts().index[:len(RENAMED)]
    names = dict(zip(codes, RENAMED))
    frame["Description"] = [names.get(c, d) for c, d in zip(frame["StockCode"], frame["Description"])]
    return frame[HEADER].copy()


def subset(which: str) -> pd.DataFrame:
    """The baseline or one of its subsets: ``"base"``; ``"days12"`` (lines dated on day 1..12 of a month, so that
    day and month cannot be told apart); ``"small"`` (unit prices from 1 to under 1,000, so every price written with
    three decimals looks like ``d,ddd`` — a price under 1 would prove the decimal comma, ``0,850``); ``"day_only"``
    (dates without their time: a file that keeps only the day cannot order an order and its cancellation on that
    day, so its expected result is the baseline's at midnight)."""
    frame = baseline_frame()
    if which == "days12":
        return frame[frame["InvoiceDate"].dt.day <= 12].reset_index(drop=True)
    if which == "small":
        return frame[frame["UnitPrice"].abs().between(1, 1000, inclusive="left")].reset_index(drop=True)
    if which == "day_only":
        return frame.assign(InvoiceDate=frame["InvoiceDate"].dt.floor("D"))
    return frame


# -- formatting values --------------------------------------------------------------------------------------------

def format_number(x, decimal: str = ".", thousands: str = "", currency: str = "", negative: str = "-",
                  min_decimals: int = 0) -> str:
    """``x`` as text in a style: ``format_number(-1234.5, ",", ".", "€ ", "()", 2)`` -> ``'(€ 1.234,50)'``."""
    digits = next(d for d in range(0, 6) if round(x, d) == x)
    digits = max(digits, min_decimals)
    text = f"{abs(x):,.{digits}f}".replace(",", "\0").replace(".", decimal).replace("\0", thousands)
    if currency:  # " €", "元", " RMB" follow the number; "£", "€ ", "RMB " precede it
        text = text + currency if currency.startswith(" ") or currency == "元" else currency + text
    if x < 0:
        text = {"-": "-" + text, "()": f"({text})", "trailing": text + "-"}[negative]
    return text


def uk_offset(t: pd.Timestamp) -> str:
    """The UK's UTC offset at local time ``t`` in 2010-2011 (BST from 27 March to 30 October 2011)."""
    bst = pd.Timestamp("2011-03-27 02:00") <= t < pd.Timestamp("2011-10-30 02:00")
    return "+01:00" if bst else "+00:00"


DATE_STYLES: dict[str, Callable[[pd.Timestamp], str]] = {
    "iso": lambda t: t.strftime("%Y-%m-%d %H:%M:%S"),
    "iso_minutes": lambda t: t.strftime("%Y-%m-%d %H:%M"),
    "iso_t_z": lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ"),
    "iso_offsets": lambda t: t.strftime("%Y-%m-%dT%H:%M:%S") + uk_offset(t),
    "dmy": lambda t: t.strftime("%d/%m/%Y %H:%M"),
    "mdy": lambda t: f"{t.month}/{t.day}/{t.year} {t.hour}:{t.minute:02d}",
    "dmy_dashes": lambda t: t.strftime("%d-%m-%Y %H:%M"),
    "dmy_short_year": lambda t: t.strftime("%d/%m/%y %H:%M"),
    "chinese": lambda t: f"{t.year}年{t.month}月{t.day}日 {t.hour}:{t.minute:02d}",
    "weekday": lambda t: t.strftime("%Y-%m-%d") + " 星期" + WEEKDAYS[t.weekday()],
    "weekday_short": lambda t: t.strftime("%Y/%m/%d") + " 周" + WEEKDAYS[t.weekday()],
}
#: Styles that keep only the day: the expected dates are the baseline's at midnight.
DAY_ONLY = {"weekday", "weekday_short"}


def hex_order_id(invoice: str) -> str:
    """A hex order id for an invoice; every third starts with ``c`` and a digit, like ``c152d21b``."""
    digest = hashlib.md5(invoice.encode()).hexdigest()[:8]
    return "c1" + digest[2:] if int(invoice[-1]) % 3 == 0 else digest


def padded(customer: str) -> str:
    """A customer id with leading zeros: ``'12347'`` -> ``'0012347'``."""
    return customer.zfill(7)


# -- the variants ---------------------------------------------------------------------------------------------------

@dataclass
class Style:
    """How one text export writes the baseline."""

    encoding: str = "utf-8"
    delimiter: str = ","
    decimal: str = "."
    thousands: str = ""
    currency: str = ""
    negative: str = "-"
    min_decimals: int = 0
    dates: str = "iso"
    header: dict = field(default_factory=dict)  # baseline name -> name in the file
    customer: Callable | None = None
    order: Callable | None = None
    quote_all: bool = False
    sep_line: bool = False
    title_rows: int = 0
    cp1252_lines: bool = False  # lines with Latin-1 names written in cp1252, the rest UTF-8
    drop_columns: tuple = ()
    extra_columns: tuple = ()  # (header, value) pairs appended to every line


def text_rows(frame: pd.DataFrame, style: Style) -> list[list[str]]:
    """The header and the lines of ``frame`` as text in ``style``."""
    def number(x, decimals=0):
        return format_number(x, style.decimal, style.thousands, style.currency, style.negative, decimals)

    columns = [c for c in HEADER if c not in style.drop_columns]
    half = len(frame) // 2
    rows = [[style.header.get(c, c) for c in columns] + [name for name, _ in style.extra_columns]]
    for i, line in enumerate(frame.itertuples(index=False)):
        values = line._asdict()
        date_style = style.dates
        if date_style == "mixed_dm":
            date_style = "dmy" if i < half else "mdy"
        text = {
            "InvoiceNo": style.order(values["InvoiceNo"]) if style.order else values["InvoiceNo"],
            "StockCode": values["StockCode"],
            "Description": values["Description"] if isinstance(values["Description"], str) else "",
            "Quantity": format_number(values["Quantity"], negative=style.negative),
            "InvoiceDate": DATE_STYLES[date_style](values["InvoiceDate"]),
            "UnitPrice": number(values["UnitPrice"], style.min_decimals),
            "CustomerID": "" if pd.isna(values["CustomerID"]) else
                          (style.customer(values["CustomerID"]) if style.customer else values["CustomerID"]),
            "Country": values["Country"],
        }
        rows.append([text[c] for c in columns] + [value for _, value in style.extra_columns])
    return rows


def text_bytes(frame: pd.DataFrame, style: Style) -> bytes:
    """The whole text export of ``frame`` in ``style`` as bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=style.delimiter, lineterminator="\r\n",
                        quoting=csv.QUOTE_ALL if style.quote_all else csv.QUOTE_MINIMAL)
    writer.writerows(text_rows(frame, style))
    lines = buffer.getvalue().splitlines(keepends=True)
    if style.sep_line:
        lines.insert(0, f"sep={style.delimiter}\r\n")
    if style.title_rows:
        lines[:0] = ["Online shop - sales export\r\n", "Generated 2012-01-03 by the web shop\r\n", "\r\n"][
            :style.title_rows]
    if style.cp1252_lines:
        out = []
        for line in lines:
            try:
                out.append(line.encode("cp1252") if any(ord(ch) > 127 for ch in line) else line.encode("utf-8"))
            except UnicodeEncodeError:
                out.append(line.encode("utf-8"))
        return b"".join(out)
    text = "".join(lines)
    if style.encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if style.encoding == "utf-16":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(style.encoding, errors="replace")


def text_writer(style: Style, base: str = "base", suffix: str = ".csv", mangle=None):
    """A writer of the baseline (or subset ``base``) in ``style``; ``mangle`` changes the bytes."""
    def write(path: Path) -> Path:
        data = text_bytes(subset(base), style)
        path = path.with_suffix(suffix)
        path.write_bytes(mangle(data) if mangle else data)
        return path
    return write


def excel_frame(frame: pd.DataFrame, serial_dates=False, float_ids=False, padded_ids=False,
                header: dict | None = None) -> pd.DataFrame:
    """The baseline as Excel cells: dates as datetimes (or serial numbers), ids as text (or floats)."""
    out = frame.copy()
    if serial_dates:
        out["InvoiceDate"] = (out["InvoiceDate"] - pd.Timestamp("1899-12-30")) / pd.Timedelta(days=1)
    if float_ids:
        out["CustomerID"] = out["CustomerID"].astype(float)
    elif padded_ids:
        out["CustomerID"] = out["CustomerID"].map(lambda c: None if pd.isna(c) else padded(c))
    return out.rename(columns=header or {})


def excel_writer(sheets: Callable[[], dict], title_rows: int = 0, suffix: str = ".xlsx"):
    """A writer of a workbook with the sheets ``sheets()`` returns (name -> frame)."""
    def write(path: Path) -> Path:
        path = path.with_suffix(suffix)
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            for name, frame in sheets().items():
                frame.to_excel(writer, sheet_name=name, index=False, startrow=title_rows)
                if title_rows:
                    writer.sheets[name].cell(row=1, column=1, value="Online shop - sales export")
                    writer.sheets[name].cell(row=2, column=1, value="Generated 2012-01-03")
        return path
    return write


def bytes_writer(make: Callable[[], bytes], suffix: str = ".csv"):
    """A writer of the bytes ``make()`` returns."""
    def write(path: Path) -> Path:
        path = path.with_suffix(suffix)
        path.write_bytes(make())
        return path
    return write


def clean_csv_bytes(base: str = "base") -> bytes:
    return text_bytes(subset(base), Style())


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        excel_frame(subset("base")).to_excel(writer, index=False)
    return buffer.getvalue()


def parquet_bytes() -> bytes:
    buffer = io.BytesIO()
    subset("base").to_parquet(buffer)
    return buffer.getvalue()


def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("sales.csv", clean_csv_bytes())
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def html_bytes() -> bytes:
    return ("<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n"
            "<body><h1>Internal Server Error</h1><p>The export could not be generated, please try again later."
            "</p></body></html>\n").encode()


def random_bytes() -> bytes:
    return random.Random(7).randbytes(4096)


def header_only_bytes() -> bytes:
    return clean_csv_bytes().split(b"\r\n")[0] + b"\r\n"


# -- cases ----------------------------------------------------------------------------------------------------------

@dataclass
class Case:
    """One messy export and what loading it must give.

    ``columns`` is the column map written beside the file as YAML (a dict, or raw YAML text for broken maps);
    ``expect`` is ``"exact"``, ``"error"`` or ``"either"``; ``match`` a regex the KitError's text must match;
    ``note`` a regex one of the report's notes must match when the load is exact. ``base`` names the subset the
    result is compared with; ``customer``/``order`` map the baseline's ids to the ids written; ``names`` maps the
    baseline's product names to those the file can hold; ``day_only`` compares dates without their time.
    """

    name: str
    kind: str
    write: Callable[[Path], Path]
    columns: dict | str | None = None
    expect: str = "exact"
    match: str | None = None
    note: str | None = None
    base: str = "base"
    customer: Callable | None = None
    order: Callable | None = None
    names: Callable | None = None
    day_only: bool = False

    def files(self, folder: Path) -> tuple[Path, Path | None]:
        """Write the export (and its column map) into ``folder``; return their paths."""
        folder = folder / hashlib.md5(self.name.encode()).hexdigest()[:10]  # names that give nothing away
        folder.mkdir(parents=True, exist_ok=True)
        path = self.write(folder / "sales")
        columns = None
        if self.columns is not None:
            columns = folder / "map.yaml"
            text = self.columns if isinstance(self.columns, str) else yaml.safe_dump(
                self.columns, allow_unicode=True, sort_keys=False)
            columns.write_text(text, encoding="utf-8")
        return path, columns


def options_map(**options) -> dict:
    """A column map with only an ``options:`` section (the file's columns are found by their usual names)."""
    return {"columns": {"customer_id": "CustomerID"}, "options": options}


def cp1252_name(name: str) -> str:
    return name.encode("cp1252", errors="replace").decode("cp1252")


def _cases() -> list[Case]:
    cases: list[Case] = []
    add = cases.append
    chinese_map = {"columns": {"product_id": "商品编码"}}

    # encodings x delimiters
    encodings = {"utf8": "utf-8", "utf8_bom": "utf-8-sig", "utf16_bom": "utf-16", "gb18030": "gb18030",
                 "cp1252": "cp1252"}
    delimiters = {"comma": ",", "semicolon": ";", "tab": "\t", "bar": "|"}
    for ename, encoding in encodings.items():
        for dname, delimiter in delimiters.items():
            chinese = encoding == "gb18030"
            add(Case(f"enc_{ename}_{dname}", "encoding x delimiter",
                     text_writer(Style(encoding=encoding, delimiter=delimiter,
                                       header=CHINESE_HEADER if chinese else {})),
                     columns=chinese_map if chinese else None,
                     names=cp1252_name if encoding == "cp1252" else None))
    add(Case("enc_utf8_with_cp1252_lines", "encoding", text_writer(Style(cp1252_lines=True)),
             note=r"(?i)cp1252|windows-1252|not (valid )?utf-8"))
    add(Case("enc_utf8_with_cp1252_lines_semicolon", "encoding",
             text_writer(Style(cp1252_lines=True, delimiter=";")), note=r"(?i)cp1252|windows-1252|not (valid )?utf-8"))
    utf16_no_bom = text_writer(Style(), mangle=lambda b: b.decode("utf-8").encode("utf-16-le"))
    add(Case("enc_utf16le_no_bom", "encoding", utf16_no_bom, expect="either", match=r"(?i)utf-?16"))
    add(Case("enc_utf16be_no_bom", "encoding",
             text_writer(Style(), mangle=lambda b: b.decode("utf-8").encode("utf-16-be")),
             expect="either", match=r"(?i)utf-?16"))
    add(Case("enc_gb18030_tab_given", "encoding", text_writer(Style(encoding="gb18030", delimiter="\t",
                                                                    header=CHINESE_HEADER)),
             columns={"columns": {"product_id": "商品编码"}, "options": {"encoding": "gb18030"}}))

    # delimiters
    add(Case("delim_excel_sep_line_semicolon", "delimiter", text_writer(Style(delimiter=";", sep_line=True))))
    add(Case("delim_excel_sep_line_tab", "delimiter", text_writer(Style(delimiter="\t", sep_line=True))))
    add(Case("delim_quote_all_comma", "delimiter", text_writer(Style(quote_all=True))))
    add(Case("delim_quote_all_semicolon", "delimiter", text_writer(Style(delimiter=";", quote_all=True))))
    add(Case("delim_given_bar", "delimiter", text_writer(Style(delimiter="|")), columns=options_map(delimiter="|")))
    add(Case("delim_txt_tab", "delimiter", text_writer(Style(delimiter="\t"), suffix=".txt")))

    # decimal styles
    decimal_styles = {
        "comma_in_semicolon": Style(delimiter=";", decimal=","),
        "comma_quoted_in_comma": Style(delimiter=",", decimal=","),
        "dot_thousands_comma": Style(delimiter=";", decimal=",", thousands=".", min_decimals=2),
        "space_thousands": Style(delimiter=";", decimal=",", thousands=" ", min_decimals=2),
        "nbsp_thousands": Style(delimiter=";", decimal=",", thousands="\u00a0", min_decimals=2),
        "narrow_nbsp_thousands": Style(delimiter="\t", decimal=",", thousands="\u202f", min_decimals=2),
        "comma_thousands_dot": Style(delimiter=",", thousands=",", min_decimals=2),
        "apostrophe_thousands": Style(delimiter=";", thousands="'", min_decimals=2),
        "pound_before": Style(currency="£"),
        "dollar_before": Style(currency="$", thousands=",", min_decimals=2),
        "euro_after": Style(delimiter=";", decimal=",", currency=" €"),
        "euro_before_space": Style(delimiter=";", decimal=",", thousands=".", currency="€ ", min_decimals=2),
        "yen_before": Style(currency="¥"),
        "yuan_after": Style(currency="元"),
        "rmb_before": Style(currency="RMB "),
        "rmb_after": Style(currency=" RMB", delimiter="\t"),
        "parentheses": Style(negative="()"),
        "parentheses_pound": Style(negative="()", currency="£", delimiter=";", decimal=","),
        "trailing_minus": Style(negative="trailing", delimiter="\t"),
    }
    for sname, style in decimal_styles.items():
        add(Case(f"num_{sname}", "decimal", text_writer(style)))
    ambiguous = Style(delimiter="\t", decimal=",", min_decimals=3)
    add(Case("num_ambiguous_3_decimals", "decimal", text_writer(ambiguous, "small"), expect="error",
             match=r"decimal", base="small"))
    add(Case("num_ambiguous_3_decimals_given", "decimal", text_writer(ambiguous, "small"), base="small",
             columns=options_map(decimal=",")))
    add(Case("num_comma_given_with_thousands", "decimal", text_writer(decimal_styles["dot_thousands_comma"]),
             columns=options_map(decimal=",", thousands=".")))

    # date styles
    for dstyle in DATE_STYLES:
        base = "day_only" if dstyle in DAY_ONLY else "base"
        add(Case(f"date_{dstyle}", "date", text_writer(Style(dates=dstyle), base), base=base,
                 day_only=dstyle in DAY_ONLY))
    add(Case("date_mdy_semicolon_cp1252", "date", text_writer(Style(dates="mdy", delimiter=";", encoding="cp1252")),
             names=cp1252_name))
    add(Case("date_dmy_semicolon_decimal_comma", "date",
             text_writer(Style(dates="dmy", delimiter=";", decimal=","))))
    add(Case("date_chinese_gb18030", "date", text_writer(Style(dates="chinese", encoding="gb18030",
                                                              header=CHINESE_HEADER)), columns=chinese_map))
    add(Case("date_weekday_gb18030_tab", "date", text_writer(Style(dates="weekday", encoding="gb18030",
                                                                  delimiter="\t", header=CHINESE_HEADER), "day_only"),
             columns=chinese_map, base="day_only", day_only=True))
    add(Case("date_iso_offsets_utf16", "date", text_writer(Style(dates="iso_offsets", encoding="utf-16",
                                                                delimiter="\t"))))
    add(Case("date_days12_dmy", "date", text_writer(Style(dates="dmy"), "days12"), expect="error",
             match=r"dayfirst|date_format", base="days12"))
    add(Case("date_days12_mdy", "date", text_writer(Style(dates="mdy"), "days12"), expect="error",
             match=r"dayfirst|date_format", base="days12"))
    add(Case("date_days12_dmy_short_year", "date", text_writer(Style(dates="dmy_short_year"), "days12"),
             expect="error", match=r"dayfirst|date_format", base="days12"))
    add(Case("date_days12_dmy_dayfirst", "date", text_writer(Style(dates="dmy"), "days12"), base="days12",
             columns=options_map(dayfirst=True)))
    add(Case("date_days12_dmy_dashes_dayfirst", "date", text_writer(Style(dates="dmy_dashes"), "days12"),
             base="days12", columns=options_map(dayfirst=True)))
    add(Case("date_days12_dmy_format", "date", text_writer(Style(dates="dmy"), "days12"), base="days12",
             columns=options_map(date_format="%d/%m/%Y %H:%M")))
    add(Case("date_days12_mdy_dayfirst_false", "date", text_writer(Style(dates="mdy"), "days12"), base="days12",
             columns=options_map(dayfirst=False)))
    add(Case("date_days12_mdy_format", "date", text_writer(Style(dates="mdy"), "days12"), base="days12",
             columns=options_map(date_format="%m/%d/%Y %H:%M")))
    add(Case("date_mixed_dm_md", "date", text_writer(Style(dates="mixed_dm")), expect="error",
             match=r"(?i)day|month|date_format|convention"))
    add(Case("date_format_given_dmy", "date", text_writer(Style(dates="dmy")),
             columns=options_map(date_format="%d/%m/%Y %H:%M")))

    # ids
    add(Case("ids_leading_zeros", "ids", text_writer(Style(customer=padded)), customer=padded))
    add(Case("ids_leading_zeros_semicolon_quoted", "ids", text_writer(Style(customer=padded, delimiter=";",
                                                                           quote_all=True)), customer=padded))
    add(Case("ids_floats", "ids", text_writer(Style(customer=lambda c: c + ".0"))))
    add(Case("ids_floats_tab_bom", "ids", text_writer(Style(customer=lambda c: c + ".0", delimiter="\t",
                                                           encoding="utf-8-sig"))))
    add(Case("ids_hex_orders", "ids", text_writer(Style(order=lambda o: o if o.startswith("C") else
                                                        hex_order_id(o))),
             order=lambda o: o if o.startswith("C") else hex_order_id(o)))
    add(Case("ids_parquet_float_customers", "ids", bytes_writer(parquet_float_bytes, ".parquet")))
    add(Case("ids_xlsx_float_customers", "ids",
             excel_writer(lambda: {"Sheet1": excel_frame(subset("base"), float_ids=True)})))
    add(Case("ids_xlsx_leading_zeros", "ids",
             excel_writer(lambda: {"Sheet1": excel_frame(subset("base"), padded_ids=True)}), customer=padded))

    # Excel
    half = lambda: len(subset("base")) // 2  # noqa: E731
    add(Case("xlsx_one_sheet", "excel", excel_writer(lambda: {"Sales": excel_frame(subset("base"))})))
    add(Case("xlsx_serial_dates", "excel",
             excel_writer(lambda: {"Sales": excel_frame(subset("base"), serial_dates=True)})))
    add(Case("xlsx_chinese_header", "excel",
             excel_writer(lambda: {"销售": excel_frame(subset("base"), header=CHINESE_HEADER)}),
             columns=chinese_map))
    add(Case("xlsx_two_sheets_same_header", "excel",
             excel_writer(lambda: {"2010-2011 a": excel_frame(subset("base").iloc[:half()]),
                                   "2010-2011 b": excel_frame(subset("base").iloc[half():])}),
             note=r"(?i)sheet"))
    add(Case("xlsx_two_sheets_different_headers", "excel",
             excel_writer(lambda: {"Sales": excel_frame(subset("base").iloc[:half()]),
                                   "销售": excel_frame(subset("base").iloc[half():], header=CHINESE_HEADER)}),
             expect="either", match=r"(?i)sheet", note=r"(?i)sheet"))
    add(Case("xlsx_data_and_summary_sheet", "excel",
             excel_writer(lambda: {"Sales": excel_frame(subset("base")),
                                   "Summary": subset("base").groupby("Country", as_index=False)["Quantity"].sum()}),
             expect="either", match=r"(?i)sheet", note=r"(?i)sheet"))
    add(Case("xlsx_sheet_by_name", "excel",
             excel_writer(lambda: {"Notes": pd.DataFrame({"about": ["sales export"]}),
                                   "Data": excel_frame(subset("base"))}),
             columns=options_map(sheet="Data")))
    add(Case("xlsx_sheet_by_number", "excel",
             excel_writer(lambda: {"Notes": pd.DataFrame({"about": ["sales export"]}),
                                   "Data": excel_frame(subset("base"))}),
             columns=options_map(sheet=1)))
    add(Case("xlsx_title_rows", "excel", excel_writer(lambda: {"Sales": excel_frame(subset("base"))}, 3),
             expect="either", match=r"(?i)(row|line) 4|header: ?4|skip_rows: ?3", note=r"(?i)header|row 4"))
    add(Case("xlsx_title_rows_header", "excel", excel_writer(lambda: {"Sales": excel_frame(subset("base"))}, 3),
             columns=options_map(header=4)))
    add(Case("xlsx_title_rows_skip_rows", "excel",
             excel_writer(lambda: {"Sales": excel_frame(subset("base"))}, 3), columns=options_map(skip_rows=3)))
    add(Case("csv_title_rows", "excel", text_writer(Style(title_rows=3)), expect="either",
             match=r"(?i)(row|line) 4|header: ?4|skip_rows: ?3", note=r"(?i)header|row 4"))
    add(Case("csv_title_rows_header", "excel", text_writer(Style(title_rows=3)), columns=options_map(header=4)))
    add(Case("csv_title_rows_skip_rows", "excel", text_writer(Style(title_rows=3, delimiter=";")),
             columns=options_map(skip_rows=3)))

    # broken column maps (on the clean CSV)
    clean = text_writer(Style())
    full = "\n".join(f"{k}: {v}" for k, v in [("customer_id", "CustomerID"), ("order_id", "InvoiceNo"),
                                             ("order_date", "InvoiceDate"), ("product_id", "StockCode"),
                                             ("quantity", "Quantity"), ("unit_price", "UnitPrice")])
    bomb = "\n".join([f"{a}: &{a} [{', '.join(['*' + p] * 9) if p else ', '.join(['lol'] * 9)}]"
                      for p, a in zip(["", "a", "b", "c", "d", "e", "f"], "abcdefg")]) + "\ncustomer_id: *g\n"
    broken = {
        "map_key_twice": (full + "\ncustomer_id: Country\n", r"(?i)customer_id.*(twice|duplicate|more than once)"),
        "map_two_names_one_column": (full + "\namount: UnitPrice\n", r"UnitPrice"),
        "map_unknown_name": (full.replace("customer_id", "custmer_id"), r"custmer_id"),
        "map_malformed_yaml": (full + "\nproduct_name: [Description\n", r"(?is)yaml.*line \d+|line \d+.*yaml"),
        "map_alias_bomb": (bomb, r"(?i)alias|anchor"),
        "map_python_tag": (full + "\noptions:\n  steps: !!python/object/apply:os.system ['echo hi']\n",
                           r"(?i)python|tag"),
        "map_python_tag_columns": ("columns:\n  customer_id: !!python/object:collections.OrderedDict {}\n",
                                   r"(?i)python|tag"),
        "map_sheet_null": ("columns:\n  customer_id: CustomerID\noptions:\n  sheet: null\n", r"sheet"),
        "map_not_a_mapping": ("- customer_id\n- CustomerID\n", r"(?i)mapping"),
        "map_unknown_option": ("columns:\n  customer_id: CustomerID\noptions:\n  dayfrist: true\n", r"dayfrist"),
        "map_column_not_in_file": ("customer_id: Kunde\n", r"Kunde"),
        "map_dayfirst_not_bool": ("columns:\n  customer_id: CustomerID\noptions:\n  dayfirst: perhaps\n",
                                  r"dayfirst"),
        "map_decimal_bad": ("columns:\n  customer_id: CustomerID\noptions:\n  decimal: x\n", r"decimal"),
    }
    for mname, (text, match) in broken.items():
        add(Case(mname, "column map", clean, columns=text, expect="error", match=match))

    # files that are not tables, or damaged ones
    not_tables = {
        "file_random_binary": (random_bytes, r"(?i)binary|not a text"),
        "file_pdf": (pdf_bytes, r"(?i)\b(a|is|as) pdf|pdf (file|document)"),
        "file_zip": (zip_bytes, r"(?i)zip"),
        "file_xlsx_named_csv": (xlsx_bytes, r"(?i)excel|xlsx|workbook"),
        "file_parquet_named_csv": (parquet_bytes, r"(?i)parquet"),
        "file_html_error_page": (html_bytes, r"(?i)html"),
        "file_empty": (lambda: b"", r"(?i)empty"),
        "file_header_only": (header_only_bytes, r"(?i)no data|header"),
        "file_blank_lines": (lambda: b"\r\n\r\n   \r\n", r"(?i)empty|blank"),
    }
    for fname, (make, match) in not_tables.items():
        add(Case(fname, "not a table", bytes_writer(make), expect="error", match=match))
    add(Case("file_utf32_no_bom", "not a table", bytes_writer(lambda: clean_csv_bytes().decode().encode("utf-32-le")),
             expect="either", match=r"(?i)utf-?32", note=r"(?i)utf-?32"))
    add(Case("file_parquet_named_txt", "not a table", bytes_writer(parquet_bytes, ".txt"), expect="error",
             match=r"(?i)parquet"))
    add(Case("file_nul_padding", "not a table",
             bytes_writer(lambda: clean_csv_bytes() + b"\0" * 4096), expect="either", match=r"(?i)nul|\\x00|null"))
    add(Case("file_nul_line_in_middle", "not a table",
             bytes_writer(lambda: clean_csv_bytes().replace(b"\r\n", b"\r\n" + b"\0" * 64 + b"\r\n", 1)),
             expect="either", match=r"(?i)nul|\\x00|null"))
    add(Case("file_duplicate_header_unused", "not a table",
             text_writer(Style(extra_columns=(("Remark", "gift wrap"), ("Remark", "")))), note=r"Remark"))
    add(Case("file_duplicate_header_alias", "not a table", text_writer(Style(header={"Country": "Description"})),
             expect="either", match=r"Description", note=r"Description"))
    add(Case("file_duplicate_header_mapped", "not a table",
             text_writer(Style(header={"Country": "UnitPrice"})), expect="error", match=r"UnitPrice"))
    return cases


def parquet_float_bytes() -> bytes:
    """The baseline as the bundled Parquet file stores it: customer ids as floats, dates as datetimes."""
    frame = subset("base").copy()
    frame["CustomerID"] = frame["CustomerID"].astype(float)
    buffer = io.BytesIO()
    frame.to_parquet(buffer)
    return buffer.getvalue()


CASES: list[Case] = _cases()


# -- the expected result and the comparison -------------------------------------------------------------------------

def summarise(tx: pd.DataFrame, report, customer=None, order=None, names=None, day_only=False) -> dict:
    """What two loads must agree on: rows read and kept, money to the cent, date range, id and name sets,
    counts per cleaning reason, and each kept line (customer, order, product, wall-clock date, quantity, cents)."""
    customers = tx["customer_id"].map(customer, na_action="ignore") if customer else tx["customer_id"]
    orders = tx["order_id"].map(order, na_action="ignore") if order else tx["order_id"]
    dates = tx["order_date"].dt.floor("D") if day_only else tx["order_date"]
    cents = (tx["amount"] * 100).round().astype("Int64")
    lines = sorted(zip(customers.astype(str), orders.astype(str), tx["product_id"].astype(str),
                       dates.dt.strftime("%Y-%m-%d %H:%M:%S"), tx["quantity"].round(6).astype(str),
                       cents.astype(str)))
    product_names = tx["product_name"].dropna()
    return {
        "rows read": int(report.n_rows),
        "rows kept": int(report.n_kept),
        "total amount (cents)": int(cents.sum()),
        "first date": str(dates.min()),
        "last date": str(dates.max()),
        "customer ids": set(customers.dropna().astype(str)),
        "order ids": set(orders.dropna().astype(str)),
        "product ids": set(tx["product_id"].dropna().astype(str)),
        "product names": set(product_names.map(names) if names else product_names),
        "set aside per reason": {k: int(v) for k, v in report.counts.items() if v},
        "lines": lines,
    }


@functools.cache
def expected_load(base: str = "base"):
    """``load_transactions`` on the clean CSV of subset ``base``: the result every exact variant must give."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"clean_{base}.csv"
        path.write_bytes(clean_csv_bytes(base))
        return kit.load_transactions(path)


def expected_summary(case: Case) -> dict:
    tx, report = expected_load(case.base)
    return summarise(tx, report, case.customer, case.order, case.names, case.day_only)


def differences(got: dict, want: dict) -> list[str]:
    """One line per item that differs, with a few examples of what is missing or extra."""
    out = []
    for key, value in want.items():
        other = got.get(key)
        if other == value:
            continue
        if isinstance(value, (set, list)):
            a, b = set(map(str, value)), set(map(str, other))
            out.append(f"{key}: missing {sorted(a - b)[:3]} extra {sorted(b - a)[:3]} "
                       f"({len(a - b)} missing, {len(b - a)} extra)")
        else:
            out.append(f"{key}: got {other!r}, expected {value!r}")
    return out


def check(case: Case, path: Path, columns: Path | None) -> tuple[str, str]:
    """Load the export of ``case`` written at ``path`` (with its column map); return ``(outcome, detail)``:
    ``"ok"``, ``"wrong"`` (loaded but differs, or the wrong error) or ``"crash"`` (any exception but KitError)."""
    try:
        tx, report = kit.load_transactions(path, str(columns) if columns else None)
    except kit.KitError as err:
        text = str(err).replace(str(path.parent), "<folder>")  # match the explanation, not the file's path
        if case.expect == "exact":
            return "wrong", f"KitError instead of an exact load: {text.splitlines()[0]}"
        if case.match and not _search(case.match, text):
            return "wrong", f"KitError does not match {case.match!r}: {' | '.join(text.splitlines())[:300]}"
        return "ok", ""
    except Exception as err:  # noqa: BLE001 -- any other exception is a raw traceback for the user
        return "crash", f"{type(err).__name__}: {str(err).splitlines()[0][:200] if str(err) else ''}"
    if case.expect == "error":
        return "wrong", f"loaded {report.n_kept:,} rows instead of stopping with a KitError matching {case.match!r}"
    diffs = differences(summarise(tx, report), expected_summary(case))
    if diffs:
        return "wrong", "; ".join(diffs)[:600]
    if case.note and not any(_search(case.note, n) for n in report.notes):
        return "wrong", f"loaded exactly but no note matches {case.note!r} (notes: {report.notes})"
    return "ok", ""


def _search(pattern: str, text: str) -> bool:
    import re

    return re.search(pattern, text) is not None
