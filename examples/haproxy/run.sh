#!/usr/bin/env bash
# Starts three mock replicas (ports 4011-4013) and HAProxy on 127.0.0.1:4010 in front of them, routing
# by X-Mock-Session (DESIGN §11). Ctrl-C stops everything. Needs haproxy on the PATH and `npm ci` done.
# Then, e.g.:
#   curl -s -H 'X-Mock-Session: worker-1' -H 'Authorization: Bearer sk_test_regular_minutes' http://127.0.0.1:4010/billing/usage
#   curl -s -H 'X-Mock-Session: worker-1' http://127.0.0.1:4010/__admin/sessions
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v haproxy >/dev/null || { echo "haproxy is not installed (apt-get install haproxy)" >&2; exit 2; }
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
for port in 4011 4012 4013; do
  npm run -s cli -- serve --port "$port" --log-level warn "$@" > /dev/null &
  pids+=($!)
done
for port in 4011 4012 4013; do
  until curl -sf "http://127.0.0.1:$port/__admin/health" > /dev/null; do sleep 0.3; done
done
echo "replicas up on 4011-4013; HAProxy on http://127.0.0.1:4010 (sessions by X-Mock-Session)"
haproxy -f examples/haproxy/haproxy.cfg &
pids+=($!)
wait
