"""Which dataset file the data UDFs read on top of the embedded figures (desktop Excel).

The file is named by the ``DIGITAL_DEFICIT_DATA`` environment variable, else by a
``"DIGITAL_DEFICIT_DATA","path"`` line in the user's xlwings.conf.
"""

from __future__ import annotations

import codecs
import locale
import os
import re
from pathlib import Path

from digital_deficit.udfs.args import UdfError

DATA_KEY = "DIGITAL_DEFICIT_DATA"
_CONF_LINE = re.compile(r'^\s*"([^"]*)"\s*,\s*"([^"]*)"')


def xlwings_conf_path() -> Path:
    """The user's xlwings.conf (~/.xlwings on Windows/Linux, Excel's container on macOS)."""
    import xlwings

    return Path(xlwings.USER_CONFIG_FILE)


def configured_data_file() -> str | None:
    """The dataset file named by the environment variable, else by xlwings.conf, else None."""
    named = os.environ.get(DATA_KEY, "").strip()
    if named:
        return named
    conf = xlwings_conf_path()
    for line in read_conf_text(conf).splitlines():
        match = _CONF_LINE.match(line)
        if match and match.group(1).strip().upper() == DATA_KEY and match.group(2).strip():
            return os.path.expandvars(match.group(2).strip())
    return None


def read_conf_text(conf: Path) -> str:
    """The text of xlwings.conf ("" if there is none); an unreadable file raises UdfError.

    The xlwings ribbon writes the file with VBA ``Write #``, i.e. in the Windows code page
    (cp932 on Japanese Windows); a text editor may save UTF-8 with or without a BOM.
    """
    try:
        raw = conf.read_bytes()
    except FileNotFoundError:
        return ""
    except OSError as exc:
        raise UdfError(f"cannot read {conf}: {exc.strerror or exc}") from None
    for encoding in _conf_encodings():
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UdfError(
        f"cannot read {conf}: it is neither UTF-8 nor {_conf_encodings()[-1]} text; "
        "save it again from the xlwings ribbon or as UTF-8"
    )


def _conf_encodings() -> list[str]:
    """UTF-8 (a BOM is dropped), then the Windows code page, then cp932 (Japanese Windows)."""
    system = locale.getpreferredencoding(False)
    encodings = ["utf-8-sig", system, "cp932"]
    names = [codecs.lookup(e).name.removesuffix("-sig") for e in encodings]
    return [e for i, e in enumerate(encodings) if names[i] not in names[:i]]
