"""The loader on every format, encoding and date style it promises."""

import pandas as pd
import pytest

import kit
from kit.errors import KitError
from kit.data.parsing import parse_dates

ROWS = [
    ("C001", "A1001", "2024-03-01 10:15", "P1", "茶杯", "2", "12.5"),
    ("C001", "A1002", "2024-03-09 16:40", "P2", "茶壶", "1", "88"),
    ("C002", "A1003", "2024-03-10 09:05", "P1", "茶杯", "4", "12.5"),
]
ZH_HEADER = ["客户编号", "订单号", "下单时间", "商品编号", "商品名称", "数量", "单价"]
EN_HEADER = ["CustomerID", "InvoiceNo", "InvoiceDate", "StockCode", "Description", "Quantity", "UnitPrice"]


def _csv(path, header, rows=ROWS, encoding="utf-8", sep=","):
    text = "\n".join(sep.join(r) for r in [header, *rows]) + "\n"
    path.write_bytes(text.encode(encoding))
    return path


def _check(tx, report):
    assert report.n_rows == 3 and report.n_kept == 3
    assert tx["customer_id"].tolist() == ["C001", "C001", "C002"]
    assert tx["amount"].tolist() == [25.0, 88.0, 50.0]
    assert tx["order_date"].iloc[0] == pd.Timestamp("2024-03-01 10:15")
    assert list(tx.columns[:8]) == list(kit.data.schema.CANONICAL)


@pytest.mark.parametrize("encoding, reported", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                                ("gbk", "gb18030"), ("gb18030", "gb18030")])
def test_csv_encodings_are_detected(tmp_path, encoding, reported):
    tx, report = kit.load_transactions(_csv(tmp_path / "sales.csv", ZH_HEADER, encoding=encoding))
    _check(tx, report)
    assert report.encoding == reported
    assert tx["product_name"].iloc[1] == "茶壶"


def test_given_encoding_is_used(tmp_path):
    tx, report = kit.load_transactions(_csv(tmp_path / "s.csv", ZH_HEADER, encoding="gbk"), encoding="gbk")
    _check(tx, report)
    assert report.encoding == "gbk"


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(tmp_path, sep):
    _check(*kit.load_transactions(_csv(tmp_path / "s.csv", EN_HEADER, sep=sep)))


def test_space_aligned_text(tmp_path):
    path = tmp_path / "s.txt"
    path.write_text(" cust  day  n  value\r\n 01  19970101  1  11.77\r\n 02  19970112  5  77.00\r\n")
    tx, report = kit.load_transactions(path, {"customer_id": "cust", "order_date": "day", "quantity": "n",
                                              "amount": "value"})
    assert tx["customer_id"].tolist() == ["01", "02"]
    assert tx["order_date"].tolist() == [pd.Timestamp("1997-01-01"), pd.Timestamp("1997-01-12")]
    assert report.columns["order_id"] == "customer_id|day"


def test_excel(tmp_path):
    frame = pd.DataFrame(ROWS, columns=EN_HEADER)
    frame["Quantity"] = frame["Quantity"].astype(int)
    frame["UnitPrice"] = frame["UnitPrice"].astype(float)
    frame["InvoiceDate"] = pd.to_datetime(frame["InvoiceDate"])
    frame.to_excel(tmp_path / "s.xlsx", index=False)
    tx, report = kit.load_transactions(tmp_path / "s.xlsx")
    _check(tx, report)
    assert report.format == "excel"


def test_parquet(tmp_path):
    frame = pd.DataFrame(ROWS, columns=EN_HEADER).astype({"Quantity": int, "UnitPrice": float})
    frame["InvoiceDate"] = pd.to_datetime(frame["InvoiceDate"])
    frame.to_parquet(tmp_path / "s.parquet")
    _check(*kit.load_transactions(tmp_path / "s.parquet"))


def test_dataframe_source():
    _check(*kit.load_transactions(pd.DataFrame(ROWS, columns=ZH_HEADER)))


@pytest.mark.parametrize("values, expected", [
    (["2011-12-09 12:50:00", "2011-01-10 08:26:00"], ["2011-12-09 12:50", "2011-01-10 08:26"]),
    (["2011-12-09", "2011-01-10"], ["2011-12-09 00:00", "2011-01-10 00:00"]),
    (["2011/12/9 12:50", "2011/1/10 8:26"], ["2011-12-09 12:50", "2011-01-10 08:26"]),
    (["20110912", "20111209"], ["2011-09-12 00:00", "2011-12-09 00:00"]),
    (["40886.5347222", "40553"], ["2011-12-09 12:50", "2011-01-10 00:00"]),
    (["2011年12月9日", "2011年1月10日"], ["2011-12-09 00:00", "2011-01-10 00:00"]),
    (["12/31/2011 10:00", "1/10/2011 8:26"], ["2011-12-31 10:00", "2011-01-10 08:26"]),
    (["31/12/2011", "25/01/2011"], ["2011-12-31 00:00", "2011-01-25 00:00"]),
])
def test_date_styles(values, expected):
    parsed, _ = parse_dates(pd.Series(values))
    assert parsed.dt.strftime("%Y-%m-%d %H:%M").tolist() == expected


def test_excel_serial_numbers_as_numbers():
    parsed, style = parse_dates(pd.Series([40886.5347222, 40553.0]))
    assert style == "excel-serial"
    assert parsed.dt.strftime("%Y-%m-%d %H:%M").tolist() == ["2011-12-09 12:50", "2011-01-10 00:00"]


def test_dayfirst_breaks_ties_and_date_format_forces():
    ambiguous = pd.Series(["01/02/2011", "03/04/2011"])
    with pytest.raises(kit.KitError, match="dayfirst"):  # no silent month-first guess
        parse_dates(ambiguous)
    assert parse_dates(ambiguous, dayfirst=False)[0].dt.month.tolist() == [1, 3]
    assert parse_dates(ambiguous, dayfirst=True)[0].dt.month.tolist() == [2, 4]
    assert parse_dates(ambiguous, date_format="%d/%m/%Y")[0].dt.day.tolist() == [1, 3]


def test_yaml_column_map_with_options(tmp_path):
    header = ["顾客", "单据", "时间", "货品", "件", "价"]
    rows = [("A", "1", "09.12.2011", "x", "1", "2.5"), ("B", "2", "10.12.2011", "y", "2", "1")]
    path = _csv(tmp_path / "s.csv", header, rows, encoding="gbk")
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  customer_id: 顾客\n  order_id: 单据\n  order_date: 时间\n  product_id: 货品\n"
                       "  quantity: 件\n  unit_price: 价\noptions:\n  date_format: '%d.%m.%Y'\n", encoding="utf-8")
    tx, report = kit.load_transactions(path, mapping)
    assert tx["order_date"].tolist() == [pd.Timestamp("2011-12-09"), pd.Timestamp("2011-12-10")]
    assert report.columns["customer_id"] == "顾客"
    assert report.date_style == "%d.%m.%Y"


def test_column_map_written_the_other_way_round():
    frame = pd.DataFrame(ROWS, columns=["c", "o", "d", "p", "n", "q", "u"])
    reverse = {"c": "customer_id", "o": "order_id", "d": "order_date", "p": "product_id", "n": "product_name",
               "q": "quantity", "u": "unit_price"}
    _check(*kit.load_transactions(frame, reverse))


def test_amount_column_is_used_when_present():
    frame = pd.DataFrame({"customer": ["a", "b"], "date": ["2024-01-01", "2024-01-02"], "金额": ["1,200.50", "¥30"]})
    tx, report = kit.load_transactions(frame)
    assert tx["amount"].tolist() == [1200.5, 30.0]
    assert report.analysis == "customers" and report.available == ("customers",)


def test_ids_keep_leading_zeros_and_lose_float_suffix():
    frame = pd.DataFrame({"customer_id": [17850.0, 12.0], "order_id": ["007", "008"], "order_date": ["2024-01-01"] * 2,
                          "amount": [1.0, 2.0]})
    tx, _ = kit.load_transactions(frame)
    assert tx["customer_id"].tolist() == ["17850", "12"]
    assert tx["order_id"].tolist() == ["007", "008"]


def test_lines_with_money_but_no_product_are_set_aside_and_explained(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("InvoiceNo,CustomerID,InvoiceDate,StockCode,Quantity,UnitPrice,Amount\n"
                    "1,7,2011-12-01,A,2,1.5,3.0\n1,7,2011-12-01,B,1,4.0,4.0\n1,7,2011-12-01,,,,7.0\n",
                    encoding="utf-8")
    tx, report = kit.load_transactions(path)
    assert tx["amount"].sum() == 7.0 and report.counts["missing_value"] == 1
    assert any("an amount but no product" in note for note in report.notes)


def test_empty_amounts_come_from_quantity_and_price(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("InvoiceNo,CustomerID,InvoiceDate,StockCode,Quantity,UnitPrice,Amount\n"
                    "1,7,2011-12-01,A,2,1.5,3.0\n3,7,2011-12-01,B,1,2.0,\nC2,7,2011-12-02,A,-2,1.5,N/A\n",
                    encoding="utf-8")
    tx, report = kit.load_transactions(path)
    assert report.counts["cancellation"] == 1 and report.counts["cancelled_order"] == 1
    assert tx["amount"].tolist() == [2.0]
    assert any("2 empty amounts filled with quantity * unit_price" in note for note in report.notes)


def test_duplicates_are_whole_lines_and_a_name_can_identify_products(tmp_path):
    path = tmp_path / "baskets.csv"
    path.write_text("Transaction,Item,add_to_cart\n1,Bread,1\n1,Bread,2\n1,Bread,2\n2,Tea,1\n", encoding="utf-8")
    tx, report = kit.load_transactions(path)
    assert report.analysis == "baskets" and report.counts["duplicate"] == 1 and len(tx) == 3
    assert any("identified by their name ('Item')" in note for note in report.notes)


def test_a_missing_column_error_names_every_missing_column_and_the_other_analysis(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("Kunde,Artikel,Menge\n7,A,1\n", encoding="utf-8")
    with pytest.raises(KitError) as err:
        kit.load_transactions(path)
    assert "'customer_id', 'order_date', 'amount' not found" in err.value.message
    assert "baskets analyses would need 'order_id', 'product_id' instead" in err.value.message


def test_one_non_product_code_given_as_text_is_one_code(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("InvoiceNo,CustomerID,InvoiceDate,StockCode,Quantity,UnitPrice\n"
                    "1,7,2011-12-01,POST,1,18\n1,7,2011-12-01,P,1,2\n", encoding="utf-8")
    tx, report = kit.load_transactions(path, non_product_codes="POST")
    assert tx["product_id"].tolist() == ["P"] and report.counts["non_product_code"] == 1


def test_a_line_repeated_with_its_id_written_another_way_is_a_duplicate(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("InvoiceNo,CustomerID,InvoiceDate,StockCode,Quantity,UnitPrice\n"
                    "1,12347,2011-12-01,A,2,1.5\n1,'12347,2011-12-01,A,2,1.5\n2,Grand total,2011-12-31,,,99\n",
                    encoding="utf-8")
    tx, report = kit.load_transactions(path)
    assert len(tx) == 1 and report.counts["duplicate"] == 1 and report.n_rows == 3
