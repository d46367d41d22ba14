"""The model-village roles (GeoparkApp.roles, created by `ensure_roles`).

- Commune officers (the plans' role, scoped by AgencyMembership → Agency.commune): fill in and submit
  the self-assessment of their own commune's candidates.
- Model village reviewers (the board): edit the criteria sets, criteria and candidates, review and
  score the submitted self-assessments, see the ranking and each candidate's scores over the years,
  and publish a year's results. A role of its own, because scoring communes is not running the plan.
"""

from django.utils.translation import gettext_noop

from geopark.core.roles import COMMUNE_OFFICERS

VILLAGE_REVIEWERS = gettext_noop("Model village reviewers")

ADMIN = ("wagtailadmin", "access_admin")

ROLE_PERMISSIONS: dict[str, set[tuple[str, str]]] = {
    VILLAGE_REVIEWERS: {
        ADMIN,
        ("villages", "review_assessment"),
        *(
            ("villages", f"{action}_{model}")
            for action in ("add", "change", "delete", "view")
            for model in ("criteriaset", "criterion", "candidate")
        ),
    },
    COMMUNE_OFFICERS: {ADMIN, ("villages", "add_assessment")},
}
