"""Running the course notebooks headlessly: papermill execution, HTML rendering, a summary of the run.

``kit run`` (see :mod:`kit.run.cli`) is a thin layer over :func:`run_notebooks`.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import sys
import time
import zlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..data.engines import choose_engine
from ..errors import KitError
from ..present import label, results
from .params import Parameter, check, coerce, notebook_parameters
from .tracks import LANGUAGES, build_track, track_dir
from ..course.widgets import HEADLESS

KERNEL = "customer-value-kit"
#: What a notebook can declare in its metadata (``metadata.kit.requires``) -> the label of the reason it is skipped
#: when the data cannot provide it (:mod:`kit.present.texts.reports`).
REQUIREMENTS = {
    "customers": "skip_customers",
    "baskets": "skip_baskets",
    "dated": "skip_dated",
    "bundled": "skip_bundled",
}


def notebooks_dir(lang: str = "en") -> Path:
    """The course notebooks of the ``lang`` track: ``$KIT_NOTEBOOKS`` (any language), else ``notebooks/<lang>``
    (:mod:`kit.run.tracks`)."""
    return Path(os.environ.get("KIT_NOTEBOOKS") or track_dir(lang))


def list_notebooks(only=None, lang: str = "en") -> list[Path]:
    """The numbered notebooks of the ``lang`` track in order; ``only`` keeps those whose name starts with or
    contains one of its items (``["00"]`` or ``["data_preparation"]`` selects ``00_data_preparation.ipynb``)."""
    found = sorted(notebooks_dir(lang).glob("[0-9][0-9]_*.ipynb"))
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


def unmet(requirements, report, bundled: bool = True, lang: str = "en") -> str:
    """Why ``report``'s data cannot serve a notebook with ``requirements``, in ``lang`` ('' when it can)."""
    for requirement in requirements:
        if ((requirement == "bundled" and not bundled)
                or (requirement == "dated" and "order_date" not in report.columns)
                or (requirement in ("customers", "baskets") and requirement not in report.available)):
            return label(REQUIREMENTS[requirement], lang)
    return ""


#: The list of the files a run wrote in its output folder; the next run deletes exactly those first.
MANIFEST = ".kit-run.json"
#: The kernels' own messages (start-up warnings, crashes), apart from the notebooks' output.
KERNEL_MESSAGES = "kernel_messages.log"
#: Share of the memory available at the start of a run that the notebook kernels may use (``--memory-limit``).
MEMORY_SHARE = 0.75
#: A kernel needs at least this much address space to import the kit (numpy, OpenBLAS, pandas, scikit-learn).
MEMORY_FLOOR = 2 * 1024**3
#: Default time limit of one notebook, in seconds (``--timeout``).
TIMEOUT = 1800


def available_memory() -> int:
    """Bytes of memory available now: ``MemAvailable`` of ``/proc/meminfo`` on Linux, else the physical memory."""
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            for line in meminfo:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def memory_budget(available: int | None = None) -> int:
    """The kernels' default memory limit: ``max(MEMORY_SHARE * available, MEMORY_FLOOR)`` (at most a limit the kit
    itself runs under, ``ulimit -v``).

    >>> memory_budget(16 * 1024**3) / 1024**3
    12.0
    """
    import resource

    available = available_memory() if available is None else available
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    budget = max(int(MEMORY_SHARE * available), MEMORY_FLOOR)
    return budget if hard == resource.RLIM_INFINITY else min(budget, hard)


def parse_memory(text: str) -> int | None:
    """``"6G"``, ``"6000M"``, ``"6.5GB"`` or bytes -> bytes; ``"0"`` or ``"none"`` -> ``None`` (no limit).

    >>> parse_memory("6G"), parse_memory("512M"), parse_memory("none")
    (6442450944, 536870912, None)
    """
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*", str(text).lower())
    if str(text).strip().lower() in ("none", "off", "0"):
        return None
    if not match:
        raise KitError(f"memory limit {text!r} is not a size", hint="give e.g. --memory-limit 6G or 6000M (0: none)")
    return int(float(match[1]) * 1024 ** " kmgt".index(match[2] or " "))


#: Set in a kernel that runs under a memory limit: Arrow's own allocator keeps address space it has returned to the
#: system, so a 50 M-line table reached 21.6 GB of address space for 11.9 GB of memory and the limit stopped it;
#: with the system allocator the two stay close (15.0 against 12.8 GB).
KERNEL_ENVIRONMENT = {"ARROW_DEFAULT_MEMORY_POOL": "system"}


def _limit_address_space(limit: int) -> None:  # runs in the kernel process, before the kernel starts
    """Set the soft ``RLIMIT_AS`` to ``limit``; the hard limit stays, so the Spark engine can lift the soft one for
    the Java process it starts (:func:`kit.data.engines.address_space_for_java`)."""
    import resource

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)  # a limit set from outside (ulimit -v, prlimit) cannot be raised
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def kernel_manager(memory_limit: int | None, messages=None):
    """A Jupyter kernel manager class whose kernels get ``RLIMIT_AS = memory_limit`` (POSIX; none: no limit) and,
    under a limit, :data:`KERNEL_ENVIRONMENT`.

    Under the limit an allocation that does not fit raises ``MemoryError`` in the notebook instead of the system
    killing the kernel (or something else) for lack of memory. The kernels' own messages (not the notebooks'
    output) go to the open file ``messages``. The class keeps the processes it started in ``processes``, so the
    runner can say how a dead kernel ended and stop one left behind.
    """
    from jupyter_client.manager import AsyncKernelManager

    class LimitedKernelManager(AsyncKernelManager):
        processes: list = []

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            if memory_limit and os.name == "posix":
                kw["preexec_fn"] = partial(_limit_address_space, memory_limit)
                kw["env"] = {**(kw.get("env") or os.environ), **KERNEL_ENVIRONMENT}
            if messages is not None:
                kw["stdout"] = kw["stderr"] = messages
            await super()._async_launch_kernel(kernel_cmd, **kw)
            LimitedKernelManager.processes.append(self.provisioner.process)

    return LimitedKernelManager


@dataclass
class NotebookResult:
    name: str
    ok: bool
    seconds: float
    notebook: Path | None = None
    html: Path | None = None
    error: str = ""
    skipped: str = ""
    #: why it was skipped or failed in the run's language, for the front page (``skipped`` and ``error`` are the
    #: kit's console and ``run_summary.tsv`` texts, in English)
    message: str = ""

    @property
    def status(self) -> str:
        return "skipped" if self.skipped else ("ok" if self.ok else "failed")


@dataclass
class RunResult:
    out: Path
    results: list[NotebookResult] = field(default_factory=list)

    report: object = None
    interrupted: bool = False
    memory_limit: int | None = None

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results) and not self.interrupted

    @property
    def failed(self) -> list[NotebookResult]:
        return [r for r in self.results if not r.ok]

    @property
    def skipped(self) -> list[NotebookResult]:
        return [r for r in self.results if r.skipped]


def reconcile_options(options: dict, extra: dict) -> dict:
    """Merge ``kit run``'s options (``data_path``, ``columns``, ``encoding``, ``lang``, ``out_dir``, ``engine``; ``None`` when
    not given) with the same names given as ``-p NAME VALUE`` in ``extra`` (which loses them).

    A ``-p`` value stands in for a missing option; an option and a ``-p`` value that differ raise :class:`KitError`.

    >>> reconcile_options({"lang": None}, {"lang": "zh", "top_n": "5"})
    {'lang': 'zh'}
    """
    flags = {"data_path": "--data", "columns": "--columns", "encoding": "--encoding", "lang": "--lang",
             "out_dir": "--out", "engine": "--engine"}
    merged = dict(options)
    for name in [n for n in extra if n in flags]:
        value = extra.pop(name)
        given = merged.get(name)
        same = given == value or (name in ("data_path", "columns", "out_dir") and given is not None
                                  and Path(given).resolve() == Path(value).resolve())
        if given is not None and not same:
            raise KitError(f"{flags[name]} {given} and -p {name} {value} disagree",
                           hint=f"give the {name} once, with {flags[name]}")
        merged[name] = value
    return merged


def check_parameters(plan: dict[Path, dict]) -> None:
    """Check every notebook's parameters (its defaults with the run's values) against :data:`kit.run.params.CONSTRAINTS`.

    Raises :class:`KitError` naming the parameter, the value and the allowed values, before anything runs.
    """
    for nb, values in plan.items():
        declared = {name: p.value for name, p in notebook_parameters(nb).items()}
        check(**{**declared, **{k: v for k, v in values.items() if k != "out_dir"}})


def prepare_out(out: Path) -> None:
    """Make sure ``out`` is a folder the kit can write; raise :class:`KitError` (nothing written) if not.

    A folder holding an earlier run without the kit's manifest is refused: the kit cannot tell its files from others.
    """
    import tempfile

    if out.exists() and not out.is_dir():
        raise KitError(f"output folder {out} is a file", hint="give a folder with --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out):
            pass
    except OSError as err:
        raise KitError(f"cannot write to the output folder {out}: {err.strerror or err}",
                       hint="give a folder you can write to with --out") from None
    if not (out / MANIFEST).exists() and (out / "run_summary.tsv").exists():
        raise KitError(f"output folder {out} holds an earlier run without the kit's list of its files ({MANIFEST})",
                       hint="delete that folder (or the files of the earlier run) or give another --out; from now "
                            "on each run clears the files of the run before")


def clear_previous_run(out: Path) -> dict[Path, int]:
    """Delete exactly the files (and then empty folders) the previous run listed in ``out``'s manifest.

    Returns the files left (not the kit's) with their modification times, for :func:`write_manifest`.
    """
    manifest = out / MANIFEST
    if manifest.exists():
        owned = json.loads(manifest.read_text(encoding="utf-8"))
        for name in owned.get("files", []):
            path = (out / name).resolve()
            if path.is_relative_to(out) and path.is_file():
                path.unlink()
        for name in sorted(owned.get("folders", []), key=len, reverse=True):
            path = (out / name).resolve()
            if path.is_relative_to(out) and path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        manifest.unlink()
    return {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def write_manifest(out: Path, before: dict[Path, int], folders_before: set[Path]) -> list[str]:
    """List in ``out``'s manifest every file written since :func:`clear_previous_run` (new or changed)."""
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*")
                   if p.is_file() and p.name != MANIFEST and before.get(p) != p.stat().st_mtime_ns)
    folders = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_dir() and p not in folders_before)
    (out / MANIFEST).write_text(json.dumps({"files": files, "folders": folders}, indent=1), encoding="utf-8")
    return files


def run_notebooks(data: str | None = None, columns: str | None = None, encoding: str | None = None,
                  lang: str | None = None, out=None, only=None, parameters: dict | None = None,
                  progress: bool = True, log=print, memory_limit: int | None | str = "auto",
                  timeout: float | None = TIMEOUT, engine: str | None = None) -> RunResult:
    """Execute the notebooks in order with papermill into ``out``; render each to HTML without code.

    Before anything runs: the parameters are checked against :data:`kit.run.params.CONSTRAINTS`, ``out`` must be
    writable and the data file (when given) is loaded and checked. Then the files of the previous run in ``out``
    (its manifest) are deleted. Each notebook runs in a kernel limited to ``memory_limit`` bytes (``"auto"``:
    :func:`memory_budget`; ``None``: no limit) and ``timeout`` seconds; a notebook that raises, runs out of time or
    whose kernel dies is reported failed with its reason and cell, and the run goes on with the next one. Ctrl-C
    stops the run. ``run_summary.tsv``, ``index.html`` and the manifest are always written.
    """
    import papermill

    parameters = dict(parameters or {})
    options = reconcile_options({"data_path": data, "columns": columns, "encoding": encoding, "lang": lang,
                                 "out_dir": None if out is None else str(out), "engine": engine}, parameters)
    data, columns, encoding = options["data_path"], options["columns"], options["encoding"]
    engine = choose_engine(options["engine"], data)
    lang, out = options["lang"] or "en", Path(options["out_dir"] or "outputs").resolve()
    check(lang=lang)  # the language chooses the track, so it is checked before the notebooks are listed
    notebooks = list_notebooks(only, lang)
    if not notebooks:
        raise KitError(f"no notebooks found in {notebooks_dir(lang)}", hint="run kit from the project folder")
    shared = {"data_path": str(Path(data).resolve()) if data and not glob.has_magic(data) else data,
              "columns": str(Path(columns).resolve()) if columns else None,
              "encoding": encoding, "lang": lang, "out_dir": str(out), "engine": engine,
              "prepared": str(out / PREPARED)}
    plan = resolve_parameters(notebooks, shared, parameters)
    check_parameters(plan)
    prepare_out(out)
    if memory_limit == "auto":
        memory_limit = memory_budget()
    staging = out / f".{PREPARED}-new"  # the previous run's files stay until the data have loaded
    report = prepare_data(data, columns, encoding, engine, staging, log)
    kernel = ensure_kernel()
    folders_before = {p for p in out.rglob("*") if p.is_dir()}
    before = clear_previous_run(out)
    results.clear(out)  # the action list and front page must never read an earlier run's results
    if (out / PREPARED).exists():
        shutil.rmtree(out / PREPARED)
    staging.rename(out / PREPARED)
    before = {p: t for p, t in before.items() if p.exists()}
    folders_before = {p for p in folders_before if p.exists()}
    messages = open(out / KERNEL_MESSAGES, "w", encoding="utf-8")  # noqa: SIM115 - closed when the run ends
    manager = kernel_manager(memory_limit, messages)
    log(f"limits per notebook: memory {_size(memory_limit)}, time {f'{timeout:.0f} s' if timeout else 'none'}")
    os.environ[HEADLESS] = "1"  # the kernels started below inherit it: no sliders in reports
    result = RunResult(out, report=report, memory_limit=memory_limit)
    try:
        for i, nb in enumerate(notebooks, 1):
            needs = notebook_requirements(nb)
            reason = unmet(needs, report, bundled=not data)
            if reason:
                log(f"[{i}/{len(notebooks)}] {nb.stem}: skipped ({reason})")
                result.results.append(NotebookResult(nb.stem, True, 0.0, skipped=reason,
                                                     message=unmet(needs, report, bundled=not data, lang=lang)))
                continue
            log(f"[{i}/{len(notebooks)}] {nb.stem}")
            target = out / nb.name
            start = time.perf_counter()
            deadline = time.monotonic() + timeout if timeout else None
            error = message = ""
            messages.write(f"--- {nb.name}\n")
            messages.flush()
            try:
                papermill.execute_notebook(
                    str(nb), str(target), parameters=plan[nb], kernel_name=kernel, cwd=str(nb.parent),
                    progress_bar=progress, language="python", kernel_manager_class=manager,
                    timeout_func=(lambda cell: max(1, int(deadline - time.monotonic()))) if deadline else None)
            except KeyboardInterrupt:
                error, message = (label("fail_interrupted", language).format(cell=_cell_of(target, language))
                                  for language in ("en", lang))
                result.interrupted = True
            except Exception as err:  # noqa: BLE001 - any failure of one notebook is reported, the run goes on
                process = manager.processes[-1] if manager.processes else None
                error, message = (_failure(err, target, process, timeout, language) for language in ("en", lang))
            finally:
                _stop_kernels(manager)
            seconds = time.perf_counter() - start
            html = _render_html(target, lang, nb.parent)
            if error:
                result.results.append(NotebookResult(nb.stem, False, seconds, target, html, error=error,
                                                     message=message))
                log(f"  FAILED {nb.stem}: {error}")
                if result.interrupted:
                    result.results += [NotebookResult(rest.stem, True, 0.0, skipped=label("skip_interrupted"),
                                       message=label("skip_interrupted", lang))
                                       for rest in notebooks[i:]]
                    break
                continue
            result.results.append(NotebookResult(nb.stem, True, seconds, target, html))
            log(f"  done in {seconds:.1f} s -> {target.name}, {html.name}")
    except KeyboardInterrupt:  # between notebooks (skipping, rendering): what ran is kept
        result.interrupted = True
        done = {r.name for r in result.results}
        result.results += [NotebookResult(nb.stem, True, 0.0, skipped=label("skip_interrupted"),
                                       message=label("skip_interrupted", lang))
                           for nb in notebooks if nb.stem not in done]
    finally:
        messages.close()
        _finish(result, lang, before, folders_before, log)
    return result


#: The run folder's subfolder holding the loaded tables (:mod:`kit.data.prepared`), read by every notebook.
PREPARED = "prepared"


def prepare_data(data, columns, encoding, engine: str, folder: Path, log=print):
    """Read the data once, clean it for each analysis it allows (customers, baskets) with ``engine`` and save each
    into ``folder`` for the notebooks; return the report of the first (default) analysis.

    The notebooks read the saved tables back (``prepared``) instead of loading the file again. The engine's session
    is closed afterwards, so that its memory (DuckDB's buffers, Spark's Java process) is free while they run.
    """
    from ..data.datasets import load_each
    from ..data.engines import disconnect
    from ..data.prepared import save_prepared

    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    first = None
    start = time.perf_counter()
    # written by the engine: the kept lines never pass through this process
    for tx, report in load_each(data or "", columns or "", encoding or "", engine=engine, lines=folder):
        save_prepared(folder, tx, report, folder / f"{report.analysis}.lines.parquet")
        seconds = time.perf_counter() - start
        if first is None:
            first = report
            log(f"data: {Path(report.source).name}: {report.n_rows:,} rows, {report.n_kept:,} kept "
                f"({report.analysis}; possible: {', '.join(report.available)}; engine {engine}, {seconds:.1f} s)")
        else:
            log(f"data for {report.analysis} analyses: {report.n_kept:,} kept ({seconds:.1f} s)")
        start = time.perf_counter()
    disconnect(engine)  # nothing to close for pandas
    return first


def _finish(result: RunResult, lang: str, before: dict, folders_before: set, log) -> None:
    """Write the summary, the action list, the front page and the manifest, whatever happened to the notebooks."""
    from ..present.actions import write_action_list
    from ..present.report import write_index

    _write_summary(result)
    try:
        written = write_action_list(result.out, lang)
        if written:
            log(f"action list -> {', '.join(p.name for p in written)}")
    except Exception as err:  # noqa: BLE001 - a partial run may leave exports the action list cannot use
        log(f"  no action list: {type(err).__name__}: {_first_lines(err, 2)}")
    log(f"report -> {write_index(result, lang).name}")
    write_manifest(result.out, before, folders_before)


def _size(limit: int | None) -> str:
    return "none" if not limit else f"{limit / 1024**3:.1f} GB"


def _cell_of(notebook: Path, lang: str = "en") -> str:
    """`` in cell N`` (in ``lang``): the last cell papermill started in its output ``notebook`` ('' if none or
    unreadable)."""
    import nbformat

    try:
        cells = nbformat.read(notebook, as_version=4).cells
    except Exception:  # noqa: BLE001 - the output notebook may not exist yet or be half written
        return ""
    started = [i for i, cell in enumerate(cells) if cell.get("metadata", {}).get("papermill", {}).get("start_time")]
    return label("fail_in_cell", lang).format(cell=started[-1]) if started else ""


def _failure(err: Exception, target: Path, process, timeout, lang: str = "en") -> str:
    """Why a notebook failed, in a few lines in ``lang``: the cell and the error, or how its kernel ended."""
    import signal

    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    cell = _cell_of(target, lang)
    if isinstance(err, PapermillExecutionError):
        return label("fail_raised", lang).format(cell=err.cell_index, count=err.exec_count, ename=err.ename,
                                                 evalue=_first_lines(err.evalue))
    if isinstance(err, CellTimeoutError) or (isinstance(err, TimeoutError) and timeout):
        return label("fail_timeout", lang).format(seconds=timeout, cell=cell)
    if isinstance(err, DeadKernelError):
        code = process.poll() if process is not None else None
        if code is not None and code < 0:
            name = signal.Signals(-code).name
            how = label("kernel_killed", lang).format(signal=name) + (
                label("kernel_out_of_memory", lang) if name == "SIGKILL" else "")
        else:
            how = (label("kernel_exited", lang).format(code=code) if code is not None
                   else label("kernel_unresponsive", lang))
            how += label("kernel_messages_in", lang).format(file=KERNEL_MESSAGES)
        return label("fail_kernel_died", lang).format(cell=cell, how=how)
    return f"{type(err).__name__}{cell}: {_first_lines(err)}"


def _stop_kernels(manager) -> None:
    """Kill any kernel this run started that is still running (after Ctrl-C or a failed shutdown)."""
    for process in manager.processes:
        if process.poll() is None:
            process.kill()
            process.wait()


def _first_lines(text, n: int = 6) -> str:
    lines = str(text).strip().splitlines()
    return "\n    ".join(lines[:n]) + (" ..." if len(lines) > n else "")


#: Cells tagged so are for learners in JupyterLab (exercise prompts and checks, sliders): reports leave them out.
COURSE_ONLY = "course-only"
#: Math in markdown: ``$$...$$`` (display) and ``$...$`` (inline, opening after a non-space, closing before one and
#: not followed by a digit); code spans and fenced code are left alone and ``\$`` is a currency sign.
MATH = re.compile(r"""(?P<code>```.*?```|~~~.*?~~~|(?P<ticks>`+).*?(?P=ticks))
                      |(?P<escaped>\\\$)
                      |\$\$(?P<display>.+?)\$\$
                      |\$(?P<inline>[^\s$](?:[^$\n]|\n(?![ \t]*\n))*?)(?<![\s\\])\$(?!\d)""", re.S | re.X)
#: The HTML report's template: JupyterLab's without scripts from the network (MathJax, require.js, mermaid,
#: widgets); the page works offline, its math is MathML (rendered by the browser) and its text in the run's language.
REPORT_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}<style type="text/css">
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
math { font-family: "Cambria Math", "STIX Two Math", "Latin Modern Math", math; }
math[display="block"] { display: block math; margin: .6em 0; overflow-x: auto; }
</style>{%- endblock extra_css -%}
"""


def latex_to_mathml(markdown: str) -> tuple[str, dict[str, str]]:
    """``markdown`` with each formula replaced by a placeholder word, and the MathML of each placeholder.

    The placeholders pass through the markdown renderer untouched; :func:`_render_html` puts the MathML back in the
    HTML it renders. A formula ``latex2mathml`` cannot convert is shown as its LaTeX in a code span.

    >>> text, math = latex_to_mathml(r"costs \\$5 and $x^2$ `$not math$`")
    >>> text.startswith(r"costs \\$5 and kitmath") and text.endswith("`$not math$`"), len(math)
    (True, 1)
    >>> next(iter(math.values()))[:50]
    '<math xmlns="http://www.w3.org/1998/Math/MathML" d'
    """
    from latex2mathml.converter import convert

    formulas: dict[str, str] = {}

    def replace(match: re.Match) -> str:
        latex, display = (match["display"], "block") if match["display"] is not None else (match["inline"], "inline")
        if latex is None:
            return match[0]
        try:
            mathml = convert(latex.strip(), display=display)
        except Exception:  # noqa: BLE001 - an unsupported command: show the formula as code rather than fail
            import html

            mathml = f"<code class='math'>{html.escape(latex.strip())}</code>"
        key = f"kitmath{len(formulas)}x{zlib.crc32(markdown.encode())}q"
        formulas[key] = mathml
        return key

    return MATH.sub(replace, markdown), formulas


def report_notebook(nb):
    """What a report shows of the executed notebook ``nb``: the cells not tagged :data:`COURSE_ONLY`, formulas in
    markdown as placeholders (:func:`latex_to_mathml`); returns ``(nb, {placeholder: MathML})``."""
    nb.cells = [c for c in nb.cells if COURSE_ONLY not in c.metadata.get("tags", [])]
    formulas: dict[str, str] = {}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source, found = latex_to_mathml(cell.source)
            formulas.update(found)
        for output in cell.get("outputs", []):
            if "text/markdown" in output.get("data", {}):
                output["data"]["text/markdown"], found = latex_to_mathml(output["data"]["text/markdown"])
                formulas.update(found)
    nb.metadata.pop("widgets", None)
    return nb, formulas


def _render_html(notebook: Path, lang: str = "en", images: Path | None = None) -> Path | None:
    """Write ``notebook`` as HTML beside it for people: no code, prompts or course-only cells, math as MathML,
    nothing loaded from the network (``None`` if it cannot be read). ``images``: the folder markdown image links
    are relative to (they are embedded)."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    if not notebook.exists():
        return None
    exporter = HTMLExporter(exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                            embed_images=True, language_code=lang,
                            extra_loaders=[DictLoader({"kit_report.html.j2": REPORT_TEMPLATE})],
                            template_file="kit_report.html.j2")
    try:
        nb, formulas = report_notebook(nbformat.read(notebook, as_version=4))
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {
            "name": notebook.stem, "path": str(images or notebook.parent)}})
    except Exception:  # noqa: BLE001 - a notebook cut short may be half written
        return None
    for key, mathml in formulas.items():
        body = body.replace(f"<p>{key}</p>", mathml).replace(key, mathml)
    body = body.replace('alt="No description has been provided for this image"',  # nbconvert's, in English
                        f'alt="{label("report_image", lang)}"')
    html = notebook.with_suffix(".html")
    html.write_text(body, encoding="utf-8")
    return html


def _write_summary(result: RunResult) -> None:
    lines = ["notebook\tstatus\tseconds\tmessage"]
    for r in result.results:
        message = r.skipped or (r.error.splitlines()[0] if r.error else "")
        lines.append(f"{r.name}\t{r.status}\t{r.seconds:.1f}\t{message}")
    (result.out / "run_summary.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def refresh_notebooks(only=None, log=print, languages=LANGUAGES) -> None:
    """Build both language tracks from the bilingual sources (:mod:`kit.run.tracks`) and execute the tracks and
    the sources in place with their default parameters: their committed outputs."""
    import nbformat
    from nbclient import NotebookClient

    kernel = ensure_kernel()
    os.environ[HEADLESS] = "1"

    def execute(nb, path: Path) -> None:
        log(f"refreshing {path.parent.name}/{path.name}")
        NotebookClient(nb, kernel_name=kernel, timeout=900,
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        nb.metadata["kernelspec"] = {"name": kernel, "display_name": "Python (customer value kit)",
                                     "language": "python"}
        nb.metadata.pop("widgets", None)
        nbformat.write(nb, path)

    for source_path in list_notebooks(only, "source"):
        source = nbformat.read(source_path, as_version=4)
        for lang in languages:
            path = track_dir(lang) / source_path.name
            path.parent.mkdir(parents=True, exist_ok=True)
            execute(build_track(source, lang), path)
        execute(source, source_path)
