"""One module per command-line subcommand; see newstrace.cli.COMMAND_MODULES."""
