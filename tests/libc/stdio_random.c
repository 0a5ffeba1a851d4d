/* 1,000 pseudo-random operations on a FILE opened in each of the modes
 * w+ r+ a+ a (on a file that starts with 19 bytes) (fwrite, fread, fgets,
 * fgetc, ungetc, fputc, fseek from the start, the current position and the
 * end, ftell, fflush) with sizes around the 4 KiB buffer, an fseek to the
 * current position between reading and writing as C requires; every result and
 * a checksum of what was read is printed every 100 operations, and the
 * final file is hashed.  Built against glibc and onto the C layer; both
 * print the expect lines. */
#include "clib.h"

static unsigned long seed = 12345;

static unsigned long rnd(unsigned long n)
{
    seed = seed * 6364136223846793005UL + 1442695040888963407UL;
    return (seed >> 33) % n;
}

static unsigned long size_pick(void)
{
    static const unsigned long sizes[] = {1, 7, 100, 4095, 4096, 4097, 9000};
    return rnd(2) ? sizes[rnd(7)] : rnd(5000);
}

static char data[10000], got[10000];

static void run(const char *mode)
{
    FILE *f = fopen("r.bin", "w");
    fputs("seed data\nline two\n", f);
    fclose(f);
    f = fopen("r.bin", mode);
    unsigned long sum = 0, results = 0;
    int last = 0;   /* 1 read, 2 written since the last seek or flush */
    for (int op = 1; op <= 1000; op++) {
        unsigned long n = size_pick(), k = 0;
        long r = 0;
        int kind = (int)rnd(10);
        int dir = kind <= 1 || kind == 9 ? 2 : kind <= 4 || kind == 8 ? 1 : 0;
        if (dir && last && dir != last)
            fseek(f, 0, SEEK_CUR);
        last = dir ? dir : 0;
        switch (kind) {
        case 0:
        case 1:
            r = (long)fwrite(data + rnd(1000), 1, n, f);
            break;
        case 2:
        case 3:
            k = fread(got, 1, n, f);
            for (unsigned long i = 0; i < k; i++)
                sum = sum * 31 + (unsigned char)got[i];
            r = (long)k;
            break;
        case 4:
            if (fgets(got, (int)(n % 200 + 1), f))
                for (k = 0; got[k]; k++)
                    sum = sum * 31 + (unsigned char)got[k];
            r = (long)k;
            break;
        case 5:
            r = fseek(f, (long)rnd(30000), SEEK_SET);
            break;
        case 6:
            r = fseek(f, (long)rnd(2000) - 1000, SEEK_CUR);
            break;
        case 7:
            r = fseek(f, -(long)rnd(5000), SEEK_END);
            break;
        case 8:
            r = fgetc(f);
            if (r >= 0 && rnd(2))
                r += 1000 * ungetc((int)r, f);
            break;
        default:
            r = fputc('A' + (int)rnd(26), f);
            if (rnd(4) == 0) {
                r += fflush(f);
                last = 0;
            }
            break;
        }
        if (r < 0)
            clearerr(f);
        results = results * 131 + (unsigned long)r + (unsigned long)ftell(f);
        if (op % 100 == 0)
            printf("%s op %d: tell=%ld sum=%lu results=%lu\n", mode, op, ftell(f), sum, results);
    }
    fclose(f);
    f = fopen("r.bin", "r");
    unsigned long h = 0, len = 0;
    int c;
    while ((c = fgetc(f)) != EOF) {
        h = h * 31 + (unsigned)c;
        len++;
    }
    printf("%s file: %lu bytes, hash %lu\n", mode, len, h);
    fclose(f);
}

int main(void)
{
    for (int i = 0; i < 10000; i++)
        data[i] = (char)('a' + i % 26 + (i % 53 == 0 ? -87 : 0));   /* some '\n' */
    run("w+");
    run("r+");
    run("a+");
    run("a");
    return 0;
}
// expect: w+ op 100: tell=40335 sum=698003682821602680 results=7676199392297214623
// expect: w+ op 200: tell=75891 sum=11573292561686670231 results=1270434598845234859
// expect: w+ op 300: tell=39230 sum=1390961280980865620 results=10199130793111434856
// expect: w+ op 400: tell=29111 sum=2355357367079847882 results=5931123186768392669
// expect: w+ op 500: tell=16480 sum=810310013715143254 results=4378919037922991321
// expect: w+ op 600: tell=40498 sum=16573899962088731864 results=12921314259482957796
// expect: w+ op 700: tell=33265 sum=15100046515788262629 results=16502360838703500651
// expect: w+ op 800: tell=29159 sum=835574895748593489 results=12522561349909621125
// expect: w+ op 900: tell=24951 sum=2719806229111163032 results=5914784092388647130
// expect: w+ op 1000: tell=44538 sum=8583373028193436095 results=14238579644776573695
// expect: w+ file: 258020 bytes, hash 2199388218368611641
// expect: r+ op 100: tell=71295 sum=14043185658246113626 results=15994247722264964894
// expect: r+ op 200: tell=101307 sum=16947523865120521874 results=255238194639707464
// expect: r+ op 300: tell=7745 sum=10780357528292413848 results=8068680051077815583
// expect: r+ op 400: tell=8723 sum=10290825934866567985 results=1623470161527464845
// expect: r+ op 500: tell=23875 sum=11697650164677861933 results=12816908351633080402
// expect: r+ op 600: tell=24005 sum=60482168828065180 results=12141546852385323406
// expect: r+ op 700: tell=19251 sum=17020441342186324075 results=2458389455166569963
// expect: r+ op 800: tell=220352 sum=15911674877629504208 results=265547145769869651
// expect: r+ op 900: tell=21343 sum=11260223430371696571 results=4951925920293862733
// expect: r+ op 1000: tell=4425 sum=18398166257726055355 results=16888489332912564165
// expect: r+ file: 244537 bytes, hash 16253120040116460245
// expect: a+ op 100: tell=82948 sum=8294916996128165272 results=13696850621120829556
// expect: a+ op 200: tell=149321 sum=82955682894525738 results=6406551345386583937
// expect: a+ op 300: tell=190527 sum=4729526600469320690 results=13236050003476263069
// expect: a+ op 400: tell=275681 sum=11530999693952394869 results=4445198026877005751
// expect: a+ op 500: tell=13879 sum=13554684926266453069 results=3117789073660055670
// expect: a+ op 600: tell=370897 sum=4092868169188818878 results=5061041221938179331
// expect: a+ op 700: tell=18597 sum=15629634186246338853 results=1448098340649555719
// expect: a+ op 800: tell=456540 sum=16436985157430490814 results=12512291441710814845
// expect: a+ op 900: tell=525674 sum=12044176416646214720 results=14420970106682121958
// expect: a+ op 1000: tell=587447 sum=1269366864967169018 results=28778325632476379
// expect: a+ file: 587447 bytes, hash 1470207430573168759
// expect: a op 100: tell=40417 sum=0 results=10453567107168233167
// expect: a op 200: tell=90862 sum=0 results=6299118069151518492
// expect: a op 300: tell=138155 sum=0 results=2976139221765118585
// expect: a op 400: tell=16208 sum=0 results=13714559551381263115
// expect: a op 500: tell=17366 sum=0 results=12330688016613724787
// expect: a op 600: tell=322215 sum=0 results=8584873593268243117
// expect: a op 700: tell=350115 sum=0 results=9515174725475901079
// expect: a op 800: tell=396493 sum=0 results=597670251576054475
// expect: a op 900: tell=417349 sum=0 results=9214117977667689599
// expect: a op 1000: tell=475351 sum=0 results=13130186101129570399
// expect: a file: 476226 bytes, hash 854919806428722867
