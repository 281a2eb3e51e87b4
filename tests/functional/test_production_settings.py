"""Production runs several gunicorn workers and instances: the rate limits must be counted in the Redis they share,
a start that would count them in each process alone is refused (several workers) or warned about (the app alone
cannot tell), and the access log keeps no search words or share-link tokens."""

from __future__ import annotations

import gc
import logging
import os
import subprocess
import sys
import weakref
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask import Flask
from gunicorn.config import Config

from storybank import create_app
from storybank.config import load_config
from storybank.rate_limits import UNSHARED_LIMITS, warn_if_unshared
from storybank.serving import ACCESS_LOG_FORMAT, AccessLogger, logged_path, unshared_limits_problem

ROOT = Path(__file__).resolve().parents[2]
REDIS = "redis://127.0.0.1:6379/0"


@pytest.mark.parametrize(("env", "storage"), [
    ({}, "memory://"),
    ({"STORYBANK_REDIS_URL": REDIS}, REDIS),
    ({"STORYBANK_REDIS_URL": REDIS, "RATELIMIT_STORAGE_URI": "redis://limits:6379/3"}, "redis://limits:6379/3"),
    ({"RATELIMIT_STORAGE_URI": "redis://limits:6379/3"}, "redis://limits:6379/3"),
], ids=["nothing set", "the shared Redis", "an explicit storage wins", "an explicit storage alone"])
def test_rate_limits_are_counted_in_the_shared_redis_unless_a_storage_is_named(tmp_path, env, storage):
    config = load_config(tmp_path, env={"SECRET_KEY": "k" * 32, **env})
    assert config["RATELIMIT_STORAGE_URI"] == storage
    assert config["STORYBANK_REDIS_URL"] == env.get("STORYBANK_REDIS_URL")


@pytest.mark.parametrize(("env", "workers", "refused"), [
    ({"STORYBANK_ENV": "production"}, 2, True),
    ({"STORYBANK_ENV": "production", "RATELIMIT_STORAGE_URI": "memory://"}, 5, True),
    ({"STORYBANK_ENV": "production"}, 1, False),
    ({"STORYBANK_ENV": "production", "STORYBANK_REDIS_URL": REDIS}, 5, False),
    ({}, 5, False),
], ids=["production, 2 workers, memory", "memory named", "one worker", "shared Redis", "development"])
def test_gunicorn_refuses_several_production_workers_that_would_each_count_alone(env, workers, refused):
    problem = unshared_limits_problem(env, workers)
    assert (problem is not None) == refused
    if refused:
        assert f"{workers} workers" in problem and "STORYBANK_REDIS_URL" in problem


def test_gunicorn_started_here_reads_our_settings_and_refuses_before_any_worker_starts(tmp_path):
    env = {key: value for key, value in os.environ.items()
           if key not in ("RATELIMIT_STORAGE_URI", "STORYBANK_REDIS_URL")}
    env.update(STORYBANK_ENV="production", SECRET_KEY="s" * 32, STORYBANK_WORKERS="3",
               DATABASE_URL=f"sqlite:///{tmp_path / 'never.sqlite'}", STORYBANK_BIND="127.0.0.1:0")
    finished = subprocess.run([str(Path(sys.executable).with_name("gunicorn")), "wsgi:app"], cwd=ROOT, env=env,  # noqa: S603
                              capture_output=True, text=True, timeout=60, check=False)
    assert finished.returncode != 0
    assert "will not start 3 workers in production" in finished.stderr
    assert "Booting worker" not in finished.stderr


def test_the_app_warns_at_start_up_in_production_when_its_limits_are_in_memory(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("STORYBANK_ENV", "production")
    for name in ("RATELIMIT_STORAGE_URI", "STORYBANK_REDIS_URL"):
        monkeypatch.delenv(name, raising=False)
    with caplog.at_level(logging.WARNING):
        create_app({"SECRET_KEY": "p" * 32, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite'}",
                    "STORYBANK_WITHDRAWAL_LEDGER": str(tmp_path / "ledger.jsonl")})
    assert UNSHARED_LIMITS in caplog.text


@pytest.mark.parametrize(("env", "storage", "warned"), [
    ("production", "memory://", True),
    ("production", REDIS, False),
    ("development", "memory://", False),
])
def test_only_production_counting_in_memory_is_warned_about(caplog, env, storage, warned):
    app = Flask("warned")
    app.config.update(STORYBANK_ENV=env, RATELIMIT_STORAGE_URI=storage)
    with caplog.at_level(logging.WARNING):
        warn_if_unshared(app)
    assert (UNSHARED_LIMITS in caplog.text) == warned


def test_gunicorn_settings_file_takes_its_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("STORYBANK_BIND", "127.0.0.1:8123")
    monkeypatch.setenv("STORYBANK_WORKERS", "3")
    monkeypatch.delenv("STORYBANK_ENV", raising=False)
    monkeypatch.delenv("STORYBANK_ACCESS_LOG", raising=False)
    settings = _settings_file()
    assert (settings["bind"], settings["workers"], settings["timeout"]) == ("127.0.0.1:8123", 3, 60)
    assert settings["accesslog"] is None, "quiet outside production unless a log is named"
    assert settings["logger_class"] is AccessLogger and settings["access_log_format"] == ACCESS_LOG_FORMAT
    monkeypatch.setenv("STORYBANK_ENV", "production")
    monkeypatch.delenv("STORYBANK_WORKERS")
    settings = _settings_file()
    assert settings["accesslog"] == "-"
    assert 1 <= settings["workers"] <= 8
    config = Config()
    for name in ("bind", "workers", "timeout", "accesslog", "access_log_format", "logger_class",
                 "control_socket_disable", "max_requests"):
        config.set(name, settings[name])  # gunicorn accepts every value as it is written
    assert config.control_socket_disable is True


def _settings_file() -> dict:
    source = (ROOT / "gunicorn.conf.py").read_text()
    settings: dict = {"__file__": str(ROOT / "gunicorn.conf.py")}
    exec(compile(source, "gunicorn.conf.py", "exec"), settings)  # noqa: S102 (our own settings file, as gunicorn reads it)
    return settings


@pytest.mark.parametrize(("path", "logged"), [
    ("/s/Zm9vYmFyYmF6cXV4LXNlY3JldC10b2tlbg", "/s/[link]"),
    ("/s/Zm9vYmFyYmF6cXV4/print", "/s/[link]/print"),
    ("/s/Zm9vYmFy/reflect/3", "/s/[link]/reflect/3"),
    ("/search", "/search"),
    ("/stories/read/SB-1234", "/stories/read/SB-1234"),
])
def test_share_link_tokens_never_reach_the_access_log(path, logged):
    assert logged_path(path) == logged


def test_the_access_log_line_holds_no_query_string_referrer_or_token():
    class Response:
        status = "200 OK"
        headers = [("Content-Type", "text/html")]
        sent = 1234

    environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/s/secret-token?q=bruises", "PATH_INFO": "/s/secret-token",
               "QUERY_STRING": "q=bruises", "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "10.0.0.5",
               "HTTP_REFERER": "https://storybank.example/search?q=bruises"}
    logger = AccessLogger(Config())
    atoms = logger.atoms(Response(), [("Referer", environ["HTTP_REFERER"])], environ, timedelta(milliseconds=42))
    for format_ in (ACCESS_LOG_FORMAT, '%(h)s "%(r)s" %(q)s "%(f)s" %(U)s'):
        line = format_ % atoms
        assert "secret-token" not in line and "bruises" not in line, line
    assert ACCESS_LOG_FORMAT % atoms == f'10.0.0.5 {atoms["t"]} "GET /s/[link] HTTP/1.1" 200 1234 42ms <{os.getpid()}>'


@pytest.fixture
def unfrozen():
    """post_worker_init freezes what a worker has loaded (gc.freeze): this test process must get it back."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_each_new_gunicorn_worker_loads_the_text_analysis_before_its_first_request(app, unfrozen):
    """The first analysis in a process loads spaCy, the rules and the learned check (seconds): gunicorn's
    post_worker_init does it before the worker takes a request, so no person waits for it."""
    from storybank.text.analysis.learned import trained_classifier
    from storybank.text.analysis.pipeline import get_pipeline

    get_pipeline.cache_clear()
    trained_classifier.cache_clear()
    _settings_file()["post_worker_init"](SimpleNamespace(wsgi=app))
    assert get_pipeline.cache_info().currsize == 1
    assert trained_classifier.cache_info().currsize == 1, "the learned check is part of the pipeline"


def test_a_worker_whose_text_analysis_cannot_load_still_starts_and_says_so(app, monkeypatch, caplog, unfrozen):
    def broken(*_args, **_kwargs):
        raise OSError("no such model")

    monkeypatch.setattr("storybank.text.analysis.analyse", broken)
    _settings_file()["post_worker_init"](SimpleNamespace(wsgi=app))
    assert "Could not load the text analysis before the first request" in caplog.text


def test_a_warmed_worker_keeps_what_it_loaded_out_of_full_collections_after_collecting_its_garbage(app, unfrozen):
    """A full collection walked every object the worker loaded (the app, spaCy, the rules): about 170 ms, about one
    request in a hundred. After post_worker_init they are frozen, and garbage from before is collected, not kept."""
    class Cycle:
        pass

    garbage = Cycle()
    garbage.itself = garbage
    gone = weakref.ref(garbage)
    del garbage
    assert gc.get_freeze_count() == 0
    _settings_file()["post_worker_init"](SimpleNamespace(wsgi=app))
    assert gone() is None, "garbage was frozen instead of collected"
    assert gc.get_freeze_count() > 10_000
    assert not any(obj is app for obj in gc.get_objects()), "the app is still walked by every full collection"


def test_the_apps_postgresql_connections_plan_for_memory_without_parallel_query_unless_told(app, backend):
    """Every request is one of many at once on a few cores, where a parallel plan repeats its work in each worker,
    and the data sits in memory, where PostgreSQL's default random_page_cost (4) steers searches with filters to
    hash whole tables (bench/SEARCH_PROFILE.md): both set for the app's connections, and both can be changed."""
    if backend != "postgresql":
        assert "options" not in app.config["SQLALCHEMY_ENGINE_OPTIONS"].get("connect_args", {})
        return
    from sqlalchemy import text

    from storybank.extensions import db

    assert db.session.scalar(text("SHOW max_parallel_workers_per_gather")) == "0"
    assert db.session.scalar(text("SHOW random_page_cost")) == "1.1"
    settings = load_config(ROOT / "instance", env={"STORYBANK_POSTGRES_PARALLEL_WORKERS": "2",
                                                    "STORYBANK_POSTGRES_RANDOM_PAGE_COST": "4"})
    told = create_app({**settings, "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
                       "TESTING": True, "RATELIMIT_STORAGE_URI": "memory://"})
    with told.app_context():
        assert db.session.scalar(text("SHOW max_parallel_workers_per_gather")) == "2"
        assert db.session.scalar(text("SHOW random_page_cost")) == "4"
        db.session.remove()
        db.engine.dispose()
