"""Who said what: quotations and their speakers (`quotes`, a package with one module per step: marks,
pairs, attributions, speakers, kinds, and the word lists they read), credits to other outlets
(`outlet_credits`), and how attribution changes between two copies (`diff`)."""
