"""Every newstrace plot. Each function returns a Chart: a matplotlib figure with its alt text.

The look (colour-blind-safe palette, fonts, sizes) is set in one place, newstrace.plots.style.
"""

from newstrace.plots.style import PALETTE, Chart, colour, hatch, new_figure

__all__ = ["PALETTE", "Chart", "colour", "hatch", "new_figure"]
