"""Text underneath every skill: typography folding and word tokens (`tokenizer`), word shingles and
overlap measures (`shingling`)."""
