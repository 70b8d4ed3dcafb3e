"""Engines: DuckDB (and Spark, where Java and pyspark are installed) give the pandas loader's and customer tables'
answers exactly, on the bundled data and on variants of it.

Spark tests run when pyspark and a Java runtime are present; ``KIT_REQUIRE_SPARK=1`` (CI) makes them fail instead
of skipping when they are not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

import kit
from kit.customers import purchases
from kit.data import datasets, engines
from kit.data.loading import load_transactions

from zoo import VARIANTS, _raw


def spark_ready() -> bool:
    import importlib.util

    return importlib.util.find_spec("pyspark") is not None and shutil.which("java") is not None


SPARK = pytest.mark.skipif(not spark_ready() and not os.environ.get("KIT_REQUIRE_SPARK"),
                           reason="pyspark and a Java runtime are needed (pip install '.[spark]')")


def assert_same_load(expected, found):
    """The same account, kept lines and suspects; set-aside rows by number and reason (their raw cells are as each
    reader read them)."""
    (tx0, r0), (tx1, r1) = expected, found
    pd.testing.assert_frame_equal(r0.summary(), r1.summary())
    pd.testing.assert_frame_equal(tx0, tx1)
    pd.testing.assert_frame_equal(r0.suspect_codes, r1.suspect_codes)
    pd.testing.assert_frame_equal(r0.set_aside[["row", "reason"]], r1.set_aside[["row", "reason"]],
                                  check_dtype=False)
    assert (r0.analysis, r0.available, r0.columns, r0.steps, r0.date_style) == \
        (r1.analysis, r1.available, r1.columns, r1.steps, r1.date_style)


@pytest.fixture(scope="module")
def retail():
    return datasets.path("online_retail"), datasets.column_map("online_retail")


@pytest.mark.parametrize("analysis", ["customers", "baskets"])
def test_duckdb_loads_online_retail_as_pandas(retail, analysis):
    expected = load_transactions(*retail, analysis=analysis)
    found = load_transactions(*retail, analysis=analysis, engine="duckdb")
    assert_same_load(expected, found)
    assert found[1].n_rows == 541_909


@pytest.mark.parametrize("variant", ["one_month", "basket_only", "no_order_ids", "no_products", "shifted_8_years"])
def test_duckdb_loads_csv_variants_as_pandas(tmp_path, variant):
    path = tmp_path / f"{variant}.csv"
    VARIANTS[variant](_raw()).to_csv(path, index=False)
    assert engines.choose_engine("duckdb", path) == "duckdb"
    assert_same_load(load_transactions(path), load_transactions(path, engine="duckdb"))


def test_duckdb_reads_a_glob_of_files_in_order(tmp_path):
    raw = VARIANTS["one_month"](_raw())
    half = len(raw) // 2
    raw.iloc[:half].to_parquet(tmp_path / "part_1.parquet")
    raw.iloc[half:].to_parquet(tmp_path / "part_2.parquet")
    raw.to_parquet(tmp_path / "all.parquet")
    tx, report = load_transactions(tmp_path / "all.parquet", engine="duckdb")
    tx_glob, report_glob = load_transactions(str(tmp_path / "part_*.parquet"), engine="duckdb")
    pd.testing.assert_frame_equal(tx, tx_glob)
    assert report_glob.n_rows == len(raw)


def test_duckdb_falls_back_to_the_pandas_reader(tmp_path):
    """CDNOW (blank-separated, no header) and a GBK file are read by pandas and cleaned in the engine."""
    cdnow = datasets.path("cdnow_sample"), datasets.column_map("cdnow_sample")
    assert_same_load(load_transactions(*cdnow), load_transactions(*cdnow, engine="duckdb"))
    path = tmp_path / "gbk.csv"
    frame = VARIANTS["one_week"](_raw()).assign(Country="英国")
    path.write_bytes(frame.to_csv(index=False).encode("gbk"))
    assert_same_load(load_transactions(path), load_transactions(path, engine="duckdb"))


def test_duckdb_customer_tables_equal_pandas():
    tx, _ = datasets.online_retail()
    for as_of in (None, "2011-06-01"):
        pd.testing.assert_frame_equal(kit.rfm_table(tx, as_of), kit.rfm_table(tx, as_of, engine="duckdb"))
    pd.testing.assert_frame_equal(purchases.summary(tx, "2011-09-30", "2011-12-09"),
                                  purchases.summary(tx, "2011-09-30", "2011-12-09", engine="duckdb"))


def test_period_tables_are_the_tables_of_the_periods_lines_in_every_engine():
    tx, _ = datasets.online_retail()
    period = ("2011-03-01", "2011-08-31")
    lines = tx[(tx["order_date"] >= "2011-03-01") & (tx["order_date"] < "2011-09-01")]
    expected = kit.rfm_table(lines, as_of="2011-09-01")
    pd.testing.assert_frame_equal(kit.customers.table.period_table(tx, period), expected)
    pd.testing.assert_frame_equal(kit.customers.table.period_table(tx, period, engine="duckdb"), expected)
    a, b = ("2011-01-01", "2011-06-30"), ("2011-07-01", "2011-12-09")
    by_pandas, by_duckdb = kit.grade_migration(tx, a, b), kit.grade_migration(tx, a, b, engine="duckdb")
    pd.testing.assert_frame_equal(by_pandas.customers, by_duckdb.customers)
    with pytest.raises(kit.KitError, match="no customer purchases between 2012-01-01 and 2012-02-29"):
        kit.customers.table.period_table(tx, ("2012-01-01", "2012-02-29"), engine="duckdb")


def test_duckdb_retention_tables_equal_pandas():
    tx, _ = datasets.online_retail()
    pd.testing.assert_frame_equal(kit.clv.retention_rate(tx, "Q"), kit.clv.retention_rate(tx, "Q", engine="duckdb"))
    pd.testing.assert_frame_equal(kit.clv.cohort_retention(tx, "M", drop_partial=True),
                                  kit.clv.cohort_retention(tx, "M", drop_partial=True, engine="duckdb"))


def test_the_auto_rule():
    assert engines.choose_engine("auto", datasets.path("online_retail")) == "pandas"  # 23 MB
    assert engines.choose_engine(None, "") == "pandas"
    with pytest.raises(kit.KitError, match="unknown engine 'polars'"):
        engines.choose_engine("polars", None)


@SPARK
def test_spark_loads_and_aggregates_as_pandas(tmp_path):
    path = tmp_path / "one_month.csv"
    VARIANTS["one_month"](_raw()).to_csv(path, index=False)
    expected = load_transactions(path)
    assert_same_load(expected, load_transactions(path, engine="spark"))
    tx = expected[0]
    pd.testing.assert_frame_equal(kit.rfm_table(tx), kit.rfm_table(tx, engine="spark"))
    pd.testing.assert_frame_equal(purchases.summary(tx), purchases.summary(tx, engine="spark"))
    pd.testing.assert_frame_equal(kit.clv.retention_rate(tx, "W"), kit.clv.retention_rate(tx, "W", engine="spark"))


def _front_page(out):
    from kit.present.report import headline_figures

    figures, tables = headline_figures(out)
    return figures, {title: table.to_dict() for title, table in tables.items()}


@pytest.fixture(scope="module")
def month_csv(tmp_path_factory):
    path = tmp_path_factory.mktemp("engines") / "one_month.csv"
    VARIANTS["one_month"](_raw()).to_csv(path, index=False)
    return path


def _run(engine, data, out, *options):
    from kit.run import cli

    code = cli.main(["run", "--data", str(data), "--engine", engine, "--out", str(out), "--only", "03",
                     "--no-progress", *options])
    assert code == 0
    return _front_page(out)


@pytest.fixture(scope="module")
def pandas_front_page(month_csv, tmp_path_factory):
    out = tmp_path_factory.mktemp("pandas_run")
    found = _run("pandas", month_csv, out)
    assert (out / "prepared" / "customers.parquet").exists()  # loaded once, read back by the notebook
    return found


@pytest.mark.parametrize("engine", ["duckdb", pytest.param("spark", marks=SPARK)])
def test_kit_run_gives_the_same_front_page_with_every_engine(month_csv, pandas_front_page, tmp_path, engine):
    """Spark runs with its kernel's memory limit below what Java reserves (about 10 GB of address space): the limit
    is lifted for the Java process, whose threads otherwise fail to start and leave the notebook waiting."""
    assert pandas_front_page[0]  # customers, revenue, top-20 share
    options = ["--memory-limit", "6G"] if engine == "spark" else []
    assert _run(engine, month_csv, tmp_path / engine, *options) == pandas_front_page


@SPARK
def test_spark_fpgrowth_finds_the_kits_itemsets(month_csv):
    from kit.basket.engines import spark_frequent_itemsets

    tx, _ = load_transactions(month_csv, analysis="baskets")
    ours = kit.frequent_itemsets(kit.baskets(tx), 0.03)
    theirs = spark_frequent_itemsets(tx, 0.03)
    assert len(ours) > 20
    assert dict(zip(ours["itemsets"], ours["support"].round(12))) == \
        dict(zip(theirs["itemsets"], theirs["support"].round(12)))


def test_a_prepared_folder_is_read_instead_of_the_file(tmp_path, month_csv):
    """What kit run saved is what the notebooks get, for each analysis; other loader options load the file."""
    from kit.data.prepared import save_prepared

    tx, report = load_transactions(month_csv)
    save_prepared(tmp_path, tx.head(7), report)
    found, found_report = datasets.load(str(month_csv), prepared=str(tmp_path), analysis="customers")
    assert len(found) == 7 and found_report.summary().equals(report.summary())
    assert len(datasets.load(str(month_csv), prepared=str(tmp_path))[0]) == 7  # the default analysis
    ids, _ = datasets.load(str(month_csv), prepared=str(tmp_path), analysis="customers", only=["order_id"])
    pd.testing.assert_frame_equal(ids, found[["order_id"]])  # read from the prepared file, one column
    ids, _ = datasets.load(str(month_csv), analysis="baskets", only=["order_id", "product_id"])
    assert list(ids.columns) == ["order_id", "product_id"] and len(ids) > 7  # loaded, then the columns kept
    with pytest.raises(kit.KitError, match="only= names 'invoice', not a column"):
        datasets.load(str(month_csv), prepared=str(tmp_path), only=["invoice"])
    assert len(datasets.load(str(month_csv), prepared=str(tmp_path), analysis="baskets")[0]) > 7  # not saved
    assert len(datasets.load(str(month_csv), prepared=str(tmp_path), steps=[])[0]) > 7


def test_duckdb_builds_the_kits_baskets():
    from kit.basket.engines import engine_baskets, item_counts, pair_counts

    tx, _ = datasets.online_retail(analysis="baskets")
    expected, found = kit.baskets(tx), engine_baskets(tx, "duckdb")
    assert (expected.matrix != found.matrix).nnz == 0
    assert expected.items.equals(found.items) and expected.basket_ids.equals(found.basket_ids)
    assert expected.names.equals(found.names)
    assert item_counts(tx, "duckdb").sort_index().equals(expected.item_counts.sort_index())
    pairs = pair_counts(tx, "duckdb", min_count=400)
    itemsets = kit.frequent_itemsets(expected, 400 / expected.n_baskets, max_len=2)
    two = itemsets[itemsets["itemsets"].map(len) == 2]
    assert len(pairs) == len(two) > 10
    assert {frozenset((a, b)): n for a, b, n in pairs.itertuples(index=False)} == \
        {s: round(p * expected.n_baskets) for s, p in zip(two["itemsets"], two["support"])}


@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_lines_false_or_a_file(tmp_path, month_csv, engine):
    """kit validate keeps no lines; kit run has the engine write them, read back with the same dtypes."""
    tx, report = load_transactions(month_csv, engine=engine)
    empty, same = load_transactions(month_csv, engine=engine, lines=False)
    assert empty.empty and list(empty.columns) == list(tx.columns) and same.summary().equals(report.summary())
    _, _ = load_transactions(month_csv, engine=engine, lines=tmp_path / "lines.parquet")
    from kit.data.engine_loading import canonical_types

    written = canonical_types(pd.read_parquet(tmp_path / "lines.parquet"), set(report.columns))
    pd.testing.assert_frame_equal(written, tx)


@SPARK
def test_spark_fetches_lines_in_ranges(tmp_path, month_csv, monkeypatch):
    """Spark brings the kept lines back a range of rows at a time, in order, to pandas or to a file."""
    from kit.data.engine_loading import canonical_types

    expected = load_transactions(month_csv)
    monkeypatch.setattr(engines, "SPARK_FETCH_ROWS", 300)  # the month's 3,360 kept lines in about eleven ranges
    fetched = []
    ranges = engines.SparkEngine._row_ranges
    monkeypatch.setattr(engines.SparkEngine, "_row_ranges",
                        lambda self, *a: (fetched.append(len(chunk)) or chunk for chunk in ranges(self, *a)))
    assert_same_load(expected, load_transactions(month_csv, engine="spark"))
    assert len(fetched) >= 8 and max(fetched) < 2 * 300 and sum(fetched) == len(expected[0])
    load_transactions(month_csv, engine="spark", lines=tmp_path / "lines.parquet")
    written = canonical_types(pd.read_parquet(tmp_path / "lines.parquet"), set(expected[1].columns))
    pd.testing.assert_frame_equal(written, expected[0])


@pytest.mark.parametrize("engine", ["pandas", "duckdb"])
def test_each_analysis_from_one_reading(tmp_path, month_csv, engine, monkeypatch):
    """kit run reads the file once and cleans it per analysis: the same tables and reports as a load per analysis."""
    from kit.data import loading, readers
    from kit.data.engine_loading import canonical_types
    from kit.data.loading import load_each_analysis

    expected = {a: load_transactions(month_csv, analysis=a, engine=engine) for a in ("customers", "baskets")}
    reads = []
    monkeypatch.setattr(loading, "read_raw", lambda *a, **k: reads.append(a) or readers.read_raw(*a, **k))
    read_file = engines.DuckDBEngine.read
    monkeypatch.setattr(engines.DuckDBEngine, "read", lambda self, *a, **k: reads.append(a) or read_file(self, *a, **k))
    found = list(load_each_analysis(month_csv, engine=engine))
    assert len(reads) == 1 and [r.analysis for _, r in found] == ["customers", "baskets"]
    for tx, report in found:
        assert_same_load(expected[report.analysis], (tx, report))
    written = list(load_each_analysis(month_csv, engine=engine, lines=tmp_path, analysis="baskets"))
    assert [r.analysis for _, r in written] == ["baskets", "customers"] and all(tx.empty for tx, _ in written)
    lines = canonical_types(pd.read_parquet(tmp_path / "baskets.lines.parquet"), set(written[0][1].columns))
    pd.testing.assert_frame_equal(lines, expected["baskets"][0])


def test_a_glob_is_read_by_duckdb_and_refused_by_pandas(tmp_path):
    VARIANTS["one_week"](_raw()).to_parquet(tmp_path / "a.parquet")
    pattern = str(tmp_path / "*.parquet")
    assert engines.choose_engine("auto", pattern) == "duckdb"
    with pytest.raises(kit.KitError, match="read by the duckdb or spark engine"):
        load_transactions(pattern, engine="pandas")


def test_duckdb_removes_its_spill_folder_when_dropped_and_at_exit():
    engine = engines.DuckDBEngine()
    spill = engine.spill
    engine.con.execute("SELECT 1")
    assert os.path.isdir(spill)
    del engine
    assert not os.path.exists(spill)

    code = "from kit.data import engines; print(engines.connect('duckdb').spill)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    spill = done.stdout.strip()
    assert spill and not os.path.exists(spill)


@pytest.mark.parametrize("engine", ["duckdb", pytest.param("spark", marks=SPARK)])
def test_kit_run_closes_its_engine_before_the_notebooks(tmp_path, month_csv, engine):
    """Once the data are prepared the runner's engine holds nothing while the notebooks run: DuckDB's connection and
    spill folder are gone, Spark's Java process has ended; the next use starts a new session."""
    from kit.run.runner import prepare_data

    session = engines.connect(engine)  # the session prepare_data will use
    if engine == "spark":
        from pyspark import SparkContext

        java = SparkContext._gateway.proc
    report = prepare_data(month_csv, None, None, engine, tmp_path / "prepared", log=lambda *a: None)
    assert report.n_kept == 3360 and (tmp_path / "prepared" / "customers.parquet").exists()
    assert engine not in engines._SESSIONS
    if engine == "duckdb":
        assert not os.path.exists(session.spill)
    else:
        assert java.poll() is not None
    assert engines.connect(engine).query("SELECT 1 AS a")["a"].tolist() == [1]
