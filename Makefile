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

.PHONY: run build test bench lint setup setup-test package clean tags

run: setup build
	./$(BIN)

build:
	$(GO) build -tags $(TAGS) -o $(BIN) ./cmd/pingwise

setup:
	@scripts/setup

setup-test:
	@scripts/setup test

# Every test: the domain without cgo (it must never need it), then the
# whole tree with the GUI, then the end-to-end runs under Xvfb.
test: setup-test lint
	CGO_ENABLED=0 $(GO) test -count=1 ./focus/... ./advisor/...
	PINGWISE_E2E=1 $(GO) test -count=1 -tags $(TAGS) -timeout 30m ./...

lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo 'gofmt: the files above need formatting'; exit 1; }
	$(GO) vet -tags $(TAGS) ./...

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
