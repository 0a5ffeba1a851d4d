/* TCP ping-pong over loopback in C with musl: two threads, blocking
 * sockets (the kernel parks the reader).  Prints "pingpong_ns". */
#include "pingpong.h"

#include <pthread.h>

static int b_fd;

static void *echo(void *arg)
{
    char c;
    for (int i = 0; i < ROUNDS; i++)
        if (read(b_fd, &c, 1) != 1 || write(b_fd, &c, 1) != 1)
            return arg;
    return 0;
}

int main(void)
{
    int a;
    loopback_pair(&a, &b_fd);
    pthread_t t;
    pthread_create(&t, 0, echo, &a);
    long t0 = now_ns();
    for (int i = 0; i < ROUNDS; i++) {
        char c = (char)('a' + i % 26), d;
        if (write(a, &c, 1) != 1 || read(a, &d, 1) != 1 || d != c)
            return 1;
    }
    long ns = now_ns() - t0;
    void *r;
    pthread_join(t, &r);
    if (r)
        return 1;
    printf("pingpong_ns %.3f\n", (double)ns / ROUNDS);
    return 0;
}
