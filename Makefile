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

.PHONY: run build test bench lint cross setup setup-test package clean tags

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
PORTABLE := ./focus/... ./advisor/... ./engine/... ./control/... ./settings/... ./home/... ./platform/keys/... ./platform/link/...
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2

# Every test: the portable packages without cgo (they must never need it),
# cross-built for Windows and macOS; then the whole tree with the GUI and
# the race detector, the end-to-end runs under Xvfb included (their app is
# built with -race too).
test: setup-test lint cross
	CGO_ENABLED=0 $(GO) test -count=1 $(PORTABLE)
	PINGWISE_E2E=1 $(GO) test -count=1 -race -tags $(TAGS) -timeout 45m ./...

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt: the files above need formatting'; exit 1; }
	$(GO) vet -tags $(TAGS) ./...
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...

# The portable packages and the command line without the GUI, for Windows
# and macOS, without cgo.
cross:
	for os in windows darwin; do \
		CGO_ENABLED=0 GOOS=$$os $(GO) build $(PORTABLE) ./bench/clionly || exit 1; \
		CGO_ENABLED=0 GOOS=$$os $(GO) test -count=1 -run XXX_build_only $(PORTABLE) >/dev/null || exit 1; \
	done

# A Linux tarball with the desktop entry and icon, by Fyne's own tool, from
# FyneApp.toml. (`pingwise install` registers the call and message links.)
package: setup build
	command -v fyne >/dev/null || $(GO) install fyne.io/tools/cmd/fyne@v1.7.4
	PATH="$$PATH:$$($(GO) env GOPATH)/bin" fyne package -os linux --executable $(BIN)

bench: build
	bench/run

clean:
	rm -rf bin

tags:
	@echo $(TAGS)
