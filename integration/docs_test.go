package integration

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// docFiles are the documents whose commands must run as shown.
func docFiles(t *testing.T) []string {
	root := repoRoot(t)
	files := []string{"README.md", "runtime/poison/README.md"}
	for _, pat := range []string{"docs/*.md", "docs/checks/*.md"} {
		m, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			rel, _ := filepath.Rel(root, f)
			files = append(files, rel)
		}
	}
	return files
}

// block is one fenced code block of a document.
type block struct {
	file, lang, text string
	line             int
}

func blocks(t *testing.T, file string) []block {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), file))
	if err != nil {
		t.Fatal(err)
	}
	var out []block
	var cur *block
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if strings.HasPrefix(l, "```") {
			if cur == nil {
				cur = &block{file: file, lang: strings.TrimSpace(l[3:]), line: n + 1}
			} else {
				out = append(out, *cur)
				cur = nil
			}
			continue
		}
		if cur != nil {
			cur.text += l + "\n"
		}
	}
	return out
}

// command is one shell command of a document.
type command struct {
	where string // file:line
	text  string // without a trailing # comment
}

// shellCommands: the lines of sh blocks, and the `run:` steps of GitHub
// Actions yaml blocks (one line, or the lines of a `run: |` block).
func shellCommands(b block) []command {
	var out []command
	lines := strings.Split(b.text, "\n")
	add := func(i int, l string) {
		l = stripComment(l)
		if l != "" {
			out = append(out, command{fmt.Sprintf("%s:%d", b.file, b.line+i), l})
		}
	}
	switch b.lang {
	case "sh", "bash", "shell":
		for i, l := range lines {
			add(i, l)
		}
	case "yaml":
		for i := 0; i < len(lines); i++ {
			l := lines[i]
			_, rest, ok := strings.Cut(l, "run: ")
			if !ok || strings.HasPrefix(strings.TrimSpace(l), "#") {
				continue
			}
			if strings.TrimSpace(rest) != "|" {
				add(i, rest)
				continue
			}
			indent := len(l) - len(strings.TrimLeft(l, " "))
			for i+1 < len(lines) && len(lines[i+1])-len(strings.TrimLeft(lines[i+1], " ")) > indent && strings.TrimSpace(lines[i+1]) != "" {
				i++
				add(i, lines[i])
			}
		}
	}
	return out
}

// stripComment drops a trailing " # comment" outside quotes.
func stripComment(l string) string {
	inQuote := byte(0)
	for i := 0; i < len(l); i++ {
		switch c := l[i]; {
		case inQuote != 0:
			if c == inQuote {
				inQuote = 0
			}
		case c == '\'' || c == '"':
			inQuote = c
		case c == '#' && (i == 0 || l[i-1] == ' '):
			return strings.TrimSpace(l[:i])
		}
	}
	return strings.TrimSpace(l)
}

// sandbox is where the docs' commands run: app/ is a copy of the vet
// fixture module (it has findings), lockpoison/ is this checkout (for the
// README's `-replace=...=../lockpoison`), bin/ (on PATH, and as
// $(go env GOPATH)/bin) holds the tools.
type sandbox struct {
	dir, bin string
	env      []string
}

func newSandbox(t *testing.T) *sandbox {
	dir := t.TempDir()
	gopath := filepath.Join(dir, "gopath")
	bin := filepath.Join(gopath, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"lockpoison", "lockpoison-vet"} {
		if err := os.Symlink(buildTool(t, name), filepath.Join(bin, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(repoRoot(t), filepath.Join(dir, "lockpoison")); err != nil {
		t.Fatal(err)
	}
	modcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	return &sandbox{dir: dir, bin: bin, env: env(
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GOPATH="+gopath,
		"GOMODCACHE="+strings.TrimSpace(string(modcache)),
		"LOCKPOISON_PROGRESS=0",
	)}
}

// app returns a fresh copy of the fixture module inside the sandbox.
func (s *sandbox) app(t *testing.T) string {
	src := copyFixture(t, "vet")
	app := filepath.Join(s.dir, "app")
	os.RemoveAll(app)
	if err := os.Rename(src, app); err != nil {
		t.Fatal(err)
	}
	return app
}

var (
	// Commands that install the published module, which is not published
	// yet: the package they name must be a command of this repository.
	publishedInstall = regexp.MustCompile(`^go install github\.com/lockpoison/lockpoison/(\S+)@latest$`)
	golangciInstall  = regexp.MustCompile(`^go install github\.com/golangci/golangci-lint/v2/cmd/golangci-lint@(\S+)$`)
	script           = regexp.MustCompile(`^(?:bash )?(scripts/[\w.-]+\.sh|\.ci/run)((?: \S+)*)$`)
	golangciRun      = regexp.MustCompile(`^(?:\./bin/golangci-lint-lockpoison|golangci-lint-lockpoison|~/\.cache/lockpoison/golangci-lint) (run.*)$`)
	goplsRun         = regexp.MustCompile(`^~/\.cache/lockpoison/gopls (.*)$`)
)

// TestDocCommands runs every shell command shown in the docs as shown, in
// a sandbox module with the tools on PATH, and checks its exit status
// against what the docs say; commands that cannot run here (a published
// @latest install, `golangci-lint custom`'s git clone, minutes-long
// scripts, the test suite itself) are checked for what they name instead.
// A command that fits no rule fails the test: add a rule.
func TestDocCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tools and runs the docs' commands")
	}
	root := repoRoot(t)
	customVersion := customGcl(t)["version"]
	sb := newSandbox(t)
	ran := 0
	for _, file := range docFiles(t) {
		for _, b := range blocks(t, file) {
			for _, c := range shellCommands(b) {
				t.Run(c.where, func(t *testing.T) {
					if docCommand(t, sb, root, customVersion, c) {
						ran++
					}
				})
			}
		}
	}
	if ran < 15 {
		t.Errorf("ran only %d commands from the docs", ran)
	}
}

// docCommand runs or checks one command; it reports whether it ran it.
func docCommand(t *testing.T, sb *sandbox, root, customVersion string, c command) bool {
	text := c.text
	bash := func(dir string, env []string, codes ...int) result {
		r := run(t, dir, env, 5*time.Minute, "bash", "-c", text)
		if !slices.Contains(codes, r.code) {
			t.Errorf("%s: `%s` exited %d, want %v\n%s", c.where, text, r.code, codes, r)
		}
		for _, bad := range []string{"flag provided but not defined", "run lockpoison -help", "unexpected output", "panic:"} {
			if strings.Contains(r.stdout+r.stderr, bad) {
				t.Errorf("%s: `%s` says %q\n%s", c.where, text, bad, r)
			}
		}
		return r
	}
	switch {
	case strings.HasPrefix(text, "lockpoison "):
		// Findings exit 3, except as data (-json, -sarif without
		// -set-exit-status), with -fix/-diff and for -V.
		// -fix exits 3 while a finding is left, -diff whenever there is
		// anything to fix (cmd/lockpoison/fix.go).
		codes := []int{0, 3}
		switch {
		case strings.Contains(text, "-diff"):
			codes = []int{3}
		case strings.Contains(text, "-fix"):
		case (strings.Contains(text, "-json") || strings.Contains(text, "-sarif")) && !strings.Contains(text, "-set-exit-status") ||
			text == "lockpoison -V":
			codes = []int{0}
		}
		r := bash(sb.app(t), sb.env, codes...)
		if strings.Contains(text, "-diff") && !strings.Contains(r.stdout, "+++") {
			t.Errorf("%s: `%s` printed no diff\n%s", c.where, text, r)
		}
	case strings.HasPrefix(text, "go vet "):
		r := bash(sb.app(t), sb.env, 0, 1)
		if strings.Contains(text, "-json") && (r.code != 0 || !strings.Contains(r.stdout, `"lockpoison"`)) {
			t.Errorf("%s: `%s`: want JSON on stdout and exit 0\n%s", c.where, text, r)
		}
	case strings.HasPrefix(text, "go fix "):
		if strings.Contains(text, "-diff") {
			bash(sb.app(t), sb.env, 1) // go fix -diff exits 1 when there is a diff
		} else {
			bash(sb.app(t), sb.env, 0)
		}
	case text == "go install ./cmd/...":
		gobin := t.TempDir()
		bash(root, append(slices.Clone(sb.env), "GOBIN="+gobin), 0)
		for _, name := range []string{"lockpoison", "lockpoison-vet"} {
			if _, err := os.Stat(filepath.Join(gobin, name)); err != nil {
				t.Errorf("%s: `%s` did not install %s", c.where, text, name)
			}
		}
	case strings.HasPrefix(text, "go mod edit ") && strings.Contains(text, "../lockpoison"):
		// The README's replace for runtime/poison: then a program using
		// the package builds.
		app := sb.app(t)
		bash(app, sb.env, 0)
		os.MkdirAll(filepath.Join(app, "usepoison"), 0o755)
		os.WriteFile(filepath.Join(app, "usepoison", "main.go"), []byte("package main\n\nimport \"github.com/lockpoison/lockpoison/runtime/poison\"\n\nvar mu poison.Mutex\n\nfunc main() { mu.Lock(); mu.Unlock() }\n"), 0o644)
		if r := run(t, app, sb.env, 2*time.Minute, "go", "build", "-o", os.DevNull, "./usepoison"); r.code != 0 {
			t.Errorf("%s: after `%s`, a program using runtime/poison does not build\n%s", c.where, text, r)
		}
	case publishedInstall.MatchString(text):
		pkg := publishedInstall.FindStringSubmatch(text)[1]
		if data, err := os.ReadFile(filepath.Join(root, pkg, "main.go")); err != nil || !strings.Contains(string(data), "package main") {
			t.Errorf("%s: `%s` names no command of this repository", c.where, text)
		}
		return false
	case golangciInstall.MatchString(text):
		if v := golangciInstall.FindStringSubmatch(text)[1]; v != customVersion {
			t.Errorf("%s: installs golangci-lint %s, .custom-gcl.yml builds %s", c.where, v, customVersion)
		}
		return false
	case strings.HasPrefix(text, "golangci-lint custom"):
		return false // git-clones golangci-lint: TestGolangciCustomConfig, TestGolangciCustom
	case golangciRun.MatchString(text):
		bin := os.Getenv("LOCKPOISON_GOLANGCI")
		if bin == "" {
			t.Logf("%s: `%s` needs LOCKPOISON_GOLANGCI (scripts/integration.sh)", c.where, text)
			return false
		}
		dir, _, _ := golangciFixture(t)
		text = bin + " " + golangciRun.FindStringSubmatch(text)[1]
		bash(dir, golangciEnv(t), 0, 1)
	case goplsRun.MatchString(text):
		bin := os.Getenv("LOCKPOISON_GOPLS")
		if bin == "" {
			t.Logf("%s: `%s` needs LOCKPOISON_GOPLS (scripts/integration.sh)", c.where, text)
			return false
		}
		text = bin + " " + goplsRun.FindStringSubmatch(text)[1]
		bash(sb.app(t), sb.env, 0)
	case script.MatchString(text):
		// Minutes-long scripts that CI runs (.ci/run): the script exists,
		// parses, and knows every option the docs pass it.
		m := script.FindStringSubmatch(text)
		path := filepath.Join(root, m[1])
		data, err := os.ReadFile(path)
		if err != nil {
			t.Errorf("%s: %v", c.where, err)
			return false
		}
		if out, err := exec.Command("bash", "-n", path).CombinedOutput(); err != nil {
			t.Errorf("%s: bash -n %s: %v\n%s", c.where, m[1], err, out)
		}
		for _, arg := range strings.Fields(m[2]) {
			if strings.HasPrefix(arg, "-") && !strings.Contains(arg, "=") && !strings.Contains(string(data), arg) &&
				!strings.HasPrefix(arg, "-run") && arg != "-v" {
				t.Errorf("%s: %s does not handle %s", c.where, m[1], arg)
			}
		}
		return false
	case text == "go test ./..." || text == "go test -short ./..." || text == "go run ./cmd/lockpoison ./examples/..." ||
		strings.HasPrefix(text, "go test ./integration/"):
		// .ci/run runs these (and this test is part of them): check what
		// they name exists.
		for _, f := range strings.Fields(text)[2:] {
			if d := strings.TrimSuffix(f, "/..."); strings.HasPrefix(d, "./") {
				if _, err := os.Stat(filepath.Join(root, d)); err != nil {
					t.Errorf("%s: `%s`: %v", c.where, text, err)
				}
			}
		}
		return false
	default:
		t.Errorf("%s: no rule runs or checks `%s`: add one to TestDocCommands", c.where, text)
		return false
	}
	return true
}

// TestDocSnippets: config snippets equal the files they copy, JSON parses,
// and nogo's analyzer_flags are lockpoison's flags.
func TestDocSnippets(t *testing.T) {
	root := repoRoot(t)
	example, err := os.ReadFile(filepath.Join(root, ".golangci.example.yml"))
	if err != nil {
		t.Fatal(err)
	}
	golangciShown := 0
	for _, file := range docFiles(t) {
		for _, b := range blocks(t, file) {
			where := fmt.Sprintf("%s:%d", b.file, b.line)
			switch {
			case b.lang == "yaml" && strings.Contains(b.text, "lockpoison:\n        type: module"):
				golangciShown++
				if b.text != string(example) {
					t.Errorf("%s: the golangci-lint configuration differs from .golangci.example.yml", where)
				}
			case b.lang == "json":
				var v map[string]any
				if err := json.Unmarshal([]byte(b.text), &v); err != nil {
					t.Errorf("%s: %v", where, err)
					continue
				}
				if lp, ok := v["lockpoison"].(map[string]any); ok {
					flags, _ := lp["analyzer_flags"].(map[string]any)
					for name := range flags {
						if !strings.Contains(string(example), "\n          "+name+":") {
							t.Errorf("%s: nogo analyzer_flags %q is not a lockpoison flag", where, name)
						}
					}
				}
			}
		}
	}
	if golangciShown == 0 {
		t.Errorf("no doc shows the golangci-lint configuration")
	}
}
