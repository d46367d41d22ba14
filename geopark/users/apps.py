from geopark.core import plugins


class UsersConfig(plugins.GeoparkApp):
    name = "geopark.users"
    label = "users"
