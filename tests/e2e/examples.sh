#!/bin/sh
# The programs of tests/examples/, natively and under qemu-x86_64:
#   sleep_sort N...   prints its arguments sorted, each task sleeping that
#                     many milliseconds (ARC_WORKERS=1, 2, 4);
#   echo_server PORT  serves tests/load/echo_load (a C epoll client built
#                     with the system gcc): ECHO_CONNS concurrent
#                     connections (default 500; qemu: 50) each sending
#                     and checking ECHO_MSGS messages (default 100; qemu:
#                     20), ARC_WORKERS=1 and 2; every byte echoed, the
#                     server still running, its /proc/PID/fd count back to
#                     where it started.  `make bench-echo` runs 10,000.
. tests/e2e/lib.sh

for p in sleep_sort echo_server; do
    if ! "$ARC" build "tests/examples/$p.arc" -o "$T/$p" 2> "$T/$p.err"; then
        not_ok "$p builds"
        sed 's/^/# /' "$T/$p.err" | head -20
    fi
done
if ! gcc -O2 -Wall -Wextra -Werror -o "$T/echo_load" tests/load/echo_load.c; then
    not_ok "tests/load/echo_load.c builds"
fi

printf '0\n10\n20\n30\n50\n80\n120\n' > "$T/sorted"
for w in 1 2 4; do
    for mode in native qemu; do
        runner=
        [ $mode = qemu ] && runner=$QEMU
        # shellcheck disable=SC2086
        ARC_WORKERS=$w timeout 60 $runner "$T/sleep_sort" 80 20 120 0 50 10 30 > "$T/ss.out" 2>&1
        check "sleep_sort 80 20 120 0 50 10 30: sorted (ARC_WORKERS=$w, $mode)" cmp -s "$T/sorted" "$T/ss.out"
    done
done
ARC_WORKERS=1 "$T/sleep_sort" 3 x > "$T/ss.out" 2>&1
check "sleep_sort with a non-number: exit status 2 and a message" \
    sh -c "test $? -eq 2 && grep -q 'not a number of milliseconds: x' '$T/ss.out'"

# echo_run LABEL WORKERS RUNNER CONNS MSGS [FD-LIMIT]: echo_server on a
# port of its own (server_up, lib.sh) under the load client.
echo_run() {
    server_ready "$1" "$T/echo_server" "$2" "$3" "listening on 127.0.0.1:@PORT@" "${6:-}" || return
    timeout 120 "$T/echo_load" $_port "$4" "$5" 100 > "$T/load.out" 2> "$T/load.err"
    check "$1: $4 connections x $5 messages, every byte echoed ($(cat "$T/load.out"))" test $? -eq 0
    sed 's/^/# /' "$T/load.err" | head -5
    server_done "$1"
}

# a port in use: the second server says so on stderr and exits 1
server_start "$T/echo_server" 1 ""
if grep -q listening "$T/srv.out" 2> /dev/null; then
    timeout 10 "$T/echo_server" $_port > "$T/dup.out" 2> "$T/dup.err"
    _st=$?
    check "echo_server on a port in use: exit 1, 'cannot listen on 127.0.0.1:$_port: EADDRINUSE' on stderr, nothing on stdout" \
        sh -c "test $_st -eq 1 && grep -q '^echo_server: cannot listen on 127.0.0.1:$_port: EADDRINUSE' '$T/dup.err' && ! test -s '$T/dup.out'"
else
    not_ok "echo_server on a port in use: the first server did not start"
fi
kill $_pid 2> /dev/null
wait $_pid 2> /dev/null
"$T/echo_server" 70000 > "$T/dup.out" 2> "$T/dup.err"
_st=$?
check "echo_server 70000: exit 2 and 'bad port' on stderr" \
    sh -c "test $_st -eq 2 && grep -q 'bad port: 70000' '$T/dup.err'"

# with 40 descriptors the server runs out (EMFILE) while 150 clients
# connect: its accept loop backs off and serves them all as others close
echo_run "echo_server under ulimit -n 40 (EMFILE), 150 connections" 2 "" 150 20 40
for w in 1 2; do
    echo_run "echo_server, ARC_WORKERS=$w (native)" $w "" "${ECHO_CONNS:-500}" "${ECHO_MSGS:-100}"
    echo_run "echo_server, ARC_WORKERS=$w (qemu-x86_64)" $w "$QEMU" 50 20
done
echo "1..$n"
