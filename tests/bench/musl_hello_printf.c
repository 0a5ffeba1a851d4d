/* The musl size reference: hello world through printf. */
#include <stdio.h>

int main(void)
{
    printf("hello\n");
    return 0;
}
