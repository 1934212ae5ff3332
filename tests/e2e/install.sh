#!/usr/bin/env bash
# cmake --install puts the binary, manual, completions and docs in the
# standard places under any prefix, and the installed binary works.
set -u
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail=0
cmake --install "$build" --prefix "$prefix" >/dev/null || { echo "FAIL: cmake --install"; exit 1; }
for file in bin/valgus share/man/man1/valgus.1 share/bash-completion/completions/valgus \
            share/zsh/vendor-completions/_valgus share/fish/vendor_completions.d/valgus.fish \
            share/doc/valgus/README.md share/doc/valgus/doc/speed.md share/doc/valgus/LICENSE share/doc/valgus/schemas/plan.schema.json; do
  [ -f "$prefix/$file" ] || { echo "FAIL: $file not installed"; fail=1; }
done
(cd / && XDG_DATA_HOME=/nonexistent "$prefix/bin/valgus" plan --all >/dev/null) ||
  { echo "FAIL: the installed valgus does not run from /"; fail=1; }
if command -v man >/dev/null; then
  MANPATH="$prefix/share/man" man -w valgus >/dev/null 2>&1 || { echo "FAIL: man cannot find valgus"; fail=1; }
fi
[ $fail = 0 ] && echo "install: all checks passed"
exit $fail
