# Shared helpers for scripts/build-*.sh. Source it; do not run it.

# repo_root prints the lockpoison repository root (the parent of scripts/).
repo_root() {
	(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
}

# sha256 [FILE...] prints SHA-256 digests like sha256sum (shasum on macOS).
sha256() {
	if command -v sha256sum >/dev/null 2>&1; then
		sha256sum "$@"
	else
		shasum -a 256 "$@"
	fi
}

# source_stamp ROOT EXTRA... prints a hash of everything that goes into a
# binary built from ROOT: the non-test Go sources of the analyzer, the plugin
# and the runtime package, go.mod/go.sum, the calling script and this file,
# the Go toolchain version, and any EXTRA strings (tool versions).
source_stamp() {
	local root=$1
	shift
	{
		(
			cd "$root"
			find analyzer plugin runtime -type d -name testdata -prune -o \
				-type f -name '*.go' ! -name '*_test.go' -print 2>/dev/null |
				LC_ALL=C sort
			echo go.mod
			echo go.sum
		) | while read -r f; do
			(cd "$root" && sha256 "$f")
		done
		sha256 "$0" "${BASH_SOURCE[0]}" | awk '{print $1}'
		go version
		go env GOOS GOARCH
		printf '%s\n' "$@"
	} | sha256 | awk '{print $1}'
}

# up_to_date OUT STAMP reports whether OUT exists, is executable and was built
# from STAMP (recorded in OUT.stamp).
up_to_date() {
	[ -x "$1" ] && [ -f "$1.stamp" ] && [ "$(cat "$1.stamp")" = "$2" ]
}

# module_dir MODULE@VERSION downloads MODULE@VERSION through the module proxy
# (or finds it in the module cache) and prints its directory.
module_dir() {
	local json dir
	json=$(GOWORK=off GOFLAGS=-mod=mod go mod download -json "$1")
	dir=$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
	if [ -z "$dir" ] || [ ! -d "$dir" ]; then
		echo "go mod download $1 gave no directory:" >&2
		printf '%s\n' "$json" >&2
		return 1
	fi
	printf '%s\n' "$dir"
}

# copy_tree SRC DST copies a (read-only) module cache directory to DST and
# makes the copy writable.
copy_tree() {
	mkdir -p "$2"
	cp -R "$1/." "$2/"
	chmod -R u+w "$2"
}

# begin_build OUT LABEL MODULE@VERSION starts a build script: it sets $root,
# $out (absolute) and $stamp, exits 0 when OUT is up to date (unless
# LOCKPOISON_FORCE=1), else copies the module's source into a fresh $work
# (removed on exit) and changes into it, with module-proxy-only settings.
begin_build() {
	root=$(repo_root)
	out=$1
	case $out in /*) ;; *) out=$PWD/$out ;; esac
	mkdir -p "$(dirname "$out")"

	stamp=$(source_stamp "$root" "$2")
	if [ "${LOCKPOISON_FORCE:-}" != 1 ] && up_to_date "$out" "$stamp"; then
		echo "$2+lockpoison is up to date: $out"
		exit 0
	fi

	export GOWORK=off
	export GOFLAGS="${GOFLAGS:-} -mod=mod"
	export GOTOOLCHAIN=${GOTOOLCHAIN:-local}

	echo "building $2 with lockpoison -> $out" >&2
	local src
	src=$(module_dir "$3")
	work=$(mktemp -d "${TMPDIR:-/tmp}/lockpoison-build.XXXXXX")
	trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
	copy_tree "$src" "$work"
	cd "$work"
}
