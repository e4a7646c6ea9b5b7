"""Every newstrace plot. Each function returns a Chart: a matplotlib figure with its alt text.

The look (colour-blind-safe palette, fonts, sizes) is set in one place, newstrace.plots.style.
"""

from newstrace.plots.style import PALETTE, Chart, colour, hatch, new_figure

__all__ = ["PALETTE", "Chart", "colour", "hatch", "new_figure"]

from newstrace.plots.case import paragraph_lengths, removed_lines, text_sizes  # noqa: E402

__all__ += ["paragraph_lengths", "removed_lines", "text_sizes"]

from newstrace.plots.thresholds import threshold_strip  # noqa: E402

__all__ += ["threshold_strip"]

from newstrace.plots.attribution import source_mix, words_quoted  # noqa: E402

__all__ += ["source_mix", "words_quoted"]

from newstrace.plots.syndication import alignment_map, similarity_matrix  # noqa: E402

__all__ += ["alignment_map", "similarity_matrix"]
