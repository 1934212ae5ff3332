#!/usr/bin/env bash
# The layers stay layers. Which layer may include which is enforced by the
# build: each library compiles against the include roots of its own layer
# and the layers below it only (build/layers/<layer>, CMakeLists.txt), so an
# upward include is "No such file". What the build cannot see is checked
# here:
# - CLI11 only in src/cli and main.cpp; yaml-cpp only in the YAML tree;
#   SQLite (and so SQL) only in the log store, io/log_store*.cpp and its
#   internal header io/log_store_impl.hpp (its
#   schema's SQL text also in io/log_schema.cpp, which includes no SQLite).
#   (tests/test_log_store.cpp builds its old and foreign databases with the
#   sqlite3 program, so no test includes SQLite either.)
# - No string literal in src/core names a flag: core's messages carry typed
#   facts (which limit, which value) and the command line words them with
#   its options. Comments may name flags; YAML's "---" is not one. render
#   and io name no --force either (the command line says how to replace).
#
# Usage: layers.sh SOURCE_DIR   (the repository's src/)
set -u
src=$1
fail=0
# literals FOLDER PATTERN: "file:line: literal" for each string literal
# (comments skipped) of the C++ files under FOLDER that matches PATTERN, a
# Perl regex.
literals() {
  find "$src/$1" \( -name '*.cpp' -o -name '*.hpp' \) -print0 | sort -z |
    PATTERN=$2 xargs -0 perl -0777 -ne '
      my $line = 1;
      # Tokens: comments, raw and plain string literals, numbers (whose
      # digit separators are no quotes), character literals, anything else.
      while (m{\G(//[^\n]*|/\*.*?\*/|R"([^(]*)\(.*?\)\2"|"(?:[^"\\\n]|\\.)*"|\b[0-9][0-9A-Za-z\x27.]*|\x27(?:[^\x27\\\n]|\\.)*\x27|.)}gcs) {
        my ($token, $quote) = ($1, substr($1, 0, 1));
        print "$ARGV:$line: $token\n" if ($quote eq "\"" || $token =~ /^R"/) && $token =~ /$ENV{PATTERN}/;
        $line += ($token =~ tr/\n//);
      }'
}
forbid_literal() {  # forbid_literal FOLDER PATTERN WHY
  local hits
  hits=$(literals "$1" "$2")
  if [ -n "$hits" ]; then
    printf 'FAIL: %s\n%s\n' "$3" "$hits"
    fail=1
  fi
}
forbid_literal core '--[a-z]' "src/core names no flag: return typed facts and let src/cli word them"
for folder in render io; do
  forbid_literal "$folder" '--force' "only the command line names --force"
done
cli11=$(grep -RlE '#include <CLI/' "$src/core" "$src/render" "$src/io" | sed "s|^$src/||")
if [ -n "$cli11" ]; then
  printf 'FAIL: CLI11 belongs to src/cli only, found in:\n%s\n' "$cli11"
  fail=1
fi
yaml=$(grep -RlE '#include <yaml-cpp/' "$src" | sed "s|^$src/||")
if [ "$yaml" != "core/catalogue/yaml_tree.cpp" ]; then
  printf 'FAIL: yaml-cpp must be included only by core/catalogue/yaml_tree.cpp, found in:\n%s\n' "$yaml"
  fail=1
fi
sqlite=$(grep -RlE '#include [<"](SQLiteCpp/|sqlite3\.h)' "$src" | sed "s|^$src/||")
outside=$(grep -v '^io/log_store' <<<"$sqlite")
if [ -n "$outside" ] || ! grep -qx 'io/log_store_impl.hpp' <<<"$sqlite"; then
  printf 'FAIL: SQLiteCpp and sqlite3.h must be included only by the log store (io/log_store*), found in:\n%s\n' "$sqlite"
  fail=1
fi
exit $fail
