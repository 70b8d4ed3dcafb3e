"""The command line: `kit validate`, `kit params`, `kit run` end to end on small files."""

import os
import signal
import subprocess
import sys

import pandas as pd
import pytest

import kit
from kit.run.params import CONSTRAINTS, check, notebook_parameters
from kit.run.runner import MANIFEST, list_notebooks

ZH = {"customer_id": "客户编号", "order_id": "订单号", "order_date": "下单时间", "product_id": "商品编号",
      "product_name": "商品名称", "quantity": "数量", "unit_price": "单价"}


def kit_cli(*args, cwd=None, notebooks=None):
    env = {**os.environ, "KIT_NOTEBOOKS": str(notebooks)} if notebooks else None
    return subprocess.run([sys.executable, "-m", "kit", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=600, env=env)


TEST_NOTEBOOKS = {  # tiny notebooks, each with the shared parameters the runner fills
    "10_raises": "raise ValueError('bad thing happened')",
    "11_dies": "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)",
    "12_too_big": "import numpy as np\nx = np.empty(6 * 1024**3, dtype=np.uint8)  # 6 GB of address space",
    "13_sleeps": "import time\ntime.sleep(600)",
    "14_fine": "import numpy as np, pyarrow\nprint('support', min_support, np.ones(3).sum())\n"
               "print('arrow memory:', pyarrow.default_memory_pool().backend_name)",
}


@pytest.fixture(scope="module")
def test_notebooks(tmp_path_factory):
    """A folder of tiny numbered notebooks (for KIT_NOTEBOOKS): one raises, one's kernel dies, one allocates too
    much, one sleeps, one is fine."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    folder = tmp_path_factory.mktemp("notebooks")
    for name, body in TEST_NOTEBOOKS.items():
        parameters = new_code_cell('lang: str = "en"  # language\nout_dir: str = "out"  # folder\n'
                                   'min_support: float = 0.01  # a float parameter', metadata={"tags": ["parameters"]})
        nb = new_notebook(cells=[parameters, new_code_cell(body)])
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nb, folder / f"{name}.ipynb")
    return folder


@pytest.fixture(scope="module")
def small_data(tmp_path_factory):
    """A small synthetic shop as a CSV, so the runner's data check is quick."""
    path = tmp_path_factory.mktemp("small") / "shop.csv"
    kit.data.datasets.synthetic(n_customers=30, seed=2)[0].to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def gbk_file(tmp_path_factory):
    """A small synthetic shop as a GBK CSV with Chinese headers (a few odd ones), and its YAML column map."""
    folder = tmp_path_factory.mktemp("gbk")
    raw, _ = kit.data.datasets.synthetic(n_customers=80, seed=5)
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
    assert "required columns 'customer_id', 'order_date' not found" in result.stderr  # every missing column at once
    assert "columns found" in result.stderr
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
    assert "kit.run.params.check" not in html  # code cells are not rendered
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


@pytest.mark.parametrize("name, value, message", [
    ("top_n", "500", "parameter 'top_n' is 500, outside [1, 200]"),
    ("min_support", "5", "parameter 'min_support' is 5.0, outside (0, 1]"),
    ("lang", "fr", "parameter 'lang' is 'fr', not one of 'zh', 'en'"),
    ("bins", "0", "parameter 'bins' is 0, outside [2, 10]"),
    ("as_of", "2011-13-01", "parameter 'as_of' is '2011-13-01', not empty or a date YYYY-MM-DD"),
    ("abc_cut_a", "0.99", "parameter 'abc_cut_a' is 0.99, not below abc_cut_b (0.95)"),
])
def test_an_out_of_range_parameter_stops_the_run_before_any_notebook(tmp_path, name, value, message):
    out = tmp_path / "out"
    result = kit_cli("run", "--out", out, "-p", name, value)
    assert result.returncode == 2 and message in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not out.exists()  # nothing ran, nothing was written


def test_every_notebook_parameter_has_constraints_its_default_satisfies():
    for nb in list_notebooks():
        declared = notebook_parameters(nb)
        assert set(declared) <= set(CONSTRAINTS), nb.stem
        check(**{name: p.value for name, p in declared.items() if name not in ("data_path", "columns")})


def test_params_shows_the_allowed_values():
    result = kit_cli("params", "02")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.strip().startswith("min_support"))
    assert "allowed: a number in (0, 1]" in lines[at + 1]


def test_a_failing_notebook_is_reported_and_the_run_goes_on(test_notebooks, small_data, tmp_path):
    """An exception, a dead kernel, an allocation beyond the memory limit and a timeout each fail their notebook
    with the reason; the next notebook still runs; the summary and the front page are written."""
    result = kit_cli("run", "--data", small_data, "--out", tmp_path, "--no-progress", "--memory-limit", "3G",
                     "--timeout", "25", "-p", "min_support", "1e-3", notebooks=test_notebooks)
    assert result.returncode == 1, result.stderr
    summary = pd.read_csv(tmp_path / "run_summary.tsv", sep="\t").set_index("notebook")
    assert summary["status"].to_dict() == {"10_raises": "failed", "11_dies": "failed", "12_too_big": "failed",
                                           "13_sleeps": "failed", "14_fine": "ok"}
    assert "raised ValueError: bad thing happened" in summary.loc["10_raises", "message"]
    assert "the kernel died in cell 2: killed by SIGKILL" in summary.loc["11_dies", "message"]
    assert "raised MemoryError" in summary.loc["12_too_big", "message"]
    assert "timed out after 25 s" in summary.loc["13_sleeps", "message"]
    assert "notebook 11_dies failed: the kernel died" in result.stderr and "Traceback" not in result.stderr
    front = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "10_raises: failed — cell" in front and "href='14_fine.html'" in front
    fine = (tmp_path / "14_fine.ipynb").read_text(encoding="utf-8")
    assert "support 0.001 3.0" in fine  # -p min_support 1e-3 arrived as a float
    assert "arrow memory: system" in fine  # under a limit Arrow allocates from the system (KERNEL_ENVIRONMENT)


def test_without_the_memory_limit_the_big_allocation_succeeds(test_notebooks, small_data, tmp_path):
    result = kit_cli("run", "--data", small_data, "--out", tmp_path, "--no-progress", "--memory-limit", "0",
                     "--only", "12", notebooks=test_notebooks)
    assert result.returncode == 0, result.stderr  # np.empty reserves address space only: it is the limit that fails


def test_ctrl_c_stops_the_run_and_writes_what_finished(test_notebooks, small_data, tmp_path):
    import json
    import time

    env = {**os.environ, "KIT_NOTEBOOKS": str(test_notebooks), "PYTHONUNBUFFERED": "1"}
    run = subprocess.Popen([sys.executable, "-m", "kit", "run", "--data", str(small_data), "--out", str(tmp_path),
                            "--no-progress", "--only", "10", "13", "14"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, env=env,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    sleeping = tmp_path / "13_sleeps.ipynb"
    for _ in range(300):  # until papermill has started the sleeping cell
        try:
            cells = json.loads(sleeping.read_text(encoding="utf-8"))["cells"]
            if cells[-1]["metadata"]["papermill"]["start_time"]:
                break
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.5)
    run.send_signal(signal.SIGINT)
    _, err = run.communicate(timeout=120)
    assert run.returncode == 130, err
    statuses = pd.read_csv(tmp_path / "run_summary.tsv", sep="\t").set_index("notebook")
    assert statuses["status"].to_dict() == {"10_raises": "failed", "13_sleeps": "failed", "14_fine": "skipped"}
    assert statuses.loc["13_sleeps", "message"] == "interrupted (Ctrl-C) in cell 2"
    assert "not run: the run was interrupted" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_a_new_run_clears_the_previous_runs_files_only(test_notebooks, small_data, tmp_path):
    (tmp_path / "my_notes.txt").write_text("mine")
    first = kit_cli("run", "--data", small_data, "--out", tmp_path, "--only", "10", notebooks=test_notebooks)
    assert first.returncode == 1 and (tmp_path / "10_raises.html").exists()
    second = kit_cli("run", "--data", small_data, "--out", tmp_path, "--only", "14", notebooks=test_notebooks)
    assert second.returncode == 0, second.stderr
    assert not (tmp_path / "10_raises.html").exists() and not (tmp_path / "10_raises.ipynb").exists()
    assert (tmp_path / "my_notes.txt").read_text() == "mine"  # not the kit's: kept, and not in its manifest
    assert "10_raises" not in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "my_notes.txt" not in (tmp_path / MANIFEST).read_text()
    (tmp_path / MANIFEST).unlink()  # an earlier run the kit cannot tell from other files: refused, not mixed
    third = kit_cli("run", "--data", small_data, "--out", tmp_path, "--only", "14", notebooks=test_notebooks)
    assert third.returncode == 2 and "holds an earlier run" in third.stderr


def test_an_unwritable_out_or_conflicting_options_exit_2_before_running(small_data, tmp_path):
    blocker = tmp_path / "a_file"
    blocker.write_text("x")
    for out in (blocker, blocker / "out"):
        result = kit_cli("run", "--out", out, "--only", "00")
        assert result.returncode == 2 and str(blocker) in result.stderr and "Traceback" not in result.stderr
    result = kit_cli("run", "--data", small_data, "-p", "data_path", tmp_path / "other.csv", "--out", tmp_path / "o")
    assert result.returncode == 2 and "--data" in result.stderr and "disagree" in result.stderr
    result = kit_cli("run", "--lang", "en", "-p", "lang", "zh", "--out", tmp_path / "o")
    assert result.returncode == 2 and "disagree" in result.stderr and not (tmp_path / "o").exists()


def test_validate_never_shows_a_traceback(tmp_path):
    for name, content in {"broken.xlsx": b"not a zip file", "broken.parquet": b"PAR1 garbage",
                          "empty.csv": b""}.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = kit_cli("validate", path)
        assert result.returncode == 2, (name, result.stdout)
        assert name in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_a_gbk_file_with_chinese_headers_runs_every_notebook(gbk_file, tmp_path):
    data, mapping = gbk_file
    result = kit_cli("run", "--data", data, "--columns", mapping, "--lang", "zh", "--out", tmp_path, "--no-progress")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "5 of 5 notebooks succeeded, 1 skipped" in result.stdout  # the quiz is about the bundled data
    actions = pd.read_csv(tmp_path / "customer_actions.csv", encoding="utf-8-sig")
    assert {"客户编号", "RFM 分群", "价值矩阵类别", "交叉销售推荐", "建议行动", "理由"} <= set(actions.columns)
    assert len(actions) == kit.load_transactions(data, mapping)[0]["customer_id"].nunique()
