"""Every error the loader promises: one exception type, a message naming file, column and example."""

import pandas as pd
import pytest

import kit
from kit import KitError


def _frame(**overrides):
    data = {"customer_id": ["1", "2"], "order_id": ["10", "11"], "order_date": ["2024-01-01", "2024-01-02"],
            "product_id": ["A", "B"], "quantity": [1, 2], "unit_price": [1.0, 2.0]}
    data.update(overrides)
    return pd.DataFrame(data)


def test_missing_file(tmp_path):
    with pytest.raises(KitError, match=r"nope\.csv: file not found"):
        kit.load_transactions(tmp_path / "nope.csv")


def test_empty_file(tmp_path):
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(KitError, match=r"empty\.csv: the file is empty"):
        kit.load_transactions(tmp_path / "empty.csv")


def test_header_only_file(tmp_path):
    (tmp_path / "h.csv").write_text("customer_id,order_date,amount\n")
    with pytest.raises(KitError, match="header line but no data rows"):
        kit.load_transactions(tmp_path / "h.csv")


def test_required_column_missing_names_it_lists_found_and_suggests_closest(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("custmer_no,order_date,amount\n1,2024-01-01,3\n")
    with pytest.raises(KitError) as err:
        kit.load_transactions(path)
    message = str(err.value)
    assert "s.csv" in message and "'customer_id'" in message
    assert "columns found: custmer_no, order_date, amount" in message
    assert "closest: 'custmer_no'" in message
    assert "--columns" in message


def test_mapped_column_missing_is_always_an_error():
    with pytest.raises(KitError, match=r"column 'Kunde' \(mapped to customer_id\) not found"):
        kit.load_transactions(_frame(), {"customer_id": "Kunde"})


def test_unknown_canonical_name_in_map():
    with pytest.raises(KitError, match="did you mean 'customer_id'"):
        kit.load_transactions(_frame(), {"custmer_id": "Kunde"})


def test_wrong_encoding_suggests_the_right_one(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("客户编号,日期,金额\n甲,2024-01-01,3\n".encode("gbk"))
    with pytest.raises(KitError) as err:
        kit.load_transactions(path, encoding="utf-8")
    assert "cannot be read as utf-8" in str(err.value) and "line 1" in str(err.value)
    assert "--encoding gb18030" in str(err.value)


def test_unknown_encoding(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("customer_id,order_date,amount\n1,2024-01-01,3\n")
    with pytest.raises(KitError, match="unknown encoding 'klingon'"):
        kit.load_transactions(path, encoding="klingon")


def test_dates_that_do_not_parse_show_examples():
    with pytest.raises(KitError) as err:
        kit.load_transactions(_frame(order_date=["next tuesday", "soon"]))
    assert "'order_date'" in str(err.value) and "'next tuesday', 'soon'" in str(err.value)
    assert "date_format" in str(err.value)


def test_numbers_that_are_not_numbers_show_examples():
    with pytest.raises(KitError, match=r"'unit_price'.*examples: 'cheap', 'dear'"):
        kit.load_transactions(_frame(unit_price=["cheap", "dear"]))


def test_no_usable_rows_left_says_why():
    with pytest.raises(KitError, match=r"no usable rows left.*non_positive_price: 2"):
        kit.load_transactions(_frame(unit_price=[0.0, 0.0]))


def test_unknown_cleaning_step():
    with pytest.raises(KitError, match="unknown cleaning step 'dedupe'"):
        kit.load_transactions(_frame(), steps=["dedupe"])


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(KitError, match="is a folder"):
        kit.load_transactions(tmp_path)


def test_damaged_parquet(tmp_path):
    (tmp_path / "bad.parquet").write_bytes(b"PAR1" + bytes(64))  # the signature, then nothing readable
    with pytest.raises(KitError, match="not a readable Parquet file"):
        kit.load_transactions(tmp_path / "bad.parquet")


def test_text_named_parquet_says_what_it_is(tmp_path):
    (tmp_path / "bad.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(KitError, match=r"(?s)not a Parquet file \(no PAR1 signature\): this is a text file.*\.csv"):
        kit.load_transactions(tmp_path / "bad.parquet")


def test_unknown_analysis():
    with pytest.raises(KitError, match="unknown analysis 'stars'"):
        kit.load_transactions(_frame(), analysis="stars")


def test_basket_analysis_needs_products():
    frame = _frame().drop(columns="product_id")
    with pytest.raises(KitError, match="'product_id' not found needed for baskets analyses"):
        kit.load_transactions(frame, analysis="baskets")


def test_errors_are_one_type_and_readable():
    assert issubclass(KitError, ValueError)
    err = KitError("x.csv: bad", hint="fix it")
    assert str(err) == "x.csv: bad\n  what to do: fix it"


def test_one_customer_is_noted():
    _, report = kit.load_transactions(_frame(customer_id=["1", "1"]))
    assert any("only one customer (1)" in note for note in report.notes)
