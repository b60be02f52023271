# Pingwise. `make run` and `make test` install what is missing first.
GO      ?= go
# Every build of the app uses these (bench scripts and e2e ask `make tags`):
# migrated_fynedo, for Fyne's threading model; no_emoji, because Fyne
# otherwise parses its 4 MB colour emoji font once per text style, which
# was a tenth of the tray app's memory. Emoji still show through the
# system's own emoji font where one is installed.
TAGS    := migrated_fynedo,no_emoji
BIN     := bin/pingwise
export GOTOOLCHAIN ?= auto

.PHONY: run build test bench lint cross setup setup-test package clean tags man deb rpm dist/pingwise windows

run: setup build
	./$(BIN)

build:
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/pingwise

setup:
	@scripts/setup

setup-test:
	@scripts/setup test

# What must build and test without cgo, on every system Pingwise aims at:
# the domain, the engine, and the command line without the GUI.
PORTABLE := ./focus/... ./advisor/... ./engine/... ./control/... ./settings/... ./home/... ./journal/... ./calendar/... \
	./platform/keys/... ./platform/link/...
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

# Every test: the portable packages without cgo (they must never need it),
# cross-built for Windows and macOS; then the whole tree with the GUI and
# the race detector, the end-to-end runs under Xvfb included (and, where no
# tray host runs, their app built with -race too).
# The Windows build comes first: e2e/wine runs it under Wine.
test: setup-test lint cross windows
	CGO_ENABLED=0 $(GO) test -count=1 $(PORTABLE)
	PINGWISE_E2E=1 $(GO) test -count=1 -race -tags $(TAGS) -timeout 45m ./...
	# The app itself built with -race, where no tray host calls into
	# fyne.io/systray, whose GetLayout races with its menu refresh upstream
	# (fyne issue 4697): the fallback window, quiet focus with dunst.
	PINGWISE_E2E=1 PINGWISE_E2E_RACE_APP=1 $(GO) test -count=1 -race -tags $(TAGS) -run 'TestFallbackWindow|TestQuietFocusWithDunst' ./e2e/

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt: the files above need formatting'; exit 1; }
	$(GO) vet -tags $(TAGS) ./...
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...

# The portable packages and the command line without the GUI, for Windows
# and macOS, without cgo.
cross:
	# vet compiles the tests too, without running them.
	for os in windows darwin; do \
		CGO_ENABLED=0 GOOS=$$os $(GO) build $(PORTABLE) ./cli/... ./bench/clionly || exit 1; \
		CGO_ENABLED=0 GOOS=$$os $(GO) vet $(PORTABLE) ./cli/... || exit 1; \
	done
	CGO_ENABLED=0 GOOS=windows $(GO) build ./platform/windows/...

# A Linux tarball with the desktop entry and icon, by Fyne's own tool, from
# FyneApp.toml. (`pingwise install` registers the call and message links.)
package: setup build
	command -v fyne >/dev/null || $(GO) install fyne.io/tools/cmd/fyne@v1.7.4
	PATH="$$PATH:$$($(GO) env GOPATH)/bin" fyne package -os linux --executable $(BIN)

# The packages (make deb, make rpm): a release build that says its version
# (the tag, or the commit and its date; never "dev"), the manual page,
# completions, icons, desktop entry and metainfo (tools/distfiles), and
# nfpm at a pinned version (packaging/nfpm.yaml).
NFPM        := github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.45.2
DESCRIBE    := $(shell git describe --tags --always --dirty 2>/dev/null)
VERSION     ?= $(shell git describe --tags --exact-match --match 'v[0-9]*' 2>/dev/null || echo "commit $$(git describe --always --dirty --abbrev=12), $$(git log -1 --format=%cd --date=format:%Y-%m-%d)")
PKG_ARCH    ?= $(shell $(GO) env GOARCH)
DIST        ?= dist

dist/pingwise:
	$(GO) build -buildvcs=true -tags $(TAGS) -ldflags "-s -w -X 'github.com/pingwise/pingwise/cli.Version=$(VERSION)'" -o $(DIST)/pingwise ./cmd/pingwise

man:
	$(GO) run ./tools/distfiles -out $(DIST)/share -version "$(VERSION)"
	@echo 'read it with: man -l $(DIST)/share/man/man1/pingwise.1.gz'

deb rpm: dist/pingwise man
	PINGWISE_PKG_VERSION=$$($(GO) run ./tools/distfiles -pkg-version "$(DESCRIBE)") PINGWISE_ARCH=$(PKG_ARCH) PINGWISE_DIST=$(DIST) \
		$(GO) run $(NFPM) package --config packaging/nfpm.yaml --packager $@ --target $(DIST)/

# Windows, cross-built with mingw-w64 (cgo for Fyne; run it under
# flock /tmp/pingwise-cgo.lock on a shared machine). Two programs from one
# source: pingwise.exe is a console program, so commands print in cmd.exe
# and PowerShell and scripts get their exit codes; pingwisew.exe is the same
# program linked for the GUI subsystem, which start at login and link
# clicks run, so no console window opens for them (as python/pythonw).
WINDIR := dist/windows
WINENV := CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 GOOS=windows GOARCH=amd64
windows:
	@command -v x86_64-w64-mingw32-gcc >/dev/null || { echo 'make windows needs mingw-w64: apt-get install gcc-mingw-w64-x86-64'; exit 1; }
	@command -v zip >/dev/null || { echo 'make windows needs zip: apt-get install zip'; exit 1; }
	mkdir -p $(WINDIR)
	$(WINENV) $(GO) build -tags $(TAGS) -ldflags='-s -w' -o $(WINDIR)/pingwise.exe ./cmd/pingwise
	$(WINENV) $(GO) build -tags $(TAGS) -ldflags='-s -w -H=windowsgui' -o $(WINDIR)/pingwisew.exe ./cmd/pingwise
	cp assets/icon.png $(WINDIR)/pingwise.png
	sed 's/$$/\r/' docs/README-windows.txt > $(WINDIR)/README-windows.txt
	rm -f dist/pingwise-windows-amd64.zip
	cd $(WINDIR) && zip -q -X ../pingwise-windows-amd64.zip pingwise.exe pingwisew.exe pingwise.png README-windows.txt

bench: build
	bench/run

# The advisor's word model, retrained from advisor/testdata (deterministic:
# the same data gives the same bytes), and its cross-validation.
.PHONY: advisor-model
advisor-model:
	cd advisor && $(GO) generate ./ && $(GO) run ./internal/modelgen -report

clean:
	rm -rf bin dist

tags:
	@echo $(TAGS)
