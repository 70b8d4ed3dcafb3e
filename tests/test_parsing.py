"""Parsing ids, numbers and dates: every style the loader promises, and a clear error where it cannot decide."""

from datetime import datetime

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kit
from kit.errors import KitError
from kit.data.parsing import parse_dates, parse_ids, parse_numbers


def numbers(values, **options):
    return parse_numbers(pd.Series(values, dtype=object), **options).tolist()


def dates(values, **options):
    return parse_dates(pd.Series(values, dtype=object), **options)[0].tolist()


# ---------------------------------------------------------------- numbers

@pytest.mark.parametrize("values, expected", [
    (["2,55", "0,5"], [2.55, 0.5]),
    (["1.234,50", "2,55"], [1234.5, 2.55]),
    (["1 234,50", "12,00"], [1234.5, 12.0]),
    (["1,234.50", "2.55"], [1234.5, 2.55]),
    (["1,234,567", "12"], [1234567.0, 12.0]),
    (["1.234.567", "12"], [1234567.0, 12.0]),
    (["1234,567"], [1234.567]),  # four digits before a lone comma: it cannot group thousands
    (["0,125"], [0.125]),
    (["1,23,456.75"], [123456.75]),  # Indian grouping
])
def test_decimal_mark_is_decided_per_column(values, expected):
    assert numbers(values) == pytest.approx(expected)


@pytest.mark.parametrize("text, expected", [
    ("(12.50)", -12.5), ("12.50-", -12.5), ("-12.50", -12.5), ("−12.50", -12.5), ("+12.50", 12.5),
    ("(£12.50)", -12.5), ("£(12.50)", -12.5), ("-£12.50", -12.5), ("£-12.50", -12.5), ("12.50 €-", -12.5),
    ("£12.50", 12.5), ("$12.50", 12.5), ("€ 12.50", 12.5), ("12.50€", 12.5), ("12.50 €", 12.5),
    ("¥12.50", 12.5), ("￥12.50", 12.5), ("12.50元", 12.5), ("RMB 12.50", 12.5), ("CNY12.50", 12.5), ("USD 12.50", 12.5),
    ("12.50 EUR", 12.5), ("GBP12.50", 12.5), ("12.50 usd", 12.5),
    ("1 234.50", 1234.5), ("1\u00a0234.50", 1234.5), ("1\u202f234.50", 1234.5), ("1\u2009234.50", 1234.5),
    ("1'234.50", 1234.5), ("1’234.50", 1234.5), ("1.5e3", 1500.0), (".5", 0.5),
])
def test_signs_currencies_and_spaces(text, expected):
    assert numbers([text, "2.55"])[0] == pytest.approx(expected)


@pytest.mark.parametrize("text", ["x", "12.5.6", "1,23.45", "--5", "(5", "-(5)", "(5)-", "1 2", "12 34 56", "£"])
def test_not_numbers_become_missing(text):
    assert np.isnan(numbers([text, "2.55"])[0])


def test_ambiguous_column_asks_for_decimal():
    with pytest.raises(KitError, match="decimal") as err:
        parse_numbers(pd.Series(["1,234", "2,500"]), where="sales.csv: ", column="Price")
    assert "sales.csv" in str(err.value) and "'Price'" in str(err.value) and "'1,234'" in str(err.value)
    with pytest.raises(KitError, match="decimal"):
        parse_numbers(pd.Series(["1.234", "12"]))


def test_two_decimal_styles_in_one_column_are_refused():
    with pytest.raises(KitError, match="two decimal styles") as err:
        parse_numbers(pd.Series(["1,234.50", "2,55"]), column="Price")
    assert "'2,55'" in str(err.value) and err.value.hint and "decimal" in err.value.hint


def test_semicolon_file_means_decimal_comma_with_a_note():
    notes = []
    assert numbers(["1,234", "2,500"], delimiter=";", notes=notes) == [1.234, 2.5]
    assert len(notes) == 1 and "';'" in notes[0]
    assert numbers(["1.234", "2"], delimiter=";") == [1234.0, 2.0]
    assert numbers(["2.55", "1,234"], delimiter=";") == [2.55, 1234.0]  # proof beats the hint


def test_decimal_and_thousands_options_force_the_style():
    assert numbers(["1,234", "2,500"], decimal=".") == [1234.0, 2500.0]
    assert numbers(["1,234", "2,500"], decimal=",") == [1.234, 2.5]
    assert numbers(["1.234", "2"], thousands=".") == [1234.0, 2.0]
    assert numbers(["1.234", "2"], thousands="") == [1.234, 2.0]
    forced = numbers(["1,234.50", "2,55"], decimal=".")  # the value written the other way is set aside
    assert forced[0] == 1234.5 and np.isnan(forced[1])
    assert np.isnan(numbers(["1 234,50"], decimal=",", thousands=".")[0])
    with pytest.raises(KitError, match="decimal"):
        parse_numbers(pd.Series(["1"]), decimal=";")
    with pytest.raises(KitError, match="thousands"):
        parse_numbers(pd.Series(["1"]), thousands="_")
    with pytest.raises(KitError, match="both"):
        parse_numbers(pd.Series(["1"]), decimal=",", thousands=",")


def test_numeric_columns_pass_through():
    assert parse_numbers(pd.Series([1, 2])).tolist() == [1.0, 2.0]
    assert parse_numbers(pd.Series([2.55, np.nan])).tolist()[0] == 2.55


def test_unique_values_are_parsed_once_and_mapped_back():
    values = pd.Series(["2,55", None, "2,55", "", "1.000,00"] * 1000, index=range(5, 5005))
    parsed = parse_numbers(values)
    assert parsed.index.equals(values.index)
    assert parsed.iloc[[0, 2, 4]].tolist() == [2.55, 2.55, 1000.0] and parsed.iloc[[1, 3]].isna().all()


_MARKS = st.sampled_from([(".", ","), (".", " "), (".", "\u00a0"), (".", "'"), (".", ""), (",", "."),
                          (",", " "), (",", "\u202f"), (",", "")])
_CURRENCIES = st.sampled_from(["", "£", "$", "€", "¥", "￥", "元", "RMB", "CNY", "USD", "EUR", "GBP"])


def write_number(cents: int, decimal: str, thousands: str, currency: str, after: bool, space: bool,
                 negative: str, places: int = 2) -> str:
    """``cents / 100`` written in one style: marks, currency before or after, and the sign's position."""
    text = f"{abs(cents) / 100:,.{places}f}".replace(",", "\0").replace(".", decimal).replace("\0", thousands)
    gap = " " if space and currency else ""
    text = f"{text}{gap}{currency}" if after else f"{currency}{gap}{text}"
    if cents < 0:
        text = {"minus": f"-{text}", "parentheses": f"({text})", "trailing": f"{text}-"}[negative]
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(-10**11, 10**11), min_size=1, max_size=8), _MARKS, _CURRENCIES, st.booleans(),
       st.booleans(), st.sampled_from(["minus", "parentheses", "trailing"]))
def test_numbers_written_in_any_style_read_back_to_the_cent(cents, marks, currency, after, space, negative):
    decimal, thousands = marks
    written = [write_number(c, decimal, thousands, currency, after, space, negative) for c in cents]
    assert numbers(written) == pytest.approx([c / 100 for c in cents], abs=0.005)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(-10**9, 10**9), min_size=1, max_size=8), _MARKS, st.integers(0, 3))
def test_numbers_read_back_or_ask_never_wrong(cents, marks, places):
    """Whole numbers and 3 decimals can be ambiguous: the result is right, or an error names ``decimal``."""
    decimal, thousands = marks
    written = [write_number(c, decimal, thousands, "", False, False, "minus", places) for c in cents]
    expected = [round(c / 100, places) for c in cents]
    assert numbers(written, decimal=decimal) == pytest.approx(expected, abs=10 ** -places / 2)
    try:
        guessed = numbers(written)
    except KitError as err:
        assert "decimal" in str(err)
    else:
        assert guessed == pytest.approx(expected, abs=10 ** -places / 2)


# ---------------------------------------------------------------- dates

def test_order_is_decided_from_the_whole_column():
    assert dates(["01/02/2011", "13/02/2011"]) == [pd.Timestamp("2011-02-01"), pd.Timestamp("2011-02-13")]
    assert dates(["01/02/2011", "02/13/2011"]) == [pd.Timestamp("2011-01-02"), pd.Timestamp("2011-02-13")]
    assert dates(["05/05/2011"]) == [pd.Timestamp("2011-05-05")]  # day equals month: nothing to decide


def test_day_first_with_dashes_and_two_digit_years():
    assert dates(["09-12-2011", "25-01-2011"]) == [pd.Timestamp("2011-12-09"), pd.Timestamp("2011-01-25")]
    assert dates(["09/12/11", "25/01/11"]) == [pd.Timestamp("2011-12-09"), pd.Timestamp("2011-01-25")]
    assert dates(["12/31/99", "1/2/00"]) == [pd.Timestamp("1999-12-31"), pd.Timestamp("2000-01-02")]
    assert dates(["31.12.2011 23:59:59", "1.1.2012 0:05"]) == [pd.Timestamp("2011-12-31 23:59:59"),
                                                               pd.Timestamp("2012-01-01 00:05")]


def test_undecidable_order_asks_for_dayfirst():
    with pytest.raises(KitError, match="dayfirst") as err:
        parse_dates(pd.Series(["01/02/2011", "03/04/2011 10:00"]), where="shop.csv: ", column="Date")
    assert "shop.csv" in str(err.value) and "'Date'" in str(err.value) and "'01/02/2011'" in str(err.value)


def test_two_conventions_in_one_column_are_refused():
    with pytest.raises(KitError, match="two date conventions") as err:
        parse_dates(pd.Series(["13/01/2011", "01/13/2011", "02/02/2011"]))
    assert "'13/01/2011'" in str(err.value) and "'01/13/2011'" in str(err.value)


def test_dayfirst_works_on_every_path():
    ambiguous = ["01/02/2011", "03/04/2011"]
    assert dates(ambiguous, dayfirst=True) == [pd.Timestamp("2011-02-01"), pd.Timestamp("2011-04-03")]
    assert dates(ambiguous, dayfirst=False) == [pd.Timestamp("2011-01-02"), pd.Timestamp("2011-03-04")]
    assert dates(["01-02-11 10:00", "03-04-11 9:05 PM"], dayfirst=True) == [
        pd.Timestamp("2011-02-01 10:00"), pd.Timestamp("2011-04-03 21:05")]
    assert dates(["01/02/2011", "2011-03-04", "4 Mar 2011"], dayfirst=True) == [
        pd.Timestamp("2011-02-01"), pd.Timestamp("2011-03-04"), pd.Timestamp("2011-03-04")]
    forced = dates(["01/13/2011", "01/02/2011", "02/02/2011"], dayfirst=True)  # the impossible one is not guessed
    assert pd.isna(forced[0]) and forced[1] == pd.Timestamp("2011-02-01")


def test_date_format_forces_one_format():
    assert dates(["01/02/2011", "03/04/2011"], date_format="%d/%m/%Y")[1] == pd.Timestamp("2011-04-03")
    assert dates(["2011-06-09 12:50+01:00", "2011-12-09 12:50+00:00"], date_format="%Y-%m-%d %H:%M%z") == [
        pd.Timestamp("2011-06-09 12:50"), pd.Timestamp("2011-12-09 12:50")]


@pytest.mark.parametrize("values, expected", [
    (["2011-12-09T12:50:00Z"], "2011-12-09 12:50:00"),
    (["2011-12-09T12:50:00.250Z"], "2011-12-09 12:50:00.25"),
    (["2011-12-09T12:50:00+01:00"], "2011-12-09 12:50:00"),
    (["2011-12-09 12:50:00-0500"], "2011-12-09 12:50:00"),
    (["2011-12-09 12:50 GMT"], "2011-12-09 12:50"),
    (["2018-01-05 星期五"], "2018-01-05"),
    (["2018-01-05 周五"], "2018-01-05"),
    (["2018-01-05（星期五）"], "2018-01-05"),
    (["Fri, 2018-01-05"], "2018-01-05"),
    (["2011年1月9日"], "2011-01-09"),
    (["2011年1月9日 8:05"], "2011-01-09 08:05"),
    (["2011年12月19日 14:05:09"], "2011-12-19 14:05:09"),
    (["2011年1月9日下午2:05"], "2011-01-09 14:05"),
    (["2011年1月9日 14时5分"], "2011-01-09 14:05"),
    (["2011/12/9 12:50"], "2011-12-09 12:50"),
    (["2011.12.09"], "2011-12-09"),
    (["12/9/2011 12:50 AM", "12/13/2011"], "2011-12-09 00:50"),
    (["12/9/2011 12:50 p.m.", "12/13/2011"], "2011-12-09 12:50"),
    (["09-Dec-2011"], "2011-12-09"),
    (["20110912"], "2011-09-12"),
    (["40886.5347222"], "2011-12-09 12:50"),
])
def test_date_styles(values, expected):
    assert dates(values)[0] == pd.Timestamp(expected)


def test_offsets_are_dropped_with_a_note():
    notes = []
    assert dates(["2011-06-09 12:50:00+01:00", "2011-12-09 12:50:00+00:00"], notes=notes) == [
        pd.Timestamp("2011-06-09 12:50"), pd.Timestamp("2011-12-09 12:50")]
    assert len(notes) == 1 and "different UTC offsets" in notes[0] and "+01:00" in notes[0]
    notes = []
    dates(["2011-06-09 12:50 BST", "2011-12-09 12:50 GMT"], notes=notes)
    assert "BST" in notes[0] and "GMT" in notes[0]
    notes = []
    dates(["2011-12-09T12:50:00Z"], notes=notes)
    assert notes == ["column 'order_date': times are marked UTC (Z) and kept as given"]


def test_implausible_dates_are_kept_with_a_note():
    notes = []
    parsed = dates(["1900-01-01", "2011-12-09", "2199-01-01"], notes=notes)
    assert parsed[0] == pd.Timestamp("1900-01-01") and parsed[2] == pd.Timestamp("2199-01-01")
    assert len(notes) == 2 and "before 1990" in notes[0] and "2199-01-01" in notes[1]


@pytest.mark.parametrize("impossible", ["2011-13-01", "31/02/2011", "12/01/2011 25:00", "12/01/2011 13:00 PM",
                                        "1/2/311", "2011-12-09 12:61", "13/13/2011"])
def test_impossible_dates_are_missing(impossible):
    parsed = dates([impossible, "13/01/2011", "14/01/2011"])
    assert pd.isna(parsed[0]) and parsed[1] == pd.Timestamp("2011-01-13")
    with pytest.raises(KitError, match="do not parse") as err:  # most values unparseable: the column is wrong
        parse_dates(pd.Series([impossible, "x", "13/01/2011"]), where="a.csv: ")
    assert "a.csv" in str(err.value) and repr(impossible) in str(err.value)


def test_iso_is_never_read_as_anything_else():
    assert dates(["2011-01-02", "2011-02-01"], dayfirst=True) == [pd.Timestamp("2011-01-02"),
                                                                    pd.Timestamp("2011-02-01")]
    assert parse_dates(pd.Series(["2011-01-02"]))[1] == "year-month-day"


def test_datetime_columns_keep_their_wall_clock_time():
    aware = pd.Series(pd.to_datetime(["2011-06-09 12:50"]).tz_localize("Europe/London"))
    assert dates(aware) == [pd.Timestamp("2011-06-09 12:50")]
    mixed = pd.Series([datetime(2011, 6, 9, 12, 50), datetime(2011, 12, 9)], dtype=object)
    assert dates(mixed) == [pd.Timestamp("2011-06-09 12:50"), pd.Timestamp("2011-12-09")]


_ORDERS = {"ymd": "{Y}{s}{m}{s}{d}", "dmy": "{d}{s}{m}{s}{Y}", "mdy": "{m}{s}{d}{s}{Y}"}


def write_date(moment: datetime, order: str, sep: str, short_year: bool, pad: bool, clock: str) -> str:
    """``moment`` written in one style: part order, separator, year digits, padding, and the time shown."""
    year = f"{moment.year % 100:02d}" if short_year and order != "ymd" else str(moment.year)
    day, month = (f"{moment.day:02d}", f"{moment.month:02d}") if pad else (str(moment.day), str(moment.month))
    text = _ORDERS[order].format(Y=year, m=month, d=day, s=sep)
    hour12 = moment.hour % 12 or 12
    time = {"none": "", "minutes": f" {moment.hour}:{moment.minute:02d}",
            "seconds": f" {moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}",
            "12h": f" {hour12}:{moment.minute:02d} {'PM' if moment.hour >= 12 else 'AM'}",
            "iso": f"T{moment:%H:%M:%S}Z"}[clock]
    return text + time


def shown(moment: datetime, clock: str) -> pd.Timestamp:
    """What a style keeps of ``moment``."""
    cut = {"none": moment.replace(hour=0, minute=0, second=0), "seconds": moment, "iso": moment}
    return pd.Timestamp(cut.get(clock, moment.replace(second=0)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.datetimes(datetime(1970, 1, 1), datetime(2060, 12, 31)), min_size=1, max_size=8),
       st.sampled_from(list(_ORDERS)), st.sampled_from("/-."), st.booleans(), st.booleans(),
       st.sampled_from(["none", "minutes", "seconds", "12h", "iso"]))
def test_dates_written_in_any_style_read_back(moments, order, sep, short_year, pad, clock):
    moments = [m.replace(microsecond=0) for m in moments]
    if clock == "iso" and order != "ymd":
        clock = "seconds"
    written = [write_date(m, order, sep, short_year, pad, clock) for m in moments]
    expected = [shown(m, clock) for m in moments]
    dayfirst = {"dmy": True, "mdy": False}.get(order)
    assert dates(written, dayfirst=dayfirst) == expected
    try:  # without the option: the same dates, or an error asking for it -- never other dates
        guessed = dates(written)
    except KitError as err:
        assert "dayfirst" in str(err) and order != "ymd"
    else:
        assert guessed == expected


# ---------------------------------------------------------------- ids

def test_ids_keep_leading_zeros_and_lose_a_whole_column_of_dot_zero():
    ids = parse_ids(pd.Series(["00123", "0042 ", ""]))
    assert ids.tolist()[:2] == ["00123", "0042"] and pd.isna(ids.iloc[2])
    assert parse_ids(pd.Series(["12346.0", "12347.0", "A1"])).tolist() == ["12346", "12347", "A1"]
    assert parse_ids(pd.Series(["12346.0", "12.5"])).tolist() == ["12346.0", "12.5"]
    assert parse_ids(pd.Series([12346.0, np.nan, 17850.0])).dropna().tolist() == ["12346", "17850"]
    assert parse_ids(pd.Series([12346.0, 12.5])).tolist() == ["12346.0", "12.5"]
    assert parse_ids(pd.Series([12346.0, "A1", 7], dtype=object)).tolist() == ["12346", "A1", "7"]
    assert parse_ids(pd.Series([12346, 7])).tolist() == ["12346", "7"]


def test_float_ids_from_excel_and_parquet_do_not_gain_dot_zero(tmp_path):
    frame = pd.DataFrame({"CustomerID": [12346.0, np.nan, 17850.0], "InvoiceNo": ["007", "008", "009"],
                          "InvoiceDate": pd.to_datetime(["2011-01-02"] * 3), "Amount": [1.0, 2.0, 3.0]})
    for path in (tmp_path / "s.parquet", tmp_path / "s.xlsx"):
        getattr(frame, "to_parquet" if path.suffix == ".parquet" else "to_excel")(path, index=False)
        tx, _ = kit.load_transactions(path)
        assert tx["customer_id"].tolist() == ["12346", "17850"] and tx["order_id"].tolist() == ["007", "009"]


# ---------------------------------------------------------------- the loader

def _write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_semicolon_file_with_decimal_commas_and_day_first_dates(tmp_path):
    path = _write(tmp_path / "de.csv", "Kunde;Beleg;Datum;Artikel;Menge;Preis\n"
                                       "K1;1;01.02.2011;A;2;1.234,50\nK2;2;13.02.2011;B;1;2,55\n")
    tx, report = kit.load_transactions(path, {"customer_id": "Kunde", "order_id": "Beleg", "order_date": "Datum",
                                              "product_id": "Artikel", "quantity": "Menge", "unit_price": "Preis"})
    assert tx["unit_price"].tolist() == [1234.5, 2.55]
    assert tx["amount"].tolist() == [2469.0, 2.55]
    assert tx["order_date"].tolist() == [pd.Timestamp("2011-02-01"), pd.Timestamp("2011-02-13")]
    assert report.date_style == "day-month-year"


def test_loader_options_as_arguments_and_in_the_column_map(tmp_path):
    path = _write(tmp_path / "s.csv", 'customer,order,date,amount\nA,1,01/02/2011,"1,234"\nB,2,03/04/2011,"2,500"\n')
    with pytest.raises(KitError, match="decimal"):
        kit.load_transactions(path, dayfirst=True)
    with pytest.raises(KitError, match="dayfirst"):
        kit.load_transactions(path, decimal=",")
    tx, _ = kit.load_transactions(path, decimal=",", dayfirst=True)
    assert tx["amount"].tolist() == [1.234, 2.5]
    assert tx["order_date"].tolist() == [pd.Timestamp("2011-02-01"), pd.Timestamp("2011-04-03")]
    mapping = _write(tmp_path / "map.yaml", "columns:\n  amount: amount\noptions:\n  decimal: '.'\n"
                                            "  thousands: ','\n  dayfirst: false\n")
    tx, _ = kit.load_transactions(path, mapping)
    assert tx["amount"].tolist() == [1234.0, 2500.0]
    assert tx["order_date"].tolist() == [pd.Timestamp("2011-01-02"), pd.Timestamp("2011-03-04")]


def test_loader_reports_parsing_notes(tmp_path):
    path = _write(tmp_path / "s.csv", "customer,order,date,amount\nA,1,2011-06-09T10:00:00+01:00,(3.00)\n"
                                      "B,2,2011-12-09T10:00:00+00:00,£4.50\nC,3,1985-01-01T10:00:00+00:00,5\n")
    tx, report = kit.load_transactions(path, steps={"non_positive_price": False})
    assert tx["amount"].tolist() == [-3.0, 4.5, 5.0]
    assert tx["order_date"].iloc[0] == pd.Timestamp("2011-06-09 10:00")
    assert any("different UTC offsets" in n for n in report.notes)
    assert any("before 1990" in n for n in report.notes)


@pytest.mark.parametrize("price, quantity", [("2.55", 1000.0), ("2,55", 1.0)])
def test_an_undecidable_column_takes_the_decimal_mark_another_column_proves(tmp_path, price, quantity):
    path = tmp_path / "sales.csv"
    path.write_text("InvoiceNo\tCustomerID\tInvoiceDate\tStockCode\tQuantity\tUnitPrice\n"
                    f'1\t7\t2011-12-01\tA\t"1,000"\t"{price}"\n2\t8\t2011-12-02\tB\t"2,000"\t"{price}"\n',
                    encoding="utf-8")
    tx, report = kit.load_transactions(path)
    assert tx["quantity"].tolist() == [quantity, 2 * quantity]
    assert any("that column 'UnitPrice' of the same file proves" in note for note in report.notes)


def test_columns_proving_different_marks_leave_an_undecidable_one_undecided(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("InvoiceNo\tCustomerID\tInvoiceDate\tStockCode\tQuantity\tUnitPrice\tAmount\n"
                    '1\t7\t2011-12-01\tA\t"1,000"\t"2.55"\t"2,55"\n', encoding="utf-8")
    with pytest.raises(KitError, match="decimal"):
        kit.load_transactions(path, {"amount": "Amount"})


# ---------------------------------------------------------------- spreadsheet damage (held-out exports)

def ids(values, **options):
    return [None if pd.isna(v) else v for v in parse_ids(pd.Series(values, dtype=object, name="CustomerID"),
                                                          **options)]


def test_ids_rounded_to_scientific_notation_are_refused_with_the_column_and_an_example():
    with pytest.raises(KitError, match=r"column 'CustomerID'.*'5\.01E\+12'") as error:
        ids(["5.01E+12", "5.01E+12", "5.02E+12"])
    assert "formatted as text" in error.value.hint


@pytest.mark.parametrize("values", [["1.2347E+04", "1.2352E+04"], ["1.2347E+04", "12352"]])
def test_ids_in_scientific_notation_holding_every_digit_are_written_out_with_a_note(values):
    notes = []
    assert ids(values, notes=notes) == ["12347", "12352"]
    assert any("scientific notation" in note for note in notes)
    with pytest.raises(KitError):  # 1.2E+04 may have been 12347 before rounding
        ids(["1.2E+04", "12352"])


@pytest.mark.parametrize("wrapped", ['="12347"', "'12347"])
def test_spreadsheet_text_wrappers_are_stripped_with_a_note(wrapped):
    notes = []
    assert ids([wrapped, "12352"], notes=notes) == ["12347", "12352"]
    assert any("wrapper" in note for note in notes)


def test_ids_lose_zero_width_characters_and_full_width_digits_with_a_note():
    notes = []
    assert ids(["\u200b12347", "１２３５２", "12359\ufeff", "12360"], notes=notes) == ["12347", "12352", "12359",
                                                                                    "12360"]
    assert any("plain characters" in note for note in notes)
    notes = []
    assert ids(["12347", "A7"], notes=notes) == ["12347", "A7"] and notes == []


def test_thousands_commas_are_removed_only_beside_plain_digit_ids():
    notes = []
    assert ids(["12,347", "12347", "12352", None], notes=notes) == ["12347", "12347", "12352", None]
    assert any("thousands commas" in note for note in notes)
    assert ids(["12,347", "A-7"]) == ["12,347", "A-7"]  # a code column: the comma may belong to the code


def test_anonymous_customer_placeholders_are_missing_with_a_count():
    notes = []
    found = ids(["Guest", "12347", "0", "GUEST", "散客", "walk-in", "00123"], placeholders=True, notes=notes)
    assert found == [None, "12347", None, None, None, None, "00123"]
    assert any("5 id(s)" in note and "'Guest'" in note for note in notes)
    assert ids(["Guest", "0"]) == ["Guest", "0"]  # product or order ids keep them


@pytest.mark.parametrize("values, expected", [
    (["–6", "—6", "−6", "6–", "12"], [-6.0, -6.0, -6.0, -6.0, 12.0]),
    (["－６", "１２．５０", "３"], [-6.0, 12.5, 3.0]),
    (["1.690E+00", "2.100E+00", "1.838E+02"], [1.69, 2.1, 183.8]),  # no thousands in a mantissa
    (["1,690E+00", "2,5"], [1.69, 2.5]),
    (["--6", "6"], [np.nan, 6.0]),
])
def test_dashes_full_width_forms_and_exponents_read_as_numbers(values, expected):
    assert numbers(values) == pytest.approx(expected, nan_ok=True)


@pytest.mark.parametrize("values, expected", [
    (["01/12/2010 08.34.00", "13/12/2010 14.05.00"], ["2010-12-01 08:34:00", "2010-12-13 14:05:00"]),
    (["20101201 08:34", "20101202 18:00"], ["2010-12-01 08:34:00", "2010-12-02 18:00:00"]),
    (["2010/12/01 08.34", "2010/12/13 18.05"], ["2010-12-01 08:34:00", "2010-12-13 18:05:00"]),
    (["２０１０－１２－０１ ０８：３４"], ["2010-12-01 08:34:00"]),
    (["20101201083400"], ["2010-12-01 08:34:00"]),
])
def test_time_with_dots_compact_and_full_width_dates(values, expected):
    assert dates(values) == [pd.Timestamp(e) for e in expected]


@pytest.mark.parametrize("values", [["1291192440", "1291192500"], ["1291192440000", "1291192500000"],
                                    [1291192440, 1291192500]])
def test_unix_timestamps_read_as_utc_with_a_note(values):
    notes = []
    found, style = parse_dates(pd.Series(values), notes=notes)
    assert found.tolist() == [pd.Timestamp("2010-12-01 08:34:00"), pd.Timestamp("2010-12-01 08:35:00")]
    assert style.startswith("unix-") and any("Unix timestamps" in note and "UTC" in note for note in notes)


def test_date_cells_beside_text_dates_are_refused():
    values = pd.Series([datetime(2010, 1, 12, 8, 34), "13/12/2010 08:34", None], dtype=object, name="InvoiceDate")
    with pytest.raises(KitError, match=r"column 'InvoiceDate'.*'13/12/2010 08:34'") as error:
        parse_dates(values, column="InvoiceDate")
    assert "as text" in error.value.hint and "date_format" in error.value.hint
    found = parse_dates(values, date_format="%d/%m/%Y %H:%M")[0]  # the text dates read; the cells set aside
    assert found.iloc[1] == pd.Timestamp("2010-12-13 08:34") and found.iloc[[0, 2]].isna().all()
