"""Headless briefing workbooks (openpyxl) whose formulas carry the core's values as caches."""
