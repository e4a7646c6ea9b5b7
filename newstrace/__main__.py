"""Allow `python -m newstrace`."""

import sys

from newstrace.cli import main

sys.exit(main())
