"""Reading messy exports: every file is read exactly right, or refused with a KitError saying what it really is."""

import io
import os
import signal
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import kit
from kit import KitError
from kit.data.readers import read_raw, sniff_delimiter
from kit.data.schema import read_column_map

DATA = Path(kit.__file__).parent.parent / "data" / "online_retail.parquet"
COLUMNS = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]


@pytest.fixture(scope="module")
def sample():
    """60 lines of Online Retail as text, as an export would write them."""
    frame = pd.read_parquet(DATA).iloc[:60]
    frame["InvoiceDate"] = frame["InvoiceDate"].dt.strftime("%Y-%m-%d %H:%M")
    frame["CustomerID"] = frame["CustomerID"].map("{:.0f}".format)
    frame["Description"] = frame["Description"].str.lstrip()  # the reader skips spaces after a delimiter
    return frame.astype(str).reset_index(drop=True)


def _csv_text(frame, sep=","):
    return frame.to_csv(index=False, sep=sep, lineterminator="\n")


def _raw(path, **options):
    return read_raw(path, **options)


def test_plain_csv_is_read_exactly(sample, tmp_path):
    path = tmp_path / "s.csv"
    path.write_text(_csv_text(sample), encoding="utf-8")
    raw = _raw(path)
    pd.testing.assert_frame_equal(raw.frame, sample, check_dtype=False)
    assert raw.notes == []


def test_utf8_file_with_cp1252_lines_is_decoded_line_by_line(sample, tmp_path):
    frame = sample.copy()
    frame.loc[3, "Description"] = "CRÈME BRÛLÉE SET"  # stays UTF-8
    frame.loc[[10, 17, 40], "Description"] = ["CAFÉ AU LAIT MUG", "PIÑATA", "NAÏVE ART PRINT"]  # written as cp1252
    lines = _csv_text(frame).splitlines(keepends=True)
    data = b"".join(line.encode("cp1252" if i - 1 in (10, 17, 40) else "utf-8") for i, line in enumerate(lines))
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    raw = _raw(path)
    pd.testing.assert_frame_equal(raw.frame, frame, check_dtype=False)
    assert raw.encoding == "utf-8+cp1252"
    assert raw.notes == ["3 lines were not UTF-8 and were read as cp1252: lines 12, 19, 42; the encoding is a guess "
                         "(cp1252); non-ASCII values read as: 'CAFÉ AU LAIT MUG', 'PIÑATA', 'NAÏVE ART PRINT'; if they "
                         "look wrong, give the encoding (e.g. encoding: shift_jis, big5, euc-kr, euc-jp, cp1250)"]


def test_reader_notes_reach_the_cleaning_report(sample, tmp_path):
    frame = sample.copy()
    frame.loc[0, "Description"] = "CRÈME"
    frame.loc[5, "Description"] = "CAFÉ"
    lines = _csv_text(frame).splitlines(keepends=True)
    path = tmp_path / "mixed.csv"
    path.write_bytes(b"".join(line.encode("cp1252" if i == 6 else "utf-8") for i, line in enumerate(lines)))
    tx, report = kit.load_transactions(path, analysis="baskets")
    assert any(n.startswith("1 line was not UTF-8 and was read as cp1252: line 7; the encoding is a guess")
               for n in report.notes)
    assert set(tx["product_name"]) >= {"CRÈME", "CAFÉ"}


def test_utf8_file_with_gbk_lines_reads_them_as_gb18030(tmp_path):
    lines = [("客户编号,商品名称,数量\n", "utf-8")]
    lines += [(f"C{i},茶杯{i},2\n", "gbk" if i % 7 == 3 else "utf-8") for i in range(30)]
    path = tmp_path / "mixed_zh.csv"
    path.write_bytes(b"".join(text.encode(enc) for text, enc in lines))
    raw = _raw(path)
    assert raw.encoding == "utf-8+gb18030"
    assert raw.frame["商品名称"].tolist() == [f"茶杯{i}" for i in range(30)]
    assert raw.notes == ["4 lines were not UTF-8 and were read as gb18030: lines 5, 12, 19, 26; the encoding is a "
                         "guess (gb18030); non-ASCII values read as: '茶杯3', '茶杯10', '茶杯17'; if they look wrong, "
                         "give the encoding (e.g. encoding: shift_jis, big5, euc-kr, euc-jp, cp1250)"]


def test_gbk_file_is_not_mistaken_for_mixed(tmp_path):
    rows = "\n".join(f"C{i:03d},订单{i},2024-01-0{1 + i % 9},商品{i},{i + 1},12.5" for i in range(200))
    path = tmp_path / "gbk.csv"
    path.write_bytes(("客户编号,订单号,日期,商品编号,数量,单价\n" + rows + "\n").encode("gbk"))
    raw = _raw(path)
    assert raw.encoding == "gb18030" and raw.notes == [
        "the encoding is a guess (gb18030); non-ASCII values read as: '客户编号', '订单号', '日期'; if they look wrong, "
        "give the encoding (e.g. encoding: shift_jis, big5, euc-kr, euc-jp, cp1250)"]
    assert raw.frame["订单号"].iloc[7] == "订单7"


def test_cp1252_file_is_not_read_as_gb18030(tmp_path):
    path = tmp_path / "fr.csv"
    path.write_bytes("produit,prix\nCrème brûlée,3\nPâté,4\n".encode("cp1252"))
    raw = _raw(path)
    assert raw.encoding == "cp1252" and raw.frame["produit"].tolist() == ["Crème brûlée", "Pâté"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_without_bom_are_read_with_a_note(sample, tmp_path, encoding):
    path = tmp_path / "wide.csv"
    path.write_bytes(_csv_text(sample.iloc[:10]).encode(encoding))
    raw = _raw(path)
    pd.testing.assert_frame_equal(raw.frame, sample.iloc[:10], check_dtype=False)
    assert raw.encoding == encoding and "without a byte-order mark" in raw.notes[0]


def test_utf32_with_bom_is_not_taken_for_utf16(sample, tmp_path):
    path = tmp_path / "wide.csv"
    path.write_bytes(_csv_text(sample.iloc[:5]).encode("utf-32"))
    pd.testing.assert_frame_equal(_raw(path).frame, sample.iloc[:5], check_dtype=False)


def _xlsx_bytes(frame):
    buffer = io.BytesIO()
    frame.to_excel(buffer, index=False)
    return buffer.getvalue()


@pytest.mark.parametrize("make, says", [
    (lambda f: _xlsx_bytes(f), r"Excel workbook \(zip/xlsx signature\).*rename it to \.xlsx"),
    (lambda f: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), r"Excel 97-2003 workbook.*rename it to \.xls"),
    (lambda f: f.to_parquet(), r"Parquet file.*rename it to \.parquet"),
    (lambda f: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", r"PDF document"),
    (lambda f: b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head></html>", r"HTML page"),
    (lambda f: bytes(range(256)) * 8, r"binary data"),
    (lambda f: f.to_json(orient="records").encode(), r"JSON document"),
])
def test_files_that_are_not_text_tables_say_what_they_are(sample, tmp_path, make, says):
    path = tmp_path / "export.csv"
    path.write_bytes(make(sample.iloc[:5]))
    with pytest.raises(KitError, match="(?s)" + says):
        _raw(path)


def test_zip_archive_named_csv(sample, tmp_path):
    path = tmp_path / "export.csv"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("sales.csv", _csv_text(sample))
    with pytest.raises(KitError, match="(?s)zip archive.*extract it"):
        _raw(path)


def test_text_named_xlsx(sample, tmp_path):
    path = tmp_path / "export.xlsx"
    path.write_text(_csv_text(sample))
    with pytest.raises(KitError, match=r"(?s)not an Excel workbook: this is a text file.*rename it to \.csv"):
        _raw(path)


def test_only_a_header(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text(",".join(COLUMNS) + "\n")
    with pytest.raises(KitError, match="header line but no data rows"):
        _raw(path)


def test_trailing_nul_padding_is_stripped_with_a_note(sample, tmp_path):
    path = tmp_path / "padded.csv"
    path.write_bytes(_csv_text(sample).encode() + bytes(4096))
    raw = _raw(path)
    pd.testing.assert_frame_equal(raw.frame, sample, check_dtype=False)
    assert raw.notes == ["4,096 NUL bytes of padding at the end of the file removed"]


def test_excel_sep_line_names_the_delimiter_and_is_skipped(sample, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_text("sep=;\n" + _csv_text(sample.iloc[:5], sep=";"))
    raw = _raw(path)
    assert raw.delimiter == ";" and list(raw.frame.columns) == COLUMNS
    pd.testing.assert_frame_equal(raw.frame, sample.iloc[:5], check_dtype=False)


def test_semicolon_file_with_decimal_commas(sample, tmp_path):
    frame = sample.iloc[:20].copy()
    frame["UnitPrice"] = frame["UnitPrice"].str.replace(".", ",")
    path = tmp_path / "eu.csv"
    path.write_text(_csv_text(frame, sep=";"))
    raw = _raw(path)
    assert raw.delimiter == ";"
    assert raw.frame["UnitPrice"].tolist() == frame["UnitPrice"].tolist()


def test_commas_inside_quotes_do_not_fool_the_sniffer(sample):
    frame = sample.iloc[:20].copy()
    frame["Description"] = frame["Description"] + "; SET OF 3, BOXED"
    assert sniff_delimiter(_csv_text(frame)) == ","
    assert sniff_delimiter(_csv_text(frame, sep=";")) == ";"


def test_duplicate_header_names_are_noted_and_must_be_chosen_in_the_map(sample, tmp_path):
    frame = sample.iloc[:5].copy()
    frame.insert(6, "UnitPrice ", frame["UnitPrice"])  # a second 'UnitPrice' once stripped
    path = tmp_path / "dup.csv"
    path.write_text(_csv_text(frame))
    raw = _raw(path)
    assert raw.duplicates == {"UnitPrice": ["UnitPrice", "UnitPrice.1"]}
    assert "column 'UnitPrice' appears 2 times in the header; read as 'UnitPrice', 'UnitPrice.1'" in raw.notes
    with pytest.raises(KitError, match=r"(?s)'UnitPrice' \(for unit_price\) appears 2 times.*unit_price: UnitPrice\.1"):
        kit.load_transactions(path)
    tx, _ = kit.load_transactions(path, {"unit_price": "UnitPrice.1"}, analysis="baskets")
    assert len(tx) == 5


def _titled(frame):
    return "Sales\nPeriod: 2010-12-01 to 2010-12-02\n\n" + _csv_text(frame)


def test_header_below_title_lines_is_found_with_a_note(sample, tmp_path):
    path = tmp_path / "titled.csv"
    path.write_text(_titled(sample))
    raw = _raw(path)
    pd.testing.assert_frame_equal(raw.frame, sample, check_dtype=False)
    assert raw.notes == ["the header is on line 4 (the lines above look like a title): read from there; "
                         "pass header: 4 to say so"]


@pytest.mark.parametrize("options", [{"header": 4}, {"skip_rows": 3}])
def test_header_and_skip_rows_options(sample, tmp_path, options):
    path = tmp_path / "titled.csv"
    path.write_text(_titled(sample))
    raw = _raw(path, **options)
    pd.testing.assert_frame_equal(raw.frame, sample, check_dtype=False)
    assert raw.notes == []


def test_header_false_still_works(sample, tmp_path):
    path = tmp_path / "bare.csv"
    path.write_text(_csv_text(sample).split("\n", 1)[1])
    raw = _raw(path, header=False)
    assert list(raw.frame.columns) == [f"column_{i}" for i in range(1, 9)]
    assert raw.frame["column_1"].tolist() == sample["InvoiceNo"].tolist()


@pytest.mark.parametrize("options, says", [({"header": 0}, "header must be true, false or the line number"),
                                           ({"header": 4, "skip_rows": 3}, "both header"),
                                           ({"skip_rows": -1}, "skip_rows must be")])
def test_bad_header_options(sample, tmp_path, options, says):
    path = tmp_path / "s.csv"
    path.write_text(_csv_text(sample))
    with pytest.raises(KitError, match="(?s)" + says):
        _raw(path, **options)


def test_loader_takes_header_from_a_map_file(sample, tmp_path):
    path = tmp_path / "titled.csv"
    path.write_text(_titled(sample))
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  customer_id: CustomerID\noptions:\n  header: 4\n")
    tx, report = kit.load_transactions(path, mapping)
    assert report.n_rows == 60 and not any("header is on" in n for n in report.notes)


def _workbook(path, sheets):
    with pd.ExcelWriter(path) as writer:
        for name, (frame, startrow) in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False, startrow=startrow)
    return path


def test_excel_sheets_with_the_same_header_are_stacked(sample, tmp_path):
    path = _workbook(tmp_path / "w.xlsx", {"Dec 1": (sample.iloc[:35], 0), "Dec 2": (sample.iloc[35:], 0),
                                           "Notes": (pd.DataFrame({"remark": ["checked"]}), 0)})
    raw = _raw(path)
    pd.testing.assert_frame_equal(raw.frame.astype(str), sample, check_dtype=False)
    assert "sheets stacked (same header): 'Dec 1' 35 rows, 'Dec 2' 25 rows" in raw.notes
    assert any("'Notes' ignored" in n for n in raw.notes)
    assert len(_raw(path, sheet="Dec 2").frame) == 25


def test_excel_sheets_with_different_tables_ask_for_the_sheet_option(sample, tmp_path):
    other = sample.iloc[:10][["InvoiceNo", "CustomerID", "Country"]]
    path = _workbook(tmp_path / "w.xlsx", {"Lines": (sample, 0), "Orders": (other, 0)})
    with pytest.raises(KitError, match=r"(?s)different headers.*'Lines' \(60 rows.*'Orders' \(10 rows.*sheet: 'Lines'"):
        _raw(path)


def test_excel_header_below_title_rows(sample, tmp_path):
    path = tmp_path / "w.xlsx"
    with pd.ExcelWriter(path) as writer:
        sample.to_excel(writer, index=False, startrow=3)
        writer.sheets["Sheet1"]["A1"] = "Sales report December 2010"
    raw = _raw(path)
    pd.testing.assert_frame_equal(raw.frame.astype(str), sample, check_dtype=False)
    assert raw.notes[0].startswith("the header is on row 4")
    assert len(_raw(path, header=4).frame) == 60


def test_missing_sheet_lists_the_sheets(sample, tmp_path):
    path = _workbook(tmp_path / "w.xlsx", {"Data": (sample, 0)})
    with pytest.raises(KitError, match="no sheet 'Sales'.*the sheets are: 'Data'"):
        _raw(path, sheet="Sales")


@pytest.mark.parametrize("text, says", [
    ("customer_id: A\ncustomer_id: B\n", r"line 2, column 1: key 'customer_id' is given twice"),
    ("customer_id: A\norder_id: A\n", r"file column 'A' is mapped to 2 canonical columns: customer_id, order_id"),
    ("custmer_id: A\n", r"'custmer_id' is not a canonical column name.*did you mean 'customer_id'"),
    ("customer_id: [A\n", r"line \d+, column \d+"),
    ("customer_id: !!python/object/apply:os.system ['echo hi']\n",
     r"the tag !!python/object/apply:os\.system is not allowed"),
    ("- customer_id\n- order_id\n", r"must be a non-empty mapping, got list"),
    ("columns:\n  customer_id: A\noptions:\n  sheet: null\n", r"'sheet: null' is ambiguous"),
    ("a: &x [1]\nb: *x\n", r"alias \*x is not allowed"),
    ("customer_id\uff1aCustomerID\n", r"line 1 holds a full-width colon '\uff1a' where ':' is meant"),
])
def test_bad_column_maps(tmp_path, text, says):
    path = tmp_path / "map.yaml"
    path.write_text(text)
    with pytest.raises(KitError, match="(?s)" + says):
        read_column_map(path)


def test_product_id_and_name_may_share_a_column(tmp_path):
    path = tmp_path / "map.yaml"
    path.write_text("columns:\n  order_id: basket\n  product_id: item\n  product_name: item\n")
    assert read_column_map(path)[0] == {"order_id": "basket", "product_id": "item", "product_name": "item"}


def test_alias_bomb_is_refused_fast(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}" + f",*{chr(97 + i)}" * 8 + "]" for i in range(8)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    assert path.stat().st_size < 400

    def too_slow(*_):
        raise TimeoutError("reading the map took more than 5 s")

    previous = signal.signal(signal.SIGALRM, too_slow)
    signal.alarm(5)
    try:
        with pytest.raises(KitError, match="alias .* is not allowed"):
            read_column_map(path)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_parquet_named_index_comes_back_as_a_column(sample, tmp_path):
    path = tmp_path / "indexed.parquet"
    sample.set_index("InvoiceNo").to_parquet(path)
    raw = _raw(path)
    pd.testing.assert_frame_equal(raw.frame[COLUMNS], sample)
    assert raw.notes == ["the file's index ('InvoiceNo', written by pandas) read as column"]


def test_stray_carriage_returns_in_an_lf_file_become_spaces(sample, tmp_path):
    mugs = sample["Description"].str.contains("MUG")
    messy = sample.assign(Description=sample["Description"].where(~mugs, sample["Description"] + "\r"))
    path = tmp_path / "cr.csv"
    path.write_text(_csv_text(messy), newline="")
    raw = _raw(path)
    assert len(raw.frame) == len(sample) and mugs.sum() >= 2
    pd.testing.assert_series_equal(raw.frame["Description"], messy["Description"].str.replace("\r", " "))
    lines = ", ".join(str(i + 2) for i in mugs[mugs].index[:10])
    assert raw.notes == [f"{mugs.sum()} stray carriage returns (\\r) inside a line replaced by a space: lines {lines}"]


NAMES = {"shift_jis": "ギフトタグ 赤", "euc_jp": "ポンド セーバー", "euc_kr": "빈티지 깡통", "big5": "禮品標籤 紅",
         "iso8859_2": "MISKA ŻÓŁTA"}


def test_shift_jis_with_kana_is_recognised(sample, tmp_path):
    frame = sample.assign(Description=sample["Description"].where(sample.index % 3 > 0, NAMES["shift_jis"]))
    path = tmp_path / "sjis.csv"
    path.write_bytes(_csv_text(frame).encode("shift_jis"))
    raw = _raw(path)
    assert raw.encoding == "cp932"
    pd.testing.assert_frame_equal(raw.frame, frame)


@pytest.mark.parametrize("encoding", ["euc_jp", "euc_kr", "big5", "iso8859_2"])
def test_a_guessed_legacy_encoding_is_noted_with_examples(sample, tmp_path, encoding):
    frame = sample.assign(Description=sample["Description"].where(sample.index % 3 > 0, NAMES[encoding]))
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(_csv_text(frame).encode(encoding))
    raw = _raw(path)
    guessed = [n for n in raw.notes if n.startswith(f"the encoding is a guess ({raw.encoding}); non-ASCII values ")]
    assert raw.encoding in ("gb18030", "cp1252") and len(guessed) == 1
    assert "give the encoding (e.g. encoding: shift_jis, big5, euc-kr" in guessed[0]
    assert repr(raw.frame["Description"][0]) in guessed[0]
    right = _raw(path, encoding=encoding.replace("_", "-"))
    assert right.frame["Description"][0] == NAMES[encoding] and not right.notes


def test_utf8_file_gets_no_guess_note(sample, tmp_path):
    path = tmp_path / "u.csv"
    path.write_text(_csv_text(sample.assign(Description="ギフトタグ 赤")), encoding="utf-8")
    assert _raw(path).notes == []


GROCERIES = Path(kit.__file__).parent.parent / "data" / "groceries.csv"


@pytest.fixture(scope="module")
def baskets():
    return [line.split(",") for line in GROCERIES.read_text().splitlines()[:80]]


def _basket_rows(raw):
    return raw.frame.groupby("basket", sort=False)["item"].apply(list).tolist()


def test_basket_lines_with_quoted_items(baskets, tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text("\n".join(",".join(f'"{i}"' for i in b) for b in baskets) + "\n")
    raw = _raw(path, layout="basket_lines")
    assert _basket_rows(raw) == baskets and raw.delimiter == ","


@pytest.mark.parametrize("separator", [";", "\t", "|"])
def test_basket_lines_item_separator_is_sniffed_and_noted(baskets, tmp_path, separator):
    path = tmp_path / "sep.csv"
    with_commas = [[i.replace("/", ", ") for i in b] for b in baskets]
    path.write_text("\n".join(separator.join(b) for b in with_commas) + "\n")
    raw = _raw(path, layout="basket_lines")
    assert _basket_rows(raw) == with_commas and raw.delimiter == separator
    shown = "tab" if separator == "\t" else repr(separator)
    assert raw.notes == [f"basket lines: items separated by {shown} (found in the file)"]
    given = _raw(path, layout="basket_lines", delimiter=",")
    assert given.delimiter == "," and _basket_rows(given) != with_commas


@pytest.mark.parametrize("sep", [",", "\t"])
def test_trailing_delimiter_on_data_rows_only(sample, tmp_path, sep):
    lines = _csv_text(sample, sep=sep).splitlines()
    path = tmp_path / "trailing.csv"
    path.write_text("\r\n".join([lines[0]] + [line + sep for line in lines[1:]]) + "\r\n")
    raw = _raw(path)
    pd.testing.assert_frame_equal(raw.frame, sample)
    assert any("data rows end with an extra empty field" in note for note in raw.notes)
    path.write_text("\r\n".join([lines[0]] + [line + sep + "x" for line in lines[1:]]) + "\r\n")
    with pytest.raises(KitError, match="some rows have 9 fields where the header line has 8; the extra field holds 'x'"):
        _raw(path)


def test_fullwidth_comma_delimiter(sample, tmp_path):
    frame = sample.assign(Description=sample["Description"].str.replace(",", " "))
    path = tmp_path / "fw.csv"
    path.write_bytes(_csv_text(frame).replace(",", "\uff0c").encode("gbk"))
    raw = _raw(path)
    assert raw.delimiter == "\uff0c"
    pd.testing.assert_frame_equal(raw.frame, frame)
    assert "the delimiter is the full-width comma '\uff0c' (U+FF0C)" in raw.notes
    assert sniff_delimiter("a，b,c\n1，2,3\n") == ","


def test_a_pipe_and_a_device_are_not_regular_files(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(KitError, match=r"pipe\.csv: not a regular file \(a named pipe\)"):
        _raw(fifo)
    with pytest.raises(KitError, match=r"/dev/zero: not a regular file \(a device\)"):
        _raw("/dev/zero")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_says_permission_denied(sample, tmp_path):
    path = tmp_path / "locked.csv"
    path.write_text(_csv_text(sample))
    path.chmod(0)
    try:
        with pytest.raises(KitError, match=r"cannot open .*locked\.csv: permission denied(?s:.*)permissions"):
            _raw(path)
    finally:
        path.chmod(0o600)


def test_large_file_of_nul_bytes_is_refused_from_its_head(tmp_path):
    path = tmp_path / "sparse.csv"
    with open(path, "wb") as handle:
        handle.truncate(2 * 1024 ** 3)
    with pytest.raises(KitError, match=r"binary data \(only NUL bytes in its first 64 KiB\)"):
        _raw(path)


def test_latin1_given_for_a_cp1252_file_is_noted(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_bytes("InvoiceNo,CustomerID,InvoiceDate,StockCode,Description,Quantity,UnitPrice\n"
                     "1,7,2011-12-01,A,€5 GIFT TAG,1,5\n".encode("cp1252"))
    _, report = kit.load_transactions(path, encoding="latin-1")
    assert any("control characters (U+0080)" in note and "cp1252" in note for note in report.notes)
