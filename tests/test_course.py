"""The course: the quiz's answers agree with the kit, Chinese plot labels fall back when no font can draw them."""

import warnings

import matplotlib
import pytest

import kit
from kit.present import plots


@pytest.fixture(scope="module")
def quiz():
    return kit.course.quiz.build_quiz()


def test_quiz_answers_are_the_kits_results(quiz):
    assert len(quiz) == 9
    expected = {4: 135_080, 5: 0.737, 6: 550.0, 7: 2.870, 8: 0.243}
    for i, value in expected.items():
        assert quiz[i].exercise.is_correct(value), (i, quiz[i].exercise.expected)
    assert quiz[0].exercise.is_correct("C") and quiz[0].exercise.is_correct("lift")
    assert not quiz[0].exercise.is_correct("A")
    assert quiz[1].exercise.is_correct("important development")
    for question in quiz:
        assert question.text("zh") != question.text("en")


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


def test_sliders_stay_out_of_headless_runs(capsys, monkeypatch):
    monkeypatch.setenv(kit.course.widgets.HEADLESS, "1")
    calls = []
    kit.course.widgets.explore(calls.append, capacity=(100, 500, 100))
    assert calls == [] and "JupyterLab" in capsys.readouterr().out
    monkeypatch.delenv(kit.course.widgets.HEADLESS)
    assert not kit.course.widgets.interactive_session()  # not inside a Jupyter kernel here either
