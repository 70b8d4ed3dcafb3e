"""Running the course notebooks headlessly: papermill execution, HTML rendering, a summary of the run.

``kit run`` (see :mod:`kit.cli`) is a thin layer over :func:`run_notebooks`.
"""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .errors import KitError
from .params import Parameter, coerce, notebook_parameters
from .widgets import HEADLESS

KERNEL = "customer-value-kit"
#: What a notebook can declare in its metadata (``metadata.kit.requires``) and how the data must provide it.
REQUIREMENTS = {
    "customers": "needs customer ids with dates and amounts, which the data lacks",
    "baskets": "needs orders with products, which the data lacks",
    "dated": "needs order dates, which the data lacks",
    "bundled": "is about the bundled course data, not this data set",
}


def notebooks_dir() -> Path:
    """The course notebooks: ``$KIT_NOTEBOOKS``, else ``notebooks/`` beside the ``kit`` package."""
    return Path(os.environ.get("KIT_NOTEBOOKS") or Path(__file__).resolve().parents[1] / "notebooks")


def list_notebooks(only=None) -> list[Path]:
    """The numbered notebooks in order; ``only`` keeps those whose name starts with or contains one of its items
    (``["00"]`` or ``["data_preparation"]`` selects ``00_data_preparation.ipynb``)."""
    found = sorted(notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
    if not only:
        return found
    chosen = []
    for name in only:
        hits = [p for p in found if p.stem.startswith(name) or name in p.stem]
        if not hits:
            raise KitError(f"no notebook matches {name!r}",
                           hint="the notebooks are: " + ", ".join(p.stem for p in found))
        chosen += [p for p in hits if p not in chosen]
    return sorted(chosen)


def ensure_kernel() -> str:
    """Make sure the kit's Jupyter kernel (this Python) is registered; return its name."""
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL)
        if Path(spec.argv[0]).exists():
            return KERNEL
    except NoSuchKernel:
        pass
    from ipykernel.kernelspec import install

    try:
        install(kernel_name=KERNEL, display_name="Python (customer value kit)", prefix=sys.prefix)
    except OSError:
        install(kernel_name=KERNEL, display_name="Python (customer value kit)", user=True)
    return KERNEL


def resolve_parameters(notebooks: list[Path], shared: dict, extra: dict) -> dict[Path, dict]:
    """Parameters for each notebook: the shared ones it declares, and ``extra`` checked against declarations.

    Unknown names and values of the wrong type raise :class:`KitError` before anything runs.
    """
    declared = {nb: notebook_parameters(nb) for nb in notebooks}
    everything: dict[str, Parameter] = {}
    for params in declared.values():
        everything.update(params)
    for name in extra:
        if name not in everything:
            raise KitError(f"unknown parameter {name!r}",
                           hint="the notebooks' parameters are: " + ", ".join(sorted(everything))
                           + " (see `kit params`)")
    typed = {name: coerce(name, value, everything[name]) for name, value in extra.items()}
    result = {}
    for nb, params in declared.items():
        values = {k: v for k, v in shared.items() if k in params and v is not None}
        values.update({k: typed[k] for k in typed if k in params})
        for name, value in values.items():
            coerce(name, value, params[name])
        result[nb] = values
    return result


def notebook_requirements(path: Path) -> list[str]:
    """What the notebook needs of the data (``metadata.kit.requires``): ``customers``, ``baskets``, ``dated``."""
    import nbformat

    return list(nbformat.read(path, as_version=4).metadata.get("kit", {}).get("requires", []))


def unmet(requirements, report, bundled: bool = True) -> str:
    """Why ``report``'s data cannot serve a notebook with ``requirements`` ('' when it can)."""
    for requirement in requirements:
        if requirement == "bundled" and not bundled:
            return REQUIREMENTS["bundled"]
        if requirement == "dated" and "order_date" not in report.columns:
            return REQUIREMENTS["dated"]
        if requirement in ("customers", "baskets") and requirement not in report.available:
            return REQUIREMENTS[requirement]
    return ""


@dataclass
class NotebookResult:
    name: str
    ok: bool
    seconds: float
    notebook: Path | None = None
    html: Path | None = None
    error: str = ""
    skipped: str = ""


@dataclass
class RunResult:
    out: Path
    results: list[NotebookResult] = field(default_factory=list)

    report: object = None

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)

    @property
    def failed(self) -> list[NotebookResult]:
        return [r for r in self.results if not r.ok]

    @property
    def skipped(self) -> list[NotebookResult]:
        return [r for r in self.results if r.skipped]


def run_notebooks(data: str | None = None, columns: str | None = None, encoding: str | None = None,
                  lang: str = "en", out="outputs", only=None, parameters: dict | None = None,
                  progress: bool = True, log=print) -> RunResult:
    """Execute the notebooks in order with papermill into ``out``; render each to HTML without code.

    The data file (when given) is loaded and checked first, so bad data stops the run before any notebook.
    A failing notebook is reported with its cell and message and the run goes on with the next one.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    out = Path(out).resolve()
    notebooks = list_notebooks(only)
    if not notebooks:
        raise KitError(f"no notebooks found in {notebooks_dir()}", hint="run kit from the project folder")
    shared = {"data_path": str(Path(data).resolve()) if data else None,
              "columns": str(Path(columns).resolve()) if columns else None,
              "encoding": encoding, "lang": lang, "out_dir": str(out)}
    plan = resolve_parameters(notebooks, shared, parameters or {})
    from .loading import load_transactions

    if data:
        _, report = load_transactions(data, columns, encoding)
    else:
        from .datasets import online_retail

        _, report = online_retail()
    log(f"data: {Path(report.source).name}: {report.n_rows:,} rows, {report.n_kept:,} kept "
        f"({report.analysis}; possible: {', '.join(report.available)})")
    out.mkdir(parents=True, exist_ok=True)
    kernel = ensure_kernel()
    os.environ[HEADLESS] = "1"  # the kernels started below inherit it: no sliders in reports
    result = RunResult(out, report=report)
    for i, nb in enumerate(notebooks, 1):
        reason = unmet(notebook_requirements(nb), report, bundled=not data)
        if reason:
            log(f"[{i}/{len(notebooks)}] {nb.stem}: skipped ({reason})")
            result.results.append(NotebookResult(nb.stem, True, 0.0, skipped=reason))
            continue
        log(f"[{i}/{len(notebooks)}] {nb.stem}")
        target = out / nb.name
        start = time.perf_counter()
        try:
            papermill.execute_notebook(str(nb), str(target), parameters=plan[nb], kernel_name=kernel,
                                       cwd=str(nb.parent), progress_bar=progress, language="python")
        except PapermillExecutionError as err:
            message = f"cell {err.cell_index} (execution count {err.exec_count}) raised {err.ename}: " \
                      f"{_first_lines(err.evalue)}"
            result.results.append(NotebookResult(nb.stem, False, time.perf_counter() - start, target,
                                                 error=message))
            log(f"  FAILED {nb.stem}: {message}")
            _render_html(target)
            continue
        html = _render_html(target)
        seconds = time.perf_counter() - start
        result.results.append(NotebookResult(nb.stem, True, seconds, target, html))
        log(f"  done in {seconds:.1f} s -> {target.name}, {html.name}")
    _write_summary(result)
    from .actions import write_action_list
    from .report import write_index

    written = write_action_list(out, lang)
    if written:
        log(f"action list -> {', '.join(p.name for p in written)}")
    log(f"report -> {write_index(result, lang).name}")
    return result


def _first_lines(text: str, n: int = 6) -> str:
    lines = str(text).strip().splitlines()
    return "\n    ".join(lines[:n]) + (" ..." if len(lines) > n else "")


def _render_html(notebook: Path) -> Path | None:
    """Write ``notebook`` as HTML beside it, without code cells or prompts."""
    import nbformat
    from nbconvert import HTMLExporter

    if not notebook.exists():
        return None
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    html = notebook.with_suffix(".html")
    html.write_text(body, encoding="utf-8")
    return html


def _write_summary(result: RunResult) -> None:
    lines = ["notebook\tstatus\tseconds\tmessage"]
    for r in result.results:
        status = "skipped" if r.skipped else ("ok" if r.ok else "failed")
        message = r.skipped or (r.error.splitlines()[0] if r.error else "")
        lines.append(f"{r.name}\t{status}\t{r.seconds:.1f}\t{message}")
    (result.out / "run_summary.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def refresh_notebooks(only=None, log=print) -> None:
    """Re-execute the course notebooks in place with their default parameters (their committed outputs)."""
    import nbformat
    from nbclient import NotebookClient

    kernel = ensure_kernel()
    os.environ[HEADLESS] = "1"
    for nb_path in list_notebooks(only):
        log(f"refreshing {nb_path.name}")
        nb = nbformat.read(nb_path, as_version=4)
        NotebookClient(nb, kernel_name=kernel, timeout=900,
                       resources={"metadata": {"path": str(nb_path.parent)}}).execute()
        nb.metadata["kernelspec"] = {"name": kernel, "display_name": "Python (customer value kit)",
                                     "language": "python"}
        nb.metadata.pop("widgets", None)
        nbformat.write(nb, nb_path)
