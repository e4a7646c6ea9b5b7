"""Duplicate syndication: aligning two texts (`align`), their shared passages (`passages`) and copy
edits (`edits`), the pairwise comparison (`comparison`), which copy came first (`provenance`), copy
finding in a corpus (`corpus`) and seeded synthetic corpora to test it on (`synthetic`)."""
