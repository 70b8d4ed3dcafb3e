"""Reading a transaction file into a raw table: CSV/text in any common encoding, Excel, Parquet.

Text files are decoded with the ``encoding`` given, or detected: a byte-order mark first, then strict UTF-8,
then GB18030 (a superset of GBK and GB2312), then Windows-1252. The delimiter is sniffed from the first lines
(comma, tab, semicolon, bar, or runs of spaces). Every column is read as text so that identifiers keep their
leading zeros; numbers and dates are parsed later, where bad values can be counted.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .errors import KitError

TEXT_SUFFIXES = {".csv", ".txt", ".tsv", ".dat", ""}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
DETECT_ORDER = ("utf-8", "gb18030", "cp1252")
NA_VALUES = ["", "NA", "N/A", "NaN", "nan", "NULL", "null", "None", "#N/A"]


@dataclass
class RawTable:
    """A file read as text columns, with how it was read."""

    frame: pd.DataFrame
    source: str
    format: str
    encoding: str | None = None
    delimiter: str | None = None


def read_raw(source, encoding: str | None = None, sheet=0, delimiter: str | None = None,
             header: bool = True, layout: str = "table") -> RawTable:
    """Read ``source`` (a path, or a DataFrame passed through) into a :class:`RawTable`.

    ``layout="basket_lines"`` reads a text file with one basket per line, items separated by commas (the
    Groceries format) into two columns, ``basket`` (the line number) and ``item``.

    >>> read_raw(pd.DataFrame({"a": [1]})).format
    'dataframe'
    """
    if isinstance(source, pd.DataFrame):
        if source.empty:
            raise KitError("the table passed in has no rows", hint="pass a table with at least one transaction")
        return RawTable(source.copy(), "<DataFrame>", "dataframe")
    path = Path(source)
    if not path.exists():
        raise KitError(f"{path}: file not found",
                       hint=f"check the path (the current folder is {Path.cwd()})")
    if path.is_dir():
        raise KitError(f"{path}: is a folder, not a file", hint="give the path of a CSV, Excel or Parquet file")
    if path.stat().st_size == 0:
        raise KitError(f"{path}: the file is empty (0 bytes)", hint="export the data again and check the file")
    suffix = path.suffix.lower()
    if layout == "basket_lines":
        return _read_basket_lines(path, encoding)
    if layout != "table":
        raise KitError(f"unknown layout {layout!r}", hint="use 'table' or 'basket_lines'")
    if suffix in PARQUET_SUFFIXES:
        frame, fmt = _read_parquet(path), "parquet"
    elif suffix in EXCEL_SUFFIXES:
        frame, fmt = _read_excel(path, sheet), "excel"
    else:
        return _read_text(path, encoding, delimiter, header)
    if frame.empty:
        raise KitError(f"{path}: the file has no data rows", hint="check that the right file or sheet was given")
    frame.columns = [str(c).strip() for c in frame.columns]
    return RawTable(frame, str(path), fmt)


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(path)
    except Exception as err:  # pyarrow raises several types for a damaged file
        raise KitError(f"{path}: not a readable Parquet file ({type(err).__name__}: {err})",
                       hint="check the file is complete, or export it as CSV") from None


def _read_excel(path: Path, sheet) -> pd.DataFrame:
    try:
        return pd.read_excel(path, sheet_name=sheet, dtype=object)
    except ValueError as err:
        raise KitError(f"{path}: cannot read sheet {sheet!r} ({err})",
                       hint="give the sheet name or number with the 'sheet' option") from None
    except Exception as err:
        raise KitError(f"{path}: not a readable Excel file ({type(err).__name__}: {err})",
                       hint="open it in Excel and save it again as .xlsx, or export it as CSV") from None


def decode(data: bytes, path, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` with ``encoding``, or detect it; return ``(text, encoding used)``.

    >>> decode("客户".encode("gbk"), "x.csv")
    ('客户', 'gb18030')
    """
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise KitError(f"{path}: unknown encoding {encoding!r}",
                           hint="use a name such as utf-8, utf-8-sig, gbk, gb18030 or cp1252") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            line = data[: err.start].count(b"\n") + 1
            detected = _detect(data)
            hint = f"the file decodes as {detected}: pass --encoding {detected}" if detected else \
                "find out how the file was saved and pass that encoding"
            raise KitError(f"{path}: cannot be read as {encoding}: byte {data[err.start:err.start + 1].hex()!r} "
                           f"on line {line} is not valid {encoding}", hint=hint) from None
        return text.lstrip("\ufeff"), encoding
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    detected = _detect(data)
    return data.decode(detected), detected


def _detect(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    for name in DETECT_ORDER:
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return name
    return None


def sniff_delimiter(text: str) -> str:
    """The delimiter of a text table: ``','``, ``'\\t'``, ``';'``, ``'|'`` or ``r'\\s+'`` for space-aligned files.

    >>> sniff_delimiter("a;b\\n1;2\\n")
    ';'
    """
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    sample = "\n".join(lines)
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;|").delimiter
    except csv.Error:
        pass
    counts = {d: [ln.count(d) for ln in lines] for d in ",\t;|"}
    for d, per_line in counts.items():
        if per_line and min(per_line) > 0 and len(set(per_line)) == 1:
            return d
    if lines and all(len(ln.split()) > 1 for ln in lines):
        return r"\s+"
    return ","


def _read_text(path: Path, encoding: str | None, delimiter: str | None, header: bool) -> RawTable:
    text, used = decode(path.read_bytes(), path, encoding)
    if not text.strip():
        raise KitError(f"{path}: the file holds only blank space", hint="export the data again and check the file")
    delimiter = delimiter or sniff_delimiter(text)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False,
                            na_values=NA_VALUES, header=0 if header else None, skipinitialspace=True,
                            engine="python" if len(delimiter) > 1 else "c")
    except pd.errors.ParserError as err:
        raise KitError(f"{path}: the rows do not split into the same columns ({err})",
                       hint="check the delimiter (pass delimiter=...) and that quotes are balanced") from None
    if frame.empty:
        raise KitError(f"{path}: the file has a header line but no data rows",
                       hint="export the data again and check the file")
    if header:
        frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    else:
        frame.columns = [f"column_{i + 1}" for i in range(frame.shape[1])]
    return RawTable(frame, str(path), "text", used, delimiter)


def read_basket_lines(path, encoding: str | None = None) -> tuple[list[list[str]], str]:
    """Baskets from a text file with one basket per line, items separated by commas (the Groceries format);
    returns ``(baskets, encoding used)``. Lines are split on commas only, so labels keep any trailing space, as in
    R's arules; blank lines and empty items are skipped."""
    path = Path(path)
    if not path.is_file():
        raise KitError(f"{path}: file not found", hint="give a file with one basket per line")
    text, used = decode(path.read_bytes(), path, encoding)
    lists = [[item for item in line.split(",") if item.strip()] for line in text.splitlines() if line.strip()]
    if not lists:
        raise KitError(f"{path}: the file has no baskets", hint="one basket per line, items separated by commas")
    return lists, used


def _read_basket_lines(path: Path, encoding: str | None) -> RawTable:
    lists, used = read_basket_lines(path, encoding)
    rows = [(str(number), item) for number, basket in enumerate(lists, 1) for item in basket]
    return RawTable(pd.DataFrame(rows, columns=["basket", "item"]), str(path), "basket lines", used, ",")
