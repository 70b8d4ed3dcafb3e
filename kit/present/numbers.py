"""Numbers for people — 数字格式: how figures are shown, separate from how they are computed."""

from __future__ import annotations


def sig(x: float, digits: int = 4) -> str:
    """``x`` to ``digits`` significant figures with thousands separators, for printing a model's output.

    Parameters
    ----------
    x : float
    digits : int
        Significant figures kept.

    Returns
    -------
    str

    Examples
    --------
    >>> sig(8353355.62), sig(0.0034567), sig(4.414)
    ('8,353,000', '0.003457', '4.414')
    """
    x = float(f"{float(x):.{digits}g}")
    return f"{x:,.0f}" if abs(x) >= 10 ** (digits - 1) else f"{x:,.{digits}g}"
