#!/bin/sh
# The http module (stdlib_arc/http.arc) through tests/examples/http_server.arc,
# natively (ARC_WORKERS=1 and 2) and under qemu-x86_64:
# tests/e2e/http/client.py's checks (routes, HEAD, keep-alive, pipelining,
# Content-Length and chunked bodies, Expect: 100-continue, limits, every
# kind of malformed or ambiguous request, HTTP/1.0, concurrent
# connections), then curl's view of the same server; after each run the
# server is still running and its /proc/PID/fd count is back to where it
# started.  Then the command line: no port, a bad port, a port in use.
# Then the client (http.request/get): tests/e2e/http/fetch.arc against
# tests/e2e/http/server.py, a Python server that writes each response
# byte for byte (every way of framing a body, a 1xx, 3 MB, and errors).
# Last, the request parser's fuzzer (tests/fuzz/http_fuzz.arc: 100,000
# mutated requests natively, 20,000 under qemu; `make fuzz` runs more).
# wrk against it, beside a C epoll server: `make bench`.
. tests/e2e/lib.sh

if ! "$ARC" build tests/examples/http_server.arc -o "$T/http_server" 2> "$T/build.err"; then
    not_ok "http_server builds"
    sed 's/^/# /' "$T/build.err" | head -20
    exit 0
fi

# http_run LABEL WORKERS RUNNER CONNS
http_run() {
    server_ready "$1" "$T/http_server" "$2" "$3" "listening on http://127.0.0.1:@PORT@/" || return
    timeout 300 python3 tests/e2e/http/client.py $_port "$4" > "$T/client.out" 2>&1
    sed "s/^ok - /ok - $1: /; s/^not ok - /not ok - $1: /" "$T/client.out"
    u=http://127.0.0.1:$_port
    check "$1: curl GET /" sh -c "test \"\$(curl -sS $u/)\" = 'Hello, World!'"
    check "$1: curl, two URLs on one connection" \
        sh -c "curl -sSv $u/ $u/ 2>&1 | grep -q 'Re-using existing connection'"
    check "$1: curl --http1.0" sh -c "curl -sS --http1.0 -i $u/ | grep -q '^Connection: close'"
    check "$1: curl POST of README.md, chunked, echoed exactly" \
        sh -c "curl -sS -H 'Transfer-Encoding: chunked' --data-binary @README.md $u/echo | cmp -s - README.md"
    check "$1: curl 404" sh -c "test \"\$(curl -s -o /dev/null -w '%{http_code}' $u/missing)\" = 404"
    server_done "$1"
}

http_run "native, ARC_WORKERS=1" 1 "" 200
http_run "native, ARC_WORKERS=2" 2 "" 200
http_run "qemu-x86_64, ARC_WORKERS=2" 2 "$QEMU" 50

"$T/http_server" > "$T/o" 2> "$T/e"
check "http_server with no port: exit 2 and its usage" sh -c "test $? -eq 2 && grep -q '^usage: http_server PORT' '$T/e'"
"$T/http_server" 70000 > "$T/o" 2> "$T/e"
check "http_server 70000: exit 2, 'bad port'" sh -c "test $? -eq 2 && grep -q 'bad port: 70000' '$T/e'"
server_start "$T/http_server" 1 ""
if grep -q listening "$T/srv.out" 2> /dev/null; then
    timeout 10 "$T/http_server" $_port > "$T/o" 2> "$T/e"
    check "http_server on a port in use: exit 1, EADDRINUSE on stderr" \
        sh -c "test $? -eq 1 && grep -q 'cannot listen on 127.0.0.1:$_port: EADDRINUSE' '$T/e'"
else
    not_ok "http_server on a port in use: the first server did not start"
fi
kill $_pid 2> /dev/null
wait $_pid 2> /dev/null || :

if "$ARC" build tests/fuzz/http_fuzz.arc -o "$T/http_fuzz"; then
    check "http_fuzz: 100,000 mutated requests keep parse's promises (native)" \
        sh -c "'$T/http_fuzz' 100000 1 > '$T/fz' || { cat '$T/fz'; false; }"
    check "http_fuzz: 20,000 under qemu-x86_64" \
        sh -c "$QEMU '$T/http_fuzz' 20000 2 > '$T/fz' || { cat '$T/fz'; false; }"
else
    not_ok "http_fuzz builds"
fi

if "$ARC" build tests/e2e/http/fetch.arc -o "$T/fetch"; then
    server_start tests/e2e/http/server.py 1 python3
    dead=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    directive expect tests/e2e/http/fetch.arc > "$T/fetch.want"
    for mode in native qemu; do
        run=
        [ $mode = qemu ] && run=$QEMU
        timeout 60 $run "$T/fetch" $_port "$dead" > "$T/fetch.got" 2>&1
        check "client against a Python server: every framing, 1xx, 3 MB, errors ($mode)" \
            sh -c "cmp -s '$T/fetch.want' '$T/fetch.got' || { diff '$T/fetch.want' '$T/fetch.got'; false; }"
    done
    kill $_pid 2> /dev/null
    wait $_pid 2> /dev/null || :
else
    not_ok "fetch.arc builds"
fi
