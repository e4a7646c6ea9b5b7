"""The Try it exercises of the lessons, in the order the assignments grade the same skills.

Every check computes the right answer from the texts (never a typed-in number), accepts any value
equal to it however it was computed, and names the usual mistakes with what to try instead.

| lessons | skills | graded again in |
|---|---|---|
| 1 | pick a cell of a table, count rows, divide columns | (all assignments) |
| 2 | filter rows, `value_counts`, de-duplicate in order, a share of rows, columns and a fresh index | sourcing A and B |
| 3 | a regular expression for quotes, one with a group for the speaker, a loop that checks quotes | attribution A, B and C |
| 4 | shingles as a set, Jaccard against containment, paragraphs a copy lacks, `difflib` opcodes | syndication A to D |
| 5 | counting pairs, recall by kind, precision | (lesson 5 only) |
| 6 | the paragraphs that name a source, an evidence-log row, filtering the log | (lateral reading) |
"""

# Lessons 1-2, then 3, then 4-5: the order the exercises register in.
import newstrace.practice.sourcing_tries as sourcing_tries
import newstrace.practice.attribution_tries as attribution_tries
import newstrace.practice.syndication_tries as syndication_tries

MODULES = (sourcing_tries, attribution_tries, syndication_tries)
"""The modules whose import registers the exercises, in lesson order."""
