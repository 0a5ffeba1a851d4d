/* const_fold.arc in C (tests/e2e/arc.sh): the expected output. */
#include <stdint.h>
#include <stdio.h>

static void f1(void)
{
    int8_t a = (int8_t)100LL; int8_t b = (int8_t)100LL; int8_t s = 3;
    printf("%ld ", (long)(int8_t)(a + b));
    printf("%ld ", (long)(int8_t)(a - b));
    printf("%ld ", (long)(int8_t)(a * b));
    printf("%ld ", (long)(int8_t)(a / b));
    printf("%ld ", (long)(int8_t)(a % b));
    printf("%ld ", (long)(int8_t)(a & b));
    printf("%ld ", (long)(int8_t)(a | b));
    printf("%ld ", (long)(int8_t)(a ^ b));
    printf("%ld ", (long)(int8_t)(a << s));
    printf("%ld ", (long)(int8_t)(a >> s));
    printf("%ld ", (long)(int8_t)(-a));
    printf("%ld ", (long)(int8_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f2(void)
{
    int8_t a = (int8_t)-128LL; int8_t b = (int8_t)3LL; int8_t s = 4;
    printf("%ld ", (long)(int8_t)(a + b));
    printf("%ld ", (long)(int8_t)(a - b));
    printf("%ld ", (long)(int8_t)(a * b));
    printf("%ld ", (long)(int8_t)(a / b));
    printf("%ld ", (long)(int8_t)(a % b));
    printf("%ld ", (long)(int8_t)(a & b));
    printf("%ld ", (long)(int8_t)(a | b));
    printf("%ld ", (long)(int8_t)(a ^ b));
    printf("%ld ", (long)(int8_t)(a << s));
    printf("%ld ", (long)(int8_t)(a >> s));
    printf("%ld ", (long)(int8_t)(-a));
    printf("%ld ", (long)(int8_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f3(void)
{
    int8_t a = (int8_t)-7LL; int8_t b = (int8_t)2LL; int8_t s = 3;
    printf("%ld ", (long)(int8_t)(a + b));
    printf("%ld ", (long)(int8_t)(a - b));
    printf("%ld ", (long)(int8_t)(a * b));
    printf("%ld ", (long)(int8_t)(a / b));
    printf("%ld ", (long)(int8_t)(a % b));
    printf("%ld ", (long)(int8_t)(a & b));
    printf("%ld ", (long)(int8_t)(a | b));
    printf("%ld ", (long)(int8_t)(a ^ b));
    printf("%ld ", (long)(int8_t)(a << s));
    printf("%ld ", (long)(int8_t)(a >> s));
    printf("%ld ", (long)(int8_t)(-a));
    printf("%ld ", (long)(int8_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f4(void)
{
    int8_t a = (int8_t)127LL; int8_t b = (int8_t)-128LL; int8_t s = 1;
    printf("%ld ", (long)(int8_t)(a + b));
    printf("%ld ", (long)(int8_t)(a - b));
    printf("%ld ", (long)(int8_t)(a * b));
    printf("%ld ", (long)(int8_t)(a / b));
    printf("%ld ", (long)(int8_t)(a % b));
    printf("%ld ", (long)(int8_t)(a & b));
    printf("%ld ", (long)(int8_t)(a | b));
    printf("%ld ", (long)(int8_t)(a ^ b));
    printf("%ld ", (long)(int8_t)(a << s));
    printf("%ld ", (long)(int8_t)(a >> s));
    printf("%ld ", (long)(int8_t)(-a));
    printf("%ld ", (long)(int8_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f5(void)
{
    uint8_t a = (uint8_t)200LL; uint8_t b = (uint8_t)100LL; uint8_t s = 3;
    printf("%ld ", (long)(uint8_t)(a + b));
    printf("%ld ", (long)(uint8_t)(a - b));
    printf("%ld ", (long)(uint8_t)(a * b));
    printf("%ld ", (long)(uint8_t)(a / b));
    printf("%ld ", (long)(uint8_t)(a % b));
    printf("%ld ", (long)(uint8_t)(a & b));
    printf("%ld ", (long)(uint8_t)(a | b));
    printf("%ld ", (long)(uint8_t)(a ^ b));
    printf("%ld ", (long)(uint8_t)(a << s));
    printf("%ld ", (long)(uint8_t)(a >> s));
    printf("%ld ", (long)(uint8_t)(-a));
    printf("%ld ", (long)(uint8_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f6(void)
{
    uint8_t a = (uint8_t)3LL; uint8_t b = (uint8_t)250LL; uint8_t s = 6;
    printf("%ld ", (long)(uint8_t)(a + b));
    printf("%ld ", (long)(uint8_t)(a - b));
    printf("%ld ", (long)(uint8_t)(a * b));
    printf("%ld ", (long)(uint8_t)(a / b));
    printf("%ld ", (long)(uint8_t)(a % b));
    printf("%ld ", (long)(uint8_t)(a & b));
    printf("%ld ", (long)(uint8_t)(a | b));
    printf("%ld ", (long)(uint8_t)(a ^ b));
    printf("%ld ", (long)(uint8_t)(a << s));
    printf("%ld ", (long)(uint8_t)(a >> s));
    printf("%ld ", (long)(uint8_t)(-a));
    printf("%ld ", (long)(uint8_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f7(void)
{
    uint8_t a = (uint8_t)255LL; uint8_t b = (uint8_t)7LL; uint8_t s = 1;
    printf("%ld ", (long)(uint8_t)(a + b));
    printf("%ld ", (long)(uint8_t)(a - b));
    printf("%ld ", (long)(uint8_t)(a * b));
    printf("%ld ", (long)(uint8_t)(a / b));
    printf("%ld ", (long)(uint8_t)(a % b));
    printf("%ld ", (long)(uint8_t)(a & b));
    printf("%ld ", (long)(uint8_t)(a | b));
    printf("%ld ", (long)(uint8_t)(a ^ b));
    printf("%ld ", (long)(uint8_t)(a << s));
    printf("%ld ", (long)(uint8_t)(a >> s));
    printf("%ld ", (long)(uint8_t)(-a));
    printf("%ld ", (long)(uint8_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f8(void)
{
    uint8_t a = (uint8_t)16LL; uint8_t b = (uint8_t)3LL; uint8_t s = 4;
    printf("%ld ", (long)(uint8_t)(a + b));
    printf("%ld ", (long)(uint8_t)(a - b));
    printf("%ld ", (long)(uint8_t)(a * b));
    printf("%ld ", (long)(uint8_t)(a / b));
    printf("%ld ", (long)(uint8_t)(a % b));
    printf("%ld ", (long)(uint8_t)(a & b));
    printf("%ld ", (long)(uint8_t)(a | b));
    printf("%ld ", (long)(uint8_t)(a ^ b));
    printf("%ld ", (long)(uint8_t)(a << s));
    printf("%ld ", (long)(uint8_t)(a >> s));
    printf("%ld ", (long)(uint8_t)(-a));
    printf("%ld ", (long)(uint8_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f9(void)
{
    int16_t a = (int16_t)30000LL; int16_t b = (int16_t)30000LL; int16_t s = 6;
    printf("%ld ", (long)(int16_t)(a + b));
    printf("%ld ", (long)(int16_t)(a - b));
    printf("%ld ", (long)(int16_t)(a * b));
    printf("%ld ", (long)(int16_t)(a / b));
    printf("%ld ", (long)(int16_t)(a % b));
    printf("%ld ", (long)(int16_t)(a & b));
    printf("%ld ", (long)(int16_t)(a | b));
    printf("%ld ", (long)(int16_t)(a ^ b));
    printf("%ld ", (long)(int16_t)(a << s));
    printf("%ld ", (long)(int16_t)(a >> s));
    printf("%ld ", (long)(int16_t)(-a));
    printf("%ld ", (long)(int16_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f10(void)
{
    int16_t a = (int16_t)-32768LL; int16_t b = (int16_t)5LL; int16_t s = 6;
    printf("%ld ", (long)(int16_t)(a + b));
    printf("%ld ", (long)(int16_t)(a - b));
    printf("%ld ", (long)(int16_t)(a * b));
    printf("%ld ", (long)(int16_t)(a / b));
    printf("%ld ", (long)(int16_t)(a % b));
    printf("%ld ", (long)(int16_t)(a & b));
    printf("%ld ", (long)(int16_t)(a | b));
    printf("%ld ", (long)(int16_t)(a ^ b));
    printf("%ld ", (long)(int16_t)(a << s));
    printf("%ld ", (long)(int16_t)(a >> s));
    printf("%ld ", (long)(int16_t)(-a));
    printf("%ld ", (long)(int16_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f11(void)
{
    int16_t a = (int16_t)-9LL; int16_t b = (int16_t)4LL; int16_t s = 5;
    printf("%ld ", (long)(int16_t)(a + b));
    printf("%ld ", (long)(int16_t)(a - b));
    printf("%ld ", (long)(int16_t)(a * b));
    printf("%ld ", (long)(int16_t)(a / b));
    printf("%ld ", (long)(int16_t)(a % b));
    printf("%ld ", (long)(int16_t)(a & b));
    printf("%ld ", (long)(int16_t)(a | b));
    printf("%ld ", (long)(int16_t)(a ^ b));
    printf("%ld ", (long)(int16_t)(a << s));
    printf("%ld ", (long)(int16_t)(a >> s));
    printf("%ld ", (long)(int16_t)(-a));
    printf("%ld ", (long)(int16_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f12(void)
{
    int16_t a = (int16_t)1234LL; int16_t b = (int16_t)-3LL; int16_t s = 1;
    printf("%ld ", (long)(int16_t)(a + b));
    printf("%ld ", (long)(int16_t)(a - b));
    printf("%ld ", (long)(int16_t)(a * b));
    printf("%ld ", (long)(int16_t)(a / b));
    printf("%ld ", (long)(int16_t)(a % b));
    printf("%ld ", (long)(int16_t)(a & b));
    printf("%ld ", (long)(int16_t)(a | b));
    printf("%ld ", (long)(int16_t)(a ^ b));
    printf("%ld ", (long)(int16_t)(a << s));
    printf("%ld ", (long)(int16_t)(a >> s));
    printf("%ld ", (long)(int16_t)(-a));
    printf("%ld ", (long)(int16_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f13(void)
{
    uint16_t a = (uint16_t)65535LL; uint16_t b = (uint16_t)2LL; uint16_t s = 3;
    printf("%ld ", (long)(uint16_t)(a + b));
    printf("%ld ", (long)(uint16_t)(a - b));
    printf("%ld ", (long)(uint16_t)(a * b));
    printf("%ld ", (long)(uint16_t)(a / b));
    printf("%ld ", (long)(uint16_t)(a % b));
    printf("%ld ", (long)(uint16_t)(a & b));
    printf("%ld ", (long)(uint16_t)(a | b));
    printf("%ld ", (long)(uint16_t)(a ^ b));
    printf("%ld ", (long)(uint16_t)(a << s));
    printf("%ld ", (long)(uint16_t)(a >> s));
    printf("%ld ", (long)(uint16_t)(-a));
    printf("%ld ", (long)(uint16_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f14(void)
{
    uint16_t a = (uint16_t)3LL; uint16_t b = (uint16_t)65000LL; uint16_t s = 6;
    printf("%ld ", (long)(uint16_t)(a + b));
    printf("%ld ", (long)(uint16_t)(a - b));
    printf("%ld ", (long)(uint16_t)(a * b));
    printf("%ld ", (long)(uint16_t)(a / b));
    printf("%ld ", (long)(uint16_t)(a % b));
    printf("%ld ", (long)(uint16_t)(a & b));
    printf("%ld ", (long)(uint16_t)(a | b));
    printf("%ld ", (long)(uint16_t)(a ^ b));
    printf("%ld ", (long)(uint16_t)(a << s));
    printf("%ld ", (long)(uint16_t)(a >> s));
    printf("%ld ", (long)(uint16_t)(-a));
    printf("%ld ", (long)(uint16_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f15(void)
{
    uint16_t a = (uint16_t)40000LL; uint16_t b = (uint16_t)7LL; uint16_t s = 1;
    printf("%ld ", (long)(uint16_t)(a + b));
    printf("%ld ", (long)(uint16_t)(a - b));
    printf("%ld ", (long)(uint16_t)(a * b));
    printf("%ld ", (long)(uint16_t)(a / b));
    printf("%ld ", (long)(uint16_t)(a % b));
    printf("%ld ", (long)(uint16_t)(a & b));
    printf("%ld ", (long)(uint16_t)(a | b));
    printf("%ld ", (long)(uint16_t)(a ^ b));
    printf("%ld ", (long)(uint16_t)(a << s));
    printf("%ld ", (long)(uint16_t)(a >> s));
    printf("%ld ", (long)(uint16_t)(-a));
    printf("%ld ", (long)(uint16_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f16(void)
{
    uint16_t a = (uint16_t)300LL; uint16_t b = (uint16_t)4LL; uint16_t s = 5;
    printf("%ld ", (long)(uint16_t)(a + b));
    printf("%ld ", (long)(uint16_t)(a - b));
    printf("%ld ", (long)(uint16_t)(a * b));
    printf("%ld ", (long)(uint16_t)(a / b));
    printf("%ld ", (long)(uint16_t)(a % b));
    printf("%ld ", (long)(uint16_t)(a & b));
    printf("%ld ", (long)(uint16_t)(a | b));
    printf("%ld ", (long)(uint16_t)(a ^ b));
    printf("%ld ", (long)(uint16_t)(a << s));
    printf("%ld ", (long)(uint16_t)(a >> s));
    printf("%ld ", (long)(uint16_t)(-a));
    printf("%ld ", (long)(uint16_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f17(void)
{
    int32_t a = (int32_t)2147483647LL; int32_t b = (int32_t)1LL; int32_t s = 2;
    printf("%ld ", (long)(int32_t)(a + b));
    printf("%ld ", (long)(int32_t)(a - b));
    printf("%ld ", (long)(int32_t)(a * b));
    printf("%ld ", (long)(int32_t)(a / b));
    printf("%ld ", (long)(int32_t)(a % b));
    printf("%ld ", (long)(int32_t)(a & b));
    printf("%ld ", (long)(int32_t)(a | b));
    printf("%ld ", (long)(int32_t)(a ^ b));
    printf("%ld ", (long)(int32_t)(a << s));
    printf("%ld ", (long)(int32_t)(a >> s));
    printf("%ld ", (long)(int32_t)(-a));
    printf("%ld ", (long)(int32_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f18(void)
{
    int32_t a = (int32_t)-2147483648LL; int32_t b = (int32_t)7LL; int32_t s = 1;
    printf("%ld ", (long)(int32_t)(a + b));
    printf("%ld ", (long)(int32_t)(a - b));
    printf("%ld ", (long)(int32_t)(a * b));
    printf("%ld ", (long)(int32_t)(a / b));
    printf("%ld ", (long)(int32_t)(a % b));
    printf("%ld ", (long)(int32_t)(a & b));
    printf("%ld ", (long)(int32_t)(a | b));
    printf("%ld ", (long)(int32_t)(a ^ b));
    printf("%ld ", (long)(int32_t)(a << s));
    printf("%ld ", (long)(int32_t)(a >> s));
    printf("%ld ", (long)(int32_t)(-a));
    printf("%ld ", (long)(int32_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f19(void)
{
    int32_t a = (int32_t)-100LL; int32_t b = (int32_t)7LL; int32_t s = 1;
    printf("%ld ", (long)(int32_t)(a + b));
    printf("%ld ", (long)(int32_t)(a - b));
    printf("%ld ", (long)(int32_t)(a * b));
    printf("%ld ", (long)(int32_t)(a / b));
    printf("%ld ", (long)(int32_t)(a % b));
    printf("%ld ", (long)(int32_t)(a & b));
    printf("%ld ", (long)(int32_t)(a | b));
    printf("%ld ", (long)(int32_t)(a ^ b));
    printf("%ld ", (long)(int32_t)(a << s));
    printf("%ld ", (long)(int32_t)(a >> s));
    printf("%ld ", (long)(int32_t)(-a));
    printf("%ld ", (long)(int32_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f20(void)
{
    int32_t a = (int32_t)123456789LL; int32_t b = (int32_t)10LL; int32_t s = 4;
    printf("%ld ", (long)(int32_t)(a + b));
    printf("%ld ", (long)(int32_t)(a - b));
    printf("%ld ", (long)(int32_t)(a * b));
    printf("%ld ", (long)(int32_t)(a / b));
    printf("%ld ", (long)(int32_t)(a % b));
    printf("%ld ", (long)(int32_t)(a & b));
    printf("%ld ", (long)(int32_t)(a | b));
    printf("%ld ", (long)(int32_t)(a ^ b));
    printf("%ld ", (long)(int32_t)(a << s));
    printf("%ld ", (long)(int32_t)(a >> s));
    printf("%ld ", (long)(int32_t)(-a));
    printf("%ld ", (long)(int32_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f21(void)
{
    uint32_t a = (uint32_t)4294967295LL; uint32_t b = (uint32_t)2LL; uint32_t s = 3;
    printf("%ld ", (long)(uint32_t)(a + b));
    printf("%ld ", (long)(uint32_t)(a - b));
    printf("%ld ", (long)(uint32_t)(a * b));
    printf("%ld ", (long)(uint32_t)(a / b));
    printf("%ld ", (long)(uint32_t)(a % b));
    printf("%ld ", (long)(uint32_t)(a & b));
    printf("%ld ", (long)(uint32_t)(a | b));
    printf("%ld ", (long)(uint32_t)(a ^ b));
    printf("%ld ", (long)(uint32_t)(a << s));
    printf("%ld ", (long)(uint32_t)(a >> s));
    printf("%ld ", (long)(uint32_t)(-a));
    printf("%ld ", (long)(uint32_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f22(void)
{
    uint32_t a = (uint32_t)5LL; uint32_t b = (uint32_t)4294967290LL; uint32_t s = 6;
    printf("%ld ", (long)(uint32_t)(a + b));
    printf("%ld ", (long)(uint32_t)(a - b));
    printf("%ld ", (long)(uint32_t)(a * b));
    printf("%ld ", (long)(uint32_t)(a / b));
    printf("%ld ", (long)(uint32_t)(a % b));
    printf("%ld ", (long)(uint32_t)(a & b));
    printf("%ld ", (long)(uint32_t)(a | b));
    printf("%ld ", (long)(uint32_t)(a ^ b));
    printf("%ld ", (long)(uint32_t)(a << s));
    printf("%ld ", (long)(uint32_t)(a >> s));
    printf("%ld ", (long)(uint32_t)(-a));
    printf("%ld ", (long)(uint32_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f23(void)
{
    uint32_t a = (uint32_t)3000000000LL; uint32_t b = (uint32_t)3LL; uint32_t s = 4;
    printf("%ld ", (long)(uint32_t)(a + b));
    printf("%ld ", (long)(uint32_t)(a - b));
    printf("%ld ", (long)(uint32_t)(a * b));
    printf("%ld ", (long)(uint32_t)(a / b));
    printf("%ld ", (long)(uint32_t)(a % b));
    printf("%ld ", (long)(uint32_t)(a & b));
    printf("%ld ", (long)(uint32_t)(a | b));
    printf("%ld ", (long)(uint32_t)(a ^ b));
    printf("%ld ", (long)(uint32_t)(a << s));
    printf("%ld ", (long)(uint32_t)(a >> s));
    printf("%ld ", (long)(uint32_t)(-a));
    printf("%ld ", (long)(uint32_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f24(void)
{
    uint32_t a = (uint32_t)77LL; uint32_t b = (uint32_t)5LL; uint32_t s = 6;
    printf("%ld ", (long)(uint32_t)(a + b));
    printf("%ld ", (long)(uint32_t)(a - b));
    printf("%ld ", (long)(uint32_t)(a * b));
    printf("%ld ", (long)(uint32_t)(a / b));
    printf("%ld ", (long)(uint32_t)(a % b));
    printf("%ld ", (long)(uint32_t)(a & b));
    printf("%ld ", (long)(uint32_t)(a | b));
    printf("%ld ", (long)(uint32_t)(a ^ b));
    printf("%ld ", (long)(uint32_t)(a << s));
    printf("%ld ", (long)(uint32_t)(a >> s));
    printf("%ld ", (long)(uint32_t)(-a));
    printf("%ld ", (long)(uint32_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f25(void)
{
    int64_t a = (int64_t)9223372036854775807LL; int64_t b = (int64_t)1LL; int64_t s = 2;
    printf("%ld ", (long)(int64_t)(a + b));
    printf("%ld ", (long)(int64_t)(a - b));
    printf("%ld ", (long)(int64_t)(a * b));
    printf("%ld ", (long)(int64_t)(a / b));
    printf("%ld ", (long)(int64_t)(a % b));
    printf("%ld ", (long)(int64_t)(a & b));
    printf("%ld ", (long)(int64_t)(a | b));
    printf("%ld ", (long)(int64_t)(a ^ b));
    printf("%ld ", (long)(int64_t)(a << s));
    printf("%ld ", (long)(int64_t)(a >> s));
    printf("%ld ", (long)(int64_t)(-a));
    printf("%ld ", (long)(int64_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f26(void)
{
    int64_t a = (int64_t)-9223372036854775807LL; int64_t b = (int64_t)-5LL; int64_t s = 1;
    printf("%ld ", (long)(int64_t)(a + b));
    printf("%ld ", (long)(int64_t)(a - b));
    printf("%ld ", (long)(int64_t)(a * b));
    printf("%ld ", (long)(int64_t)(a / b));
    printf("%ld ", (long)(int64_t)(a % b));
    printf("%ld ", (long)(int64_t)(a & b));
    printf("%ld ", (long)(int64_t)(a | b));
    printf("%ld ", (long)(int64_t)(a ^ b));
    printf("%ld ", (long)(int64_t)(a << s));
    printf("%ld ", (long)(int64_t)(a >> s));
    printf("%ld ", (long)(int64_t)(-a));
    printf("%ld ", (long)(int64_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f27(void)
{
    int64_t a = (int64_t)-1000000007LL; int64_t b = (int64_t)13LL; int64_t s = 7;
    printf("%ld ", (long)(int64_t)(a + b));
    printf("%ld ", (long)(int64_t)(a - b));
    printf("%ld ", (long)(int64_t)(a * b));
    printf("%ld ", (long)(int64_t)(a / b));
    printf("%ld ", (long)(int64_t)(a % b));
    printf("%ld ", (long)(int64_t)(a & b));
    printf("%ld ", (long)(int64_t)(a | b));
    printf("%ld ", (long)(int64_t)(a ^ b));
    printf("%ld ", (long)(int64_t)(a << s));
    printf("%ld ", (long)(int64_t)(a >> s));
    printf("%ld ", (long)(int64_t)(-a));
    printf("%ld ", (long)(int64_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f28(void)
{
    int64_t a = (int64_t)1099511627776LL; int64_t b = (int64_t)3LL; int64_t s = 4;
    printf("%ld ", (long)(int64_t)(a + b));
    printf("%ld ", (long)(int64_t)(a - b));
    printf("%ld ", (long)(int64_t)(a * b));
    printf("%ld ", (long)(int64_t)(a / b));
    printf("%ld ", (long)(int64_t)(a % b));
    printf("%ld ", (long)(int64_t)(a & b));
    printf("%ld ", (long)(int64_t)(a | b));
    printf("%ld ", (long)(int64_t)(a ^ b));
    printf("%ld ", (long)(int64_t)(a << s));
    printf("%ld ", (long)(int64_t)(a >> s));
    printf("%ld ", (long)(int64_t)(-a));
    printf("%ld ", (long)(int64_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f29(void)
{
    uint64_t a = (uint64_t)18446744073709551615ULL; uint64_t b = (uint64_t)2ULL; uint64_t s = 3;
    printf("%ld ", (long)(uint64_t)(a + b));
    printf("%ld ", (long)(uint64_t)(a - b));
    printf("%ld ", (long)(uint64_t)(a * b));
    printf("%ld ", (long)(uint64_t)(a / b));
    printf("%ld ", (long)(uint64_t)(a % b));
    printf("%ld ", (long)(uint64_t)(a & b));
    printf("%ld ", (long)(uint64_t)(a | b));
    printf("%ld ", (long)(uint64_t)(a ^ b));
    printf("%ld ", (long)(uint64_t)(a << s));
    printf("%ld ", (long)(uint64_t)(a >> s));
    printf("%ld ", (long)(uint64_t)(-a));
    printf("%ld ", (long)(uint64_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f30(void)
{
    uint64_t a = (uint64_t)5ULL; uint64_t b = (uint64_t)18446744073709551610ULL; uint64_t s = 4;
    printf("%ld ", (long)(uint64_t)(a + b));
    printf("%ld ", (long)(uint64_t)(a - b));
    printf("%ld ", (long)(uint64_t)(a * b));
    printf("%ld ", (long)(uint64_t)(a / b));
    printf("%ld ", (long)(uint64_t)(a % b));
    printf("%ld ", (long)(uint64_t)(a & b));
    printf("%ld ", (long)(uint64_t)(a | b));
    printf("%ld ", (long)(uint64_t)(a ^ b));
    printf("%ld ", (long)(uint64_t)(a << s));
    printf("%ld ", (long)(uint64_t)(a >> s));
    printf("%ld ", (long)(uint64_t)(-a));
    printf("%ld ", (long)(uint64_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f31(void)
{
    uint64_t a = (uint64_t)12345678901234567890ULL; uint64_t b = (uint64_t)7ULL; uint64_t s = 1;
    printf("%ld ", (long)(uint64_t)(a + b));
    printf("%ld ", (long)(uint64_t)(a - b));
    printf("%ld ", (long)(uint64_t)(a * b));
    printf("%ld ", (long)(uint64_t)(a / b));
    printf("%ld ", (long)(uint64_t)(a % b));
    printf("%ld ", (long)(uint64_t)(a & b));
    printf("%ld ", (long)(uint64_t)(a | b));
    printf("%ld ", (long)(uint64_t)(a ^ b));
    printf("%ld ", (long)(uint64_t)(a << s));
    printf("%ld ", (long)(uint64_t)(a >> s));
    printf("%ld ", (long)(uint64_t)(-a));
    printf("%ld ", (long)(uint64_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

static void f32(void)
{
    uint64_t a = (uint64_t)9223372036854775808ULL; uint64_t b = (uint64_t)63ULL; uint64_t s = 1;
    printf("%ld ", (long)(uint64_t)(a + b));
    printf("%ld ", (long)(uint64_t)(a - b));
    printf("%ld ", (long)(uint64_t)(a * b));
    printf("%ld ", (long)(uint64_t)(a / b));
    printf("%ld ", (long)(uint64_t)(a % b));
    printf("%ld ", (long)(uint64_t)(a & b));
    printf("%ld ", (long)(uint64_t)(a | b));
    printf("%ld ", (long)(uint64_t)(a ^ b));
    printf("%ld ", (long)(uint64_t)(a << s));
    printf("%ld ", (long)(uint64_t)(a >> s));
    printf("%ld ", (long)(uint64_t)(-a));
    printf("%ld ", (long)(uint64_t)(~a));
    printf("%d", a == b ? 1 : 0);
    printf("%d", a != b ? 1 : 0);
    printf("%d", a < b ? 1 : 0);
    printf("%d", a <= b ? 1 : 0);
    printf("%d", a > b ? 1 : 0);
    printf("%d", a >= b ? 1 : 0);
    printf("\n");
}

int main(void)
{
    f1();
    f2();
    f3();
    f4();
    f5();
    f6();
    f7();
    f8();
    f9();
    f10();
    f11();
    f12();
    f13();
    f14();
    f15();
    f16();
    f17();
    f18();
    f19();
    f20();
    f21();
    f22();
    f23();
    f24();
    f25();
    f26();
    f27();
    f28();
    f29();
    f30();
    f31();
    f32();
    return 0;
}
