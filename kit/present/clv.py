"""Lifetime value in words — 终身价值的文字说明: the sentences of a model check and of a fit, built from the keys
and figures :mod:`kit.clv` returns (:class:`kit.clv.ModelCheck`, :class:`kit.clv.FittedModels`).
"""

from __future__ import annotations

import re

from .labels import check_lang, label

_LIST_SEPARATOR = {"en": ", ", "zh": "、"}


def problem_text(code: str, figures: dict | None, lang: str = "en") -> str:
    """The sentence for one problem: the label ``clv_problem_<code>`` filled with its figures.

    Parameters
    ----------
    code : str
        The key of the problem (:class:`kit.clv.Problem`).
    figures : dict or None
        Its figures; lists are joined.
    lang : {"en", "zh"}

    Returns
    -------
    str
        The code itself when there is no label for it or the figures do not fill it.

    Examples
    --------
    >>> problem_text("holdout_total", {"error": 0.3123, "tolerance": 0.25})
    'predicted holdout purchases off by +31.2% (tolerance 25%)'
    >>> problem_text("standard_errors", {"parameters": ["a", "b"]}, "zh")
    '参数 a、b 的标准误不是有限值: 似然函数在某个方向上是平的'
    """
    check_lang(lang)
    key = f"clv_problem_{code}"
    template = label(key, lang)
    if template == key:
        return code
    figures = {k: _LIST_SEPARATOR[lang].join(map(str, v)) if isinstance(v, list) else v
               for k, v in (figures or {}).items()}
    try:
        return template.format(**figures)
    except (KeyError, ValueError, TypeError):
        return code


def problem_texts(check, lang: str = "en") -> list[str]:
    """The sentences of every problem of a model check.

    Parameters
    ----------
    check : kit.clv.ModelCheck or dict
        The check, or its figures as saved and loaded (:func:`kit.present.results.load_figures`, keys ``codes``
        and ``figures``).
    lang : {"en", "zh"}

    Returns
    -------
    list of str

    Examples
    --------
    >>> problem_texts({"ok": False, "codes": ["history_short"], "figures": [{"days": 31, "first_day": "2024-01-01",
    ...                "last_day": "2024-01-31", "min_days": 90}]})
    ['the data cover 31 days (2024-01-01 to 2024-01-31); the purchase models need at least 90']
    """
    if isinstance(check, dict):
        codes = check.get("codes") or []
        figures = check.get("figures") or [{}] * len(codes)
    else:
        codes, figures = check.codes, [p.figures for p in check.problems]
    return [problem_text(code, values, lang) for code, values in zip(codes, figures)]


def fit_notes(fitted, lang: str = "en") -> list[str]:
    """Notes on how the models were fitted: each refit after a failed plain fit, and a penalised fit.

    Parameters
    ----------
    fitted : kit.clv.FittedModels or kit.clv.ModelCheck
        From :func:`kit.clv.fit_models` (its refits), or a model check (its penalizer).
    lang : {"en", "zh"}

    Returns
    -------
    list of str

    Examples
    --------
    >>> from kit import clv
    >>> fit_notes(clv.ModelCheck(penalizer=0.001))
    ['fitted with penalizer=0.001']
    """
    check_lang(lang)
    if hasattr(fitted, "refits"):
        return [label("clv_refitted", lang).format(model=r.model, reason=convergence_text(r.model, r.reason, lang),
                                                   penalizer=r.penalizer) for r in fitted.refits]
    return [label("clv_penalized", lang).format(penalizer=fitted.penalizer)] if fitted.penalizer > 0 else []


_BOUND = re.compile(r"parameter\(s\) (?P<parameters>.+?) ran to the bound")
_GREEK = {"alpha": "α", "beta": "β", "gamma": "γ"}
_STATISTICS = ("count", "mean", "std", "min", "25%", "50%", "75%", "max")


def convergence_text(model: str, message: str, lang: str = "en") -> str:
    """The sentence for a fit that did not converge: in English the message of the
    :class:`kit.clv.ConvergenceError` itself, in Chinese the same read from it (the parameters at a bound).

    Examples
    --------
    >>> msg = "the Pareto/NBD fit did not converge: parameter(s) s, beta ran to the bound (-9, 9)"
    >>> convergence_text("Pareto/NBD", msg, "zh")
    'Pareto/NBD 拟合没有收敛: 参数 s、beta 跑到了优化器的边界'
    >>> convergence_text("BG/NBD", "the BG/NBD fit did not converge: the optimiser stopped: ABNORMAL", "zh")
    'BG/NBD 拟合没有收敛'
    """
    check_lang(lang)
    if lang == "en" and message:
        return message
    bound = _BOUND.search(message or "")
    if bound:
        parameters = _LIST_SEPARATOR[lang].join(p.strip() for p in bound["parameters"].split(","))
        return label("clv_ran_to_bound", lang).format(model=model, parameters=parameters)
    return label("clv_not_converged", lang).format(model=model)


def parameter_table(models, lang: str = "en", digits: int = 4):
    """The estimates of fitted models to ``digits`` significant figures and their standard errors to two, for people.

    A standard error is itself an estimate (here from a finite-difference Hessian): beyond two figures it carries
    the numerical noise of the fit. On Online Retail's BG/NBD, where ``a`` sits near zero, the third figure of
    ``b``'s error moves from 29.69 to 29.82 when the inputs move by 1e-15.

    Parameters
    ----------
    models : fitted model or dict of name -> fitted model
        Models with ``params_`` and ``standard_errors_`` (:class:`kit.clv.BetaGeo`, ...).
    lang : {"en", "zh"}

    Returns
    -------
    DataFrame
        Index the parameter (alpha, beta, gamma as α, β, γ; with the model's name first when several are
        given), columns estimate and standard error, in ``lang``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> m = SimpleNamespace(params_={"r": 0.2426, "alpha": 4.4139}, standard_errors_={"r": 0.0126, "alpha": 0.378})
    >>> parameter_table(m, "zh")
           估计值    标准误
    参数
    r      0.2426   0.013
    α       4.414    0.38
    """
    import pandas as pd

    from .localise import localise
    from .numbers import sig

    check_lang(lang)
    named = models if isinstance(models, dict) else {None: models}
    rows = [{"clv_model_name": name, "clv_parameter": _GREEK.get(key, key), "clv_estimate": sig(value, digits),
             "clv_standard_error": sig(model.standard_errors_.get(key, float("nan")), 2)}
            for name, model in named.items() for key, value in model.params_.items()]
    table = pd.DataFrame(rows)
    if None in named:
        return localise(table.drop(columns="clv_model_name").set_index("clv_parameter"), lang)
    table = table.set_index(["clv_model_name", "clv_parameter"])
    table.index = table.index.set_names([label(k, lang) for k in table.index.names])
    return table.rename(columns=lambda c: label(c, lang))


def summary_table(summary, time_unit: str = "W", lang: str = "en"):
    """The statistics of a purchase summary (:func:`kit.clv.summary`), one row per column, for people.

    Examples
    --------
    >>> import pandas as pd
    >>> table = summary_table(pd.DataFrame({"frequency": [0, 2], "recency": [0.0, 3.0], "T": [4.0, 5.0]}), "W", "zh")
    >>> table.index.tolist(), table["中位数"].tolist()
    (['x: 重复购买次数', 't_x: 首次到末次购买 (周)', 'T: 首次购买到校准期末 (周)'], [1.0, 1.5, 4.5])
    """
    check_lang(lang)
    unit = label(f"clv_unit_{time_unit}", lang)
    stats = summary.describe().T.loc[:, list(_STATISTICS)].round(2)
    stats["count"] = stats["count"].astype(int)
    stats.index = [label(f"clv_summary_{c}", lang).format(unit=unit) for c in stats.index]
    return stats.rename(columns=lambda c: label(f"clv_stat_{c}", lang))


def holdout_text(holdout: dict, lang: str = "en") -> str:
    """The sentence for the holdout part of a model check (:attr:`kit.clv.ModelCheck.holdout`).

    Examples
    --------
    >>> holdout_text({"actual": 1882, "predicted": 1653.4, "error": -0.1215, "by_frequency_error": 0.1214,
    ...               "tolerance": 0.25, "by_frequency_tolerance": 0.5})
    'holdout purchases: predicted 1,653, actual 1,882 (off by -12.2%, tolerance 25%); by-frequency error 12.1% (tolerance 50%)'
    """
    from .numbers import sig

    check_lang(lang)
    return label("clv_holdout_result", lang).format(**{**holdout, "predicted": sig(holdout["predicted"])})


def equity_label(window: dict, lang: str = "en") -> str:
    """What a customer equity figure is: the label ``customer_equity`` with its horizon, margin and discount rate
    (a figure over 52 weeks at margin 1 is expected revenue, not a lifetime value).

    Parameters
    ----------
    window : dict
        ``horizon``, ``time_unit``, ``margin`` and ``discount_rate`` (as the notebook records them in
        :attr:`kit.clv.ModelCheck.window`).

    Examples
    --------
    >>> w = {"horizon": 52.0, "time_unit": "W", "margin": 1.0, "discount_rate": 0.1}
    >>> equity_label(w, "zh")
    '客户资产 — 未来 52 周的预期销售额 (毛利率 100%), 按年贴现率 10% 折现'
    >>> equity_label({**w, "margin": 0.3})
    'customer equity — expected profit over the next 52 weeks (margin 30%), discounted at 10% a year'
    """
    check_lang(lang)
    basis = label("clv_basis_revenue" if window["margin"] >= 1 else "clv_basis_profit", lang)
    detail = label("clv_equity_window", lang).format(
        basis=basis, horizon=window["horizon"], unit=label(f"clv_unit_{window['time_unit']}", lang),
        margin=window["margin"], discount_rate=window["discount_rate"])
    return f"{label('customer_equity', lang)} — {detail}"


def equity_text(values, window: dict, lang: str = "en") -> str:
    """The customer equity of the valued customers, named with :func:`equity_label`: total = mean × customers.

    Examples
    --------
    >>> import pandas as pd
    >>> w = {"horizon": 12.0, "time_unit": "M", "margin": 1.0, "discount_rate": 0.0}
    >>> equity_text(pd.Series([100.0, 300.0]), w)
    'customer equity — expected revenue over the next 12 months (margin 100%), discounted at 0% a year: 400 = mean 200 × 2 customers'
    """
    from .numbers import sig

    return label("clv_equity_line", lang).format(name=equity_label(window, lang), equity=sig(values.sum()),
                                                  mean=sig(values.mean()), customers=len(values))
