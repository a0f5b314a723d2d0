"""The segmentation's committed model files and their versions, readable without importing the segmenter.

A model's version is the first 12 hex digits of its file's sha256; the string of all three is
recorded with every run (``runs.models``). The flow's process names the models this way with
workers, where it never segments: importing the segmenter to hash three files would cost a no-op
run about a second (issue 19). ``segment.logistic.load_model`` versions a model it loads with the
same ``model_version``.
"""

from __future__ import annotations

import hashlib
from importlib.util import find_spec
from pathlib import Path
from typing import Final

#: The package the model files are data of.
MODELS_PACKAGE: Final = "banmian.tasks.text.segment"
#: Each model's name and file, in the order ``models_version`` names them.
MODEL_FILES: Final = {"boundary": "boundary_model.json", "join": "join_model.json",
                      "confidence": "confidence_model.json"}


def model_version(raw: bytes) -> str:
    """A model file's version: the first 12 hex digits of its sha256.

    >>> model_version(b"{}")
    '44136fa355b3'
    """
    return hashlib.sha256(raw).hexdigest()[:12]


def models_folder() -> Path:
    """The folder of ``MODELS_PACKAGE``, found without importing it (``find_spec`` imports its parents only)."""
    spec = find_spec(MODELS_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(MODELS_PACKAGE)
    return Path(next(iter(spec.submodule_search_locations)))


def models_version() -> str:
    """Which learned models segment pages: ``boundary:<version> join:<version> confidence:<version>``.

    Two runs that print the same string segment the same text the same way, so a change in the
    warehouse's articles can be traced to a retrained model (``make model``) or to a code change.

    >>> models_version().split(" ")[0].startswith("boundary:")
    True
    """
    folder = models_folder()
    return " ".join(f"{name}:{model_version((folder / file).read_bytes())}" for name, file in MODEL_FILES.items())
