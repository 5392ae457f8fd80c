"""xlwings Lite: the digital-deficit Excel functions.

Paste this file into the xlwings Lite editor as main.py and addin/lite/requirements.txt into
requirements.txt. Every function is imported from the installed digital-deficit package (nothing
is copied here), so Lite shows exactly the catalogue of desktop Excel: DD_VALUE, DD_SERIES, ...
Under Lite the data functions read the figures embedded in the package.
"""

from digital_deficit.udfs import (
    dd_ca_residual,
    dd_cagr,
    dd_cf_current_account,
    dd_component_share,
    dd_current_account,
    dd_definitions,
    dd_digital_balance,
    dd_digital_payments,
    dd_digital_receipts,
    dd_fx_impact,
    dd_growth_multiple,
    dd_items,
    dd_oil_ratio,
    dd_project,
    dd_series,
    dd_share_of_services_deficit,
    dd_source,
    dd_tourism_coverage,
    dd_value,
    dd_yoy,
)

__all__ = [
    "dd_ca_residual",
    "dd_cagr",
    "dd_cf_current_account",
    "dd_component_share",
    "dd_current_account",
    "dd_definitions",
    "dd_digital_balance",
    "dd_digital_payments",
    "dd_digital_receipts",
    "dd_fx_impact",
    "dd_growth_multiple",
    "dd_items",
    "dd_oil_ratio",
    "dd_project",
    "dd_series",
    "dd_share_of_services_deficit",
    "dd_source",
    "dd_tourism_coverage",
    "dd_value",
    "dd_yoy",
]
