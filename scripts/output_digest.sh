#!/bin/bash
# One md5 per article directory of `missiond extract` output (every event, every field):
# two builds that print the same lines extract byte for byte the same. For refactors:
#   scripts/output_digest.sh .build/release/missiond > /tmp/before; (change, rebuild); scripts/output_digest.sh | diff /tmp/before -
set -u
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/missiond}
for dir in seeds ../shared/eval/real/articles ../shared/eval/real-zh/articles eval/real-corpus/articles \
           eval/real-corpus-zh/articles eval/holdout/dev eval/holdout/test eval/holdout2/dev eval/holdout2/test \
           eval/unlabelled/articles; do
    [ -d "$dir" ] || continue
    printf '%s %s %s\n' "$("$BIN" extract "$dir" 2>&1 | md5sum | cut -c1-32)" "$(ls "$dir" | wc -l)" "$dir"
done
