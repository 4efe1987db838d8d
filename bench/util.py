"""Measurement helpers: machine description, timed subprocesses with peak memory, medians, tables."""

from __future__ import annotations

import datetime as _dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
KG = str(BIN / "kg")
GNU_TIME = "/usr/bin/time" if Path("/usr/bin/time").exists() else None


def now() -> str:
    return _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


def git_commit() -> str:
    """HEAD of the repository, marked when kg/ has uncommitted changes (never writes anything)."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                                timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "kg"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return commit + (" (kg/ has uncommitted changes)" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    affinity = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    commit = git_commit()
    try:
        from kg.nlp import model_name

        model = f"{model_name()} {_version(model_name().replace('_', '-'))}"
    except Exception:  # noqa: BLE001
        model = "unknown"
    return {
        "date": now(), "cpu": cpu, "cores": os.cpu_count(), "usable_cores": affinity, "memory_gb": mem_gb,
        "os": platform.platform(), "python": platform.python_version(), "spacy": _version("spacy"),
        "model": model, "pyoxigraph": _version("pyoxigraph"), "rdflib": _version("rdflib"),
        "pyshacl": _version("pyshacl"), "pyrudof": _version("pyrudof"), "kg_commit": commit,
        "loadavg_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def median(xs: Sequence[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def repeat(fn: Callable[[], Any], n: int, *, max_total: float | None = None) -> list[float]:
    """Wall times of ``n`` calls (stops early once ``max_total`` seconds are spent, after at least one)."""
    times: list[float] = []
    start = time.perf_counter()
    for _ in range(n):
        times.append(timed(fn)[0])
        if max_total is not None and time.perf_counter() - start > max_total:
            break
    return times


# -- processes --------------------------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                out += [int(c) for c in Path(f"/proc/{pid}/task/{tid}/children").read_text().split()]
            except OSError:
                pass
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeSampler(threading.Thread):
    """Polls /proc for the summed RSS of a process and all its descendants; keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self.peak_procs = 0
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            todo, seen = [self.pid], []
            while todo:
                p = todo.pop()
                seen.append(p)
                todo += _children(p)
            total = sum(_rss_kb(p) for p in seen)
            if total > self.peak_kb:
                self.peak_kb = total
                self.peak_procs = len(seen)
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


@dataclass
class ProcResult:
    cmd: list[str]
    wall: float
    rc: int
    max_rss_mb: float | None  # GNU time: the largest single process of the tree
    tree_peak_mb: float | None  # sampled: all processes of the tree together
    stdout: str
    stderr: str
    timed_out: bool = False


def run(cmd: Sequence[str], *, timeout: float | None = None, cwd: Path | None = None, check: bool = True,
        env: dict[str, str] | None = None) -> ProcResult:
    """Run a command; wall time, exit code, peak memory (GNU time -v when present, plus a /proc sampler)."""
    cmd = [str(c) for c in cmd]
    environ = dict(os.environ if env is None else env)
    environ.pop("KG_STORE", None)
    tfile = None
    full = cmd
    if GNU_TIME:
        fd, tfile = tempfile.mkstemp(prefix="kgbench-time-")
        os.close(fd)
        full = [GNU_TIME, "-v", "-o", tfile, *cmd]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, cwd=cwd or ROOT, stdout=out, stderr=err, env=environ,
                                start_new_session=True)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        timed_out = False
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            os.killpg(proc.pid, 9)
            rc = proc.wait()
        wall = time.perf_counter() - t0
        sampler.stop()
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    max_rss = None
    if tfile:
        try:
            for line in Path(tfile).read_text().splitlines():
                if "Maximum resident set size" in line:
                    max_rss = int(line.rsplit(":", 1)[1]) / 1024
        finally:
            os.unlink(tfile)
    res = ProcResult(cmd, wall, rc, max_rss, sampler.peak_kb / 1024 if sampler.peak_kb else None,
                     stdout, stderr, timed_out)
    if check and rc not in (0, 1) and not timed_out:
        raise RuntimeError(f"command failed ({rc}): {' '.join(cmd)}\n{stderr[-2000:]}")
    return res


def kg(*args: str, **kw: Any) -> ProcResult:
    return run([KG, *args], **kw)


def rmtree(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)


# -- formatting -------------------------------------------------------------------------------------
def fmt_s(x: float | None) -> str:
    if x is None or x != x:
        return "–"
    if x < 0.001:
        return f"{x * 1e6:.0f} µs"
    if x < 1:
        return f"{x * 1000:.1f} ms"
    if x < 100:
        return f"{x:.2f} s"
    return f"{x:.0f} s ({x / 60:.1f} min)"


def fmt_x(x: float | None, digits: int = 2) -> str:
    if x is None or x != x:
        return "–"
    if x < 10 and digits == 0:
        digits = 1
    return f"{x:.{digits}f}×" if x < 100 else f"{x:.0f}×"


def fmt_mb(x: float | None) -> str:
    return "–" if x is None else f"{x:,.0f} MB"


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    for r in rows:
        out.append("| " + " | ".join(str(c) for c in r) + " |")
    return "\n".join(out)


def load_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def save_json(path: Path, data: Any) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1, default=str))
    tmp.replace(path)


def _fork_child(conn: Any, fn: Callable[[], Any], n: int, max_total: float) -> None:
    times: list[float] = []
    for _ in range(n):
        try:
            t, value = timed(fn)
        except Exception as exc:  # noqa: BLE001 - reported to the parent
            conn.send(("error", f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"))
            break
        times.append(t)
        conn.send((times, value))
        if sum(times) > max_total:
            break
    conn.send(None)


def fork_call(fn: Callable[[], Any], *, n: int = 1, timeout: float, max_total: float = 20.0) -> dict[str, Any]:
    """Up to ``n`` timed calls of ``fn`` in a forked child, killed after ``timeout`` seconds.

    For pure-Python work that cannot be interrupted (rdflib). Stops repeating once ``max_total``
    seconds are spent. Returns times, median, the last return value and whether it timed out.
    """
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_fork_child, args=(child, fn, n, max_total))
    proc.start()
    child.close()
    deadline = time.perf_counter() + timeout
    last: tuple[list[float], Any] | None = None
    timed_out = False
    error = None
    while True:
        remaining = deadline - time.perf_counter()
        if remaining <= 0 or not parent.poll(remaining):
            timed_out = True
            break
        try:
            msg = parent.recv()
        except EOFError:
            break
        if msg is None:
            break
        if msg[0] == "error":
            error = msg[1]
            break
        last = msg
    proc.kill()
    proc.join()
    times = last[0] if last else []
    return {"times": times, "median": median(times) if times else None, "value": last[1] if last else None,
            "timed_out": timed_out and not times, "timeout": timeout, "error": error}
