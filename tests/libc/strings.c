/* strto* and str* against glibc: tests/e2e/libc.sh builds this with gcc
 * against glibc and freestanding onto the C layer; both outputs must equal
 * the expect lines below (which are glibc's). */
#include "clib.h"

static void tol(const char *s, int base)
{
    char *end = (char *)s;   /* a bad base leaves it alone */
    errno = 0;
    long v = strtol(s, &end, base);
    int e = errno;
    printf("strtol(\"%s\", %d) = %ld end+%d errno=%d\n", s, base, v, (int)(end - s), e);
}

static void toul(const char *s, int base)
{
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, base);
    int e = errno;
    printf("strtoul(\"%s\", %d) = %lu end+%d errno=%d\n", s, base, v, (int)(end - s), e);
}

static void tod(const char *s)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    int e = errno;
    printf("strtod(\"%.40s\") = %.17g end+%d errno=%d\n", s, v, (int)(end - s), e);
}

static const char *show(const char *p, const char *base)
{
    static char buf[32];
    if (!p)
        return "NULL";
    snprintf(buf, sizeof buf, "+%d", (int)(p - base));
    return buf;
}

int main(void)
{
    tol("0", 10);
    tol("  42xyz", 10);
    tol("\t\n -17", 10);
    tol("+99", 0);
    tol("0x1fZ", 0);
    tol("0x1f", 16);
    tol("1f", 16);
    tol("0755", 0);
    tol("0755", 8);
    tol("0x", 0);
    tol("0xg", 16);
    tol("zz", 36);
    tol("", 10);
    tol("   ", 10);
    tol("-", 10);
    tol("9223372036854775807", 10);
    tol("9223372036854775808", 10);
    tol("-9223372036854775808", 10);
    tol("-9223372036854775809", 10);
    tol("99999999999999999999999", 10);
    tol("-0x8000000000000000", 0);
    tol("12", 1);
    tol("12", 37);
    toul("18446744073709551615", 10);
    toul("18446744073709551616", 10);
    toul("-1", 10);
    toul("0xffffffffffffffff", 0);
    toul("  +7", 10);
    printf("atoi: %d %d %d\n", atoi("123abc"), atoi("  -45"), atoi("x"));
    tod("0");
    tod("1");
    tod("-2.5");
    tod("  3.14159xyz");
    tod("0.1");
    tod("1e23");
    tod("8.98846567431158e307");
    tod("1.7976931348623157e308");
    tod("1.7976931348623159e308");
    tod("1e309");
    tod("-1e400");
    tod("2.2250738585072014e-308");
    tod("2.2250738585072011e-308");
    tod("4.9406564584124654e-324");
    tod("2.4703282292062328e-324");
    tod("2.4703282292062327e-324");
    tod("1e-400");
    tod("0.000000000000000000000000000001e30");
    tod("123456789012345678901234567890");
    tod("9007199254740993");
    tod("9007199254740993.0000000000000000000000000000001");
    tod("2.5e-1x");
    tod(".5");
    tod("5.");
    tod(".");
    tod("1e");
    tod("1e+");
    tod("1e-5");
    tod("inf");
    tod("-Infinity!");
    tod("nan(123)z");
    tod("0e999999");
    tod("7.2057594037927933e16");
    tod("1.00000000000000011102230246251565404236316680908203125");
    tod("1.00000000000000011102230246251565404236316680908203124");
    tod("1.00000000000000011102230246251565404236316680908203126");
    tod("0x1p-1074");
    tod("0x1p-1075");
    tod("0x1.0000000000001p-1075");
    tod("0x1.8p1");
    tod("-0X.8");
    tod("0x10");
    tod("0x1.fffffffffffff8p1023");
    tod("0x1.fffffffffffff7p1023");
    tod("0x123456789abcdef0123p0");
    tod("0x1.00000000000008p0");
    tod("0x1.000000000000081p0");
    tod("0x1p");
    tod("0x");
    tod("0xg");
    tod("0x.p1");
    printf("cmp: %d %d %d %d\n", strcmp("abc", "abc") == 0, strcmp("abc", "abd") < 0,
           strcmp("b", "abc") > 0, strcmp("", "a") < 0);
    printf("ncmp: %d %d %d\n", strncmp("abcX", "abcY", 3), strncmp("ab", "abc", 5) < 0,
           strncmp("x", "y", 0));
    char buf[16];
    strcpy(buf, "hello");
    printf("cpy: %s\n", buf);
    char pad[8] = "XXXXXXX";
    strncpy(pad, "ab", 5);
    printf("ncpy: %d %d %d %d %c%c\n", pad[0], pad[2], pad[4], pad[5], pad[5], pad[6]);
    const char *s = "path/to/file.txt";
    printf("chr: %s %s %s %s\n", show(strchr(s, '/'), s), show(strrchr(s, '/'), s),
           show(strchr(s, 'z'), s), show(strchr(s, 0), s));
    printf("str: %s %s %s\n", show(strstr(s, "file"), s), show(strstr(s, ""), s),
           show(strstr(s, "nope"), s));
    char *d = strdup(s);
    printf("dup: %s %d\n", d, d != s);
    free(d);
    char mv[16] = "0123456789";
    memmove(mv + 2, mv, 6);
    printf("move up: %s\n", mv);
    memmove(mv, mv + 3, 5);
    printf("move down: %s\n", mv);
    printf("getenv: %s %d\n", getenv("LIBC_TEST_VAR"), getenv("LIBC_NO_SUCH_VAR") == NULL);
    char m[16];
    memset(m, 'x', 15);
    m[15] = 0;
    memcpy(m + 2, "abc", 3);
    printf("memset/memcpy: %s %d\n", m, (int)strlen(m));
    printf("memcmp: %d %d %d %d\n", memcmp("abc", "abd", 3) < 0, memcmp("abd", "abc", 3) > 0,
           memcmp("abc", "abc", 3), memcmp("\xff", "\x01", 1) > 0);
    printf("strlen: %d %d\n", (int)strlen(""), (int)strlen("hello"));
    return 0;
}
// expect: strtol("0", 10) = 0 end+1 errno=0
// expect: strtol("  42xyz", 10) = 42 end+4 errno=0
// expect: strtol("	
// expect:  -17", 10) = -17 end+6 errno=0
// expect: strtol("+99", 0) = 99 end+3 errno=0
// expect: strtol("0x1fZ", 0) = 31 end+4 errno=0
// expect: strtol("0x1f", 16) = 31 end+4 errno=0
// expect: strtol("1f", 16) = 31 end+2 errno=0
// expect: strtol("0755", 0) = 493 end+4 errno=0
// expect: strtol("0755", 8) = 493 end+4 errno=0
// expect: strtol("0x", 0) = 0 end+1 errno=0
// expect: strtol("0xg", 16) = 0 end+1 errno=0
// expect: strtol("zz", 36) = 1295 end+2 errno=0
// expect: strtol("", 10) = 0 end+0 errno=0
// expect: strtol("   ", 10) = 0 end+0 errno=0
// expect: strtol("-", 10) = 0 end+0 errno=0
// expect: strtol("9223372036854775807", 10) = 9223372036854775807 end+19 errno=0
// expect: strtol("9223372036854775808", 10) = 9223372036854775807 end+19 errno=34
// expect: strtol("-9223372036854775808", 10) = -9223372036854775808 end+20 errno=0
// expect: strtol("-9223372036854775809", 10) = -9223372036854775808 end+20 errno=34
// expect: strtol("99999999999999999999999", 10) = 9223372036854775807 end+23 errno=34
// expect: strtol("-0x8000000000000000", 0) = -9223372036854775808 end+19 errno=0
// expect: strtol("12", 1) = 0 end+0 errno=22
// expect: strtol("12", 37) = 0 end+0 errno=22
// expect: strtoul("18446744073709551615", 10) = 18446744073709551615 end+20 errno=0
// expect: strtoul("18446744073709551616", 10) = 18446744073709551615 end+20 errno=34
// expect: strtoul("-1", 10) = 18446744073709551615 end+2 errno=0
// expect: strtoul("0xffffffffffffffff", 0) = 18446744073709551615 end+18 errno=0
// expect: strtoul("  +7", 10) = 7 end+4 errno=0
// expect: atoi: 123 -45 0
// expect: strtod("0") = 0 end+1 errno=0
// expect: strtod("1") = 1 end+1 errno=0
// expect: strtod("-2.5") = -2.5 end+4 errno=0
// expect: strtod("  3.14159xyz") = 3.1415899999999999 end+9 errno=0
// expect: strtod("0.1") = 0.10000000000000001 end+3 errno=0
// expect: strtod("1e23") = 9.9999999999999992e+22 end+4 errno=0
// expect: strtod("8.98846567431158e307") = 8.9884656743115795e+307 end+20 errno=0
// expect: strtod("1.7976931348623157e308") = 1.7976931348623157e+308 end+22 errno=0
// expect: strtod("1.7976931348623159e308") = inf end+22 errno=34
// expect: strtod("1e309") = inf end+5 errno=34
// expect: strtod("-1e400") = -inf end+6 errno=34
// expect: strtod("2.2250738585072014e-308") = 2.2250738585072014e-308 end+23 errno=0
// expect: strtod("2.2250738585072011e-308") = 2.2250738585072009e-308 end+23 errno=34
// expect: strtod("4.9406564584124654e-324") = 4.9406564584124654e-324 end+23 errno=34
// expect: strtod("2.4703282292062328e-324") = 4.9406564584124654e-324 end+23 errno=34
// expect: strtod("2.4703282292062327e-324") = 0 end+23 errno=34
// expect: strtod("1e-400") = 0 end+6 errno=34
// expect: strtod("0.000000000000000000000000000001e30") = 1 end+35 errno=0
// expect: strtod("123456789012345678901234567890") = 1.2345678901234568e+29 end+30 errno=0
// expect: strtod("9007199254740993") = 9007199254740992 end+16 errno=0
// expect: strtod("9007199254740993.00000000000000000000000") = 9007199254740994 end+48 errno=0
// expect: strtod("2.5e-1x") = 0.25 end+6 errno=0
// expect: strtod(".5") = 0.5 end+2 errno=0
// expect: strtod("5.") = 5 end+2 errno=0
// expect: strtod(".") = 0 end+0 errno=0
// expect: strtod("1e") = 1 end+1 errno=0
// expect: strtod("1e+") = 1 end+1 errno=0
// expect: strtod("1e-5") = 1.0000000000000001e-05 end+4 errno=0
// expect: strtod("inf") = inf end+3 errno=0
// expect: strtod("-Infinity!") = -inf end+9 errno=0
// expect: strtod("nan(123)z") = nan end+8 errno=0
// expect: strtod("0e999999") = 0 end+8 errno=0
// expect: strtod("7.2057594037927933e16") = 72057594037927936 end+21 errno=0
// expect: strtod("1.00000000000000011102230246251565404236") = 1 end+55 errno=0
// expect: strtod("1.00000000000000011102230246251565404236") = 1 end+55 errno=0
// expect: strtod("1.00000000000000011102230246251565404236") = 1.0000000000000002 end+55 errno=0
// expect: strtod("0x1p-1074") = 4.9406564584124654e-324 end+9 errno=0
// expect: strtod("0x1p-1075") = 0 end+9 errno=34
// expect: strtod("0x1.0000000000001p-1075") = 4.9406564584124654e-324 end+23 errno=34
// expect: strtod("0x1.8p1") = 3 end+7 errno=0
// expect: strtod("-0X.8") = -0.5 end+5 errno=0
// expect: strtod("0x10") = 16 end+4 errno=0
// expect: strtod("0x1.fffffffffffff8p1023") = inf end+23 errno=34
// expect: strtod("0x1.fffffffffffff7p1023") = 1.7976931348623157e+308 end+23 errno=0
// expect: strtod("0x123456789abcdef0123p0") = 5.3730036427316852e+21 end+23 errno=0
// expect: strtod("0x1.00000000000008p0") = 1 end+20 errno=0
// expect: strtod("0x1.000000000000081p0") = 1.0000000000000002 end+21 errno=0
// expect: strtod("0x1p") = 1 end+3 errno=0
// expect: strtod("0x") = 0 end+1 errno=0
// expect: strtod("0xg") = 0 end+1 errno=0
// expect: strtod("0x.p1") = 0 end+1 errno=0
// expect: cmp: 1 1 1 1
// expect: ncmp: 0 1 0
// expect: cpy: hello
// expect: ncpy: 97 0 0 88 XX
// expect: chr: +4 +4 NULL +4
// expect: str: +8 +8 NULL
// expect: dup: path/to/file.txt 1
// expect: move up: 0101234589
// expect: move down: 1234534589
// expect: getenv: value-1 1
// expect: memset/memcpy: xxabcxxxxxxxxxx 15
// expect: memcmp: 1 1 0 1
// expect: strlen: 0 5
