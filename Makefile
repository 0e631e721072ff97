# Briefing: `make` builds the sample site into public/, `make test` runs the tests,
# `make check-site` checks the built sample and a generated corpus in a real browser
# (Tests/SiteCheck/run.sh; installs Chromium, Java and the Python tools it needs).
# All install Debian's libcmark-dev, libyaml-dev and libjemalloc-dev first when they are missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all site deps starter test check check-site bench clean

all: site

deps:
	@{ pkg-config --exists libcmark && pkg-config --exists yaml-0.1 && pkg-config --exists jemalloc; } 2>/dev/null || { \
		echo "installing libcmark-dev, libyaml-dev and libjemalloc-dev (the CommonMark, YAML and allocator libraries)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-dev libyaml-dev libjemalloc-dev pkg-config; }

site: deps
	$(SWIFT) build -c release --product briefing
	.build/release/briefing build --site . --output public

check: deps
	$(SWIFT) build --product briefing
	.build/debug/briefing check --site .

# The files `briefing init` writes, carried in the program: run after changing Templates/ or
# Starter/Content/ (a test fails, naming this target, until it is).
starter:
	$(SWIFT) Starter/generate.swift

test: deps
	$(SWIFT) build --product briefing
	$(SWIFT) test

check-site: deps
	bash Tests/SiteCheck/run.sh

bench: deps
	bash Tests/Bench/run.sh

clean:
	rm -rf .build public
