# The floor for start-up to exit: exit(0) and nothing else (9 bytes of code).
        .globl _start
        .text
_start: mov $60, %eax
        xor %edi, %edi
        syscall
