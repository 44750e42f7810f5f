"""Publishing: the MkDocs build of build/docs into site/, one process per language.

mkdocs-static-i18n builds the languages one after another in one process. Here each
language is its own process (the plugin's `build_only_locale`), forked from this one once
MkDocs and its plugins are loaded (forked.py) and run side by side, no more at once than
there are cores, the language with most Markdown first (build.py); a
hook (hooks/language_build.py) puts each language where the one-process build puts it
and gives its pages the other languages' alternates (languages.py); each language's Pagefind
bundle is made as soon as that language is built (search.py); then the parts are merged and
the sitemap of every language written (build.py), and the result swapped with site/ in one
atomic step only if everything succeeded.
"""
