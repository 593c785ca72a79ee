"""The notes importer reads a file again after any change to the rules that read it: its
fingerprint covers the source of every module those rules import."""

import ast
from pathlib import Path

from taxonomy.notes import importer
from taxonomy.notes.importer import RULE_MODULES, rules_fingerprint

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ("taxonomy.", "postings.", "lib.")
# What a file's text becomes is decided by planning its rows, rendering its Markdown and
# pairing them with the last import's rows; the importer writes them.
ENTRY_POINTS = ("taxonomy.notes.plan", "taxonomy.notes.markdown", "taxonomy.notes.pairing")


def _source(module: str) -> Path:
    path = ROOT.joinpath(*module.split("."))
    return path.with_suffix(".py") if path.with_suffix(".py").exists() else path / "__init__.py"


def _imports(module: str) -> set[str]:
    tree = ast.parse(_source(module).read_text(encoding="utf-8"))
    return {
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(PROJECT)
    }


def test_the_fingerprinted_modules_hold_every_module_the_rules_import():
    seen: set[str] = set()
    todo = list(ENTRY_POINTS)
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(_imports(module))
    assert seen <= set(RULE_MODULES), sorted(seen - set(RULE_MODULES))
    assert "taxonomy.notes.importer" in RULE_MODULES


def test_the_fingerprint_is_of_every_listed_module(monkeypatch):
    whole = rules_fingerprint.__wrapped__()  # not the one cached for the process
    assert rules_fingerprint.__wrapped__() == whole
    monkeypatch.setattr(importer, "RULE_MODULES", RULE_MODULES[:-1])
    assert rules_fingerprint.__wrapped__() != whole
