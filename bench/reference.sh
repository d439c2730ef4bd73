#!/usr/bin/env bash
# Runs bench/LuceneReference.java, the plain-Lucene reference of the search benchmark, with the Lucene, Jackson and
# ICU4J jars that the application's build already fetched into the local Maven repository.
# Usage: bench/reference.sh <data-dir>/index/record [seconds per query class]      the search reference
#        bench/reference.sh --build <file.jsonl> <new index dir> [threads] [RAM buffer MB]   the index-build reference
# With REFERENCE_JAVA_OPTS=-Dpollute.mb=64, the search reference writes 64 MB of other memory before each search,
# which pushes what the last searches read out of the CPU caches (twice the 32 MB L3 of the benchmark machine).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
m2="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
jar() { # group path, artifact: the newest version in the local repository
  local version
  version="$(ls "$m2/$1/$2" | sort -V | tail -1)"
  echo "$m2/$1/$2/$version/$2-$version.jar"
}
cp="$(jar org/apache/lucene lucene-core):$(jar org/apache/lucene lucene-analysis-common)"
cp="$cp:$(jar tools/jackson/core jackson-core):$(jar tools/jackson/core jackson-databind)"
cp="$cp:$(jar com/fasterxml/jackson/core jackson-annotations)"
cp="$cp:$(jar com/ibm/icu icu4j)"
if [ "$1" = "--build" ]; then
  exec java -Xmx2g -cp "$cp" "$here/LuceneReference.java" --build "$2" "$3" "${4:-2}" "${5:-64}"
fi
exec java -Xmx2g ${REFERENCE_JAVA_OPTS:-} -cp "$cp" "$here/LuceneReference.java" "$1" "$here/queries.json" "${2:-30}"
