"""Reading a transaction file into a raw table: CSV/text in any common encoding, Excel, Parquet.

What a file is comes from its first bytes, not its name: an Excel workbook, a Parquet file, a PDF, a zip archive,
an HTML page or binary data saved with a ``.csv`` name is refused with a message saying what it really is.

Text files are decoded with the ``encoding`` given, or detected: a byte-order mark first (UTF-8, UTF-16, UTF-32),
UTF-16/32 without a mark from the pattern of NUL bytes, then strict UTF-8; a file that is not UTF-8 is read as
GB18030 (a superset of GBK and GB2312) or Windows-1252, whichever reads as text (:func:`legacy_encoding`). A UTF-8
file with some lines in a legacy encoding is decoded line by line, with a note naming the lines. The delimiter is
named by Excel's ``sep=;`` first line, or sniffed (:func:`sniff_delimiter`). Every column is read as text so that
identifiers keep their leading zeros; numbers and dates are parsed later, where bad values can be counted.

The header is the first line (row), or the line given by ``header`` (1-based) or after ``skip_rows`` lines; when
the first line holds no known column name but one of the first 20 does, that one is used, with a note. An Excel
workbook is read from every sheet whose header matches the first data sheet's (stacked, with a note), unless
``sheet`` names one.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import stat
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import KitError, examples
from .schema import ALIASES, ALL_COLUMNS, normalise_name

TEXT_SUFFIXES = {".csv", ".txt", ".tsv", ".dat", ""}
EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xls"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
LEGACY_ENCODINGS = ("gb18030", "cp1252")
#: Non-letters that Windows-1252 text holds in earnest (currency, quotes, dashes, fractions...).
CP1252_SYMBOLS = "€£¥©®°±²³µ·¼½¾×÷–—‘’‚“”„†•…‰‹›™¿¡§¶ª«»¬¨´¸"
NA_VALUES = ["", "NA", "N/A", "NaN", "nan", "NULL", "null", "None", "#N/A"]
DELIMITERS = ",\t;|"
#: The full-width comma (U+FF0C), a delimiter of some Chinese exports; see :func:`sniff_delimiter`.
FULLWIDTH_COMMA = "\uff0c"
#: Bytes that do not occur in text: NUL and the control characters other than tab, line ends, form feed, EOF, ESC.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1c-\x1f]")
#: How many lines (rows) at the top of a file are searched for the header when the first holds no known name.
HEADER_SEARCH_ROWS = 20
#: How much of a text file is checked for binary content before the whole file is read.
HEAD_BYTES = 64 * 1024
#: First bytes of the file kinds that are not text tables: (signature, what it is, what to do).
SIGNATURES = (
    (b"PAR1", "a Parquet file", "rename it to .parquet"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Excel 97-2003 workbook (.xls, OLE2 signature)", "rename it to .xls"),
    (b"%PDF", "a PDF document", "export the data from its source as CSV or Excel; a PDF holds no table to read"),
    (b"\x1f\x8b", "a gzip-compressed file", "decompress it first (gunzip) and pass the file inside"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "extract it first and pass the file inside"),
    (b"Rar!", "a RAR archive", "extract it first and pass the file inside"),
    (b"\x89PNG", "a PNG image", "pass the data file, not a picture of it"),
    (b"\xff\xd8\xff", "a JPEG image", "pass the data file, not a picture of it"),
    (b"SQLite format 3", "an SQLite database", "export the table as CSV first"),
)


@dataclass
class RawTable:
    """A file read as text columns, with how it was read and what was noticed on the way (``notes``).

    ``duplicates`` maps a header name the file holds more than once to the names its copies were read under
    (``{"Price": ["Price", "Price.1"]}``).
    """

    frame: pd.DataFrame
    source: str
    format: str
    encoding: str | None = None
    delimiter: str | None = None
    notes: list[str] = field(default_factory=list)
    duplicates: dict[str, list[str]] = field(default_factory=dict)


def read_raw(source, encoding: str | None = None, sheet=None, delimiter: str | None = None,
             header: bool | int = True, layout: str = "table", skip_rows: int = 0,
             expected_columns=()) -> RawTable:
    """Read ``source`` (a path, or a DataFrame passed through) into a :class:`RawTable`.

    ``header`` is ``True`` (the first line, or the first of the top 20 lines holding known column names),
    ``False`` (no header: columns ``column_1, column_2, ...``) or the 1-based line (Excel: row) number of the header;
    ``skip_rows`` lines are skipped before the header. ``sheet`` names an Excel sheet (name, or 0-based number);
    ``None`` reads every sheet whose header matches the first. ``expected_columns`` (the column map's file
    columns) count as known names when looking for the header. ``layout="basket_lines"`` reads a text file with
    one basket per line, items separated by commas (the Groceries format) into two columns, ``basket`` (the line
    number) and ``item``.

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
    check_regular_file(path)
    if path.stat().st_size == 0:
        raise KitError(f"{path}: the file is empty (0 bytes)", hint="export the data again and check the file")
    if layout == "basket_lines":
        return _read_basket_lines(path, encoding, delimiter)
    if layout != "table":
        raise KitError(f"unknown layout {layout!r}", hint="use 'table' or 'basket_lines'")
    start, has_header, auto = header_position(header, skip_rows, path)
    known = {normalise_name(c) for c in (*ALL_COLUMNS, *expected_columns)}
    known |= {normalise_name(a) for names in ALIASES.values() for a in names}
    suffix = path.suffix.lower()
    try:
        if suffix in EXCEL_SUFFIXES:
            return _read_excel(path, sheet, start, has_header, auto, known)
        raw = _read_parquet(path) if suffix in PARQUET_SUFFIXES else \
            _read_text(path, encoding, delimiter, start, has_header, auto, known)
    except MemoryError:
        raise KitError(f"{path}: too large to read into memory (or one line is enormous, which happens when the "
                       "line endings or the delimiter are wrong)",
                       hint="check the file in a text editor; split it, or pass the right delimiter") from None
    if sheet is not None:
        raw.notes.append(f"option sheet={sheet!r} ignored: the file is not an Excel workbook")
    return raw


def check_regular_file(path: Path) -> None:
    """Refuse, with a :class:`KitError`, a path that is not a regular file one can open: a pipe, a device or a
    socket (which would be read as empty, or without end), or a file without read permission.

    >>> try:
    ...     check_regular_file(Path("/dev/null"))
    ... except KitError as err:
    ...     print(err.message)
    /dev/null: not a regular file (a device)
    """
    mode = path.stat().st_mode
    if not stat.S_ISREG(mode):
        what = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else \
            "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"
        raise KitError(f"{path}: not a regular file ({what})",
                       hint="save the data to a file (CSV, Excel or Parquet) and give the path of that file")
    try:
        with open(path, "rb"):
            pass
    except PermissionError:
        raise KitError(f"cannot open {path}: permission denied",
                       hint="the file's permissions do not let you read it: ask its owner, or run chmod u+r on it "
                       "(ls -l shows the permissions)") from None


def header_position(header, skip_rows, path) -> tuple[int, bool, bool]:
    """Where the header is from the ``header``/``skip_rows`` options: ``(lines before it, has header, search)``.

    >>> header_position(4, 0, "x.csv"), header_position(True, 0, "x.csv"), header_position(False, 2, "x.csv")
    ((3, True, False), (0, True, True), (2, False, False))
    """
    if isinstance(skip_rows, bool) or not isinstance(skip_rows, int) or skip_rows < 0:
        raise KitError(f"{path}: skip_rows must be a whole number of lines >= 0, got {skip_rows!r}",
                       hint="e.g. skip_rows: 3 to skip three title lines above the header")
    if isinstance(header, str) and header.strip().isdigit():
        header = int(header)
    if isinstance(header, bool):
        return skip_rows, header, header and not skip_rows
    if isinstance(header, int) and header >= 1:
        if skip_rows:
            raise KitError(f"{path}: both header ({header}) and skip_rows ({skip_rows}) are given",
                           hint=f"give one: header: {header} says the header is on line {header}")
        return header - 1, True, False
    raise KitError(f"{path}: header must be true, false or the line number of the header (1 = first), "
                   f"got {header!r}", hint="e.g. header: 4 when three title lines come first")


def _read_parquet(path: Path) -> RawTable:
    import pyarrow

    head = _head(path)
    if not head.startswith(b"PAR1"):
        what, todo = identify(head) or ("a text file", f"rename it to .csv (it has a {path.suffix} name)")
        raise KitError(f"{path}: not a Parquet file (no PAR1 signature): this is {what}", hint=todo)
    try:
        frame = pd.read_parquet(path)
    except (pyarrow.ArrowException, OSError, ValueError) as err:
        raise KitError(f"{path}: not a readable Parquet file ({type(err).__name__}: {err})",
                       hint="check the file is complete, or export it as CSV") from None
    if frame.empty:
        raise KitError(f"{path}: the file has no data rows", hint="check that the right file was given")
    notes = []
    named = [name for name in frame.index.names if name is not None and name not in frame.columns]
    if named:
        frame = frame.reset_index(level=named)
        notes.append(f"the file's index ({examples(named, len(named))}, written by pandas) read as "
                     f"column{'s' if len(named) > 1 else ''}")
    frame = frame.reset_index(drop=True)
    frame.columns = [str(c).strip() for c in frame.columns]
    return RawTable(frame, str(path), "parquet", notes=notes)


def _head(path: Path, n: int = 4096) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(n)


def identify(head: bytes) -> tuple[str, str] | None:
    """What a file that is not a text table is, from its first bytes: ``(what it is, what to do)`` or ``None``.

    >>> identify(b"%PDF-1.7 ...")[0]
    'a PDF document'
    >>> identify(b"a,b\\n1,2\\n") is None
    True
    """
    for signature, what, todo in SIGNATURES:
        if head.startswith(signature):
            return what, todo
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        if b"[Content_Types].xml" in head or b"xl/" in head:
            return "an Excel workbook (zip/xlsx signature)", "rename it to .xlsx"
        return "a zip archive", "extract it first and pass the file inside"
    text = head.lstrip(codecs.BOM_UTF8).lstrip().lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<table", b"<meta")):
        return ("an HTML page (a web page, often an error or login page saved instead of the data)",
                "download the export again; if it is a table saved as a web page, open it in Excel and save as CSV")
    if re.match(rb"(\{|\[\s*[{\[])", text) and b":" in text:
        return "a JSON document", "convert it to CSV first (e.g. pandas.read_json(...).to_csv(...))"
    if text.startswith(b"<?xml"):
        if b"urn:schemas-microsoft-com:office:spreadsheet" in text or b"mso-application" in text:
            return "an Excel 2003 XML spreadsheet", "open it in Excel and save it as .xlsx or CSV"
        return "an XML document", "export the data as CSV or Excel"
    return None


def _read_excel(path: Path, sheet, start: int, has_header: bool, auto: bool, known: set) -> RawTable:
    import openpyxl

    head = _head(path)
    is_xls = head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    if not (head.startswith(b"PK\x03\x04") or is_xls):
        kind = identify(head)
        what, todo = kind if kind else ("a text file", f"rename it to .csv (it has an {path.suffix} name)")
        raise KitError(f"{path}: not an Excel workbook: this is {what}", hint=todo)
    if is_xls and path.suffix.lower() != ".xls":
        raise KitError(f"{path}: not an {path.suffix} workbook: this is a password-protected workbook or an Excel "
                       "97-2003 (.xls) file (OLE2 signature)",
                       hint="open it in Excel, remove the password if any, and save it as .xlsx or CSV")
    try:
        sheets = pd.read_excel(path, sheet_name=None if sheet is None else sheet, header=None, dtype=object)
    except ImportError:
        raise KitError(f"{path}: this is an Excel 97-2003 workbook (.xls); reading it needs the xlrd package, which "
                       "is not installed", hint="open it in Excel and save it as .xlsx or CSV") from None
    except (ValueError, KeyError, IndexError) as err:
        if sheet is not None:
            names = _sheet_names(path)
            raise KitError(f"{path}: no sheet {sheet!r} ({err}); the sheets are: {names}",
                           hint="give the sheet name, or its number counting from 0, with the 'sheet' option") from None
        raise KitError(f"{path}: not a readable Excel file ({type(err).__name__}: {err})",
                       hint="open it in Excel and save it again as .xlsx, or export it as CSV") from None
    except (zipfile.BadZipFile, openpyxl.utils.exceptions.InvalidFileException, OSError, EOFError) as err:
        raise KitError(f"{path}: not a readable Excel file ({type(err).__name__}: {err})",
                       hint="open it in Excel and save it again as .xlsx, or export it as CSV") from None
    if not isinstance(sheets, dict):
        sheets = {sheet: sheets}
    tables = {}
    for name, grid in sheets.items():
        if grid.isna().all().all():
            continue
        tables[name] = _table_from_grid(grid, start, has_header, auto, known)
    header_only = [name for name, table in tables.items() if table[0].empty]
    tables = {name: table for name, table in tables.items() if not table[0].empty}
    if not tables:
        raise KitError(f"{path}: the workbook has no data rows" + (f" in sheet {sheet!r}" if sheet is not None else ""),
                       hint="check that the right file or sheet was given")
    raw = _stack_sheets(path, tables)
    if header_only:
        raw.notes.append(f"sheet(s) {', '.join(map(repr, header_only))} ignored: a header but no rows")
    return raw


def _sheet_names(path: Path) -> str:
    try:
        return ", ".join(repr(n) for n in pd.ExcelFile(path).sheet_names)
    except (ValueError, OSError, zipfile.BadZipFile, KeyError):
        return "(unreadable)"


def _stack_sheets(path: Path, tables: dict) -> RawTable:
    """One table from the sheets read: the named one, or every sheet whose header matches the first data sheet's.

    A sheet counts as data when its header holds a known column name; if two data sheets have different headers,
    which one is meant is unclear and the ``sheet`` option must say.
    """
    notes: list[str] = []
    header = {n: tuple(t[0].columns) for n, t in tables.items()}
    data_sheets = [n for n, t in tables.items() if t[3] > 0]
    pool = data_sheets or list(tables)
    chosen = [n for n in pool if header[n] == header[pool[0]]]
    conflict = [n for n in data_sheets if n not in chosen]
    if conflict:
        listing = "; ".join(f"{n!r} ({len(tables[n][0]):,} rows: {', '.join(map(str, header[n][:5]))}"
                            f"{', ...' if len(header[n]) > 5 else ''})" for n in data_sheets)
        raise KitError(f"{path}: the sheets hold tables with different headers, so which to read is unclear: "
                       f"{listing}", hint=f"name one with the 'sheet' option, e.g. sheet: {pool[0]!r}")
    frames = [tables[n][0] for n in chosen]
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if len(chosen) > 1:
        notes.append("sheets stacked (same header): " + ", ".join(f"{n!r} {len(tables[n][0]):,} rows" for n in chosen))
    ignored = [n for n in tables if n not in chosen]
    if ignored:
        notes.append(f"sheet(s) {', '.join(map(repr, ignored))} ignored (a header unlike sheet {chosen[0]!r}'s); "
                     f"read from {', '.join(map(repr, chosen))}")
    for n in chosen:
        notes += [f"sheet {n!r}: {note}" if len(tables) > 1 else note for note in tables[n][1]]
    return RawTable(frame, str(path), "excel", notes=notes, duplicates=tables[chosen[0]][2])


def _table_from_grid(grid: pd.DataFrame, start: int, has_header: bool, auto: bool, known: set):
    """A sheet's cells -> ``(frame, notes, duplicates, known names in header)``; empty rows are skipped (counted in a
    note), rows are numbered as the sheet shows them."""
    notes: list[str] = []
    grid = grid.reset_index(drop=True)
    blank = grid.isna().all(axis=1).to_numpy()
    if auto:
        top = grid.head(HEADER_SEARCH_ROWS).itertuples(index=False)
        rows = [["" if pd.isna(v) else str(v) for v in row] for row in top]
        found = find_header_row(rows, known)
        if found:
            notes.append(f"the header is on row {found + 1} (the rows above look like a title): read from there; "
                         f"pass header: {found + 1} to say so")
            start = found
    while start < len(grid) and blank[start]:
        start += 1
    frame, header_notes, duplicates = _apply_header(grid.iloc[start:], has_header)
    empty = frame.isna().all(axis=1)
    if empty.any():
        frame = frame.loc[~empty].reset_index(drop=True)
        notes.append(f"{int(empty.sum()):,} empty row(s) skipped")
    return frame, notes + header_notes, duplicates, _known_count(frame.columns, known) if has_header else 0


def _known_count(cells, known: set) -> int:
    return sum(normalise_name(c) in known for c in cells if str(c).strip())


def find_header_row(rows: list[list[str]], known: set) -> int | None:
    """The 0-based index of the header among the first rows: the row holding the most known column names, when
    that is at least two and more than twice as many as the first row holds (a title such as ``Sales`` may hold
    one); otherwise ``None`` (the first row stays the header).

    >>> find_header_row([["Sales report 2011"], [], ["InvoiceNo", "StockCode", "Quantity"]], {"invoiceno", "quantity"})
    2
    """
    counts = [_known_count(row, known) for row in rows[:HEADER_SEARCH_ROWS]]
    if not counts:
        return None
    best = max(range(len(counts)), key=lambda i: (counts[i], -i))
    return best if best and counts[best] >= 2 and counts[best] > 2 * counts[0] else None


def _apply_header(grid: pd.DataFrame, has_header: bool):
    """Cells -> frame with column names from the first row (or ``column_1, ...``); duplicate names made unique the
    way pandas does (``Price``, ``Price.1``) and named in a note. Returns ``(frame, notes, duplicates)``."""
    grid = grid.reset_index(drop=True)
    width = grid.shape[1]
    if not has_header:
        grid.columns = [f"column_{i + 1}" for i in range(width)]
        return grid, [], {}
    cells = grid.iloc[0].tolist() if len(grid) else [None] * width
    names = [f"column_{i + 1}" if v is None or (not isinstance(v, str) and pd.isna(v)) or not str(v).strip()
             else str(v).strip().lstrip("\ufeff").strip() for i, v in enumerate(cells)]
    frame = grid.iloc[1:].reset_index(drop=True)
    empty_unnamed = [i for i, v in enumerate(cells) if names[i] == f"column_{i + 1}" and frame.iloc[:, i].isna().all()]
    if empty_unnamed:
        frame = frame.drop(columns=frame.columns[empty_unnamed])
        names = [n for i, n in enumerate(names) if i not in empty_unnamed]
    duplicates: dict[str, list[str]] = {}
    seen = Counter()
    taken = set(names)
    unique = []
    for name in names:
        if seen[name]:
            alias = f"{name}.{seen[name]}"
            while alias in taken:
                seen[name] += 1
                alias = f"{name}.{seen[name]}"
            taken.add(alias)
            duplicates.setdefault(name, [name]).append(alias)
            unique.append(alias)
        else:
            unique.append(name)
        seen[name] += 1
    frame.columns = unique
    notes = [f"column {name!r} appears {len(copies)} times in the header; read as {examples(copies, len(copies))}"
             for name, copies in duplicates.items()]
    return frame, notes, duplicates


def decode(data: bytes, path, encoding: str | None = None, notes: list | None = None) -> tuple[str, str]:
    """Decode ``data`` with ``encoding``, or detect it; return ``(text, encoding used)``.

    A UTF-8 file with lines that are not UTF-8 is decoded line by line: those lines in the legacy encoding that
    reads them best (:func:`legacy_encoding`); the encoding used is then ``"utf-8+cp1252"`` (or ``+gb18030``) and
    a note naming the lines is added to ``notes``. A detected legacy encoding is a guess, and a note says so with
    examples of the values it gives (:func:`guessed_encoding_note`).

    >>> decode("客户".encode("gbk"), "x.csv")
    ('客户', 'gb18030')
    >>> notes = []
    >>> decode("Café\\n".encode() + "Crème\\n".encode("cp1252"), "x.csv", notes=notes)[0], notes[0].split(";")[0]
    ('Café\\nCrème\\n', '1 line was not UTF-8 and was read as cp1252: line 2')
    """
    notes = [] if notes is None else notes
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
        controls = sorted(set(re.findall("[\x80-\x9f]", text)))
        if controls:  # C1 control characters are never text: the bytes 0x80-0x9F were meant as cp1252's € ‘ ’ …
            notes.append(f"the text read as {encoding} holds control characters "
                         f"({', '.join(f'U+{ord(c):04X}' for c in controls[:5])}) where printed signs are expected: "
                         "the file is probably cp1252 (Windows), give encoding: cp1252")
        return text.lstrip("\ufeff"), encoding
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(name).lstrip("\ufeff"), name
            except UnicodeDecodeError as err:
                line = data[: err.start].count(b"\n") + 1
                raise KitError(f"{path}: starts with a {name} byte-order mark but line {line} is not valid {name}",
                               hint="the file is damaged or mixes encodings; export it again") from None
    wide = _wide_encoding(data)
    if wide:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            pass
        else:
            notes.append(f"the file is {wide.upper()} without a byte-order mark; read as {wide}")
            return text, wide
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    bad = [i for i, line in enumerate(lines) if not _is_utf8(line)]
    utf8_non_ascii = sum(1 for i, line in enumerate(lines) if not line.isascii()) - len(bad)
    legacy = legacy_encoding(b"".join(lines[i] for i in bad))
    if legacy is None:
        first = bad[0]
        raise KitError(f"{path}: the encoding cannot be detected: line {first + 1} is neither UTF-8, GB18030 nor "
                       f"Windows-1252 ({lines[first][:60]!r})", hint="find out how the file was saved and pass "
                       "--encoding (e.g. cp1250 for Central European text, big5, euc-kr, euc-jp)") from None
    # multi-byte GB18030 text is now and then valid UTF-8 by chance; Windows-1252 text practically never is
    if utf8_non_ascii <= 0 or legacy == "gb18030" and utf8_non_ascii < 0.05 * len(bad) and _decodes(data, legacy):
        text = data.decode(legacy)
        notes.append(guessed_encoding_note(text, legacy))
        return text, legacy
    shown = ", ".join(str(i + 1) for i in bad[:10]) + (", ..." if len(bad) > 10 else "")
    bad_set = set(bad)
    text = "".join(line.decode(legacy if i in bad_set else "utf-8") for i, line in enumerate(lines))
    notes.append(f"{len(bad):,} line{'s were' if len(bad) > 1 else ' was'} not UTF-8 and "
                 f"{'were' if len(bad) > 1 else 'was'} read as {legacy}: line{'s' if len(bad) > 1 else ''} {shown}; "
                 + guessed_encoding_note("".join(lines[i].decode(legacy) for i in bad[:50]), legacy))
    return text, f"utf-8+{legacy}"


def guessed_encoding_note(text: str, encoding: str) -> str:
    """The note for a legacy encoding that was detected, not given: a guess, with examples of the values it gives.

    >>> guessed_encoding_note("id,name\\n1,Crème\\n2,Café au lait\\n", "cp1252")  # doctest: +NORMALIZE_WHITESPACE
    "the encoding is a guess (cp1252); non-ASCII values read as: 'Crème', 'Café au lait'; if they look wrong, give
    the encoding (e.g. encoding: shift_jis, big5, euc-kr, euc-jp, cp1250)"
    """
    values = [v.strip() for v in re.findall(r'[^,;\t|"\r\n]*[^\x00-\x7f][^,;\t|"\r\n]*', text)]
    return (f"the encoding is a guess ({encoding}); non-ASCII values read as: {examples(values)}; if they look "
            "wrong, give the encoding (e.g. encoding: shift_jis, big5, euc-kr, euc-jp, cp1250)")


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 without a byte-order mark, told by where the NUL bytes of ASCII characters fall."""
    sample = data[:4096]
    n = len(sample) - len(sample) % 4
    if n < 8 or sample.count(0) < n // 4:
        return None
    share = [sample[k:n:4].count(0) / (n // 4) for k in range(4)]
    if share[1] > 0.9 and share[2] > 0.9 and share[3] > 0.9 and share[0] < 0.5:
        return "utf-32-le"
    if share[0] > 0.9 and share[1] > 0.9 and share[2] > 0.9 and share[3] < 0.5:
        return "utf-32-be"
    if share[1] > 0.9 and share[3] > 0.9 and share[0] < 0.5 and share[2] < 0.5:
        return "utf-16-le"
    if share[0] > 0.9 and share[2] > 0.9 and share[1] < 0.5 and share[3] < 0.5:
        return "utf-16-be"
    return None


def legacy_encoding(data: bytes) -> str | None:
    """GB18030 or Windows-1252, for bytes that are not UTF-8: the one that decodes them with the fewer characters
    out of place, ``None`` if neither decodes them.

    A character is out of place when it is CJK next to a Latin letter (``Cr蔓e`` is Windows-1252 ``Crème`` read as
    GB18030) or, for Windows-1252, a non-ASCII symbol that is not a letter or common punctuation; a tie goes to GB18030.

    Japanese text in Shift-JIS is told apart first (:func:`is_japanese_shift_jis`) and read as cp932 (Windows'
    Shift-JIS).

    >>> legacy_encoding("价格".encode("gbk")), legacy_encoding("Crème brûlée".encode("cp1252"))
    ('gb18030', 'cp1252')
    >>> legacy_encoding("ギフトタグ 赤".encode("shift_jis"))
    'cp932'
    """
    if is_japanese_shift_jis(data):
        return "cp932"
    scores = {}
    for name in LEGACY_ENCODINGS:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if name == "gb18030":
            odd = len(re.findall(r"(?<=[A-Za-z])[\u3400-\u9fff\ue000-\uf8ff]|[\u3400-\u9fff\ue000-\uf8ff](?=[A-Za-z])"
                                 r"|[\x80-\x9f\ue000-\uf8ff]", text))
        else:
            odd = sum(1 for ch in text if ord(ch) > 127 and not ch.isalpha() and ch not in CP1252_SYMBOLS)
        scores[name] = odd
    if not scores:
        return None
    return min(scores, key=lambda n: (scores[n], LEGACY_ENCODINGS.index(n)))


def is_japanese_shift_jis(data: bytes) -> bool:
    """Whether bytes that are not UTF-8 are Japanese text in Shift-JIS: they decode as cp932 without private-use
    characters, and full-width kana (U+3041-U+30FF, which Chinese and Korean text lacks) make up at least a fifth of
    the non-ASCII characters.

    >>> is_japanese_shift_jis("キャンドル".encode("shift_jis")), is_japanese_shift_jis("价格表".encode("gbk"))
    (True, False)
    """
    try:
        text = data.decode("cp932")
    except UnicodeDecodeError:
        return False
    wide = [ch for ch in text if ord(ch) > 127]
    if not wide or any("\ue000" <= ch <= "\uf8ff" for ch in wide):
        return False
    return sum("\u3041" <= ch <= "\u30ff" for ch in wide) >= 0.2 * len(wide)


def _detect(data: bytes) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if _decodes(data, "utf-8"):
        return "utf-8"
    return legacy_encoding(data)


def sniff_delimiter(text: str) -> str:
    """The delimiter of a text table: ``','``, ``'\\t'``, ``';'``, ``'|'`` or ``r'\\s+'`` for space-aligned files.

    Each candidate splits the first 50 lines (quotes respected); the one whose field count is the same on the most
    lines wins, then the one giving more fields, so decimal commas in a ``;`` file and commas inside quotes do not
    fool it. The full-width comma ``，`` (Chinese and Japanese text) is taken only when it splits every line into
    the same number of fields (two or more) and no ASCII candidate does.

    >>> sniff_delimiter("a;b\\n1;2,5\\n3;4\\n"), sniff_delimiter('a,b\\n"x; y",2\\n"z; w",3\\n')
    (';', ',')
    >>> sniff_delimiter("订单号，数量\\n536365，6\\n")
    '，'
    """
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    best, best_key, even = None, None, False
    for rank, d in enumerate(DELIMITERS + FULLWIDTH_COMMA):
        if not any(d in ln for ln in lines):
            continue
        try:
            counts = [len(row) for row in csv.reader(lines, delimiter=d)]
        except csv.Error:
            continue
        mode, hits = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        if d == FULLWIDTH_COMMA:
            if hits == len(counts) and not even:
                return d
            continue
        even = even or hits == len(counts)
        key = (round(hits / len(counts), 2), mode, -rank)
        if best_key is None or key > best_key:
            best, best_key = d, key
    if best is not None and best_key[0] >= 0.5:
        return best
    if lines and all(len(ln.split()) > 1 for ln in lines):
        return r"\s+"
    return best or ","


def _read_text(path: Path, encoding: str | None, delimiter: str | None, start: int, has_header: bool, auto: bool,
               known: set) -> RawTable:
    head = _head(path, HEAD_BYTES)
    kind = identify(head[:4096])
    if kind:
        raise KitError(f"{path}: not a text table: this is {kind[0]} saved with a {path.suffix or 'text'} name",
                       hint=kind[1])
    boms = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)
    narrow = not encoding and not _wide_encoding(head) and not head.startswith(boms)
    if narrow and len(head) == HEAD_BYTES:  # the head alone decides a binary file: the rest is never read
        _without_nul(head, path, [], f" in its first {HEAD_BYTES // 1024} KiB")
    data = path.read_bytes()
    notes: list[str] = []
    if narrow:
        data = _without_nul(data, path, notes)
    text, used = decode(data, path, encoding, notes)
    text = _without_stray_cr(text, notes)
    if text.count("\x00"):
        text = text.replace("\x00", "")
        notes.append("NUL characters removed from the text")
    if not text.strip():
        raise KitError(f"{path}: the file holds only blank space", hint="export the data again and check the file")
    lines = _head_lines(text, 1)
    named = re.fullmatch(r'"?sep=(.)"?,*\s*', lines[0].lstrip("\ufeff")) if lines else None
    if named:
        text = text[len(lines[0]):]
        delimiter = delimiter or named.group(1)
        notes.append(f"first line 'sep={named.group(1)}' (written by Excel) names the delimiter")
    lines = _head_lines(text, start + 60 + HEADER_SEARCH_ROWS)
    delimiter = delimiter or sniff_delimiter("".join(lines[start:start + 60]))
    if delimiter == FULLWIDTH_COMMA:
        notes.append(f"the delimiter is the full-width comma {FULLWIDTH_COMMA!r} (U+FF0C)")
    if auto:
        top = [_split(line, delimiter) for line in lines[:HEADER_SEARCH_ROWS]]
        found = find_header_row(top, known)
        if found:
            notes.append(f"the header is on line {found + 1} (the lines above look like a title): read from there; "
                         f"pass header: {found + 1} to say so")
            start = found
    body = text[sum(map(len, lines[:start])):]
    if not body.strip():
        raise KitError(f"{path}: no table left to read" + (f" after skipping {start} line(s) (the file has "
                                                             f"{len(lines)})" if start else "")
                       + (" (the file holds only the 'sep=' line)" if named and not start else ""),
                       hint="check the file, and the header / skip_rows options")
    grid = _read_grid(body, delimiter, path, notes)
    frame, header_notes, duplicates = _apply_header(grid, has_header)
    if frame.empty:
        raise KitError(f"{path}: the file has a header line but no data rows",
                       hint="export the data again and check the file")
    return RawTable(frame, str(path), "text", used, delimiter, notes + header_notes, duplicates)


def _read_grid(body: str, delimiter: str, path, notes: list) -> pd.DataFrame:
    """The cells of a text table (header line included) as text, ``header=None``.

    Data rows that end with one extra, empty field (a trailing delimiter the header line lacks) are read with one
    more column, which is dropped when it is empty on every row, with a note; values in it are an error.
    """
    options = dict(sep=delimiter, dtype=str, keep_default_na=False, na_values=NA_VALUES, header=None,
                   skipinitialspace=True, engine="python" if len(delimiter) > 1 or not delimiter.isascii() else "c")
    try:
        return pd.read_csv(io.StringIO(body), **options)
    except pd.errors.ParserError as err:
        problem = err
        width = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(err))
    except (pd.errors.EmptyDataError, csv.Error) as err:
        raise KitError(f"{path}: no table found ({err})", hint="check the file in a text editor") from None
    if width and int(width.group(3)) == int(width.group(1)) + 1:
        n = int(width.group(1))
        try:
            grid = pd.read_csv(io.StringIO(body), names=range(n + 1), **options)
        except pd.errors.ParserError as err:
            problem = err
        else:
            extra = grid[n].dropna()
            extra = extra[extra.str.strip() != ""]
            if extra.empty:
                notes.append(f"data rows end with an extra empty field (a trailing "
                             f"{'tab' if delimiter == chr(9) else repr(delimiter)}) that the header line lacks: "
                             "the empty field is ignored")
                return grid.drop(columns=n)
            raise KitError(f"{path}: some rows have {n + 1} fields where the header line has {n}; the extra field "
                           f"holds {examples(extra.tolist())} (row {int(extra.index[0]) + 1} of the table, the "
                           "header line being row 1)",
                           hint="check the delimiter (pass delimiter=...) and that quotes are balanced") from None
    raise KitError(f"{path}: the rows do not split into the same columns ({problem})",
                   hint="check the delimiter (pass delimiter=...) and that quotes are balanced") from None


def _without_stray_cr(text: str, notes: list) -> str:
    """``text`` with each bare ``\\r`` (not followed by ``\\n``) replaced by a space, when the lines end in ``\\n``
    (there are more ``\\n`` than bare ``\\r``): a stray carriage return inside a field would otherwise split the
    row in two. A note gives the count and the lines.

    >>> notes = []
    >>> _without_stray_cr("a,b\\nMUG\\r,2\\n", notes), notes
    ('a,b\\nMUG ,2\\n', ['1 stray carriage return (\\\\r) inside a line replaced by a space: line 2'])
    """
    stray = [m.start() for m in re.finditer(r"\r(?!\n)", text)]
    if not stray or text.count("\n") <= len(stray):
        return text
    lines = sorted({text.count("\n", 0, pos) + 1 for pos in stray[:10]})
    shown = ", ".join(map(str, lines)) + (", ..." if len(stray) > 10 else "")
    notes.append(f"{len(stray):,} stray carriage return{'s' if len(stray) > 1 else ''} (\\r) inside a line "
                 f"replaced by a space: line{'s' if len(lines) > 1 else ''} {shown}")
    return re.sub(r"\r(?!\n)", " ", text)


def _head_lines(text: str, n: int) -> list[str]:
    """The first ``n`` lines of ``text`` with their ends, split where pandas splits them (``\\n``, ``\\r\\n``, ``\\r``).

    >>> _head_lines("a\\r\\nb\\u2028c\\rd", 5)
    ['a\\r\\n', 'b\\u2028c\\r', 'd']
    """
    lines, pos = [], 0
    for match in re.finditer(r"\r\n|\r|\n", text):
        lines.append(text[pos:match.end()])
        pos = match.end()
        if len(lines) == n:
            return lines
    return lines + [text[pos:]] if pos < len(text) else lines


def _split(line: str, delimiter: str) -> list[str]:
    if len(delimiter) > 1:
        return line.split()
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _without_nul(data: bytes, path, notes: list, part: str = "") -> bytes:
    """``data`` without NUL bytes when they are padding (at the end) or a few scattered in text, with a note;
    a file with more than 1% NUL or other control bytes is binary data and refused (``part`` says which part of
    the file ``data`` is, e.g. its first 64 KiB)."""
    if not CONTROL_BYTES.search(data):
        return data
    control = len(CONTROL_BYTES.findall(data)) - data.count(0)
    body = data.rstrip(b"\x00")
    trailing = len(data) - len(body)
    inner = body.count(0)
    if not body.strip() or control > 0.01 * len(data) or inner > 0.01 * len(body):
        what = "only NUL bytes" if not data.strip(b"\x00") else \
            f"{data.count(0):,} NUL and {control:,} other control bytes"
        raise KitError(f"{path}: not a text table: this is binary data ({what}{part})",
                       hint="export the data again as CSV (comma-separated text)")
    if trailing:
        notes.append(f"{trailing:,} NUL bytes of padding at the end of the file removed")
    if inner:
        lines = [k + 1 for k, line in enumerate(body.split(b"\n")) if 0 in line]
        notes.append(f"{inner:,} NUL bytes removed from line(s) {', '.join(map(str, lines[:10]))}")
    return body.replace(b"\x00", b"")


def read_basket_lines(path, encoding: str | None = None, delimiter: str | None = None) -> tuple[list[list[str]], str,
                                                                                                   str]:
    """Baskets from a text file with one basket per line (the Groceries format); returns ``(baskets, encoding used,
    item separator)``.

    Items are separated by ``delimiter``, or by the separator :func:`sniff_item_separator` finds; lines are split
    with the csv module, so quoted items lose their quotes and may hold the separator. Unquoted labels keep any
    trailing space, as in R's arules; blank lines and empty items are skipped.
    """
    path = Path(path)
    if not path.is_file():
        raise KitError(f"{path}: file not found", hint="give a file with one basket per line")
    text, used = decode(path.read_bytes(), path, encoding)
    lines = [line for line in text.splitlines() if line.strip()]
    separator = delimiter or sniff_item_separator(lines)
    try:
        rows = csv.reader(lines, delimiter=separator)
        lists = [[item for item in row if item.strip()] for row in rows]
    except (csv.Error, TypeError) as err:
        raise KitError(f"{path}: the basket lines cannot be split on {separator!r} ({err})",
                       hint="give the item separator with the 'delimiter' option, e.g. delimiter: ';'") from None
    lists = [items for items in lists if items]
    if not lists:
        raise KitError(f"{path}: the file has no baskets", hint="one basket per line, items separated by commas")
    return lists, used, separator


def sniff_item_separator(lines: list[str]) -> str:
    """The item separator of basket lines: of ``,`` ``;`` tab and ``|``, the one found (outside quotes) on the most
    lines; ``,`` when none is (every basket holds one item) or on a tie.

    >>> sniff_item_separator(["milk;bread", "beer", '"nuts, salted";milk']), sniff_item_separator(["milk"])
    (';', ',')
    """
    sample = lines[:1000]
    unquoted = [re.sub(r'"[^"]*"', "", line) for line in sample]
    found = {d: sum(d in line for line in unquoted) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (found[d], -DELIMITERS.index(d)))
    return best if found[best] else ","


def _read_basket_lines(path: Path, encoding: str | None, delimiter: str | None) -> RawTable:
    lists, used, separator = read_basket_lines(path, encoding, delimiter)
    rows = [(str(number), item) for number, basket in enumerate(lists, 1) for item in basket]
    shown = "tab" if separator == "\t" else repr(separator)
    how = "given by the 'delimiter' option" if delimiter else "found in the file"
    return RawTable(pd.DataFrame(rows, columns=["basket", "item"]), str(path), "basket lines", used, separator,
                    [f"basket lines: items separated by {shown} ({how})"])
