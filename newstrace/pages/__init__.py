"""A news page as published: page clutter (navigation, captions, share buttons, ...) told apart from
the story (`clutter`), and the story's own spans and sentences (`story`)."""
