"""What a section label means: responsibilities, requirements, preferred, and so on.

Labels are matched by keywords in English, Korean and Japanese. The order of the rules
matters: "NICE-TO-HAVE REQUIREMENTS" is preferred before it is required, and "Interest and
experience gained from this position" is what the job gives, not what it asks for.
"""

from __future__ import annotations

import re
from enum import Enum


class SectionKind(Enum):
    RESPONSIBILITIES = "responsibilities"
    REQUIREMENTS = "requirements"
    PREFERRED = "preferred"
    STACK = "tech stack"
    BENEFITS = "benefits"
    ABOUT = "about the company"
    PROCESS = "hiring process"
    OTHER = "other"

    @property
    def asks_for_skills(self) -> bool:
        """Sections whose lines become skills; the others become the role's description."""
        return self in SKILL_KINDS


SKILL_KINDS = frozenset(
    {
        SectionKind.RESPONSIBILITIES,
        SectionKind.REQUIREMENTS,
        SectionKind.PREFERRED,
        SectionKind.STACK,
    }
)

_YOU_WILL = r"(?:you'?ll|you will)"
_TOOLS = r"(?:technolog(?:y|ies)|tools|tooling|frameworks)"
_TEAM_INTRODUCTION = (
    r"\bteam\b.*(?:소개|紹介|introduction)|about (?:the|our)(?: [\w&-]+){0,3} team\b|"
    r"(?:meet|know) (?:the|our) team|"
    r"팀\s*소개|チーム紹介|팀에\s*대해|チームについて"
)
_RULES: tuple[tuple[SectionKind, str], ...] = (
    # LinkedIn wraps a whole posting in "About the job": it says nothing of the company.
    (SectionKind.OTHER, r"^about (?:the|this) job$"),
    # "About the role" and "This role" give an overview; what the hire does comes under it.
    (SectionKind.OTHER, r"^(?:about )?(?:the|this) (?:role|position)$"),
    # The outline of a posting's terms ("募集要項", in English "Application Requirements") holds
    # every field, not only what is asked.
    (SectionKind.OTHER, r"募集要項|^application (?:requirements|guidelines)$"),
    # "This might not be a good fit if:" warns off; "You are likely a good fit if" asks.
    (SectionKind.OTHER, r"\bnot (?:be )?a (?:good )?fit\b"),
    # The law's part: "Non-Discrimination and Equal Employment Opportunities (U.S.)",
    # "Accommodations", "Compliance" (export control), whatever section they close.
    (
        SectionKind.OTHER,
        r"\bequal (?:employment )?opportunit|\bnon-?discrimination\b|^eeo\b|"
        r"^(?:reasonable )?accommodations?$|^compliance$",
    ),
    # "근무 요건" are the terms of work (hours, place, pay), not what is asked (요건).
    (SectionKind.BENEFITS, r"근무\s*요건"),
    # "What You Bring To The Team" asks; it does not introduce the team.
    (SectionKind.REQUIREMENTS, rf"what (?:{_YOU_WILL} |you )?bring"),
    # LinkedIn's heading of everything asked: not only what is desired. "About you" asks.
    (SectionKind.REQUIREMENTS, r"^desired skills (?:and|&) experience$|^about you\b"),
    # An application's deadline, documents and method: "Application Documents Required".
    (
        SectionKind.PROCESS,
        r"\bapplication (?:deadline|documents?|information|method|process|instructions)\b|"
        r"^(?:applying|apply now|how to apply)$|^(?:click (?:here )?to |please )?\[?apply\b",
    ),
    # "What you'll get to do" is the work, not what the job gives.
    # "In This Role, You'll Get to": a sentence the duties finish ("Get to Know Our Team" not).
    (
        SectionKind.RESPONSIBILITIES,
        r"\bget to do\b|\bget to$|^(?:job|position|role) description$|^求人内容$|"
        # "What you can expect:" over the work; "What you can expect from us" is benefits.
        r"^what (?:you can|to) expect$",
    ),
    # A team's introduction introduces, as a company's does ("About the team", "팀 소개").
    (SectionKind.ABOUT, _TEAM_INTRODUCTION),
    (
        SectionKind.PREFERRED,
        r"prefer|nice[- ]to[- ]have|good[- ]to[- ]have|bonus|desir(?:ed|able)|"
        r"(?:ways to )?stand out(?: from the crowd)?|(?:a|strong|big) plus\b|"
        r"especially interested|plus points|it would be (?:great|nice)|우대|가산점|"
        r"competitive edge|sets? you apart|"
        # Japanese boards' "MUST要件" / "WANT要件": what is asked and what is wished for.
        r"^want(?:\s*(?:要件|スキル|条件))?$|"
        r"면\s*(?:더욱?\s*)?좋(?:습니다|아요|겠|을)|더욱?\s*좋|선호|歓迎|尚可|追加希望|希望スキル|望ましい",
    ),
    (
        SectionKind.BENEFITS,
        rf"\bgained\b|what (?:{_YOU_WILL}|you can) (?:get|gain|learn)|what we offer|we offer\b|"
        r"what (?:you can|to) expect from us|"
        r"学べる|배울 수 있는|"
        r"look forward to|in it for you|\w offers$|\bincentives?\b",
    ),
    (
        SectionKind.REQUIREMENTS,
        r"requirement|required|qualification|must[- ]haves?\b|who you are|what it takes|"
        rf"what (?:{_YOU_WILL} |you )?bring|(?:what|who) we(?:'re| are)? look(?:ing)? for|"
        r"you (?:should )?have\b|\bis looking for$|what you(?:'ve| have) done|\bcandidates who\b|"
        r"\b(?:good|great|perfect|strong) fit if\b|\bfit right in\b|^who should apply\b|"
        r"what we need to see|what you(?:'ll| will)? need|"
        r"\bskill\s?sets?\b|\bskills?\b|your profile|"
        r"자격|필수|요건|필요\s*역량|응시\s*조건|이런\s*분|원하는\s*분|"
        r"(?:찾|찾고 있|원하)(?:습니다|아요|어요|나요)|바랍니다|"
        # "こんな方を求めています" (people like this, we seek), "こんな人と働きたい"
        r"応募資格|必須|必要な?(?:業務)?(?:スキル|経験)|求め(?:る|て|ます)|要件|こんな(?:方|人)|"
        # "Job Related Experience:"; a bare "Experience: 3 years" is a field of the header.
        r"^(?:[\w-]+ ){1,2}experience$",
    ),
    (
        SectionKind.RESPONSIBILITIES,
        # "RESPONSIBLITIES" as typed in a hurry
        rf"responsibi?lit|what {_YOU_WILL} (?:do|be doing|work on)|duties|"
        r"\byour (?:role|job)\b|"
        rf"how {_YOU_WILL} make an impact|impact {_YOU_WILL} (?:have|make)|^your impact$|"
        r"areas? of contribution|역할|직무\s*내용|(?:포지션|직무)\s*소개|"
        r"day[- ]to[- ]day|your mission|\btasks?\b|success looks like|\bobjectives?\b|목표|役割|"
        r"(?:이런|다음과\s*같은|아래와\s*같은)\s*(?:일|업무)|하게\s*될\s*일|담당할?\s*업무|"
        r"주요\s*업무|업무\s*내용|^업무$|하는\s*일|함께\s*할\s*(?:일|업무)|こんなことやります|"
        # 業務委託 is a contract for work, not the work: "Kubernetesエンジニア (業務委託1名)"
        r"業務(?!委託)|仕事(?:内容|概要)|職務内容|ポジション(?:概要|紹介|詳細)|^責任$",
    ),
    (
        SectionKind.STACK,
        r"tech(?:nology)?\s+stack|\bstack\b|develop(?:ing|ment) environment|tools we use|keywords|"
        rf"^{_TOOLS}(?: (?:and|&) {_TOOLS})?(?: (?:we use|used|{_YOU_WILL} use))?$|"
        r"\bwhat we (?:build|work) with\b|\btech(?:nolog(?:y|ies))? we use\b|"
        rf"\btech(?:nolog(?:y|ies))? (?:{_YOU_WILL} |you )?(?:be )?"
        r"(?:work(?:ing)?|us(?:e|ing)) with\b|"
        r"technical environment|기술\s*스택|(?:개발|기술)\s*환경|(?:사용|주요)\s*기술|"
        # "스포카를 이루는 기술" (the technology Spoqa is made of), "使っている技術"
        r"(?:이루는|사용하는|쓰는|쓰고 있는)\s*기술|(?:使って|使用して|利用して)(?:いる)?技術|"
        r"開発環境|技術スタック|使用技術|技術環境|使用言語|ツール$|(?:협업|개발)\s*(?:툴|도구)(?![\uac00-\ud7af])",
    ),
    (
        SectionKind.BENEFITS,
        r"benefit|perks?\b|compensation|salary|holiday|\bleave\b|working style|"
        r"how [\w ]{1,30} will support you|"
        r"work(?:ing)? (?:conditions|hours)|why (?:join|work)|^why us\b|insurance|allowances?\b|"
        r"복리|복지|혜택|근무\s*(?:조건|환경)|급여|연봉|휴가|"
        # "教育制度" (training), "評価制度" (reviews and raises), "各種手当" (allowances)
        r"福利|待遇|給与|休日|休暇|保険|手当|制度$",
    ),
    (
        SectionKind.PROCESS,
        r"(?:hiring|selection) process|how to apply|application process|interview process|"
        r"recruit|합류\s*(?:해요|하기|여정|절차|과정)|応募先|get in touch|^interested\b|"
        r"application link|\blink to apply\b|^please submit\b|連絡|연락(?:처|주)|応募(?!資格)|"
        r"접수|전형|지원\s*방법|채용\s*(?:절차|과정|일정)|모집\s*일정|함께하기 위한|選考|応募方法|"
        r"応募書類|問い?合わ?せ|"
        # What to send and by when: "마감기한", "必要書類", "이력서는 이렇게 작성하시는 걸 추천해요"
        r"마감|締め?切|\bdeadline\b|(?:필요|제출)\s*서류|(?:必要|提出)書類|이력서|履歴書",
    ),
    (
        SectionKind.ABOUT,
        r"^about\b|who we are|^who is\b|^introduction$|our company|our values|\bcompany\b|"
        r"\bculture\b|문화|カルチャー|how we work|일하(?:나요|고 있)|^(?:examples of )?what we do$|"
        r"our purpose|"
        r"소개|(?<!주식)회사|(?<!株式)会社|紹介|企業|事業内容|募集背景|"
        r"^why (?!join|work)[\w&.-]+\??$|"  # "Why AHEAD", "Why Pelotech?"
        # "마키나락스는..", "백패커(아이디어스, 텀블벅)는?", "アカリについて"
        r"(?<=[\uac00-\ud7af)])(?:은|는)\s*[.…?\uff1f]*$|について$",
    ),
)
_COMPILED = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _RULES)
_TEAM_RE = re.compile(_TEAM_INTRODUCTION, re.IGNORECASE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
_COLON = re.compile(r"[:\uff1a]")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")
_GLOSS = re.compile(r"[(\uff08][^()\uff08\uff09]*[)\uff09]")
# The letters a keyword's word runs on in: "Roles" for "role", "Responsibilities" for
# "responsibilit", and a Korean word with the particle after it, "이런 분과" for "이런 분".
_WORD_END = re.compile(r"[A-Za-z]*$")
_WORD_START = re.compile(r"[A-Za-z\uac00-\ud7af]*")
_SENTENCE_END = re.compile(r"(?<=\w[.!?])\s+(?=[A-Z])")

# A line standing alone (``Requirements:`` or ``What you'll do``) is a label only when it is
# short and mostly the keyword; "Teamwork and communication skills" is a requirement.
STANDALONE_MAX_WORDS = 7
STANDALONE_MAX_OTHER_WORDS = 2
# A line ending in a colon announces what follows, in a sentence if it likes: "A strong plus
# would be to have experience with:".
INTRODUCING_MAX_WORDS = 12


# A heading's number says where it stands, not what it holds: "2. ポジション概要", "III. About".
_ENUMERATOR = re.compile(r"^(?:(?:\d{1,2}|[IVX]{1,4})[.)\uff0e]|[\u2460-\u2473])\s*")


def _normalise(label: str) -> str:
    text = label.translate(_APOSTROPHES).strip(" \t:\uff1a*#")
    return " ".join(_ENUMERATOR.sub("", text).split())


def _named_kind(text: str) -> SectionKind | None:
    """The kind of the first rule a normalised label matches, or None."""
    for kind, pattern in _COMPILED:
        if pattern.search(text):
            return kind
    return None


def says_other(label: str) -> bool:
    """Whether a label says it holds nothing of the posting's kinds ("About the job",
    "Equal Opportunity Employer"), as against naming none."""
    return _named_kind(_normalise(label)) is SectionKind.OTHER


def classify(label: str) -> SectionKind:
    """The kind of section a heading, bold line or bracketed line opens."""
    text = _normalise(label)
    kind = _named_kind(text)
    if kind is not None:
        return kind
    if label.rstrip(" *").endswith((":", "\uff1a")):  # "## In this role, you will:"
        return _introduced_by_its_opening(text) or SectionKind.OTHER
    return SectionKind.OTHER


# "【具体的には】" (specifically), "Details": a label going on with the section it stands in.
_GOES_ON = re.compile(r"^(?:具体的には.{0,20}|詳細|詳しくは|specifically|in detail|details)$", re.I)


def goes_on(label: str) -> bool:
    """Whether a label only goes into detail on the section above it."""
    return _GOES_ON.match(_normalise(label)) is not None


def introduces_a_team(label: str) -> bool:
    """Whether a label opens a team's introduction ("About the team", "[… Team 소개]")."""
    return _TEAM_RE.search(_normalise(label)) is not None


def standalone_label(text: str) -> SectionKind | None:
    """The kind of a plain line that is only a label (``Responsibilities:``), or None."""
    head, *value = _COLON.split(text, maxsplit=1)
    if value and value[0].strip():
        return None  # "Skills: Python, SQL" states something; it opens nothing
    introduces = bool(value)  # it ends in a colon
    text = _normalise(head)
    words = len(_WORD.findall(text))
    limit = INTRODUCING_MAX_WORDS if introduces else STANDALONE_MAX_WORDS
    if introduces and words > limit and text and text[-1] not in ".!?。":
        return _introduced_by_its_opening(text)
    if not text or text[-1] in ".!。" or words > limit:
        return None
    matched = _keyword_and_other_words(text)
    if matched:
        kind, other_words = matched
        if other_words <= STANDALONE_MAX_OTHER_WORDS:
            return kind
        # A sentence introducing a list: only what it asks for, not a word in passing
        # ("experience supporting company infrastructure:" is not about the company).
        return kind if introduces and kind.asks_for_skills else None
    # "In this role, you will:", "To accomplish the mission above, you should:"
    return _introduced_by_its_opening(text) if introduces else None


def bare_label(text: str) -> SectionKind | None:
    """The kind of a line that is a label's keyword and nothing more ("must have",
    "Required:"), or None; "Communication skills" says which skill."""
    matched = _keyword_and_other_words(_normalise(text))
    return matched[0] if matched and matched[1] == 0 else None


def _keyword_and_other_words(text: str) -> tuple[SectionKind, int] | None:
    """The kind of the first rule a label matches, and how many words it has besides the
    keyword's, or None."""
    for kind, pattern in _COMPILED:
        match = pattern.search(text)
        if match:
            # A gloss says no more of a label ("백패커(아이디어스, 텀블벅)는?"), unless the
            # keyword is in it: "RDBMS background (PostgreSQL is preferable);" asks.
            bare = _GLOSS.sub("", text)
            keyword = pattern.search(bare)
            if keyword is None:
                bare, keyword = text, match
            # The keyword's whole word goes: "Roles and Responsibilities" leaves two words.
            start, end = keyword.span()
            start -= len(_WORD_END.search(bare, 0, start).group())
            end += len(_WORD_START.match(bare, end).group())
            return kind, len(_WORD.findall(bare[:start] + " " + bare[end:]))
    return None


# Pages copied as plain text lose their heading marks but keep the headings' capitals: a
# paragraph of one short line in Title Case ("Experience In At Least One Of The Below",
# "USA Employment Benefits Include") heads what follows, whatever its words.
_CAPITALISED = re.compile(r"^(?:[A-Z0-9]|[a-z]+[A-Z])")  # "Python", "iOS"
_SMALL_WORDS = re.compile(r"a|an|and|as|at|by|for|from|in|into|of|on|or|the|to|with")
TITLE_CASE_MIN_WORDS = 2
TITLE_CASE_MAX_WORDS = 8
# A heading may ask ("Why Pelotech?", "Who Should Apply?"); it does not state or exclaim.
_NOT_IN_A_HEADING = re.compile(r"[^\x00-\u024f\u2010-\u2015\u2019]|[,;()\[\]]|:.|[.!]$")


def title_case_label(text: str, *, strict: bool = False) -> bool:
    """Whether a line standing alone reads as a heading by its capitals; ``strict``: every
    word capitalised, small words too ("What We Look For")."""
    text = _normalise(text)
    words = text.split()
    if not TITLE_CASE_MIN_WORDS <= len(words) <= TITLE_CASE_MAX_WORDS:
        return False
    if _NOT_IN_A_HEADING.search(text):
        return False
    named = [w for w in words if _WORD.search(w)]
    return len(named) >= TITLE_CASE_MIN_WORDS and _capitalised(named, strict=strict)


def capitalised(text: str) -> bool:
    """Whether every word of a line in Latin letters is capitalised, small words aside, as a
    heading's are ("Roles and Responsibilities", not "Linux skills"); a line in Korean or
    Japanese has no capitals to say it."""
    return _capitalised(re.findall(r"[A-Za-z][\w'-]*", _normalise(text)), strict=False)


def _capitalised(words: list[str], *, strict: bool) -> bool:
    return all(_CAPITALISED.match(w) or (not strict and _SMALL_WORDS.fullmatch(w)) for w in words)


# Japanese pages lay a posting out as a table, and copied it keeps each row on one line:
# the label, a space or tab, then its text ("業務内容    技術者として…", "休日 / 休暇 完全週休
# 2 日制"). Japanese runs its words together, so a short label set off by a space is one;
# Korean spaces its words, and is not read this way.
_JAPANESE_WORD = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{2,8}"
_TABLE_ROW = re.compile(
    rf"^(?P<label>{_JAPANESE_WORD}(?:\s*[/\uff0f・]\s*{_JAPANESE_WORD})?)[ \t\u3000]+"
    r"(?P<value>\S.*)$"
)


def table_row(text: str) -> tuple[SectionKind, str, str] | None:
    """``(kind, label, text)`` of a Japanese table row whose label opens a section, or None."""
    match = _TABLE_ROW.match(text)
    if match is None:
        return None
    kind = classify(match.group("label"))
    if kind is SectionKind.OTHER:
        return None
    return kind, match.group("label"), match.group("value")


# A job board that scraped a page may glue a heading to its paragraph: "About usWe are
# searching for …", "This roleWe're searching for …". The heading ends where a small letter
# runs into a capital opening a sentence, early in the line; "StackPath is" and "You have
# used GraphQL" are names.
_GLUE = re.compile(
    r"(?<=[a-z])(?=(?:We|Our|You|Your|The|This|These|As|In|At|If|It|Are|Do|Join|Here|What)"
    r"(?:['\u2019][a-z]+)?\s)"
)
GLUED_LABEL_REACH = 40  # characters


def glued_label(text: str) -> tuple[SectionKind, str, str] | None:
    """``(kind, label, text)`` of a line that opens with a label glued to its text, or None."""
    for glue in _GLUE.finditer(text, 0, GLUED_LABEL_REACH):
        label, rest = text[: glue.start()], text[glue.start() :]
        kind = standalone_label(label)
        if kind is not None:
            return kind, label, rest
    return None


# A long sentence introducing a list says by its opening what the list is: "You will work
# closely with the team on the computer vision … modules including:" lists duties.
_OPENINGS = (
    (
        SectionKind.PREFERRED,
        re.compile(r"^(?:ideally,? you|it would be (?:great|nice)|bonus points)", re.I),
    ),
    (
        SectionKind.REQUIREMENTS,
        re.compile(
            rf"^(?:{_YOU_WILL} (?:need|have|bring)|you (?:should |must )?(?:have|bring)\b|"
            r"we(?:'re| are) (?:looking|searching) for (?:someone|a person|candidates|people)\b|"
            # "You might thrive in this role if you:"
            rf"you (?:might|would|will|may|'ll) thrive\b)|"
            r"(?:^|,\s*)you (?:should|must)$",  # "To accomplish the mission above, you should:"
            re.I,
        ),
    ),
    (
        SectionKind.RESPONSIBILITIES,
        re.compile(
            rf"^(?:in this (?:role|position),? |as (?:an?|the) [\w ]{{2,60}}?, )?{_YOU_WILL}\b|"
            r"^(?:in this (?:role|position),? )?your (?:work|responsibilities|day|job)\b",
            re.I,
        ),
    ),
)


def _introduced_by_its_opening(text: str) -> SectionKind | None:
    """The kind a sentence's opening says; for a paragraph, its last sentence's opening ("The
    NeuroMl team is looking for … In this position, your job will be to:")."""
    last = _SENTENCE_END.split(text)[-1]
    for kind, opening in _OPENINGS:
        if opening.search(text) or opening.search(last):
            return kind
    return None


# A sentence over a list saying the list is what the team works with: "MyMusicTaste는 AWS
# infra 기반에 다음 기술들을 사용하고있습니다.", "We use the following technologies".
_ANNOUNCES_STACK = re.compile(
    r"(?:다음|아래)(?:의|과 같은)?\s*(?:기술|스택|도구|툴)|(?:以下|次)の(?:技術|ツール)|"
    r"\b(?:the following|these) (?:technologies|tools)\b|\b(?:technologies|tools) we use\b|"
    r"\bwe use the following\b",
    re.IGNORECASE,
)


# A Korean or Japanese sentence over a list saying that it follows ("저희가 원하는 분의 구체적인
# 모습은 이렇습니다.", "…は以下の通りです。") introduces the list as a colon would.
_AS_FOLLOWS = re.compile(
    r"(?:(?:다음|아래)[과와]\s*같습니다|이렇습니다|(?:以下|次)の(?:通り|とおり)です)[.\u3002]?$"
)
_LAST_SENTENCE = re.compile(r"(?<=[.!?\u3002])\s*")


def introduced_as_follows(text: str) -> SectionKind | None:
    """The kind of list a sentence saying the list follows names in its words, or None."""
    if not _AS_FOLLOWS.search(text):
        return None
    last = [s for s in _LAST_SENTENCE.split(text.strip()) if s][-1]
    if len(_WORD.findall(last)) > INTRODUCING_MAX_WORDS:
        return None
    matched = _keyword_and_other_words(_normalise(last))
    return matched[0] if matched else None


def announces_stack(text: str) -> bool:
    """Whether a sentence over a list says the list is the stack the team uses."""
    return _ANNOUNCES_STACK.search(text) is not None


# A list a page flattened onto its label's line: "주요업무• ETL 작업 개발 및 운영• 데이터
# 파이프라인 운영", "혜택 및 복지[Health]• 야근 시 저녁 식대 지원• …".
_INLINE_BULLET = "\u2022"
INLINE_LABEL_MAX_CHARS = 30


def inline_list(text: str) -> tuple[SectionKind, str, list[str]] | None:
    """``(kind, label, items)`` of a label with its list run on after it, or None."""
    label, bullet, rest = text.partition(_INLINE_BULLET)
    label = label.strip()
    if not bullet or not label or len(label) > INLINE_LABEL_MAX_CHARS:
        return None
    kind = classify(label)
    if kind is SectionKind.OTHER:
        return None
    items = [item.strip() for item in rest.split(_INLINE_BULLET)]
    return kind, label, [item for item in items if item]


FORM_FIELD_MAX_WORDS = 6
# Fields of a posting's header that state no fact the reader keeps: when and under what
# number it was posted, its hours and terms ("remote type", "time type" on Workday pages).
_FIELD_NAME = re.compile(
    r"(?:date )?posted(?: on| date)?|date ?posted|(?:job )?(?:requisition|req)(?: id| number)?|"
    r"job (?:id|number|code)|(?:remote|time|work) type|(?:work(?:ing)? |office )?hours|"
    r"(?:work(?:ing)? )?schedule|start date|probation(?:ary)?(?: period)?|department|"
    r"(?:所定)?(?:勤務|就業)時間|試用期間|근무\s*(?:시간|형태|요일)|수습\s*기간|채용\s*구분",
    re.IGNORECASE,
)


def field_name(label: str) -> bool:
    """Whether a label names a field of the header that is no fact: "posted on", "勤務時間"."""
    return _FIELD_NAME.fullmatch(_normalise(label)) is not None


def header_field(label: str, *, form: bool = False) -> bool:
    """Whether the label of a "label: value" line names a field of the posting's header
    ("Reports to", "Job Type", "Location"): a few words of no section's kind; "Required
    Skills:\tWhat You Have:" opens a section instead. A ``form`` (a tab after the colon)
    labels its fields at more length: "Number of Job Openings:\t1"."""
    words = len(_WORD.findall(_normalise(label)))
    limit = FORM_FIELD_MAX_WORDS if form else STANDALONE_MAX_OTHER_WORDS + 1
    return 0 < words <= limit and classify(label) is SectionKind.OTHER


def stated_section(text: str) -> tuple[SectionKind, str, str] | None:
    """``(kind, label, value)`` of a line that opens a section with its first line after its
    label ("Keywords: C++ / GPU / CUDA", "Job Responsibilities:\tWhat You'll Do:",
    "Preferred: Go"), or None for a label of no kind ("Experience: 3 years")."""
    head, *value = _COLON.split(text, maxsplit=1)
    if not value or not value[0].strip():
        return None
    if len(_WORD.findall(head)) > STANDALONE_MAX_OTHER_WORDS + 1:
        # A longer label only when its keyword is most of it: "Some tech you will be working
        # with: AWS (ECS, EKS), …", not "Experience in the following: …".
        kind = standalone_label(head)
    else:
        kind = classify(head)
    if kind is None or kind is SectionKind.OTHER:
        return None
    return kind, head.strip(" *"), value[0].strip()
