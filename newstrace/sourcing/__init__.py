"""Who the story relies on: its sources, each with a type from a documented vocabulary (`finder`)."""
