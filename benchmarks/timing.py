"""What the benchmark scripts share: timing one run, the best of a few runs, percentiles of
timings, and this process's peak memory."""

import resource
import time


def timed(run, /, *args, **kwargs):
    """``(seconds, result)`` of one call of ``run(*args, **kwargs)``."""
    start = time.perf_counter()
    result = run(*args, **kwargs)
    return time.perf_counter() - start, result


def best_of(rounds, run):
    """The shortest of ``rounds`` runs of ``run()``, in seconds."""
    return min(timed(run)[0] for _ in range(rounds))


def peak_mb() -> float:
    """This process's peak memory so far (max RSS), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values, fraction):
    """The value below which ``fraction`` of ``values`` lie (the nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def verdict(p95: float, target: float | None) -> str:
    """A p95 (seconds) beside its target, for the printed tables ("" without a target)."""
    if not target:
        return ""
    met = "met" if p95 <= target else "MISSED"
    return f"  target p95 <= {target * 1000:.0f} ms: {met}"
