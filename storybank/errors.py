"""Kind error pages that reveal nothing about how the service works inside."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.http import HTTP_STATUS_CODES

from storybank.extensions import db

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

    @app.errorhandler(500)
    def server_error(error):
        db.session.rollback()
        app.logger.error("Server error on %s %s", request.method, request.path,
                         exc_info=getattr(error, "original_exception", None) or error)
        return render_error(500)
