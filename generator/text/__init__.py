"""Text: the wording of what was read, before it goes on a page.

Known errors of the seeds' English corrected (corrections, data/corrections.yml), Chinese
for mainland readers in Simplified characters and mainland wording (chinese,
data/zh_phrases.yml) and its lint over the built site (zh_lint), seed text as Markdown data
and dates per language (textfmt), and links between generated pages per language (links).
Imports only from core and read.
"""
