"""Importers of official data files: BoJ API JSON/CSV, BoJ wide CSV, MOF CSV, IMF SDMX."""
