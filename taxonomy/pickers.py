"""The pickers of the public pages, by the kind of row they pick (``lib.pickers``)."""

from lib.pickers import Picker
from postings.models import Company, Role
from taxonomy.models import ResearchArea, Technology


def _role_label(role: Role) -> str:
    """Titles repeat: the company and the field tell the roles apart."""
    at = f" at {role.company.name}" if role.company else ""
    return f"{role.title}{at}, in {role.area.name}" if role.area else f"{role.title}{at}"


FIELDS = Picker("field", "fields", ResearchArea.objects.all())
COMPANIES = Picker("company", "companies", Company.objects.all())
TECHNOLOGIES = Picker("technology", "technologies", Technology.objects.all())
ROLES = Picker(
    "role",
    "roles",
    Role.objects.select_related("company", "area"),
    name="title",
    describe=_role_label,
)
BY_PLURAL = {picker.plural: picker for picker in (FIELDS, COMPANIES, TECHNOLOGIES, ROLES)}
