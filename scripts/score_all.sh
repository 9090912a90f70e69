#!/bin/bash
# Scores every evaluation set with one missiond binary: the seeds, ../shared/eval/real (dev),
# eval/real-corpus dev and test, and the Chinese sets. One line per set: fact and event figures.
#   scripts/score_all.sh [path/to/missiond]      (default .build/release/missiond)
#   VERBOSE=1 scripts/score_all.sh               adds score.py -v for every set but the test split
#   KINDS=10 scripts/score_all.sh                adds each set's ten most common kinds of error
#                                                (scripts/error_kinds.py: counts, no article text)
set -u
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/missiond}
SHARED=../shared/eval
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# name gold-dir article-dir [split-file part]
score() {
  local name=$1 gold=$2 arts=$3 split=${4:-} part=${5:-}
  local dir=$arts g=$gold
  if [ -n "$split" ]; then
    dir=$TMP/$name-articles g=$TMP/$name-gold
    mkdir -p "$dir" "$g"
    awk -F'\t' -v p="$part" '$2==p{print $1}' "$split" | while read -r f; do
      cp "$arts/$f" "$dir/"; cp "$gold/${f%.*}.json" "$g/"
    done
  fi
  "$BIN" extract "$dir" > "$TMP/$name.jsonl" 2>/dev/null
  local line
  line=$(python3 "$SHARED/score.py" --gold "$g" --pred "$TMP/$name.jsonl" | grep '^score:')
  printf '%-16s %s\n' "$name" "${line#score: }"
  # The test split is only measured: its details are never printed, only its kinds of error.
  if [ -n "${KINDS:-}" ]; then
    python3 "$SHARED/score.py" --gold "$g" --pred "$TMP/$name.jsonl" -v | python3 scripts/error_kinds.py --top "$KINDS" | sed 's/^/    /'
  elif [ -n "${VERBOSE:-}" ] && [ "$name" != real-corpus-test ] && [ "$name" != zh-corpus-test ]; then
    python3 "$SHARED/score.py" --gold "$g" --pred "$TMP/$name.jsonl" -v
  fi
}

score seeds          "$SHARED/gold"              seeds
score real           "$SHARED/real/gold"         "$SHARED/real/articles"
score real-corpus-dev  eval/real-corpus/gold     eval/real-corpus/articles eval/real-corpus/split.tsv dev
score real-corpus-test eval/real-corpus/gold     eval/real-corpus/articles eval/real-corpus/split.tsv test
# The sets written here: regression tests only, no evidence of quality on real news.
score holdout-dev    eval/holdout/dev-gold       eval/holdout/dev
score holdout-test   eval/holdout/test-gold      eval/holdout/test
score holdout2-dev   eval/holdout2/dev-gold      eval/holdout2/dev
score holdout2-test  eval/holdout2/test-gold     eval/holdout2/test
score real-zh        "$SHARED/real-zh/gold"      "$SHARED/real-zh/articles"
score zh-corpus-dev  eval/real-corpus-zh/gold    eval/real-corpus-zh/articles eval/real-corpus-zh/split.tsv dev
score zh-corpus-test eval/real-corpus-zh/gold    eval/real-corpus-zh/articles eval/real-corpus-zh/split.tsv test
