"""The employer a copied posting states in its own words (pure Python, no Django).

Postings introduce their company in a few set ways: "Two Sigma is a financial sciences
company …", "Apple is looking for …", "At Toyota Research Institute (TRI), we're …",
"Join Scale AI", a line "About Groq", or an address on the company's own domain
(careers.sifive.com, jobs.lever.co/quera). The first such statement in a skill set names its
employer. A name is a run of capitalised words ("Jane Street", "The New York Times"); words
that start sentences ("This", "Our", "Experience") and technologies ("Python is a plus") are
never names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import chain, islice
from urllib.parse import urlsplit

from taxonomy.verbs import is_verb

_MARKUP = re.compile(r"[*_`]+")
# A capitalised word, or one capitalised inside ("xAI", "eBay").
_WORD = r"(?:[A-Z0-9]|[a-z]{1,2}[A-Z])[\w&.'\u2019+-]*"
_NAME = rf"(?P<name>(?:The )?{_WORD}(?:[ \t]+(?:{_WORD}|of|for|&|and)){{0,4}})"
# A Korean or Japanese company's name, as one word: "에잇퍼센트", "CJ올리브영", "モリシステム".
_CJK_NAME = r"(?P<name>[\uac00-\ud7af\u30a0-\u30ffA-Za-z0-9&+-]{2,20})"
# Each statement with the words one of which every match of it holds (most lines hold none
# of them, and substring tests clear them many times faster than the expressions), and
# whether only an organisation can say it: "Splunk is looking for" names its employer though
# Splunk is also a technology, while "Python is the …" names none.
_STATEMENTS = tuple(
    (hints, re.compile(pattern), only_an_organisation)
    for hints, pattern, only_an_organisation in (
        (
            ("At ", "Join"),
            rf"^(?:At|Join|Joining) {_NAME}(?:\s*\([^)]*\))?"
            r"(?:,|!|\.|\s+(?:we|you|and|as|is|to|in)\b)",
            False,
        ),
        (
            (" is ", " are "),
            rf"^{_NAME}(?:\s*\([^)]*\))?,? (?:is|are) (?:looking for|seeking|hiring|searching for|"
            r"recruiting)\b",
            True,
        ),
        (
            (" is ", " are "),
            rf"^{_NAME}(?:\s*\([^)]*\))?,? (?:is|are) (?:on a mission|pioneering|transforming|"
            r"revolutionizing)\b",
            False,
        ),
        # Not a team ("Cortex is a team of software engineers …") nor software ("MEAN is a
        # free and open-source JavaScript software stack …").
        (
            (" is ",),
            rf"^{_NAME}(?:\s*\([^)]*\))?,? is (?:where|building|the|a|an|one of|developing|"
            r"creating|leading)\b(?=(?:\s+\S+){6})"
            r"(?!(?:\s+[\w-]+){0,6}?\s+(?:team|group|(?:software )?stack|framework|toolkit|"
            r"programming language)\b)",
            False,
        ),
        (("About ",), rf"^About {_NAME}\s*:?$", False),
        # "Space Cubics は、宇宙用オンボードコンピュータの開発を中心に、…"
        # but "PG-Stromとは、" ("PG-Strom is …") defines what it names.
        (("は、",), rf"^{_NAME}(?<!\u3068)\s*は、", False),
        # "에잇퍼센트는 [8퍼센트](…)를 서비스하고 있는 핀테크 스타트업입니다.": a company saying
        # what it is; "Xは、… 企業です" likewise.
        (
            ("입니다", "です"),
            rf"^{_CJK_NAME}\s*(?:는|은|は、?)\s.{{0,120}}?"
            r"(?:스타트업|회사|기업|ベンチャー|スタートアップ|会社|企業)(?:입니다|です)",
            True,
        ),
        # "저희 레이니스트와 함께 성장하실 …": "our" and the company's name.
        (
            ("저희 ", "우리 "),
            rf"(?:^|\s)(?:저희|우리) {_CJK_NAME}(?:와|과|는|은|의|에서|가)\s",
            True,
        ),
        # "We're Progress and we offer …"
        (("We",), rf"^We(?:'|\u2019)?(?:re| are) {_NAME}(?:,| and\b| —)", True),
        # "… the AI/ML team at Nike (including …)"
        (
            (" at ",),
            rf"\b(?:team|group|teams|lab) at {_NAME}(?=\s*[,.;(]|\s+(?:in|and|is)\b)",
            True,
        ),
        (
            (" we", " you"),
            rf"\b(?:at|join) {_NAME},? (?:we|you)(?:'|\u2019)?(?:re| are| will|'ll)\b",
            True,
        ),
    )
)
_DOMAIN_HINTS = ("jobs", "careers", "greenhouse", "workable", "hrmos")
_DOMAIN = re.compile(
    r"\b(?:careers|jobs)\.(?P<a>[a-z0-9-]{2,40})\.(?:com|io|ai|co|org|net)\b|"
    r"\b(?P<b>[a-z0-9-]{2,40})\.(?:com|io|ai|co)/(?:careers|jobs)\b|"
    # Applicant trackers' pages: "jobs.lever.co/acme", "herp.careers/v1/resilire/…"
    r"\b(?:jobs\.lever\.co|(?:job-)?boards\.greenhouse\.io|jobs\.ashbyhq\.com|"
    r"apply\.workable\.com|jobs\.smartrecruiters\.com|herp\.careers/v1|hrmos\.co/pages)/"
    r"(?P<c>[a-z0-9-]{2,40})\b"
)
# Capitalised words that start sentences, never a company.
_NOT_NAMES = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "our",
        "we",
        "you",
        "your",
        "they",
        "우리",
        "저희",
        "당사",
        "弊社",
        "当社",
        "their",
        "he",
        "she",
        "a",
        "an",
        "as",
        "at",
        "in",
        "on",
        "for",
        "with",
        "what",
        "who",
        "why",
        "how",
        "when",
        "where",
        "here",
        "there",
        "if",
        "do",  # "At DO, we believe in: …": the verb, or a short name that no list gives
        "does",
        "all",
        "each",
        "every",
        "some",
        "most",
        "many",
        "any",
        "experience",
        "knowledge",
        "strong",
        "excellent",
        "good",
        "familiarity",
        "ability",
        "proven",
        "demonstrated",
        "candidates",
        "candidate",
        "applicants",
        "team",
        "role",
        "position",
        "job",
        "company",
        "ideal",
        "successful",
        "preferred",
        "required",
        "must",
        "bonus",
        "plus",
        "responsibilities",
        "qualifications",
        "requirements",
        "join",
        "about",
        "us",
        "location",
        "salary",
        "compensation",
        "benefits",
        "please",
        "note",
        "bachelor",
        "bachelors",
        "master",
        "masters",
        "doctor",
        "doctorate",
        "software",
        "hardware",
        "data",
        "api",
        "kpi",
        "portfolio",
        "industry",
        "world",
        "customer",
        "customers",
        "client",
        "clients",
        "user",
        "users",
        "product",
        "products",
        "platform",
        "system",
        "systems",
        "today",
        "everyone",
        "anyone",
        "engineering",
        "research",
        "science",
        "technology",
        "business",
        "organization",
        "department",
        "group",
        "virtualization",
        "performance",
    ]
)
# Job titles are not employers: "Performance Engineer is …", "The Sr Director of Product
# Management is a unique opportunity …".
_JOB_TITLE = re.compile(
    r"\b(?:engineers?|scientists?|managers?|developers?|researchers?|leads?|interns?|unit)$|"
    r"\b(?:director|head|vp|vice president|president|officer)s? of\b",
    re.IGNORECASE,
)
_MAX_NAME = 60
_RESEARCH_LAB = re.compile(r"(?<=\S) Research$")
# A posting introduces its employer near its top: later lines are not read for it.
MAX_LINES_READ = 25
# How far into a line later sentences are looked at, and how much of each: a statement names
# its company in its first words.
MAX_SENTENCE_SCAN = 2_000
_SENTENCE_OPENING = 300
# "Jane Street's …", "Ginkgo's …": a company speaking of its own teams and products.
_POSSESSIVE = re.compile(
    r"\b(?P<name>(?:[A-Z]|[a-z]{1,2}[A-Z])[\w&.+-]*(?: [A-Z][\w&.+-]*){0,2})(?:'|\u2019)s\b"
)
# What only an organisation has: "Splunk's Cloud group" is Splunk's, though Splunk is also a
# technology; "Python's ecosystem" is not an employer's.
_ORGANISATION_OWNS = re.compile(
    r"\s+(?:[A-Z][\w&.+-]*\s+){0,3}(?:teams?|group|lab|labs|organi[sz]ation|division|"
    r"department|engineers|employees|mission|culture|customers|founders|office|offices|"
    r"headquarters|leadership|research)\b"
)


def names_its_unit(text: str, end: int) -> bool:
    """Whether the name ending at ``text[end]`` owns what follows it ("Splunk Analytic Apps
    team", "Anaconda engineers"): an organisation's, even where the name is a technology's."""
    return _ORGANISATION_OWNS.match(text, end) is not None


_PERSON_TITLE = re.compile(r"\b(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+(?:$|[A-Z])")
_PERSON_ROLE = re.compile(
    r"\b(?:director|manager|president|officer|founder|ceo|cto|professor|chair)$", re.IGNORECASE
)
_OWNER = re.compile(r"(?:'|\u2019)s\s")
# What a possessive may own that no employer's posting speaks of as its own: "Completion of
# Andrew Ng's Machine Learning course on Coursera" names an author's course, not a company;
# "documentation for submissions (Define.xml, Reviewer's Guides)", a document's title.
_WORK = re.compile(
    r"(?:\s+\S+){0,3}?\s+(?:course|book|textbook|lectures?|guides?|handbooks?|manuals?)\b",
    re.IGNORECASE,
)


def _name(found: str, *, possessive: bool = False) -> str | None:
    name = found.rsplit(". ", 1)[-1].strip(" .,'\u2019")  # "… in the USA. Design Apple's"
    # "Apple\u2019s Special Project Group is seeking …": the group's owner employs.
    name = _OWNER.split(name, 1)[0]
    first, _, rest = name.partition(" ")
    if possessive and rest and is_verb(first):
        name = rest  # "Support Ginkgo's teams", or "Design Apple's" after a full stop
    if name.startswith("The "):
        if len(name.split()) < 3:
            return None  # "The team", "The role"
        # "The Internet Archive is …" and "at Internet Archive" name one employer.
        name = name.removeprefix("The ")
    first = name.split()[0].casefold() if name else ""
    if not name or first in _NOT_NAMES or len(name) > _MAX_NAME or _JOB_TITLE.search(name):
        return None
    if possessive and _PERSON_ROLE.search(name):
        return None  # "the NIH Director's award": a person's
    if possessive and name.isupper() and len(name) <= 4:
        return None  # "API's", "KPI's": an acronym's own is a thing's more than an employer's
    # A company's research lab hires for the company: "Salesforce Research" is Salesforce's,
    # "Toyota Research Institute" a company of its own.
    return _RESEARCH_LAB.sub("", name)


# A Korean or Japanese posting makes its company the topic of its sentences: "인터엑스는
# 디지털 기술을 통한 …", "お互い支え合うことの大切さ。モリシステムは、…".
_CJK_TOPIC = re.compile(
    rf"(?:^|(?<=[.!?]\s)|(?<=\u3002))[\"'\u201c\u2018\u300c]?{_CJK_NAME}"
    r"[\"'\u201d\u2019\u300d]?(?:은|는|は、|は\s)"
)
# A company speaking of its own units and staff: "직방 사내에서", "스타일쉐어 팀과",
# "Incrementsの開発チーム文化"; as with a topic, the name must recur in the posting.
_CJK_OWNS = (
    re.compile(
        rf"(?:^|(?<=[\s\"'\u201c\u2018\u300c\[(])){_CJK_NAME}\s+(?:사내|\S*(?:팀|센터|본부))"
    ),
    re.compile(rf"{_CJK_NAME}の\S{{0,8}}?(?:チーム|採用|社員|企業|ミッション)"),
)
# A team or a job is a topic too, and no employer: "마케팅팀은", "ソフトウェアエンジニアは";
# nor is a word that goes before a team: "… Engineer와 함께 Infra팀에".
_CJK_NOT_EMPLOYER = re.compile(
    r"(?:팀|파트|엔지니어|개발자|디자이너|チーム|エンジニア|プログラマー?|デザイナー)$|"
    r"^(?:함께|같이|모든|우리|저희|다른|여러|각|해당|새로운|기존|전체)$"
)
# How often the name must recur in the posting: a company's name does, a one-off topic
# ("이력서는 내부에 회람되기 때문에") does not.
_TOPIC_RECURS = 2


def topic_employer(sentences: Iterable[str], text: str) -> str | None:
    """The company a Korean or Japanese posting's prose makes the topic of its sentences or
    speaks of as having teams, and that ``text`` (the whole posting) names most often, at
    least twice; else None."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for match in chain(*(p.finditer(sentence) for p in (_CJK_TOPIC, *_CJK_OWNS))):
            name = _name(match.group("name"))
            if name and name not in counts and not _CJK_NOT_EMPLOYER.search(name):
                counts[name] = text.count(name)
    best = max(counts, key=counts.__getitem__, default=None)
    return best if best and counts[best] >= _TOPIC_RECURS else None


def careers_address(text: str) -> str | None:
    """The employer a careers page's or an applicant tracker's address in ``text`` names
    ("careers.acme.com", "jobs.lever.co/acme"), or None."""
    domain = any(map(text.__contains__, _DOMAIN_HINTS)) and _DOMAIN.search(text)
    if not domain:
        return None
    label = domain.group("a") or domain.group("b") or domain.group("c")
    if label in {"www", "jobs", "careers", "boards"}:
        return None
    return label.replace("-", " ").title()


# An address to write to at the employer's own domain: "contact@heterodb.com".
_MAIL = re.compile(r"[\w.+-]+@(?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.IGNORECASE)
_MAIL_SUFFIXES = frozenset(
    ["com", "co", "io", "ai", "net", "org", "dev", "tech", "jp", "kr", "ne", "or", "inc"]
)
# Whose addresses anyone may have: a mail provider's, not an employer's.
_MAIL_PROVIDERS = frozenset(
    ["gmail", "googlemail", "yahoo", "hotmail", "outlook", "icloud", "proton", "protonmail"]
)
_ADDRESSES = re.compile(r"\S+@\S+|https?://\S+|\bwww\.\S+")


def _own_label(domain: str) -> str:
    """The label a domain names its owner by: "www.achronix.com" → "achronix"."""
    labels = domain.lower().split(".")
    while len(labels) > 1 and labels[-1] in _MAIL_SUFFIXES:
        labels.pop()
    return labels[-1]


def website_label(url: str) -> str:
    """The name a company's own website gives it, without marks: "https://flex-logix.com/" →
    "flexlogix"; "" for no address."""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:  # "http://[::1": no address to read a name from
        return ""
    return "".join(filter(str.isalnum, _own_label(host))) if host else ""


def mail_employer(text: str) -> str | None:
    """The employer whose own domain an address in ``text`` is at ("contact@heterodb.com"),
    as the text writes its name elsewhere ("HeteroDB provides …"); else None."""
    if "@" not in text:
        return None
    prose = None
    for address in _MAIL.finditer(text):
        label = _own_label(address.group("domain"))
        if label in _MAIL_PROVIDERS or len(label) < 3:
            continue
        prose = prose if prose is not None else _ADDRESSES.sub(" ", text)
        written = re.search(rf"(?<![\w.-]){re.escape(label)}(?![\w-])", prose, re.IGNORECASE)
        if written:
            return written.group()
    return None


# Where a later sentence of a line starts: "Are you interested in …?  Splunk Education is
# looking for a Lab and Data Engineer …".
_SENTENCE_START = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def _later_sentences(text: str) -> list[str]:
    """The openings of the later sentences of ``text``: where the statements only an
    organisation makes are also looked for, as no sentence but a company's opens with one."""
    starts = _SENTENCE_START.finditer(text, 0, MAX_SENTENCE_SCAN)
    return [text[start.end() : start.end() + _SENTENCE_OPENING] for start in starts]


def stated_employer(
    texts: Iterable[str], *, is_technology: Callable[[str], bool] = lambda name: False
) -> str | None:
    """The employer the first statement among ``texts`` names, else the name most lines
    speak of as their own ("Ginkgo's Biosecurity Teams"), or None."""
    owners: dict[str, int] = {}
    for text in islice(texts, MAX_LINES_READ):
        plain = (
            _MARKUP.sub("", text) if "*" in text or "_" in text or "`" in text else text
        ).strip()
        later = None  # the line's later sentences, cut once, when a statement needs them
        for hints, pattern, only_an_organisation in _STATEMENTS:
            if not any(map(plain.__contains__, hints)):
                continue
            match = pattern.search(plain)
            if match is None and only_an_organisation:
                later = _later_sentences(plain) if later is None else later
                match = next(filter(None, map(pattern.search, later)), None)
            if match:
                name = _name(match.group("name"))
                if name and (only_an_organisation or not is_technology(name)):
                    return name
        named = careers_address(plain)
        if named:
            return named
        if "'" not in plain and "\u2019" not in plain:
            continue
        for match in _POSSESSIVE.finditer(plain):
            if _PERSON_TITLE.match(match.group("name")) or _PERSON_TITLE.search(
                plain, max(0, match.start() - 6), match.start()
            ):
                continue  # "Dr. Ha\u2019s laboratory" is a person's
            if _WORK.match(plain, match.end()):
                continue
            name = _name(match.group("name"), possessive=True)
            if name and (names_its_unit(plain, match.end()) or not is_technology(name)):
                owners[name] = owners.get(name, 0) + 1
    return max(owners, key=owners.__getitem__) if owners else None
