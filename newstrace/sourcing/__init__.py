"""Who the story relies on: its sources, each with a type from a documented vocabulary.

`finder` holds `sources` (nt.sources); it is built from `vocabulary` and `patterns` (attribution phrases),
`names`, `mentions`, `coreference` (one source per person), `source_types` and `conditions`.
"""
