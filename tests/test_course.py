"""The course: Chinese plot labels fall back when no font can draw them; sliders stay out of headless runs (the quiz
is tested in test_quiz.py)."""

import warnings

import matplotlib
import pytest

import kit
from kit.present import plots


@pytest.fixture()
def fresh_warning(monkeypatch):
    monkeypatch.setattr(plots.common, "_warned", False)


def test_chinese_labels_without_a_cjk_font_fall_back_to_english_once(monkeypatch, fresh_warning):
    monkeypatch.setattr(plots.common, "cjk_font", lambda: None)
    with pytest.warns(UserWarning, match="no CJK font is installed"):
        assert plots.plot_language("zh") == "en"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert plots.plot_language("zh") == "en"  # warned once only
    ax = plots.plot_cleaning(kit.load_transactions(kit.data.datasets.synthetic(n_customers=30, seed=1)[0])[1], "zh")
    assert all(ord(ch) < 0x3000 for t in ax.get_yticklabels() for ch in t.get_text())


def test_chinese_labels_with_a_cjk_font(monkeypatch, fresh_warning):
    monkeypatch.setattr(plots.common, "cjk_font", lambda: "Noto Sans CJK SC")
    monkeypatch.setitem(matplotlib.rcParams, "font.sans-serif", ["DejaVu Sans"])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert plots.plot_language("zh") == "zh"
    assert matplotlib.rcParams["font.sans-serif"][0] == "Noto Sans CJK SC"
    ax = plots.plot_cleaning(kit.load_transactions(kit.data.datasets.synthetic(n_customers=30, seed=1)[0])[1], "zh")
    assert any("取消订单" == t.get_text() for t in ax.get_yticklabels())


def test_a_cjk_font_installed_after_matplotlib_listed_the_fonts_is_found(monkeypatch):
    """Matplotlib caches its font list; Debian's fonts-noto-cjk installed after that must still draw Chinese."""
    from matplotlib import font_manager

    cjk_files = [path for path in font_manager.findSystemFonts() if "CJK" in path]
    if not cjk_files:
        pytest.skip("no CJK font file on this machine (Debian: fonts-noto-cjk)")
    stale = [f for f in font_manager.fontManager.ttflist if f.name not in plots.common.CJK_FONTS]
    monkeypatch.setattr(font_manager.fontManager, "ttflist", stale)  # the list as cached before the install
    assert plots.common.cjk_font() in plots.common.CJK_FONTS
    assert any(f.fname in cjk_files for f in font_manager.fontManager.ttflist)


def test_sliders_stay_out_of_headless_runs(capsys, monkeypatch):
    monkeypatch.setenv(kit.course.widgets.HEADLESS, "1")
    calls = []
    kit.course.widgets.explore(calls.append, capacity=(100, 500, 100))
    assert calls == [] and "JupyterLab" in capsys.readouterr().out
    monkeypatch.delenv(kit.course.widgets.HEADLESS)
    assert not kit.course.widgets.interactive_session()  # not inside a Jupyter kernel here either
