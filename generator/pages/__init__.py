"""Pages: typed data and text made into the Markdown pages and files under build/docs.

An output page with its front matter (page), rendered from the Jinja templates in
generator/templates with the UI words in generator/strings (render); news pages per language
(news), the sectors, parks, projects and figures each post mentions (matching), catalogue pages
(knowledge), contact cards with vCards and QR codes (contacts), the news index by year
(indexes), the glossary and its tooltips, RSS and JSON feeds, the home page's data, the chart
SVG, and the Traditional tree derived from the Simplified pages (traditional); every page's
text, rendered on every core for a large site (batch). Imports only from core, read and text.
"""
