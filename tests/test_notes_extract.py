"""Aliases from headings, job titles and companies: the pure helpers behind the planner."""

import hashlib

import pytest

from taxonomy.notes.companies import company_items
from taxonomy.notes.headings import aliases_from_heading, leading_acronym
from taxonomy.notes.parser import split_lines
from taxonomy.notes.plan import fingerprint
from taxonomy.notes.roles import (
    company_from_label,
    role_from_first_line,
    role_from_label,
    role_in_sentence,
    title_without_company,
)


@pytest.mark.parametrize(
    ("heading", "aliases"),
    [
        ("System-Technology Co-Optimization, STCO", ["STCO"]),
        ("MLOps, or ML Ops", ["ML Ops"]),
        ("MLOps, or ML Ops, ModelOps, & AIOps", ["ML Ops"]),
        (
            "Static Timing Analysis (STA), and Statistical Static Timing Analysis (SSTA)",
            ["STA", "SSTA"],
        ),
        ("EDA, Electronic Design Automation", ["Electronic Design Automation"]),
        ("Applied Machine Learning, Applied ML", ["Applied ML"]),
        ("Numerical EDA, other than circuit simulation", []),
        ("EDA, AI, (Applied) Machine Learning, MLOps, Data Science", []),
    ],
)
def test_aliases_from_heading(heading, aliases):
    assert aliases_from_heading(heading) == aliases


@pytest.mark.parametrize(
    ("heading", "acronym"),
    [
        ("EDA, Electronic Design Automation", "EDA"),
        ("EDA, AI, (Applied) Machine Learning, MLOps, Data Science", None),
        ("System-Technology Co-Optimization, STCO", None),
        ("EDA Research", None),
    ],
)
def test_the_acronym_a_heading_leads_with_when_the_next_part_spells_it_out(heading, acronym):
    assert leading_acronym(heading) == acronym


@pytest.mark.parametrize(
    ("line", "title", "company", "location"),
    [
        (
            "Principal Formal Verification Engineer",
            "Principal Formal Verification Engineer",
            "",
            "",
        ),
        ("Data Scientist, Generative AI", "Data Scientist, Generative AI", "", ""),
        ("MLOps Engineer - Deep Learning & HPC", "MLOps Engineer - Deep Learning & HPC", "", ""),
        (
            "Senior Software Engineer · ASML · United States",
            "Senior Software Engineer",
            "ASML",
            "United States",
        ),
        ("NLP/ML Lead at SciSpace (Formerly Typeset)", "NLP/ML Lead", "SciSpace", ""),
        (
            "Staff LiDAR Signal Processing Software Engineer at AEye, Inc",
            "Staff LiDAR Signal Processing Software Engineer",
            "AEye, Inc",
            "",
        ),
        ("機械学習エンジニア", "機械学習エンジニア", "", ""),
        ("ML Software Engineering Lead", "ML Software Engineering Lead", "", ""),
        (
            "머신러닝 엔지니어 / Machine Learning Engineer",
            "머신러닝 엔지니어 / Machine Learning Engineer",
            "",
            "",
        ),
        ("サーバーエンジニア", "サーバーエンジニア", "", ""),
        ("Biostatistician II", "Biostatistician II", "", ""),
    ],
)
def test_job_titles_are_recognised(line, title, company, location):
    role = role_from_first_line(line)
    assert (role.title, role.company, role.location) == (title, company, location)


@pytest.mark.parametrize(
    "line",
    [
        "Experience with designing large-scale distributed systems",
        "develop distributed training infrastructure",
        "Salesforce Research and Einstein.AI are looking for deep learning engineers",
        "Proficient in SQL/Hive",
        "Architect, design and implement new features in RISC-V CPU core generators",
        "Function as the technical lead on mission critical embedded systems",
        "엔지니어링 팀을 리드해본 경험이 있으신 분",
        "MLOps 엔지니어를 찾습니다",
        "機械学習エンジニアとして開発する",
        "추천 시스템 개발",
    ],
)
def test_requirement_lines_are_not_job_titles(line):
    assert role_from_first_line(line) is None


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Associate Data Scientist (Internship):", "Associate Data Scientist (Internship)"),
        ("Senior Data Scientist (Remote)", "Senior Data Scientist"),
        ("Research Scientist (US Remote Available)", "Research Scientist"),
        (
            "Software Developer- Circuit Simulation- Remote",
            "Software Developer- Circuit Simulation",
        ),
        ("IC Cell Layout Designer (San Diego, CA)", "IC Cell Layout Designer"),
        ("Machine Learning Engineer - SIML, ISE", "Machine Learning Engineer"),
        (  # conveythis-software-engineering-intern.txt
            "Software Engineering Intern (Paid, In-Office) - NYC - Start Mid-January",
            "Software Engineering Intern",
        ),
        ("Data Science Intern (2026 Start)", "Data Science Intern (2026 Start)"),
        # notes.md:5827, compiler-design-n-prog-analy.md:206, web-dev.md:566,
        # vlsi-design-digital-n-mixed-signal.md:1316: a place, a way of working, how many.
        ("Machine Learning Engineer, Beijing, China", "Machine Learning Engineer"),
        (
            "Tools & Compilers Research and Development Internship, Flexible",
            "Tools & Compilers Research and Development Internship",
        ),
        ("Senior Software Engineer - US REMOTE OK", "Senior Software Engineer"),
        (
            "Sr. Staff SoC Front End Engineer (San Diego, CA) - Multiple positions",
            "Sr. Staff SoC Front End Engineer",
        ),
        ("Software Engineer, Machine Learning", "Software Engineer, Machine Learning"),
        # devops-devsecops-itops.md: a country after a dash, a city in brackets.
        ("Cloud & DevOps Engineer \u2013 Italy", "Cloud & DevOps Engineer"),
        ("Senior Verification Engineer (Boston)", "Senior Verification Engineer"),
        ("Japanese NLP Engineer", "Japanese NLP Engineer"),
        # whetstone-research-backend-engineer.html
        ("Jobs: Backend Engineer", "Backend Engineer"),
        # cornell-breeding-insight-lead-software-engineer.md: who hires, then the title.
        (
            "Cornell University - Breeding Insight : Lead Software Engineer",
            "Lead Software Engineer",
        ),
        ("Data Engineer: Platform", "Data Engineer: Platform"),
        # Postings of stop 33's batch: a head count, a document's name, a Korean team.
        ("インフラエンジニア\uff082名\uff09", "インフラエンジニア"),
        ("Kubernetesエンジニア\uff08業務委託1名\uff09", "Kubernetesエンジニア"),
        ("NLP & Search Engineer Job Description", "NLP & Search Engineer"),
        ("서비스개발팀 백엔드개발자", "백엔드개발자"),
        ("AIML - Machine Learning Engineer, Visual Intelligence", "Machine Learning Engineer"),
        (
            "AIML - Machine Learning Engineer, Siri and Information Intelligence",
            "Machine Learning Engineer",
        ),
        (
            "Machine Learning Engineer, ML Developer Tools - Video Engineering",
            "Machine Learning Engineer, ML Developer Tools",
        ),
        (
            "Proactive Intelligence, Applied Research Scientist — Generative AI",
            "Applied Research Scientist — Generative AI",
        ),
        ("Software Engineer, Machine Learning", "Software Engineer, Machine Learning"),
        ("Director, Software Engineering", "Director, Software Engineering"),
        ("Research Scientist [Dept: ***Machine Translation***]", "Research Scientist"),
        # tts-site-reliability-devops-engineer.html: a unit, a dash, then the title.
        (
            "Centers of Excellence - Site Reliability/DevOps Engineer",
            "Site Reliability/DevOps Engineer",
        ),
        ("Software Engineer - Machine Learning", "Software Engineer - Machine Learning"),
        ("Software Engineer, Backend (Audio Team)", "Software Engineer, Backend"),
        (
            "Sr. Principal Design Engineer ( AMS Verification )",
            "Sr. Principal Design Engineer (AMS Verification)",
        ),
    ],
)
def test_titles_lose_the_place_department_and_team_a_posting_adds(line, title):
    assert role_from_first_line(line).title == title


@pytest.mark.parametrize(
    ("title", "company", "without"),
    [
        # semtech-ic-design-staff-engineer.md and plivo-ai-ml-engineer-intern.txt
        ("Semtech IC Design Staff Engineer", "Semtech", "IC Design Staff Engineer"),
        ("AI/ML Engineer \u2013 Plivo, Bengaluru", "Plivo", "AI/ML Engineer"),
        ("Data Engineer at Acme (Remote)", "Acme", "Data Engineer"),
        # scope-server-engineer-design-construction.php's heading
        ("サーバーエンジニア / Scope株式会社", "Scope", "サーバーエンジニア"),
        # A title that is only the company's name and a word keeps it.
        ("Apple Intelligence", "Apple", "Apple Intelligence"),
        ("Scale Engineer", "", "Scale Engineer"),
    ],
)
def test_a_title_loses_its_employers_name(title, company, without):
    assert title_without_company(title, company) == without


def test_a_title_in_the_label_or_in_a_sentence_is_found():
    label = "skill set for vehicle security architect (middleware)"
    assert role_from_label(label).title == "Vehicle security architect (middleware)"
    assert role_from_label("skill set") is None
    sentence = "We are looking for a Senior Software Engineer to join our platform team."
    assert role_in_sentence(sentence).title == "Senior Software Engineer"
    assert role_in_sentence("Salesforce Research is looking for deep learning engineers").title == (
        "deep learning engineer"
    )
    assert role_in_sentence("Experience with Python and SQL") is None
    recruiting = "WEBバックグラウンドを支えるサーバーエンジニアを募集します"
    assert role_in_sentence(recruiting).title == "サーバーエンジニア"
    assert role_in_sentence("저희와 함께할 백엔드 개발자를 채용합니다").title == "백엔드 개발자"
    assert role_in_sentence("데이터 분석 경험이 있으신 분") is None
    # Real lines of saved postings (rainist-frontend-engineer.md, lezhin-system-engineer.md,
    # supple-web-developer.md): "찾고 있습니다" and "모십니다" recruit too, and a word
    # describing the hire is not part of the title.
    looking = "저희 레이니스트와 함께 성장하실 프런트엔드 엔지니어 분들을 찾고 있습니다."
    assert role_in_sentence(looking).title == "프런트엔드 엔지니어"
    inviting = "시스템 운영 자동화를 담당해주실 **시스템 엔지니어**를 모십니다."
    assert role_in_sentence(inviting).title == "시스템 엔지니어"
    assert role_in_sentence("웹 기술을 이용하여 위 서비스를 고도화할 개발자를 모십니다.") is None


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        (
            "We are looking for a highly motivated, creative, and energetic Principal Software "
            "Engineer to work on a new award-winning product",
            "Principal Software Engineer",
        ),
        (
            "The Center for Policing Equity (CPE) is seeking a highly-skilled Research Associate "
            "with a passion for social justice",
            "Research Associate",
        ),
        (
            "The Patrick J McGovern Foundation (PJMF) is seeking an experienced, multi-faceted "
            "and self-driven Software Development Engineer (SDE).",
            "Software Development Engineer",
        ),
        (
            "As the Principal Data Engineer on the Platform team at Zignal Labs, you will get to "
            "use your Scala and Java experience",
            "Principal Data Engineer",
        ),
        ("In the Data Software Engineer role, you will ship products", "Data Software Engineer"),
        (
            "You will be a senior software engineer responsible for architecting scalable systems",
            "senior software engineer",
        ),
        ("SCHARP is seeking a Biostatistician II/III to support", "Biostatistician II/III"),
        # "entry level" says how senior, as praise says how good: neither is the title.
        ("We are looking for an entry level Research Engineer to join", "Research Engineer"),
        ("We are looking for an Applied Scientist to join", "Applied Scientist"),
        # comp-x-sw-dev.md: the hire as the subject of what it will do
        (
            "The Principal Fluidics Engineer will be responsible for driving the fluidic "
            "architecture including pumps, valves, manifolds",
            "Principal Fluidics Engineer",
        ),
    ],
)
def test_a_title_is_found_among_the_words_praising_the_hire(sentence, title):
    assert role_in_sentence(sentence).title == title


@pytest.mark.parametrize(
    "line",
    [
        "Function as the technical lead on mission critical embedded systems",
        "As a result, we",
        "The team will work with engineers and scientists across the company",
    ],
)
def test_a_duty_naming_a_lead_is_not_a_title(line):
    assert role_in_sentence(line) is None


def test_a_bare_job_word_in_a_sentence_names_no_role():
    # Batch 4 of the evaluation set: "an engineer" is anyone; "a Biostatistician" is a role.
    assert role_in_sentence("We are looking for an engineer who loves distributed systems") is None
    assert role_in_sentence("We are seeking a Biostatistician to join SCHARP").title == (
        "Biostatistician"
    )
    # emin-ml-engineer.rst: "エンジニア" alone is anyone too.
    assert role_in_sentence("機械学習サービスを開発できるエンジニアを募集しています。") is None


def test_a_japanese_sentence_recruiting_a_person_of_a_title_names_it():
    # minma-python-engineer.rst: "の方" (a person who is one) between title and particle.
    line = "現在、一緒に開発していただけるPythonエンジニアの方を募集しています。"
    assert role_in_sentence(line).title == "Pythonエンジニア"
    assert role_in_sentence("エンジニアの方を募集しています。") is None


def test_a_korean_or_japanese_sentence_recruiting_one_who_was_or_a_quoted_title_names_it():
    # lis-backend-engineer.asp: "経験者" (one who has been one).
    assert (
        role_in_sentence("バックエンドエンジニア経験者を募集。").title == "バックエンドエンジニア"
    )
    # bluebeaker-web-frontend-developer.js: the quoted words, all three.
    line = (
        "✓ 블루비커와 함께 한국을 넘어 글로벌 무대에서도 메디컬 커뮤니케이션을 혁신 할 "
        '"웹 프론트 개발자"를 모십니다!'
    )
    assert role_in_sentence(line).title == "웹 프론트 개발자"
    assert role_in_sentence('"좋은 사람"을 모십니다') is None  # no job in the quotes


def test_a_label_can_name_the_company():
    label = "skill set for ***Autodesk AI Lab, Pier.9 at San Francisco***"
    assert company_from_label(label) == "Autodesk AI Lab, Pier.9"
    assert company_from_label("skill set for machine learning architect") is None


def test_a_starred_label_holding_a_job_title_names_only_the_company_it_is_at():
    # compiler-design-n-prog-analy.md:806 and other-sw-dev-roles.md:11.
    assert (
        company_from_label("skill set for ***Machine Learning Compiler Research Intern***") is None
    )
    assert (
        company_from_label("skill set for ***ninja-class ML/SW/HW performance engineer***") is None
    )
    assert (
        company_from_label("skill set for ***Research Engineer at Lightmatter***") == "Lightmatter"
    )


def test_company_lists_yield_companies_but_not_placeholders_or_list_links():
    lines = split_lines(
        "List of semiconductor companies:\n"
        "+ [Lattice Semiconductor](https://www.latticesemi.com/)\n"
        "+ FPGA companies\n"
        "\t- [QuickLogic Corporation](https://www.quicklogic.com/)\n"
        "\t- [NAME](URL)\n"
        "+ [From Wikipedia, list of IDMs](https://en.wikipedia.org/wiki/IDM)\n"
        "Unrelated paragraph:\n"
        "+ Axiomise: https://www.axiomise.com/careers/\n"
    )
    items = company_items(lines, area_lists_companies=False)
    assert [(i.name, i.line.number) for i in items] == [
        ("Lattice Semiconductor", 2),
        ("QuickLogic Corporation", 4),
    ]


def test_fingerprints_never_change_their_text():
    # Every imported row stores one; a new spelling would make every row look edited.
    assert (
        fingerprint("Knowledge of C/C++", False, False, ("c", "cpp"))
        == hashlib.sha1(b'["Knowledge of C/C++",false,false,["c","cpp"]]').hexdigest()
    )
    assert fingerprint("한국어") == hashlib.sha1('["한국어"]'.encode()).hexdigest()


def test_a_title_on_a_short_line_under_the_jobs_description_is_the_sets_role():
    from taxonomy.matching import TechnologyMatcher
    from taxonomy.notes.parser import parse_notes
    from taxonomy.notes.plan import NotesPlanner

    # Real lines of the seed notes (notes.md, an EDA company's ML roles).
    notes = (
        "# Field\n"
        "+ skill set:\n\t- ***Machine learning engineer role with an EDA company to build "
        "machine learning frameworks, and machine learning infrastructure (in the context of "
        "MLOps)***\n\t- Technical Lead (ML)\n\t- Sri Lanka\n"
        # A duty that names engineers is no title.
        "+ skill set:\n\t- Our automation platform runs every lab in the building.\n"
        "\t- Mentor other automation engineers\n"
    )
    planner = NotesPlanner(parse_notes(notes), TechnologyMatcher([]))
    planner.named_companies()
    plan = planner.plan([])
    titles = {role.key: role.title for role in plan.roles}
    assert [titles.get(s.role_key) for s in plan.skill_sets] == ["Technical Lead (ML)", None]
