"""Turning text columns into ids, numbers and dates, leaving unparseable values as missing so they are counted.

Every rule is decided per column from all its distinct values, never value by value, so one column never mixes two
conventions silently; when the values cannot decide, a :class:`KitError` names the option that settles it.

Numbers
    The decimal mark is proven by values such as ``2,55`` or ``1.234,50`` (comma decimal) and ``2.55`` or
    ``1,234.50`` (point decimal): a lone mark followed by other than 3 digits, or after 4+ digits or a lone 0, is
    the decimal mark; a mark used twice, or before the other mark, groups thousands. Values like ``1,234`` alone
    cannot decide: a ``;``-delimited file then means decimal comma (noted); otherwise loading stops and asks for
    ``decimal``. Thousands are grouped by 3 (or 2-then-3 for Indian ``1,23,456``) with the other mark, spaces
    (also no-break and thin spaces) or apostrophes. Currency signs and codes (``£ $ € ¥ ￥ 元 RMB CNY USD EUR
    GBP``) are ignored before or after the number; ``(12.50)`` and ``12.50-`` are negative, and so are the minus
    sign, en and em dashes (``−6``, ``–6``); full-width forms (``－１２．５``) are read as plain ones (NFKC).
    Scientific notation (``1.690E+00``) parses; its mantissa's lone mark is the decimal mark.
Ids
    Spreadsheet damage to ids is undone with a note, or refused where digits were lost (:func:`parse_ids`).
Dates
    ISO (``2011-12-09 12:50:00``, ``2011-12-09T12:50:00Z``, ``2011/12/9``, ``2011.12.09``), day/month or
    month/day with ``/``, ``-`` or ``.`` and 2- or 4-digit years (``00``-``68`` -> 2000s, ``69``-``99`` ->
    1900s), an optional time (``:`` or ``.`` between its parts) with or without seconds and AM/PM, Chinese
    (``2011年1月9日 8:05``, ``下午 2:30``, a weekday such as ``星期五`` or ``周五`` is ignored), compact
    ``20110912``, ``20110912 08:34`` and ``20110912083400``, Excel serial day numbers (``40886.53`` = 2011-12-09
    12:43), Unix timestamps (whole seconds or milliseconds between 1990 and 2100, read as UTC wall-clock time, with
    a note) and month names (``09-Dec-2011``); full-width digits and marks are read as plain ones (NFKC). A column
    holding both spreadsheet date cells and dates written as text stops with an error: a spreadsheet in another
    locale converts only the days up to 12, swapping day and month. The day/month order comes from the whole
    column: a first part above 12 proves day-first, a second part above 12 month-first; both in one column stop
    with an error (two conventions), and neither stops with an error asking for ``dayfirst`` or ``date_format``
    unless one is given. ``date_format`` forces one strptime format; ``dayfirst`` forces the order.
Time zones
    Times are kept as the shop's local wall-clock time as written: a UTC offset (``+01:00``, ``-0500``, ``GMT``,
    ``BST``) is dropped, not applied, so ``10:00+01:00`` stays 10:00, and a ``Z`` (UTC) time stays as given. A
    note says when offsets were found, and when several different offsets were mixed in one column (summer and
    winter time). Datetime columns read with a zone (Parquet, Excel) keep their wall-clock time in that zone.
Range
    Dates before 1990 or more than a year after today are kept, with a note.
"""

from __future__ import annotations

import re
from datetime import datetime

import numpy as np
import pandas as pd

from ..errors import KitError, examples

EXCEL_SERIAL = "excel-serial"
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
EXCEL_RANGE = (20000, 80000)  # 1954-10-03 .. 2119-01-10
EPOCH_RANGE = (631152000, 4102444800)  # Unix seconds of 1990-01-01 .. 2100-01-01 (x 1000 for milliseconds)
MIN_SHARE = 0.5  # below this share of parseable values the column is judged wrong, not dirty
ISO_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S")
EARLIEST_PLAUSIBLE = pd.Timestamp("1990-01-01")  # dates before, or after today + 1 year, get a note
DECIMAL_MARKS = (".", ",")
THOUSANDS_MARKS = (",", ".", " ", "'", "")
CURRENCY = ("£", "$", "€", "¥", "￥", "元", "RMB", "CNY", "USD", "EUR", "GBP")

_CURRENCY = r"(?:US\$|HK\$|[£$€¥￥元]|RMB|CNY|USD|EUR|GBP)"
MINUS = "\u2212\u2013\u2014-"  # minus sign, en dash, em dash, hyphen-minus (last: literal in [...]): all minus
_NUMBER = re.compile(
    rf"(?P<open>\()?\s*(?P<sign>[+{MINUS}])?\s*{_CURRENCY}?\s*(?P<sign2>[+{MINUS}])?\s*(?P<open2>\()?\s*"
    r"(?P<body>[.,]?\d(?:[\d.,\s'’]*\d)?)(?P<exp>[eE][-+]?\d+)?"
    rf"\s*(?P<close2>\))?\s*{_CURRENCY}?\s*(?P<trail>[{MINUS}])?\s*(?P<close>\))?", re.IGNORECASE)
_SPACES = re.compile(r"[\s'’]")  # spaces of every kind and apostrophes: thousands only
_GROUPS = re.compile(r"\d{1,3}(?:\D\d{3})*")
_INDIAN = re.compile(r"\d{1,2}(?:,\d{2})*,\d{3}")


ANONYMOUS_CUSTOMERS = frozenset({
    "guest", "anonymous", "anon", "unknown", "walk-in", "walkin", "walk in", "cash", "cash customer", "none",
    "null", "n/a", "-", "--", "匿名", "散客", "游客", "非会员", "访客", "未知",
    "total", "grand total", "subtotal", "sum", "summe", "gesamt", "合计", "总计", "小计"})
"""Customer ids that stand for no one (compared case-insensitively; also any run of zeros such as ``0``), and the
words of total lines written into the customer column: read as missing by :func:`parse_ids` with
``placeholders=True``."""
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"  # zero-width space, (non-)joiner, word joiner, byte order mark
_ZERO_WIDTH = re.compile(f"[{ZERO_WIDTH}]")
_EXCEL_WRAPPER = re.compile(r'^="(.*)"$|^\'(.*)$')  # ="12347" (formula guard) or '12347 (text prefix)
_SCIENTIFIC = re.compile(r"(?P<int>\d)(?:[.,](?P<frac>\d+))?[eE](?P<exp>[-+]\d+)")
_GROUPED_ID = re.compile(r"\d{1,3}(?:,\d{3})+")


def plain_characters(text: pd.Series) -> pd.Series:
    """Text in plain characters: values holding non-ASCII are NFKC-normalised (full-width ``１２．５`` -> ``12.5``,
    ``－`` -> ``-``, ``：`` -> ``:``) and lose zero-width characters (:data:`ZERO_WIDTH`); ASCII values are untouched.

    >>> plain_characters(pd.Series(["１２．５０", "\u200b12347", "12"])).tolist()
    ['12.50', '12347', '12']
    """
    odd = ~text.str.isascii().fillna(True).astype(bool)
    if not odd.any():
        return text
    text = text.copy()
    text[odd] = text[odd].str.normalize("NFKC").str.replace(_ZERO_WIDTH, "", regex=True)
    return text


def parse_ids(values: pd.Series, where: str = "", column: str | None = None, notes: list | None = None,
              placeholders: bool = False) -> pd.Series:
    """Identifiers as text; whole floats lose their ``.0`` (``17850.0`` -> ``'17850'``), blanks become missing.

    Text keeps its leading zeros (``'00123'``); a text column loses a ``.0`` suffix only when every decimal in it
    ends in ``.0`` (ids saved as floats), so ``'12.5'`` next to ``'12346.0'`` keeps both as written. Spreadsheet
    damage is undone on the distinct values, each with a note: the wrappers ``="12347"`` and ``'12347`` are
    stripped; non-ASCII ids are NFKC-normalised (full-width ``１２３４７`` -> ``12347``) and zero-width characters
    removed; scientific notation whose mantissa holds every digit (``1.2347E+04``, an exact integer) is written
    out; digits grouped by thousands commas (``12,347``) lose the commas when every other id is plain digits.
    Scientific notation that lost digits (``5.01E+12``) raises :class:`KitError`. With ``placeholders``
    (customer ids), :data:`ANONYMOUS_CUSTOMERS` and runs of zeros become missing.

    Parameters
    ----------
    values : Series
        The id column as read.
    where, column, notes
        For messages: the file prefix, the column name (default ``values.name``), and a list receiving notes.
    placeholders : bool
        Read anonymous placeholders (``Guest``, ``0``, ``散客`` ...) as missing: for customer ids only.

    >>> parse_ids(pd.Series([17850.0, None, "A7 "])).tolist()
    ['17850', nan, 'A7']
    >>> parse_ids(pd.Series(["17850.0", "12346.0", "", "00123"])).tolist()
    ['17850', '12346', nan, '00123']
    >>> parse_ids(pd.Series(['="12347"', "1.2352E+04", "12,359", "Guest", "１２３６０"]), placeholders=True).tolist()
    ['12347', '12352', '12359', nan, '12360']
    """
    column = values.name if column is None else column
    if pd.api.types.is_float_dtype(values):
        whole = values.dropna()
        if np.isfinite(whole).all() and (whole == np.floor(whole)).all():
            values = values.astype("Int64")
    elif values.dtype == object:  # Excel cells: numbers and text mixed; floats written out for the rule below
        values = values.map(lambda v: repr(float(v)) if isinstance(v, (float, np.floating)) and np.isfinite(v)
                            else v)
    codes, uniques = pd.factorize(values.astype("string").str.strip())
    text = pd.Series(uniques, dtype="string")
    text = _repaired_ids(text, f"{where}column {column!r}", notes, placeholders)
    text = text.mask(text == "")
    decimal = text.str.fullmatch(r"\d+\.\d+").fillna(False).astype(bool)
    if decimal.any() and text[decimal].str.fullmatch(r"\d+\.0+").all():  # ids saved as floats: '17850.0'
        text = text.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    if placeholders:
        anonymous = _anonymous(text)
        if anonymous.any() and notes is not None:
            counts = np.bincount(codes[codes >= 0], minlength=len(text))[anonymous.to_numpy()]
            notes.append(f"{where}column {column!r}: {int(counts.sum()):,} id(s) that stand for no customer "
                         f"({examples(text[anonymous].tolist(), 5)}) read as missing")
        text = text.mask(anonymous)
    found = np.append(text.to_numpy(object), np.nan)[codes]
    return pd.Series(found, index=values.index, dtype=object).where(pd.notna(found), np.nan)


def _anonymous(text: pd.Series) -> pd.Series:
    """Mask of ids in :data:`ANONYMOUS_CUSTOMERS` or made of zeros only."""
    return (text.str.casefold().isin(ANONYMOUS_CUSTOMERS) | text.str.fullmatch(r"0+")).fillna(False).astype(bool)


def _repaired_ids(text: pd.Series, label: str, notes: list | None, placeholders: bool = False) -> pd.Series:
    """Distinct ids with spreadsheet damage undone (see :func:`parse_ids`), a note for each kind of repair."""
    def note(what, before, changed):
        if changed.any() and notes is not None:
            notes.append(f"{label}: {int(changed.sum()):,} distinct id(s) {what}, e.g. {examples(before[changed])}")

    wrapped = text.str.match(_EXCEL_WRAPPER).fillna(False).astype(bool)
    if wrapped.any():
        before = text.copy()
        text[wrapped] = text[wrapped].str.replace(_EXCEL_WRAPPER, lambda m: m[1] if m[1] is not None else m[2],
                                                  regex=True).str.strip()
        note("lose the spreadsheet's text wrapper (=\"...\" or a leading ')", before, wrapped)
    before = text.copy()
    text = plain_characters(text).str.strip()
    note("rewritten in plain characters (full-width forms, zero-width spaces)", before,
         (text != before).fillna(False).astype(bool))
    scientific = text.str.fullmatch(_SCIENTIFIC).fillna(False).astype(bool)
    if scientific.any():
        parts = text[scientific].str.extract(_SCIENTIFIC)
        frac, exp = parts["frac"].fillna(""), parts["exp"].astype(int)
        exact = np.array([e >= 0 and len(f) >= e and not f[e:].strip("0") for f, e in zip(frac, exp)], dtype=bool)
        if not exact.all():
            lost = text[scientific][~exact]
            raise KitError(
                f"{label}: {len(lost):,} distinct id(s) are in scientific notation that does not show every digit, e.g. "
                f"{examples(lost)}; a spreadsheet rounded these ids, so different ones may now look the same",
                hint="re-export the file with this column formatted as text (in Excel: select the column, "
                     "Format Cells > Text) so every digit is kept")
        before = text.copy()
        text[scientific] = [i + f[:e] for i, f, e in zip(parts["int"], frac, exp)]
        note("written out from scientific notation", before, scientific)
    grouped = text.str.fullmatch(_GROUPED_ID).fillna(False).astype(bool)
    plain = text.str.fullmatch(r"\d+").fillna(False).astype(bool)
    if grouped.any() and (grouped | plain | text.isna() | (_anonymous(text) if placeholders else False)).all():
        before = text.copy()
        text[grouped] = text[grouped].str.replace(",", "", regex=False)
        note("lose thousands commas (the other ids are plain digits)", before, grouped)
    return text


def parse_text(values: pd.Series) -> pd.Series:
    """Free text stripped of surrounding blanks; blanks become missing."""
    text = values.astype("string").str.strip()
    text = text.mask(text == "")
    return text.astype(object).where(text.notna(), np.nan)


def parse_numbers(values: pd.Series, decimal: str | None = None, thousands: str | None = None,
                  delimiter: str | None = None, where: str = "", column: str | None = None,
                  notes: list | None = None, file_decimal: tuple[str, str] | None = None) -> pd.Series:
    """Numbers from text in the column's own style; values that are not numbers become NaN.

    The decimal and thousands marks are decided once for the column by :func:`number_style` from all its distinct
    values (or given); then each value is ``sign * float(digits with the decimal mark as '.')``, where the sign
    is negative for a leading or trailing minus or parentheses, and currency signs/codes are ignored.

    Parameters
    ----------
    values : Series
        Text or numbers; numeric columns are returned as floats unchanged.
    decimal, thousands : str, optional
        Force the marks (``decimal`` ``"."`` or ``","``; ``thousands`` ``","``, ``"."``, ``" "``, ``"'"`` or
        ``""`` for none).
    delimiter : str, optional
        The file's delimiter; ``";"`` makes an undecidable column decimal comma.
    file_decimal : (mark, column), optional
        The decimal mark another number column of the same file proves (:func:`proven_decimal`), and that column:
        an undecidable column takes it (one export writes its numbers one way), with a note.
    where, column, notes
        For messages: the file prefix, the column name, and a list that receives notes.

    >>> parse_numbers(pd.Series(["1,234.5", "¥12", "x", "(3.10)"])).tolist()
    [1234.5, 12.0, nan, -3.1]
    >>> parse_numbers(pd.Series(["2,55", "1.234,50 €", "12,00-"])).tolist()
    [2.55, 1234.5, -12.0]
    """
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype(float)
    column = values.name if column is None else column
    codes, uniques = pd.factorize(values.astype("string").str.strip())
    split = [_split_number(u) for u in plain_characters(pd.Series(uniques, dtype=object))]
    style = number_style([s[1] + s[2] for s in split if s], decimal, thousands, delimiter, where, column, notes,
                         file_decimal)
    parsed = np.array([_number_value(s, *style) if s else np.nan for s in split] + [np.nan])
    return pd.Series(parsed[codes], index=values.index, dtype=float)


def number_style(bodies, decimal: str | None = None, thousands: str | None = None, delimiter: str | None = None,
                 where: str = "", column=None, notes: list | None = None,
                 file_decimal: tuple[str, str] | None = None) -> tuple[str, str]:
    """The column's ``(decimal mark, thousands marks)`` from its numbers' digit parts, or from the options.

    A body proves its decimal mark (:func:`decimal_evidence`); proofs of both marks in one column, or none while
    some body is ambiguous (``1,234``), raise :class:`KitError` -- except that the second case is settled by the
    mark another column of the file proves (``file_decimal``), else by a ``;`` delimiter as decimal comma. Thousands marks are the other mark, spaces and apostrophes unless given.

    >>> number_style(["1.234,5", "2"])
    (',', ". '")
    >>> number_style(["1,234"], delimiter=";")
    (',', ". '")
    """
    if decimal is not None and decimal not in DECIMAL_MARKS:
        raise KitError(f"{where}column {column!r}: decimal must be '.' or ',', not {decimal!r}",
                       hint="give decimal: ',' for 2,55 or decimal: '.' for 2.55")
    if thousands is not None and thousands not in THOUSANDS_MARKS:
        raise KitError(f"{where}column {column!r}: thousands must be one of {THOUSANDS_MARKS}, not {thousands!r}",
                       hint="give thousands: '' when numbers have no thousands separators")
    if decimal is None and thousands in DECIMAL_MARKS:
        decimal = "," if thousands == "." else "."
    if decimal is None:
        proofs: dict[str | None, list] = {".": [], ",": [], "?": [], None: []}
        for body in bodies:
            proof = decimal_evidence(body)
            if proof == "?" and thousands is not None:  # not the thousands mark given, so the decimal mark
                proof = "." if "." in body else ","
            proofs[proof].append(body)
        if proofs["."] and proofs[","]:
            raise KitError(
                f"{where}column {column!r} mixes two decimal styles: decimal point in {examples(proofs['.'])} "
                f"and decimal comma in {examples(proofs[','])}",
                hint="give the decimal mark with the 'decimal' option (decimal: '.' or decimal: ','); values "
                     "written the other way are then set aside as invalid numbers")
        if proofs["."] or proofs[","]:
            decimal = "." if proofs["."] else ","
        elif proofs["?"] and file_decimal:
            decimal, proving = file_decimal
            if notes is not None:
                notes.append(f"{where}column {column!r}: numbers such as {examples(proofs['?'])} read with the "
                             f"decimal {'comma' if decimal == ',' else 'point'} that column {proving!r} of the same "
                             "file proves (set 'decimal' to change)")
        elif proofs["?"] and delimiter == ";":
            decimal = ","
            if notes is not None:
                notes.append(f"{where}column {column!r}: numbers such as {examples(proofs['?'])} read with a "
                             "decimal comma because the file is separated by ';' (set 'decimal' to change)")
        elif proofs["?"]:
            raise KitError(
                f"{where}column {column!r}: cannot tell the decimal mark; values such as {examples(proofs['?'])} "
                "read as thousands or as decimals",
                hint="give the 'decimal' option: decimal: '.' reads 1,234 as 1234 and 1.234 as 1.234; "
                     "decimal: ',' reads 1,234 as 1.234 and 1.234 as 1234")
        else:
            decimal = "."
    if thousands is None:
        thousands = ("," if decimal == "." else ".") + " '"
    elif thousands == decimal:
        raise KitError(f"{where}column {column!r}: the decimal and thousands marks are both {decimal!r}",
                       hint="give different marks, e.g. decimal: ',' with thousands: '.'")
    return decimal, thousands


def proven_decimal(values: pd.Series) -> str | None:
    """The decimal mark a text column's values prove (``'.'`` or ``','``), or None when they prove none or both.

    >>> proven_decimal(pd.Series(["2,55", "1,250"])), proven_decimal(pd.Series(["1,250", "7"]))
    (',', None)
    """
    if pd.api.types.is_numeric_dtype(values):
        return None
    uniques = plain_characters(pd.Series(values.dropna().astype(str).str.strip().unique(), dtype=object))
    proofs = {decimal_evidence(split[1] + split[2]) for split in map(_split_number, uniques) if split} & {".", ","}
    return proofs.pop() if len(proofs) == 1 else None


def decimal_evidence(body: str) -> str | None:
    """Which decimal mark a number's digit part proves: ``'.'``, ``','``, ``'?'`` (``1,234``: either) or None.

    None also for a digit part that is no number in either style (``12.5.6``). A part with an exponent
    (``1.690E+00``) proves its mantissa's lone mark: nobody groups thousands in scientific notation.

    >>> [decimal_evidence(b) for b in ["2,55", "1.234,5", "1,234,567", "1,234", "0,125", "1 234,567", "12"]]
    [',', ',', '.', '?', ',', ',', None]
    >>> [decimal_evidence(b) for b in ["1.690E+00", "1,690e-3", "1690E+00"]]
    ['.', ',', None]
    """
    exponent = re.search(r"[eE][-+]?\d+$", body)
    exponent, body = (exponent[0], body[:exponent.start()]) if exponent else ("", body)
    points, commas = body.count("."), body.count(",")
    if points and commas:
        proof = "," if body.rfind(",") > body.rfind(".") else "."
    elif not points and not commas:
        return None
    elif points + commas > 1:
        proof = "," if points else "."
    else:
        proof = "." if points else ","
        whole, fraction = body.split(proof)
        digits = re.sub(r"\D", "", whole)
        if (not exponent and len(fraction) == 3 and not _SPACES.search(whole) and len(whole) <= 3
                and digits not in ("", "0")):
            return "?"
    valid = not np.isnan(_number_value((False, body, exponent), proof, ("," if proof == "." else ".") + " '"))
    return proof if valid else None  # a value that is not a number proves nothing


def _split_number(text: str):
    """``(negative, digit part, exponent)`` of a written number, or None when it is not one."""
    if not isinstance(text, str):
        return None
    match = _NUMBER.fullmatch(text)
    if not match:
        return None
    opened = bool(match["open"]) + bool(match["open2"])
    closed = bool(match["close"]) + bool(match["close2"])
    signs = [match["sign"], match["sign2"], match["trail"]]
    if opened != closed or opened > 1 or sum(s is not None for s in signs) + opened > 1:
        return None
    negative = opened == 1 or any(s is not None and s in MINUS for s in signs)
    return negative, match["body"], match["exp"] or ""


def _number_value(split, decimal: str, thousands: str) -> float:
    negative, body, exponent = split
    if body.count(decimal) > 1:
        return np.nan
    whole, _, fraction = body.partition(decimal)
    if not fraction.isdigit() and fraction != "" or (decimal in body and fraction == ""):
        return np.nan
    if whole and not whole.isdigit():
        marks = {_mark_kind(c) for c in whole if not c.isdigit()}
        allowed = {_mark_kind(c) for c in thousands}
        if len(marks) != 1 or not marks <= allowed:
            return np.nan
        normal = re.sub(r"[\s'’]", " " if " " in marks else "'", whole) if marks & {" ", "'"} else whole
        if not (_GROUPS.fullmatch(normal) or marks == {","} and _INDIAN.fullmatch(normal)):
            return np.nan
        whole = re.sub(r"\D", "", whole)
    value = float(f"{whole or 0}.{fraction or 0}{exponent}")
    return -value if negative else value


def _mark_kind(char: str) -> str:
    return "'" if char in "'’" else " " if char.isspace() else char


def bad_values(raw: pd.Series, parsed: pd.Series) -> pd.Series:
    """Boolean mask: given in ``raw`` but missing after parsing."""
    filled = raw.notna()
    if raw.dtype == object or pd.api.types.is_string_dtype(raw):
        filled &= raw.astype("string").str.strip().fillna("") != ""
    return filled & parsed.isna()


_WEEKDAY = re.compile(r"\s*[（(]?(?:星期|周|礼拜)[一二三四五六日天][）)]?\s*$|"
                      r"^\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_CHINESE_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?\s*")
_CHINESE_TIME = re.compile(r"(\d{1,2})\s*[时點点]\s*(\d{1,2})\s*分(?:\s*(\d{1,2})\s*秒)?")
_CHINESE_HALF_DAY = re.compile(r"(上午|下午|晚上)\s*(\d{1,2}:\d{2}(?::\d{2})?)")
_ZONE = re.compile(r"(?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp]\.?[Mm]\.?)?)\s*"
                   r"(?P<zone>Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|BST|CEST|CET|EST|EDT|"
                   r"PST|PDT)$")
_NUMERIC_DATE = re.compile(
    r"(?P<a>\d{1,4})(?P<sep>[/\-.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{1,4})"
    r"(?:(?:\s+|T|\s*,\s*)(?P<H>\d{1,2})(?P<tsep>[:.])(?P<M>\d{2})(?:(?P=tsep)(?P<S>\d{2})(?P<f>\.\d+)?)?"
    r"(?:\s*(?P<ampm>[AaPp])\.?[Mm]\.?)?)?")
_COMPACT_DATE = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})(?=[\sT])")  # 20101201 08:34 -> 2010-12-01 08:34
_TEXT_DATE = re.compile(r"\s*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}")


def parse_dates(values: pd.Series, date_format: str | None = None, dayfirst: bool | None = None,
                where: str = "", column: str = "order_date", notes: list | None = None) -> tuple[pd.Series, str]:
    """Parse a date column; return ``(datetimes, style used)``, unparseable values as ``NaT``.

    The style is decided from all distinct values (see the module docstring): ``date_format`` forces a strptime
    format, ``dayfirst`` (True/False) forces the order of day and month; otherwise the values must prove it.
    Notes (time-zone offsets dropped, dates out of the plausible range) are appended to ``notes``.

    Raises :class:`KitError` with examples when the order of day and month is undecided or mixed, or when fewer
    than half of the values parse, which means the column or the style is wrong rather than a few rows dirty.

    >>> parse_dates(pd.Series(["2011/12/9 12:50", "2011/1/10 8:26"]))[0].dt.strftime("%Y-%m-%d %H:%M").tolist()
    ['2011-12-09 12:50', '2011-01-10 08:26']
    >>> parse_dates(pd.Series(["13-01-2011", "02-01-2011 7:05 PM"]))
    (0   2011-01-13 00:00:00
    1   2011-01-02 19:05:00
    dtype: datetime64[ns], 'day-month-year')
    """
    notes = [] if notes is None else notes
    if values.dtype == object and not date_format and pd.api.types.infer_dtype(values, skipna=True) == "mixed":
        _refuse_date_cells_beside_text_dates(values, where, column)
    if pd.api.types.is_datetime64_any_dtype(values):
        parsed = values.dt.tz_localize(None) if getattr(values.dt, "tz", None) is not None else values
        parsed, style = parsed.astype("datetime64[ns]"), "datetime"
    elif values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) in ("datetime", "datetime64",
                                                                                       "date"):
        parsed = pd.Series([_wall_clock(v) for v in values], index=values.index)
        parsed, style = pd.to_datetime(parsed, errors="coerce").astype("datetime64[ns]"), "datetime"
    elif values.dropna().empty:
        return pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]"), "none"
    else:
        codes, uniques = pd.factorize(values.astype("string").str.strip())
        uniques = plain_characters(pd.Series(uniques, dtype=object)).str.strip()
        if date_format:
            style, found = date_format, _with_format(uniques, date_format)
        else:
            style, found = _parse_unique_dates(uniques, dayfirst, where, column, notes)
        parsed = pd.Series(np.append(found.to_numpy("datetime64[ns]"), np.datetime64("NaT"))[codes],
                           index=values.index, dtype="datetime64[ns]")
        filled = int(np.bincount(codes[codes >= 0], minlength=len(uniques))[uniques.str.len() > 0].sum())
        if parsed.notna().sum() < MIN_SHARE * filled:
            bad = values[bad_values(values, parsed)]
            raise KitError(
                f"{where}column {column!r}: {len(bad):,} of {filled:,} dates do not parse"
                f"{' with format ' + repr(date_format) if date_format else ''}; examples: {examples(bad.tolist())}",
                hint="check that the right column is mapped to order_date, or give the format with the "
                     "'date_format' option, e.g. date_format: '%d.%m.%Y'")
    notes.extend(date_range_notes(parsed, where, column))
    return parsed, style


def date_range_notes(dates: pd.Series, where: str = "", column: str = "order_date") -> list[str]:
    """Notes on dates before 1990 or more than a year after today (kept, but probably wrong).

    >>> date_range_notes(pd.Series(pd.to_datetime(["1900-01-01", "2011-12-09"])), column="d")
    ["column 'd': 1 date(s) before 1990-01-01 (earliest 1900-01-01), kept as read"]
    """
    notes = []
    latest = pd.Timestamp.today().normalize() + pd.DateOffset(years=1)
    early, late = dates[dates < EARLIEST_PLAUSIBLE], dates[dates > latest]
    if len(early):
        notes.append(f"{where}column {column!r}: {len(early):,} date(s) before {EARLIEST_PLAUSIBLE:%Y-%m-%d} "
                     f"(earliest {early.min():%Y-%m-%d}), kept as read")
    if len(late):
        notes.append(f"{where}column {column!r}: {len(late):,} date(s) after {latest:%Y-%m-%d} "
                     f"(latest {late.max():%Y-%m-%d}), kept as read")
    return notes


def _refuse_date_cells_beside_text_dates(values: pd.Series, where: str, column: str) -> None:
    """Raise KitError when one column holds both date cells and dates written as text (a spreadsheet opened in
    another locale converts only the dates it can read -- days up to 12, with day and month swapped -- and leaves
    the others as text, so the two kinds cannot be trusted together)."""
    cells = values.map(lambda v: isinstance(v, (datetime, np.datetime64))).astype(bool)
    text = values.map(lambda v: isinstance(v, str) and bool(_TEXT_DATE.match(v))).astype(bool)
    if cells.any() and text.any():
        raise KitError(
            f"{where}column {column!r} holds {int(cells.sum()):,} date cells (e.g. "
            f"{examples(values[cells].map(str).tolist())}) and {int(text.sum()):,} dates written as text (e.g. "
            f"{examples(values[text].tolist())}): a spreadsheet converts only the dates it can read in its own "
            "locale (days up to 12, day and month then swapped) and leaves the rest as text",
            hint="re-export the column formatted as text, or give the text dates' format with the 'date_format' "
                 "option (e.g. date_format: '%d/%m/%Y %H:%M'); the date cells are then set aside as unparseable")


def _wall_clock(value):
    """A datetime without its zone, keeping the local time written."""
    if isinstance(value, pd.Timestamp) or hasattr(value, "tzinfo") and getattr(value, "tzinfo", None):
        return value.replace(tzinfo=None)
    return value


def _with_format(uniques: pd.Series, date_format: str) -> pd.Series:
    """Distinct values parsed with one strptime format; offsets (``%z``) are dropped, keeping local times."""
    try:
        found = pd.to_datetime(uniques, format=date_format, errors="coerce")
    except (ValueError, TypeError):  # several offsets in one column
        found = pd.Series([_strptime(u, date_format) for u in uniques])
    if getattr(found.dt, "tz", None) is not None:
        found = found.dt.tz_localize(None)
    return found.astype("datetime64[ns]")


def _strptime(text: str, date_format: str):
    try:
        return datetime.strptime(text, date_format).replace(tzinfo=None)
    except (ValueError, TypeError):
        return pd.NaT


def _parse_unique_dates(uniques: pd.Series, dayfirst: bool | None, where: str, column: str,
                        notes: list) -> tuple[str, pd.Series]:
    """``(style, datetimes)`` for distinct date texts: numbers (compact or Excel serial), else written dates."""
    numbers = pd.to_numeric(uniques, errors="coerce")
    if numbers.notna().mean() > MIN_SHARE:
        for compact, digits in (("%Y%m%d", 6), ("%Y%m%d%H%M%S", 12)):  # 20110912, 20110912083400
            if uniques.str.fullmatch(rf"(19|20)\d{{{digits}}}").mean() > MIN_SHARE:
                return compact, pd.to_datetime(uniques, format=compact, errors="coerce")
        whole = numbers.where(numbers == np.floor(numbers))
        for unit, scale, name in (("s", 1, "seconds"), ("ms", 1000, "milliseconds")):
            low, high = EPOCH_RANGE[0] * scale, EPOCH_RANGE[1] * scale
            if whole.between(low, high).mean() > MIN_SHARE:
                notes.append(f"{where}column {column!r}: whole numbers such as {examples(uniques.tolist())} read "
                             f"as Unix timestamps in {name} since 1970-01-01 UTC, kept as UTC wall-clock times "
                             "(give date_format to read them otherwise)")
                return f"unix-{name}", pd.to_datetime(whole.where(whole.between(low, high)), unit=unit)
        if numbers.between(*EXCEL_RANGE).mean() > MIN_SHARE:
            days = numbers.where(numbers.between(1, 2958465))
            return EXCEL_SERIAL, (EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).dt.round("s")
    iso = pd.Series(pd.NaT, index=uniques.index, dtype="datetime64[ns]")
    for iso_format in ISO_FORMATS:  # plain ISO first, at C speed: year first is never ambiguous
        rest = iso.isna()
        iso[rest] = pd.to_datetime(uniques[rest], format=iso_format, errors="coerce")
    if iso.notna().all():
        return "year-month-day", iso
    text = normalise_date_text(uniques[iso.isna()], where, column, notes)
    parts = text.str.extract("^" + _NUMERIC_DATE.pattern + "$")
    matched = parts["a"].notna()
    a, b, c = (pd.to_numeric(parts[k], errors="coerce") for k in "abc")
    width_a, width_c = parts["a"].str.len(), parts["c"].str.len()
    year_first = matched & (width_a == 4) & (width_c <= 2)
    ordered = matched & (width_a <= 2) & width_c.isin([2, 4])
    order = day_month_order(text[ordered], a[ordered], b[ordered], dayfirst, where, column)
    day_first = order == "day-month-year"
    year = c.where(ordered, a.where(year_first))
    year = year.where(~(ordered & (width_c == 2)), year + np.where(year >= 69, 1900, 2000))
    month = b.where(year_first | (ordered & day_first), a.where(ordered))
    day = c.where(year_first, (b if not day_first else a).where(ordered))
    hour = pd.to_numeric(parts["H"], errors="coerce").fillna(0)
    ampm = parts["ampm"].str.upper()
    hour = hour.where(ampm.isna(), hour.where(hour.between(1, 12)) % 12 + np.where(ampm == "P", 12, 0))
    seconds = pd.to_numeric(parts["S"], errors="coerce").fillna(0) + pd.to_numeric(parts["f"], errors="coerce") \
        .fillna(0)
    fields = pd.DataFrame({"year": year, "month": month, "day": day})
    found = pd.to_datetime(fields.where(year_first | ordered), errors="coerce")
    found = found + pd.to_timedelta(hour * 3600 + pd.to_numeric(parts["M"], errors="coerce").fillna(0) * 60
                                    + seconds, unit="s")
    found = found.where(hour.between(0, 23) & pd.to_numeric(parts["M"], errors="coerce").fillna(0).lt(60)
                        & seconds.lt(60))
    styles = (["year-month-day"] if year_first.any() else []) + ([order] if ordered.any() else [])
    named = ~(year_first | ordered) & text.str.contains(r"[A-Za-z]{3}", regex=True, na=False)
    if named.any():  # month names: no day/month ambiguity
        by_name = pd.to_datetime(text[named], format="mixed", dayfirst=bool(dayfirst), errors="coerce")
        found[named] = by_name.dt.tz_localize(None) if getattr(by_name.dt, "tz", None) else by_name
        styles.append("month names")
    if iso.notna().any() and "year-month-day" not in styles:
        styles.insert(0, "year-month-day")
    return " + ".join(styles) or "unknown", iso.fillna(found).astype("datetime64[ns]")


def normalise_date_text(uniques: pd.Series, where: str = "", column: str = "order_date",
                        notes: list | None = None) -> pd.Series:
    """Date texts in plain digits: weekdays dropped, Chinese dates and half-days rewritten, offsets dropped.

    Offsets are dropped, keeping the local time written; a note says which ones were seen.

    >>> normalise_date_text(pd.Series(["2011年1月9日 下午 2:05 星期日", "2011-12-09T12:50:00+01:00"])).tolist()
    ['2011-1-9 2:05 PM', '2011-12-09T12:50:00']
    """
    text = uniques.astype(str).str.strip().str.replace(_WEEKDAY, "", regex=True).str.replace(_COMPACT_DATE,
                                                                                          r"\1-\2-\3", regex=True)
    text = text.str.replace(_CHINESE_DATE, lambda m: f"{m[1]}-{m[2]}-{m[3]} ", regex=True)
    text = text.str.replace(_CHINESE_TIME, lambda m: f"{m[1]}:{int(m[2]):02d}"
                            + (f":{int(m[3]):02d}" if m[3] else ""), regex=True)
    text = text.str.replace(_CHINESE_HALF_DAY, lambda m: f"{m[2]} {'AM' if m[1] == '上午' else 'PM'}", regex=True)
    zones = text.str.extract(_ZONE.pattern, expand=True)["zone"].dropna()
    if len(zones):
        text = text.str.replace(_ZONE, lambda m: m["time"], regex=True)
        kinds = sorted(zones.str.upper().unique())
        if notes is not None:
            if set(kinds) <= {"Z", "UTC"}:
                notes.append(f"{where}column {column!r}: times are marked UTC (Z) and kept as given")
            elif len(kinds) > 1:
                notes.append(f"{where}column {column!r}: times carry different UTC offsets ({', '.join(kinds)}): "
                             "the local time written is kept and the offsets are dropped")
            else:
                notes.append(f"{where}column {column!r}: times carry the UTC offset {kinds[0]}: the local time "
                             "written is kept and the offset dropped")
    return text.str.replace(r"\s+", " ", regex=True).str.strip()


def day_month_order(text: pd.Series, first: pd.Series, second: pd.Series, dayfirst: bool | None = None,
                    where: str = "", column: str = "order_date") -> str:
    """``'day-month-year'`` or ``'month-day-year'`` for the dates whose first two parts are ``first, second``.

    A first part above 12 proves day-first, a second part above 12 month-first; ``dayfirst`` forces the order.
    Both proofs in one column, or neither while some date has two different parts up to 12, raise KitError.

    >>> day_month_order(pd.Series(["13/1/11"]), pd.Series([13]), pd.Series([1]))
    'day-month-year'
    """
    if dayfirst is not None:
        return "day-month-year" if dayfirst else "month-day-year"
    day_first, month_first = text[(first > 12) & (second <= 12)], text[(second > 12) & (first <= 12)]
    if len(day_first) and len(month_first):
        raise KitError(
            f"{where}column {column!r} mixes two date conventions: day first in {examples(day_first.tolist())} "
            f"and month first in {examples(month_first.tolist())}",
            hint="fix the export, or give dayfirst: true (or false) or a date_format; dates written the other "
                 "way are then set aside as unparseable")
    if len(day_first) or len(month_first):
        return "day-month-year" if len(day_first) else "month-day-year"
    ambiguous = text[(first != second) & (first <= 12) & (second <= 12)]
    if len(ambiguous):
        raise KitError(
            f"{where}column {column!r}: cannot tell day from month; every date has both parts up to 12, "
            f"e.g. {examples(ambiguous.tolist())}",
            hint="give dayfirst: true (day/month/year) or dayfirst: false (month/day/year), or a date_format "
                 "such as '%d/%m/%Y'")
    return "month-day-year"


def file_decimal_mark(columns: dict) -> tuple[str, str] | None:
    """``(mark, column)`` when exactly one decimal mark is proven by the file's number columns (``{name: values}``,
    :func:`proven_decimal`); the other number columns then read with it. ``None`` otherwise.

    >>> file_decimal_mark({"Price": pd.Series(["2,55"]), "Qty": pd.Series(["3"])})
    (',', 'Price')
    """
    proven = {mark: name for name, values in columns.items() for mark in [proven_decimal(values)] if mark}
    return next(iter(proven.items())) if len(proven) == 1 else None


def refuse_non_numbers(n_bad: int, n_filled: int, bad_examples: list, where: str, source: str, column: str) -> None:
    """Raise :class:`KitError` when more than :data:`MIN_SHARE` of a number column's filled values are not numbers:
    the wrong column is mapped, or the number style needs to be given.

    >>> refuse_non_numbers(0, 10, [], "a.csv: ", "Qty", "quantity")
    """
    if n_filled and n_bad > MIN_SHARE * n_filled:
        raise KitError(f"{where}column {source!r} (mapped to {column}): {n_bad:,} of {n_filled:,} values are not "
                       f"numbers; examples: {examples(bad_examples)}",
                       hint=f"check that the right column is mapped to {column}, or give the number style "
                            "with the 'decimal' and 'thousands' options (e.g. decimal: ',')")
