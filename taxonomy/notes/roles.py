"""Recognise the job title that opens a copied posting, and the company a label names."""

from __future__ import annotations

import re
from dataclasses import dataclass

from taxonomy.matching import CJK

_TITLE_WORDS = re.compile(
    r"\b(?:engineers?|engr|scientists?|researchers?|developers?|architects?|managers?|lead|"
    r"directors?|intern|internship|specialists?|scholar|analysts?|linguist|designers?|"
    r"consultants?|officer|postdoc|postdoctoral|resident|experts?|fellow|programmers?|"
    r"administrator|head of|(?:bio)?statisticians?|technicians?|technologists?|physicists?|"
    r"chemists?|biologists?|mathematicians?|economists?|writers?)\b",
    re.IGNORECASE,
)
# Requirement lines also mention engineers ("Experience as a software engineer"); a title
# does not start like a sentence.
_SENTENCE_START = re.compile(
    r"^(?:experience (?:with|in|of|as|working|building|using|developing)|knowledge (?:of|in|about)|"
    r"familiar|ability|able to|strong|proficien|background|b\.?s\b|m\.?s\b|ph\.?d|bachelor|"
    r"master'?s|degree|design (?:and|of)|develop\b|work (?:with|on|in)|build\b|you\b|we\b|"
    r"our\b|the\b|as\b|in\b|with\b|\d|minimum|preferred|required|must|good|excellent|solid|"
    r"understanding|expert in|deep (?:understanding|knowledge)|architect and)",
    re.IGNORECASE,
)
_FINITE_VERB = re.compile(r"\b(?:are|is|will|you|we)\b", re.IGNORECASE)
_EMPHASIS = re.compile(r"^\*{1,3}(.+?)\*{1,3}$")
_DOT_PARTS = re.compile(r"\s+·\s+")
_AT_COMPANY = re.compile(
    r"^(?P<title>.+?)\s+at\s+(?P<company>[A-Z][\w.&' -]+?(?:,\s*(?:Inc|Ltd|LLC|Corp)\.?)?)"
    r"(?:\s+\(.*\))?$"
)
_LABEL_COMPANY = re.compile(r"^skill set for \*{3}(?P<name>.+?)\*{3}$", re.IGNORECASE)
_AT = re.compile(r"\s+at\s+")
_MAX_TITLE_WORDS = 16


# "Architect, design and implement …" is a duty, not the title Architect.
_VERB_LIST = re.compile(r"^\w+,\s+\w+\s+(?:and|&)\s+\w+\b")
_ARTICLE = re.compile(r"\s(?:the|a|an)\s", re.IGNORECASE)
_PLACE_WORDS = (
    r"remote|hybrid|on-?site|onsite|office|relocation|based|paid|unpaid|"
    r"us|usa|u\.s\.|uk|eu|emea|apac|"
    r"canada|europe|pst|est|cet|utc|gmt|mid to senior level|[A-Z][a-z]+,\s*[A-Z]{2}|"
    # Countries and cities postings name after a title: "Cloud & DevOps Engineer - Italy".
    r"germany|france|italy|spain|portugal|netherlands|belgium|poland|sweden|denmark|norway|"
    r"finland|switzerland|austria|ireland|israel|india|china|japan|korea|taiwan|singapore|"
    r"australia|mexico|brazil|london|berlin|munich|paris|amsterdam|zurich|dublin|tokyo|seoul|"
    r"beijing|shanghai|bangalore|bengaluru|toronto|vancouver|new york|san francisco|seattle|"
    r"boston|austin"
)
# "(US Remote Available)", "- Remote", "(San Diego, CA)", "[Dept: ***Machine Translation***]".
_TITLE_TAILS = (
    re.compile(rf"\s*\((?:[^()]*\b(?:{_PLACE_WORDS})\b[^()]*)\)\s*$", re.IGNORECASE),
    re.compile(rf"\s*[-\u2013\u2014]\s*(?:{_PLACE_WORDS})(?:\s+\w+){{0,2}}\s*$", re.IGNORECASE),
    # "…, Beijing, China", "…, Flexible": a place or a way of working after a comma.
    re.compile(rf"(?:,\s*(?:[A-Z][a-z]+\s*,\s*)?(?:{_PLACE_WORDS}|flexible))+\s*$", re.IGNORECASE),
    # "- Multiple positions", "- 2 openings": how many, not what.
    re.compile(
        r"\s+[-\u2013\u2014]\s+(?:multiple|several|\d+)\s+(?:positions|openings|roles)$",
        re.IGNORECASE,
    ),
    re.compile(r"\s*\[(?:dept|department|team|req)[^\]]*\]\s*$", re.IGNORECASE),
    re.compile(r"\s*\((?:[\w&/ -]+ )?(?:team|group|department|division)\)\s*$", re.IGNORECASE),
    re.compile(r"\s+[-\u2013\u2014]\s+[A-Z]{2,6}(?:,\s*[A-Z]{2,6})*\s*$"),  # "- SIML, ISE"
    # "- Start Mid-January", "- Starting Summer 2026": when, not what.
    re.compile(r"\s+[-\u2013\u2014]\s+start(?:ing|s)?\b[\w ,-]{0,30}$", re.IGNORECASE),
    # How many are hired, and on what terms, in brackets after the title: "(2名)", full-width
    # as Japanese writes it, or "(業務委託1名)", a contract for one.
    re.compile(r"\s*[(\uff08][^()\uff08\uff09]{0,12}\d+\s*(?:名|명|人)[)\uff09]\s*$"),
    re.compile(r"\s+job description$", re.IGNORECASE),  # "NLP & Search Engineer Job Description"
)
# A team or organisation named beside the title: "Machine Learning Engineer, Siri and
# Information Intelligence", "… - Video Engineering", "Proactive Intelligence, Applied …".
# A specialisation stays ("Software Engineer, Machine Learning"): it names no unit.
_UNIT = (
    r"(?:Intelligence|Engineering|Innovation|Team|Group|Labs?|Organi[sz]ation|Division|Operations)"
)
_TEAM_TAIL = re.compile(rf"(?:,|\s+[-\u2013\u2014])\s+(?P<unit>[A-Z][\w&/ ]{{0,60}}\b{_UNIT})\s*$")
# "Director, Software Engineering": the unit is what the title heads, not beside it.
_HEADS_A_UNIT = re.compile(r"^(?:\w+\s+)?(?:director|head|vp|vice president|manager|lead)$", re.I)
_TEAM_HEAD = re.compile(rf"^(?P<unit>[A-Z][\w&/ ]{{0,60}}\b{_UNIT}),\s+(?=[A-Z])")
# "AIML - Machine Learning …"; a Korean team before the title: "서비스개발팀 백엔드개발자";
# a page's word for what follows: "Jobs: Backend Engineer".
_TITLE_HEAD = re.compile(
    r"^(?:[A-Z]{2,6}\s+[-\u2013\u2014]|[\w.]+팀|(?i:jobs?|openings?|positions?|hiring):)\s+"
)
_HEAD_SEPARATORS = (": ", " - ", " \u2013 ", " \u2014 ")
_BRACKET_SPACE = re.compile(r"(?<=\()\s+|\s+(?=\))")
_LABEL_TITLE = re.compile(r"^skill set for\s+(?P<title>[^*].*?)\s*$", re.IGNORECASE)
# Words praising the hire before the title: "a highly motivated, creative, and energetic
# Principal Software Engineer", "an experienced, multi-faceted and self-driven …". Lowercase
# only, so that "Applied Scientist" keeps its first word. A word that both the list and a form
# match ("experienced") is taken once (an atomic group): else a run of them is tried every
# way, in time exponential in its length.
_PRAISE = (
    r"(?>(?:experienced|talented|motivated|passionate|highly|skilled|strong|exceptional|"
    r"enthusiastic|driven|creative|new|first|full-time|great|outstanding|solid|extraordinary|"
    r"excellent|ambitious|dedicated|curious|versatile|seasoned|world-class|brilliant|"
    r"self-motivated|entry[- ]level|"
    r"(?-i:[a-z]+-[a-z]+|[a-z]{3,}(?:ed|ic|ive|ous|ful)))(?![\w-])),?\s+"
    r"(?:(?:and|or)\s+)?"
)
_TITLE = (
    r"(?:[\w/&+.-]+\s+){0,5}?(?:engineers?|scientists?|researchers?|developers?|"
    r"architects?|managers?|leads?|leaders?|directors?|interns?|specialists?|analysts?|"
    r"designers?|consultants?|programmers?|team members?|associates?|(?:bio)?statisticians?)\b"
    r"(?:\s+(?:intern|II|III|IV|I)(?:/(?:II|III|IV))?\b)?"
)
_IN_SENTENCE = re.compile(
    r"\b(?:(?:looking for|seeking|hiring|searching for|recruiting|join (?:us|our team) as|"
    r"you will be)\s+(?:an?\s+|the\s+|our\s+(?:next\s+)?)?|"
    # "As the Principal Data Engineer on …", not "Function as the technical lead".
    r"as\s+(?:an?\s+|the\s+(?-i:(?=[A-Z])))|in the\s+(?=[\w ]+ role\b))"
    rf"(?:{_PRAISE})*(?P<title>{_TITLE})",
    re.IGNORECASE,
)
# "The Principal Fluidics Engineer will be responsible for …": the hire, named as the subject.
_AS_SUBJECT = re.compile(
    rf"^(?:the|our)\s+(?-i:(?=[A-Z]))(?:{_PRAISE})*(?P<title>{_TITLE})\s+will\b", re.IGNORECASE
)
_SENTENCE_TITLE_MAX_WORDS = 7


def clean_title(title: str) -> str:
    """A job title without the place or department a posting added to it."""
    title = title.strip()
    # "Cornell University - Breeding Insight : Lead Software Engineer", "Centers of
    # Excellence - Site Reliability/DevOps Engineer": who hires, then what.
    for separator in _HEAD_SEPARATORS:
        head, found, rest = title.rpartition(separator)
        if found and _TITLE_WORDS.search(rest) and not _TITLE_WORDS.search(head):
            title = rest.strip()
    changed = True
    while changed:
        changed = False
        for tail in _TITLE_TAILS:
            shorter = tail.sub("", title)
            if shorter != title and shorter:
                title, changed = shorter.strip(), True
    for unit in (_TEAM_TAIL, _TEAM_HEAD):
        found = unit.search(title)
        if found and not _TITLE_WORDS.search(found.group("unit")):
            rest = (title[: found.start()] + title[found.end() :]).strip()
            if _TITLE_WORDS.search(rest) and not _HEADS_A_UNIT.search(rest):
                title = rest
    title = _BRACKET_SPACE.sub("", title)  # "( AMS Verification )"
    return _TITLE_HEAD.sub("", title).strip(" -\u2013\u2014,")


# A Japanese company's legal forms, written straight after its name: "Scope株式会社"
# (postings.parsing.facts reads names by them too, with the Korean ones).
JAPANESE_LEGAL_FORMS = ("株式会社", "合同会社", "有限会社")
_BEFORE_LEGAL_FORM = rf"(?={'|'.join(JAPANESE_LEGAL_FORMS)})"


def title_without_company(title: str, company: str) -> str:
    """A title without its employer's name before or after it: "Semtech IC Design Staff
    Engineer", "AI/ML Engineer \u2013 Plivo, Bengaluru", "サーバーエンジニア / Scope株式会社"
    (when Semtech, Plivo or Scope hires)."""
    if not company or company.casefold() not in title.casefold():
        return title
    name = re.escape(company)
    for pattern in (
        rf"^{name}(?:'s)?\s*[-\u2013\u2014:|,]?\s+(?P<title>.+)$",
        rf"^(?P<title>.+?)\s*(?:[-\u2013\u2014:|,@/]|\bat\b)\s*{name}(?:\b|{_BEFORE_LEGAL_FORM})"
        r"[\w .,()-]*$",
    ):
        found = re.match(pattern, title, re.IGNORECASE)
        if found and (_TITLE_WORDS.search(found.group("title")) or CJK.search(title)):
            return found.group("title").strip()
    return title


@dataclass(frozen=True, slots=True)
class RoleLine:
    title: str
    company: str = ""
    location: str = ""


def role_from_first_line(text: str) -> RoleLine | None:
    """The role a skill set belongs to, when its first line is a job title.

    "Principal Formal Verification Engineer" → that title; "Senior Software Engineer · ASML ·
    United States" → title, company and location; "NLP/ML Lead at SciSpace (Formerly
    Typeset)" → title and company; "機械学習エンジニア", "ML 엔지니어" → that title; a
    requirement sentence → None.
    """
    line = text.strip()
    emphasized = _EMPHASIS.match(line)
    if emphasized:
        line = emphasized.group(1).strip()
    line = line.removesuffix(":").rstrip()  # "Associate Data Scientist (Internship):"
    if CJK.search(line):
        return _cjk_title(line)
    if not line or line.endswith((":", ";", ",")) or not (line[0].isupper() or line[0] == "("):
        return None
    if len(line.split()) > _MAX_TITLE_WORDS or _SENTENCE_START.match(line):
        return None
    if _FINITE_VERB.search(line) or _ARTICLE.search(f" {line} ") or _VERB_LIST.match(line):
        return None
    parts = _DOT_PARTS.split(line)
    title = clean_title(parts[0].rstrip(" ."))
    if not _TITLE_WORDS.search(title):
        return None
    if len(parts) >= 2:
        return RoleLine(title, company=parts[1], location=" · ".join(parts[2:]))
    at = _AT_COMPANY.match(title)
    if at:
        return RoleLine(at.group("title"), company=at.group("company").strip())
    return RoleLine(title)


# Job titles in Korean and Japanese end in one of these (with a level or a place after it at
# most): "백엔드 엔지니어", "機械学習エンジニア (正社員)", "リサーチサイエンティスト".
_CJK_TITLE = re.compile(
    r"(?:엔지니어|개발자|연구원|연구자|과학자|사이언티스트|아키텍트|매니저|리드|디자이너|분석가|"
    r"애널리스트|인턴|책임자|팀장|エンジニア|開発者|研究員|研究者|サイエンティスト|アーキテクト|"
    r"マネージャー|マネジャー|リード|デザイナー|アナリスト|インターン|リーダー|責任者|"
    r"プログラマー|スペシャリスト|(?<![A-Za-z])(?:Engineer|Scientist|Developer|Researcher|Manager|"
    r"Lead|Designer|Analyst|Intern))"
    r"\s*(?:[(\uff08\[【][^)\uff09\]】]{0,30}[)\uff09\]】])?"
    r"\s*(?:[/|\uff0f・]\s*[\w\s().\uff08\uff09-]{0,60})?$"
)
# A sentence, not a title: an ending of Korean or Japanese prose, or its punctuation.
_CJK_SENTENCE = re.compile(r"[。、\uff0e]|니다|습니다|です|ます|した|する|있는|하는|분$")
_CJK_TITLE_MAX = 40


def _cjk_title(line: str) -> RoleLine | None:
    if len(line) > _CJK_TITLE_MAX or _CJK_SENTENCE.search(line) or not _CJK_TITLE.search(line):
        return None
    return RoleLine(clean_title(line))


def company_from_label(label: str) -> str | None:
    """``skill set for ***Autodesk AI Lab, Pier.9 at San Francisco***`` → the company's name."""
    match = _LABEL_COMPANY.match(label.strip())
    if not match:
        return None
    name, *at = (part.strip() for part in _AT.split(match.group("name"), maxsplit=1))
    if _TITLE_WORDS.search(name):
        # "***Machine Learning Compiler Research Intern***" is a title, and the company the
        # one it is at, if any: "***Research Engineer at Lightmatter***".
        return at[0] if at else None
    return name


def role_from_label(label: str) -> RoleLine | None:
    """ "skill set for vehicle security architect (middleware)" → that title."""
    match = _LABEL_TITLE.match(label.strip())
    if not match or not _TITLE_WORDS.search(match.group("title")):
        return None
    title = match.group("title")
    return RoleLine(clean_title(title[:1].upper() + title[1:]))


# "…を支えるサーバーエンジニアを募集します", "백엔드 개발자를 채용합니다": the title is the run of
# katakana and kanji (Korean: a word or two) ending in a job noun before "募集" or "채용".
_JOB_NOUN = (
    r"(?:엔지니어|개발자|연구원|과학자|사이언티스트|아키텍트|매니저|디자이너|분석가|"
    r"エンジニア|開発者|研究員|研究者|サイエンティスト|アーキテクト|マネージャー|デザイナー|"
    r"アナリスト|プログラマー|スペシャリスト)"
)
# A Korean title may be two words ("데이터 엔지니어"), but not after a word that describes
# the hire ("고도화할 개발자", "만들어주실 데이터 엔지니어"); "…분들을 찾고 있습니다" and
# "…를 모십니다" recruit as "…を募集します" does, and "…の方を募集" (a person who is one) or
# "…経験者を募集" (one who has been one: "バックエンドエンジニア経験者を募集").
_ATTRIBUTIVE_END = "는할을한될실인된갈줄울"
# A title in quotes is the quoted words: "웹 프론트 개발자"를 모십니다.
_CJK_RECRUITING = re.compile(
    rf"(?:[\"\u201c\u300c\u300e](?P<quoted>[^\"\u201c\u201d\u300c-\u300f]{{1,30}}?{_JOB_NOUN})"
    r"[\"\u201d\u300d\u300f]|"
    rf"(?P<title>[\u30a0-\u30ff\u4e00-\u9fffA-Za-z]*{_JOB_NOUN}|"
    rf"(?:[\uac00-\ud7afA-Za-z]+(?<![{_ATTRIBUTIVE_END}])\s)?[\uac00-\ud7afA-Za-z]*{_JOB_NOUN}))"
    r"(?:\s*분들?|の方|経験者|경력자)?\s*(?:を|를|을|の)?\s*"
    r"(?:募集|모집|채용|찾고 있|찾습니다|모십니다|모시고 있)"
)

_BARE_JOB_NOUN = re.compile(_JOB_NOUN)


def role_in_sentence(text: str) -> RoleLine | None:
    """ "We are looking for a Senior Software Engineer to …" → that title; also a Korean or
    Japanese sentence recruiting one ("サーバーエンジニアを募集します")."""
    plain = text.replace("*", "")  # "**시스템 엔지니어**를 모십니다", "a **Data Engineer**"
    recruiting = _CJK_RECRUITING.search(plain) if CJK.search(plain) else None
    if recruiting:
        title = recruiting.group("quoted") or recruiting.group("title")
        # "…開発できるエンジニアを募集しています": an engineer alone is anyone, as below.
        return None if _BARE_JOB_NOUN.fullmatch(title) else RoleLine(title)
    match = _IN_SENTENCE.search(plain) or _AS_SUBJECT.match(plain)
    if not match:
        return None
    title = match.group("title").strip()
    if len(title.split()) > _SENTENCE_TITLE_MAX_WORDS:
        return None
    head, _, last = title.rpartition(" ")
    if not head and last.islower():
        return None  # "looking for an engineer who …" names no role; "a Biostatistician" does
    if last.endswith("s") and not last.endswith("ss"):  # "deep learning engineers"
        title = f"{head} {last[:-1]}"
    return RoleLine(title)
