"""Keep an uploaded text between an admin preview and its confirmation.

The text can be megabytes, too big for a hidden field or the session; it waits in a private
temporary file named by a random token kept in the session.
"""

from __future__ import annotations

import json
import tempfile
import uuid
from pathlib import Path

UPLOAD_DIR = Path(tempfile.gettempdir()) / "fieldnotes-uploads"


def stash(request, key: str, name: str, text: str, extra: dict | None = None) -> None:
    forget(request, key)
    UPLOAD_DIR.mkdir(mode=0o700, exist_ok=True)
    token = uuid.uuid4().hex
    # Bytes, not text mode: the text comes back with its own line endings.
    (UPLOAD_DIR / f"{token}.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
    request.session[key] = {"token": token, "name": name, "extra": json.dumps(extra or {})}


def unstash(request, key: str) -> tuple[str, str, dict] | None:
    """(name, text, extra) of the pending upload, or None when there is none or it expired."""
    pending = request.session.get(key)
    if not pending:
        return None
    path = UPLOAD_DIR / f"{pending['token']}.txt"
    if not path.exists():
        return None
    text = path.read_bytes().decode("utf-8", "surrogatepass")
    return pending["name"], text, json.loads(pending["extra"])


def forget(request, key: str) -> None:
    pending = request.session.pop(key, None)
    if pending:
        (UPLOAD_DIR / f"{pending['token']}.txt").unlink(missing_ok=True)
