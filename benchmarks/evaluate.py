"""``make eval``: score Fieldnotes' extraction against the hand-labelled set in fixtures/eval/.

For each task it prints precision, recall and F1 (or accuracy) on the part rules were tuned
on and on the held-out part, beside the target, then the errors of the tuned part. The
held-out errors are printed only with ``--held-out-errors``: look at them when closing a
change, never while tuning. Pure Python over the same parsers, planner and matcher the
importers use, with the vocabulary of ``fixtures/technologies.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_sample import NOTES_FILES  # noqa: E402

from postings.parsing.facts import Fact  # noqa: E402
from postings.parsing.labels import SectionKind  # noqa: E402
from postings.parsing.parser import parse_posting  # noqa: E402
from taxonomy.line_kinds import LineKind  # noqa: E402
from taxonomy.matching import TechnologyMatcher, Term  # noqa: E402
from taxonomy.notes.parser import parse_notes  # noqa: E402
from taxonomy.notes.plan import NotesPlanner  # noqa: E402

EVAL = ROOT / "fixtures/eval"
SPLITS = ("tune", "held-out")
POSTING_SKILL_KINDS = ("responsibilities", "requirements", "preferred", "tech stack")
NOT_FOUND = "no section"  # a labelled section the parser did not open


@dataclass
class Score:
    """Counts of one task on one split, and its errors."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)
    confusion: Counter = field(default_factory=Counter)  # (labelled, got) → lines

    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def f1(self) -> float | None:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p and r else None

    def accuracy(self) -> float | None:
        return self.right / self.total if self.total else None


class Scores:
    def __init__(self):
        self.by: dict[tuple[str, str], Score] = defaultdict(Score)

    def __call__(self, task: str, split: str) -> Score:
        return self.by[(task, split)]


# -- the vocabulary ------------------------------------------------------------------------


class Vocabulary:
    def __init__(self, path: Path):
        entries = json.loads(path.read_text(encoding="utf-8"))
        self.slugs = {entry["slug"] for entry in entries}
        self.by_name = {}
        for entry in entries:
            for spelling in (entry["name"], *entry.get("aliases", ())):
                self.by_name.setdefault(spelling.casefold(), entry["slug"])
        self.matcher = TechnologyMatcher(Term.from_entry(entry) for entry in entries)

    def resolve(self, labelled: dict) -> str | None:
        """The slug a labelled technology has now: the entry its name is a spelling of, else
        its label's (the nearest entry when it was labelled: "database design" was labelled
        data modelling before the vocabulary had an entry of that name)."""
        slug = labelled.get("slug")
        if slug and slug not in self.slugs:
            raise SystemExit(f"fixtures/eval: {slug!r} is not in the vocabulary any more")
        return self.by_name.get(labelled["name"].casefold()) or slug


def score_tags(
    score: Score, where: str, found: list[str], labelled: list[dict], vocab, text: str = ""
) -> None:
    gold = {vocab.resolve(t) for t in labelled} - {None}
    predicted = set(found)
    score.tp += len(predicted & gold)
    score.fp += len(predicted - gold)
    score.fn += len(gold - predicted)
    if predicted != gold:
        extra = ", ".join(sorted(predicted - gold))
        missed = ", ".join(sorted(gold - predicted))
        score.errors.append(f"{where}: +[{extra}] -[{missed}] {text[:150]}")


def score_coverage(score: Score, where: str, labelled: list[dict], vocab) -> None:
    for technology in labelled:
        score.total += 1
        if vocab.resolve(technology):
            score.right += 1
        else:
            score.errors.append(f"{where}: {technology['name']}")


# -- notes ---------------------------------------------------------------------------------

ASKING = {kind.value for kind in LineKind if kind.asks}


def _read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def plan_notes(vocab: Vocabulary):
    """The planned skill sets of every sampled file, by set id, as a folder import plans them."""
    planners = {}
    for path in NOTES_FILES:
        name = path.relative_to(ROOT / "fixtures").as_posix()
        planners[name] = NotesPlanner(
            parse_notes(path.read_text(encoding="utf-8-sig")), vocab.matcher
        )
    known = sorted({n for planner in planners.values() for n in planner.named_companies()})
    websites = {n: w for planner in planners.values() for n, w in planner.websites().items()}
    sets = {}
    for name, planner in planners.items():
        plan = planner.plan(known, websites)
        companies = {record.key: record.name for record in plan.companies}
        roles = {record.key: record.title for record in plan.roles}
        for record in plan.skill_sets:
            sets[f"{name}:{record.source.line}"] = (record, roles, companies)
    return sets


def _title_key(title: str | None) -> str:
    if not title:
        return ""
    title = re.sub(r"[*_`]+", "", title)
    return " ".join(title.casefold().strip(" .:;,-").split())


_LEGAL = re.compile(
    r"\b(?:inc|corp|corporation|co|ltd|llc|gmbh|plc|limited)\b\.?|株式会社|\(주\)|㈜|주식회사",
    re.IGNORECASE,
)


def _company_words(name: str | None) -> list[str]:
    """A name's words without its legal form, a leading "The", case and punctuation."""
    if not name:
        return []
    words = _LEGAL.sub("", name).casefold().removeprefix("the ").split()
    return [w for w in (re.sub(r"[\W_]+", "", word) for word in words) if w]


def _company_key(name: str | None) -> str:
    """A name as ``_company_words`` reads it, run together: "The Internet Archive" and
    "Internet Archive" are one employer."""
    return "".join(_company_words(name))


def _same_company_key(predicted: str | None, gold: str | None):
    """``_company_key``, but where one name is the other's leading words ("Ginkgo" labelled,
    "Ginkgo Bioworks" linked), the labelled one: the same employer under a longer name."""
    got, want = _company_words(predicted), _company_words(gold)
    shorter = min(len(got), len(want))
    if shorter and got[:shorter] == want[:shorter]:
        return _company_key(gold), _company_key(gold)
    return _company_key(predicted), _company_key(gold)


def score_named(score: Score, where: str, predicted, gold, key) -> None:
    """Precision over what was predicted, recall over what is labelled, accuracy over all."""
    score_keys(score, where, predicted, gold, (key(predicted), key(gold)))


def score_keys(score: Score, where: str, predicted, gold, keys: tuple[str, str]) -> None:
    """``score_named`` with the two names' keys worked out already."""
    p, g = keys
    score.total += 1
    score.right += p == g
    if p and p == g:
        score.tp += 1
    else:
        score.fp += bool(p)
        score.fn += bool(g)
    if p != g:
        score.errors.append(f"{where}: got {predicted!r}, labelled {gold!r}")


def evaluate_notes(scores: Scores, vocab: Vocabulary) -> None:
    planned = plan_notes(vocab)
    for labelled in _read_jsonl(EVAL / "notes/sets.jsonl"):
        record, roles, companies = planned[labelled["set"]]
        split, where = labelled["split"], labelled["set"]
        title = roles.get(record.role_key)
        score_named(scores("role title", split), where, title, labelled["title"], _title_key)
        employer = companies.get(record.company_key)
        gold = labelled["employer"]
        score_named(scores("employer", split), where, employer, gold, _company_key)
        same = _same_company_key(employer, gold)
        score_keys(scores("employer, any name", split), where, employer, gold, same)
    skills = {}  # "file:line" → the planned skill, with its technologies and kind
    for key, (record, _roles, _companies) in planned.items():
        file_name = key.rsplit(":", 1)[0]
        for skill in record.skills:
            skills[f"{file_name}:{skill.source.line}"] = skill
    for labelled in _read_jsonl(EVAL / "notes/lines.jsonl"):
        skill = skills[labelled["id"]]
        kind = LineKind(skill.kind)
        split, where = labelled["split"], labelled["id"]
        found = list(skill.technologies)
        score_tags(
            scores("technologies", split), where, found, labelled["technologies"], vocab, skill.text
        )
        score_coverage(scores("vocabulary coverage", split), where, labelled["technologies"], vocab)
        score_kind(scores("line kind", split), where, kind, labelled["kind"], skill.text)
        score_preferred(scores("technology asked as", split), where, skill, labelled, vocab)


def score_preferred(score: Score, where: str, skill, labelled: dict, vocab) -> None:
    """Of the technologies an asking line names and both sides found: whether each is asked
    for as optional (the line a preference, or the technology in its optional clause)."""
    if labelled["kind"] not in ASKING or LineKind(skill.kind).value not in ASKING:
        return
    gold = {
        vocab.resolve(t): labelled["kind"] == "preference" or bool(t.get("preferred"))
        for t in labelled["technologies"]
    }
    for slug in skill.technologies:
        if slug not in gold:
            continue
        got = skill.kind == "preference" or slug in skill.optional
        score.total += 1
        score.right += got == gold[slug]
        if got != gold[slug]:
            said = "optional" if got else "firm"
            score.errors.append(f"{where}: {slug} got {said}: {skill.text[:110]}")


def score_kind(score: Score, where: str, kind: LineKind, gold: str, text: str) -> None:
    score.total += 1
    score.right += kind.value == gold
    score.confusion[(gold, kind.value)] += 1
    if kind.value != gold:
        score.errors.append(f"{where}: got {kind.value}, labelled {gold}: {text[:110]}")


# -- postings ------------------------------------------------------------------------------


def evaluate_postings(scores: Scores, vocab: Vocabulary) -> None:
    for labelled in _read_jsonl(EVAL / "postings/labels.jsonl"):
        path = EVAL / "postings" / labelled["file"]
        split, where = labelled["split"], labelled["file"]
        text = path.read_text(encoding="utf-8-sig")
        posting = parse_posting(text, file_name=path.name)
        role = posting.roles[0]
        roles = scores("posting one role", split)
        roles.total += 1
        roles.right += len(posting.roles) == 1
        if len(posting.roles) != 1:
            roles.errors.append(
                f"{where}: {len(posting.roles)} roles: {[r.title for r in posting.roles]}"
            )
        score_named(
            scores("posting title", split), where, role.title, labelled["title"], _title_key
        )
        score_named(
            scores("posting company", split),
            where,
            posting.company,
            labelled["company"],
            _company_key,
        )
        salary = role.facts.get(Fact.SALARY)
        score_named(scores("posting salary", split), where, salary, labelled["salary"], _title_key)
        found = {section.line: section for section in role.sections}
        sections = scores("posting section kind", split)
        for gold in labelled["sections"]:
            section = found.get(gold["line"])
            sections.total += 1
            got = section.kind.value if section else None
            sections.right += got == gold["kind"]
            sections.confusion[(gold["kind"], got or NOT_FOUND)] += 1
            if got != gold["kind"]:
                heading = gold["heading"][:60]
                sections.errors.append(
                    f"{where}:{gold['line']}: got {got}, labelled {gold['kind']}: {heading}"
                )
        per_kind = defaultdict(list)
        for section in role.skill_sections:
            for text_of_item in _item_texts(section):
                per_kind[section.kind.value].extend(vocab.matcher.find(text_of_item))
        for kind in POSTING_SKILL_KINDS:
            score_tags(
                scores("posting technologies", split),
                f"{where} [{kind}]",
                list(dict.fromkeys(per_kind[kind])),
                labelled["technologies"].get(kind, []),
                vocab,
            )
            score_coverage(
                scores("vocabulary coverage", split),
                where,
                labelled["technologies"].get(kind, []),
                vocab,
            )


def _item_texts(section):
    stack = [*section.intro, *section.items]
    while stack:
        item = stack.pop()
        yield item.text
        stack.extend(item.children)


# -- the report ----------------------------------------------------------------------------

# (task, figure, target)
TARGETS = (
    ("technologies", "precision", 0.97),
    ("technologies", "recall", 0.95),
    ("technologies", "f1", None),
    ("vocabulary coverage", "accuracy", 0.90),
    ("line kind", "accuracy", 0.90),
    ("technology asked as", "accuracy", None),
    ("role title", "precision", 0.97),
    ("role title", "recall", 0.90),
    ("employer", "accuracy", 0.90),
    ("employer", "precision", None),
    ("employer", "recall", None),
    ("employer, any name", "accuracy", None),
    ("posting title", "accuracy", 0.90),
    ("posting company", "accuracy", 0.90),
    ("posting salary", "accuracy", None),
    ("posting one role", "accuracy", None),
    ("posting section kind", "accuracy", 0.95),
    ("posting technologies", "precision", 0.97),
    ("posting technologies", "recall", 0.95),
)


def _figure(score: Score, figure: str) -> str:
    value = getattr(score, figure)()
    return "   -  " if value is None else f"{value:6.3f}"


def report(scores: Scores, *, held_out_errors: bool, out=sys.stdout) -> None:
    out.write(f"{'task':<22} {'figure':<10} {'tune':>6} {'held-out':>9} {'target':>7}")
    out.write("  n (tune/held-out)\n")
    for task, figure, target in TARGETS:
        tune, held = scores(task, "tune"), scores(task, "held-out")
        n = (
            f"{tune.total}/{held.total}"
            if figure == "accuracy"
            else f"{tune.tp + tune.fn}/{held.tp + held.fn}"
        )
        goal = f"≥{target:.2f}" if target else ""
        figures = f"{_figure(tune, figure)} {_figure(held, figure):>9}"
        out.write(f"{task:<22} {figure:<10} {figures} {goal:>7}  {n}\n")
    line_kinds = [k.value for k in LineKind]
    section_kinds = [k.value for k in SectionKind]
    confusions = (  # task, the kinds labelled, the kinds got
        ("line kind", line_kinds, line_kinds),
        ("posting section kind", section_kinds, [*section_kinds, NOT_FOUND]),
    )
    for task, labelled, got in confusions:
        for split in SPLITS:
            confusion = scores(task, split).confusion
            if confusion:
                out.write(f"\n{task} confusion ({split}; rows labelled, columns got)\n")
                out.write(" " * 12 + "".join(f"{k[:10]:>11}" for k in got) + "\n")
                for gold in labelled:
                    row = "".join(f"{confusion[(gold, kind)]:>11}" for kind in got)
                    out.write(f"{gold[:11]:<12}{row}\n")
    shown = SPLITS if held_out_errors else ("tune",)
    for (task, split), score in sorted(scores.by.items()):
        if split in shown and score.errors:
            out.write(f"\n## {task} ({split}): {len(score.errors)} errors\n")
            for error in score.errors:
                out.write(f"  {error}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--held-out-errors", action="store_true", help="also print the held-out part's errors"
    )
    args = parser.parse_args()
    vocab = Vocabulary(ROOT / "fixtures/technologies.json")
    scores = Scores()
    evaluate_notes(scores, vocab)
    if (EVAL / "postings/labels.jsonl").exists():
        evaluate_postings(scores, vocab)
    report(scores, held_out_errors=args.held_out_errors)


if __name__ == "__main__":
    main()
