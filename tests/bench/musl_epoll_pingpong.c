/* TCP ping-pong over loopback in C with musl: one thread, both ends
 * non-blocking in one epoll loop (what an event-loop server does).
 * Prints "pingpong_ns". */
#include "pingpong.h"

#include <fcntl.h>
#include <sys/epoll.h>

int main(void)
{
    int a, b;
    loopback_pair(&a, &b);
    fcntl(a, F_SETFL, O_NONBLOCK);
    fcntl(b, F_SETFL, O_NONBLOCK);
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = a};
    epoll_ctl(ep, EPOLL_CTL_ADD, a, &ev);
    ev.data.fd = b;
    epoll_ctl(ep, EPOLL_CTL_ADD, b, &ev);
    long t0 = now_ns();
    int done = 0;
    char c = 'a';
    if (write(a, &c, 1) != 1)
        return 1;
    while (done < ROUNDS) {
        struct epoll_event evs[2];
        int n = epoll_wait(ep, evs, 2, -1);
        for (int i = 0; i < n; i++) {
            char d;
            int fd = evs[i].data.fd;
            if (read(fd, &d, 1) != 1)
                continue;
            if (fd == b) {
                if (write(b, &d, 1) != 1)
                    return 1;
            } else {
                if (d != c)
                    return 1;
                if (++done < ROUNDS) {
                    c = (char)('a' + done % 26);
                    if (write(a, &c, 1) != 1)
                        return 1;
                }
            }
        }
    }
    printf("pingpong_ns %.3f\n", (double)(now_ns() - t0) / ROUNDS);
    return 0;
}
