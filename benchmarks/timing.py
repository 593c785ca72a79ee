"""What the benchmark scripts share: the best of a few runs, percentiles of timings, and this
process's peak memory."""

import resource
import time


def best_of(rounds, run):
    """The shortest of ``rounds`` runs of ``run()``, in seconds."""
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return min(timings)


def peak_mb() -> float:
    """This process's peak memory so far (max RSS), in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentile(values, fraction):
    """The value below which ``fraction`` of ``values`` lie (the nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]
