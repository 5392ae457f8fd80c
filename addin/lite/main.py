"""xlwings Lite: the digital-deficit Excel functions.

Paste this file into the xlwings Lite editor as main.py, replacing its content, and add the
line of addin/lite/requirements.txt to requirements.txt (see addin/README.md). Every function is
imported from the installed digital-deficit package (nothing is copied here), so Lite shows
exactly the catalogue of desktop Excel: DD_VALUE, DD_SERIES, ... Under Lite the data functions
read the figures embedded in the package, and a table of your own through their data argument.
"""

from digital_deficit.udfs import *  # noqa: F403  (the whole catalogue: udfs.__all__)
from digital_deficit.udfs import __all__ as __all__
