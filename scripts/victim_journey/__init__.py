"""victim-journey: build a guidance site about a crime victim's route through the
criminal justice system of England and Wales from YAML content."""

__version__ = "0.1.0"
