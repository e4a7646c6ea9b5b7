"""Scoring the analysis against gold files and development corpora: quotes, speakers, kinds and
source types on the case (`extraction`, run with `python -m newstrace.evaluation`), source matching
(`sources`), and derived-versus-independent separation (`derivation`)."""
