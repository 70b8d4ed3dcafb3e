"""Texts the course shows around exercises and quizzes, in both languages."""

TEXTS: dict[str, dict[str, str]] = {
    "ex_unanswered": {"en": "Question: {question}\nReplace None with your answer and run the cell again.",
                      "zh": "问题: {question}\n把 None 换成你的答案, 再运行这个单元格。"},
    "ex_correct": {"en": "Correct: {answer}", "zh": "正确: {answer}"},
    "ex_wrong": {"en": "Not yet: {answer} is not the expected answer. Try q.hint() or q.solution().",
                 "zh": "还不对: {answer} 不是期望的答案。试试 q.hint() 或 q.solution()。"},
    "ex_hint": {"en": "Hint: {hint}", "zh": "提示: {hint}"},
    "ex_solution": {"en": "Solution:\n{code}\nAnswer: {answer}", "zh": "参考解答:\n{code}\n答案: {answer}"},
    "widgets_missing": {"en": "install ipywidgets to move these parameters with sliders",
                        "zh": "安装 ipywidgets 后即可用滑块调节这些参数"},
    "widgets_headless": {"en": "sliders appear when this notebook is opened in JupyterLab",
                         "zh": "在 JupyterLab 中打开本笔记本时会出现滑块"},
}
