/* make bench (tests/bench/http.sh): the C twin of arc_http_hello.arc, as
 * a C programmer writes a fast one: one thread, an epoll loop over
 * non-blocking sockets, every complete request head ("\r\n\r\n") in the
 * buffer answered with the same response (Date, Content-Length,
 * Content-Type), pipelining included.  It does no real parsing, so it
 * is an upper bound for a server on one thread.
 * usage: musl_http_hello PORT */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { BUF = 16384, MAXFD = 65536 };

struct conn {
    int used;
    char buf[BUF];
};

static struct conn *conns[MAXFD];
static char resp[256];
static int resp_len;
static time_t resp_time;

static void make_response(void)
{
    time_t now = time(NULL);
    if (now == resp_time)
        return;
    resp_time = now;
    char date[64];
    strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", gmtime(&now));
    resp_len = snprintf(resp, sizeof resp,
                        "HTTP/1.1 200 OK\r\nDate: %s\r\nContent-Length: 14\r\n"
                        "Content-Type: text/plain\r\n\r\nHello, World!\n", date);
}

static void drop(int ep, int fd)
{
    epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
    close(fd);
    free(conns[fd]);
    conns[fd] = NULL;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1]))};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) || listen(lfd, 4096)) {
        perror("musl_http_hello");
        return 1;
    }
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = lfd};
    epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &ev);
    printf("listening\n");
    fflush(stdout);
    struct epoll_event evs[256];
    for (;;) {
        int n = epoll_wait(ep, evs, 256, -1);
        make_response();
        for (int i = 0; i < n; i++) {
            int fd = evs[i].data.fd;
            if (fd == lfd) {
                int c;
                while ((c = accept4(lfd, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    if (c >= MAXFD) {
                        close(c);
                        continue;
                    }
                    conns[c] = calloc(1, sizeof *conns[c]);
                    struct epoll_event ce = {.events = EPOLLIN, .data.fd = c};
                    epoll_ctl(ep, EPOLL_CTL_ADD, c, &ce);
                }
                continue;
            }
            struct conn *k = conns[fd];
            ssize_t r = read(fd, k->buf + k->used, BUF - k->used);
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN)
                    continue;
                drop(ep, fd);
                continue;
            }
            k->used += r;
            char out[BUF];
            int o = 0, start = 0;
            char *p;
            while ((p = memmem(k->buf + start, k->used - start, "\r\n\r\n", 4))) {
                if (o + resp_len <= BUF) {
                    memcpy(out + o, resp, resp_len);
                    o += resp_len;
                }
                start = p + 4 - k->buf;
            }
            memmove(k->buf, k->buf + start, k->used - start);
            k->used -= start;
            if (k->used == BUF || (o && write(fd, out, o) != o))
                drop(ep, fd);
        }
    }
}
