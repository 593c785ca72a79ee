"""Postings in the formats real ones come in: front matter, job-board exports, web pages."""

import json
from pathlib import Path

import pytest

from postings.parsing import Fact, SectionKind, parse_posting
from postings.parsing.front_matter import read_front_matter
from postings.parsing.html import html_to_text

EVAL = Path(__file__).resolve().parent.parent / "fixtures" / "eval" / "postings"


def test_yaml_front_matter_states_title_and_company_without_quotes_or_tags():
    text = (
        "---\n"
        'title: "[Tech] Data Engineer (Pipeline, 4년 이상)"\n'
        '회사: "요기요"\n'
        "tags: [a, b]\n"
        "---\n"
        "## 자격요건\n"
        "- Python 경험\n"
    )
    posting = parse_posting(text, file_name="note.md")
    assert posting.company == "요기요"
    assert posting.roles[0].title == "Data Engineer (Pipeline, 4년 이상)"
    assert posting.roles[0].sections[0].line == 6  # the lines keep their numbers


def test_schema_org_hiring_organization_kept_as_yaml_names_the_company():
    # fixtures/eval/postings/jump-trading-fpga-engineer.md, abridged.
    text = (
        "---\n"
        "layout: job-old\n"
        "hiringOrganization:\n"
        "  name: Jump Trading\n"
        "  address: Jump Trading, 1 London Wall, 11th Floor, London, UK EC27 5EA\n"
        "title: FPGA Engineer (Full-Time)\n"
        "skills:\n"
        "  - name: not a key of the mapping above\n"
        "---\n"
    )
    front = read_front_matter(text.splitlines())
    assert front.values["hiringorganization.name"] == "Jump Trading"
    assert "skills.- name" not in front.values and "skills.name" not in front.values
    assert parse_posting(text, file_name="fpga.md").company == "Jump Trading"


def test_an_apply_buttons_tracker_address_names_the_company():
    # fixtures/eval/postings/resilire-sre-techlead.md: the address is only in the button.
    text = (
        '# SRE TechLead <a href="https://herp.careers/v1/resilire/b5uIrXnC2XCz/apply">'
        '<img src="https://example.com/apply.png" alt="JobApply" /></a>\n\n'
        "## 業務内容\n"
        "- SRE業務\n"
    )
    assert parse_posting(text, file_name="sre.md").company == "Resilire"


def test_a_markdown_tables_row_of_two_cells_is_a_label_and_its_value():
    # resilire-sre-techlead.md: the conditions of the post as a table.
    text = (
        "# SRE TechLead\n\n## ポジション条件・待遇\n\n| 項目 |  |\n----|---- \n"
        "| 給与 | 700~1,200万円 |\n| 雇用形態 | 正社員 |\n"
    )
    [role] = parse_posting(text).roles
    assert role.facts[Fact.SALARY] == "700~1,200万円"
    assert role.facts[Fact.EMPLOYMENT_TYPE] == "正社員"
    assert "----|----" not in [item.text for s in role.sections for item in s.items]


def test_a_field_the_page_lays_out_as_one_is_no_skill_of_the_list_above_it():
    # mofmof-web-application-engineer.html: a <dl> of the post's conditions, its work place
    # right after the preferred experience; and a Markdown table row likewise.
    page = (
        "<h1>Webアプリケーションエンジニア</h1>\n<dl>\n<dt>歓迎する職歴・志向</dt>\n"
        "<dd><ul><li>開発ディレクション経験</li></ul></dd>\n"
        "<dt>勤務地</dt><dd>mofmof本社オフィス</dd>\n</dl>\n"
    )
    [role] = parse_posting(page, file_name="mofmof.html").roles
    preferred, place = role.sections
    assert (preferred.kind, [item.text for item in preferred.items]) == (
        SectionKind.PREFERRED,
        ["開発ディレクション経験"],
    )
    assert (place.label, place.kind, role.facts[Fact.LOCATION]) == (
        "勤務地",
        SectionKind.OTHER,
        "mofmof本社オフィス",
    )
    text = "# SRE\n\n## 歓迎スキル\n\n- Go\n\n| 雇用形態 | 正社員 |\n"
    [role] = parse_posting(text).roles
    assert {s.label: [item.text for item in s.items] for s in role.sections}["歓迎スキル"] == ["Go"]
    assert role.facts[Fact.EMPLOYMENT_TYPE] == "正社員"


def test_a_company_named_in_a_field_is_named_without_its_address_in_brackets():
    # nanofrontier-software-engineer.mdx
    text = (
        "# ソフトウェアエンジニア\n\n## 会社情報\n\n**会社名**\n"
        "- NanoFrontier株式会社\uff08本社\uff1a宮城県仙台市青葉区中央4丁目4-19\uff09\n"
    )
    assert parse_posting(text).company == "NanoFrontier株式会社"


def test_a_field_under_the_title_heading_is_a_field_and_a_clock_labels_nothing():
    # scope-server-engineer-design-construction.php: the post's conditions under a heading
    # naming title and company; "勤務地" (work location) is no company's name, and "9:00 to
    # 18:00" is a working day, not a label "9".
    text = (
        "# サーバーエンジニア / Scope株式会社\n\n## 勤務地\n\n東京都千代田区\n\n"
        "## 勤務時間\n\n9:00 \uff5e 18:00 or 10:00 \uff5e 19:00\n"
    )
    posting = parse_posting(text)
    [role] = posting.roles
    kinds = {s.label: s.kind for s in role.sections}
    assert kinds["勤務地"] is SectionKind.OTHER
    assert "9" not in kinds
    assert posting.company == "Scope"
    assert role.facts[Fact.LOCATION] == "東京都千代田区"


def test_toml_front_matter_is_read_and_an_unclosed_fence_is_no_front_matter():
    assert read_front_matter(["+++", 'title = "FPGA Engineer"', "+++"]).values == {
        "title": "FPGA Engineer"
    }
    assert read_front_matter(["---", "title: x", "text"]).line_count == 0


def test_a_job_board_export_gives_title_company_salary_and_one_role():
    text = (
        "# [Intermediate Backend Engineer, MLOps](https://example.com/apply/123)  \n"
        "### GitLab  \n"
        "#### `💰 USD $98,000~$210,000` `🌎 Remote`  \n"
        "\n"
        "## What you'll do\n"
        "- Build MLOps features in Ruby\n"
        "## CLICK TO [APPLY](https://example.com/apply/123)\n"
    )
    posting = parse_posting(text, file_name="gitlab.md")
    assert posting.company == "GitLab"
    [role] = posting.roles
    assert role.title == "Intermediate Backend Engineer, MLOps"
    assert role.facts[Fact.SALARY] == "USD $98,000~$210,000"
    assert role.facts[Fact.LOCATION] == "Remote"


def test_a_second_heading_repeating_the_title_is_the_same_role():
    text = "# Data Engineer\n## Requirements\n- SQL\n# Data Engineer\n## Nice to have\n- Go\n"
    [role] = parse_posting(text).roles
    assert [s.kind for s in role.sections] == [SectionKind.REQUIREMENTS, SectionKind.PREFERRED]


def test_underlined_headings_are_headings_and_a_recruiting_heading_names_the_title():
    # The shape of a Japanese hiring page in reStructuredText.
    text = (
        "【求人情報】株式会社アカリ\n"
        "==========================\n"
        "\n"
        "WEBバックグラウンドを支えるサーバーエンジニアを募集します\n"
        "----------------------------------------------\n"
        "\n"
        "アカリはデジタルフィールドにおけるユーザーエクスペリエンスをプロデュースする制作会社です。\n"
        "\n"
        "Requirements\n"
        "------------\n"
        "\n"
        "- Linux\n"
        "Some text\n"
        "---\n"
    )
    [role] = parse_posting(text).roles
    assert role.title == "サーバーエンジニア"
    assert SectionKind.REQUIREMENTS in [s.kind for s in role.sections]
    assert [s.label for s in role.sections if s.kind is SectionKind.REQUIREMENTS] == [
        "Requirements"
    ]


@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("What You Bring To The Team", SectionKind.REQUIREMENTS),
        ("What We Need To See", SectionKind.REQUIREMENTS),
        ("Who We Are Looking For:", SectionKind.REQUIREMENTS),  # anadea-deep-learning-…
        ("Who We Are", SectionKind.ABOUT),
        ("Areas of contribution", SectionKind.RESPONSIBILITIES),
        ("About the job", SectionKind.OTHER),
        ("How you'll make an impact:", SectionKind.RESPONSIBILITIES),
        ("Why us?", SectionKind.BENEFITS),
        ("RESPONSIBLITIES:", SectionKind.RESPONSIBILITIES),  # hyperverge-deep-learning-intern
        ("WANT要件", SectionKind.PREFERRED),  # eimee-system-engineer.tsx
        ("募集背景", SectionKind.ABOUT),
        ("教育制度", SectionKind.BENEFITS),  # morisystem-programmer-system-engineer.jsp
        ("手当", SectionKind.BENEFITS),  # altair-system-engineer-programmer.php
        ("휴가 제도", SectionKind.BENEFITS),  # spoqa-full-stack-programmer.html
        ("この職務を通じてあなたが学べる事", SectionKind.BENEFITS),  # heterodb-junior-…
        ("you are likely a good fit if you are:", SectionKind.REQUIREMENTS),  # hyprnote-…
        ("this might not be a good fit if:", SectionKind.OTHER),
        ("In This Role, You\u2019ll Get to", SectionKind.RESPONSIBILITIES),  # agoda-senior-…
        ("求人内容", SectionKind.RESPONSIBILITIES),  # video-cms-server-side-engineer.md
        # Stop 43's postings: pelotech-…, doximity-…, zumba-…, toss-…, bluebeaker-….
        ("You\u2019ll fit right in if:", SectionKind.REQUIREMENTS),
        ("This is probably a great fit if:", SectionKind.REQUIREMENTS),
        ("Who Should Apply?", SectionKind.REQUIREMENTS),
        ("Why Pelotech?", SectionKind.ABOUT),
        ("What you can expect:", SectionKind.RESPONSIBILITIES),
        ("What you can expect from us", SectionKind.BENEFITS),
        ("【주요 협업 툴】", SectionKind.STACK),
    ],
)
def test_headings_worded_their_own_way_are_classified(label, kind):
    role = parse_posting(f"# ML Engineer\n## {label}\n- Python\n").roles[0]
    assert role.sections[0].kind is kind


@pytest.mark.parametrize(
    "label",
    # doximity-senior-data-scientist.md, toss-infraops-engineer.md
    ["Fun facts about the Data Science team:", "## 합류하게 될 팀에 대해 알려드려요"],
)
def test_a_team_introduced_in_prose_is_about_the_company(label):
    role = parse_posting(f"# ML Engineer\n{label}\n\nWe ship models every week.\n").roles[0]
    assert role.sections[0].kind is SectionKind.ABOUT


def test_a_web_page_with_json_ld_is_read_from_its_job_posting():
    posting = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Computer Vision Engineer",
        "hiringOrganization": {"@type": "Organization", "name": "Acme Robotics"},
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "USD",
            "value": {"minValue": 120000, "maxValue": 150000, "unitText": "YEAR"},
        },
        "description": "<h2>Requirements</h2><ul><li>OpenCV and C++</li></ul>",
    }
    page = (
        "<!doctype html><html><head><script type='application/ld+json'>"
        f"{json.dumps(posting)}</script></head><body><nav>Jobs</nav></body></html>"
    )
    parsed = parse_posting(page, file_name="acme.html")
    [role] = parsed.roles
    assert (role.title, parsed.company) == ("Computer Vision Engineer", "Acme Robotics")
    assert role.facts[Fact.SALARY] == "USD 120000 - 150000 per YEAR"
    assert [item.text for item in role.skill_sections[0].items] == ["OpenCV and C++"]


def test_a_saved_page_without_json_ld_is_read_from_its_main_text():
    page = (EVAL / "arm-performance-modelling-intern.html").read_text(encoding="utf-8")
    text = html_to_text(page)
    assert "<" not in text and "Want to advertise" in text  # furniture of <main> stays
    parsed = parse_posting(page, file_name="arm-performance-modelling-intern.html")
    [role] = parsed.roles
    assert role.title == "Intern (Summer) - Performance Modelling"
    assert parsed.company == "ARM"
    kinds = {s.label: (s.kind, s.line) for s in role.sections}
    assert kinds["Desired Skills"] == (SectionKind.PREFERRED, 367)  # the page's own line


def test_a_definition_list_row_is_one_field_on_its_terms_line():
    # arm-performance-modelling-intern.html: a job board's <dl> of the posting's facts.
    page = (
        "<html><body><article><h1>Intern</h1>\n<dl>\n<dt>Location</dt>\n"
        '<dd itemprop="jobLocation">Cambridge</dd>\n<dt>Hours</dt>\n<dd>Internship (summer)</dd>\n'
        "<dt>Salary</dt>\n<dd> </dd>\n</dl>\n</article></body></html>\n"
    )
    # A tab after the colon, as a form lays its fields out: the row says it is a field.
    assert html_to_text(page).splitlines()[2:6] == [
        "Location:\tCambridge",
        "",
        "Hours:\tInternship (summer)",
        "",
    ]
    [role] = parse_posting(page, file_name="arm.html").roles
    assert role.facts[Fact.LOCATION] == "Cambridge"
    fields = [(s.label, s.kind, s.line, [i.text for i in s.items]) for s in role.sections]
    assert fields[:2] == [
        ("Location", SectionKind.OTHER, 3, ["Cambridge"]),
        ("Hours", SectionKind.OTHER, 5, ["Internship (summer)"]),
    ]


def test_a_tables_header_cell_labels_the_cell_beside_it_and_no_other_rows():
    # unnamed-system-engineer-programmer.md: a recruiting page's table, a label a row.
    page = (
        '<table border="1">\n<tbody><tr>\n<th bgcolor="#cccccc">職種</th>\n'
        "<td>システムエンジニア、プログラマー</td>\n</tr>\n<tr>\n"
        "<th>採用予定人数</th>\n<td>若干名\uff0f随時</td>\n</tr>\n</tbody></table>\n"
        # A table with a header row: its cells below are no header cell's values.
        "<table><tr><th>Name</th><th>Team</th></tr>\n<tr><td>Ada</td><td>Compilers</td></tr>"
        "</table>\n"
    )
    lines = [line for line in html_to_text(page).splitlines() if line]
    assert lines == [
        "職種:\tシステムエンジニア、プログラマー",
        "採用予定人数:\t若干名\uff0f随時",
        "Name Team",  # a source line's cells stay on it
        "Ada Compilers",
    ]


def test_a_page_saved_as_markdown_under_front_matter_is_read_as_a_page_on_its_own_lines():
    text = (
        '---\nlayout: jobs\ntitle: "Autonomous Robots System Engineer "\n---\n\n'
        "<section>\n\t<div>\n\t\t<h5>Location</h5>\n\t\t\t<p>UAE</p>\n\t</div>\n"
        "\t<p>\n\t\t<b>Responsibilities</b>\n\t\t<ul>\n\t\t<li>\n"
        "Co-develop existing algorithms\n</li>\n</ul>\n</p>\n</section>\n"
    )
    [role] = parse_posting(text, file_name="amethix.md").roles
    assert role.title == "Autonomous Robots System Engineer"
    assert {s.label: (s.kind, s.line) for s in role.sections} == {
        "Location": (SectionKind.OTHER, 8),
        "Responsibilities": (SectionKind.RESPONSIBILITIES, 12),  # its words' line, not <p>'s
    }
    assert [item.text for item in role.sections[1].items] == ["Co-develop existing algorithms"]


def test_markdown_named_html_is_read_as_markdown():
    text = "---\ntitle: Data Scientist\n---\n\n## Requirements\n\n- Python\n- SQL\n"
    [role] = parse_posting(text, file_name="edtech.html").roles
    assert [item.text for item in role.skill_sections[0].items] == ["Python", "SQL"]


def test_markdown_opening_with_a_centred_logo_is_not_a_page():
    text = '<p align="center"><img src="logo.png"></p>\n\n# ML Engineer\n\n## Requirements\n\n'
    text += "".join(f"- Skill {n}\n" for n in range(10))
    [role] = parse_posting(text, file_name="README.md").roles
    assert len(role.skill_sections[0].items) == 10


@pytest.mark.parametrize(
    ("heading", "company"),
    [
        ("마키나락스는..", "마키나락스"),
        ("アカリについて", "アカリ"),
        ("회사는", ""),
        ("AI Lab은..", ""),
        # The heading of a seed posting: a team's introduction.
        ("AI Lab 소개", ""),
    ],
)
def test_a_korean_or_japanese_heading_introducing_the_company_names_it(heading, company):
    text = f"# Data Scientist\n\n## {heading}\n\n데이터와 지능의 산업계 응용에 집중합니다.\n"
    assert parse_posting(text).company == company


@pytest.mark.parametrize("heading", ["마키나락스는..", "アカリについて"])
def test_a_heading_introducing_the_company_opens_its_introduction(heading):
    text = f"# Data Scientist\n\n## {heading}\n\n데이터와 지능의 산업계 응용에 집중합니다.\n"
    assert parse_posting(text).roles[0].sections[0].kind is SectionKind.ABOUT


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            # A real posting's line, above its list of duties.
            "You will work closely with the team on the computer vision, computer graphics "
            "and robotic control modules including:",
            SectionKind.RESPONSIBILITIES,
        ),
        (
            "You'll need to have hands-on experience in most of the following areas of "
            "machine learning and data engineering:",
            SectionKind.REQUIREMENTS,
        ),
        (
            "Ideally you also bring experience with a few of the following tools and "
            "frameworks that we use every day:",
            SectionKind.PREFERRED,
        ),
    ],
)
def test_a_long_sentence_introducing_a_list_opens_the_section_its_opening_says(sentence, kind):
    text = f"# C++ Software Engineer\n\n{sentence}\n\n* Developing the acquisition system\n"
    [section] = parse_posting(text).roles[0].sections
    assert section.kind is kind
    assert [item.text for item in section.items] == ["Developing the acquisition system"]


def test_a_long_sentence_ending_in_a_colon_that_says_nothing_of_a_list_opens_nothing():
    sentence = "Our team is small and we care a great deal about the craft of the work we do:"
    text = f"# C++ Software Engineer\n\n{sentence}\n\n* Ship often\n"
    assert parse_posting(text).roles[0].sections == []


def test_text_copied_out_of_linkedin_with_empty_bold_opening_its_lines_reads_as_plain():
    posting = parse_posting(
        "****Company:  \n  \n****Qualcomm France S.A.R.L.  \n  \n****Minimum Qualifications:  \n"
        "  \n****\n\n*   Expertise in C, C++, Assembly\n"
    )
    assert posting.company == "Qualcomm France S.A.R.L."
    (_company, qualifications) = posting.roles[0].sections
    assert qualifications.label == "Minimum Qualifications"
    assert qualifications.kind is SectionKind.REQUIREMENTS
    assert [item.text for item in qualifications.items] == ["Expertise in C, C++, Assembly"]


def test_the_employer_a_front_matter_excerpt_states_is_the_company():
    posting = parse_posting(
        '---\nlayout: post\ntitle: "Sr. R&D Engineer / Software Architect - Formal verification"\n'
        'author: Atrenta\nexcerpt: "Atrenta is hiring a senior engineer with good skills around '
        'SAT and SMT. See announce for details."\n---\n## Job Description\n\n'
        "* Responsible for formal verification\n"
    )
    assert posting.company == "Atrenta"


def test_a_place_under_the_title_is_where_the_job_is_not_who_offers_it():
    text = (
        "## Software Engineer - 3D Computer Vision\n### Menlo Park, CA\n\n## Product\nWe build.\n"
    )
    posting = parse_posting(text, file_name="doxel-software-engineer-3d-computer-vision.md")
    assert posting.roles[0].facts[Fact.LOCATION] == "Menlo Park, CA"
    assert posting.company == "Doxel"  # from the file's name, as the text never says it


def test_about_us_names_no_company():
    text = "# Machine Learning Engineer\n\n### About Us\n\nWe make databases learn.\n"
    assert parse_posting(text).company == ""


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        # spoqa-full-stack-programmer.html
        ("풀 스택 프로그래머를 모집합니다.", "풀 스택 프로그래머"),
        # end-point-dev-devops-kubernetes-engineer.md
        ("DevOps & Kubernetes engineer job opening", "DevOps & Kubernetes engineer"),
        ("[Tech] Data Engineer", "Data Engineer"),
        ("Opening Night Engineer", "Opening Night Engineer"),
    ],
)
def test_a_front_matter_title_says_the_job_without_announcing_it(title, cleaned):
    text = f"---\ntitle: {title}\n---\n## Requirements\n- Python\n"
    assert parse_posting(text).roles[0].title == cleaned


def test_a_front_matter_key_is_read_however_its_words_are_joined():
    # smilegate-devops-engineer.md, a notes vault's front matter: "company-name", not
    # "company"; job boards write "companyName" and "job_title".
    for key in ("company-name", "companyName", "company_name"):
        text = f"---\n{key}: 스마일게이트\njob_title: Devops Engineer\n---\n## 자격요건\n- AWS\n"
        posting = parse_posting(text, file_name="note.md")
        assert posting.company == "스마일게이트"
        assert posting.roles[0].title == "Devops Engineer"


def test_a_line_that_is_one_html_heading_or_summary_opens_a_section():
    # riiid-data-engineer.md, saved from Notion: each part folded in <details>.
    text = (
        "# Data Engineer\n\n<details>\n<summary>JD</summary>\n\nWe teach English.\n\n"
        "<h3>Requirements</h3>\n\n- Python\n</details>\n"
    )
    [role] = parse_posting(text).roles
    assert [(s.label, s.kind) for s in role.sections] == [
        ("JD", SectionKind.OTHER),
        ("Requirements", SectionKind.REQUIREMENTS),
    ]


def test_inline_html_in_markdown_is_read_as_its_words():
    # resilire-data-product-engineer-techlead.md: an apply button inside the title heading.
    text = (
        '# Data Product Engineer TechLead <a href="https://herp.careers/apply">'
        '<img src="https://example.com/apply.png" alt="JobApply" width="180" /></a>\n\n'
        "## 必須スキル\n\n- <b>Python</b>での開発経験<br>\n<br>\n- C++ (std::vector<int>)\n"
    )
    [role] = parse_posting(text).roles
    assert role.title == "Data Product Engineer TechLead"
    items = [item.text for item in role.sections[0].items]
    assert items == ["Pythonでの開発経験", "C++ (std::vector<int>)"]  # not a tag of HTML's


def test_the_colon_of_an_address_is_not_a_label():
    # cornell-breeding-insight-lead-software-engineer.md, once its link's tag is read.
    posting = parse_posting(
        "# Lead Software Engineer\n\nBreeding Insight (https://breedinginsight.org/) is hiring a "
        "lead software engineer.\n\n## Requirements\n\n- Java\n"
    )
    assert [s.label for s in posting.roles[0].sections] == ["Requirements"]


def test_a_posting_kept_in_its_front_matter_is_read_from_its_keys():
    # smilegate-devops-engineer.md: a notes vault keeps the whole posting in YAML keys.
    text = (
        "---\nposition: Devops Engineer\nresponsibilities: |-\n  - 클라우드 기반 게임 운영\n"
        "qualifications: |-\n  - AWS, Azure등 클라우드 기반지식\nindustry: 게임\n"
        "baseSalary: Competitive\nbenefits: |-\n  - 자율 출퇴근\nprocess: 서류 > 면접\n"
        "채용절차: 서류 > 면접\n"
        "---\nWe are a game company.\n"
    )
    [role] = parse_posting(text, file_name="smilegate-devops-engineer.md").roles
    sections = [(s.kind, s.line, [i.text for i in s.items]) for s in role.sections]
    # A plain key naming the benefits or the hiring process holds them; "baseSalary" is a
    # fact of the posting, and "process" names no kind of its own.
    assert sections == [
        (SectionKind.RESPONSIBILITIES, 3, ["클라우드 기반 게임 운영"]),
        (SectionKind.REQUIREMENTS, 5, ["AWS, Azure등 클라우드 기반지식"]),
        (SectionKind.BENEFITS, 9, ["자율 출퇴근"]),
        (SectionKind.PROCESS, 12, ["서류 > 면접"]),
    ]
    assert [item.text for item in role.loose] == ["We are a game company."]


def test_front_matter_fields_of_the_posting_are_sections_of_their_own():
    # nanofrontier-software-engineer.mdx: a careers site's front matter over the posting.
    text = (
        '---\ntitle: "ソフトウェアエンジニア"\nlocation: "東京 or 仙台"\n'
        'employmentType: "FULL_TIME"\ndepartment: "Engineering"\ndatePosted: "2024-12-19"\n'
        'priority: "medium"\nlayout: job\n---\n\n## 3. 主要業務内容\n\n- 社内システムの開発\n'
    )
    [role] = parse_posting(text, file_name="nanofrontier-software-engineer.mdx").roles
    assert [(s.label, s.kind, s.line) for s in role.sections] == [
        ("location", SectionKind.OTHER, 3),
        ("employmentType", SectionKind.OTHER, 4),
        ("department", SectionKind.OTHER, 5),
        ("datePosted", SectionKind.OTHER, 6),
        ("3. 主要業務内容", SectionKind.RESPONSIBILITIES, 11),
    ]
    assert role.title == "ソフトウェアエンジニア"


def test_bracketed_parts_of_a_table_cell_are_parts_of_its_rows_section():
    # avance-system-embedded-engineer-se-programmer.php: 業務内容's cell lists its duties
    # under 【アプリケーション】 and 【ファームウェア】, which name no kind of their own.
    page = (
        "<html><body><main><h1>組み込み技術者</h1>\n<table>\n<tr><th>業務内容</th>\n<td>\n"
        "次のような設計・開発に携わっていただきます。<br>\n<br>\n【アプリケーション】<br>\n"
        "Androidドライバ開発<br>\n<br>\n【ファームウェア】<br>\n車載機器のファームウェア開発<br>\n"
        "</td></tr>\n<tr><th>給与</th>\n<td>月給25万円</td></tr>\n</table>\n"
        "<h2>【歓迎要件】</h2>\n<ul><li>Djangoの開発経験</li></ul>\n"
        "<h2>【どんな職場\uff1f】</h2>\n<p>【勤務地】</p>\n<p>東京</p>\n</main></body></html>\n"
    )
    [role] = parse_posting(page, file_name="avance.php").roles
    assert [(s.label, s.kind) for s in role.sections] == [
        ("組み込み技術者", SectionKind.OTHER),
        ("業務内容", SectionKind.RESPONSIBILITIES),
        ("アプリケーション", SectionKind.RESPONSIBILITIES),
        ("ファームウェア", SectionKind.RESPONSIBILITIES),
        ("給与", SectionKind.BENEFITS),  # the row after the cell, not a part of it
        ("【歓迎要件】", SectionKind.PREFERRED),
        ("【どんな職場\uff1f】", SectionKind.OTHER),
        ("勤務地", SectionKind.OTHER),  # under a section that asks for nothing
    ]


def test_a_page_whose_form_wraps_the_posting_is_read_and_a_sign_up_form_is_not():
    # class101-backend-developer-java-spring.jsp: a JSP page, its whole body in a <form>.
    name = "class101-backend-developer-java-spring.jsp"
    page = (EVAL / name).read_text(encoding="utf-8")
    parsed = parse_posting(page, file_name=name)
    assert parsed.company == "클래스101"
    kinds = {s.label: s.kind for s in parsed.roles[0].sections}
    assert kinds["주요업무"] is SectionKind.RESPONSIBILITIES
    sign_up = (
        "<html><body><main><h1>Data Engineer</h1><p>Build pipelines.</p>\n"
        "<form><p>Get new jobs by email</p><input name=email></form></main></body></html>\n"
    )
    assert "email" not in html_to_text(sign_up)


def test_a_korean_board_s_position_details_heading_is_no_company():
    # epinet-java-full-stack-developer.md: "## 포지션 상세" under the title is a section.
    name = "epinet-java-full-stack-developer.md"
    parsed = parse_posting((EVAL / name).read_text(encoding="utf-8"), file_name=name)
    assert parsed.company == "에피넷"


def test_a_posting_naming_its_employer_only_beside_an_address_at_its_domain_is_theirs():
    # The whole file: its title is in @ja/@en markup, its employer named in one line and
    # in the address to apply to; "PG-Strom is …" names the product it works on.
    name = "heterodb-junior-software-engineer-part-time.md"
    posting = parse_posting((EVAL / name).read_text(encoding="utf-8"), file_name=name)
    assert posting.company == "HeteroDB"


def test_an_html_heading_over_lines_is_a_heading_per_language_and_the_blocks_are_no_items():
    # heterodb-junior-software-engineer-part-time.md, abridged: a page in two languages.
    text = (
        "---\nhide_toc: on\n---\n\n"
        '<h1 class="section">\n'
        "@ja:\u30bd\u30d5\u30c8\u30a6\u30a7\u30a2\u30a8\u30f3\u30b8\u30cb\u30a2\n"
        "@en:Junior Software Engineer\n"
        "</h1>\n"
        "<h2>\n@ja:\u8077\u52d9\u5185\u5bb9\n@en:Responsibilities\n</h2>\n"
        "@ja{\n- PG-Strom\u958b\u767a\u652f\u63f4\n}\n"
        "@en{\n- PG-Strom development assistant\n}\n"
    )
    posting = parse_posting(text, file_name="page.md")
    [role] = posting.roles
    assert role.title == "\u30bd\u30d5\u30c8\u30a6\u30a7\u30a2\u30a8\u30f3\u30b8\u30cb\u30a2"
    sections = [(s.line, s.kind) for s in role.sections]
    assert sections[-2:] == [(10, SectionKind.RESPONSIBILITIES), (11, SectionKind.RESPONSIBILITIES)]
    items = [i.text for s in role.sections for i in s.items]
    assert items == ["PG-Strom\u958b\u767a\u652f\u63f4", "PG-Strom development assistant"]


def test_an_unclosed_html_heading_is_left_as_it_is():
    posting = parse_posting("<h2>\nRequirements\n- Python\n", file_name="page.md")
    assert all(s.label != "Requirements" for r in posting.roles for s in r.sections)


def test_a_react_pages_components_read_as_headings_lines_and_layout():
    # eimee-system-engineer.tsx: a hiring page written as JSX.
    text = (
        "# システムエンジニア\n"
        "<DefinitionCard>\n"
        "  <DefinitionBlock>\n"
        "    <DefinitionBlock.Header>開発環境</DefinitionBlock.Header>\n"
        "    <DefinitionBlock.Body>\n"
        "      <StyledLine>\n"
        "        <b>言語</b>: JavaScript(ESNext), TypeScript\n"
        "      </StyledLine>\n"
        "      <StyledLine>PostgreSQL</StyledLine>\n"
        "    </DefinitionBlock.Body>\n"
        "  </DefinitionBlock>\n"
        "</DefinitionCard>\n"
        "<Company Name> is hiring\n"
    )
    [role] = parse_posting(text).roles
    [stack] = [s for s in role.sections if s.label == "開発環境"]
    assert stack.kind is SectionKind.STACK
    assert [item.text for item in stack.items] == [
        "言語: JavaScript(ESNext), TypeScript",
        "PostgreSQL",
        "<Company Name> is hiring",  # no component: a placeholder in a sentence
    ]


def test_a_heading_stating_the_title_is_the_title_whatever_its_words():
    # read-the-docs-frontend-developer.rst: "skills" would head requirements.
    text = (
        "Job Posting: Frontend developer with design skills\n"
        "==================================================\n\n"
        "Requirements\n------------\n\n- CSS\n"
    )
    [role] = parse_posting(text).roles
    assert role.title == "Frontend developer with design skills"
    assert [(s.label, s.kind) for s in role.sections] == [
        ("Requirements", SectionKind.REQUIREMENTS)
    ]
