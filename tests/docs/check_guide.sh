#!/usr/bin/env bash
# docs/guide against the program it describes:
#   1. every command of `tempest-migrate --help` has a `## <command>` section in cli.md;
#   2. every image the guide references exists;
#   3. every relative link in docs/guide/*.md (and README.md's links into the guide)
#      points to an existing file;
#   4. every `$ …` example in the guide's console blocks (cli.md's, and those other
#      pages quote from it), with its output, is what the
#      program prints today: guide_cli_session.sh runs the session the examples come
#      from, and each example must equal one of its steps once times are masked;
#   5. with a compiler, every complete program (a ```cpp block with `int main`) in
#      cpp-api.md compiles against the headers in src/.
# Usage: check_guide.sh TEMPEST_MIGRATE SOURCE_DIR [CXX]
set -euo pipefail
bin=$1 src=$2 cxx=${3:-}
guide=$src/docs/guide
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -f "$guide/cli.md" ] || fail "no $guide/cli.md"

# 1. Commands.
commands=$("$bin" --help | sed -n '/^commands:/,/^$/p' | awk 'NF > 1 {print $1}')
[ "$(echo "$commands" | wc -l)" -ge 15 ] || fail "too few commands read from --help: $commands"
for c in $commands; do
  grep -qx "## $c" "$guide/cli.md" || fail "command $c has no '## $c' section in docs/guide/cli.md"
done

# 2 and 3. Images and relative links: ](target) and ](target#anchor), http(s) and
# mailto left out, as are bare #anchors.
links=0
for md in "$guide"/*.md "$src/README.md"; do
  dir=$(dirname "$md")
  while IFS= read -r target; do
    target=${target%%#*}
    [ -n "$target" ] || continue
    case $target in http://*|https://*|mailto:*) continue ;; esac
    [ -e "$dir/$target" ] || fail "$(basename "$md"): link or image '$target' points to a missing file"
    links=$((links + 1))
  done < <(grep -oE '\]\([^) ]+\)' "$md" | sed -E 's/^\]\((.*)\)$/\1/')
done
[ "$links" -ge 20 ] || fail "only $links relative links found: is the pattern broken?"
for img in $(grep -ohE '\]\(img/[^)]+\)' "$guide"/*.md | sed -E 's/^\]\((.*)\)$/\1/'); do
  head -c 8 "$guide/$img" | od -An -tx1 | tr -d ' \n' | grep -q '^89504e470d0a1a0a$' || fail "$img is not a PNG"
done

# 4. The examples against a fresh run of the session.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bash "$(dirname "$0")/guide_cli_session.sh" "$bin" >"$work/transcript" 2>"$work/session.err" \
  || { cat "$work/session.err" >&2; fail "the session script failed"; }
python3 - "$guide" "$work/transcript" <<'EOF'
import glob, re, sys
transcript = open(sys.argv[2], encoding="utf-8").read()
# cli.md holds the session; other pages may quote steps of it.
doc = "".join(open(p, encoding="utf-8").read() for p in sorted(glob.glob(sys.argv[1] + "/*.md")))

def mask(text):
    # Creation and application times differ from run to run.
    text = re.sub(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?Z?", "<time>", text)
    return text.rstrip("\n")

steps = {mask(block.strip("\n")) for block in transcript.split("@@\n") if block.strip()}
examples = 0
for block in re.findall(r"```console\n(.*?)```", doc, re.S):
    # A console block may hold several commands: each `$ ` line starts an example.
    current = []
    chunks = []
    for line in block.rstrip("\n").split("\n"):
        if line.startswith("$ ") and current:
            chunks.append(current)
            current = []
        current.append(line)
    if current:
        chunks.append(current)
    for chunk in chunks:
        if not chunk[0].startswith("$ "):
            sys.exit("FAIL: a console block in docs/guide does not start with '$ ': " + chunk[0])
        examples += 1
        if mask("\n".join(chunk)) not in steps:
            near = [s for s in steps if s.split("\n")[0] == chunk[0]]
            sys.exit("FAIL: an example in docs/guide differs from the program's output now:\n" + "\n".join(chunk)
                     + ("\n--- the program prints:\n" + near[0] if near else "\n--- (the session has no such command)"))
if examples < 40:
    sys.exit(f"FAIL: only {examples} examples found in docs/guide")
print(f"{examples} examples match")
EOF
# 5. The C++ examples.
programs=0
if [ -n "$cxx" ]; then
  python3 - "$guide/cpp-api.md" "$work" <<'EOF'
import re, sys
blocks = [b for b in re.findall(r"```cpp\n(.*?)```", open(sys.argv[1], encoding="utf-8").read(), re.S) if "int main" in b]
for i, block in enumerate(blocks):
    open(f"{sys.argv[2]}/example{i}.cpp", "w", encoding="utf-8").write(block)
EOF
  for example in "$work"/example*.cpp; do
    [ -f "$example" ] || continue
    "$cxx" -std=c++20 -fsyntax-only -I"$src/src" "$example" || fail "a C++ example of cpp-api.md does not compile ($(basename "$example"))"
    programs=$((programs + 1))
  done
  [ "$programs" -ge 3 ] || fail "only $programs C++ examples found in cpp-api.md"
fi
echo "ok: every command has a section in docs/guide/cli.md, $links links and images resolve, the examples match the program, $programs C++ examples compile"
