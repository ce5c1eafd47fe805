# Dateline: build, preview, check, test and deploy an investor-relations site.
# In the style of pelican-quickstart's Makefile; `make` alone prints the help.

PYTHON ?= python3
VENV ?= $(CURDIR)/.venv
BIN := $(VENV)/bin
DATELINE := $(BIN)/dateline
PELICAN := $(BIN)/pelican

INPUTDIR := $(CURDIR)/content
OUTPUTDIR := $(CURDIR)/output
CONFFILE := $(CURDIR)/pelicanconf.py
PUBLISHCONF := $(CURDIR)/publishconf.py

PORT ?= 8000
BIND ?= 127.0.0.1
N ?= 500
N_EXTRACT ?= 10000
SEED ?= 1

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	DATELINEOPTS += -D
endif
DRAFTS ?= 0
ifeq ($(DRAFTS), 1)
	SERVEOPTS += --drafts
endif
ifneq ($(NOW),)
	SERVEOPTS += --now $(NOW)
endif
RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	BUILDOPTS += --relative-urls
endif

SSH_HOST ?= localhost
SSH_PORT ?= 22
SSH_USER ?= deploy
SSH_TARGET_DIR ?= /var/www/investors
# A target with a colon is remote (user@host:dir, over ssh); one without is a local folder.
RSYNC_TARGET ?= $(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)
RSYNC_SSH := $(if $(findstring :,$(RSYNC_TARGET)),-e "ssh -p $(SSH_PORT)")
S3_BUCKET ?= my-investor-site
GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_PAGES_COMMIT_MESSAGE ?= Publish site
# A custom domain for GitHub Pages, written as CNAME on each push (else Pages drops it).
GITHUB_PAGES_CNAME ?=
GHP_IMPORT ?= $(BIN)/ghp-import

STAMP := $(VENV)/.dateline-installed
TEST_STAMP := $(VENV)/.dateline-test-installed
BENCH_STAMP := $(VENV)/.dateline-bench-installed

help:
	@echo 'Dateline: static investor-relations site generator'
	@echo ''
	@echo 'Usage:'
	@echo '   make html                 build the site into output/ (creates .venv on first run)'
	@echo '   make serve [PORT=8000]    build, then serve output/ at http://localhost:8000'
	@echo '   make devserver [PORT=8000] rebuild on every change, serve, reload the open tab'
	@echo '                             DRAFTS=1 / NOW=2026-12-03T09:00: preview drafts / embargoes'
	@echo '                             (into output-preview/, under a banner; never output/)'
	@echo '   make regenerate           rebuild on every change, without serving'
	@echo '   make publish              build with publishconf.py for deployment'
	@echo '   make check                validate content and print the extraction report'
	@echo '   make lint                 ruff check on the Python code (make test runs it first)'
	@echo '   make test                 lint, then every test (installs test tools, Chromium if missing)'
	@echo '   make bench                benchmarks, both corpus profiles (BENCH_QUICK=1, BENCH_PROFILES=lean, BENCH_SIZES=1000,10000,50000)'
	@echo '   make bench-search         search benchmark against Pagefind'
	@echo '   make bench-extraction     CPU per release of grant and milestone extraction (10k)'
	@echo '   make demo [N=500]         build a site of N generated releases into demo/output'
	@echo "   make init ARGS='DIR --name ...'  start a new issuer's site (dateline init --help)"
	@echo '   make clean                remove output/ and caches'
	@echo '   make rsync_upload         publish, then rsync to RSYNC_TARGET (user@host:dir or a folder)'
	@echo '   make s3_upload            publish, then upload to S3 (needs the aws CLI)'
	@echo '   make github               publish, then push to gh-pages (GITHUB_PAGES_CNAME=domain)'
	@echo ''
	@echo 'Set DEBUG=1 for debug output, RELATIVE=1 for relative URLs.'

$(STAMP): pyproject.toml setup.py requirements/base.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/base.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

$(TEST_STAMP): $(STAMP) requirements/test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/test.txt
	@touch $@

$(BENCH_STAMP): $(TEST_STAMP) requirements/bench.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements/bench.txt
	@touch $@

venv: $(STAMP)

html: $(STAMP)
	$(DATELINE) $(DATELINEOPTS) build -s $(CONFFILE) -o $(OUTPUTDIR) $(BUILDOPTS)

clean:
	rm -rf $(OUTPUTDIR) $(OUTPUTDIR)-preview $(CURDIR)/.cache $(CURDIR)/demo/content $(CURDIR)/demo/output $(CURDIR)/demo/.cache

regenerate: $(STAMP)
	$(DATELINE) $(DATELINEOPTS) serve --no-server -s $(CONFFILE) -o $(OUTPUTDIR) $(BUILDOPTS)

serve: html
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -p $(PORT) -b $(BIND)

devserver: $(STAMP)
	$(DATELINE) $(DATELINEOPTS) serve -s $(CONFFILE) -o $(OUTPUTDIR) -p $(PORT) -b $(BIND) $(BUILDOPTS) $(SERVEOPTS)

publish: $(STAMP)
	$(DATELINE) $(DATELINEOPTS) build -s $(PUBLISHCONF) -o $(OUTPUTDIR)

check: $(STAMP)
	$(DATELINE) $(DATELINEOPTS) check -s $(CONFFILE)

LINTED := plugins tests bench pelicanconf.py publishconf.py setup.py theme/__init__.py

lint: $(TEST_STAMP)
	$(BIN)/ruff check $(LINTED)

test: lint
	@bash tests/ensure_tools.sh
	$(BIN)/python -m pytest

bench: $(BENCH_STAMP)
	@bash tests/ensure_tools.sh
	$(BIN)/python -m bench.run

bench-extraction: $(STAMP)
	$(BIN)/python -m bench.extraction $(N_EXTRACT)

bench-search: $(BENCH_STAMP)
	@bash tests/ensure_tools.sh
	$(BIN)/python -m bench.search

init: $(STAMP)
	$(DATELINE) init $(ARGS)

demo: $(STAMP)
	rm -rf $(CURDIR)/demo/content
	$(DATELINE) generate --count $(N) --seed $(SEED) --out $(CURDIR)/demo/content
	cd $(CURDIR)/demo && /usr/bin/time -f 'demo build: %e s wall, %M KiB peak' \
		$(DATELINE) $(DATELINEOPTS) build -s $(CURDIR)/demo/democonf.py -o $(CURDIR)/demo/output

rsync_upload: publish
	rsync $(RSYNC_SSH) -P -rvzc --include tags --cvs-exclude --delete "$(OUTPUTDIR)"/ "$(RSYNC_TARGET)"

s3_upload: publish
	aws s3 sync "$(OUTPUTDIR)"/theme/ s3://$(S3_BUCKET)/theme/ --cache-control "public, max-age=31536000, immutable"
	aws s3 sync "$(OUTPUTDIR)"/search/ s3://$(S3_BUCKET)/search/ --delete --exclude manifest.json --cache-control "public, max-age=31536000, immutable"
	aws s3 sync "$(OUTPUTDIR)"/ s3://$(S3_BUCKET) --delete --exclude "search/*" --exclude "theme/*" --cache-control "public, max-age=300"
	aws s3 cp "$(OUTPUTDIR)"/search/manifest.json s3://$(S3_BUCKET)/search/manifest.json --cache-control "public, max-age=300"

github: publish
	@test -x $(GHP_IMPORT) || $(BIN)/python -m pip install --quiet --disable-pip-version-check ghp-import==2.1.0
	$(GHP_IMPORT) -m "$(GITHUB_PAGES_COMMIT_MESSAGE)" -b $(GITHUB_PAGES_BRANCH) $(if $(GITHUB_PAGES_CNAME),--cname="$(GITHUB_PAGES_CNAME)") "$(OUTPUTDIR)" --no-jekyll
	git push origin $(GITHUB_PAGES_BRANCH)

.PHONY: help venv html clean regenerate serve devserver publish check lint test bench bench-search bench-extraction init demo rsync_upload s3_upload github
