"""The exception tree. Every message says what was wrong and what to do about it.

MarsadError
├── ConfigError       a setting has a value that is not allowed
├── InputError        an input path or option cannot be used at all (a bad *file* is a Rejection)
├── StoreError        the database cannot be opened, migrated or written
└── NotFoundError     an id or name that the store does not hold
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error Marsad raises on purpose."""


class ConfigError(MarsadError):
    """A setting has a value that is not allowed."""


class InputError(MarsadError):
    """An input path or option cannot be used at all."""


class StoreError(MarsadError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(MarsadError):
    """An id or name that the store does not hold."""
