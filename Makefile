# make check runs what CI runs, minus the package installation: with
# CI=true a missing external program fails its test instead of skipping it.
.PHONY: check build test
export CI = true
build:
	go run ./cmd/sodan build
test:
	go test ./...
check:
	test -z "$$(gofmt -l $$(git ls-files '*.go'))"
	go vet ./...
	staticcheck ./...
	go test -race ./...
	go test ./internal/xlsx ./internal/build ./internal/render/pdf ./cmd/sodan -long
