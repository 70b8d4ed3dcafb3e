"""Lifetime value in words — 终身价值的文字说明: the sentences of a model check and of a fit, built from the keys
and figures :mod:`kit.clv` returns (:class:`kit.clv.ModelCheck`, :class:`kit.clv.FittedModels`).
"""

from __future__ import annotations

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
        return [label("clv_refitted", lang).format(model=r.model, reason=r.reason, penalizer=r.penalizer)
                for r in fitted.refits]
    return [label("clv_penalized", lang).format(penalizer=fitted.penalizer)] if fitted.penalizer > 0 else []
