"""The Bank of Japan Time-Series Data Search API: transport, parsing, models, code resolution."""

CREDIT_LINE = (
    "This product uses the API function of the Bank of Japan Time-Series Data Search site; "
    "its content is not guaranteed by the Bank of Japan."
)
"""The credit line the BoJ requires of a product that uses its API (carried with the data)."""
