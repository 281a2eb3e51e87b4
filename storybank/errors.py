"""Kind error pages that reveal nothing about how the service works inside."""

from __future__ import annotations

from flask import Flask, g, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy import exc as sa_exc
from werkzeug.http import HTTP_STATUS_CODES

from storybank.extensions import db, login_manager
from storybank.serving import logged_path

MESSAGES = {
    400: ("Something went wrong with that request",
          "We could not understand what was sent. Please go back and try again."),
    403: ("You do not have access to this page",
          "This page is for people with a different role. If you think you should see it, please ask an admin."),
    404: ("We cannot find that page",
          "The link may be old, or the address may have a typo. You can go back, or start again from the home page."),
    405: ("That did not work",
          "This page cannot be used in that way. Please go back and try again."),
    413: ("That was too much to send at once",
          "Please make it shorter and try again. If you need help, ask your supporter or contact us."),
    429: ("Please wait a moment",
          "There have been a lot of tries in a short time. To keep accounts safe, please wait a minute and try again."),
    500: ("Sorry, something went wrong on our side",
          "It is not your fault. Please try again in a few minutes. If it keeps happening, please tell us."),
}


API_PREFIX = "/api/"

API_MESSAGES = {
    404: "There is nothing at this address. Please check it against the API description at /api/v1/openapi.json.",
    405: "This address cannot be used with that method. The API description at /api/v1/openapi.json lists the ones "
         "it takes.",
    429: "There have been a lot of requests with this token in a short time. Please wait a minute and try again.",
}


def json_error(code: int, error: str, message: str, headers: dict | None = None):
    """The one shape of every API error: ``{"error": {"status", "code", "message"}}``, where code is a stable word
    for programs and message is plain English for the person reading the logs."""
    response = jsonify(error={"status": code, "code": error, "message": message})
    response.status_code = code
    response.headers.update(headers or {})
    return response


def render_error(code: int, heading: str | None = None, message: str | None = None):
    default_heading, default_message = MESSAGES.get(code, MESSAGES[500])
    if request.path.startswith(API_PREFIX):
        word = HTTP_STATUS_CODES.get(code, "error").lower().replace(" ", "_").replace("'", "")
        return json_error(code, word, API_MESSAGES.get(code, message or default_message))
    return render_template("errors/error.html", code=code, heading=heading or default_heading,
                           message=message or default_message), code


RETRY_AFTER_SECONDS = 30

UNAVAILABLE_HEADING = "We cannot save or show things just now"
UNAVAILABLE_MESSAGE = ("This is a problem on our side, not anything you did. Nothing you wrote is lost if you keep "
                       "this page open: go back to it, and please try again in a minute.")
UNAVAILABLE_API_MESSAGE = ("The database is not answering just now. Nothing was changed. Please try again after the "
                           "number of seconds in the Retry-After header.")

SQLITE_PASSING_TROUBLE = ("locked", "busy", "full", "disk i/o", "unable to open")
"""SQLite errors that pass when the other writer finishes or room is made; anything else (say "no such table") is a
bug, and stays a 500 so that it is noticed."""


def database_unavailable(error: BaseException) -> bool:
    """True when the database cannot be reached, is locked beyond the busy timeout or is full: trouble that passes,
    so the person should be told to wait a minute, not that something is broken."""
    if isinstance(error, sa_exc.TimeoutError | sa_exc.DisconnectionError):
        return True
    if not isinstance(error, sa_exc.OperationalError):
        return False
    if error.connection_invalidated:
        return True
    original = getattr(error, "orig", None)
    if type(original).__module__.startswith("sqlite3"):
        words = str(original).lower()
        return any(trouble in words for trouble in SQLITE_PASSING_TROUBLE)
    return True


def _wants_json() -> bool:
    return request.path.startswith(API_PREFIX) or (
        request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json")


def render_unavailable():
    """503 with Retry-After. Rendered without touching the database (``quiet_nav`` keeps base.html from asking who
    is signed in), so it shows even when nothing can be read."""
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if request.path.startswith(API_PREFIX):
        return json_error(503, "service_unavailable", UNAVAILABLE_API_MESSAGE, headers)
    if _wants_json():  # the story page's autosave: its script keeps the words and tries again
        return jsonify(saved=False, retry_after=RETRY_AFTER_SECONDS, message=(
            "We could not save just now. Your words are kept on this device, and we will try again.")), 503, headers
    if "_login_user" not in g:  # Flask-Login's template helper would ask the database who this is
        g._login_user = login_manager.anonymous_user()
    return render_template("errors/error.html", code=503, heading=UNAVAILABLE_HEADING, message=UNAVAILABLE_MESSAGE,
                           quiet_nav=True, go_back=True), 503, headers


def init_app(app: Flask) -> None:
    for code in MESSAGES:
        if code == 500:
            continue
        app.register_error_handler(code, lambda error, code=code: render_error(code))

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(
            400, "Your page had been open for a long time",
            "For your safety we could not save that. Please go back, refresh the page and try again.",
        )

    def database_error(error):
        """Checked before the 500 handler: a database that is away gets the kind 503, not "something went wrong"."""
        try:
            db.session.rollback()
        except sa_exc.SQLAlchemyError:
            db.session.remove()  # a connection that cannot even roll back is let go; the pool gives a fresh one
        if not database_unavailable(error):
            return server_error(error)
        app.logger.warning("Database unavailable on %s %s: %s", request.method, logged_path(request.path),
                           getattr(error, "orig", None) or error)
        return render_unavailable()

    for database_trouble in (sa_exc.OperationalError, sa_exc.TimeoutError, sa_exc.DisconnectionError):
        app.register_error_handler(database_trouble, database_error)

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        app.logger.error("Server error on %s %s", request.method, logged_path(request.path),
                         exc_info=getattr(error, "original_exception", None) or error)
        return render_error(500)
