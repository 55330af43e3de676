#!/usr/bin/env bash
# Checks every #include under src/ against DESIGN.md's dependency table: a core folder
# includes only the core folders it may use, src/core includes no Qt, sqlite3.h or
# libpq-fe.h, drivers include only core/driver and core/ir, and nothing includes studio.
# Prints one line per violation and exits 1 if there is any.
set -u
src=${1:?usage: check_dependency_rule.sh SRC_DIR}
cd "$src" || exit 2

declare -A allowed=(
  [driver]="driver"
  [ir]="ir"
  [ops]="ops ir"
  [diff]="diff ir ops"
  [revision]="revision ir ops"
  [dialect]="dialect ir ops driver"
  [runner]="runner revision dialect driver ir ops"
  [drift]="drift diff dialect ir ops driver"
  [codegen]="codegen ops revision ir"
  [project]="project driver ir ops diff revision dialect runner drift codegen"
  [cli]="cli project driver ir ops diff revision dialect runner codegen"
)
# runner/drift/codegen may see what their allowed libraries expose in their headers
# (ir and ops values, driver interface): including those directly is not a new edge.
# cli uses project and the value types (Schema, Operation, Migration, RenameCandidate,
# Dialect/Driver interfaces); the use cases themselves it must not call (see below).

violations=0
report() { echo "dependency rule: $1"; violations=$((violations + 1)); }

for folder in "${!allowed[@]}"; do
  [ -d "core/$folder" ] || continue
  while IFS= read -r line; do
    file=${line%%:*}
    inc=$(sed -E 's/.*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/' <<<"${line#*:}")
    case "$inc" in
      Q*|Qt*/*|sqlite3.h|libpq-fe.h|libpq/*)
        report "$file includes <$inc>: src/core uses no Qt, sqlite3.h or libpq-fe.h" ;;
      core/*)
        dep=$(cut -d/ -f2 <<<"$inc")
        ok=0
        for a in ${allowed[$folder]}; do [ "$a" = "$dep" ] && ok=1; done
        [ $ok = 1 ] || report "$file includes $inc: core/$folder may not use core/$dep" ;;
      drivers/*|model/*|studio/*|tools/*)
        report "$file includes $inc: the core depends on nothing outside src/core" ;;
    esac
  done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include' "core/$folder" --include='*.h' --include='*.cpp' --include='*.hpp' | sed -E 's/^([^:]+):[0-9]+:/\1:/')
done

if [ -d drivers ]; then
  while IFS= read -r line; do
    file=${line%%:*}
    inc=$(sed -E 's/.*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/' <<<"${line#*:}")
    case "$inc" in
      core/driver/*|core/ir/*) ;;
      core/*|studio/*|model/*|tools/*) report "$file includes $inc: drivers use only core/driver and core/ir" ;;
    esac
  done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include' drivers --include='*.h' --include='*.cpp' | sed -E 's/^([^:]+):[0-9]+:/\1:/')
fi

# src/model builds IR from C++ declarations: it uses core/ir only.
if [ -d model ]; then
  while IFS= read -r line; do
    file=${line%%:*}
    inc=$(sed -E 's/.*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/' <<<"${line#*:}")
    case "$inc" in
      core/ir/*|model/*) ;;
      core/*|drivers/*|studio/*|tools/*|Q*) report "$file includes $inc: src/model uses only core/ir" ;;
    esac
  done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include' model --include='*.h' --include='*.cpp' | sed -E 's/^([^:]+):[0-9]+:/\1:/')
fi

# src/painting paints core's graph picture with Qt Gui: core/revision (and the value
# types its headers expose) only, so tempest-migrate can link it without the rest.
if [ -d painting ]; then
  while IFS= read -r line; do
    file=${line%%:*}
    inc=$(sed -E 's/.*#[[:space:]]*include[[:space:]]*[<"]([^>"]+)[>"].*/\1/' <<<"${line#*:}")
    case "$inc" in
      core/revision/*|core/ir/*|core/ops/*|painting/*) ;;
      core/*|drivers/*|studio/*|tools/*|model/*|QtWidgets/*|QWidget|QApplication)
        report "$file includes $inc: src/painting uses only core/revision and Qt Gui" ;;
    esac
  done < <(grep -rnE '^[[:space:]]*#[[:space:]]*include' painting --include='*.h' --include='*.cpp' | sed -E 's/^([^:]+):[0-9]+:/\1:/')
fi

hits=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"]studio/' --include='*.h' --include='*.cpp' . | grep -v '^./studio/' || true)
for f in $hits; do report "$f includes studio/: nothing links studio"; done

# SQL is only born in a dialect.
sql=$(grep -rlE '"[^"]*\b(CREATE TABLE|ALTER TABLE|DROP TABLE)\b' --include='*.cpp' --include='*.h' . | grep -v '/dialect/' || true)
for f in $sql; do report "$f holds DDL text: SQL is only born in src/core/dialect"; done

# One use case, many doors (DESIGN.md "project/"): the CLI and the Studio present what
# core/project answers; neither compares schemas, diffs, replays history, plans runs or
# reads the project file itself.
use_cases='\b(schemaEquals|schemaDifferences|describeDifferences|diffSchema|diffSchemaDetailed|checkDrift|compareDrift|replaySchema|replaySchemaTo|loadProjectConfig|loadMigrationsDir|planUpgrade|planDowngrade|planRange|MigrationRunner)\b'
for door in core/cli studio; do
  [ -d "$door" ] || continue
  while IFS= read -r hit; do
    report "$hit: $door answers no use case itself (ask core/project)"
  done < <(grep -rnE "$use_cases" "$door" --include='*.h' --include='*.cpp' | sed -E 's/^([^:]+:[0-9]+):.*/\1/')
  while IFS= read -r hit; do
    report "$hit: $door includes a use-case library directly (ask core/project)"
  done < <(grep -rnE '#[[:space:]]*include[[:space:]]*"core/(diff/(diff|rename|table_compare)|drift/|revision/(replay|plan)|runner/|project/(project_config|models_command|load_models))' "$door" --include='*.h' --include='*.cpp' | sed -E 's/^([^:]+:[0-9]+):.*/\1/')
done

# The runner stays readable: no file of it over 400 lines.
if [ -d core/runner ]; then
  for f in core/runner/*.cpp core/runner/*.h; do
    [ -f "$f" ] || continue
    n=$(wc -l <"$f")
    [ "$n" -le 400 ] || report "$f has $n lines: no file under src/core/runner exceeds 400"
  done
fi

if [ $violations -gt 0 ]; then
  echo "$violations violation(s)"
  exit 1
fi
echo "dependency rule holds"
