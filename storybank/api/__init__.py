"""A read-only JSON API for training systems, and the personal tokens trainers use to call it.

Every story it returns has passed the consent gate for the purpose asked, at the moment of the request, and carries
only the moderated text. The API reads no cookies: a bearer token is the only way in, so CSRF does not apply.
"""
