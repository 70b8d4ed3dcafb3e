"""Lifetime value: the published CDNOW fits, the classroom examples, properties, bad input."""

import copy

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kit
from kit import KitError, clv
from kit.present.clv import fit_notes, problem_text, problem_texts
from kit.present.results import load_figures, save_figures


@pytest.fixture(scope="module")
def cdnow_calibration():
    tx, _ = kit.data.datasets.cdnow(sample=True)
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


def test_a_fit_on_many_customers_stops_at_a_tolerance_its_sums_can_reach(cdnow_calibration, fitted):
    """Copying every customer 200 times leaves the maximum where it was; the polish must not run to its evaluation cap
    because the log-likelihood, 200 times larger, can no longer be known to 1e-10."""
    many = pd.concat([cdnow_calibration] * 200, ignore_index=True)
    spend = clv.GammaGamma().fit(many)
    assert spend.fit_result_.iterations < 2_000  # the cap is 20,000 iterations of the polish
    for name, value in fitted[1].params_.items():
        assert spend.params_[name] == pytest.approx(value, rel=1e-4), name


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


def test_cohort_ages_not_reached_are_blank_and_left_out_of_the_average():
    tx = pd.DataFrame({"customer_id": ["a", "b", "a", "c", "d", "c"],
                       "order_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-03", "2024-02-10",
                                                     "2024-03-01", "2024-03-15"]), "amount": 1.0})
    cohorts = clv.cohort_retention(tx, "M")
    assert cohorts.loc[pd.Period("2024-01", "M")].tolist() == [1.0, 0.5, 0.0]  # reached, nobody bought: 0
    assert pd.isna(cohorts.loc[pd.Period("2024-02", "M"), 2])  # the data end one month after February
    assert cohorts.loc[pd.Period("2024-03", "M")].isna().tolist() == [False, True, True]
    assert cohorts[1].mean() == pytest.approx((0.5 + 1.0) / 2)  # January and February only, not March
    assert cohorts[2].mean() == 0.0 and cohorts[2].count() == 1
    complete = clv.cohort_retention(tx, "M", drop_partial=True)  # the data end on 15 March
    assert complete[1].count() == 1 and complete[2].count() == 0 and complete[0].tolist() == [1.0, 1.0, 1.0]


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
    with pytest.raises(KitError, match="before the first purchase"):
        clv.summary(tx, calibration_end="2023-12-31")
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
    tx, _ = kit.data.datasets.cdnow()
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
    check = clv.fit_models(clv.summary(tx, time_unit="W")).check
    assert not check.ok and "dropout_tiny" in check.codes and "silent_alive" in check.codes
    degenerate = clv.BetaGeo()
    degenerate.params_ = {"r": 0.798, "alpha": 4.538, "a": 6.5e-6, "b": 38065.6}  # the November 2011 fit
    degenerate.data_ = history
    e = degenerate.expected_purchases(52, history)
    assert e.notna().all() and (e >= 0).all()
    problem = clv.model_history_problem(tx[tx["order_date"] >= "2011-11-01"])
    assert problem.code == "history_short"
    assert problem_text(problem.code, problem.figures, "en").startswith("the data cover")


def test_cdnow_fit_passes_its_check(fitted, cdnow_calibration):
    model, _ = fitted
    check = clv.check_model(model, cdnow_calibration)
    assert check.ok and check.problems == [] and abs(check.holdout["error"]) < clv.validation.HOLDOUT_TOLERANCE


@pytest.mark.parametrize("missing", [float("nan"), None, float("inf"), "absent"])
def test_a_non_finite_standard_error_of_any_parameter_fails_the_check(fitted, cdnow_calibration, missing):
    model, _ = fitted
    for name in model.params_:
        broken = copy.copy(model)
        broken.standard_errors_ = dict(model.standard_errors_)
        if missing == "absent":
            del broken.standard_errors_[name]
        else:
            broken.standard_errors_[name] = missing
        check = clv.check_model(broken, cdnow_calibration)
        assert not check.ok and check.codes == ["standard_errors"] and check.problems[0].figures["parameters"] == [name]
        assert f"of {name} not finite" in problem_texts(check)[0]
        assert check.to_dict()["ok"] is False


def test_failed_check_changes_the_action_list(tmp_path):
    from kit.present.actions import action_table, build_action_list
    from kit.present.results import save_table

    save_table(tmp_path, "grading", pd.DataFrame({"customer_id": ["a", "b"], "segment": ["x", "y"],
                                                  "abc_grade": ["C", "A"], "action": ["act_reduce", "act_keep_vip"],
                                                  "monetary": [10.0, 500.0]}))
    save_table(tmp_path, "clv", pd.DataFrame({"customer_id": ["a", "b"], "p_alive": [1.0, 0.2], "clv": [900.0, 1.0],
                                              "value_class": ["A", "C"]}))
    assert build_action_list(tmp_path).table["customer_id"].tolist() == ["a", "b"]  # ranked by CLV
    failed = clv.ModelCheck([clv.Problem("dropout_tiny", {"mean_dropout": 1e-5, "min_dropout": 1e-3})])
    save_figures(tmp_path, "clv_model", failed.to_dict())
    listed = build_action_list(tmp_path)
    assert listed.table["customer_id"].tolist() == ["b", "a"]  # grade A first
    assert listed.table["clv"].isna().all() and listed.failed_codes == ["dropout_tiny"]
    assert action_table(listed, "en")["reason"].str.contains("dropout_tiny").all()


CDNOW_PARETO = {"r": 0.553, "alpha": 10.578, "s": 0.606, "beta": 11.669}


def _pareto_log_death_reference(r, alpha, s, beta, x, t_x, T):
    """log ∫_{t_x}^T (α+τ)^−(r+x) (β+τ)^−(s+1) dτ: the model's death at τ, rates integrated out, summed by quad."""
    from scipy import integrate

    def log_f(tau):
        return -(r + x) * np.log(alpha + tau) - (s + 1) * np.log(beta + tau)
    scale = 1 / ((r + x) / (alpha + t_x) + (s + 1) / (beta + t_x))
    points = [t_x + scale * k for k in 2.0 ** np.arange(-3, 12) if t_x + scale * k < T]
    value, _ = integrate.quad(lambda tau: np.exp(log_f(tau) - log_f(t_x)), t_x, T, points=points or None,
                              limit=1000, epsabs=0, epsrel=1e-13)
    return log_f(t_x) + np.log(value)


def _pareto_reference(params, x, t_x, T, t):
    """P(alive) and expected purchases in the next t by direct integration: over the dropout time (P(alive)), and
    E_μ[(1 − e^(−μt))/μ] = ∫_0^t E_μ[e^(−μu)] du = ∫_0^t ((β+T)/(β+T+u))^s du for μ ~ Gamma(s, β+T)."""
    from scipy import integrate
    from scipy.special import expit
    r, alpha, s, beta = params
    log_alive = -(r + x) * np.log(alpha + T) - s * np.log(beta + T)
    log_dead = np.log(s) + _pareto_log_death_reference(r, alpha, s, beta, x, t_x, T) if t_x < T else -np.inf
    p_alive = expit(log_alive - log_dead)
    per_rate, _ = integrate.quad(lambda u: np.exp(-s * np.log1p(u / (beta + T))), 0, t, epsabs=0, epsrel=1e-13)
    return p_alive, p_alive * (r + x) / (alpha + T) * per_rate


def _pareto(params, data):
    model = clv.ParetoNBD()
    model.params_ = dict(zip(("r", "alpha", "s", "beta"), params))
    model.data_ = data
    return model


@pytest.mark.parametrize("T, first_failing", [(39.0, 179), (200.0, 132)])
def test_pareto_nbd_heavy_buyers_with_a_purchase_at_the_end(T, first_failing):
    """These customers (last purchase at T) had NaN P(alive), expected purchases and likelihood: now P(alive) is 1,
    the likelihood is the alive term alone and expected purchases are the formula for an alive customer."""
    from kit.clv.pareto_nbd import pareto_nbd_log_likelihood
    from scipy.special import gammaln
    params = tuple(CDNOW_PARETO.values())
    r, alpha, s, beta = params
    x = np.arange(first_failing - 5, first_failing + 400, dtype=float)
    data = pd.DataFrame({"frequency": x, "recency": T, "T": T})
    model = _pareto(params, data)
    assert (model.probability_alive() == 1.0).all()
    expected = model.expected_purchases(39.0).to_numpy()
    want = (r + x) * (beta + T) / ((alpha + T) * (s - 1)) * (1 - ((beta + T) / (beta + T + 39)) ** (s - 1))
    np.testing.assert_allclose(expected, want, rtol=1e-12)
    log_l = pareto_nbd_log_likelihood(params, x, np.full_like(x, T), np.full_like(x, T))
    alive = gammaln(r + x) - gammaln(r) + r * np.log(alpha) + s * np.log(beta) - (r + x) * np.log(alpha + T) \
        - s * np.log(beta + T)
    np.testing.assert_allclose(log_l, alive, rtol=1e-13)


@pytest.mark.parametrize("params", [tuple(CDNOW_PARETO.values()), (0.243, 4.414, 0.793, 12.0), (2.0, 5.0, 2.0, 5.0),
                                    (0.5, 0.01, 0.5, 10.0), (0.5, 10.0, 0.3, 0.01), (1.5, 3.0, 1.0, 7.0),
                                    (1.5, 3.0, 1 + 1e-9, 7.0)])
def test_pareto_nbd_matches_direct_integration(params):
    """A grid through the region that was NaN (x ≥ 132 at T = 200, x ≥ 179 at T = 39, last purchase at or near T),
    α = β, tiny α or β (2F1 argument near 1) and s = 1 exactly or nearly."""
    for T in (0.5, 39.0, 200.0):
        rows = [(x, share * T) for x in (1, 5, 50, 131, 132, 178, 179, 500, 2000)
                for share in (0.0, 0.5, 0.9, 0.999, 1 - 1e-9, 1.0)] + [(0, 0.0)]
        data = pd.DataFrame(rows, columns=["frequency", "recency"]).assign(T=T).astype(float)
        model = _pareto(params, data)
        p, e = model.probability_alive().to_numpy(), model.expected_purchases(26.0).to_numpy()
        for i, (x, t_x) in enumerate(rows):
            want_p, want_e = _pareto_reference(params, x, t_x, T, 26.0)
            assert p[i] == pytest.approx(want_p, rel=1e-8, abs=1e-300), (params, x, t_x, T)
            assert e[i] == pytest.approx(want_e, rel=1e-8, abs=1e-300), (params, x, t_x, T)


def test_pareto_nbd_agrees_with_the_closed_form_where_it_is_fine():
    """Fader & Hardie's A0 (eqs. 19-20, lifetimes' _log_A_0) where it has neither overflow nor cancellation."""
    from scipy.special import hyp2f1
    from kit.clv.pareto_nbd import log_death_integral
    for r, alpha, s, beta in (tuple(CDNOW_PARETO.values()), (0.243, 4.414, 0.793, 2.426), (0.9, 8.0, 2.5, 3.0)):
        x = np.array([0, 1, 2, 5, 10, 40, 100], dtype=float)
        T = np.full_like(x, 38.0)
        t_x = np.where(x > 0, np.array([0, 5, 10, 20, 30, 33, 35.0]), 0.0)
        low, high = sorted((alpha, beta))
        k = s + 1 if alpha >= beta else r + x
        rsx = r + s + x
        a0 = (hyp2f1(rsx, k, rsx + 1, (high - low) / (high + t_x)) / (high + t_x) ** rsx
              - hyp2f1(rsx, k, rsx + 1, (high - low) / (high + T)) / (high + T) ** rsx)
        np.testing.assert_allclose(log_death_integral((r, alpha, s, beta), x, t_x, T), np.log(a0 / rsx), rtol=1e-8)


def test_summary_ends_after_the_last_purchase():
    """Like lifetimes' summary_data_from_transaction_data: T runs to the given end, not to the last purchase."""
    tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": [1.0, 3.0, 2.0],
                       "order_date": pd.to_datetime(["2024-01-01", "2024-01-08", "2024-01-15"])})
    s = clv.summary(tx, calibration_end="2024-01-29", time_unit="W")
    assert s["T"].tolist() == [4.0, 2.0] and s["recency"].tolist() == [1.0, 0.0]
    held = clv.summary(tx, "2024-01-01", "2024-02-05", "W")  # both ends after a's last purchase
    assert held.loc["a", "frequency_holdout"] == 1 and held["duration_holdout"].iloc[0] == 5.0


def test_gamma_gamma_refuses_non_positive_spend(cdnow_calibration):
    data = cdnow_calibration.copy()
    repeat = data.index[data["frequency"] > 0]
    data.loc[repeat[:3], "monetary_value"] = [0.0, -4.5, 0.0]
    with pytest.raises(KitError, match=rf"3 customer\(s\).*{repeat[0]!r} with 0.0(.|\n)*filter"):
        clv.GammaGamma().fit(data)


def test_clv_keeps_full_precision(fitted, cdnow_calibration):
    model, spend = fitted
    data = cdnow_calibration.head(50)
    values = clv.customer_lifetime_value(model, spend, data, 52)
    p = model.probability_alive(data)
    np.testing.assert_array_equal(values["p_alive"].to_numpy(), p.to_numpy())
    assert (values["clv"] != values["clv"].round(6)).any()


def test_model_check_is_saved_as_figures_and_read_back_in_words(tmp_path, fitted, cdnow_calibration):
    """Notebook 04 saves the check with save_figures; the action list and the front page read ok, codes and problems;
    the words are built from codes and figures, in either language, from the check or from what was saved."""
    model, _ = fitted
    passed = clv.check_model(model, cdnow_calibration, window={"calibration_end": "1997-09-30"})
    save_figures(tmp_path, "clv_model", passed.to_dict())
    loaded = load_figures(tmp_path, "clv_model")
    assert loaded["ok"] is True and loaded["codes"] == [] and loaded["problems"] == []
    assert loaded["params"] == pytest.approx(model.params_) and loaded["window"] == {"calibration_end": "1997-09-30"}
    broken = copy.copy(model)
    broken.params_ = dict(model.params_, a=1e-6, b=5.0)
    failed = clv.check_model(broken, cdnow_calibration)
    assert "dropout_tiny" in failed.codes and "at_bound" in failed.codes
    save_figures(tmp_path, "clv_model", failed.to_dict())
    loaded = load_figures(tmp_path, "clv_model")
    assert loaded["ok"] is False and loaded["codes"] == failed.codes
    assert all(isinstance(p, str) for p in loaded["problems"]) and len(loaded["problems"]) == len(failed.codes)
    for lang in ("en", "zh"):
        assert problem_texts(loaded, lang) == problem_texts(failed, lang)
    assert "a/(a+b) = 2e-07 is below 0.001" in " ".join(problem_texts(loaded, "en"))
    assert "平均流失概率" in " ".join(problem_texts(loaded, "zh"))
    with pytest.raises(TypeError):
        clv.ModelCheck(False, ["too short"], ["insufficient_history"])  # the old positional form fails loudly


def test_model_history_problems_are_codes_with_figures():
    day = pd.Timestamp("2024-01-01")
    few = pd.DataFrame({"customer_id": ["a", "a", "b"], "amount": 1.0,
                        "order_date": [day, day + pd.Timedelta(days=100), day + pd.Timedelta(days=120)]})
    problem = clv.model_history_problem(few)
    assert problem == clv.Problem("few_repeat_buyers", {"repeat_buyers": 1, "end": "2024-04-30",
                                                        "min_repeat_buyers": 20})
    assert problem_text(problem.code, problem.figures) == ("1 customers bought on two different days up to "
                                                           "2024-04-30; the purchase models need at least 20")
    assert clv.model_history_problem(few.assign(customer_id=None)).code == "no_purchases"
    check = clv.ModelCheck([problem])
    assert not check.ok and check.to_dict()["codes"] == ["few_repeat_buyers"]


def test_a_failed_plain_fit_is_refitted_and_counts_against_the_check(online_retail):
    tx, _ = online_retail
    fitted = clv.fit_models(clv.summary(tx, "2011-06-30", "2011-12-09", "W"))
    assert [r.model for r in fitted.refits] == ["BG/NBD"] and fitted.refits[0].penalizer == 0.001
    assert fitted.bgnbd.penalizer == 0.001 and fitted.gamma_gamma.penalizer == 0.0
    check = fitted.check
    assert check.refitted and check.penalizer == 0.001 and check.codes[0] == "not_converged"
    notes = fit_notes(fitted)
    assert len(notes) == 1 and notes[0].startswith("BG/NBD: the BG/NBD fit did not converge")
    assert notes[0].endswith("refitted with penalizer=0.001") and fit_notes(check) == ["fitted with penalizer=0.001"]


def test_the_purchase_summary_is_customer_data_without_attrs(cdnow_calibration):
    from kit.customers import purchases
    assert clv.summary is purchases.summary
    assert cdnow_calibration.attrs == {} and cdnow_calibration.index.name == "customer_id"
