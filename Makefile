# Briefing: `make` builds the sample site into public/, `make test` runs the tests,
# `make check-site` checks the built sample and a generated corpus in a real browser
# (Tests/SiteCheck/run.sh; installs Chromium, Java and the Python tools it needs).
# All install Debian's libcmark-dev, libyaml-dev and libjemalloc-dev first when they are missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all site deps test check check-site bench templates-reference clean

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

test: deps
	$(SWIFT) build --product briefing
	$(SWIFT) test
	@# As root, the tests of unreadable files are skipped (root reads anything): run them as nobody.
	@# (Only where nobody can read this folder: a clone under /root is closed to other users.)
	@if [ "$$(id -u)" = 0 ] && command -v runuser >/dev/null && id nobody >/dev/null 2>&1 \
		&& runuser -u nobody -- test -r Templates/layout.mustache -a -x .build/debug/BriefingPackageTests.xctest; then \
		echo "unreadable-file tests as the unprivileged user nobody:"; \
		out=$$(runuser -u nobody -- env HOME=/tmp NO_COLOR=1 .build/debug/BriefingPackageTests.xctest \
			--testing-library swift-testing --filter 'unreadable' 2>&1); status=$$?; \
		printf '%s\n' "$$out" | grep -v '↳' | tail -3; exit $$status; fi

check-site: deps
	bash Tests/SiteCheck/run.sh

# Rewrites the reference in Templates/README.md from the views (Sources/BriefingCore/Render/Views/).
templates-reference: deps
	BRIEFING_UPDATE_REFERENCE=1 $(SWIFT) test --filter TemplateReferenceTests/theReadmeCarriesTheReferenceOfTheViews

bench: deps
	bash Tests/Bench/run.sh

clean:
	rm -rf .build public
