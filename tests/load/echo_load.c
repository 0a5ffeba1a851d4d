/* echo_load PORT CONNS MSGS [SECONDS]: the load client for
 * tests/examples/echo_server.arc.  Opens CONNS concurrent TCP connections
 * to 127.0.0.1:PORT (all of them open before the first message), then on
 * each sends MSGS messages of 1..64 bytes one at a time and checks that
 * each comes back byte for byte, closing each connection when it is
 * done.  One thread, epoll.  Bounded: gives up
 * after SECONDS (default 60).  Prints one line
 *     conns=N msgs=N bytes=N errors=N ms=N
 * and exits 0 only if every byte of every message came back. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

typedef struct Conn {
    int fd, sent, len, got;
    char msg[64], buf[64];
} Conn;

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

static void next_msg(Conn *c, int i)
{
    c->len = 1 + (c->sent * 7 + i) % 64;
    for (int k = 0; k < c->len; k++)
        c->msg[k] = (char)('a' + (i + c->sent + k) % 26);
    c->got = 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: echo_load PORT CONNS MSGS [SECONDS]\n");
        return 2;
    }
    int port = atoi(argv[1]), n = atoi(argv[2]), msgs = atoi(argv[3]);
    long limit = (argc > 4 ? atol(argv[4]) : 60) * 1000;
    Conn *cs = calloc((size_t)n, sizeof *cs);
    int ep = epoll_create1(0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    sa.sin_addr.s_addr = htonl(0x7f000001);
    long t0 = now_ms(), errors = 0, bytes = 0, done_msgs = 0;
    int open = 0;
    for (int i = 0; i < n; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
            fprintf(stderr, "echo_load: connection %d: %s\n", i, strerror(errno));
            errors++;
            if (fd >= 0)
                close(fd);
            cs[i].fd = -1;
            continue;
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        cs[i].fd = fd;
        open++;
    }
    int active = 0;
    for (int i = 0; i < n; i++) {
        if (cs[i].fd < 0)
            continue;
        next_msg(&cs[i], i);
        if (write(cs[i].fd, cs[i].msg, (size_t)cs[i].len) != cs[i].len) {
            errors++;
            continue;
        }
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
        epoll_ctl(ep, EPOLL_CTL_ADD, cs[i].fd, &ev);
        active++;
    }
    struct epoll_event evs[256];
    while (active > 0 && now_ms() - t0 < limit) {
        int k = epoll_wait(ep, evs, 256, 1000);
        for (int e = 0; e < k; e++) {
            int i = (int)evs[e].data.u32;
            Conn *c = &cs[i];
            ssize_t r = read(c->fd, c->buf + c->got, (size_t)(c->len - c->got));
            if (r <= 0) {
                fprintf(stderr, "echo_load: connection %d: %s after %d messages\n", i,
                        r == 0 ? "closed" : strerror(errno), c->sent);
                errors++;
                epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, 0);
                active--;
                continue;
            }
            c->got += (int)r;
            bytes += r;
            if (c->got < c->len)
                continue;
            if (memcmp(c->buf, c->msg, (size_t)c->len) != 0) {
                fprintf(stderr, "echo_load: connection %d: message %d differs\n", i, c->sent);
                errors++;
            }
            c->sent++;
            done_msgs++;
            if (c->sent == msgs) {     /* done: its descriptor goes back */
                close(c->fd);
                c->fd = -1;
                active--;
                continue;
            }
            next_msg(c, i);
            if (write(c->fd, c->msg, (size_t)c->len) != c->len) {
                errors++;
                epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, 0);
                active--;
            }
        }
    }
    if (active > 0) {
        fprintf(stderr, "echo_load: %d connections unfinished after %ld s\n", active, limit / 1000);
        errors += active;
    }
    for (int i = 0; i < n; i++)
        if (cs[i].fd >= 0)
            close(cs[i].fd);
    printf("conns=%d msgs=%ld bytes=%ld errors=%ld ms=%ld\n", open, done_msgs, bytes, errors,
           now_ms() - t0);
    return errors == 0 && done_msgs == (long)n * msgs ? 0 : 1;
}
