"""Running the notebooks — 运行: declared parameters and their checks, the headless runner and the ``kit`` command.

Not imported by ``import kit``; use ``import kit.run``.
"""

from . import params

__all__ = ["params"]
