// Package sodan holds the bundled sources and layouts, embedded in the
// binary so that `sodan init` can start a complete project from the
// binary alone. The build itself reads sources/ and layouts/ from disk.
package sodan

import "embed"

// Bundle holds sources/ and layouts/ as they are in the repository.
//
//go:embed sources layouts
var Bundle embed.FS
