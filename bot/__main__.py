"""``python -m bot`` is the ``carecircle`` command."""

import sys

from bot.cli import main

sys.exit(main())
