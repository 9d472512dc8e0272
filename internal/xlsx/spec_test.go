package xlsx

import (
	"bytes"
	"os"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestWorkbookYAML decodes the bundled layouts/workbook.yaml the way the
// build package does and checks it passes and agrees with DefaultSpec.
func TestWorkbookYAML(t *testing.T) {
	data, err := os.ReadFile("../../layouts/workbook.yaml")
	if err != nil {
		t.Fatal(err)
	}
	spec := DefaultSpec()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&spec); err != nil {
		t.Fatal(err)
	}
	if err := spec.Check(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(spec, DefaultSpec()) {
		t.Errorf("layouts/workbook.yaml and DefaultSpec differ:\n%+v\n%+v", spec, DefaultSpec())
	}
	if spec.Font != "BIZ UDPゴシック" || spec.LedgerRows < 100 {
		t.Errorf("font %q, %d ledger rows", spec.Font, spec.LedgerRows)
	}
}

func TestSpecCheck(t *testing.T) {
	if err := DefaultSpec().Check(); err != nil {
		t.Fatalf("DefaultSpec: %v", err)
	}
	s := DefaultSpec()
	s.LedgerRows = 99
	s.Font = ""
	s.FontSize = 40
	s.HeaderFill = "D9E1F2"
	s.Bands = append(s.Bands, BandStyle{Fill: "#12345", Font: "#000000"})
	s.Margins.Left = -1
	s.Widths = map[string]float64{"asset": 200, "nosuch": 10}
	err := s.Check()
	if err == nil {
		t.Fatal("a broken spec passed Check")
	}
	for _, key := range []string{"ledger_rows:", "font:", "font_size:", "header_fill:", "bands[3].fill:", "margins_mm.left:", "widths.asset:", "widths.nosuch:"} {
		if !strings.Contains(err.Error(), key) {
			t.Errorf("Check does not report %s\n%v", key, err)
		}
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 8 {
		t.Errorf("Check reported %d problems, want 8:\n%v", n, err)
	}
}
