/* TCP ping-pong over loopback between two tasks on the arc runtime: one
 * byte each way per round trip, non-blocking sockets, each task parked in
 * the poller (arc_wait_fd) while its socket is not readable.  Prints
 * "pingpong_ns <ns per round trip>" and exits 1 on a wrong byte. */
#include "arc_bench.h"

enum { ROUNDS = 20000, NONBLOCK = 04000 };

struct sin {
    unsigned short family, port;
    unsigned addr;
    char zero[8];
};

static int a_fd, b_fd;

static long recv1(int fd, char *c)
{
    for (;;) {
        long r = arc_read(fd, c, 1);
        if (r != -11)
            return r;
        arc_wait_fd(fd, 1, 0);
    }
}

static long echo(void *arg)
{
    (void)arg;
    char c;
    for (int i = 0; i < ROUNDS; i++) {
        if (recv1(b_fd, &c) != 1 || arc_write(b_fd, &c, 1) != 1)
            return 1;
    }
    return 0;
}

int main(void)
{
    struct sin sa = {2, 0, 0x0100007f, {0}};
    unsigned len = sizeof sa;
    int one = 1;
    int l = (int)arc_socket(2, 1, 0);
    arc_bind(l, &sa, sizeof sa);
    arc_listen(l, 1);
    arc_syscall(51, l, (long)&sa, (long)&len, 0, 0, 0);
    a_fd = (int)arc_socket(2, 1, 0);
    arc_connect(a_fd, &sa, sizeof sa);
    b_fd = (int)arc_accept4(l, 0, 0, NONBLOCK);
    arc_syscall(72, a_fd, 4 /* F_SETFL */, NONBLOCK, 0, 0, 0);
    arc_syscall(54, a_fd, 6, 1 /* TCP_NODELAY */, (long)&one, 4, 0);
    arc_syscall(54, b_fd, 6, 1, (long)&one, 4, 0);
    void *t = arc_spawn(echo, 0);
    long t0 = now_ns();
    char c = 'p', d;
    for (int i = 0; i < ROUNDS; i++) {
        c = (char)('a' + i % 26);
        if (arc_write(a_fd, &c, 1) != 1 || recv1(a_fd, &d) != 1 || d != c)
            return 1;
    }
    long ns = now_ns() - t0;
    if (arc_await(t) != 0)
        return 1;
    report("pingpong_ns", ns, ROUNDS);
    return 0;
}
