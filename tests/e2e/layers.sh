#!/usr/bin/env bash
# The layers stay layers: src/core includes nothing from render, io or cli;
# render and io nothing from cli or each other; CLI11 only in src/cli and
# main.cpp; yaml-cpp only in the YAML tree; SQLite (and so SQL) only in the
# log store, io/log_store.cpp (its schema's SQL text also in
# io/log_schema.cpp, which includes no SQLite). (tests/test_log_store.cpp builds its old and
# foreign databases with the sqlite3 program, so no test includes SQLite
# either.)
#
# Usage: layers.sh SOURCE_DIR   (the repository's src/)
set -u
src=$1
fail=0
forbid() {  # forbid FOLDER PATTERN WHY [ALLOWED]: hits matching ALLOWED (an ERE) pass
  local hits
  # -e: a pattern may begin with "-".
  hits=$(grep -REn --include='*.cpp' --include='*.hpp' -e "$2" "$src/$1" 2>/dev/null)
  if [ -n "$hits" ] && [ -n "${4:-}" ]; then
    hits=$(printf '%s\n' "$hits" | grep -Ev -e "$4")
  fi
  if [ -n "$hits" ]; then
    printf 'FAIL: %s\n%s\n' "$3" "$hits"
    fail=1
  fi
}
forbid core '#include [<"](render|io|cli)/' "src/core must not depend on render, io or the command line"
forbid render '#include [<"](io|cli)/' "src/render must not depend on io or the command line"
forbid io '#include [<"](render|cli)/' "src/io must not depend on render or the command line"
for folder in core render io; do
  forbid "$folder" '#include <CLI/' "CLI11 belongs to src/cli only"
  # Comments may name flags; so may the saved programme's own header, which
  # tells a person editing the file how to start again (core/follow/saved_programme.cpp).
  forbid "$folder" '"[^"]*--force' "only the command line names flags" \
    '^[^:]+:[0-9]+:[[:space:]]*//|/core/follow/saved_programme\.cpp:[0-9]+:.*`valgus start \.\.\. --force`'
done
yaml=$(grep -RlE '#include <yaml-cpp/' "$src" | sed "s|^$src/||")
if [ "$yaml" != "core/catalogue/yaml_tree.cpp" ]; then
  printf 'FAIL: yaml-cpp must be included only by core/catalogue/yaml_tree.cpp, found in:\n%s\n' "$yaml"
  fail=1
fi
sqlite=$(grep -RlE '#include [<"](SQLiteCpp/|sqlite3\.h)' "$src" | sed "s|^$src/||")
if [ "$sqlite" != "io/log_store.cpp" ]; then
  printf 'FAIL: SQLiteCpp and sqlite3.h must be included only by io/log_store.cpp, found in:\n%s\n' "$sqlite"
  fail=1
fi
exit $fail
