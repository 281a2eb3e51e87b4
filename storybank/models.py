"""Imports every domain's models so that SQLAlchemy and Alembic see the whole schema."""

from storybank.accounts.models import User, UserRole, UserSession
from storybank.api.models import ApiToken
from storybank.audit.models import AuditEvent
from storybank.consent.models import ConsentRecord
from storybank.moderation import models as moderation_models
from storybank.packs.delivery_models import PackVersion, PackVersionStory, Reflection, ReflectionStatus, ShareLink
from storybank.packs.models import Pack, PackSection
from storybank.search.models import SavedSearch, SearchDocument
from storybank.stories.models import PendingDraft, Story, StoryKeySession
from storybank.tagging.models import StoryTag, Tag, TagGroup

__all__ = ["ApiToken", "AuditEvent", "ConsentRecord", "Pack", "PackSection", "PackVersion", "PackVersionStory",
           "PendingDraft", "Reflection", "ReflectionStatus", "SavedSearch", "SearchDocument", "ShareLink", "Story",
           "StoryKeySession", "StoryTag", "Tag", "TagGroup", "User", "UserRole", "UserSession", "moderation_models"]
