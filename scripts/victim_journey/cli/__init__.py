"""The `victim-journey` command: a parser and one module per command."""
