# Two commands on a fresh machine: `make build` and `make test`. Each installs what it needs:
# Debian packages through tools/system-packages, Python packages into .venv, npm packages.
export NO_MKDOCS_2_WARNING := 1
PY      := .venv/bin/python
MKDOCS  := .venv/bin/mkdocs
STAMP   := .venv/.installed
AXE     := node_modules/axe-core/axe.min.js
# The tests write and remove about 60 000 files (800 MB) a run: in memory when the machine has a
# writable /dev/shm (on an ext4 disk mounted with `discard`, creating and removing them cost
# about 20 CPU seconds of the kernel's)
TEST_TMP := $(shell test -d /dev/shm -a -w /dev/shm && echo /dev/shm)

.PHONY: build serve test check status bench clean

build: $(STAMP) $(AXE)
	tools/system-packages pdf
	# Generate build/docs, then publish: one MkDocs process per language, merged and indexed
	# beside site/, then swapped in atomically; a failed or killed build leaves site/ whole (generator/publish/)
	$(PY) -m generator build --publish

# The preview (mkdocs.serve.yml): its own tree (build/preview/), dirty reloads, drafts shown, no search index
serve: $(STAMP)
	tools/system-packages pdf
	$(PY) -m generator build --drafts
	$(MKDOCS) serve -f mkdocs.serve.yml --dirty --livereload --dev-addr 127.0.0.1:8000

check: $(STAMP)
	$(PY) -m generator check

status: $(STAMP)
	$(PY) -m generator status

test: $(STAMP) $(AXE)
	tools/system-packages pdf browser java
	# The tests start the generator and MkDocs a few hundred times: compiled once here, even where
	# PYTHONDONTWRITEBYTECODE keeps Python from saving what it compiles
	$(PY) -m compileall -q generator hooks >/dev/null
	$(PY) -m generator check
	# Four workers on two cores: while one test waits (a browser, a preview, a server), another
	# builds; each worker takes the next test as it finishes one, the longest first (tests/conftest.py)
	TMPDIR=$(or $(TEST_TMP),$(TMPDIR)) $(PY) -m pytest -q -n 4 --dist load --maxschedchunk 1

$(STAMP): pyproject.toml
	tools/system-packages venv
	test -d .venv || python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip==24.3.1
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Performance: N synthetic bilingual items (BENCH_SIZES=100,1000,5000) against Hugo and a plain
# Material + static-i18n peer; results in bench/results/
bench: $(STAMP) $(AXE)
	tools/system-packages pdf browser
	$(PY) -m pip install --quiet -e '.[test,bench]'
	command -v hugo >/dev/null || (apt-get update -qq && apt-get install -y -qq hugo >/dev/null)
	$(PY) -m bench.run

# axe-core (accessibility checks in the browser tests) and the CMS copied into site/admin/
# (decap-cms, decap-server, js-yaml), pinned in package-lock.json
$(AXE): package.json package-lock.json
	tools/system-packages npm
	npm ci --no-audit --no-fund --silent
	touch $(AXE)

clean:
	rm -rf build site .venv node_modules
