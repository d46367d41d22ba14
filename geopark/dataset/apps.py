from geopark.core import plugins


class DatasetConfig(plugins.GeoparkApp):
    name = "geopark.dataset"
    label = "dataset"
