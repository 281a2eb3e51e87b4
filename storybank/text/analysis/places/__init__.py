"""Organisations, street addresses and towns.

Organisations are named by the word they end in ("... Care Home", "... Surgery"); addresses by a house
number and a street word; towns by a general gazetteer, town-name endings and the words around them ("in").
"""

from .addresses import find_addresses
from .locations import find_locations, locations_beside
from .orgs import find_orgs

__all__ = ["find_addresses", "find_locations", "find_orgs", "locations_beside"]
