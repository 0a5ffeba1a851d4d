/* corpus.h: the sorted list of a directory's files with one extension, for
 * the tests and fuzzers that walk a corpus (tests/unit/test_ir.c,
 * test_front.c, tests/fuzz/mutator.h).  Sorted, so runs are the same
 * everywhere.  Header-only: every user is a single-file program. */
#ifndef ARC_TESTS_CORPUS_H
#define ARC_TESTS_CORPUS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen/util.h"

static int corpus_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The sorted paths "dir/name" of dir's files ending in ext; returns their
 * count, or -1 if dir cannot be opened. */
static int corpus_list(const char *dir, const char *ext, char ***out)
{
    DIR *d = opendir(dir);
    char **v = NULL;
    int n = 0, cap = 0;
    size_t elen = strlen(ext);
    *out = NULL;
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len <= elen || strcmp(e->d_name + len - elen, ext))
            continue;
        grow(&v, &cap, n + 1, sizeof *v);
        v[n] = xmalloc(strlen(dir) + len + 2);
        sprintf(v[n++], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    if (n)
        qsort(v, (size_t)n, sizeof *v, corpus_cmp);
    *out = v;
    return n;
}

static void corpus_free(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

#endif
