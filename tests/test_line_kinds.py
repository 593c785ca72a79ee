import pytest

from taxonomy.line_kinds import (
    LineKind,
    clauses,
    glossed,
    is_optional,
    line_kind,
    line_kinds,
    optional_technologies,
)

REQ, PREF, DUTY, ABOUT, OTHER = (
    LineKind.REQUIREMENT,
    LineKind.PREFERENCE,
    LineKind.DUTY,
    LineKind.ABOUT,
    LineKind.OTHER,
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Must be fluent in Python, other languages are a plus", REQ),
        ("Experience with Kubernetes is a plus", PREF),
        ("Knowledge of Verilog is an asset", PREF),
        ("Experience with CUDA would be beneficial", PREF),
        ("Familiarity with Rust will be appreciated", PREF),
        ("[Plus] Publications at top ML venues", PREF),
        ("Experience in Spark will be plus", PREF),
        # Real lines of the notes' corpus, optional in words the list lacked until stop 44.
        ("Familiarity with git helpful.", PREF),
        ("Linux command line and system administration skills are helpful", PREF),
        (
            "It would be nice if you would have knowledge of container systems like Docker and "
            "Kubernetes, and CloudFlare.",
            PREF,
        ),
        ("Even better is if you have experience developing CI/CD systems", PREF),
        ("Able to take advantage of cloud resources to train models", REQ),
        ("Design and implement ML pipelines for production", DUTY),
        ("You will own the training infrastructure", DUTY),
        ("Two Sigma is a financial sciences company, relentless in our pursuit", ABOUT),
        ("We are a small team building compilers for AI chips", ABOUT),
        ("https://jobs.example.com/123", OTHER),
        ("Pay: $115,000.00 - $145,000.00 per year", OTHER),
        ("5+ years of experience with C++", REQ),
        # Real lines of the notes' corpus.
        ("We\u2019re looking for a Senior ServiceNow Engineer with expertise on ServiceNow", REQ),
        ("Location:  Remote (must be in USA Only) with a possibility of an Ithaca office", OTHER),
        (
            "Compensation for all engineers at Tenstorrent ranges from $100k - $500k including "
            "base and variable compensation targets. Experience, skills, education, background "
            "and location all impact the actual offer made.",
            OTHER,
        ),
        ("Fresh graduates are welcomed to apply", OTHER),
        (
            "Consistently deliver high-quality, scalable, maintainable, and performant solutions",
            DUTY,
        ),
        (
            "As a UX Designer, you will push your creative, problem-solving, and people skills "
            "to the fullest.",
            DUTY,
        ),
        ("You will need 5+ years of experience with Kubernetes", REQ),
        (
            "This position will be part of the AFS R&D team, focused on RF (Radio frequency) "
            "circuit simulation.",
            ABOUT,
        ),
        ("Groq's Software Infrastructure team maintains a wide array of services and tools", ABOUT),
        # A paragraph about the company, read by its first sentence: "experience" comes later.
        (
            "Apple is where individual imaginations gather together, committing to the values "
            "that lead to great work. Every new product we build, service we create, or Apple "
            "Store experience we deliver is the result of us making each other\u2019s ideas "
            "stronger.",
            ABOUT,
        ),
        (
            "You are a skilled engineer. You've got a strong background working in our stack "
            "(Python, Django or React, ES6 or Node.js, etc.)",
            REQ,
        ),
        # The company first, the hiring after: an introduction.
        (
            "Krai is a Cambridge-based startup focusing on creating ultra-efficient computer "
            "systems for Edge AI and Robotics applications. We are looking for curious and "
            "motivated R&D engineers to join us on our exciting journey!",
            ABOUT,
        ),
        (
            "Qorvo (Nasdaq: QRVO) supplies innovative semiconductor solutions that make a "
            "better world possible.",
            ABOUT,
        ),
        ("Our stack currently includes AWS, Spring Boot, Spring Cloud, Postgres", ABOUT),
        (
            "The Silicon Design group is a diverse team of world class silicon design, "
            "verification and validation experts.",
            ABOUT,
        ),
        # The company speaking of itself, addressing no one: about it; asking is not.
        (
            "Customers use Ashby every day, so we put a lot of effort into designing products "
            "that are approachable to beginners.",
            ABOUT,
        ),
        ("We promote a flexible work environment that encourages work-life balance.", ABOUT),
        (
            "Our SIML Data team focuses on data acquisition, data science, annotation, data QA "
            "and robustness analysis.",
            ABOUT,
        ),
        (
            "One formality, we require at least 1.5 years of experience as a full-time "
            "software engineer or designer for this role.",
            REQ,
        ),
        (
            "The majority of our server-side codebase is in Go. If you have never worked in Go "
            "but you are comfortable in C++, that is fine.",
            REQ,
        ),
        ("Expand our existing test automation framework and test coverage.", DUTY),
        # A duty in the third person, a verb ending in -y too.
        ("Identifies and resolves data quality issues across the pipelines", DUTY),
        ("Provides regular updates to manager/team on project status", DUTY),
        # A duty numbered in its list.
        ("4) Prepare block/sub-system level timing constraints.", DUTY),
        ("Acquire data by building the necessary SQL ETL queries.", DUTY),
        # Verbs of doing beyond the commonest: corpus lines of batch 4.
        ("Add new languages as soon as there is community interest", DUTY),
        ("Transfer technology to product groups", DUTY),
        # Hired to do something; what the hire will be responsible for.
        (
            "We are seeking motivated Mixed Signal Hardware Design Engineer to help develop our "
            "Passage photonics interconnect products",
            DUTY,
        ),
        (
            "The Staff Fluidics Platform Engineer will be responsible for supporting the "
            "transition of the fluidic architecture",
            DUTY,
        ),
        ("Be a key member of the Anaconda Enterprise team", DUTY),
        (
            "Be comfortable with ambiguity and complexity, thrive in group discussions and be "
            "an able communicator",
            REQ,
        ),
        ("Leverage 2DID and Die Level Traceability to perform novel analyses", DUTY),
        ("Collect and analyze user behavior through field visits, ethnography, surveys", DUTY),
        # How to apply, whom the hire reports to, the law on hiring: other.
        ("Please send your CV and short covering letter to info@krai.ai", OTHER),
        ("You will report to the Engineering Manager of the Messaging Optimization team.", OTHER),
        (
            "Pursuant to the San Francisco Fair Chance Ordinance, we will consider for "
            "employment qualified applicants with arrest and conviction records.",
            OTHER,
        ),
    ],
)
def test_a_line_reads_as_what_it_is(line, kind):
    assert line_kind(line) is kind


def test_a_line_that_opens_by_asking_is_a_requirement_even_among_duties():
    lines = [
        ("As a Splunk Sales Engineer your primary responsibilities will be to:", None, 0),
        ("Understand the client\u2019s buying process.", None, 0),
        ("Ability to participate in account planning and planning meetings", None, 0),
    ]
    assert line_kinds(lines) == [OTHER, DUTY, REQ]


@pytest.mark.parametrize(
    "line",
    [
        # Real lines of the notes (notes.md:604, notes.md:5499, functional-programming.md:230,
        # other-sw-dev-roles.md:697): a noun or a degree before what is asked.
        "Coding ability using Python and C++",
        "M.S. or PhD in Electrical Engineering/Computer Science, or a related field",
        "Programming experience in any language (functional languages a plus)",
        "Previous experience in remote teams",
    ],
)
def test_a_line_asking_after_a_word_or_two_is_a_requirement_even_among_duties(line):
    lines = [("Responsibilities:", None, 0), ("Train large models", None, 0), (line, None, 0)]
    assert line_kinds(lines)[2] is REQ


def test_a_colon_after_a_past_participle_introduces_no_duties():
    # notes.md:5487-5496: the references are links, and the requirements after them stay so.
    lines = [
        ("Selected references to our team\u2019s work:", None, 0),
        ("https://machinelearning.apple.com/research/panoptic-segmentation", None, 0),
        ("You've demonstrated leadership in both applied research and development", None, 0),
    ]
    assert line_kinds(lines) == [OTHER, OTHER, REQ]


@pytest.mark.parametrize(
    "line",
    [
        # notes.md:6169 and notes.md:6144: an organisation, and a team with "Experience" in
        # its name, asking for nothing.
        "The Video Computer Vision organization is working on exciting technologies for "
        "future Apple products.",
        "We are the Intelligence System Experience (ISE) team within Apple\u2019s software "
        "organization. The team works at the intersection of ML and systems.",
    ],
)
def test_a_line_introducing_an_organisation_is_about_the_company(line):
    assert line_kind(line) is ABOUT


def test_a_job_title_opening_the_set_is_other():
    assert line_kind("Principal Formal Verification Engineer", first=True) is OTHER


def test_labels_give_their_kind_to_the_lines_under_and_after_them():
    lines = [
        ("Qualifications:", None, 0),
        ("PhD in Computer Science", 0, 1),
        ("Preferred qualifications:", None, 0),
        ("Publications at NeurIPS", None, 0),
        ("Experience with JAX", None, 0),
        ("Responsibilities:", None, 0),
        ("Train large models", 5, 1),
    ]
    assert line_kinds(lines) == [OTHER, REQ, OTHER, PREF, PREF, OTHER, DUTY]


def test_a_label_with_lines_nested_in_it_gives_its_kind_to_them_alone():
    # Real lines of the corpus (web-dev.md): what follows the label's own list at its depth
    # is the posting's requirements, not more of what success looks like.
    lines = [
        ("What success looks like:", None, 0),
        ("You consistently deliver high-impact projects on time.", 0, 1),
        ("7+ years of professional experience in software development", None, 0),
        ("In-depth knowledge of application and infrastructure security best practices.", None, 0),
    ]
    assert line_kinds(lines) == [OTHER, DUTY, REQ, REQ]


def test_a_line_asking_nothing_between_two_duties_is_a_duty():
    # Real lines of the corpus (devops-devsecops-itops.md): no verb the reader knows opens
    # the third, but the duties around it say what it is.
    lines = [
        ("Automate the Kubernetes deployment and maintain a consistent process.", None, 0),
        ("Performance tune, load test, and optimize scalability of Kubernetes clusters.", None, 0),
        ("Conduct capacity planning and resource optimization.", None, 0),
        ("Bachelor of Science in Computer Science or equivalent.", None, 0),
        ("Performance tuning of Kubernetes clusters", None, 0),
    ]
    assert line_kinds(lines) == [DUTY, DUTY, DUTY, REQ, REQ]


def test_a_sentence_ending_in_a_colon_gives_its_kind_to_what_it_introduces():
    # Real lines of the corpus (systems-sw-dev.md, sdn-computer-netwk.md).
    lines = [
        ("***Develop cross-platform code using the latest industry-standard tools***:", None, 0),
        ("Modern CMake", None, 0),
        ("***GitLab CI***", None, 0),
        ("Work with:", None, 0),
        ("***NVLink***", 3, 1),
        ("Experience with Kubernetes is a plus:", None, 0),
        ("EKS", 5, 1),
    ]
    assert line_kinds(lines)[1:3] == [DUTY, DUTY]
    assert line_kinds(lines)[4] is DUTY
    assert line_kinds(lines)[6] is PREF


def test_a_sentence_ending_in_a_colon_that_only_asks_introduces_nothing():
    # "Come join us …:" is read as a requirement, as any line nothing else says is; the
    # duties after its list are still duties.
    lines = [
        ("Responsibilities:", None, 0),
        ("Come join us, and help us build a vision-based data platform:", 0, 1),
        ("Customer Focus", 1, 2),
        ("Architect, design and develop web applications.", 0, 1),
    ]
    assert line_kinds(lines)[3] is DUTY


def test_lines_explaining_a_name_the_author_noted_are_other():
    # Real lines of the corpus: the author noting what a product is, under its name.
    lines = [
        ("Splunk", None, 0),
        ("search, monitor, and analyze machine-generated data, via Web-style interface", 0, 1),
        ("Icinga", None, 0),
        ("Icinga is an open-source computer system and network monitoring application.", 2, 1),
        ("open source umbrella project for a range of tools", 3, 2),
        ("supports test automation for Web applications", 4, 3),
        ("Experience with Python", None, 0),
    ]
    assert line_kinds(lines) == [REQ, OTHER, REQ, OTHER, OTHER, OTHER, REQ]


@pytest.mark.parametrize(
    "parent",
    [
        "Optimization:",  # a topic of the work, introducing duties
        "Potential projects include:",
        "database software:",  # a label of what is asked
        "Biostatistician III",  # a job title
        "Qualifications",
    ],
)
def test_lines_under_a_label_or_title_are_not_read_as_notes(parent):
    lines = [(parent, None, 0), ("Develop Deep Neural Network (DNN) optimization algorithms", 0, 1)]
    assert line_kinds(lines)[1] is not OTHER


@pytest.mark.parametrize(
    "line",
    [
        "Experience with Go is a plus",
        "Knowledge of Kafka would be a big plus",
        "M.S. or Ph.D. preferred",
        "Excellent programming skills, preferably in Python",
        "Nice to have: Terraform",
        "Ideally, some Rust",
        "Spark experience is desirable",
        "Kubernetes 경험자 우대",
        "좋아하는 오픈소스 개발자가 있으면 좋습니다.",  # supple-web-developer.md
        "UX에 관심이 많으신 분이면 더욱 좋겠습니다.",  # rainist-frontend-engineer.md
    ],
)
def test_optional_wording_is_recognised(line):
    assert is_optional(line)


@pytest.mark.parametrize(
    "line",
    [
        "5+ years of Python",
        "Experience with C plus a scripting language",
        "Strong communication skills",
        "Ideal for a self-starter",
        "책을 좋아하는 대표님께 읽고 싶은 책은 언제든 신청 가능",  # rga-robot-design-engineer.md
    ],
)
def test_plain_requirements_are_not_optional(line):
    assert not is_optional(line)


def test_the_stored_kinds_are_the_line_kinds():
    from taxonomy.models import Skill

    assert list(Skill.Kind.values) == [kind.value for kind in LineKind]


# Real lines of the notes; each asks firmly for some of what it names and makes the rest
# optional: (line, its firm part, its optional part).
MIXED_LINES = [
    ("Must be fluent in Python, other languages are a plus", "Python", "other languages"),
    (
        "Knowledge with distributed systems; Docker, Terraform, Puppet are desired",
        "distributed systems",
        "Docker, Terraform, Puppet",
    ),
    ("Strong experience CI/CD tools, with a preference on Jenkins", "CI/CD", "Jenkins"),
    (
        "Deep knowledge of a configuration management tool (i.e. Puppet, Chef, Ansible, Salt, "
        "CFEngine). Experience with containers is a plus",
        "Puppet, Chef",
        "containers",
    ),
    (
        "Hands-on experience with Git, CI/CD pipelines, Docker (Kubernetes a plus), and YAML "
        "configuration.",
        "Docker",
        "Kubernetes",
    ),
    ("Hands-on experience with CSS using SASS/SCSS (preferably within Bootstrap)", "CSS", "Boot"),
    ("Excellent programming skills, preferably in Python", "programming", "Python"),
    (
        "Proficiency in developing and maintaining modern C++ based applications in a Unix/Linux "
        "and Windows environment. Proficiency in Qt, Python, and Tcl a plus. Experience with "
        "OpenAccess also a plus.",
        "C++",
        "Tcl",
    ),
]


@pytest.mark.parametrize(("line", "firm", "optional"), MIXED_LINES)
def test_a_line_asking_firmly_with_an_optional_clause_is_a_requirement(line, firm, optional):
    parts = clauses(line)
    assert line_kind(line) is REQ
    assert not parts[0].optional
    assert any(firm in c.text for c in parts if not c.optional)
    assert any(optional in c.text for c in parts if c.optional)
    assert not any(optional in c.text for c in parts if not c.optional)


@pytest.mark.parametrize(
    "line",
    [
        # The optional wording covers the whole sentence, bracket and list included.
        "Experience in parallel programming models (e.g. OpenMP) is a plus",
        "Experience with Python, Spark, or Hadoop is a plus",
        "Experience and knowledge of C/C++ \u2013 An advantage",
        "Experience with ***CUDA/cuDNN*** programming is a big plus",
        # A clause that is only the optional wording makes the one before it optional.
        "Experience with C++. A plus.",
        "3+ years experience with the JVM and Scala (preferably) or another functional language",
        "Master's degree preferred; PhD a plus",
    ],
)
def test_a_line_optional_throughout_stays_a_preference(line):
    assert line_kind(line) is PREF
    assert all(c.optional for c in clauses(line))


def test_a_line_with_nothing_optional_has_no_clauses():
    assert clauses("Experience with Docker; Kubernetes; Linux") == ()


def test_the_firm_part_of_a_mixed_line_decides_its_kind():
    line = "We are a small team building compilers. Experience with MLIR is a plus"
    assert line_kind(line) is ABOUT


def test_technologies_named_only_in_an_optional_clause_are_optional():
    def find(text):
        return [name for name in ("Git", "Docker", "Kubernetes", "YAML") if name in text]

    line = MIXED_LINES[4][0]
    assert optional_technologies(line, find(line), find) == {"Kubernetes"}
    # Named firmly as well: not optional.
    both = "Docker and Kubernetes; Kubernetes operators a plus"
    assert optional_technologies(both, find(both), find) == frozenset()
    # The whole line optional: its kind says so, and no technology is singled out.
    whole = "Experience with Docker or Kubernetes is a plus"
    assert optional_technologies(whole, find(whole), find) == frozenset()


def test_a_posting_heading_over_lines_that_say_you_will_glosses_nothing():
    # corpus/lower-level-roles/sw-dev-lower-level/web-dev.md:1930: a GitHub posting's
    # "Expectations", kept as the author copied it.
    lines = [
        ("Expectations", None, 0),
        ("You will need to reach and maintain expert level knowledge of the GitHub API", 0, 1),
        ("Knowledge of the GraphQL (v4) API is necessary for creating solutions", 0, 1),
    ]
    assert OTHER not in line_kinds(lines)  # before, the two lines under it were notes
    assert glossed([(text, parent) for text, parent, _depth in lines]) == [False] * 3
