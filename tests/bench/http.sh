#!/bin/sh
# tests/bench/http.sh: HTTP hello under wrk (DESIGN.md's row: at least the
# C server's requests/s on one worker, ahead of Go on two), side by side
# in one run: arc_http_hello.arc (the stdlib's http server) on 1 and 2
# workers, musl_http_hello.c (one thread, an epoll loop that answers
# every request head without parsing it) and go_http_hello.go (net/http,
# GOMAXPROCS=1 and 2, when go is installed).  wrk -t2 -c100 for
# HTTP_SECS seconds (default 5), HTTP_ROUNDS rounds in turns (default 3),
# the median requests/s; every response must be a 200 (wrk's "Non-2xx"
# and socket errors stop the script).  127.0.0.1 only.  Part of
# `make bench`; alone: BUILD=build sh tests/bench/http.sh.
set -eu
BUILD=${BUILD:-build}
ARC=${ARC:-$BUILD/arc}
SECS=${HTTP_SECS:-5}
ROUNDS=${HTTP_ROUNDS:-3}
B=$BUILD/bench/http
S=tests/bench
die() { echo "http bench: $*" >&2; exit 1; }
command -v wrk > /dev/null || die "needs wrk (apt-get install wrk)"
mkdir -p "$B"
"$ARC" build $S/arc_http_hello.arc -o "$B/arc"
musl-gcc -static -O2 -std=c11 -Wall -Wextra -Werror -o "$B/c" $S/musl_http_hello.c
servers="arc1 arc2 c"
if command -v go > /dev/null && GOFLAGS= go build -o "$B/go" $S/go_http_hello.go 2> /dev/null; then
    servers="$servers go1 go2"
fi

port=$((20000 + $$ % 5000))
: > "$B/samples"
for r in $(seq "$ROUNDS"); do
    for s in $servers; do
        port=$((port + 1))
        rm -f "$B/srv.out"
        case $s in
            arc1) ARC_WORKERS=1 "$B/arc" $port > "$B/srv.out" & ;;
            arc2) ARC_WORKERS=2 "$B/arc" $port > "$B/srv.out" & ;;
            c) "$B/c" $port > "$B/srv.out" & ;;
            go1) GOMAXPROCS=1 "$B/go" $port > "$B/srv.out" & ;;
            go2) GOMAXPROCS=2 "$B/go" $port > "$B/srv.out" & ;;
        esac
        pid=$!
        i=0
        while ! grep -q listening "$B/srv.out" 2> /dev/null; do
            i=$((i + 1))
            [ $i -lt 100 ] || die "$s did not start"
            sleep 0.05
        done
        wrk -t2 -c100 -d"${SECS}s" "http://127.0.0.1:$port/" > "$B/wrk.out" 2>&1 || die "wrk failed on $s"
        kill $pid
        wait $pid 2> /dev/null || :
        ! grep -q -e "Non-2xx" -e "Socket errors" "$B/wrk.out" || die "$s: $(grep -e Non-2xx -e Socket "$B/wrk.out")"
        echo "$s $(awk '/Requests\/sec/ { print $2 }' "$B/wrk.out")" >> "$B/samples"
    done
done
awk -v rounds="$ROUNDS" -v secs="$SECS" '
{ v[$1] = v[$1] " " $2 }
function median(k,    a, n, i, j, t) {
    n = split(v[k], a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return a[int((n + 1) / 2)]
}
END {
    printf "\nHTTP hello, wrk -t2 -c100 -d%ss, median of %d rounds (requests/s; higher is better)\n", secs, rounds
    printf "%-46s %12s %8s\n", "server", "req/s", "vs C"
    c = median("c")
    printf "%-46s %12.0f %8s\n", "C epoll loop, one thread (musl)", c, "1.00x"
    printf "%-46s %12.0f %7.2fx\n", "arc http, ARC_WORKERS=1", median("arc1"), median("arc1") / c
    printf "%-46s %12.0f %7.2fx\n", "arc http, ARC_WORKERS=2", median("arc2"), median("arc2") / c
    if ("go1" in v) {
        printf "%-46s %12.0f %7.2fx\n", "Go net/http, GOMAXPROCS=1", median("go1"), median("go1") / c
        printf "%-46s %12.0f %7.2fx\n", "Go net/http, GOMAXPROCS=2", median("go2"), median("go2") / c
        printf "targets: arc on 1 worker >= C: %s; arc on 2 workers > Go on 2: %s\n",
            (median("arc1") >= c ? "ok" : "MISS"), (median("arc2") > median("go2") ? "ok" : "MISS")
    }
}' "$B/samples"
