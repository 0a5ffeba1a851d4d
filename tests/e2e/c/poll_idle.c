/* A task blocked on a socket never blocks its worker: on one worker, 1000
 * tasks wait on idle sockets (socketpairs) while a CPU-bound task runs to
 * the end without yielding; then each socket gets a byte and every
 * waiter wakes with EPOLLIN and reads it; closing the other ends leaves
 * no descriptor behind. */
// workers: 1
// expect: cpu task done while 1000 wait=1
// expect: woken=1000
// expect: fds back=1
#include "arc_rt.h"
#include "rt_print.h"

enum { N = 1000 };
static int sp[N][2];
static volatile long waiting;

static long reader(void *arg)
{
    int fd = sp[(long)arg][0];
    __atomic_add_fetch(&waiting, 1, __ATOMIC_SEQ_CST);
    long r = arc_wait_fd(fd, 1, 0);
    char c;
    return r == 1 && arc_read(fd, &c, 1) == 1 && c == 'x';
}

static long cpu(void *arg)
{
    (void)arg;
    volatile unsigned long x = 1;
    for (long i = 0; i < 50 * 1000 * 1000; i++)
        x = x * 6364136223846793005ul + 1;
    return waiting == N;
}

static long count_fds(void)
{
    char buf[4096];
    long fd = arc_openat(-100, "/proc/self/fd", 0200000 /* O_DIRECTORY */, 0), n = 0, r;
    while ((r = arc_syscall(217 /* getdents64 */, fd, (long)buf, sizeof buf, 0, 0, 0)) > 0)
        for (long off = 0; off < r; off += *(unsigned short *)(buf + off + 16))
            n++;
    arc_close((int)fd);
    return n;
}

int main(void)
{
    static void *t[N];
    long before = count_fds();
    for (long i = 0; i < N; i++)
        arc_syscall(53 /* socketpair */, 1 /* AF_UNIX */, 1 | 04000 /* SOCK_STREAM|NONBLOCK */, 0,
                    (long)sp[i], 0, 0);
    for (long i = 0; i < N; i++)
        t[i] = arc_spawn(reader, (void *)i);
    while (waiting < N)                 /* every reader parks meanwhile */
        arc_sleep(1000 * 1000);
    put_kv("cpu task done while 1000 wait", arc_await(arc_spawn(cpu, 0)));
    for (long i = 0; i < N; i++)
        arc_write(sp[i][1], "x", 1);
    long woken = 0;
    for (long i = 0; i < N; i++)
        woken += arc_await(t[i]);
    put_kv("woken", woken);
    for (long i = 0; i < N; i++) {
        arc_close(sp[i][0]);
        arc_close(sp[i][1]);
    }
    /* the poller's epoll and eventfd stay */
    put_kv("fds back", count_fds() == before + 2);
    return 0;
}
