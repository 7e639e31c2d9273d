module example.com/fixmod

go 1.26.0

require github.com/lockpoison/lockpoison v0.0.0

// TestFixModule adds: replace github.com/lockpoison/lockpoison => <this repository>
