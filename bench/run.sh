#!/usr/bin/env bash
# Speed and memory of valgus, measured side by side with hyperfine.
#   bench/run.sh [BUILD_DIR]      (default: build, a RelWithDebInfo build)
# 1. Start-up: `valgus plan --all` against `valgus --version` (the process floor).
# 2. Scale: generated catalogues of 1,000 to 15,000 exercises as folders of
#    1,000-exercise files: `valgus --catalog DIR plan --all` against yaml-cpp
#    alone parsing the same files, on one thread and on as many threads as
#    valgus parses with (one per core, at most 8), all in one hyperfine run;
#    then CPU time (user + system) and peak memory.
# 3. Equipment at scale: 6,200 to 49,600 exercises, `plan --all` against
#    `plan --all --equipment none` (substitutes for every missing item).
# Prints Markdown tables.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin=$build/valgus
floor=$build/bench/bench_yaml_floor
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=/nonexistent/valgus-bench

median() {  # median NAME: median seconds of command NAME in $work/h.json
  python3 -c "import json,sys; r=[x for x in json.load(open('$work/h.json'))['results'] if x['command']==sys.argv[1]][0]; print(r['median'])" "$1"
}
cpu() {  # cpu NAME: mean user + system seconds of command NAME in $work/h.json
  python3 -c "import json,sys; r=[x for x in json.load(open('$work/h.json'))['results'] if x['command']==sys.argv[1]][0]; print(r['user'] + r['system'])" "$1"
}
threads=$(python3 -c "import os; print(min(os.cpu_count() or 1, 8))")
peak_kb() {  # peak_kb COMMAND...: median peak RSS of 3 runs, KiB
  for _ in 1 2 3; do /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -n 1; done | sort -n | sed -n 2p
}

echo "## Start-up (median of 30 runs each, one hyperfine run)"
echo
hyperfine -N --warmup 5 --runs 30 --export-json "$work/h.json" -n plan "$bin plan --all" -n version "$bin --version" >/dev/null 2>&1
plan=$(median plan)
version=$(median version)
python3 -c "
p, v = $plan, $version
print('| command | median | ratio |')
print('|---|---|---|')
print(f'| valgus --version | {v*1000:.1f} ms | 1.00 |')
print(f'| valgus plan --all | {p*1000:.1f} ms | {p/v:.2f} |')"
echo "peak memory of plan --all: $(peak_kb "$bin" plan --all) KiB"
echo

echo "## Scale (median of 10 runs each, side by side; $threads cores)"
echo
echo "| exercises | files | MB | valgus plan --all | yaml-cpp alone, 1 thread | ratio | yaml-cpp alone, $threads threads | ratio | CPU time valgus / yaml-cpp | per 1,000 exercises | valgus peak |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for n in 1000 2000 5000 10000 15000; do
  dir=$work/catalog-$n
  bench/gen_catalogue.sh "$dir" $((n / 1000)) 1000
  mb=$(du -sb "$dir" | awk '{printf "%.1f", $1 / 1e6}')
  hyperfine -N --warmup 1 --runs 10 --export-json "$work/h.json" \
    -n valgus "$bin --catalog $dir plan --all" -n yaml "$floor $(echo "$dir"/*.yaml)" \
    -n yaml-j "$floor -j $threads $(echo "$dir"/*.yaml)" >/dev/null 2>&1
  ours=$(median valgus)
  theirs=$(median yaml)
  theirs_j=$(median yaml-j)
  cpu_ours=$(cpu valgus)
  cpu_theirs=$(cpu yaml)
  peak=$(peak_kb "$bin" --catalog "$dir" plan --all)
  python3 -c "
n, o, t, tj, co, ct, peak = $n, $ours, $theirs, $theirs_j, $cpu_ours, $cpu_theirs, $peak
print(f'| {n:,} | {n // 1000} | $mb | {o:.2f} s | {t:.2f} s | {o/t:.2f} | {tj:.2f} s | {o/tj:.2f} | {co:.2f} s / {ct:.2f} s = {co/ct:.2f} | {o/n*1000*1000:.0f} ms | {peak/1024:.0f} MB |')"
done
echo

echo "## Equipment at scale (median of 3 runs each, side by side)"
echo
echo "Substitutes for missing equipment are found through an index built once per"
echo "plan, so \`--equipment none\` should cost about what the plain plan costs."
echo
echo "| exercises | files | valgus plan --all | plan --all --equipment none | ratio |"
echo "|---|---|---|---|---|"
for files in 1 4 8; do
  n=$((files * 6200))
  dir=$work/equipment-$n
  bench/gen_catalogue.sh "$dir" "$files" 6200
  hyperfine -N --warmup 1 --runs 3 --export-json "$work/h.json" \
    -n plain "$bin --catalog $dir plan --all" -n none "$bin --catalog $dir plan --all --equipment none" >/dev/null 2>&1
  plain=$(median plain)
  none=$(median none)
  python3 -c "
n, p, e = $n, $plain, $none
print(f'| {n:,} | $files | {p:.2f} s | {e:.2f} s | {e/p:.2f} |')"
done
