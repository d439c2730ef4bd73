#!/usr/bin/env bash
# Runs bench/LuceneReference.java (the in-JVM reference of the search benchmark) against a record index directory,
# with the Lucene jars that the application's build already fetched into the local Maven repository.
# Usage: bench/reference.sh <data-dir>/index/record [seconds per query class]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="${MAVEN_REPOSITORY:-$HOME/.m2/repository}/org/apache/lucene"
version="$(ls "$repo/lucene-core" | sort -V | tail -1)"
cp="$repo/lucene-core/$version/lucene-core-$version.jar:$repo/lucene-analysis-common/$version/lucene-analysis-common-$version.jar"
exec java -Xmx2g -cp "$cp" "$here/LuceneReference.java" "$1" "$here/queries.json" "${2:-30}"
