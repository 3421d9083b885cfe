/* Versions of the shim's ABI and of the FFmpeg libraries the process runs. */
#include "shim_internal.h"

#include <libavutil/avutil.h>
#include <libswresample/swresample.h>

REELFF_API uint32_t reelff_abi_version(void)
{
    return REELFF_ABI_VERSION;
}

REELFF_API void reelff_versions(uint32_t *avformat, uint32_t *avcodec, uint32_t *avutil,
                                uint32_t *swresample, const char **license)
{
    if (avformat)
        *avformat = avformat_version();
    if (avcodec)
        *avcodec = avcodec_version();
    if (avutil)
        *avutil = avutil_version();
    if (swresample)
        *swresample = swresample_version();
    if (license)
        *license = avformat_license();
}
