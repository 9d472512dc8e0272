package xlsx

import "sodan/internal/layout/spec"

// treatmentColumn is the ID of the extra ledger column for the chosen risk
// treatment, written after the columns of the sources.
const treatmentColumn = spec.TreatmentColumn
