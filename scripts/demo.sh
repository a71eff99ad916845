#!/usr/bin/env bash
# The main job, end to end on the embedded defaults: a local registry, the app, a sample git repository,
# a fresh Cosign key pair, the example pipeline run through the API, the attestation verified with the
# verifier and a policy set, then the verify pipeline (build, then a SlsaVerification step) run and its
# verdict shown.
#   ./scripts/demo.sh                 run it and stop everything it started
#   ./scripts/demo.sh --keep-running  leave the app and registry up to look at the UI (Ctrl-C stops them)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
KEEP_RUNNING=false
[ "${1:-}" = "--keep-running" ] && KEEP_RUNNING=true

source scripts/lib/packages.sh
ensure_packages "${DEMO_PACKAGES[@]}"

step() { printf '\n==> %s\n' "$*"; }
fail() { echo "demo failed: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

step "Building the application"
mvn -B -q -DskipTests package
JAR="$ROOT/ci-manager-app/target/ci-manager-app.jar"

WORK=$(mktemp -d /tmp/ci-manager-demo.XXXXXX)
# o+x: isolated builds run as host uids 100000+ and must traverse to their files under $WORK/data
chmod 711 "$WORK"
REG_PORT=$(free_port); HTTP_PORT=$(free_port); ADMIN_PORT=$(free_port)
REGISTRY="127.0.0.1:$REG_PORT"
API="http://127.0.0.1:$HTTP_PORT/api/v1"
ADMIN_TOKEN=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "(logs and data kept in $WORK)"
}
trap cleanup EXIT

step "Starting docker-registry on $REGISTRY"
cat > "$WORK/registry.yml" <<YAML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: $WORK/registry}}
http: {addr: $REGISTRY}
YAML
docker-registry serve "$WORK/registry.yml" > "$WORK/registry.log" 2>&1 &
PIDS+=($!)

step "Starting the CI manager (embedded MongoDB, data in $WORK/data)"
CI_MANAGER_HTTP_PORT=$HTTP_PORT CI_MANAGER_ADMIN_PORT=$ADMIN_PORT CI_MANAGER_DATA_DIR="$WORK/data" \
CI_MANAGER_ADMIN_TOKEN=$ADMIN_TOKEN CI_MANAGER_INSECURE_REGISTRIES=$REGISTRY \
CI_MANAGER_GIT_LOCAL_ROOT="$WORK/git" \
  java -jar "$JAR" server config/ci-manager.yml > "$WORK/app.log" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$ADMIN_PORT/healthcheck" > /dev/null && break
  kill -0 "${PIDS[1]}" 2>/dev/null || { tail -40 "$WORK/app.log"; fail "the application exited"; }
  sleep 0.5
done
curl -sf "http://127.0.0.1:$ADMIN_PORT/healthcheck" > /dev/null || fail "the application did not become healthy"

# call METHOD PATH [curl args...]: prints the body, fails loudly on an HTTP error
call() {
  local method=$1 path=$2; shift 2
  local out status
  out=$(curl -sS -X "$method" -H "Authorization: Bearer $TOKEN" -w '\n%{http_code}' "$@" "$API$path")
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  [ "${status:0:1}" = "2" ] || fail "$method $path answered $status: $out"
  printf '%s' "$out"
}
json() { call "$1" "$2" -H 'Content-Type: application/json' -d "$3"; }

step "Creating account 'demo' and project default/demo"
TOKEN=$ADMIN_TOKEN
TOKEN=$(json POST /accounts '{"identifier":"demo","name":"Demo","user":{"name":"Demo User","email":"demo@example.com"}}' | jq -r .token)
json POST /orgs/default/projects '{"identifier":"demo","name":"Demo"}' > /dev/null

step "Making a sample git repository"
# file:// Git URLs must point under <CI_MANAGER_GIT_LOCAL_ROOT>/<account>/
SRC="$WORK/git/demo/app-src"
mkdir -p "$SRC"
printf 'hello from the demo\n' > "$SRC/hello.txt"
cat > "$SRC/Dockerfile" <<'DOCKERFILE'
FROM scratch
ARG VERSION
COPY hello.txt /hello.txt
DOCKERFILE
git -C "$SRC" init -q -b main
git -C "$SRC" -c user.name=demo -c user.email=demo@example.com add -A
git -C "$SRC" -c user.name=demo -c user.email=demo@example.com commit -qm "demo app"
COMMIT=$(git -C "$SRC" rev-parse HEAD)

step "Generating a Cosign key pair and storing it as secrets"
COSIGN_PASSWORD=$(head -c 18 /dev/urandom | base64)
COSIGN_PASSWORD=$COSIGN_PASSWORD java -jar "$JAR" generate-key-pair --output-prefix "$WORK/cosign" > /dev/null
call POST /secrets/file -F identifier=cosign_private_key -F name="Cosign private key" -F file=@"$WORK/cosign.key" > /dev/null
json POST /secrets/text "$(jq -n --arg v "$COSIGN_PASSWORD" '{identifier:"cosign_password",name:"Cosign password",value:$v}')" > /dev/null

step "Creating connectors and the pipeline (examples/pipeline-slsa.yaml)"
json POST /connectors "{\"identifier\":\"local_registry\",\"name\":\"Local registry\",\"type\":\"DockerRegistry\",
  \"spec\":{\"dockerRegistryUrl\":\"http://$REGISTRY\",\"providerType\":\"Other\",\"auth\":{\"type\":\"Anonymous\"}}}" > /dev/null
json POST /orgs/default/projects/demo/connectors "{\"identifier\":\"app_repo\",\"name\":\"App repo\",\"type\":\"Git\",
  \"spec\":{\"url\":\"file://$SRC\",\"connectionType\":\"Repo\",\"authentication\":{\"type\":\"Anonymous\"}}}" > /dev/null
call PUT /orgs/default/projects/demo/pipelines/build_app -H 'Content-Type: application/yaml' \
  --data-binary @examples/pipeline-slsa.yaml > /dev/null

# run_pipeline ID: starts the project's pipeline ID, waits for it to end, prints it; fails unless SUCCESS
run_pipeline() {
  local exec status=QUEUED
  exec=$(json POST "/orgs/default/projects/demo/pipelines/$1/executions" '{}' | jq -r .executionId)
  for _ in $(seq 1 300); do
    status=$(call GET "/executions/$exec" | jq -r .status)
    case $status in SUCCESS|FAILED|ABORTED) break ;; esac
    sleep 1
  done
  call GET "/executions/$exec" | jq . >&2
  [ "$status" = "SUCCESS" ] || fail "execution $exec of $1 ended $status"
  printf '%s' "$exec"
}

step "Running the pipeline"
EXEC=$(run_pipeline build_app)

ARTIFACT=$(call GET "/executions/$EXEC/artifacts" | jq '.artifacts[0]')
echo "$ARTIFACT" | jq .
DIGEST=$(echo "$ARTIFACT" | jq -r .digest)
ATT_REF=$(echo "$ARTIFACT" | jq -r .provenance.attestationRef)
[ "$(echo "$ARTIFACT" | jq -r .provenance.status)" = "PUSHED" ] || fail "provenance was not pushed"

step "Verifying the attestation and the release policy set (examples/policyset-release.json)"
java -jar "$JAR" verify-attestation --registry "http://$REGISTRY" --repository demo/app \
  --digest "$DIGEST" --key "$WORK/cosign.pub" --insecure --policy examples/policyset-release.json
if [ -x "$ROOT/../shared/tools/verify-att" ]; then
  step "Second opinion: ../shared/tools/verify-att"
  "$ROOT/../shared/tools/verify-att" "http://$REGISTRY" demo/app "$DIGEST" "$WORK/cosign.pub" \
    --expect "predicate.buildDefinition.externalParameters.codeMetadata.commitSha=$COMMIT"
fi

step "Storing the public key and the release policy set, saving the verify pipeline (examples/pipeline-verify.yaml)"
call POST /secrets/file -F identifier=cosign_public_key -F name="Cosign public key" -F file=@"$WORK/cosign.pub" > /dev/null
call POST /policysets -H 'Content-Type: application/json' --data-binary @examples/policyset-release.json > /dev/null
call PUT /orgs/default/projects/demo/pipelines/build_and_verify -H 'Content-Type: application/yaml' \
  --data-binary @examples/pipeline-verify.yaml > /dev/null

step "Running the verify pipeline: build and push, then the SlsaVerification step"
VERIFY_EXEC=$(run_pipeline build_and_verify)
VERDICT=$(call GET "/executions/$VERIFY_EXEC/artifacts" | jq '[.artifacts[] | select(.verification != null)][0]')
echo "$VERDICT" | jq '{digest, verification}'
[ "$(echo "$VERDICT" | jq -r .verification.status)" = "PASSED" ] || fail "the SLSA verification did not pass"

cat <<SUMMARY

Demo passed.
  image digest     $REGISTRY/demo/app@$DIGEST
  attestation      $ATT_REF
  execution (API)  $API/executions/$EXEC
  artifacts (API)  $API/executions/$EXEC/artifacts
  verification     PASSED: $API/executions/$VERIFY_EXEC/artifacts
  UI               http://127.0.0.1:$HTTP_PORT/ui/#/executions/$EXEC/artifacts   (sign in with token $TOKEN)
SUMMARY

if $KEEP_RUNNING; then
  echo "Leaving the app and the registry running; Ctrl-C stops them."
  wait
fi
