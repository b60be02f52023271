package store

// Migrations exposes the schema's migrations to tests that build a database
// as an older release left it.
func Migrations() []string { return migrations }
