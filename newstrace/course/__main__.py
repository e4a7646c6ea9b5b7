"""`python -m newstrace.course STEP`: run one course build step."""

import sys

from newstrace.course.build import main

sys.exit(main())
