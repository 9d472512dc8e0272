//go:build race

package build

// raceEnabled is true when the tests run under the race detector, which
// makes each full build several times slower.
const raceEnabled = true
