/* make bench: the C twin of map_arc.arc, the same open-addressing table
 * (linear probing, splitmix64's finaliser as the hash, power-of-two
 * capacity at most 3/4 full), 1,000,000 inserts then 1,000,000 lookups. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    int64_t *keys, *vals;
    unsigned char *full;
    int64_t n, cap;
} Map;

static uint64_t hash(int64_t k)
{
    uint64_t x = (uint64_t)k;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static int64_t find(const Map *m, int64_t k)
{
    int64_t mask = m->cap - 1, i = (int64_t)(hash(k) & (uint64_t)mask);
    while (m->full[i] && m->keys[i] != k)
        i = (i + 1) & mask;
    return i;
}

static void grow(Map *m)
{
    Map o = *m;
    m->cap = o.cap ? o.cap * 2 : 16;
    m->keys = calloc((size_t)m->cap, sizeof *m->keys);
    m->vals = calloc((size_t)m->cap, sizeof *m->vals);
    m->full = calloc((size_t)m->cap, 1);
    if (!m->keys || !m->vals || !m->full)
        exit(1);
    for (int64_t i = 0; i < o.cap; i++)
        if (o.full[i]) {
            int64_t j = find(m, o.keys[i]);
            m->keys[j] = o.keys[i];
            m->vals[j] = o.vals[i];
            m->full[j] = 1;
        }
    free(o.keys);
    free(o.vals);
    free(o.full);
}

static void set(Map *m, int64_t k, int64_t v)
{
    if ((m->n + 1) * 4 > m->cap * 3)
        grow(m);
    int64_t i = find(m, k);
    if (!m->full[i]) {
        m->full[i] = 1;
        m->keys[i] = k;
        m->n++;
    }
    m->vals[i] = v;
}

int main(void)
{
    enum { N = 1000000 };
    Map m = {0};
    for (int64_t i = 0; i < N; i++)
        set(&m, i * 2, i);
    int64_t hits = 0;
    for (int64_t i = 0; i < N; i++) {
        int64_t j = find(&m, i);
        if (m.full[j] && m.vals[j] * 2 == i)
            hits++;
    }
    printf("hits %lld\n", (long long)hits);
    return hits == N / 2 ? 0 : 1;
}
