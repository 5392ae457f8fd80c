"""digital-deficit: Japan's digital deficit and cash-flow current account.

Values are in oku yen (1 oku = 100 million yen; 10,000 oku = 1 trillion yen) unless stated.
"""

__version__ = "0.1.0"
