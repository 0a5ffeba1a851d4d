/* binary-trees (the Benchmarks Game's algorithm): complete binary trees
 * allocated node by node with malloc and freed with free; depth N
 * (argv[1]).  tests/bench/arc/binarytrees.arc is the same program in Arc
 * on the C layer's malloc/free. */
#include <stdio.h>
#include <stdlib.h>

typedef struct Node {
    struct Node *l, *r;
} Node;

static Node *make(int d)
{
    Node *t = malloc(sizeof *t);
    if (d > 0) {
        t->l = make(d - 1);
        t->r = make(d - 1);
    } else {
        t->l = t->r = NULL;
    }
    return t;
}

static int check(const Node *t)
{
    return t->l ? 1 + check(t->l) + check(t->r) : 1;
}

static void drop(Node *t)
{
    if (t->l) {
        drop(t->l);
        drop(t->r);
    }
    free(t);
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 10;
    int maxd = n < 6 ? 6 : n;
    Node *s = make(maxd + 1);
    printf("stretch tree of depth %d\t check: %d\n", maxd + 1, check(s));
    drop(s);
    Node *longlived = make(maxd);
    for (int d = 4; d <= maxd; d += 2) {
        int iters = 1 << (maxd - d + 4), c = 0;
        for (int i = 0; i < iters; i++) {
            Node *t = make(d);
            c += check(t);
            drop(t);
        }
        printf("%d\t trees of depth %d\t check: %d\n", iters, d, c);
    }
    printf("long lived tree of depth %d\t check: %d\n", maxd, check(longlived));
    drop(longlived);
    return 0;
}
