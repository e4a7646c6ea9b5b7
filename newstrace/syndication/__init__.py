"""Duplicate syndication: paragraphs as matching keys (`paragraph_keys`), which original paragraphs
each copy paragraph draws on (`paragraph_links`) and the alignment table (`align`); shared passages
(`passages`), copy edits (`edits`, with the house-style families of `house_style`, placed by
paragraph in `paragraph_edits`) and the words a copy derives (`derived_words`); the pairwise
comparison (`comparison`, with `derivation_score`, `evidence` and the order hint of `order`), which
copy came first (`provenance`), copy finding in a corpus (`corpus`) and seeded synthetic corpora to
test it on (`synthetic`, written by `synthetic_articles` and mutated by `synthetic_mutations`)."""
