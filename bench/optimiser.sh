#!/usr/bin/env bash
# The exact optimiser: what it buys over the old greedy rule, and what it costs.
#   bench/optimiser.sh [BUILD_DIR] [--detail]   (default: build, built with VALGUS_BENCH=ON)
# 1. Quality: bench_optimiser_vs_greedy (bench/optimiser_vs_greedy.cpp) on the
#    built-in catalogue, every non-empty set of the built-in problems, full
#    routine budgets 5..45 min; --detail adds one row per set and budget.
# 2. Start-up: `valgus plan --all` against `valgus --version` (hyperfine,
#    mean ± σ).
# 3. The solver's worst case on the built-in catalogue: every budget 5..45 in
#    full and week mode timed once, the slowest of each mode again with
#    hyperfine.
# 4. A 200-exercise generated catalogue on top of the built-in one
#    (bench/gen_catalogue.sh), full and week mode at several budgets.
# Prints Markdown. Times vary by ±30 % on a shared machine; the quality
# tables do not vary.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
detail=${2:-}
bin=$build/valgus
quality=$build/bench/bench_optimiser_vs_greedy
command -v hyperfine >/dev/null || { echo "bench: needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[ -x "$quality" ] || { echo "bench: build $quality first (cmake -DVALGUS_BENCH=ON)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME=/nonexistent/valgus-bench

# mean_sd NAME: "mean ± σ" in ms of command NAME in $work/h.json
mean_sd() {
  python3 -c "
import json, sys
r = [x for x in json.load(open('$work/h.json'))['results'] if x['command'] == sys.argv[1]][0]
sd = r['stddev'] or 0.0
print(f\"{r['mean'] * 1000:.1f} ± {sd * 1000:.1f} ms\")" "$1"
}
# once COMMAND...: wall-clock seconds of one run
once() {
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}

echo "## Optimiser against the old greedy (built-in catalogue, full routine)"
echo
"$quality" ${detail:+"$detail"}
echo

echo "## Start-up (hyperfine, 30 runs each)"
echo
hyperfine -N --warmup 5 --runs 30 --export-json "$work/h.json" -n plan "$bin plan --all" \
  -n version "$bin --version" >/dev/null 2>&1
echo "| command | mean ± σ |"
echo "|---|---|"
echo "| valgus --version | $(mean_sd version) |"
echo "| valgus plan --all | $(mean_sd plan) |"
echo

echo "## Worst case on the built-in catalogue (plan --all, every budget 5..45 once)"
echo
for mode in full week; do
  worst=0 worst_budget=0
  for budget in $(seq 5 45); do
    if [ $mode = full ]; then args="--full --minutes $budget"; else args="--minutes $budget"; fi
    # shellcheck disable=SC2086
    t=$(once "$bin" plan --all $args)
    if python3 -c "import sys; sys.exit(0 if $t > $worst else 1)"; then
      worst=$t worst_budget=$budget
    fi
  done
  if [ $mode = full ]; then args="--full --minutes $worst_budget"; else args="--minutes $worst_budget"; fi
  hyperfine -N --warmup 2 --runs 20 --export-json "$work/h.json" -n worst "$bin plan --all $args" >/dev/null 2>&1
  echo "- $mode: slowest budget $worst_budget min (one run $worst s); \`plan --all $args\`: $(mean_sd worst)"
done
echo

echo "## 200 generated exercises on top of the built-in catalogue"
echo
bench/gen_catalogue.sh "$work/cat200" 1 200
echo "| mode | command | mean ± σ | runs |"
echo "|---|---|---|---|"
for args in "--full --minutes 5" "--full --minutes 10" "--full --minutes 20" "--full --minutes 30" \
  "--full --minutes 45" "--full" "--minutes 10" "--minutes 20" "--minutes 45" "--minutes 20 --days 7" \
  "--minutes 45 --max-exercises 20"; do
  case $args in --full*) mode=full ;; *) mode=week ;; esac
  # one run decides how many: slow commands get 3
  # shellcheck disable=SC2086
  t=$(once "$bin" --catalog "$work/cat200" plan --all $args)
  runs=$(python3 -c "print(3 if $t > 1 else 10)")
  hyperfine -N --warmup 1 --runs "$runs" --export-json "$work/h.json" -n run \
    "$bin --catalog $work/cat200 plan --all $args" >/dev/null 2>&1
  echo "| $mode | \`plan --all $args\` | $(mean_sd run) | $runs |"
done
