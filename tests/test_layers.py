"""The layers of ``kit`` and the redesign's rules, read from the source with ``ast``.

Data flows one way: ``kit.data`` -> ``kit.customers`` -> the method packages -> ``kit.present`` -> ``kit.course``
and ``kit.run``; no module imports from a layer above its own. Language is chosen only at the edge (no ``lang``
argument below ``kit.present``) and no code keeps values in ``DataFrame.attrs``, which pandas drops on merge.
"""

import ast
from pathlib import Path

import pytest

KIT = Path(__file__).resolve().parents[1] / "kit"
METHODS = ("grading", "basket", "clv", "targeting")
EDGE = ("present", "course", "run")
#: layer -> the packages of kit it must not import
FORBIDDEN = {
    "data": ("customers", *METHODS, *EDGE),
    "customers": (*METHODS, *EDGE),
    **{method: EDGE for method in METHODS},
    "present": ("course", "run"),
}
#: the layers whose functions must not take a language
NO_LANG = ("data", "customers", *METHODS)


def sources(*layers):
    """(path relative to the repository, parsed module) of every Python file of ``layers`` (all of kit if none)."""
    folders = [KIT / layer for layer in layers] if layers else [KIT]
    for folder in folders:
        for path in sorted(folder.rglob("*.py")):
            yield path.relative_to(KIT.parent), ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def imported(path: Path, tree: ast.Module):
    """(line, absolute module name) of every module ``tree`` imports, relative imports resolved; for
    ``from package import name`` both ``package`` and ``package.name`` (it may be a module)."""
    package = list(path.with_suffix("").parts)
    package = package[:-1]  # the package a module (or an __init__) belongs to
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module
            yield node.lineno, module
            for alias in node.names:
                yield node.lineno, f"{module}.{alias.name}"


def within(module: str, package: str) -> bool:
    return module == f"kit.{package}" or module.startswith(f"kit.{package}.")


@pytest.mark.parametrize("layer", list(FORBIDDEN))
def test_no_layer_imports_from_a_layer_above(layer):
    found = sorted({f"{path}:{line} imports kit.{above}"
                    for path, tree in sources(layer) for line, module in imported(path, tree)
                    for above in FORBIDDEN[layer] if within(module, above)})
    assert not found, "\n".join(found)


@pytest.mark.parametrize("layer", NO_LANG)
def test_no_function_below_the_edge_takes_a_language(layer):
    found = []
    for path, tree in sources(layer):
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                arguments = node.args
                names = [a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs]
                if "lang" in names:
                    found.append(f"{path}:{node.lineno} {getattr(node, 'name', 'lambda')}(lang)")
    assert not found, "\n".join(found)


def test_no_code_keeps_values_in_dataframe_attrs():
    found = [f"{path}:{node.lineno}" for path, tree in sources()
             for node in ast.walk(tree) if isinstance(node, ast.Attribute) and node.attr == "attrs"]
    assert not found, "\n".join(found)


def test_the_checks_see_what_they_look_for():
    """The readers above find an import, a relative import, a lang argument and an attrs access."""
    tree = ast.parse("from ..present import labels\nimport kit.run\nfrom kit import course\n"
                     "def f(x, *, lang='en'):\n    return x.attrs['as_of']\n")
    modules = [m for _, m in imported(Path("kit/data/explore.py"), tree)]
    assert "kit.present" in modules and "kit.run" in modules and "kit.course" in modules
    assert any(isinstance(n, ast.Attribute) and n.attr == "attrs" for n in ast.walk(tree))
    assert [a.arg for a in tree.body[3].args.kwonlyargs] == ["lang"]
