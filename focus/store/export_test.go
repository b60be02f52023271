package store

// Migrations exposes the schema's migrations to tests that build a database
// as an older release left it.
func Migrations() []string { return migrations }

// SetBulkLines sets how many new lines make a merge a bulk one, until the
// test ends.
func SetBulkLines(t interface{ Cleanup(func()) }, n int64) {
	was := bulkLines
	bulkLines = n
	t.Cleanup(func() { bulkLines = was })
}
