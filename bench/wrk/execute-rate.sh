#!/usr/bin/env bash
# Requests/s on ONE simulated phone's /CGI/Execute, measured with wrk -c64 as DESIGN.md's bare-Jetty ceiling was.
# Usage: bench/wrk/execute-rate.sh [MODEL] [SECONDS]     (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
model=${1:-CP-8845}; secs=${2:-10}
dir=$(mktemp -d); trap 'kill $sim 2>/dev/null; rm -rf "$dir"' EXIT
./phonectl sim --phones 1 --models "$model" --user bench --password bench-pass --fleet-file "$dir/fleet.csv" >"$dir/sim.log" 2>&1 &
sim=$!
for _ in $(seq 1 300); do [ -s "$dir/fleet.csv" ] && break; sleep 0.1; done
addr=$(sed -n 2p "$dir/fleet.csv" | cut -d, -f2)
echo "phone: $model at $addr"
curl -s -o /dev/null -w 'warm-up: HTTP %{http_code}\n' -u bench:bench-pass --data-urlencode 'XML=<CiscoIPPhoneExecute><ExecuteItem URL="Key:Services"/></CiscoIPPhoneExecute>' "http://$addr/CGI/Execute"
WRK_AUTH=$(printf 'bench:bench-pass' | base64) wrk -t2 -c64 -d"${secs}s" --latency -s bench/wrk/execute.lua "http://$addr"
echo
echo "baseline: the same host and connector answering a POST it refuses without phone work (no auth header -> 401)"
wrk -t2 -c64 -d"${secs}s" -s bench/wrk/baseline.lua "http://$addr"
