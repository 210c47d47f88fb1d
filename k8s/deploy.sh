#!/usr/bin/env bash
# Deploys the cluster with a kustomize overlay (docs/deployment.md).
#   k8s/deploy.sh apply   [overlay]  create the overlay's db-secret.env if missing, apply, wait
#   k8s/deploy.sh delete  [overlay]  remove the workloads; the namespace and volumes stay
#   k8s/deploy.sh status  [overlay]  workloads, pods, services, autoscaler, router status
#   k8s/deploy.sh scale N [overlay]  run N Uptime Kuma nodes (raises the autoscaler's floor)
# overlay: dev (default), staging, production, or the path of a kustomization directory.
# KUBECTL (default kubectl) and ROLLOUT_TIMEOUT (default 600s) can be set.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
KUBECTL=${KUBECTL:-kubectl}
ROLLOUT_TIMEOUT=${ROLLOUT_TIMEOUT:-600s}

usage() {
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

die() {
  echo "deploy: $*" >&2
  exit 1
}

overlay_dir() { # NAME-OR-PATH
  case $1 in
    */*) echo "$1" ;;
    *) echo "$HERE/overlays/$1" ;;
  esac
}

namespace_of() { # DIR: the overlay's `namespace:`; every object of the cluster lives there.
  awk '$1 == "namespace:" { print $2; exit }' "$1/kustomization.yaml"
}

random_password() {
  LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c 32 || true
}

# The secret's env file is git-ignored. Create it with random passwords only when it is missing:
# a database that already exists keeps the password it was created with.
ensure_secret_file() { # DIR
  local file=$1/db-secret.env
  [ -f "$file" ] && return 0
  grep -q 'db-secret.env' "$1/kustomization.yaml" || return 0
  echo "deploy: creating $file with random passwords (git-ignored; keep a copy somewhere safe)" >&2
  (
    umask 077
    printf 'MYSQL_USER=kuma\nMYSQL_DATABASE=kuma\nMYSQL_PASSWORD=%s\nMYSQL_ROOT_PASSWORD=%s\n' \
      "$(random_password)" "$(random_password)" >"$file"
  )
}

# Rendered objects minus the Namespace, so that `delete` keeps the namespace and with it the
# PersistentVolumeClaims (the database and the nodes' data). kustomize writes top-level keys
# unindented and separates objects with `---` lines.
without_namespace() {
  awk '
    function flush() {
      if (doc != "" && doc !~ /(^|\n)kind: Namespace\n/) printf "%s---\n", doc
      doc = ""
    }
    /^---$/ { flush(); next }
    { doc = doc $0 "\n" }
    END { flush() }
  '
}

has() { # NAMESPACE RESOURCE
  "$KUBECTL" -n "$1" get "$2" >/dev/null 2>&1
}

wait_rollout() { # NAMESPACE
  local r
  for r in statefulset/mariadb statefulset/uptime-kuma deployment/kuma-router; do
    if has "$1" "$r"; then
      "$KUBECTL" -n "$1" rollout status "$r" --timeout="$ROLLOUT_TIMEOUT"
    fi
  done
}

[ $# -ge 1 ] || usage
command=$1
shift
replicas=""
if [ "$command" = scale ]; then
  [ $# -ge 1 ] || usage
  replicas=$1
  shift
  [[ $replicas =~ ^[1-9][0-9]{0,2}$ ]] || die "scale: expected a node count from 1 to 999, got '$replicas'"
fi
[ $# -le 1 ] || usage
dir=$(overlay_dir "${1:-dev}")
[ -f "$dir/kustomization.yaml" ] || die "no kustomization.yaml in $dir"
ns=$(namespace_of "$dir")
[ -n "$ns" ] || die "$dir/kustomization.yaml sets no namespace"

case $command in
  apply)
    ensure_secret_file "$dir"
    "$KUBECTL" apply -k "$dir"
    wait_rollout "$ns"
    echo "deploy: $ns is up. Router status: k8s/deploy.sh status ${1:-dev}" >&2
    ;;
  delete)
    "$KUBECTL" kustomize "$dir" | without_namespace | "$KUBECTL" delete --ignore-not-found -f -
    echo "deploy: workloads removed; namespace $ns and its volumes are kept." >&2
    echo "deploy: to drop the data as well: $KUBECTL delete namespace $ns" >&2
    ;;
  status)
    "$KUBECTL" -n "$ns" get statefulsets,deployments,pods,services,ingresses,hpa,pdb -o wide
    # The internal listener answers inside the pod only (it is not behind the Ingress).
    "$KUBECTL" -n "$ns" exec deployment/kuma-router -- \
      wget -q -T 5 -O - http://127.0.0.1:9145/lb/status || echo "deploy: router status unavailable" >&2
    echo
    ;;
  scale)
    if has "$ns" hpa/uptime-kuma-hpa; then
      max=$("$KUBECTL" -n "$ns" get hpa/uptime-kuma-hpa -o 'jsonpath={.spec.maxReplicas}')
      [ "${max:-0}" -ge "$replicas" ] || max=$replicas
      "$KUBECTL" -n "$ns" patch hpa/uptime-kuma-hpa --type merge \
        -p "{\"spec\":{\"minReplicas\":$replicas,\"maxReplicas\":$max}}"
    fi
    "$KUBECTL" -n "$ns" scale statefulset/uptime-kuma --replicas="$replicas"
    # The router compares the registry with the expected node count.
    "$KUBECTL" -n "$ns" set env deployment/kuma-router CLUSTER_NODE_COUNT="$replicas"
    "$KUBECTL" -n "$ns" rollout status statefulset/uptime-kuma --timeout="$ROLLOUT_TIMEOUT"
    echo "deploy: $replicas nodes. The next 'apply' restores the overlay's count: change it there to keep it." >&2
    ;;
  *)
    usage
    ;;
esac
