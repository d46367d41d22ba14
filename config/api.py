"""The public API, version 1. Each app contributes a ninja Router."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError

from geopark.heritage.api import router as sites_router
from geopark.museum.api import router as collection_router
from geopark.plans.api import router as plans_router  # plans: temporary wiring
from geopark.routes.api import router as routes_router
from geopark.search.api import router as search_router
from geopark.territory.api import router as geopark_router
from geopark.tourism.api import router as tourism_router

api = NinjaAPI(
    title="Geopark Platform API",
    version="1.0",
    description="Open data of the geopark: sites, routes and search, in Vietnamese, English and Chinese.",
    urls_namespace="api-v1",
    docs_url="/docs",
    # Swagger UI from django-ninja's own static files ("ninja" in INSTALLED_APPS), not a CDN, which
    # the CSP would block; no call to the online validator either.
    docs=Swagger(settings={"validatorUrl": None}),
    openapi_url="/openapi.json",
)
api.add_router("", sites_router)
api.add_router("", routes_router)
api.add_router("", search_router)
api.add_router("", collection_router)
api.add_router("", geopark_router)
api.add_router("", tourism_router)
api.add_router("", plans_router)  # plans: temporary wiring


@api.exception_handler(ValidationError)
def validation_errors(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """422 with each problem spelled out: where it is and what was wrong."""
    problems = [
        {"where": ".".join(str(p) for p in err.get("loc", [])), "problem": err.get("msg", "invalid value")}
        for err in exc.errors
    ]
    summary = "; ".join(f"{p['where']}: {p['problem']}" for p in problems)
    return api.create_response(
        request, {"detail": f"Invalid request ({summary}).", "errors": problems}, status=422
    )
