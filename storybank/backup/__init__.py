"""Backups of the whole database, and the withdrawal ledger that keeps a withdrawal true across a restore.

A backup is a copy of one moment. A person who withdraws their story after that moment must not see it come back
because an operator restored yesterday's copy, so every withdrawal is also written to a ledger file that lives
outside the database (``ledger.py``) and is replayed after each restore (``services.py``).
"""
