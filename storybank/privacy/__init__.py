"""Data rights: a copy of what we hold about a person, erasure, and how long withdrawn words are kept.

These coordinate every domain (accounts, stories, consent, moderation), so they live above them all: the domains
never import this package, and it may import any of them.
"""
