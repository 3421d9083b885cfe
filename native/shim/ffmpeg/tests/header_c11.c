/* reel_ffmpeg.h alone, as C (c11). */
#include "reel_ffmpeg.h"

int reelff_header_check_c11(void);
int reelff_header_check_c11(void) { return REELFF_ABI_VERSION + REELFF_ERROR_BAD_STATE + REELFF_KIND_IO; }
