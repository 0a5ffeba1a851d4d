/* libtwice.a for the -L/-l test: an Arc program declares twice in its
 * extern c block. */
int twice(int x) { return 2 * x; }
