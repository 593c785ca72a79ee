"""Facts a posting states about a role: title, company, salary, location, employment type.

They come from ``Label: value`` lines (``Salary: …``, ``근무지: …``, ``Job Description:
Machine Learning Engineer``), from a label whose value is on the next line (``**Employment
type:**``), from lines that are only an amount of money (``KRW 50M ~ 100M (negotiable)``),
from a heading such as "ML2 is looking for new members!", and, for title and company only,
from a file name such as ``caddi-machine-learning-engineer.md`` when the text confirms it.
"""

from __future__ import annotations

import re
from enum import Enum

from taxonomy.notes.roles import JAPANESE_LEGAL_FORMS, role_from_first_line


class Fact(Enum):
    TITLE = "title"
    COMPANY = "company"
    SALARY = "salary"
    LOCATION = "location"
    EMPLOYMENT_TYPE = "employment type"
    URL = "url"


# Korean and Japanese words for pay: annual, monthly, salary.
_PAY_WORDS = r"연봉|급여|월급|給与|給料|年収|年俸|月給"
_FACT_LABELS: tuple[tuple[Fact, str], ...] = (
    (Fact.URL, r"url|link|source|원문|출처"),
    (
        Fact.TITLE,
        r"(?:job )?title|position|role|job description|job|job (?:posting|opening)|vacancy|"
        r"포지션|직무|모집\s*(?:분야|부문|직무)|"
        r"職種|募集職種|ポジション",
    ),
    (
        Fact.COMPANY,
        r"company(?: name)?|employer|organi[sz]ation|회사\s*명?|기업\s*명?|会社名?|社名",
    ),
    (
        Fact.SALARY,
        r"salary|compensation(?: (?:and|&) benefits)?|pay(?: range)?|"
        r"(?:.*\b)?(?:hourly|annual|base) (?:rate|salary|pay)(?: range)?|"
        # "年収水準" (the level of pay), "想定年収", "연봉 범위"
        rf"(?:想定\s*)?(?:{_PAY_WORDS}|報酬)(?:\s*(?:水準|範囲|レンジ|目安|想定|범위|수준))?",
    ),
    (
        Fact.LOCATION,
        r"(?:work |job |office )?locations?|office|based in|근무\s*(?:지|지역|장소)|勤務地",
    ),
    (
        Fact.EMPLOYMENT_TYPE,
        r"employment(?: type)?|job type|type of employment|contract type|고용\s*형태|"
        r"채용\s*형태|雇用形態",
    ),
)
_LABELS = tuple((fact, re.compile(rf"(?:{p})", re.IGNORECASE)) for fact, p in _FACT_LABELS)
# The colon of an address is no label's: "Breeding Insight (https://breedinginsight.org/) is …"
_LABEL_VALUE = re.compile(r"^(?P<label>[^:\uff1a]{1,40}?)\s*[:\uff1a](?!//)\s*(?P<value>\S.*)$")
_URL = re.compile(r"^https?://\S+$")
_GLOSS = re.compile(r"\s*(?:\([^()]*\)|\uff08[^\uff08\uff09]*\uff09)$")

_CURRENCY = r"(?:KRW|USD|EUR|GBP|JPY|CAD|AUD|SGD|CHF|INR|CNY|VND|HKD|TWD)"
_AMOUNT = r"\d[\d,.]*\s*(?:[kKmMbB]\b|만\s*원|억\s*원?|원|円|万円?)?"
_MONEY = re.compile(
    rf"(?:\b{_CURRENCY}\s*[₩$€£¥]?|[₩$€£¥])\s*{_AMOUNT}|"
    # "5천만원", "1억 5천만원" ("1억 명" counts people)
    r"\d[\d,.]*\s*(?:(?:천\s*)?만\s*원|억\s*(?:원|\d)|원|万円?|円)"
)
SALARY_MAX_WORDS = 14
_PAY_RANGE = re.compile(
    rf"(?:{_MONEY.pattern})"
    rf"(?:\s*(?:-|\u2013|\u2014|~|\uff5e|\u301c|to|から)\s*(?:{_MONEY.pattern}|{_AMOUNT}))?"
    r"(?:\s*(?:per|a|an|/)\s*(?:year|yr|annum|hour|hr|month)\b)?"
)
FILE_COMPANY_WORDS = 2  # a file name's company part the text need not repeat
# What a file is named when its company is not known: "unnamed-ml-ops-engineer.txt".
_UNNAMED = frozenset({"unnamed", "untitled", "unknown", "anonymous"})
VALUE_MAX_WORDS = 12
_IS_LOOKING = re.compile(
    r"^(?:who\s+)?(?P<name>[\w&.'\- ]{2,60}?)\s+(?:is|are)\s+"
    r"(?:looking for|hiring|seeking|recruiting)\b",
    re.IGNORECASE,
)
_ABOUT = re.compile(
    r"^about\s+(?P<name>.+)$|"
    # A heading introducing the company: "마키나락스는..", "アカリについて" ("AI Lab 소개"
    # introduces a team as often as a company: it names none).
    r"^(?P<cjk>[\uac00-\ud7af\u30a0-\u30ffA-Za-z0-9&.\- ]{2,30}?)\s*"
    r"(?:(?<=[\uac00-\ud7af])(?:은|는)|について)\s*[.…!?]*$",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    r"^(?:the|this|our|we|us|you|your|me|role|job|position|team|opportunity|company)\b",
    re.IGNORECASE,
)
# "회사는", "私たちについて", "AI Lab은": a word for the company, or a team, names no company.
_GENERIC_CJK = re.compile(
    r"^(?:팀|회사|기업|우리|저희|직무|포지션|チーム|会社|企業|私たち|当社|弊社)|"
    r"(?:lab|team|group|팀|랩|연구소|본부|그룹|チーム|部)$",
    re.IGNORECASE,
)
_FILE_WORD = re.compile(r"[^\W_]+")


def label_value(text: str) -> tuple[str, str] | None:
    """``Salary: USD $98,000`` → ("Salary", "USD $98,000"); None for other lines."""
    match = _LABEL_VALUE.match(text.strip())
    if not match or "://" in match.group("label") or match.group("label").isdigit():
        return None  # nor is a clock's: "9:00 to 18:00"
    label = match.group("label")
    if label.count("(") + label.count("\uff08") > label.count(")") + label.count("\uff09"):
        return None  # a colon inside brackets: "年俸制 (年収想定: 600万円から…)", full-width
    return label.strip(" *"), match.group("value").strip(" *")


def fact_named(label: str) -> Fact | None:
    """The fact a label names: "Work location" → LOCATION; "Backend" → None."""
    label = label.strip(" *:\uff1a")
    # "Institution/Company": either name names the fact.
    for part in dict.fromkeys((label, *label.split("/"))):
        for fact, pattern in _LABELS:
            if pattern.fullmatch(part.strip()):
                return fact
    return None


# Labels that name nothing but the job title: their value is the title even without a job
# word ("모집직무 : AI 서비스 개발", "Job Title:\tAI Engineering"); "Position: Full-time" and
# "Role: …" name it only when the value reads as a title.
_TITLE_ONLY = re.compile(r"job title|모집\s*(?:분야|부문|직무)|募集職種|職種", re.IGNORECASE)
TITLE_MAX_WORDS = 8


def fact_value(fact: Fact, value: str, *, label: str = "") -> str | None:
    """``value`` if it can be what ``fact`` says (under ``label``), else None."""
    value = value.strip()
    if not value:
        return None
    if fact is Fact.TITLE:
        role = role_from_first_line(value)
        if role:
            return role.title
        named = _TITLE_ONLY.fullmatch(label.strip(" *:\uff1a"))
        short = len(value.split()) <= TITLE_MAX_WORDS and not value.endswith((".", "\u3002"))
        return value if named and short else None
    if fact is Fact.URL:
        return value if _URL.match(value) else None
    if fact is Fact.SALARY:
        if len(value.split()) <= SALARY_MAX_WORDS:
            return value if _MONEY.search(value) else None
        # A sentence on pay: its amounts, "The salary range for this role is $170,000 to
        # $210,000. We are open to …" → "$170,000 to $210,000".
        span = _PAY_RANGE.search(value)
        return span.group().rstrip(" .,;") if span else None
    if fact is Fact.COMPANY:  # "ConveyThis (Website Translation Software)": what it does,
        # or where: "NanoFrontier株式会社" with its head office's address in brackets
        value = _GLOSS.sub("", value) or value
    return value if len(value.split()) <= VALUE_MAX_WORDS else None


# A line that says it is about pay, among the benefits: "年俸制 (年収想定: 600万円から…)",
# "동종업계 연봉 상위 1%이상 (… ~1억 5천만원)"; "$2,000 learning budget" is a benefit.
_NAMES_PAY = re.compile(
    rf"\b(?:salary|salaries|base pay|pay range|compensation)\b|{_PAY_WORDS}",
    re.IGNORECASE,
)


def names_pay(text: str) -> bool:
    """Whether a line says it is about pay, not only that it holds an amount."""
    return _NAMES_PAY.search(text) is not None


def salary_line(text: str) -> str | None:
    """A line that is an amount of pay ("KRW 50M ~ 100M (negotiable)"), else None; a job
    board's terms after it are not pay ("$160,000 - $240,000 a year - Full-time")."""
    text = _TERMS_AFTER_PAY.sub("", _NOTE.sub("", text))
    if not _MONEY.search(text) or len(text.split()) > SALARY_MAX_WORDS:
        return None
    stated = label_value(text)
    if stated and fact_named(stated[0]) is Fact.SALARY:
        return stated[1]
    return text.strip()


_TERMS_AFTER_PAY = re.compile(
    r"\s+[-\u2013\u2014|\u00b7]\s+(?:full[- ]time|part[- ]time|contract|temporary|internship|"
    r"permanent|정규직|계약직|正社員|契約社員)$",
    re.IGNORECASE,
)
# A note after the amount, marked as Japanese marks one, outside any brackets: "年俸制 (年収
# 想定: 600万〜1000万円程度)※スキル・経験により決定" (a "(※想定年収 …)" in brackets stays).
_NOTE = re.compile(r"\s*\u203b(?![^(\uff08]*[)\uff09]).*$")


def company_in_heading(text: str) -> str | None:
    """ "ML2 is looking for new members!" → "ML2"; "About Acme Robotics" → "Acme Robotics"."""
    looking = _IS_LOOKING.match(text.strip())
    if looking and not _NOT_A_NAME.match(looking.group("name")):
        return looking.group("name").strip()
    about = _ABOUT.match(text.strip())
    name = about and (about.group("name") or about.group("cjk"))
    if name and not _NOT_A_NAME.match(name) and not _GENERIC_CJK.search(name):
        return name.strip()
    return None


# A company's legal name in Japanese or Korean: 株式会社アカリ, アカリ株式会社, (주)마키나락스,
# 주식회사 요기요. The name is what stands beside the legal form.
_NAME_CHARS = r"[^\s、。,\uff0c:\uff1a()\uff08\uff09【】\[\]「」『』|/]{1,30}"
_LEGAL_FORM = rf"(?:{'|'.join(JAPANESE_LEGAL_FORMS)}|주식회사|\(주\)|㈜)"
_LEGAL_FORMS = (  # the name right before its form first: "アカリ株式会社 採用"
    re.compile(rf"(?P<name>{_NAME_CHARS}){_LEGAL_FORM}"),
    re.compile(rf"{_LEGAL_FORM}\s*(?P<name>{_NAME_CHARS})"),
)


def legal_name(text: str, *, alone: bool = False) -> str | None:
    """The name a Japanese or Korean company's legal form stands beside, or None. ``alone``:
    only if ``text`` is that legal name and nothing else ("リス株式会社", "주식회사 요기요"),
    which, unlike a name in a sentence, cannot run into the words before it
    ("入社後すぐにＳＯＭＰＯホールディングス株式会社へ出向")."""
    if alone:
        text = text.strip(" *_#>\t")
    for pattern in _LEGAL_FORMS:
        match = pattern.fullmatch(text) if alone else pattern.search(text)
        if match and match.group("name"):
            return match.group("name")
    return None


def names_from_file(stem: str, text: str, title: str = "") -> tuple[str, str]:
    """(title, company) that a file name such as ``acme-ml-engineer`` gives, when the text
    confirms them; ("", "") when it does not.

    With a ``title`` already found, only a leading company part is looked for. Without one,
    the title is the longest tail of the name that ends in a job word (engineer, lead …) and
    whose other words appear together in the text.
    """
    words = [w.casefold() for w in _FILE_WORD.findall(stem)]
    while words and words[-1].isdigit():  # "unnamed-data-engineer-2": a second such file
        words.pop()
    if title:
        title_words = [w.casefold() for w in _FILE_WORD.findall(title)]
        tail = len(title_words)
        if len(words) > tail and words[-tail:] == title_words:
            return title, _confirmed(words[:-tail], text)
        return title, _named_before_a_title(words, set(title_words), text)
    for start in range(len(words) - 1):
        tail = words[start:]
        if role_from_first_line(" ".join(tail).capitalize()) is None:
            return "", ""
        if _appears(tail[:-1], text):
            return _cased(tail, text), _confirmed(words[:start], text)
    return "", ""


def _named_before_a_title(words: list[str], title_words: set[str], text: str) -> str:
    """The company part of a file name whose title the text writes otherwise ("increments-
    application-engineer" over アプリケーションエンジニア): the longest head of the name that
    the text names and that leaves a job title after it, holding no word of the text's own
    title; none when the text writes the whole name, which is then the title's words
    ("senior-data-engineer" over "Senior Data Engineer, Platform")."""
    if (words[:1] and words[0] in _UNNAMED) or _appears(words, text):
        return ""  # "Senior Data Engineer": the whole name is the title's words
    for end in range(len(words) - 1, 0, -1):
        head, tail = words[:end], words[end:]
        if title_words.intersection(head) or not _appears(head, text, beside_cjk=True):
            continue
        if role_from_first_line(" ".join(tail).capitalize()) is not None:
            return _cased(head, text)
    return ""


def _confirmed(words: list[str], text: str) -> str:
    """The company part of a file name: a word or two (``hyperconnect-…``, which a Korean
    text writes 하이퍼커넥트), or longer when the text names it too ("medtech-cpp-cv-…" is not
    a company called "Medtech Cpp CV"); none when the file is named as unknown ("unnamed-…")."""
    if words[:1] and words[0] in _UNNAMED:
        return ""
    if len(words) <= FILE_COMPANY_WORDS or _appears(words, text):
        return _cased(words, text)
    return ""


def _phrase(words: list[str], *, beside_cjk: bool) -> str:
    """The words written together, as a whole; ``beside_cjk``: a Korean or Japanese word may
    touch them ("Incrementsの開発チーム"), as a Latin letter or digit may not."""
    joined = r"[\s\-_/]+".join(map(re.escape, words))
    if not beside_cjk:
        return rf"\b{joined}\b"
    return rf"(?<![A-Za-z0-9]){joined}(?![A-Za-z0-9])"


def _appears(words: list[str], text: str, *, beside_cjk: bool = False) -> bool:
    """Whether the text writes the words together; a title's words standing apart from the
    Korean or Japanese around them ("Pythonエンジニア" is no "Python Engineer")."""
    pattern = _phrase(words, beside_cjk=beside_cjk)
    return bool(words) and re.search(pattern, text, re.IGNORECASE) is not None


def _cased(words: list[str], text: str) -> str:
    """The words as the text writes them: together ("Product-Minded Engineer", "UX/UI
    Planning Specialist"), else each on its own (``CADDi``, ``ML``), else capitalised."""
    for match in re.finditer(_phrase(words, beside_cjk=True), text, re.IGNORECASE):
        if not match.group().islower():
            return " ".join(match.group().split())
    spelled = []
    for word in words:
        found = [
            m.group()
            for m in re.finditer(_phrase([word], beside_cjk=True), text, re.IGNORECASE)
            if not m.group().islower()
        ]
        spelled.append(found[0] if found else word.capitalize())
    return " ".join(spelled)
