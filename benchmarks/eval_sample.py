"""Draw the notes part of the extraction evaluation set (run once; its output is labelled by hand).

Every non-placeholder skill line of the seed notes and of the corpus files in ``fixtures/`` is
a candidate; ``--lines`` of them are drawn at random with a fixed seed. Each skill set one of
them belongs to is written once, with its lines, for labelling its role title and employer.
In the first batch a set falls in the held-out part by a hash of where it stands, so the
split is the same whoever draws it and whatever else the file holds. A later batch is drawn
afresh (its own seed) from the sets no earlier batch holds, and all of it is held out (it
replaces a held-out part whose errors have been read), or all of it tuned on (``--tune``: more
to tune on, leaving the held-out part as it is).

    python benchmarks/eval_sample.py --lines 420 --out DIR                   # batch 1
    python benchmarks/eval_sample.py --batch 2 --lines 240 --out DIR         # batch 2
    python benchmarks/eval_sample.py --batch 3 --lines 160 --tune --out DIR  # batch 3
    python benchmarks/eval_sample.py --batch 4 --lines 160 --tune --out DIR  # batch 4
    python benchmarks/eval_sample.py --batch 5 --lines 160 --tune --out DIR  # batch 5
    python benchmarks/eval_sample.py --batch 6 --lines 120 --tune --out DIR  # batch 6

Labelled, they become fixtures/eval/notes/lines.jsonl and sets.jsonl (see its README).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from taxonomy.notes.parser import is_placeholder, parse_notes  # noqa: E402

SEED = 12
HELD_OUT_SHARE = 0.4
LABELLED_SETS = ROOT / "fixtures/eval/notes/sets.jsonl"
NOTES_FILES = [ROOT / "fixtures/notes.md", *sorted((ROOT / "fixtures/corpus").rglob("*.md"))]


def held_out(set_id: str) -> bool:
    digest = hashlib.sha1(set_id.encode("utf-8")).digest()
    return digest[0] < 256 * HELD_OUT_SHARE


def candidates():
    """(set id, set node, skill node, file name) for every skill line, in file order."""
    for path in NOTES_FILES:
        name = path.relative_to(ROOT / "fixtures").as_posix()
        document = parse_notes(path.read_text(encoding="utf-8-sig"))
        for area in document.areas:
            for node in area.all_skill_sets():
                if node.is_placeholder:
                    continue
                set_id = f"{name}:{node.line.number}"
                for skill in node.skills:
                    if not is_placeholder(skill.text.strip()):
                        yield set_id, node, skill, area, name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=420)
    parser.add_argument("--batch", type=int, default=1, help="1, or a later batch (held out)")
    parser.add_argument("--tune", action="store_true", help="a later batch to tune on")
    parser.add_argument("--out", type=Path, required=True, help="folder for the files to label")
    args = parser.parse_args()
    if args.tune and args.batch == 1:
        parser.error("--tune is for a later batch; batch 1 is split by held_out()")
    pool = list(candidates())
    if args.batch > 1:
        with open(LABELLED_SETS, encoding="utf-8") as labelled:
            earlier = [json.loads(line) for line in labelled]
        taken = {s["set"] for s in earlier if s["batch"] < args.batch}
        pool = [candidate for candidate in pool if candidate[0] not in taken]
    seed = SEED + args.batch - 1
    drawn = sorted(random.Random(seed).sample(range(len(pool)), args.lines))
    lines, sets = [], {}
    for index in drawn:
        set_id, node, skill, area, name = pool[index]
        parent = node.skills[skill.parent].text if skill.parent is not None else None
        if args.batch > 1:
            split = "tune" if args.tune else "held-out"
        else:
            split = "held-out" if held_out(set_id) else "tune"
        lines.append(
            {
                "id": f"{name}:{skill.line.number}",
                "set": set_id,
                "split": split,
                "batch": args.batch,
                "text": skill.text,
                "parent": parent,
            }
        )
        sets.setdefault(
            set_id,
            {
                "set": set_id,
                "split": split,
                "batch": args.batch,
                "field": " > ".join(area.path),
                "label": node.label,
                "lines": [s.text for s in node.skills][:80],
            },
        )
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / "lines.unlabelled.jsonl", "w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    with open(args.out / "sets.unlabelled.jsonl", "w", encoding="utf-8") as out:
        for record in sets.values():
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    held = sum(1 for line in lines if line["split"] == "held-out")
    print(f"{len(lines)} lines ({held} held out) in {len(sets)} skill sets of {len(pool)} lines")


if __name__ == "__main__":
    main()
