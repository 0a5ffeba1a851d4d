/* Companion of c_stack_room.arc: C code that wants 48 KiB of stack, run
 * from Arc tasks that start on 512-byte segments. */
long c_deep_sum(long seed)
{
    volatile long big[6144];   /* 48 KiB */
    for (int i = 0; i < 6144; i++)
        big[i] = seed + i;
    long s = 0;
    for (int i = 0; i < 6144; i += 1024)
        s += big[i];
    return s;
}
