#!/usr/bin/env bash
# Runs bench/FingerprintLookup.java: the cost of one upload's check for texts already there (RecordTexts.findLike) on
# an archive's PostgreSQL database, beside its two SQL look-ups measured alone (EXPLAIN ANALYZE), in one run.
# Usage: bench/fingerprint_lookup.sh JDBC_URL [texts] [rounds]     e.g. jdbc:postgresql://127.0.0.1:5432/archive
# Builds the classes first (mvn compile); the database user is postgres, without a password.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -o -Djacoco.skip=true compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
mvn -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime
java -cp "target/classes:$(cat "$cp_file")" bench/FingerprintLookup.java "$1" "${2:-100}" "${3:-5}"
