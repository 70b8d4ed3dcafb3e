"""The course — 课程: exercises checked right or wrong, the quiz, and the interactive widgets of the notebooks.

Not imported by ``import kit``; use ``import kit.course``.
"""

from . import exercises, quiz, widgets

__all__ = ["exercises", "quiz", "widgets"]
