from geopark.core import plugins


class TerritoryConfig(plugins.GeoparkApp):
    name = "geopark.territory"
    label = "territory"
    dataset_steps = ("geopark.territory.dataset:load",)

    api_router = "geopark.territory.api:router"
    roles = "geopark.territory.roles:ROLE_PERMISSIONS"
