/* reel_ffmpeg.h alone, as C (c99). */
#include "reel_ffmpeg.h"

int reelff_header_check_c99(void);
int reelff_header_check_c99(void) { return REELFF_ABI_VERSION + REELFF_ERROR_BAD_STATE + REELFF_KIND_IO; }
