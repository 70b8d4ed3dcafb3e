"""pyproject.toml is the single source of dependencies; environment.yml must list the same packages."""

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_lists_the_same_packages_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r): r.replace(" ", "") for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        wanted.update({_name(r): r.replace(" ", "") for r in extra})
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str) and not dep.startswith(("python", "pip")):
            listed[_name(dep)] = dep.replace(" ", "")
        elif isinstance(dep, dict):  # packages conda cannot give, installed by pip from PyPI
            listed.update({_name(r): r.replace(" ", "") for r in dep["pip"] if not r.startswith("-")})
    assert listed == wanted


def test_layout_matches_the_design():
    for name in ("notebooks", "kit", "data", "tests", "environment.yml", "README.md", "LICENSE",
                 "pyproject.toml", "Makefile", ".ci/run", "data/README.md"):
        assert (ROOT / name).exists(), name
    assert "make test" in (ROOT / ".ci/run").read_text()
