"""The customer action list and the run report, built from hand-made exports (no notebook runs)."""

from types import SimpleNamespace

import pandas as pd
import pytest

import kit
from kit.present import actions, export, report


@pytest.fixture()
def exports(tmp_path):
    """Exports as the notebooks write them, headers in Chinese for some, English keys for others."""
    grading = pd.DataFrame({"customer_id": ["00001", "00002", "00003", "00004", "00005"],
                            "recency": [3, 200, 10, 40, 90], "frequency": [20, 2, 5, 3, 1],
                            "monetary": [9000.0, 400.0, 1500.0, 700.0, 30.0],
                            "segment": ["重要价值客户", "一般挽留客户", "重要发展客户", "一般价值客户", "一般挽留客户"],
                            "abc_grade": ["A", "C", "A", "B", "C"],
                            "action": ["重点维护", "减少投入", "提高购买频率", "提高客单价", "减少投入"]})
    export.write_csv(grading, tmp_path / "grading_actions.csv", lang="zh")
    clv = pd.DataFrame({"customer_id": ["00001", "00002", "00003", "00004"], "p_alive": [0.3, 0.9, 0.95, 0.8],
                        "expected_purchases": [1.0, 0.2, 3.0, 1.0], "expected_spend": [100.0, 50, 80, 40],
                        "clv": [800.0, 10.0, 900.0, 60.0], "value_class": ["A", "F", "B", "E"]})
    export.write_csv(clv, tmp_path / "clv.csv", lang="zh")
    targets = pd.DataFrame({"customer_id": ["00001", "00002", "00003", "00004", "00005"],
                            "relationship_value": [2000.0, -50.0, 300.0, 80.0, 5.0], "segment": [3, 1, 0, 2, 1],
                            "segment_name": ["high monetary", "lapsed", "recent", "low lines", "lapsed"],
                            "lookalike_score": [0.9, 0.1, 0.8, 0.7, 0.2], "selected": [True, False, False, False, False],
                            "action": [kit.present.label(k, "zh") for k in ("act_serve_first", "act_cut_cost",
                                                                    "act_develop_lookalike", "act_develop_lookalike",
                                                                    "act_standard")]})
    export.write_csv(targets, tmp_path / "targets.csv", lang="zh")
    offers = pd.DataFrame({"customer_id": ["00004", "00004", "00005"], "rank": [2, 1, 1],
                           "item": ["p2", "p1", "p3"], "name": ["cups", "plates", "=HYPERLINK(x)"],
                           "score": [0.6, 0.8, 0.5], "lift": [3.0, 4.0, 2.0], "rule": ["a => b", "c => d", "e => f"]})
    export.write_csv(offers, tmp_path / "cross_sell.csv", lang="zh")
    return tmp_path


def test_action_list_joins_the_exports_and_decides(exports):
    table = actions.build_action_list(exports, lang="en")
    by_id = table.set_index("customer id")
    assert list(by_id.index) == ["00001", "00003", "00004", "00002", "00005"]  # selected first, then by CLV
    assert by_id.loc["00001", "recommended action"] == kit.present.label("act_win_back", "en")  # selected, P(alive) 0.3
    assert "30%" in by_id.loc["00001", "reason"]
    assert by_id.loc["00002", "recommended action"] == kit.present.label("act_cut_cost", "en")
    assert by_id.loc["00003", "recommended action"] == kit.present.label("act_invest_protect", "en")  # class B
    assert "900" in by_id.loc["00003", "reason"]
    assert by_id.loc["00004", "recommended action"] == kit.present.label("act_develop_lookalike", "en")
    assert by_id.loc["00004", "cross-sell offers"] == "plates; cups"  # by rank
    assert by_id.loc["00005", "cross-sell offers"] == "=HYPERLINK(x)"  # the neutralising quote removed on reading
    assert by_id.loc["00005", "recommended action"] == kit.present.label("act_cross_sell", "en")
    assert by_id.loc["00002", "RFM segment"] == "一般挽留客户" and by_id.loc["00001", "ABC grade"] == "A"
    assert by_id.loc["00003", "P(alive)"] == 0.95 and bool(by_id.loc["00001", "selected"])


def test_action_list_files_are_safe_and_excel_ready(exports):
    paths = actions.write_action_list(exports, lang="zh")
    assert [p.name for p in paths] == ["customer_actions.csv", "customer_actions.xlsx"]
    raw = (exports / "customer_actions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    text = raw.decode("utf-8-sig")
    assert "客户编号" in text and "建议行动" in text
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
    sheets = pd.read_excel(exports / "customer_actions.xlsx", sheet_name=None)
    assert set(sheets) == {"客户行动清单", "grading_actions", "clv", "targets", "cross_sell"}
    assert len(sheets["客户行动清单"]) == 5


def test_action_list_with_some_exports_missing(tmp_path):
    export.write_csv(pd.DataFrame({"customer_id": ["7"], "p_alive": [0.2], "clv": [5.0], "value_class": ["F"]}),
                     tmp_path / "clv.csv")
    table = actions.build_action_list(tmp_path)
    assert table.loc[0, "recommended action"] == kit.present.label("act_standard", "en")
    assert actions.build_action_list(tmp_path / "empty").empty


def test_csv_injection_is_neutralised():
    frame = pd.DataFrame({"a": ["=1+1", "+cmd", "-x", "@sum", "safe", "\tTAB"], "n": [-1, 2, 3, 4, 5, 6]})
    safe = export.safe_frame(frame)
    assert safe["a"].tolist() == ["'=1+1", "'+cmd", "'-x", "'@sum", "safe", "'\tTAB"]
    assert safe["n"].tolist() == [-1, 2, 3, 4, 5, 6]


def test_index_page(exports):
    export.write_csv(pd.DataFrame({"name_a": ["cups"], "name_b": ["plates"], "baskets": [12], "lift": [3.5]}),
                     exports / "placement.csv")
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
    pd.DataFrame({"customer_id": ["a", "b"], "selected": [True, True], "lapsed": [False, False],
                  "relationship_value": [50.0, 20.0], "segment_name": ["x", "y"], "lookalike_score": [None, None],
                  "action": ["serve first", "serve first"]}).to_csv(tmp_path / "targets.csv", index=False)
    kit.clv.ModelCheck(False, ["too short"], ["insufficient_history"], "BG/NBD", {}, {}).write_json(
        tmp_path / "clv_model.json")
    table = actions.build_action_list(tmp_path).set_axis(list(actions.COLUMNS), axis=1)
    reasons = table["action_reason"]
    assert not reasons.str.contains("RFM|ABC|past spend").any(), reasons.tolist()
    assert reasons.str.contains("ranked by relationship value").all()
    assert reasons.str.contains("the list covers every eligible customer").all()
    # with the grading export, its ABC grade and spend are cited; a list that leaves someone out says nothing of it
    pd.DataFrame({"customer_id": ["a", "b", "c"], "segment": ["s", "s", "t"], "abc_grade": ["A", "B", "C"],
                  "action": ["p", "p", "q"], "monetary": [9.0, 5.0, 1.0]}).to_csv(
        tmp_path / "grading_actions.csv", index=False)
    pd.DataFrame({"customer_id": ["a", "b", "c"], "selected": [True, False, False], "lapsed": [False, False, True],
                  "relationship_value": [50.0, 20.0, 1.0], "segment_name": ["x", "y", "y"],
                  "lookalike_score": [None] * 3, "action": ["serve first", "", ""]}).to_csv(
        tmp_path / "targets.csv", index=False)
    reasons = actions.build_action_list(tmp_path).set_axis(list(actions.COLUMNS), axis=1)["action_reason"]
    assert reasons.str.contains("ranked by ABC grade, past spend and relationship value").all()
    assert not reasons.str.contains("covers every").any()


def test_front_page_says_when_no_pairs_pass_and_when_min_support_was_raised(tmp_path):
    report.write_basket_summary(tmp_path, min_support=0.02, min_support_requested=0.01, min_confidence=0.5,
                                min_lift=1.0, pairs=0, rules=0)
    figures = dict(report.headline_figures(tmp_path)[0])
    assert figures["product pairs"] == "none pass min_support 0.02 / min_confidence 0.5"
    assert figures["min_support"] == "raised from 0.01 to 0.02"
    report.write_basket_summary(tmp_path, min_support=0.01, min_support_requested=0.01, min_confidence=0.5,
                                min_lift=1.0, pairs=3, rules=4)
    assert report.headline_figures(tmp_path)[0] == []
    assert "min_support" not in dict(report.headline_figures(tmp_path, "zh")[0])
