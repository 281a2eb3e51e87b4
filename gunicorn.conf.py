"""gunicorn's settings for StoryBank. gunicorn reads this file by itself when started from this folder:

    .venv/bin/gunicorn wsgi:app

Every setting comes from the environment (see "Running in production" in README.md); command-line options still
win over this file.
"""

import os

from storybank.serving import ACCESS_LOG_FORMAT, AccessLogger, unshared_limits_problem, warm_worker

bind = os.environ.get("STORYBANK_BIND", "127.0.0.1:8000")

# Sync workers: a request mostly waits on PostgreSQL, and the CPU work (password hashing, PDFs) is short.
# gunicorn's advice is 2 x cores + 1; capped at 8 because each worker holds its own database connection and
# about 200 MB (the text analysis, WeasyPrint), and every instance shares PostgreSQL's 100 connections.
workers = int(os.environ.get("STORYBANK_WORKERS") or min(2 * (os.cpu_count() or 1) + 1, 8))

# A pack PDF of many stories takes a few seconds; a request still running after a minute is stuck, so its worker
# is replaced. On a restart, requests under way get 30 s to finish.
timeout = 60
graceful_timeout = 30

# Each worker is replaced after about a thousand requests: the text analysis (spaCy) keeps every new word it
# meets, so a worker's memory would otherwise only grow. The jitter stops all workers restarting at once.
max_requests = 1000
max_requests_jitter = 100

# No preload: each worker builds its own app after the fork, so no database connection is shared between them.
preload_app = False

# The access log keeps no query strings (search words), referrers or share-link tokens (storybank/serving.py).
# On in production (to standard output, or the file STORYBANK_ACCESS_LOG names); off elsewhere unless named.
_production = os.environ.get("STORYBANK_ENV") == "production"
accesslog = os.environ.get("STORYBANK_ACCESS_LOG") or ("-" if _production else None)
access_log_format = ACCESS_LOG_FORMAT
logger_class = AccessLogger
errorlog = "-"
proc_name = "storybank"

# gunicorn's control socket (for gunicornc) has one default path per user, so a second instance on the same machine
# would take the first one's. StoryBank does not use it.
control_socket_disable = True


def on_starting(server):
    """Refuse several workers in production whose rate limits would each be counted alone (storybank/serving.py)."""
    problem = unshared_limits_problem(os.environ, server.cfg.workers)
    if problem:
        server.log.error(problem)
        raise SystemExit(1)


def post_worker_init(worker):
    """Each new worker loads the text analysis before its first request (storybank/serving.py warm_worker)."""
    warm_worker(worker.wsgi)

