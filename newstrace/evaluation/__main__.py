"""`python -m newstrace.evaluation` scores the extractors on the case (see newstrace.evaluation.extraction)."""

from newstrace.evaluation.extraction import main

raise SystemExit(main())
