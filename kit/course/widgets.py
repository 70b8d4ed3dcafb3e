"""Optional sliders for the parameters that invite play (min_support, capacity, k, discount rate).

``explore(function, name=(low, high, step), ...)`` shows a slider per argument in JupyterLab and re-runs
``function`` as it moves. Without ipywidgets, or when the notebook runs headless, it prints one line and does
nothing else, so executed reports are unaffected.
"""

from __future__ import annotations

import os

from ..present.labels import label


HEADLESS = "KIT_HEADLESS"  # set by `kit run`, `kit refresh` and the test suite for the kernels they start


def interactive_session() -> bool:
    """True in a live Jupyter session, False in headless runs (``KIT_HEADLESS`` set) and outside Jupyter."""
    if os.environ.get(HEADLESS):
        return False
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"


def explore(function, lang: str = "en", **ranges) -> None:
    """Sliders for ``function``'s arguments: ``explore(f, lang, capacity=(100, 2000, 100))``; messages in ``lang``."""
    try:
        import ipywidgets
    except ImportError:
        print(label("widgets_missing", lang))
        return
    if not interactive_session():
        print(label("widgets_headless", lang))
        return
    sliders = {}
    for name, (low, high, step) in ranges.items():
        kind = ipywidgets.IntSlider if all(isinstance(v, int) for v in (low, high, step)) else ipywidgets.FloatSlider
        sliders[name] = kind(min=low, max=high, step=step, value=low, description=name, continuous_update=False)
    ipywidgets.interact(function, **sliders)
