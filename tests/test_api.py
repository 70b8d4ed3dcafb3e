"""The analysis API: what ``import kit`` loads, and the documentation of what it exposes."""

import inspect
import subprocess
import sys

import kit


def test_import_kit_loads_the_analysis_api_only():
    code = "import sys, kit; print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('kit.')}))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "course" not in loaded and "run" not in loaded, loaded
    assert "plots" not in loaded  # matplotlib and seaborn only when plots are asked for
    for layer in ("data", "customers", "grading", "basket", "clv", "targeting", "present"):
        assert f"'{layer}'" in loaded


def test_public_functions_have_numpydoc_sections():
    missing = []
    for name in kit.__all__:
        obj = getattr(kit, name)
        if inspect.ismodule(obj) or not callable(obj):
            continue
        doc = inspect.getdoc(obj) or ""
        def has(section):
            return f"{section}\n{'-' * len(section)}" in doc

        needed = ("Parameters", "Returns", "Examples") if inspect.isfunction(obj) else ("Examples",)
        lacking = [section for section in needed if not has(section)]
        if inspect.isclass(obj) and not (has("Parameters") or has("Attributes")):  # a typed result lists its fields
            lacking.append("Parameters or Attributes")
        if lacking:
            missing.append(f"{name}: {', '.join(lacking)}")
    assert not missing, missing
