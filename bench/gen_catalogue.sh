#!/usr/bin/env bash
# Writes a synthetic catalogue: FILES files of PER_FILE exercises each, using
# the built-in vocabulary, into DIR.
#   bench/gen_catalogue.sh DIR FILES PER_FILE
set -euo pipefail
dir=$1 files=$2 per_file=$3
mkdir -p "$dir"
awk -v dir="$dir" -v files="$files" -v per="$per_file" 'BEGIN {
  split("release stretch strengthen integrate", phases, " ")
  split("pelvis hip knee ankle foot", regions, " ")
  split("adductors tensor-fasciae-latae gluteus-medius gluteus-maximus calves foot-intrinsics quadriceps hamstrings popliteus big-toe-flexors", muscles, " ")
  split("band foam-roller massage-ball chair wall", gear, " ")
  for (f = 0; f < files; f++) {
    path = sprintf("%s/generated-%05d.yaml", dir, f)
    print "exercises:" > path
    for (i = 0; i < per; i++) {
      n = f * per + i
      printf "  - id: generated-%d\n    name: Generated exercise %d\n", n, n >> path
      printf "    phase: %s\n    region: %s\n", phases[n % 4 + 1], regions[n % 5 + 1] >> path
      printf "    targets: [%s, %s]\n    equipment: [%s]\n", muscles[n % 10 + 1], muscles[(n + 3) % 10 + 1], gear[n % 5 + 1] >> path
      printf "    summary: A synthetic exercise for measuring load time, number %d.\n", n >> path
      if (n % 2) printf "    dose: {sets: 2, reps: 10-15, hold_seconds: 2, per_side: true}\n" >> path
      else printf "    dose: {duration_seconds: 30, per_side: true}\n" >> path
      printf "    steps:\n      - Get into the starting position with the knee over the middle toes.\n      - Move slowly through the range and breathe out on the effort.\n      - Return with control and repeat on the other side.\n" >> path
      printf "    cues: [Keep the pelvis level., Stop if it hurts.]\n    source: bench\n    priority: %d\n", n % 3 + 1 >> path
      printf "    progressions:\n      - {week: 3, change: Add a set., dose: {sets: 3}}\n" >> path
    }
    close(path)
  }
}'
