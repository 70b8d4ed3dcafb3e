"""End to end: `kit run` on the bundled examples skips what a data set cannot support and writes the report."""

import subprocess
import sys

import pandas as pd


def kit_cli(*args):
    return subprocess.run([sys.executable, "-m", "kit", *map(str, args)], capture_output=True, text=True,
                          timeout=900)


def test_groceries_runs_only_the_basket_notebook(tmp_path):
    result = kit_cli("run", "--example", "groceries", "--out", tmp_path, "--no-progress", "-p", "min_support", "0.005")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "1 of 1 notebooks succeeded, 5 skipped" in result.stdout
    assert "skipped 03_value_grading: needs customer ids with dates and amounts" in result.stdout
    assert (tmp_path / "02_market_basket.html").exists() and not (tmp_path / "03_value_grading.ipynb").exists()
    placement = pd.read_csv(tmp_path / "placement.csv", encoding="utf-8-sig")
    assert len(placement) > 0 and "whole milk" in set(placement["name A"]) | set(placement["name B"])
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "02_market_basket.html" in index and "needs order dates" in index


def test_cdnow_runs_everything_but_baskets(tmp_path):
    result = kit_cli("run", "--example", "cdnow_sample", "--out", tmp_path, "--no-progress", "--lang", "zh")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "4 of 4 notebooks succeeded, 2 skipped" in result.stdout
    assert "skipped 02_market_basket: needs orders with products" in result.stdout
    for name in ("00_data_preparation", "01_customer_targeting", "03_value_grading", "04_customer_lifetime_value"):
        assert (tmp_path / f"{name}.html").exists(), name
    actions = pd.read_csv(tmp_path / "customer_actions.csv", encoding="utf-8-sig", dtype={"客户编号": str})
    assert len(actions) == 2_357 and actions["客户编号"].is_unique
    assert actions["建议行动"].notna().all() and actions["客户终身价值"].notna().all()
    assert (tmp_path / "customer_actions.xlsx").exists()
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "客户资产" in index and "CDNOW_sample.txt" in index
