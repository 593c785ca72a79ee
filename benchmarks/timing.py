"""What the benchmark scripts share: timing one run, the best of a few runs, one page
requested cold, percentiles of timings, a table's line, and this process's peak memory."""

import resource
import time


def timed(run, /, *args, **kwargs):
    """``(seconds, result)`` of one call of ``run(*args, **kwargs)``."""
    start = time.perf_counter()
    result = run(*args, **kwargs)
    return time.perf_counter() - start, result


def cold_get(client, url: str):
    """``(seconds, response)`` of one request through Django's test client with the page
    cache emptied first, so that the figure is the cost of computing the page (a visit
    after the data changed), not of reading it back. Asserts a 200."""
    from django.core.cache import cache

    cache.clear()
    took, response = timed(client.get, url)
    assert response.status_code == 200, (url, response.status_code)
    return took, response


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


def table_row(label: str, timings, queries: int, size: int, target: float | None, extra="") -> str:
    """One line of a printed table: p50, p95, queries, size and the target beside p95."""
    p95 = percentile(timings, 0.95)
    return (
        f"  {label:<17} p50 {percentile(timings, 0.5) * 1000:6.1f} ms"
        f"  p95 {p95 * 1000:6.1f} ms  {queries:3} queries {size / 1024:6.0f} KB"
        f"{extra}{verdict(p95, target)}"
    )
