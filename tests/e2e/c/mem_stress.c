/* Randomised stress: 4096 slots, 300,000 steps of a xorshift64 stream;
 * each step frees, reallocs or allocates a block of a random size (mostly
 * small, some up to 32 KiB, a few large).  Every block is filled with a
 * pattern derived from its tag and checked before it is freed or resized,
 * so overlapping blocks or a lost byte show up as a mismatch.  The
 * checksum depends only on the random stream and the data read back (the
 * same source built against glibc malloc prints the same). */
// expect: steps 300000, live at end 2345, mismatches 0, misaligned 0, null 0
// expect: checksum 3312208348
// status: 0
#include "arc_rt.h"

static void put(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    arc_write(1, s, n);
}

static void put_num(unsigned long v)
{
    char b[24];
    int i = 23;
    b[i] = 0;
    do {
        b[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    put(b + i);
}

static unsigned long rng = 0x9e3779b97f4a7c15UL;

static unsigned long next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

enum { SLOTS = 4096, STEPS = 300000 };

static unsigned char *ptr[SLOTS];
static unsigned long len[SLOTS];
static unsigned char tag[SLOTS];
static unsigned long mismatches, misaligned, nulls;
static unsigned int sum;

static unsigned long random_size(void)
{
    unsigned long r = next();
    switch (r & 15) {
    case 0:
        return (r >> 8) % 200000 + 32769;          /* large */
    case 1: case 2:
        return (r >> 8) % 32769;                    /* up to the largest class */
    case 3: case 4: case 5:
        return (r >> 8) % 2048;
    default:
        return (r >> 8) % 256;
    }
}

/* Every 61st byte and the last carry the pattern (a full fill of the large
 * blocks would make the test slow under qemu); small blocks are filled. */
static void fill(unsigned char *p, unsigned long n, unsigned char t)
{
    unsigned long step = n > 4096 ? 61 : 1;
    for (unsigned long i = 0; i < n; i += step)
        p[i] = (unsigned char)(t + i);
    if (n)
        p[n - 1] = (unsigned char)(t ^ 0xa5);
}

static void check(unsigned char *p, unsigned long n, unsigned char t)
{
    unsigned long step = n > 4096 ? 61 : 1;
    for (unsigned long i = 0; i + 1 < n; i += step) {
        if (p[i] != (unsigned char)(t + i))
            mismatches++;
        sum = sum * 31 + p[i];
    }
    if (n && p[n - 1] != (unsigned char)(t ^ 0xa5))
        mismatches++;
}

int main(void)
{
    for (unsigned long s = 0; s < STEPS; s++) {
        unsigned long r = next();
        unsigned long i = r % SLOTS;
        if (ptr[i]) {
            check(ptr[i], len[i], tag[i]);
            if ((r >> 20) % 4 == 0) {
                /* realloc: the common prefix must survive */
                unsigned long n = random_size();
                unsigned char *q = arc_realloc(ptr[i], n ? n : 1);
                if (!q) {
                    nulls++;
                    continue;
                }
                unsigned long keep = len[i] < n ? len[i] : n;
                unsigned long step = len[i] > 4096 ? 61 : 1;
                for (unsigned long k = 0; k < keep && k + 1 < len[i]; k += step)
                    if (q[k] != (unsigned char)(tag[i] + k))
                        mismatches++;
                ptr[i] = q;
                len[i] = n ? n : 1;
            } else {
                arc_free(ptr[i]);
                ptr[i] = 0;
                continue;
            }
        } else {
            unsigned long n = random_size();
            ptr[i] = (r >> 40) & 1 ? arc_calloc(1, n) : arc_alloc(n);
            if (!ptr[i]) {
                nulls++;
                continue;
            }
            if ((r >> 40) & 1)
                for (unsigned long k = 0; k < n; k += 97)
                    if (ptr[i][k])
                        mismatches++;
            len[i] = n;
        }
        if ((unsigned long)ptr[i] & 15)
            misaligned++;
        tag[i] = (unsigned char)(r >> 32);
        fill(ptr[i], len[i], tag[i]);
    }
    unsigned long live = 0;
    for (int i = 0; i < SLOTS; i++)
        if (ptr[i]) {
            check(ptr[i], len[i], tag[i]);
            arc_free(ptr[i]);
            live++;
        }
    put("steps ");
    put_num(STEPS);
    put(", live at end ");
    put_num(live);
    put(", mismatches ");
    put_num(mismatches);
    put(", misaligned ");
    put_num(misaligned);
    put(", null ");
    put_num(nulls);
    put("\nchecksum ");
    put_num(sum);
    put("\n");
    return mismatches || misaligned || nulls;
}
