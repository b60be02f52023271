package store

import "hash/maphash"

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

// Settle waits for the work db left in the background.
func Settle(db *DB) { db.bg.Wait() }

// ConnPragma reads a one-value PRAGMA on db's own connection.
func ConnPragma(db *DB, name string) (string, error) {
	var v string
	err := db.db.QueryRow("PRAGMA " + name).Scan(&v)
	return v, err
}

// SetIDHash sets how a bulk merge hashes ids, until the test ends.
func SetIDHash(t interface{ Cleanup(func()) }, h func(maphash.Seed, string) uint64) {
	was := idHash
	idHash = h
	t.Cleanup(func() { idHash = was })
}
