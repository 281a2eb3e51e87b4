"""What people other than the author and moderators may read of a story: trainers, trainees, partners, the public.

Every story here comes through the consent gate for a purpose, and only its moderated text is ever used.
"""
