/* fib.h: the serial fib both sides share, and its checked value. */
enum { FIB_N = 32, FIB_32 = 2178309, FIB_WARM = 26, FIB_26 = 121393 };

static long fib_serial(long n)
{
    return n < 2 ? n : fib_serial(n - 1) + fib_serial(n - 2);
}
