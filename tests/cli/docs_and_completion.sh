#!/usr/bin/env bash
# tempest-migrate's man page and bash completion (generated from the command table at
# build time) against the binary's own --help, and the completion driven by bash on a
# real project. Usage: docs_and_completion.sh TEMPEST_MIGRATE MAN_PAGE COMPLETION
set -euo pipefail
bin=$1 man_page=$2 completion=$3
fail() { echo "FAIL: $*" >&2; exit 1; }

# 1. man renders the page without a warning.
rendered=$(MANWIDTH=100 man --warnings -l -P cat "$man_page" 2>"${TMPDIR:-/tmp}/man.err.$$") || fail "man -l exit $?"
if [ -s "${TMPDIR:-/tmp}/man.err.$$" ]; then cat "${TMPDIR:-/tmp}/man.err.$$" >&2; rm -f "${TMPDIR:-/tmp}/man.err.$$"; fail "man warnings"; fi
rm -f "${TMPDIR:-/tmp}/man.err.$$"
flat=$(printf '%s' "$rendered" | tr -s ' \n' '  ')

# 2. Every command and every option --help names is in the page and the completion.
commands=$("$bin" --help | sed -n '/^commands:/,/^$/p' | awk 'NF > 1 {print $1}')
[ "$(echo "$commands" | wc -l)" -ge 15 ] || fail "too few commands read from --help: $commands"
checked=0
for c in $commands; do
  grep -q -- "$c" <<<"$flat" || fail "command $c missing from the man page"
  grep -q -- "^    $c)" "$completion" || fail "command $c missing from the completion"
  for o in $("$bin" "$c" --help | grep -oE '(^|[ [])--?[a-z][a-z-]*' | tr -d ' [' | sort -u); do
    grep -q -- "$o" <<<"$flat" || fail "option $o of $c missing from the man page"
    sed -n "/^    $c)/,/;;/p" "$completion" | grep -q -- "$o" || fail "option $o of $c missing from the completion"
    checked=$((checked + 1))
  done
done
for o in $("$bin" --help | sed -n '/^  --/p' | awk '{print $1}'); do
  grep -q -- "$o" <<<"$flat" || fail "global option $o missing from the man page"
  grep -q -- "$o" "$completion" || fail "global option $o missing from the completion"
done
[ "$checked" -ge 18 ] || fail "only $checked options checked"

# 3. The completion, driven by bash, on a real project with three revisions.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/other"
(cd "$work" && "$bin" init . >/dev/null && "$bin" revision -m first --rev-id aaaa1111 >/dev/null \
  && "$bin" revision -m second --rev-id bbbb2222 >/dev/null)
(cd "$work/other" && "$bin" init . >/dev/null && "$bin" revision -m elsewhere --rev-id cccc3333 >/dev/null)
mkdir -p "$work/alembic/versions"

complete_line() {
  # complete_line WORD... : the candidates bash offers for the last word.
  (
    cd "$work"
    PATH="$(dirname "$bin"):$PATH"
    # shellcheck disable=SC1090
    source "$completion"
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=()
    _tempest_migrate
    if [ ${#COMPREPLY[@]} -gt 0 ]; then printf "%s\n" "${COMPREPLY[@]}"; fi
  )
}
expect() {  # expect "CANDIDATES" WORD...
  local want=$1
  shift
  local got
  got=$(complete_line "$@" | sort | tr '\n' ' ')
  [ "$got" = "$want" ] || fail "completing '$*': got '$got', want '$want'"
}
expect "upgrade " tempest-migrate upg
expect "import-alembic init introspect " tempest-migrate i
expect "--config " tempest-migrate --con
expect "--sql " tempest-migrate upgrade --s
expect "--rename-column --rename-table --rev-id " tempest-migrate revision --re
expect "json " tempest-migrate revision --format j
expect "dot png svg " tempest-migrate graph --format ""
expect "aaaa1111 " tempest-migrate upgrade aa
expect "base bbbb2222 " tempest-migrate downgrade b
expect "aaaa1111 bbbb2222 " tempest-migrate revision -m x --head ""
expect "cccc3333 " tempest-migrate --config other/tempest.json stamp c
expect "alembic " tempest-migrate import-alembic al
expect "" tempest-migrate heads ""
echo "ok: man page and completion match --help ($checked options); completion works on a real project"
