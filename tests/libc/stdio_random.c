/* 3,000 pseudo-random operations on one "w+" FILE (fwrite, fread, fgets,
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

int main(void)
{
    static char data[10000], got[10000];
    for (int i = 0; i < 10000; i++)
        data[i] = (char)('a' + i % 26 + (i % 53 == 0 ? -87 : 0));   /* some '\n' */
    FILE *f = fopen("r.bin", "w+");
    unsigned long sum = 0, results = 0;
    int last = 0;   /* 1 read, 2 written since the last seek or flush */
    for (int op = 1; op <= 3000; op++) {
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
            printf("op %d: tell=%ld sum=%lu results=%lu\n", op, ftell(f), sum, results);
    }
    fclose(f);
    f = fopen("r.bin", "r");
    unsigned long h = 0, len = 0;
    int c;
    while ((c = fgetc(f)) != EOF) {
        h = h * 31 + (unsigned)c;
        len++;
    }
    printf("file: %lu bytes, hash %lu\n", len, h);
    fclose(f);
    return 0;
}
// expect: op 100: tell=40335 sum=698003682821602680 results=7676199392297214623
// expect: op 200: tell=75891 sum=11573292561686670231 results=1270434598845234859
// expect: op 300: tell=39230 sum=1390961280980865620 results=10199130793111434856
// expect: op 400: tell=29111 sum=2355357367079847882 results=5931123186768392669
// expect: op 500: tell=16480 sum=810310013715143254 results=4378919037922991321
// expect: op 600: tell=40498 sum=16573899962088731864 results=12921314259482957796
// expect: op 700: tell=33265 sum=15100046515788262629 results=16502360838703500651
// expect: op 800: tell=29159 sum=835574895748593489 results=12522561349909621125
// expect: op 900: tell=24951 sum=2719806229111163032 results=5914784092388647130
// expect: op 1000: tell=44538 sum=8583373028193436095 results=14238579644776573695
// expect: op 1100: tell=298596 sum=11793349980546233462 results=1681577963672084243
// expect: op 1200: tell=328608 sum=14162215516899941062 results=283898211215075726
// expect: op 1300: tell=7745 sum=2661986035772903408 results=2480651391401261143
// expect: op 1400: tell=8723 sum=4285628934284166841 results=13717330622760197440
// expect: op 1500: tell=23875 sum=11118421715732916095 results=6971951187718604566
// expect: op 1600: tell=24005 sum=9378214461275237790 results=13014791575847413143
// expect: op 1700: tell=19251 sum=17197413380696209637 results=3477762602641005309
// expect: op 1800: tell=447653 sum=1427141570920775064 results=17083573934666701797
// expect: op 1900: tell=21343 sum=3653557033883382471 results=4273469812813850165
// expect: op 2000: tell=4425 sum=8496838075734376391 results=15485531548404540286
// expect: op 2100: tell=25668 sum=7037545476346469189 results=4868376632453830642
// expect: op 2200: tell=13640 sum=3392933226009575515 results=794300241302404110
// expect: op 2300: tell=26048 sum=586512448120651884 results=4238200156934312604
// expect: op 2400: tell=619731 sum=4985530955759581522 results=14230761475924863720
// expect: op 2500: tell=10963 sum=11785171472776499859 results=5055393997466698445
// expect: op 2600: tell=18387 sum=16394079956439118989 results=7358888250990735972
// expect: op 2700: tell=673964 sum=2641575178379455521 results=18009579428662723835
// expect: op 2800: tell=711818 sum=2996415775094908225 results=10541165593349042874
// expect: op 2900: tell=720432 sum=6381201121740059893 results=8775032695663275325
// expect: op 3000: tell=735946 sum=13841091090027494431 results=2294858452470171715
// expect: file: 737856 bytes, hash 2350775018458141742
