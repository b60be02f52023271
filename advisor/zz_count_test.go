package advisor

import "testing"

func TestZZCount(t *testing.T) {
	l := lex()
	sc := &scratch{}
	sc.scan(draft2K)
	var walks, steps, passed, found int
	var rec func(at int32, k int)
	rec = func(at int32, k int) {
		walks++
		n := &l.nodes[at]
		if k == len(sc.toks) || sc.toks[k].brk {
			return
		}
		steps++
		tk := sc.toks[k]
		if n.mayFollow(tk.hash) {
			passed++
			if next, ok := l.edges.get(edgeKey(at, tk.hash)); ok {
				found++
				rec(next, k+1)
			}
		}
		if n.hasAny {
			next, _ := l.edges.get(edgeKey(at, anyWord))
			rec(next, k+1)
		}
	}
	for i, tk := range sc.toks {
		if root, ok := l.roots.get(tk.hash); ok {
			rec(root, i+1)
		}
	}
	t.Logf("walks %d steps %d passed %d found %d", walks, steps, passed, found)
}
