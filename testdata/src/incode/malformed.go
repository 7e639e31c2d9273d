package incode

//lockpoison:boundary // want `misplaced directive: //lockpoison:boundary belongs in the doc comment of a function or method, not of type Marked`
type Marked struct{}

//lockpoison:recovered // want `misplaced directive: //lockpoison:recovered belongs in the doc comment of a function, method or type`
var v int

func f() {
	//lockpoison:boundary // want `misplaced directive: //lockpoison:boundary belongs in the doc comment of a function or method`
	_ = v
}

//lockpoison:recoverd // want `unknown directive //lockpoison:recoverd: want //lockpoison:ignore <reason>, //lockpoison:boundary or //lockpoison:recovered`
func g() {}
