"""Import saved job postings into companies, roles, skill sets and skills; delete them again."""

from postings.importing.plan import Overrides, PostingPlan, plan_posting, posting_checksum
from postings.importing.service import (
    MAX_BYTES,
    DeletionReport,
    PostingReport,
    delete_posting,
    import_posting,
)

__all__ = [
    "MAX_BYTES",
    "DeletionReport",
    "Overrides",
    "PostingPlan",
    "PostingReport",
    "delete_posting",
    "import_posting",
    "plan_posting",
    "posting_checksum",
]
