"""``python -m banmian ARGS`` is the ``banmian`` command.

It imports :func:`banmian.cli.main` rather than running ``banmian.cli`` as
``__main__`` (``python -m banmian.cli``), which would load the CLI twice,
with two different ``CliError`` classes. :mod:`banmian.server_child` runs a
command through this module when it must die with its parent.
"""

import sys

from banmian.cli import main

if __name__ == "__main__":
    sys.exit(main())
