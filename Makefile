# Briefing: `make` builds the sample site into public/, `make test` runs the tests,
# `make check-site` checks the built sample and a generated corpus in a real browser
# (Tests/SiteCheck/run.sh; installs Chromium, Java and the Python tools it needs).
# `make install` builds the program and installs it into $(PREFIX)/bin with shell completions;
# `make uninstall` removes them. `make starter` regenerates the files `briefing init` writes.
# All install Debian's libcmark-dev, libyaml-dev and libjemalloc-dev first when they are missing.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Where `make install` puts things; DESTDIR is prepended to every path (for packaging).
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
# The shells to install completions for; empty for none.
COMPLETIONS ?= bash zsh fish
# sudo for installing, only when the nearest existing folder of $(DESTDIR)$(PREFIX) is not writable.
INSTALL_SUDO = $(shell d="$(DESTDIR)$(PREFIX)"; while [ ! -e "$$d" ]; do d=$$(dirname "$$d"); done; [ -w "$$d" ] || echo "$(SUDO)")
# Written for the time of a release build: the commit `briefing --version` names (Sources/BriefingCLI/Version.swift).
COMMIT_FILE := Sources/BriefingCLI/BuildCommit+generated.swift

.PHONY: all site deps release install uninstall starter test check check-site bench templates-reference clean

all: site

deps:
	@{ pkg-config --exists libcmark && pkg-config --exists yaml-0.1 && pkg-config --exists jemalloc; } 2>/dev/null || { \
		echo "installing libcmark-dev, libyaml-dev and libjemalloc-dev (the CommonMark, YAML and allocator libraries)"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libcmark-dev libyaml-dev libjemalloc-dev pkg-config; }

site: release
	.build/release/briefing build --site . --output public

# The release build, with the commit it was built from when this is a git checkout.
release: deps
	@commit=$$(git rev-parse --short=7 HEAD 2>/dev/null) || commit=; \
	if [ -n "$$commit" ]; then \
		git diff --quiet HEAD -- 2>/dev/null || commit="$$commit-dirty"; \
		trap 'rm -f "$(COMMIT_FILE)"' EXIT INT TERM; \
		printf '// Written by make for the time of a build; not committed.\nextension BuildCommit {\n    static var commit: String? { "%s" }\n}\n' "$$commit" > "$(COMMIT_FILE)"; \
	fi; \
	$(SWIFT) build -c release --product briefing

install: release
	$(INSTALL_SUDO) install -d "$(DESTDIR)$(BINDIR)"
	$(INSTALL_SUDO) install -m 755 .build/release/briefing "$(DESTDIR)$(BINDIR)/briefing"
	@for shell in $(COMPLETIONS); do \
		case $$shell in \
			bash) dir="$(DATADIR)/bash-completion/completions"; name=briefing ;; \
			zsh) dir="$(DATADIR)/zsh/site-functions"; name=_briefing ;; \
			fish) dir="$(DATADIR)/fish/vendor_completions.d"; name=briefing.fish ;; \
			*) echo "COMPLETIONS: no completions for '$$shell' (bash, zsh or fish)" >&2; exit 2 ;; \
		esac; \
		.build/release/briefing --generate-completion-script $$shell > .build/completion.$$shell && \
		$(INSTALL_SUDO) install -d "$(DESTDIR)$$dir" && \
		$(INSTALL_SUDO) install -m 644 .build/completion.$$shell "$(DESTDIR)$$dir/$$name" || exit 1; \
		echo "installed $(DESTDIR)$$dir/$$name"; \
	done
	@echo "installed $(DESTDIR)$(BINDIR)/briefing: $$($(DESTDIR)$(BINDIR)/briefing --version)"

uninstall:
	$(INSTALL_SUDO) rm -f "$(DESTDIR)$(BINDIR)/briefing" \
		"$(DESTDIR)$(DATADIR)/bash-completion/completions/briefing" \
		"$(DESTDIR)$(DATADIR)/zsh/site-functions/_briefing" \
		"$(DESTDIR)$(DATADIR)/fish/vendor_completions.d/briefing.fish"

check: deps
	$(SWIFT) build --product briefing
	.build/debug/briefing check --site .

# The files `briefing init` writes, carried in the program: run after changing Templates/ or
# Sources/BriefingCore/Scaffold/Starter/Content/ (a test fails, naming this target, until it is).
starter:
	$(SWIFT) Sources/BriefingCore/Scaffold/Starter/generate.swift

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
