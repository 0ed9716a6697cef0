"""The exception tree. Every message says what was wrong and what to do about it.

MarsadError
├── ConfigError            a setting has a value that is not allowed
├── InputError             an input path or option is unusable (a bad *file* is a Rejection)
├── StoreError             the database cannot be opened, migrated, read or written
│   ├── StoreLockedError   another process held the write lock for longer than the busy timeout
│   ├── StoreReadOnlyError the database file or its folder is not writable
│   ├── StoreFullError     the disk (or the database's size limit) is full
│   └── StoreCorruptError  the file is damaged or is not a SQLite database
└── NotFoundError          an id or name that the store does not hold

The command line exits with 2 (bad usage) for ConfigError and InputError, and with 1 for the
others; the store translates SQLite's errors into the StoreError subclasses
(``marsad.store.connection``).
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error Marsad raises on purpose."""


class ConfigError(MarsadError):
    """A setting has a value that is not allowed."""


class InputError(MarsadError):
    """An input path or option cannot be used at all."""


class StoreError(MarsadError):
    """The database cannot be opened, migrated, read or written."""


class StoreLockedError(StoreError):
    """Another process held the database's write lock for longer than the busy timeout."""


class StoreReadOnlyError(StoreError):
    """The database file, or the folder SQLite writes its journal into, is not writable."""


class StoreFullError(StoreError):
    """The disk, or the database's page limit, has no room for what was being written."""


class StoreCorruptError(StoreError):
    """The database file is damaged, or is not a SQLite database at all."""


class NotFoundError(MarsadError):
    """An id or name that the store does not hold."""
