"""Turns the raw blog posts in seeds/ into the Markdown pages of the portal.

Stages, one module each: seed_reader (text -> Post), news (Post -> pages),
indexes (pages -> listing pages), writer (pages -> build/docs, atomically).
pipeline.py wires them together; cli.py is the command line.
"""
