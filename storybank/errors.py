"""Kind error pages that reveal nothing about how the service works inside."""

from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError

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


def render_error(code: int, heading: str | None = None, message: str | None = None):
    default_heading, default_message = MESSAGES.get(code, MESSAGES[500])
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
