/* Start-up to exit with musl: main returns 0 at once. */
int main(void)
{
    return 0;
}
