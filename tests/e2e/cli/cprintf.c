/* A freestanding C program calling printf and malloc, linked with
 * `arc link -o prog cprintf.o -l c` against arc's C layer (libc.arc). */
typedef unsigned long size_t;
int printf(const char *fmt, ...);
void *malloc(size_t n);

int main(int argc, char **argv, char **envp)
{
    (void)argv;
    (void)envp;
    char *p = malloc(4);
    p[0] = 'o', p[1] = 'k', p[2] = 0;
    printf("C via libc.arc: %s %d %5.2f\n", p, argc, 2.5);
    return 0;
}
