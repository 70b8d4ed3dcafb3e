"""The command line: `kit validate`, `kit params`, `kit run` end to end on small files."""

import subprocess
import sys

import pandas as pd
import pytest

import kit

ZH = {"customer_id": "客户编号", "order_id": "订单号", "order_date": "下单时间", "product_id": "商品编号",
      "product_name": "商品名称", "quantity": "数量", "unit_price": "单价"}


def kit_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kit", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


@pytest.fixture(scope="module")
def gbk_file(tmp_path_factory):
    """A small synthetic shop as a GBK CSV with Chinese headers (a few odd ones), and its YAML column map."""
    folder = tmp_path_factory.mktemp("gbk")
    raw, _ = kit.datasets.synthetic(n_customers=80, seed=5)
    odd = {"customer_id": "顾客", "order_date": "成交时间"}  # not among the usual names: the map must say
    raw.rename(columns={**ZH, **odd}).to_csv(folder / "销售.csv", index=False, encoding="gbk")
    mapping = folder / "map.yaml"
    mapping.write_text("customer_id: 顾客\norder_date: 成交时间\n", encoding="utf-8")
    return folder / "销售.csv", mapping


def test_validate_prints_the_report(gbk_file):
    data, mapping = gbk_file
    result = kit_cli("validate", data, "--columns", mapping, "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert "gb18030" in result.stdout and "取消订单" in result.stdout and "保留" in result.stdout


def test_validate_bad_input_exits_2_with_a_readable_message(gbk_file, tmp_path):
    data, _ = gbk_file
    result = kit_cli("validate", data)  # without the map only basket analyses are possible
    assert result.returncode == 0 and "analysis: baskets (possible: baskets)" in result.stdout
    result = kit_cli("validate", data, "--analysis", "customers")
    assert result.returncode == 2
    assert "required column 'customer_id' not found" in result.stderr and "columns found" in result.stderr
    assert "Traceback" not in result.stderr
    result = kit_cli("validate", tmp_path / "missing.csv")
    assert result.returncode == 2 and "file not found" in result.stderr


def test_params_lists_types_defaults_and_help():
    result = kit_cli("params", "00")
    assert result.returncode == 0, result.stderr
    line = next(ln for ln in result.stdout.splitlines() if "top_n" in ln)
    assert "int" in line and "10" in line and "best-selling" in line


def test_run_writes_notebook_html_and_csv(gbk_file, tmp_path):
    data, mapping = gbk_file
    out = tmp_path / "out"
    result = kit_cli("run", "--data", data, "--columns", mapping, "--lang", "zh", "--out", out, "--only", "00",
                     "-p", "top_n", "5")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "1 of 1 notebooks succeeded, 0 skipped" in result.stdout
    for name in ("00_data_preparation.ipynb", "00_data_preparation.html", "cleaning_report.csv",
                 "set_aside_rows.csv", "run_summary.tsv"):
        assert (out / name).exists(), name
    html = (out / "00_data_preparation.html").read_text(encoding="utf-8")
    assert "kit.params.check_shared" not in html  # code cells are not rendered
    assert "Data preparation" in html
    report = pd.read_csv(out / "cleaning_report.csv", encoding="utf-8-sig")
    assert report.iloc[-1, 0] == "合计" and report.iloc[-1, 1] == len(pd.read_csv(data, encoding="gbk"))


def test_run_rejects_unknown_parameters_and_wrong_types_before_running(tmp_path):
    result = kit_cli("run", "--out", tmp_path, "-p", "min_suport", "0.1")
    assert result.returncode == 2 and "unknown parameter 'min_suport'" in result.stderr
    result = kit_cli("run", "--out", tmp_path, "-p", "top_n", "many")
    assert result.returncode == 2 and "parameter 'top_n' must be int, got 'many'" in result.stderr
    assert not list(tmp_path.glob("*.ipynb"))


def test_run_with_broken_data_exits_non_zero_with_the_reason(tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_text("who,when,what\n1,2024-01-01,3\n")
    result = kit_cli("run", "--data", broken, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "broken.csv" in result.stderr and "not found" in result.stderr and "Traceback" not in result.stderr


def test_run_reports_the_failing_notebook_and_cell(gbk_file, tmp_path):
    data, mapping = gbk_file
    result = kit_cli("run", "--data", data, "--columns", mapping, "--out", tmp_path, "--only", "00",
                     "-p", "top_n", "500")
    assert result.returncode == 1
    assert "notebook 00_data_preparation failed at cell" in result.stderr
    assert "KitError" in result.stderr and "'top_n' is 500, outside [1, 100]" in result.stderr


def test_a_gbk_file_with_chinese_headers_runs_every_notebook(gbk_file, tmp_path):
    data, mapping = gbk_file
    result = kit_cli("run", "--data", data, "--columns", mapping, "--lang", "zh", "--out", tmp_path, "--no-progress")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "5 of 5 notebooks succeeded, 1 skipped" in result.stdout  # the quiz is about the bundled data
    actions = pd.read_csv(tmp_path / "customer_actions.csv", encoding="utf-8-sig")
    assert {"客户编号", "RFM 分群", "价值矩阵类别", "交叉销售推荐", "建议行动", "理由"} <= set(actions.columns)
    assert len(actions) == kit.load_transactions(data, mapping)[0]["customer_id"].nunique()
