"""The customer action list and the run report, built from hand-made results (no notebook runs)."""

from types import SimpleNamespace

import pandas as pd
import pytest

import kit
from kit.present import actions, export, report, results


@pytest.fixture()
def exports(tmp_path):
    """Results as the notebooks save them: keys and canonical column names."""
    save = results.save_table
    save(tmp_path, "grading", pd.DataFrame({
        "customer_id": ["00001", "00002", "00003", "00004", "00005"], "monetary": [9000.0, 400.0, 1500.0, 700.0, 30.0],
        "segment": ["important_value", "general_retention", "important_development", "general_value",
                    "general_retention"],
        "abc_grade": ["A", "C", "A", "B", "C"],
        "action": ["act_keep_vip", "act_reduce", "act_raise_frequency", "act_raise_spend", "act_reduce"]}))
    save(tmp_path, "clv", pd.DataFrame({"customer_id": ["00001", "00002", "00003", "00004"],
                                        "p_alive": [0.3, 0.9, 0.95, 0.8], "clv": [800.0, 10.0, 900.0, 60.0],
                                        "value_class": ["A", "F", "B", "E"]}))
    save(tmp_path, "targets", pd.DataFrame({
        "customer_id": ["00001", "00002", "00003", "00004", "00005"],
        "relationship_value": [2000.0, -50.0, 300.0, 80.0, 5.0],
        "segment": ["high monetary", "lapsed", "recent", "low lines", "lapsed"],
        "lookalike_score": [0.9, 0.1, 0.8, 0.7, 0.2], "selected": [True, False, False, False, False],
        "lapsed": [False] * 5,
        "action": ["act_serve_first", "act_cut_cost", "act_develop_lookalike", "act_develop_lookalike",
                   "act_standard"]}))
    save(tmp_path, "cross_sell", pd.DataFrame({
        "customer_id": ["00004", "00004", "00005"], "rank": [2, 1, 1], "item": ["p2", "p1", "p3"],
        "name": ["cups", "plates", "=HYPERLINK(x)"], "score": [0.6, 0.8, 0.5], "rule": ["a => b", "c => d", "e => f"]}))
    return tmp_path


def test_action_list_joins_the_results_and_decides_in_keys(exports):
    listed = actions.build_action_list(exports)
    by_id = listed.table.set_index("customer_id")
    assert list(by_id.index) == ["00001", "00003", "00004", "00002", "00005"]  # selected first, then by CLV
    assert by_id.loc["00001", "action"] == "act_win_back"  # selected, P(alive) 0.3
    assert by_id.loc["00002", "action"] == "act_cut_cost"
    assert by_id.loc["00003", "action"] == "act_invest_protect"  # value class B
    assert by_id.loc["00004", "action"] == "act_develop_lookalike"
    assert by_id.loc["00004", "cross_sell"] == "plates; cups"  # by rank
    assert by_id.loc["00005", "action"] == "act_cross_sell"
    assert by_id.loc["00002", "rfm_segment"] == "general_retention" and by_id.loc["00001", "abc_grade"] == "A"
    assert by_id.loc["00003", "p_alive"] == 0.95 and bool(by_id.loc["00001", "selected"])


def test_action_list_words_come_from_the_labels(exports):
    table = actions.action_table(actions.build_action_list(exports), "en").set_index("customer id")
    assert table.loc["00001", "recommended action"] == kit.present.label("act_win_back", "en")
    assert "30%" in table.loc["00001", "reason"] and "900" in table.loc["00003", "reason"]
    assert table.loc["00005", "cross-sell offers"] == "=HYPERLINK(x)"
    zh = actions.action_table(actions.build_action_list(exports), "zh").set_index("客户编号")
    assert zh.loc["00002", "RFM 分群"] == kit.present.label("general_retention", "zh")
    assert zh.loc["00002", "建议行动"] == kit.present.label("act_cut_cost", "zh")


def test_action_list_files_are_safe_and_excel_ready(exports):
    paths = actions.write_action_list(exports, lang="zh")
    assert [p.name for p in paths] == ["customer_actions.csv", "customer_actions.xlsx"]
    raw = (exports / "customer_actions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    text = raw.decode("utf-8-sig")
    assert "客户编号" in text and "建议行动" in text
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
    sheets = pd.read_excel(exports / "customer_actions.xlsx", sheet_name=None)
    assert set(sheets) == {"客户行动清单", "grading", "clv", "targets", "cross_sell"}
    assert len(sheets["客户行动清单"]) == 5


def test_a_list_above_the_cap_gives_capped_sheets_and_a_note(exports):
    export.write_csv(pd.DataFrame({"a": [1]}), exports / "clv.csv")  # the notebook's file for people, when it exists
    actions.write_action_list(exports, lang="en", max_rows=3)
    csv = pd.read_csv(exports / "customer_actions.csv", dtype=str)
    assert csv["customer id"].tolist() == ["00001", "00003", "00004", "00002", "00005"]  # every row, in order
    sheets = pd.read_excel(exports / "customer_actions.xlsx", sheet_name=None, dtype=str)
    assert list(sheets) == ["note", "customer action list", "grading", "clv", "targets", "cross_sell"]
    assert sheets["customer action list"]["customer id"].tolist() == ["00001", "00003", "00004"]  # highest priority
    assert sheets["customer action list"].columns.tolist() == csv.columns.tolist()
    assert sheets["grading"]["customer id"].tolist() == ["00001", "00002", "00003"]  # its own order
    assert "recommended action" in sheets["grading"] and len(sheets["cross_sell"]) == 3  # localised; not capped
    notes = sheets["note"]["note"].tolist()
    assert notes[0] == kit.present.label("xlsx_capped_sheet", "en").format(
        sheet="customer action list", shown=3, total=5, file="customer_actions.csv")
    assert notes[1] == kit.present.label("xlsx_capped_order", "en")
    assert "“clv” holds the first 3 of 4 rows; clv.csv holds" in notes[3]
    assert "results/targets.parquet" in notes[4] and len(notes) == 5  # no CSV for people: the result file


def test_the_cap_notes_are_in_chinese_too(exports):
    actions.write_action_list(exports, lang="zh", max_rows=4)
    sheets = pd.read_excel(exports / "customer_actions.xlsx", sheet_name=None, dtype=str)
    assert list(sheets)[:2] == ["说明", "客户行动清单"] and len(sheets["客户行动清单"]) == 4
    assert sheets["说明"]["说明"].tolist()[0] == "工作表“客户行动清单”只列出全部 5 行中的前 4 行; customer_actions.csv 包含全部行。"
    assert len(pd.read_csv(exports / "customer_actions.csv")) == 5


def test_a_list_under_the_cap_has_no_note(exports, monkeypatch):
    monkeypatch.setattr(actions, "XLSX_MAX_ROWS", 5)  # the default cap; 5 rows are not above it
    actions.write_action_list(exports, lang="en")
    sheets = pd.read_excel(exports / "customer_actions.xlsx", sheet_name=None)
    assert list(sheets) == ["customer action list", "grading", "clv", "targets", "cross_sell"]
    assert len(sheets["customer action list"]) == 5 and len(sheets["grading"]) == 5
    monkeypatch.setattr(actions, "XLSX_MAX_ROWS", 4)
    actions.write_action_list(exports, lang="en")
    assert list(pd.read_excel(exports / "customer_actions.xlsx", sheet_name=None))[0] == "note"


def test_files_for_people_are_never_read_back(exports):
    # a stale or edited people's file (translated headers, other customers) changes nothing
    export.write_csv(pd.DataFrame({"客户编号": ["99999"], "预测终身价值": [1e9]}), exports / "clv.csv")
    export.write_csv(pd.DataFrame({"客户编号": ["99999"]}), exports / "targets.csv")
    table = actions.build_action_list(exports).table
    assert "99999" not in set(table["customer_id"]) and len(table) == 5


def test_action_list_with_some_results_missing(tmp_path):
    results.save_table(tmp_path, "clv", pd.DataFrame({"customer_id": ["7"], "p_alive": [0.2], "clv": [5.0],
                                                      "value_class": ["F"]}))
    assert actions.build_action_list(tmp_path).table.loc[0, "action"] == "act_standard"
    assert actions.build_action_list(tmp_path / "empty").table.empty


def test_csv_injection_is_neutralised():
    frame = pd.DataFrame({"a": ["=1+1", "+cmd", "-x", "@sum", "safe", "\tTAB"], "n": [-1, 2, 3, 4, 5, 6]})
    safe = export.safe_frame(frame)
    assert safe["a"].tolist() == ["'=1+1", "'+cmd", "'-x", "'@sum", "safe", "'\tTAB"]
    assert safe["n"].tolist() == [-1, 2, 3, 4, 5, 6]


def test_index_page(exports):
    results.save_table(exports, "placement", pd.DataFrame({"name_a": ["cups"], "name_b": ["plates"],
                                                           "baskets": [12], "lift": [3.5]}))
    actions.write_action_list(exports, lang="zh")
    _, cleaning = kit.load_transactions(kit.data.datasets.synthetic(n_customers=30, seed=1)[0])
    result = SimpleNamespace(out=exports, report=cleaning, results=[
        SimpleNamespace(name="00_data_preparation", ok=True, seconds=3.0, skipped="", error=""),
        SimpleNamespace(name="02_market_basket", ok=True, seconds=0.0, skipped="needs orders with products", error=""),
        SimpleNamespace(name="04_customer_lifetime_value", ok=False, seconds=1.0, skipped="", error="cell 3 raised X")])
    page = report.write_index(result, lang="zh").read_text(encoding="utf-8")
    assert "客户价值分析报告" in page and "<a href='00_data_preparation.html'>" in page
    assert "needs orders with products" in page and "cell 3 raised X" in page
    assert "11,630.00" in page  # revenue: the sum of monetary
    assert ">1,770<" in page  # customer equity: the sum of CLV, a model figure shown to 4 significant figures
    assert "plates" in page and "customer_actions.csv" in page and "取消订单" in page
    assert "<script" not in page and "http" not in page  # static, opens from disk


def test_a_failed_model_reason_cites_only_what_exists(tmp_path):
    # one day of data: no grading export, the model refused, the target list takes everyone
    results.save_table(tmp_path, "targets", pd.DataFrame({
        "customer_id": ["a", "b"], "selected": [True, True], "lapsed": [False, False],
        "relationship_value": [50.0, 20.0], "segment": ["x", "y"], "lookalike_score": [None, None],
        "action": ["act_serve_first", "act_serve_first"]}))
    results.save_figures(tmp_path, "clv_model", kit.clv.ModelCheck([kit.clv.Problem("history_short")]).to_dict())
    reasons = actions.action_table(actions.build_action_list(tmp_path), "en")["reason"]
    assert not reasons.str.contains("RFM|ABC|past spend").any(), reasons.tolist()
    assert reasons.str.contains("ranked by relationship value").all()
    assert reasons.str.contains("the list covers every eligible customer").all()
    # with the grading export, its ABC grade and spend are cited; a list that leaves someone out says nothing of it
    results.save_table(tmp_path, "grading", pd.DataFrame({
        "customer_id": ["a", "b", "c"], "segment": ["s", "s", "t"], "abc_grade": ["A", "B", "C"],
        "action": ["act_keep_vip", "act_keep_vip", "act_reduce"], "monetary": [9.0, 5.0, 1.0]}))
    results.save_table(tmp_path, "targets", pd.DataFrame({
        "customer_id": ["a", "b", "c"], "selected": [True, False, False], "lapsed": [False, False, True],
        "relationship_value": [50.0, 20.0, 1.0], "segment": ["x", "y", "y"], "lookalike_score": [None] * 3,
        "action": ["act_serve_first", "act_standard", "act_standard"]}))
    reasons = actions.action_table(actions.build_action_list(tmp_path), "en")["reason"]
    assert reasons.str.contains("ranked by ABC grade, past spend and relationship value").all()
    assert not reasons.str.contains("covers every").any()


def test_front_page_says_when_no_pairs_pass_and_when_min_support_was_raised(tmp_path):
    results.save_figures(tmp_path, "basket", dict(min_support=0.02, min_support_requested=0.01, min_confidence=0.5,
                                                  min_lift=1.0, pairs=0, rules=0))
    figures = dict(report.headline_figures(tmp_path)[0])
    assert figures["product pairs"] == "none pass min_support 0.02 / min_confidence 0.5"
    assert figures["min_support"] == "raised from 0.01 to 0.02"
    results.save_figures(tmp_path, "basket", dict(min_support=0.01, min_support_requested=0.01, min_confidence=0.5,
                                                  min_lift=1.0, pairs=3, rules=4))
    assert report.headline_figures(tmp_path)[0] == []
    assert "min_support" not in dict(report.headline_figures(tmp_path, "zh")[0])
