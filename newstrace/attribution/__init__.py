"""Who said what: quotations and their speakers (`quotes`, with its word lists in `quote_words`),
credits to other outlets (`outlet_credits`), and how attribution changes between two copies (`diff`)."""
