"""The bundled data load with the published figures (data/README.md), and the synthetic truth holds."""

import pandas as pd
import pytest

import kit
from kit.data import datasets

STEPS_QUOTED = ["cancellation", "non_positive_quantity", "non_positive_price"]


@pytest.fixture(scope="module")
def raw_retail():
    """Every Online Retail line, nothing set aside (basket analyses keep lines without a customer)."""
    return datasets.online_retail(analysis="baskets", steps=[])


def test_online_retail_raw_figures(raw_retail):
    tx, report = raw_retail
    assert report.n_rows == report.n_kept == 541_909
    assert tx["order_id"].nunique() == 25_900
    assert tx["product_id"].nunique() == 4_070
    assert tx["customer_id"].nunique() == 4_372
    assert tx["country"].nunique() == 38
    assert tx["amount"].sum() == pytest.approx(9_747_747.93, abs=0.01)
    assert tx["customer_id"].isna().sum() == 135_080


def test_online_retail_cancellations_and_duplicates():
    _, report = datasets.online_retail(analysis="baskets", steps=["cancellation"])
    assert report.counts["cancellation"] == 9_288
    _, report = datasets.online_retail(analysis="baskets", steps=["duplicate"])
    assert report.counts["duplicate"] == 5_268


def test_online_retail_after_dropping_returns():
    tx, _ = datasets.online_retail(analysis="baskets", steps=["cancellation", "non_positive_quantity"])
    assert tx["order_id"].nunique() == 20_728
    assert tx["product_id"].nunique() == 3_941
    tx, _ = datasets.online_retail(analysis="baskets", steps=STEPS_QUOTED)
    assert tx["order_id"].nunique() == 19_960
    assert tx["product_id"].nunique() == 3_922
    assert tx["customer_id"].nunique() == 4_338


def test_online_retail_customer_lines():
    tx, report = datasets.online_retail(steps=STEPS_QUOTED)
    assert len(tx) == 397_884
    assert tx["order_id"].nunique() == 18_532
    assert tx["product_id"].nunique() == 3_665
    assert tx["customer_id"].nunique() == 4_338
    assert tx["amount"].sum() == pytest.approx(8_911_407.90, abs=0.01)
    assert report.n_kept + report.n_set_aside == 541_909


def test_online_retail_default_cleaning(online_retail):
    tx, report = online_retail
    assert report.analysis == "customers" and report.available == ("customers", "baskets")
    assert report.n_kept + report.n_set_aside == 541_909
    assert report.counts["missing_customer_id"] == 135_080
    assert report.counts["cancelled_order"] > 0
    assert not tx["order_id"].str.startswith("C").any()
    assert (tx["quantity"] > 0).all() and (tx["unit_price"] > 0).all()
    assert not tx["product_id"].str.upper().isin(["POST", "M", "DOT", "BANK CHARGES"]).any()
    assert not tx.duplicated().any()
    assert tx["customer_id"].str.fullmatch(r"\d{5}").all()  # a nullable integer id, read as text
    # the 80,995 birdies ordered and cancelled on 2011-12-09 are gone with their cancellation
    assert not ((tx["product_id"] == "23843") & (tx["quantity"] == 80_995)).any()


def test_cdnow_master():
    tx, report = datasets.cdnow()
    assert report.n_kept == 69_659
    assert tx["customer_id"].nunique() == 23_570
    assert tx["amount"].sum() == pytest.approx(2_500_315.63, abs=0.01)
    assert tx["order_date"].min() == pd.Timestamp("1997-01-01")
    assert tx["order_date"].max() == pd.Timestamp("1998-06-30")
    assert report.available == ("customers",)


def test_cdnow_sample():
    tx, report = datasets.cdnow(sample=True)
    assert report.n_kept == 6_919
    assert tx["customer_id"].nunique() == 2_357
    # one order per customer and day: calibration period to 1997-09-30 has 2,457 repeat purchases
    calibration = tx[tx["order_date"] <= "1997-09-30"]
    orders = calibration.groupby("customer_id")["order_id"].nunique()
    assert (orders - 1).sum() == 2_457
    assert (orders > 1).sum() == 946


def test_groceries():
    baskets = datasets.groceries()
    items = pd.Series([item for basket in baskets for item in basket])
    assert len(baskets) == 9_835
    assert items.nunique() == 169
    assert max(map(len, baskets)) == 32
    assert round(len(items) / len(baskets), 3) == 4.409
    top = items.value_counts().head(5)
    assert top.to_dict() == {"whole milk": 2513, "other vegetables": 1903, "rolls/buns": 1809, "soda": 1715,
                             "yogurt": 1372}


def test_synthetic_truth_matches_what_loading_finds():
    raw, truth = datasets.synthetic(n_customers=300, seed=3)
    tx, report = kit.load_transactions(raw)
    assert {k: int(report.counts[k]) for k in truth.set_aside} == truth.set_aside
    assert report.n_kept == truth.n_clean_lines
    assert truth.segments.value_counts().to_dict() == truth.segment_sizes
    assert sum(truth.segment_sizes.values()) == 300
    last = tx.groupby("customer_id")["order_date"].max()
    churned = truth.churned
    assert (last.reindex(churned.index).dt.floor("min") == churned.dt.floor("min")).all()
    assert len(churned) > 0 and set(truth.segments[churned.index]) <= {"champions", "loyal", "occasional"}
    for _, pair in truth.pairs.iterrows():
        assert pair["observed_lift"] == pytest.approx(pair["designed_lift"], rel=0.15)
        assert pair["designed_lift"] > 1.2


def test_synthetic_is_deterministic_and_can_be_clean():
    a, _ = datasets.synthetic(n_customers=40, seed=7)
    b, _ = datasets.synthetic(n_customers=40, seed=7)
    pd.testing.assert_frame_equal(a, b)
    clean, truth = datasets.synthetic(n_customers=40, seed=7, dirt={})
    _, report = kit.load_transactions(clean)
    assert report.n_set_aside == 0 and truth.set_aside == {}


def test_best_sellers_without_amounts_rank_by_orders_and_show_the_item_name(online_retail):
    from kit.data import explore
    # member-day groceries: an item name as the product id, no amounts, no quantities
    tx = pd.DataFrame({"customer_id": ["1", "1", "2", "3", "3"], "order_id": ["a", "a", "b", "c", "d"],
                       "product_id": ["rolls/buns", "whole milk", "whole milk", "whole milk", "soda"],
                       "product_name": [None] * 5, "amount": [float("nan")] * 5, "quantity": [float("nan")] * 5})
    top = explore.top_products(tx)
    assert explore.rank_measure(tx) == "orders" and "revenue" not in top and "quantity" not in top
    assert top["product_name"].tolist() == ["whole milk", "rolls/buns", "soda"] and top["orders"].tolist() == [3, 1, 1]
    with pytest.raises(ValueError, match="no amounts"):
        explore.top_products(tx, by="revenue")
    retail, _ = online_retail  # with amounts: by revenue, as before
    ranked = explore.top_products(retail, n=5)
    assert explore.rank_measure(retail) == "revenue" and ranked["revenue"].is_monotonic_decreasing
    assert ranked.equals(explore.top_products(retail, n=5, by="revenue"))
    assert ranked["product_name"].notna().all()
