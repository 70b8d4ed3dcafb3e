"""Where the heavy steps run: ``pandas`` (in this process), ``duckdb`` (embedded, larger than memory) or ``spark``.

An :class:`Engine` runs SQL over named tables and hands small results back as pandas DataFrames. The SQL the kit
sends is written once and runs unchanged on DuckDB and Spark SQL (``CASE``, window functions, ``GROUP BY``,
``date_trunc``, ``IS NOT DISTINCT FROM``); the pandas engine runs the kit's own pandas code instead, and the parity
tests hold the two to the same answers on the bundled data.

Which engine, by a documented rule (:func:`choose_engine`): ``"auto"`` is ``pandas`` for inputs up to
:data:`AUTO_DUCKDB_BYTES` on disk and ``duckdb`` above, or for a glob of many files, when DuckDB is installed. Spark is never chosen
automatically: it needs a Java runtime and, for more than one machine, a cluster (``KIT_SPARK_MASTER``).

    >>> choose_engine("auto", None)
    'pandas'
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import warnings
import weakref
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import KitError

ENGINES = ("pandas", "duckdb", "spark")
#: ``engine="auto"`` chooses DuckDB above this many bytes of input: 256 MiB of CSV is about 3 M lines, which pandas
#: holds in about 2.5 GB while reading and cleaning (a 579 MiB file of 7 M lines peaked at 9.4 GB).
AUTO_DUCKDB_BYTES = 256 * 2**20
#: Memory DuckDB may use before it spills to disk (``KIT_DUCKDB_MEMORY`` overrides, e.g. ``"8GB"``): the kept lines
#: come back to pandas beside it, and a run is meant to stay within 4 GB.
DUCKDB_MEMORY = "2GB"
#: The Spark master when ``KIT_SPARK_MASTER`` is not set: all cores of this machine.
SPARK_MASTER = "local[*]"
#: The Spark driver's memory (``KIT_SPARK_MEMORY`` overrides): with ``local[*]`` the driver does all the work, and
#: Spark's default of 1 GB runs out of heap on 5 M lines.
SPARK_MEMORY = "4g"
#: Rows the Spark engine brings to this process per job when it fetches lines (see ``SparkEngine.rows``).
SPARK_FETCH_ROWS = 2_000_000
#: Spark's JVM threads need a deeper stack than the default for FP-growth and long query plans.
SPARK_STACK = "-Xss64m"


def input_paths(source) -> list[Path]:
    """The files a source names: one path, or every file a glob pattern (``sales/*.parquet``) matches, sorted.

    Parameters
    ----------
    source : str or Path

    Returns
    -------
    list of Path

    Examples
    --------
    >>> input_paths("no/such/*.csv")
    []
    """
    text = str(source)
    if any(char in text for char in "*?["):
        return [Path(p) for p in sorted(glob.glob(text))]
    return [Path(text)] if Path(text).exists() else []


def choose_engine(engine: str | None, source) -> str:
    """The engine to use: ``engine`` itself, or for ``"auto"`` (and ``None``) the rule of the module docstring.

    Parameters
    ----------
    engine : {"auto", "pandas", "duckdb", "spark"} or None
    source : path, glob pattern, DataFrame or None
        The input; a DataFrame or nothing (the bundled data) is small.

    Returns
    -------
    str
        One of :data:`ENGINES`.

    Examples
    --------
    >>> choose_engine("duckdb", None), choose_engine(None, pd.DataFrame())
    ('duckdb', 'pandas')
    """
    if engine not in (None, "", "auto", *ENGINES):
        raise KitError(f"unknown engine {engine!r}", hint=f"use auto or one of {', '.join(ENGINES)}")
    if engine not in (None, "", "auto"):
        return engine
    if source is None or isinstance(source, pd.DataFrame) or source == "":
        return "pandas"
    if glob.has_magic(str(source)) and _installed("duckdb"):
        return "duckdb"  # many files: DuckDB reads them as one table
    size = sum(p.stat().st_size for p in input_paths(source))
    if size > AUTO_DUCKDB_BYTES and _installed("duckdb"):
        return "duckdb"
    return "pandas"


def sql_engine(engine: str | None) -> str | None:
    """The SQL engine an aggregation over an in-memory table runs in: ``"duckdb"`` or ``"spark"``, or ``None`` for
    the kit's pandas code (``"pandas"``, ``"auto"``, empty).

    Parameters
    ----------
    engine : str or None

    Returns
    -------
    str or None

    Examples
    --------
    >>> sql_engine("auto"), sql_engine("duckdb")
    (None, 'duckdb')
    """
    chosen = choose_engine(engine, None)
    return None if chosen == "pandas" else chosen


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


class Engine:
    """SQL over named tables in DuckDB or Spark; results come back as pandas DataFrames.

    Attributes
    ----------
    name : str
        ``"duckdb"`` or ``"spark"``.

    Examples
    --------
    >>> engine = connect("duckdb")
    >>> engine.register("t", pd.DataFrame({"a": [1, 2, 2]}))
    >>> engine.query("SELECT a, count(*) AS n FROM t GROUP BY a ORDER BY a")["n"].tolist()
    [1, 2]
    """

    name = ""
    #: A 64-bit hash of several columns (exact duplicates are lines with equal hashes, as pandas finds them).
    hash_function = "hash"

    def register(self, name: str, frame: pd.DataFrame) -> None:
        """Make a pandas DataFrame a table called ``name``."""
        raise NotImplementedError

    def close(self) -> None:
        """Free what the engine holds (its memory, its folders, its processes); it cannot be used afterwards."""

    def view(self, name: str, sql: str) -> None:
        """Name the result of ``sql`` (computed again where it is used)."""
        raise NotImplementedError

    def table(self, name: str, sql: str) -> None:
        """Compute ``sql`` once and keep it as the table ``name`` (spilling to disk when large)."""
        raise NotImplementedError

    def query(self, sql: str) -> pd.DataFrame:
        """Run ``sql`` and return its result as a pandas DataFrame."""
        raise NotImplementedError

    def table_from(self, name: str, frame: pd.DataFrame) -> None:
        """Copy a pandas DataFrame into the engine as the table ``name`` (the frame is not referenced after)."""
        self.register(f"{name}_frame", frame)
        self.table(name, f"SELECT * FROM {name}_frame")
        self.drop(f"{name}_frame")

    def read(self, name: str, paths: list[Path], kind: str, delimiter: str = ",") -> None:
        """Make the files ``paths`` (``kind`` ``"csv"``, all columns as text, or ``"parquet"``) the table ``name``
        with a ``_row`` column: the line's position in the input (files in order), from 0."""
        raise NotImplementedError

    def columns(self, name: str) -> list[str]:
        """The column names of table ``name``."""
        return list(self.query(f"SELECT * FROM {name} LIMIT 0").columns)

    def drop(self, *names: str) -> None:
        """Forget tables and views."""

    def write_parquet(self, sql: str, path: Path) -> None:
        """Write the result of ``sql`` to one Parquet file."""
        raise NotImplementedError

    def rows(self, table: str, columns: list[str], where: str, path: Path | None = None) -> pd.DataFrame | None:
        """The ``columns`` of the rows of ``table`` that meet ``where``, in the order of its ``_row`` column: as a
        DataFrame, or written to the Parquet file ``path`` (``None`` returned)."""
        listed = ", ".join(columns)
        if path is not None:
            self.write_parquet(f"SELECT {listed} FROM {table} WHERE {where} ORDER BY _row", path)
            return None
        frame = self.query(f"SELECT _row, {listed} FROM {table} WHERE {where}")  # sorted here, only if need be
        order = frame.pop("_row").to_numpy()
        if len(order) > 1 and not (order[1:] > order[:-1]).all():
            frame = frame.take(np.argsort(order, kind="stable"))
        return frame.reset_index(drop=True)


class DuckDBEngine(Engine):
    """An embedded DuckDB database in memory that spills to a temporary folder when the data outgrow memory."""

    name = "duckdb"

    def __init__(self, memory_limit: str | None = None):
        import duckdb

        self.con = duckdb.connect(config={"preserve_insertion_order": True})
        self.spill = tempfile.mkdtemp(prefix="kit-duckdb-")
        # the connection closed and its spill folder removed by close(), when the engine is dropped, or at exit
        self._finalizer = weakref.finalize(self, _close_duckdb, self.con, self.spill)
        self.con.execute(f"SET temp_directory = '{self.spill}'")
        self.con.execute("SET enable_progress_bar = false")
        memory_limit = memory_limit or os.environ.get("KIT_DUCKDB_MEMORY") or DUCKDB_MEMORY
        self.con.execute(f"SET memory_limit = {_quoted(memory_limit)}")

    def register(self, name, frame):
        self.con.register(name, frame)

    def close(self):
        self._finalizer()

    def view(self, name, sql):
        self.con.execute(f"CREATE OR REPLACE TEMP VIEW {name} AS {sql}")

    def table(self, name, sql):
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {sql}")

    def query(self, sql):
        # through Arrow, freeing each column as it is converted: one copy of a large result at a time, not two
        return self.con.sql(sql).to_arrow_table().to_pandas(self_destruct=True, split_blocks=True)

    def read(self, name, paths, kind, delimiter=","):
        files = "[" + ", ".join(_quoted(p) for p in paths) + "]"
        if kind == "parquet":
            source = f"read_parquet({files}, filename = true, file_row_number = true)"
            order = "filename, file_row_number"
            drop = "EXCLUDE (filename, file_row_number)"
        else:
            source = (f"read_csv({files}, all_varchar = true, header = true, delim = {_quoted(delimiter)}, "
                      "quote = '\"', escape = '\"', filename = true)")
            order, drop = None, "EXCLUDE (filename)"
        if order:
            self.table(name, f"SELECT row_number() OVER (ORDER BY {order}) - 1 AS _row, * {drop} FROM {source}")
        else:  # CSV lines keep their order (preserve_insertion_order)
            self.table(name, f"SELECT row_number() OVER () - 1 AS _row, * {drop} FROM {source}")

    def drop(self, *names):
        import duckdb

        for name in names:
            for kind in ("VIEW", "TABLE"):
                try:
                    self.con.execute(f"DROP {kind} IF EXISTS {name}")
                except duckdb.CatalogException:  # the other kind
                    pass

    def write_parquet(self, sql, path):
        self.con.execute(f"COPY ({sql}) TO {_quoted(path)} (FORMAT parquet)")


def _close_duckdb(con, spill: str) -> None:
    """Close a DuckDB connection and remove its spill folder."""
    con.close()
    shutil.rmtree(spill, ignore_errors=True)


class SparkEngine(Engine):
    """A Spark session: ``local[*]`` by default, or the cluster named by ``KIT_SPARK_MASTER``."""

    name = "spark"
    hash_function = "xxhash64"

    def __init__(self, master: str | None = None):
        try:
            from pyspark.sql import SparkSession
        except ImportError:
            raise KitError("the spark engine needs pyspark, which is not installed",
                           hint='pip install ".[spark]" (and a Java runtime 17 or newer), or use engine duckdb') \
                from None
        master = master or os.environ.get("KIT_SPARK_MASTER") or SPARK_MASTER
        builder = (SparkSession.builder.master(master).appName("customer-value-kit")
                   .config("spark.driver.memory", os.environ.get("KIT_SPARK_MEMORY") or SPARK_MEMORY)
                   .config("spark.driver.extraJavaOptions", SPARK_STACK)
                   .config("spark.executor.extraJavaOptions", SPARK_STACK)
                   .config("spark.sql.execution.arrow.pyspark.enabled", "true")
                   .config("spark.sql.session.timeZone", "UTC")
                   .config("spark.sql.shuffle.partitions", os.environ.get("KIT_SPARK_PARTITIONS", "8"))
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false"))
        # pyspark warns on every conversion that it was not yet tested with pandas 3; the parity tests are the check
        warnings.filterwarnings("ignore", message="PySpark does not yet fully support pandas", category=FutureWarning)
        try:
            with address_space_for_java():
                self.spark = builder.getOrCreate()
        except Exception as err:  # noqa: BLE001 - no Java, no cluster: say what to do
            raise KitError(f"the spark engine could not start ({str(err).splitlines()[0][:200]})",
                           hint="install a Java runtime 17 or newer (e.g. apt install default-jre-headless), set "
                                "KIT_SPARK_MASTER for a cluster, or use engine duckdb") from None
        self.spark.sparkContext.setLogLevel("ERROR")

    def register(self, name, frame):
        self.spark.createDataFrame(_spark_ready(frame)).createOrReplaceTempView(name)

    def close(self):
        """Stop the session and end the Java process pyspark started for it (its heap stays committed while the
        process lives); the next session starts a new one."""
        from pyspark import SparkContext

        self.spark.stop()
        gateway = SparkContext._gateway
        process = getattr(gateway, "proc", None)  # None when pyspark joined a gateway it did not start
        if process is None:
            return
        gateway.shutdown()
        process.stdin.close()  # Java exits when its standard input closes
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        SparkContext._gateway = SparkContext._jvm = None

    def view(self, name, sql):
        self.spark.sql(sql).createOrReplaceTempView(name)

    def table(self, name, sql):
        self.spark.sql(sql).cache().createOrReplaceTempView(name)

    def query(self, sql):
        return self.spark.sql(sql).toPandas()

    def read(self, name, paths, kind, delimiter=","):
        from pyspark.sql import functions as F

        files = [str(p) for p in paths]
        reader = self.spark.read
        frame = (reader.parquet(*files) if kind == "parquet"
                 else reader.csv(files, header=True, sep=delimiter, quote='"', escape='"', inferSchema=False))
        # the line's position: files in order, lines in order within a file
        frame = frame.withColumn("_file", F.input_file_name()).withColumn("_id", F.monotonically_increasing_id())
        frame.createOrReplaceTempView(f"{name}_read")
        columns = ", ".join(f"`{c}`" for c in frame.columns if c not in ("_file", "_id"))
        self.table(name, f"SELECT row_number() OVER (ORDER BY _file, _id) - 1 AS _row, {columns} FROM {name}_read")

    def columns(self, name):
        return list(self.spark.table(name).columns)

    def drop(self, *names):
        for name in names:
            self.spark.catalog.dropTempView(name)

    def write_parquet(self, sql, path):
        frame = self.query(sql)
        frame.to_parquet(path, index=False)

    def rows(self, table, columns, where, path=None):
        """As :meth:`Engine.rows`, fetched in ranges of ``_row`` of about :data:`SPARK_FETCH_ROWS` rows each: the
        driver holds one range's result at a time (one fetch of 20 M lines lost its results in a 4 GB driver)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        from .engine_loading import canonical_types

        chunks = self._row_ranges(table, columns, where)
        if path is None:
            return pd.concat(list(chunks), ignore_index=True)
        writer = None
        try:
            for chunk in chunks:
                part = pa.Table.from_pandas(canonical_types(chunk, chunk.columns), preserve_index=False,
                                            schema=writer.schema if writer else None)
                writer = writer or pq.ParquetWriter(path, part.schema)
                writer.write_table(part)
        finally:
            if writer:
                writer.close()
        return None

    def _row_ranges(self, table, columns, where):
        """The rows of :meth:`rows`, as DataFrames over consecutive ranges of ``_row`` (one, empty, when none)."""
        listed = ", ".join(columns)
        span = self.query(f"SELECT min(_row) AS first, max(_row) AS last, count(*) AS n FROM {table} WHERE {where}")
        n = int(span["n"].iloc[0])
        if n == 0:
            yield self.query(f"SELECT {listed} FROM {table} WHERE {where} LIMIT 0")
            return
        first, last = int(span["first"].iloc[0]), int(span["last"].iloc[0])
        step = max(1, (last - first + 1) * SPARK_FETCH_ROWS // n)  # row numbers per range, for the rows kept
        for start in range(first, last + 1, step):
            yield self.query(f"SELECT {listed} FROM {table} WHERE ({where}) AND _row >= {start} "
                             f"AND _row < {start + step} ORDER BY _row")


@contextlib.contextmanager
def address_space_for_java():
    """Lift this process's soft address-space limit (``RLIMIT_AS``, which ``kit run`` sets on its kernels) to the hard
    one while Spark starts its Java process, which inherits it.

    Java reserves address space far beyond what it uses (the heap's maximum, 64 MB per thread stack) and is bounded by
    its own heap size: under a kernel's limit of 14 GB, Spark's threads failed to start ("unable to create native
    thread") and the notebook waited for a result that never came. This process keeps its limit.
    """
    try:
        import resource
    except ImportError:  # not POSIX: no limits
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if soft == hard:
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _spark_ready(frame: pd.DataFrame) -> pd.DataFrame:
    """Object columns as text (Spark infers one type per column; mixed cells would fail)."""
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(lambda v: v if v is None or isinstance(v, str) else
                                              (None if pd.isna(v) else str(v)))
    return frame


def _quoted(text) -> str:
    return "'" + str(text).replace("'", "''") + "'"


_SESSIONS: dict[str, Engine] = {}


@contextlib.contextmanager
def registered(engine: str, frame: pd.DataFrame, name: str = "kit_frame"):
    """Within the block, ``frame`` is the table ``name`` in the process's ``engine``; it is dropped afterwards.

    Parameters
    ----------
    engine : {"duckdb", "spark"}
    frame : DataFrame
        Only the columns the queries need (Spark copies what it is given).
    name : str

    Yields
    ------
    Engine

    Examples
    --------
    >>> with registered("duckdb", pd.DataFrame({"a": [1, 2]}), "t") as session:
    ...     int(session.query("SELECT sum(a) AS s FROM t")["s"].iloc[0])
    3
    """
    session = connect(engine)
    session.register(name, frame)
    try:
        yield session
    finally:
        session.drop(name)


def disconnect(engine: str) -> None:
    """Close the process's ``engine`` session if it was started (:meth:`Engine.close`); :func:`connect` starts a
    new one.

    Examples
    --------
    >>> spill = connect("duckdb").spill
    >>> disconnect("duckdb")
    >>> os.path.exists(spill), connect("duckdb").spill != spill
    (False, True)
    """
    session = _SESSIONS.pop(engine, None)
    if session is not None:
        session.close()


def connect(engine: str) -> Engine:
    """The process's :class:`Engine` called ``engine`` (``"duckdb"`` or ``"spark"``), started on first use.

    Parameters
    ----------
    engine : {"duckdb", "spark"}

    Returns
    -------
    Engine

    Examples
    --------
    >>> connect("duckdb").name
    'duckdb'
    """
    if engine not in ("duckdb", "spark"):
        raise KitError(f"engine {engine!r} runs no SQL", hint="use duckdb or spark")
    if engine not in _SESSIONS:
        if engine == "duckdb" and not _installed("duckdb"):
            raise KitError("the duckdb engine needs duckdb, which is not installed", hint="pip install duckdb")
        _SESSIONS[engine] = DuckDBEngine() if engine == "duckdb" else SparkEngine()
    return _SESSIONS[engine]
