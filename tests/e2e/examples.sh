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

# echo_run LABEL WORKERS RUNNER CONNS MSGS [FD-LIMIT]
# Each run gets its own port below the kernel's ephemeral range (32768 and
# up on Linux by default), so a client socket of this or another test
# cannot hold it; a port some other program holds (EADDRINUSE)
# is retried with the next one, at most 5 times.
_seq=0
echo_start() {   # echo_start WORKERS RUNNER [FD-LIMIT]: sets _port and _pid
    _seq=$((_seq + 1))
    _port=$((10000 + ($$ * 8 + _seq * 101) % 22000))
    rm -f "$T/srv.out"
    # shellcheck disable=SC2086
    (
        [ -n "${3:-}" ] && ulimit -n "$3"
        exec env ARC_WORKERS=$1 $2 "$T/echo_server" $_port > "$T/srv.out" 2> "$T/srv.err"
    ) &
    _pid=$!
    _i=0
    while [ $_i -lt 100 ] && ! grep -q listening "$T/srv.out" 2> /dev/null &&
        kill -0 $_pid 2> /dev/null; do
        sleep 0.05
        _i=$((_i + 1))
    done
}
echo_run() {
    _try=0
    while :; do
        echo_start "$2" "$3" "${6:-}"
        grep -q listening "$T/srv.out" 2> /dev/null && break
        wait $_pid 2> /dev/null
        cat "$T/srv.out" "$T/srv.err" 2> /dev/null | grep -q 'EADDRINUSE' && [ $_try -lt 5 ] || break
        _try=$((_try + 1))
    done
    if ! grep -qx "listening on 127.0.0.1:$_port" "$T/srv.out"; then
        not_ok "$1: echo_server prints 'listening on 127.0.0.1:$_port'"
        sed 's/^/# /' "$T/srv.out" "$T/srv.err" | head
        kill $_pid 2> /dev/null
        return
    fi
    _fd0=$(ls /proc/$_pid/fd | wc -l)
    timeout 120 "$T/echo_load" $_port "$4" "$5" 100 > "$T/load.out" 2> "$T/load.err"
    _st=$?
    sleep 0.3
    _fd1=$(ls /proc/$_pid/fd | wc -l)
    check "$1: $4 connections x $5 messages, every byte echoed ($(cat "$T/load.out"))" test $_st -eq 0
    sed 's/^/# /' "$T/load.err" | head -5
    check "$1: the server is still running" kill -0 $_pid
    check "$1: /proc/PID/fd count back to $_fd0 (now $_fd1)" test "$_fd0" -eq "$_fd1"
    kill $_pid 2> /dev/null
    wait $_pid 2> /dev/null
}

# a port in use: the second server says so on stderr and exits 1
echo_start 1 ""
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
