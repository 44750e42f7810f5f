"""Foundations every stage uses, importing nothing of the generator's beyond this package.

The error type and its problems (errors), where things live in the project and a page's path
per language (paths), the content objects read from a seed (model), slugs, amounts in both
notations (units), reporting periods, the script of a piece of text, YAML front matter that
reads back to the same values, the values read from mkdocs.yml (site_config), and the allow-list
of link schemes and contact-field forms for addresses from inputs (urls); the lock that lets
one build or preview regeneration run at a time (lock).
"""
