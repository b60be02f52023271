package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
)

// inserter puts a load's rows in on a goroutine of its own, through the
// driver, while the merge's goroutine takes in the next ones: on a first
// merge the two took about as long as each other, and a machine has two
// cores or more. The rows go in in the merge's transaction, on its
// connection: database/sql's lock keeps the two goroutines' statements
// from running at once, and the transaction commits only after wait.
type inserter struct {
	conn    *sql.Conn
	batches chan insertBatch
	free    chan []any // argument slices given back, for the next batches
	done    chan error
	waited  bool
	err     error
	// The driver's statement inserting loadRows rows into each table,
	// prepared on first use, and the arguments as the driver takes them:
	// through database/sql, converting and checking each of millions of
	// arguments was a sixth of a first merge.
	stmts [len(loadTables)]driver.Stmt
	named []driver.NamedValue
}

type insertBatch struct {
	k    int   // the table, in loadTables
	args []any // the rows' arguments: values the driver takes as they are (see interruptionArgs)
}

// startInserter starts an inserter on conn.
func startInserter(conn *sql.Conn) *inserter {
	ins := &inserter{conn: conn, batches: make(chan insertBatch, 16), free: make(chan []any, 20), done: make(chan error, 1)}
	go ins.run()
	return ins
}

// send hands args, the arguments of whole rows of table k, to the
// inserter, and returns an empty slice for the next ones.
func (ins *inserter) send(k int, args []any) []any {
	ins.batches <- insertBatch{k, args}
	select {
	case next := <-ins.free:
		return next
	default:
		return make([]any, 0, cap(args))
	}
}

// wait returns once the rows sent are in, with the first error. After an
// error the rows that follow are dropped: the merge fails.
func (ins *inserter) wait() error {
	if !ins.waited {
		close(ins.batches)
		ins.err, ins.waited = <-ins.done, true
	}
	return ins.err
}

func (ins *inserter) run() {
	var err error
	for b := range ins.batches {
		if err == nil {
			err = ins.insert(b.k, b.args)
		}
		select {
		case ins.free <- b.args[:0]:
		default:
		}
	}
	err = errors.Join(err, ins.conn.Raw(func(any) error {
		var err error
		for _, st := range ins.stmts {
			if st != nil {
				err = errors.Join(err, st.Close())
			}
		}
		return err
	}))
	ins.done <- err
}

// insert inserts the rows of table k whose arguments are args.
func (ins *inserter) insert(k int, args []any) error {
	t := loadTables[k]
	n := len(args) / strings.Count(t.values, "?")
	ins.named = ins.named[:0]
	for i, v := range args {
		ins.named = append(ins.named, driver.NamedValue{Ordinal: i + 1, Value: v})
	}
	return ins.conn.Raw(func(dc any) (err error) {
		st := ins.stmts[k]
		if st == nil || n != loadRows {
			prep, ok := dc.(driver.ConnPrepareContext)
			if !ok {
				return fmt.Errorf("sqlite driver: %T cannot prepare a statement with a context", dc)
			}
			q := `INSERT INTO ` + t.table + ` (` + t.cols + `) VALUES ` + strings.Repeat(t.values+`, `, n-1) + t.values
			if st, err = prep.PrepareContext(context.Background(), q); err != nil {
				return err
			}
			if n == loadRows {
				ins.stmts[k] = st
			} else {
				defer func() { err = errors.Join(err, st.Close()) }()
			}
		}
		ex, ok := st.(driver.StmtExecContext)
		if !ok {
			return fmt.Errorf("sqlite driver: %T cannot execute a statement with a context", st)
		}
		_, err = ex.ExecContext(context.Background(), ins.named)
		return err
	})
}
