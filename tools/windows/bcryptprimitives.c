/* A stand-in bcryptprimitives.dll, for trying the programs under Wine 8 only.
 *
 * Rust's std (1.78 and later) gets random numbers on Windows from
 * ProcessPrng in bcryptprimitives.dll. Every Windows 10 and 11 has that
 * DLL; Wine 8 (Debian 12's) does not, so without this file every Rust
 * program stops at its first HashMap. The function below gives the same
 * bytes from RtlGenRandom (advapi32's SystemFunction036), which Wine has.
 *
 * tools/windows/wine-run.sh builds it into the Wine prefix. It is never
 * shipped: the installer and the release carry only the two programs. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x7fffffffUL ? 0x7fffffffUL : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
