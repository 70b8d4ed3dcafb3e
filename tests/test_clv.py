"""Lifetime value: the published CDNOW fits, the classroom examples, properties, bad input."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit import KitError, clv


@pytest.fixture(scope="module")
def cdnow_calibration():
    tx, _ = kit.datasets.cdnow(sample=True)
    return clv.summary(tx, "1997-09-30", "1998-06-30", "W")


@pytest.fixture(scope="module")
def fitted(cdnow_calibration):
    return clv.BetaGeo().fit(cdnow_calibration), clv.GammaGamma().fit(cdnow_calibration)


def test_cdnow_summary_figures(cdnow_calibration):
    s = cdnow_calibration
    assert len(s) == 2_357
    assert s["frequency"].sum() == 2_457 and (s["frequency"] > 0).sum() == 946
    assert s["T"].max() == pytest.approx(38.857, abs=1e-3)  # first purchase 1997-01-01: 272 days
    assert s["duration_holdout"].iloc[0] == 39.0
    assert (s["recency"] <= s["T"]).all()


def test_bgnbd_reproduces_the_published_fit(fitted):
    model, _ = fitted
    published = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    for name, value in published.items():
        assert model.params_[name] == pytest.approx(value, rel=5e-3), name  # 3 significant figures
    assert model.log_likelihood_ == pytest.approx(-9582.4, abs=0.05)
    assert all(np.isfinite(v) and v > 0 for v in model.standard_errors_.values())


def test_gamma_gamma_reproduces_the_published_fit(fitted):
    _, spend = fitted
    for name, value in {"p": 6.25, "q": 3.74, "gamma": 15.44}.items():
        assert spend.params_[name] == pytest.approx(value, rel=5e-3), name


def test_classroom_examples():
    assert clv.lifetime_value(500, age=20) == 30_000 and clv.lifetime_value(1000, age=70) == 10_000
    assert clv.PROFIT_BY_TENURE.tolist() == [45, 99, 121, 144, 168]
    assert clv.discounted_clv(100, 0.8, 0.1) == pytest.approx(100 * 1.1 / 0.3)
    assert clv.discounted_clv(100, 0.8, 0.1, timing="end") == pytest.approx(100 * 0.8 / 0.3)
    series = sum(100 * (0.8 / 1.1) ** t for t in range(5))
    assert clv.discounted_clv(100, 0.8, 0.1, horizon=5) == pytest.approx(series)
    assert clv.discounted_clv(100, 0.8, 0.1, horizon=2000) == pytest.approx(clv.discounted_clv(100, 0.8, 0.1))
    assert clv.customer_equity(pd.Series([1.0, 2.0, 3.0])) == clv.customer_equity(mean_clv=2.0, customers=3)


def test_retention_and_cohorts():
    tx = pd.DataFrame({"customer_id": ["a", "b", "a", "c", "b"],
                       "order_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-03", "2024-02-10",
                                                     "2024-04-01"]), "amount": 1.0})
    rates = clv.retention_rate(tx, "M")
    assert rates.loc[pd.Period("2024-01", "M"), "retention"] == 0.5  # a came back in February, b did not
    assert pd.Period("2024-03", "M") not in rates.index  # no customers in March
    cohorts = clv.cohort_retention(tx, "M")
    assert cohorts.loc[pd.Period("2024-01", "M")].tolist()[:4] == [1.0, 0.5, 0.0, 0.5]


def test_validation_tables(fitted, cdnow_calibration):
    model, _ = fitted
    table = clv.holdout_by_frequency(model, cdnow_calibration)
    assert table["customers"].sum() == 2_357 and list(table.index) == list(range(8))
    assert table["predicted"].is_monotonic_increasing
    totals = clv.holdout_totals(model, cdnow_calibration)
    assert totals["actual"] == int(cdnow_calibration["frequency_holdout"].sum())
    assert abs(totals["error"]) < 0.2
    alive = clv.p_alive_matrix(model, max_frequency=5)
    assert alive.loc[0].eq(1.0).all() and ((alive >= 0) & (alive <= 1)).all().all()
    assert (alive.loc[3].diff().dropna() >= 0).all()  # later last purchase, likelier alive


def test_clv_properties(fitted, cdnow_calibration):
    model, spend = fitted
    data = cdnow_calibration.head(300)
    p = model.probability_alive(data)
    assert ((p >= 0) & (p <= 1)).all()
    previous = None
    for t in (0, 4, 13, 26, 52, 104):
        current = model.expected_purchases(t, data)
        assert (current >= 0).all()
        if previous is not None:
            assert (current >= previous - 1e-9).all()
        previous = current
    values = [clv.customer_lifetime_value(model, spend, data, 52, d)["clv"] for d in (0.0, 0.1, 0.3)]
    assert (values[0] >= values[1]).all() and (values[1] >= values[2]).all()
    assert (values[1] >= 0).all()
    longer = clv.customer_lifetime_value(model, spend, data, 104, 0.1)["clv"]
    assert (longer >= values[1] - 1e-9).all()
    expected = spend.expected_spend(data)
    assert np.allclose(expected[data["frequency"] == 0], 6.25 * 15.44 / 2.74, rtol=5e-3)


@settings(max_examples=40, deadline=None)
@given(st.floats(0, 30), st.floats(0, 1), st.floats(0.1, 60), st.floats(0, 100))
def test_p_alive_and_expectations_in_range(x, recency_share, T, t):
    model = clv.BetaGeo()
    model.params_ = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
    x = float(int(x))
    data = pd.DataFrame({"frequency": [x], "recency": [recency_share * T if x > 0 else 0.0], "T": [T]})
    model.data_ = data
    p = float(model.probability_alive(data).iloc[0])
    e = float(model.expected_purchases(t, data).iloc[0])
    assert 0.0 <= p <= 1.0
    assert e >= -1e-9 and np.isfinite(e)


def test_bad_input():
    tx = pd.DataFrame({"customer_id": ["a", "b", "c"], "order_date": pd.to_datetime(["2024-01-01", "2024-01-02",
                                                                                     "2024-01-03"]),
                       "amount": [1.0, 2.0, 3.0]})
    with pytest.raises(KitError, match="no customer bought more than once"):
        clv.BetaGeo().fit(clv.summary(tx))
    with pytest.raises(KitError, match="repeat purchase"):
        clv.GammaGamma().fit(clv.summary(tx))
    with pytest.raises(KitError, match="outside the data"):
        clv.summary(tx, calibration_end="2025-01-01")
    with pytest.raises(KitError, match="1 customer"):
        clv.BetaGeo().fit(clv.summary(tx[tx["customer_id"] == "a"]))
    with pytest.raises(KitError, match="not after calibration_end"):
        clv.summary(tx, "2024-01-02", "2024-01-01")
    with pytest.raises(KitError, match="unknown time unit"):
        clv.summary(tx, time_unit="Y")
    with pytest.raises(KitError, match="not fitted"):
        clv.BetaGeo().probability_alive()


def test_non_convergence_is_reported_and_penalizer_fits(online_retail):
    tx, _ = online_retail
    data = clv.summary(tx, "2011-06-30", "2011-12-09", "W")
    with pytest.raises(clv.ConvergenceError, match="did not converge.*a ran to the bound"):
        clv.BetaGeo().fit(data)
    model = clv.BetaGeo(penalizer=0.001).fit(data)
    assert 0 < model.params_["a"] < 1 and model.log_likelihood_ < 0
    spend = clv.GammaGamma().fit(data)
    assert spend.params_["q"] > 1


def test_full_cdnow_fits():
    tx, _ = kit.datasets.cdnow()
    data = clv.summary(tx, "1997-09-30")
    model = clv.BetaGeo().fit(data)
    assert len(data) == 23_570
    assert 0.2 < model.params_["r"] < 0.3 and 0.5 < model.params_["a"] < 1.0


def test_pareto_nbd_reproduces_the_published_fit(cdnow_calibration):
    model = clv.ParetoNBD().fit(cdnow_calibration)
    for name, value in {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}.items():
        assert model.params_[name] == pytest.approx(value, rel=5e-3), name
    assert model.log_likelihood_ == pytest.approx(-9595.0, abs=0.05)
    p = model.probability_alive()
    assert ((p >= 0) & (p <= 1)).all() and (p[cdnow_calibration["frequency"] == 0] < 1).all()
    short, long = model.expected_purchases(13), model.expected_purchases(52)
    assert (long >= short).all() and (short >= 0).all()
    assert abs(clv.holdout_totals(model, cdnow_calibration)["error"]) < 0.2


def _expected_if_alive_reference(r, alpha, a, b, x, T, t):
    """E_p[(1 − (1 + p t/(α+T))^−(r+x)) / p] with p ~ Beta(a, b+x): the model's definition, integrated directly."""
    from scipy import integrate
    from scipy.special import betaln
    u, k = t / (alpha + T), r + x
    value, _ = integrate.quad(lambda p: -np.expm1(-k * np.log1p(p * u)) / p if p > 0 else k * u, 0, 1,
                              weight="alg", wvar=(a - 1, b + x - 1), limit=200, epsabs=0, epsrel=1e-12)
    return value / np.exp(betaln(a, b + x))


@pytest.mark.parametrize("a, b", [(0.3, 0.4), (0.05, 0.05), (0.79, 2.43), (0.9999, 0.5), (1.0, 2.0), (1.3, 0.2),
                                  (8.0, 30.0)])
def test_bgnbd_expected_purchases_match_the_integral(a, b):
    """Includes a + b < 1 (2F1 negative for x = 0, where the log of it gave NaN) and a = 1 exactly."""
    from kit.clv.bgnbd import expected_purchases_if_alive
    for r, alpha in ((0.05, 0.05), (0.8, 4.4), (5.0, 100.0)):
        for x, T in ((0, 0.0), (0, 30.0), (1, 2.0), (3, 10.0), (40, 60.0), (300, 200.0)):
            for t in (1.0, 52.0, 1000.0):
                got = expected_purchases_if_alive((r, alpha, a, b), np.array([float(x)]), np.array([T]), t)[0]
                want = _expected_if_alive_reference(r, alpha, a, b, x, T, t)
                assert got == pytest.approx(want, rel=1e-6), (r, alpha, a, b, x, T, t)


def test_degenerate_fit_fails_its_check_and_tiny_a_huge_b_is_finite(online_retail):
    tx, _ = online_retail
    history = clv.summary(tx[tx["order_date"] >= "2011-11-01"], time_unit="W")
    model, _, _ = clv.fit_models(clv.summary(tx, time_unit="W"))
    check = model.check_
    assert not check.ok and "dropout_tiny" in check.codes and "silent_alive" in check.codes
    degenerate = clv.BetaGeo()
    degenerate.params_ = {"r": 0.798, "alpha": 4.538, "a": 6.5e-6, "b": 38065.6}  # the November 2011 fit
    degenerate.data_ = history
    e = degenerate.expected_purchases(52, history)
    assert e.notna().all() and (e >= 0).all()
    assert clv.model_history_problem(tx[tx["order_date"] >= "2011-11-01"]).startswith("the data span")


def test_cdnow_fit_passes_its_check(fitted, cdnow_calibration):
    model, _ = fitted
    check = clv.check_model(model, cdnow_calibration)
    assert check.ok and check.problems == [] and abs(check.holdout["error"]) < clv.validation.HOLDOUT_TOLERANCE


def test_failed_check_changes_the_action_list(tmp_path):
    from kit.actions import build_action_list as labelled

    def build_action_list(out_dir):
        table = labelled(out_dir)
        return table.set_axis(list(kit.actions.COLUMNS), axis=1)
    pd.DataFrame({"customer_id": ["a", "b"], "segment": ["x", "y"], "abc_grade": ["C", "A"], "action": ["p", "q"],
                  "monetary": [10.0, 500.0]}).to_csv(tmp_path / "grading_actions.csv", index=False)
    pd.DataFrame({"customer_id": ["a", "b"], "p_alive": [1.0, 0.2], "clv": [900.0, 1.0],
                  "value_class": ["A", "C"]}).to_csv(tmp_path / "clv.csv", index=False)
    assert build_action_list(tmp_path)["customer_id"].tolist() == ["a", "b"]  # ranked by CLV
    clv.ModelCheck(False, ["tiny dropout"], ["dropout_tiny"], "BG/NBD", {}, {}).write_json(tmp_path / "clv_model.json")
    table = build_action_list(tmp_path)
    assert table["customer_id"].tolist() == ["b", "a"]  # grade A first
    assert table["clv"].isna().all() and table["action_reason"].str.contains("dropout_tiny").all()
