"""Who may change the collection: readers ask, editors change it.

With no editor credential configured (one person on a laptop) everyone is an editor. With one,
a visitor is a reader until signed in as an editor by the password whose bcrypt hash is in the
settings (``GUIDE_EDITOR_PASSWORD_HASH``, made by ``python -m access hash``). Wrong passwords
are refused after a delay that doubles with each failure in this process, whoever sends them.
The password is never logged, stored or shown.
"""
from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable

import bcrypt

from settings import Settings


class Role(str, Enum):
    READER = "reader"
    EDITOR = "editor"


class NotAllowed(PermissionError):
    """An editing action asked for by someone who is not an editor."""


@dataclass
class Visitor:
    """One browser session: an anonymous id (kept with its feedback) and its role."""

    role: Role
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])

    @property
    def who(self) -> str:
        return f"{self.role.value}:{self.id}"


def credential_configured(settings: Settings) -> bool:
    return bool(settings.editor_password_hash.strip())


def new_visitor(settings: Settings) -> Visitor:
    return Visitor(Role.READER if credential_configured(settings) else Role.EDITOR)


def require_editor(visitor: Visitor | None) -> None:
    if visitor is None or visitor.role is not Role.EDITOR:
        raise NotAllowed("only an editor can change the collection; sign in as an editor first")


MAX_PASSWORD_BYTES = 72  # bcrypt reads no further; a longer password is refused, not cut


def hash_password(password: str) -> str:
    data = password.encode("utf-8")
    if not data.strip():
        raise ValueError("the password is empty")
    if len(data) > MAX_PASSWORD_BYTES:
        raise ValueError(f"the password is longer than {MAX_PASSWORD_BYTES} bytes")
    return bcrypt.hashpw(data, bcrypt.gensalt()).decode("ascii")


def password_matches(password: str, hashed: str) -> bool:
    try:
        return bcrypt.checkpw(password.encode("utf-8"), hashed.strip().encode("ascii"))
    except ValueError:
        return False


class Gate:
    """Sign-in with a delay before each check that doubles with every failure since the last
    success (0, 1, 2, 4 … up to ``longest`` seconds): guessing gets slow for everyone."""

    def __init__(self, sleep: Callable[[float], None] = time.sleep, longest: float = 60.0) -> None:
        self._sleep = sleep
        self._longest = longest
        self._failures = 0
        self._lock = threading.Lock()

    def delay(self) -> float:
        return 0.0 if not self._failures else min(2.0 ** (self._failures - 1), self._longest)

    def sign_in(self, visitor: Visitor, password: str, settings: Settings) -> bool:
        self._sleep(self.delay())
        if credential_configured(settings) and password_matches(password, settings.editor_password_hash):
            with self._lock:
                self._failures = 0
            visitor.role = Role.EDITOR
            return True
        with self._lock:
            self._failures += 1
        return False

    def sign_out(self, visitor: Visitor, settings: Settings) -> None:
        visitor.role = Role.READER if credential_configured(settings) else Role.EDITOR
