"""Turning text columns into ids, numbers and dates, leaving unparseable values as missing so they are counted.

Dates are recognised in the common styles: ISO (``2011-12-09 12:50:00``), slashes (``2011/12/9 12:50``,
``09/12/2011``), compact (``20110912``), Chinese (``2011年12月9日``) and Excel serial day numbers
(``40886.53`` = 2011-12-09 12:43). The style that parses the most values of a sample is used for the whole
column and reported; ``date_format`` forces one.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .errors import KitError, examples

DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S",
    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d",
    "%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y",
    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y",
    "%d.%m.%Y %H:%M", "%d.%m.%Y", "%Y.%m.%d",
    "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日",
    "%Y%m%d",
)
EXCEL_SERIAL = "excel-serial"
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
EXCEL_RANGE = (20000, 80000)  # 1954-10-03 .. 2119-01-10
MIN_SHARE = 0.5  # below this share of parseable values the column is judged wrong, not dirty
_NUMBER_JUNK = re.compile(r"[\s,£$€¥￥元]")


def parse_ids(values: pd.Series) -> pd.Series:
    """Identifiers as text; whole floats lose their ``.0`` (``17850.0`` -> ``'17850'``), blanks become missing.

    >>> parse_ids(pd.Series([17850.0, None, "A7 "])).tolist()
    ['17850', nan, 'A7']
    >>> parse_ids(pd.Series(["17850.0", "12346.0", ""])).tolist()
    ['17850', '12346', nan]
    """
    if pd.api.types.is_float_dtype(values):
        whole = values.dropna()
        if (whole == np.floor(whole)).all():
            values = values.astype("Int64")
    elif values.dtype == object:
        values = values.map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else v)
    text = values.astype("string").str.strip()
    text = text.mask(text == "")
    decimal = text.str.fullmatch(r"\d+\.\d+").fillna(False).astype(bool)
    if decimal.any() and text[decimal].str.fullmatch(r"\d+\.0+").all():  # ids saved as floats: '17850.0'
        text = text.str.replace(r"^(\d+)\.0+$", r"\1", regex=True)
    return text.astype(object).where(text.notna(), np.nan)


def parse_text(values: pd.Series) -> pd.Series:
    """Free text stripped of surrounding blanks; blanks become missing."""
    text = values.astype("string").str.strip()
    text = text.mask(text == "")
    return text.astype(object).where(text.notna(), np.nan)


def parse_numbers(values: pd.Series) -> pd.Series:
    """Numbers from text, ignoring thousands separators and currency signs; bad values become NaN.

    >>> parse_numbers(pd.Series(["1,234.5", "¥12", "x"])).tolist()
    [1234.5, 12.0, nan]
    """
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype(float)
    text = values.astype("string").str.replace(_NUMBER_JUNK, "", regex=True)
    return pd.to_numeric(text, errors="coerce").astype(float)


def bad_values(raw: pd.Series, parsed: pd.Series) -> pd.Series:
    """Boolean mask: present in ``raw`` but missing after parsing."""
    present = raw.notna()
    if raw.dtype == object or pd.api.types.is_string_dtype(raw):
        present &= raw.astype("string").str.strip().fillna("") != ""
    return present & parsed.isna()


def parse_dates(values: pd.Series, date_format: str | None = None, dayfirst: bool = False,
                where: str = "", column: str = "order_date") -> tuple[pd.Series, str]:
    """Parse a date column; return ``(datetimes, style used)``, unparseable values as ``NaT``.

    Raises :class:`KitError` with examples when fewer than half of the values parse, which means the column
    or the style is wrong rather than a few rows being dirty.

    >>> parse_dates(pd.Series(["2011/12/9 12:50", "2011/1/10 8:26"]))[0].dt.strftime("%Y-%m-%d %H:%M").tolist()
    ['2011-12-09 12:50', '2011-01-10 08:26']
    """
    if pd.api.types.is_datetime64_any_dtype(values):
        parsed = values.dt.tz_localize(None) if getattr(values.dt, "tz", None) is not None else values
        return parsed.astype("datetime64[ns]"), "datetime"
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) in ("datetime", "datetime64", "date"):
        return pd.to_datetime(values, errors="coerce").astype("datetime64[ns]"), "datetime"
    present = values.dropna()
    if present.empty:
        return pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]"), "none"
    if date_format:
        style = date_format
    else:
        style = _guess_style(values, dayfirst)
    parsed = _apply_style(values, style)
    share = parsed.notna().sum() / max(len(present), 1)
    if share < MIN_SHARE:
        bad = values[bad_values(values, parsed)]
        raise KitError(
            f"{where}column {column!r}: {len(bad):,} of {len(present):,} dates do not parse"
            f"{' with format ' + repr(date_format) if date_format else ''}; examples: {examples(bad.tolist())}",
            hint="check that the right column is mapped to order_date, or give the format with the "
                 "'date_format' option, e.g. date_format: '%d.%m.%Y'")
    return parsed, style


def _guess_style(values: pd.Series, dayfirst: bool) -> str:
    sample = pd.Series(values.dropna().astype(str).str.strip().unique()[:2000])
    numbers = pd.to_numeric(sample, errors="coerce")
    if numbers.notna().mean() > MIN_SHARE:
        compact = sample.str.fullmatch(r"(19|20)\d{6}")
        if compact.mean() > MIN_SHARE:
            return "%Y%m%d"
        if numbers.between(*EXCEL_RANGE).mean() > MIN_SHARE:
            return EXCEL_SERIAL
    formats = list(DATE_FORMATS)
    if dayfirst:  # on a tie, the first format listed wins
        formats.sort(key=lambda f: not f.startswith("%d"))
    scores = {fmt: pd.to_datetime(sample, format=fmt, errors="coerce").notna().sum() for fmt in formats}
    best = max(scores, key=scores.get)  # first of the best, in list order
    if scores[best] == len(sample):
        return best
    mixed = pd.to_datetime(sample, format="mixed", dayfirst=dayfirst, errors="coerce").notna().sum()
    return "mixed" if mixed > scores[best] else best


def _apply_style(values: pd.Series, style: str) -> pd.Series:
    if style == EXCEL_SERIAL:
        days = parse_numbers(values)
        days = days.where(days.between(1, 2958465))
        return (EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).dt.round("s").astype("datetime64[ns]")
    text = values.astype("string").str.strip()
    uniques = text.dropna().unique()
    if style == "mixed":
        parsed = pd.to_datetime(pd.Series(uniques), format="mixed", errors="coerce")
    else:
        parsed = pd.to_datetime(pd.Series(uniques), format=style, errors="coerce")
    lookup = pd.Series(parsed.to_numpy(), index=uniques)
    return text.map(lookup).astype("datetime64[ns]")
