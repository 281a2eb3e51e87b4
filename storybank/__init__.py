"""StoryBank: people who draw on social care share their stories, safely, to help train care staff."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

ROOT = Path(__file__).resolve().parent.parent


def create_app(config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    configure_settings(app, config)
    configure_proxy(app)
    configure_database(app)
    configure_extensions(app)
    configure_routing(app)
    configure_tagging(app)
    configure_blueprints(app)
    configure_domain_links(app)
    configure_jobs(app)
    configure_security(app)
    configure_templates(app)
    configure_cli(app)
    return app


def configure_settings(app: Flask, overrides: dict | None) -> None:
    from storybank.config import load_config

    app.config.update(load_config(Path(app.instance_path), overrides=overrides))
    app.config.update(overrides or {})


def configure_proxy(app: Flask) -> None:
    """Behind N trusted proxies, take the client's address and scheme from their headers (rate limits, Secure)."""
    count = app.config.get("PROXY_COUNT", 0)
    if count:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def configure_database(app: Flask) -> None:
    """SQLite waits its busy timeout for another writer. PostgreSQL connections are checked before each use and
    renewed every half hour, and a connection attempt gives up after a few seconds: after a database restart the
    next request simply works, with no app restart (see storybank/errors.py for the page shown meanwhile).

    Two planner settings for the app's own PostgreSQL connections (bench/SEARCH_PROFILE.md, session 8). Parallel
    query is off (STORYBANK_POSTGRES_PARALLEL_WORKERS): each web request is one of many at once, and a parallel plan
    repeats part of its work in every worker on cores the other requests need. A random page read is costed near a
    sequential one (STORYBANK_POSTGRES_RANDOM_PAGE_COST, 1.1, the usual setting for SSDs and for data held in
    memory): at PostgreSQL's default of 4, searches with filters hashed every tagged story, or every consent record,
    rather than looking up the few they needed (at 100 000 stories: three tags 183–247 to 105 ms, a listing by care
    setting and region 44 to 15 ms)."""
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    if uri.startswith("sqlite"):
        if ":memory:" not in uri and uri != "sqlite://":
            Path(uri.split("///", 1)[-1]).parent.mkdir(parents=True, exist_ok=True)
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS",
                              {"connect_args": {"timeout": app.config["SQLITE_BUSY_TIMEOUT_SECONDS"]}})
    else:
        planner = (f"-c max_parallel_workers_per_gather={int(app.config.get('POSTGRES_PARALLEL_WORKERS', 0))} "
                   f"-c random_page_cost={float(app.config.get('POSTGRES_RANDOM_PAGE_COST', 1.1))}")
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", {"pool_pre_ping": True, "pool_recycle": 1800,
                                                            "connect_args": {"connect_timeout": 5,
                                                                             "options": planner}})


def configure_extensions(app: Flask) -> None:
    from storybank import models  # noqa: F401  (every model registered before migrations look)
    from storybank.accounts.session import load_user
    from storybank.extensions import csrf, db, limiter, login_manager, migrate
    from storybank.rate_limits import warn_if_unshared
    from storybank.sqlite_pragmas import install_sqlite_pragmas

    db.init_app(app)
    with app.app_context():
        install_sqlite_pragmas(db.engine, app.config["SQLITE_BUSY_TIMEOUT_SECONDS"])
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    warn_if_unshared(app)
    login_manager.init_app(app)
    login_manager.user_loader(load_user)
    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = "Please sign in to see that page."


def configure_routing(app: Flask) -> None:
    from storybank.routing import init_app

    init_app(app)


def configure_tagging(app: Flask) -> None:
    from storybank.tagging import init_app

    init_app(app)


def configure_blueprints(app: Flask) -> None:
    from storybank.accounts.admin_views import bp as admin_bp
    from storybank.accounts.views import bp as accounts_bp
    from storybank.api.token_views import bp as api_tokens_bp
    from storybank.api.views import bp as api_bp
    from storybank.audit.views import bp as audit_bp
    from storybank.core.views import bp as core_bp
    from storybank.jobs.views import bp as jobs_bp
    from storybank.library.public_views import bp as public_stories_bp
    from storybank.library.views import bp as library_bp
    from storybank.moderation.views import bp as moderation_bp
    from storybank.packs.delivery_views import bp as pack_delivery_bp
    from storybank.packs.print_views import bp as pack_print_bp
    from storybank.packs.reflection_views import bp as reflections_bp
    from storybank.packs.views import bp as packs_bp
    from storybank.privacy.views import admin_bp as data_requests_bp
    from storybank.privacy.views import bp as data_rights_bp
    from storybank.search.saved_views import bp as saved_searches_bp
    from storybank.search.views import bp as search_bp
    from storybank.stories.views import bp as stories_bp
    from storybank.tagging.views import bp as taxonomy_bp

    for blueprint in (core_bp, accounts_bp, admin_bp, audit_bp, data_rights_bp, data_requests_bp, stories_bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(moderation_bp)
    app.register_blueprint(search_bp)
    app.register_blueprint(saved_searches_bp)
    app.register_blueprint(library_bp)
    app.register_blueprint(public_stories_bp)
    app.register_blueprint(taxonomy_bp)
    app.register_blueprint(packs_bp)
    app.register_blueprint(pack_print_bp)
    app.register_blueprint(pack_delivery_bp)
    app.register_blueprint(reflections_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(api_tokens_bp)
    app.register_blueprint(jobs_bp)


def configure_domain_links(app: Flask) -> None:
    """Higher domains plug into lower ones here, so no lower domain imports a higher one (see storybank/events.py):
    moderation reacts to stories being sent and withdrawn and tells contributors its news; search follows them;
    packs tells contributors where their story was used and what staff took from it; the withdrawal ledger
    (storybank/backup) notes every withdrawal outside the database, so a restore cannot undo it."""
    from storybank.backup import ledger as withdrawal_ledger
    from storybank.moderation import news as moderation_news
    from storybank.moderation import subscriptions as moderation_subscriptions
    from storybank.packs import reflections as pack_reflections
    from storybank.search import subscriptions as search_subscriptions
    from storybank.tagging import subscriptions as tagging_subscriptions

    moderation_subscriptions.init_app(app)
    moderation_news.init_app(app)
    search_subscriptions.init_app(app)
    tagging_subscriptions.init_app(app)
    pack_reflections.init_app(app)
    withdrawal_ledger.init_app(app)


def configure_jobs(app: Flask) -> None:
    """The background work each domain offers (storybank/jobs): a worker builds the app this same way, so it knows
    the same work by the same names."""
    from storybank.moderation import jobs as moderation_jobs
    from storybank.privacy import retention
    from storybank.search import jobs as search_jobs

    moderation_jobs.init_app(app)
    search_jobs.init_app(app)
    retention.init_app(app)


def configure_security(app: Flask) -> None:
    from storybank import errors
    from storybank.api import auth as api_auth
    from storybank.security import add_security_headers, enforce_access

    api_auth.init_app(app)
    app.before_request(enforce_access)
    app.after_request(add_security_headers)
    errors.init_app(app)


def configure_templates(app: Flask) -> None:
    from storybank.templating import init_app

    init_app(app)


def configure_cli(app: Flask) -> None:
    from storybank.cli import init_app

    init_app(app)
