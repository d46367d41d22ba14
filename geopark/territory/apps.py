from geopark.core import plugins


class TerritoryConfig(plugins.GeoparkApp):
    name = "geopark.territory"
    label = "territory"

    api_router = "geopark.territory.api:router"
    roles = "geopark.territory.roles:ROLE_PERMISSIONS"
