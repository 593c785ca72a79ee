"""gunicorn's settings for `make serve` (README, "Serving it for real").

Read from the environment: PORT (8000), WEB_CONCURRENCY (workers: two per core plus one, at
most 8), GUNICORN_TIMEOUT (30 s), FORWARDED_ALLOW_IPS (the proxy's address, 127.0.0.1).
It listens on loopback only: a TLS proxy in front takes the public traffic.
"""

import gc
import os

from config.env import env_int

_cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

bind = f"127.0.0.1:{env_int('PORT', 8000, minimum=1)}"
# Sync workers: the proxy buffers slow clients, and every request is a short database read.
workers = env_int("WEB_CONCURRENCY", min(2 * (_cores or 1) + 1, 8), minimum=1)
# A request that takes longer than this is a bug or an attack: the worker is replaced.
timeout = env_int("GUNICORN_TIMEOUT", 30, minimum=1)
graceful_timeout = timeout
keepalive = 5
# Workers are replaced now and then, so that nothing a long run accumulates stays.
max_requests = 2000
max_requests_jitter = 200
# Request line and headers: gunicorn's own bounds, written down.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# Load the app before forking: workers share its memory and a broken setting stops the start.
preload_app = True


def pre_fork(server, worker):
    """Freeze what the master loaded (Django, the app, its templates: some 120,000 objects)
    before a worker is forked from it: a full collection over them takes 60-80 ms and would
    land in some request's time now and then; frozen, collections pass over them, and the
    worker's pages of them are not copied on write (see ``gc.freeze``'s documentation)."""
    gc.freeze()
