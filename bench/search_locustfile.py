"""Locust users for `make bench-search`: a signed-in trainer on the search page, and a training system on the API.

Run by bench/search.py (never on its own): it passes the queries, the trainer's sign-in, the API token and where
to write the raw timings through BENCH_* environment variables. Each user asks every query in turn, with no
pause between requests; each request's time is kept, so medians and p95 are computed from every sample rather
than from Locust's rounded buckets. FastHttpUser (geventhttpclient, kept-alive connections) rather than HttpUser
(requests): the client shares the server's 2 cores, and requests' own cost per call (several times
geventhttpclient's) was being counted against the server.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict

from locust import FastHttpUser, constant, events, task

QUERIES = json.loads(os.environ.get("BENCH_QUERIES", "[]"))
TIMES: dict[str, list[float]] = defaultdict(list)
FAILURES: dict[str, int] = defaultdict(int)
_CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')
_started = [0]


@events.request.add_listener
def _record(request_type, name, response_time, response_length, exception=None, **kwargs):
    if exception is not None:
        FAILURES[name] += 1
    elif name in {q["name"] for q in QUERIES}:
        TIMES[name].append(response_time)


@events.quitting.add_listener
def _write(environment, **kwargs):
    with open(os.environ["BENCH_OUT"], "w", encoding="utf8") as handle:
        json.dump({"times": TIMES, "failures": FAILURES}, handle)


class Trainer(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        number = _started[0]
        _started[0] += 1
        self.position = number  # users start at different queries, so the mix runs at once
        page = self.client.get("/sign-in", name="sign-in")
        match = _CSRF.search(page.text)
        token = (match.group(1) or match.group(2)) if match else ""
        self.client.post("/sign-in", name="sign-in", allow_redirects=False, data={
            "csrf_token": token, "username": os.environ["BENCH_TRAINER"], "password": os.environ["BENCH_PASSWORD"]})
        self.api_headers = {"Authorization": f"Bearer {os.environ['BENCH_TOKEN']}"}

    @task
    def ask_next_query(self):
        query = QUERIES[self.position % len(QUERIES)]
        self.position += 1
        headers = self.api_headers if query["api"] else None
        with self.client.get(query["path"], name=query["name"], headers=headers, catch_response=True,
                             allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} for {query['path']}")
