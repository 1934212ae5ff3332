#!/usr/bin/env bash
# Deterministic counterpart of bench/run.sh's scale table: instructions
# executed (valgrind --tool=callgrind), which do not vary with machine load.
#   bench/instructions.sh [BUILD_DIR] [EXERCISES]   (default: build 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=/nonexistent/valgus-bench
bench/gen_catalogue.sh "$work/catalog" $((n / 1000)) 1000
count() { valgrind --tool=callgrind --callgrind-out-file="$work/out" "$@" >/dev/null 2>&1; sed -n 's/^summary: //p' "$work/out"; }
ours=$(count "$build/valgus" --catalog "$work/catalog" plan --all)
theirs=$(count "$build/bench/bench_yaml_floor" "$work"/catalog/*.yaml)
python3 -c "
o, t = $ours, $theirs
print(f'{$n:,} exercises: valgus plan --all {o/1e9:.3f} G instructions, yaml-cpp alone {t/1e9:.3f} G, ratio {o/t:.3f}')"
