import pytest

from taxonomy.employers import mail_employer, stated_employer, topic_employer, website_label


def _planner(notes: str, terms=()):
    """A notes planner over the text ``notes``, its matcher knowing ``terms`` only."""
    from taxonomy.matching import TechnologyMatcher
    from taxonomy.notes.parser import parse_notes
    from taxonomy.notes.plan import NotesPlanner

    return NotesPlanner(parse_notes(notes), TechnologyMatcher(list(terms)))


@pytest.mark.parametrize(
    ("lines", "employer"),
    [
        (["Two Sigma is a financial sciences company, relentless in our pursuit"], "Two Sigma"),
        (["Apple is looking for a Machine Learning Engineer"], "Apple"),
        (["Scale AI is the leading provider of training data for AI"], "Scale AI"),
        (
            ["At Toyota Research Institute (TRI), we're working to build"],
            "Toyota Research Institute",
        ),
        (["Join Groq and help build the fastest inference"], "Groq"),
        # notes.md: a company's research lab hires for the company.
        (
            [
                "Salesforce Research (previously MetaMind) is looking for outstanding research "
                "interns."
            ],
            "Salesforce",
        ),
        (["About Tenstorrent"], "Tenstorrent"),
        (["Apply at https://careers.sifive.com/jobs/123"], "Sifive"),
        (["Support Ginkgo's Biosecurity Teams", "Shape Ginkgo's direction"], "Ginkgo"),
        (
            [
                "xAI\u2019s mission is to create AI systems that can accurately understand the "
                "universe and aid humanity in its pursuit of knowledge."
            ],
            "xAI",
        ),
        # Real lines of the corpus.
        (
            [
                'The Internet Archive is a non-profit with a huge mission: "Universal Access to '
                'All Knowledge".'
            ],
            "Internet Archive",
        ),
        (
            [
                "The Center for Policing Equity (CPE) is seeking a highly-skilled Research "
                "Associate with a passion for social justice to join our Science Program."
            ],
            "Center for Policing Equity",
        ),
        (
            [
                "We're Progress and we offer the best platform for building and deploying "
                "tomorrow's applications quickly and easily."
            ],
            "Progress",
        ),
        (
            [
                "In partnership with the Artificial Intelligence and Machine Learning (AI/ML) "
                "team at Nike (including teammates in Portland, Boston, China, and Poland)"
            ],
            "Nike",
        ),
        (
            [
                "Space Cubics は、宇宙用オンボードコンピュータの開発を中心に、信頼性が求められる"
                "ソフトウェア基盤を提供しています。"
            ],
            "Space Cubics",
        ),
        # 8percent-developer.md, rainist-frontend-engineer.md: a company saying what it is,
        # and "our" before its name.
        (
            [
                "에잇퍼센트는 [8퍼센트](https://8percent.kr)를 서비스하고 있는 "
                "핀테크 스타트업입니다."
            ],
            "에잇퍼센트",
        ),
        (
            ["저희 레이니스트와 함께 성장하실 프런트엔드 엔지니어 분들을 찾고 있습니다."],
            "레이니스트",
        ),
        # info-processing-dev.md:1020: the group's owner.
        (["Apple\u2019s Special Project Group is seeking a Senior 3D Pipeline Engineer"], "Apple"),
    ],
)
def test_the_employer_a_posting_states(lines, employer):
    assert stated_employer(lines) == employer


@pytest.mark.parametrize(
    "lines",
    [
        ["Experience with Python is a plus"],
        ["The team is small and focused"],
        ["Our mission is to make hardware design fast"],
        ["Certifications are a plus"],
        ["We're looking for an engineer who loves compilers"],
        ["The role is remote and the team at large is distributed"],
        ["우리는 핀테크 스타트업입니다."],
        ["저희 팀은 작지만 빠릅니다. 데이터 엔지니어는 모두 원격으로 일합니다."],
        # comp-x-sw-dev.md:1134-1135: a scientist's laboratory and an award are people's.
        [
            "The laboratories of Dr. Gavin Ha and Dr. David MacPherson have a joint postdoc.",
            "Dr. Ha\u2019s laboratory develops computational approaches to study cancer.",
            "Candidates may apply for the NIH Director\u2019s Early Independence Award.",
        ],
        # heterodb-junior-software-engineer-part-time.md: what "PG-Strom" is, not its maker.
        [
            "PG-Strom\u3068\u306f\u3001GPU\u3092\u7528\u3044\u3066\u5927\u91cf"
            "\u30c7\u30fc\u30bf\u51e6\u7406\u3092\u9ad8\u901f\u5316\u3059\u308b"
        ],
        # corpus/semi-technical-roles/pdt-mgt-engr-design.md: a title, not an employer.
        [
            "The Sr Director of Product Management is a unique opportunity to own the "
            "business and product outcomes for our Security Operations products"
        ],
        # notes.md:6649: a team, not its company.
        [
            "Cortex is a team of software engineers and machine learning scientist to "
            "developing state-of-the-art machine learning capabilities to refine and transform "
            "our products."
        ],
        # notes.md:4914-4922: what the MEAN stack is, and an author's course.
        [
            "Machine learning. You should be able to understand and apply major machine "
            "learning methods. Completion of Andrew Ng's Machine Learning course on Coursera "
            "is sufficient to meet this criterion.",
            "MEAN is a free and open-source JavaScript software stack for building dynamic "
            "web sites and web applications.",
        ],
        # corpus lower-level-roles/sw-dev-lower-level/systems-sw-dev.md:98: a verb's letters.
        [
            "At DO, we believe in: Creating simple, yet powerful, foundations (with \U0001f495) "
            "from which our community can build"
        ],
        # corpus interesting-markets/statistical-analysis.md:126: a document's title.
        [
            "Apply and adhere to CDISC data standards and guidelines where required in the "
            "production of analysis datasets and reports; assist in the production of "
            "supporting CDISC documentation for submissions (Define.xml, Reviewer\u2019s "
            "Guides)."
        ],
    ],
)
def test_no_employer_is_made_up(lines):
    assert stated_employer(lines, is_technology=lambda name: name == "Python") is None


@pytest.mark.parametrize(
    ("lines", "employer"),
    [
        # Real lines of the corpus; Splunk is also a technology the vocabulary may name.
        (["Splunk is looking for a Senior Software Engineer to join"], "Splunk"),
        (
            [
                "Splunk's Cloud group is looking for an experienced Site Reliability Engineer to "
                "join a team that is responsible for Cloud\u2019s operational infrastructure"
            ],
            "Splunk",
        ),
        (["Python is the language of our data stack and more is coming"], None),
        (["Python's ecosystem of data libraries is what we use every day"], None),
    ],
)
def test_only_an_organisation_hires_or_has_a_group_whatever_else_its_name_means(lines, employer):
    is_technology = {"Splunk", "Python"}.__contains__
    assert stated_employer(lines, is_technology=is_technology) == employer


def test_a_product_or_lab_of_an_employer_named_elsewhere_is_that_employer():
    notes = (
        "# Field\n"
        "+ skill set:\n\t- Apple Vision Pro is the most advanced personal device ever made.\n"
        "+ skill set:\n\t- Apple is looking for a Machine Learning Engineer.\n"
    )
    planner = _planner(notes)
    assert planner.named_companies() == ["Apple"]
    plan = planner.plan(["Apple"])
    assert {s.company_key for s in plan.skill_sets} == {plan.companies[0].key}


def test_an_employer_called_by_its_short_name_is_the_one_named_in_full_elsewhere():
    # Real lines of the seed notes: Scale AI calls itself Scale in some of its postings.
    notes = (
        "# Field\n"
        "+ skill set:\n\t- At Scale, our Generative AI Data Engine powers the most advanced "
        "LLMs and generative models in the world.\n"
        "+ skill set:\n\t- Scale AI is seeking a highly skilled and motivated Full Stack "
        "Engineer to join our dynamic Federal Engineering team.\n"
        "+ skill set:\n\t- Work with our Security Team on security compliance, pen tests and "
        "mitigations that improve security across Scale.\n"
    )
    planner = _planner(notes)
    assert planner.named_companies() == ["Scale AI"]
    plan = planner.plan(["Scale AI"])
    assert [s.company_key for s in plan.skill_sets] == [plan.companies[0].key] * 3


def test_a_short_name_stated_in_one_file_is_the_full_name_another_file_lists():
    # The seed lists "[AlphaICs Corp](https://alphaics.ai/company/careers/)";
    # corpus/higher-end-roles/compiler-design-n-prog-analy.md says "AlphaICs is looking for".
    notes = (
        "# Compilers\n"
        "+ skill set:\n\t- AlphaICs is looking for an accomplished Compiler Engineer to design, "
        "implement and test new features for our compiler.\n"
        "+ skill set:\n\t- Computer Vision applications on AlphaICs\u2019s AI Processor.\n"
    )
    for known, named in (
        (["AlphaICs Corp", "AlphaICs"], "AlphaICs Corp"),
        (["AlphaICs Corp", "AlphaICs Corp Labs", "AlphaICs"], "AlphaICs Corp Labs"),
    ):
        planner = _planner(notes)
        assert planner.named_companies() == ["AlphaICs"]
        plan = planner.plan(known)
        assert [c.name for c in plan.companies] == [named]
        assert [s.company_key for s in plan.skill_sets] == [plan.companies[0].key] * 2


def test_a_unit_stated_in_one_file_is_the_employer_another_file_names():
    # notes.md:9287, in a later sentence of its line; Splunk is the corpus's employer of 50
    # skill sets.
    notes = (
        "# Data engineering\n"
        "+ skill set:\n\t- Are you interested in being part of a small, diverse team "
        "passionate about building technologies that change the way people learn?  Splunk "
        "Education is looking for a Lab and Data Engineer to join our Education Technologies "
        "Team.\n"
    )
    planner = _planner(notes)
    assert planner.named_companies() == ["Splunk Education"]
    plan = planner.plan(["Splunk", "Splunk Education"])
    assert [c.name for c in plan.companies] == ["Splunk"]
    assert [s.company_key for s in plan.skill_sets] == [plan.companies[0].key]


def test_a_name_stated_in_one_file_is_the_one_another_lists_with_a_legal_form_or_spaces():
    # The seed lists "[SiFive, Inc.](https://www.sifive.com/careers)" and "[EdgeImpulse
    # Inc.](https://edgeimpulse.com/careers)"; the corpus states them shorter.
    notes = (
        "# Field\n"
        "+ skill set:\n\t- Working with SiFive\u2019s LLVM compiler team on improving "
        "performance for the SiFive Intelligence processor family.\n"
        "+ skill set:\n\t- At Edge Impulse we are building the future of data-driven "
        "engineering.\n"
    )
    planner = _planner(notes)
    assert planner.named_companies() == ["SiFive", "Edge Impulse"]
    plan = planner.plan(["SiFive, Inc.", "EdgeImpulse Inc.", "SiFive", "Edge Impulse"])
    companies = {c.key: c.name for c in plan.companies}
    assert [companies[s.company_key] for s in plan.skill_sets] == [
        "SiFive, Inc.",
        "EdgeImpulse Inc.",
    ]


def test_a_name_stated_short_is_the_listed_company_whose_name_and_website_start_with_it():
    # corpus/interesting-markets/bio-biochem-biotech-pharma.md states "Ginkgo" in its skill
    # sets (lines 379-380) and lists "[Ginkgo Bioworks](https://www.ginkgobioworks.com/about/)";
    # the seed lists "[AlphaICs Corp](https://alphaics.ai/company/careers/)" and states
    # "AlphaIC" (notes.md:3541).
    notes = (
        "# Bio Design Automation & Bio Manufacturing Automation Companies\n"
        "+ [Ginkgo Bioworks](https://www.ginkgobioworks.com/about/)\n"
        "+ [AlphaICs Corp](https://alphaics.ai/company/careers/)\n"
        "+ skill set:\n\t- Senior Bioinformatics Engineer\n\t- Support Ginkgo\u2019s "
        "Biosecurity Teams with your technical expertise in bioinformatics\n"
        "+ skill set:\n\t- AlphaIC is looking for a Compiler Engineer.\n"
    )
    planner = _planner(notes)
    plan = planner.plan(planner.named_companies())
    companies = {c.key: c.name for c in plan.companies}
    assert sorted(companies.values()) == ["AlphaICs Corp", "Ginkgo Bioworks"]
    assert [companies[s.company_key] for s in plan.skill_sets] == [
        "Ginkgo Bioworks",
        "AlphaICs Corp",
    ]


def test_a_short_name_two_listed_companies_start_with_stays_its_own_company():
    # corpus/interesting-markets/bio-biochem-biotech-pharma.md lists "[Lattice
    # Automation](https://www.latticeautomation.com/)"; the seed, "[Lattice
    # Semiconductor](https://www.latticesemi.com/)". Which one "Lattice" is, no name tells.
    notes = "# FPGA\n+ skill set:\n\t- Lattice is looking for an FPGA Design Engineer.\n"
    websites = {
        "Lattice Automation": "https://www.latticeautomation.com/",
        "Lattice Semiconductor": "https://www.latticesemi.com/",
    }
    planner = _planner(notes)
    assert planner.named_companies() == ["Lattice"]
    plan = planner.plan(["Lattice", *websites], websites)
    assert [c.name for c in plan.companies] == ["Lattice"]
    assert plan.skill_sets[0].company_key == plan.companies[0].key


def test_a_name_that_ends_in_a_technology_may_be_an_employer_one_that_starts_with_one_not():
    from taxonomy.matching import Term

    terms = [
        Term.from_entry({"slug": "artificial-intelligence", "name": "AI"}),
        Term.from_entry({"slug": "generative-ai", "name": "Generative AI"}),
    ]
    # The first line is the seed's (notes.md:5955); "AI" named Stability AI a technology.
    notes = (
        "# Field\n"
        "+ skill set:\n\t- Stability AI is a community and mission driven, open-source "
        "artificial intelligence company that cares deeply about real-world implications.\n"
        "+ skill set:\n\t- Generative AI is the most exciting field in computing, and it "
        "moves every week.\n"
    )
    planner = _planner(notes, terms)
    assert planner.named_companies() == ["Stability AI"]


def test_a_korean_or_japanese_posting_names_the_company_its_sentences_are_about():
    # interx-ux-ui-planning-specialist.md and morisystem-programmer-system-engineer.jsp.
    interx = (
        "인터엑스는 디지털 기술을 통한 새로운 가치 창출을 목표로 하는 산업 AX & 자율 제조 "
        "전문 파트너입니다."
    )
    text = f"[인터엑스 합류 여정]\n{interx}"
    assert topic_employer([interx], text) == "인터엑스"
    slogan = (
        "お互い支え合うことの大切さ\u3002モリシステムは\u3001システム設計\u30fb"
        "システム開発を通して社会貢献します\u3002"
    )
    assert topic_employer([slogan], f"モリシステム\u3000中途採用\n{slogan}") == "モリシステム"
    # zigbang-iot-developer.md: a company with a team and an office of its own.
    zigbang = (
        "CTO팀의 IoT 파트는 직방 사내에서 사무실을 자동으로 제어하는 솔루션을 연구하고 적용하는 "
        "파트 입니다. 직방 IoT 솔루션을 구성하는 단위는 다음과 같습니다."
    )
    assert topic_employer([zigbang], zigbang) == "직방"
    # toss-infraops-engineer.md: "함께" (together) goes before a team and is no company.
    toss = (
        "토스의 InfraOps Engineer는 System Engineer, Netwok Engineer와 함께 Infra팀에 소속되어 "
        "있어요."
    )
    assert topic_employer([toss], f"{toss}\n동료들과 함께 새로운 기술을 시도하고 있어요.") is None


@pytest.mark.parametrize(
    "sentence",
    [
        # lezhin-system-engineer.md: a one-off topic, not a name the posting repeats.
        "이력서는 내부에 회람되기 때문에, 연봉 기재는 메일 본문에 적어주세요.",
        # daangn-crm-specialist.md: a team, and "we".
        "마케팅팀은 당근의 서비스 규모 대비 작은 팀이에요. 마케팅팀은 현재 총 13명으로",
        "우리는 지난 일 년 동안 이룬 성과와 앞으로의 성장 가능성을 인정받아 우리는",
    ],
)
def test_a_topic_that_is_no_company_names_no_employer(sentence):
    assert topic_employer([sentence], sentence) is None


def test_a_company_named_like_a_technology_employs_the_team_it_names():
    from taxonomy.matching import Term

    terms = [Term.from_entry({"slug": "splunk", "name": "Splunk"})]
    # cloud-computing-sw-dev.md:430; the second set asks for the product, from anyone.
    notes = (
        "# Field\n"
        "+ skill set:\n\t- The Splunk Analytic Apps team follows a lean process that focuses "
        "on empowering our engineers.\n"
        "+ skill set:\n\t- Experience building Splunk dashboards and alerts.\n"
    )
    planner = _planner(notes, terms)
    planner.named_companies()
    plan = planner.plan(["Splunk"])
    [splunk] = [c.key for c in plan.companies if c.name == "Splunk"]
    assert [s.company_key for s in plan.skill_sets] == [splunk, None]


@pytest.mark.parametrize(
    ("text", "employer"),
    [
        # heterodb-junior-software-engineer-part-time.md: the name as the text writes it.
        (
            "Send your resume to `contact@heterodb.com`.\n"
            "HeteroDB provide a server environment for development.",
            "HeteroDB",
        ),
        ("Apply to jobs@mail.acme-robotics.co.jp, Acme-Robotics team", "Acme-Robotics"),
        # A mail provider's address, or a domain the text names nowhere else: no employer.
        ("Questions? Write to hiring.team@gmail.com. Gmail is fine.", None),
        ("Send your CV to talent@northwind.io", None),
        ("No address here", None),
    ],
)
def test_an_address_at_the_employers_own_domain_names_it(text, employer):
    assert mail_employer(text) == employer


def test_a_name_the_author_glosses_is_no_employer_but_a_posting_heading_over_it_is_read():
    # corpus/higher-end-roles/compiler-design-n-prog-analy.md:1374 glosses the Python
    # compilers it names; semi-technical-roles/pdt-mgt-engr-design.md:525 keeps a
    # SmartNews posting's "Description" over the lines that name SmartNews.
    notes = (
        "# Compilers\n"
        "+ Skill set:\n\t- Psyco, Nukita, Shed skin.\n\t\t* Nukita\n"
        "\t\t\t+ https://pypi.org/project/Nuitka/\n"
        "\t\t\t+ Nuitka is the Python compiler. It is written in Python. It is a seamless "
        "replacement or extension to the Python interpreter.\n"
        "+ skill set:\n\t- Description\n"
        "\t\t* As the Director of Product Design at SmartNews, you will lead by example and "
        "connect design vision and strategy to achieve the company\u2019s goals.\n"
    )
    planner = _planner(notes)
    assert planner.named_companies() == ["SmartNews"]
    plan = planner.plan([])
    companies = {c.key: c.name for c in plan.companies}
    assert [companies.get(s.company_key) for s in plan.skill_sets] == [None, "SmartNews"]


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("https://www.achronix.com/company/careers", "achronix"),
        ("https://flex-logix.com/", "flexlogix"),
        ("https://alphaics.ai/company/careers/", "alphaics"),
        ("www.example.co.jp/recruit", "example"),
        ("", ""),
        ("http://[::1", ""),
    ],
)
def test_a_website_names_its_owner_by_the_label_before_its_suffixes(url, label):
    assert website_label(url) == label
