#!/usr/bin/env bash
# Runs the benchmarks behind docs/PERFORMANCE.md and prints their figures (about 6 minutes).
#   ./scripts/bench.sh            all of them
#   ./scripts/bench.sh signing    one of: signing publish store attest verify isolation webhook schedule
# Figures depend on what else the machine is doing: `uptime` is printed with each.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh
ensure_packages "${DEMO_PACKAGES[@]}"

echo "==> building (tests compiled, not run)"
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
classpath() { echo "$1/target/test-classes:$1/target/classes:$(cat "$1/target/bench.classpath")"; }

run() {
  local name=$1; shift
  printf '\n==> %s   (%s)\n' "$name" "$(uptime | sed 's/.*load/load/')"
  java -Djmh.ignoreLock=true "$@"
}

for WHICH in signing publish store attest verify isolation webhook schedule; do
  [ $# -gt 0 ] && [[ " $* " != *" $WHICH "* ]] && continue
  case $WHICH in
    signing) run "signing: raw ECDSA P-256 vs provenance + DSSE; key cache hit (JMH, us/op)" \
               -cp "$(classpath ssca-provenance)" org.openjdk.jmh.Main SigningBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s ;;
    publish) run "publish one .att to a loopback docker-registry (JMH, ops/s; requests per publish)" \
               -cp "$(classpath ssca-provenance)" org.openjdk.jmh.Main PublishBenchmark -f 1 -wi 1 -w 3s -i 3 -r 5s ;;
    store)   run "provenance store on the embedded H2 file, 100k records" \
               -cp "$(classpath ssca-storage)" dev.cimanager.ssca.storage.ProvenanceStoreBenchmark 100000 ;;
    verify)  run "SLSA verification of a one-layer image vs the registry floor; 20 CEL policies (JMH sample, us/op)" \
               -cp "$(classpath ssca-provenance)" org.openjdk.jmh.Main VerifyBenchmark -f 1 -wi 2 -w 3s -i 3 -r 5s ;;
    attest)  run "SSCA work per image: ProvenanceService.attest vs a bare push of same-sized blobs and manifest, interleaved (cached key, H2 Mongo, loopback registry)" \
               -cp "$(classpath ci-manager-app)" dev.cimanager.app.provenance.AttestBenchmark 200 400 ;;
    isolation) ensure_packages busybox-static
               run "a small build (FROM scratch + COPY + 1 RUN + push): chroot vs isolated RUN steps, p50 of 10 each" \
               -cp "$(classpath ci-manager-app)" dev.cimanager.app.execution.tools.IsolationBenchmark 10 ;;
    webhook) run "webhook endpoint: signed GitHub push deliveries answered 202 (loopback HTTP, H2 Mongo)" \
               -cp "$(classpath ci-manager-app)" dev.cimanager.app.triggers.WebhookBenchmark 1000 200 ;;
    schedule) run "schedule: delay from due time to run start, real clock, * * * * * (3 due times)" \
               -cp "$(classpath ci-manager-app)" dev.cimanager.app.triggers.ScheduleBenchmark 3 ;;
  esac
done
