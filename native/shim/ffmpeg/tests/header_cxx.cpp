// reel_ffmpeg.h alone, as C++17.
#include "reel_ffmpeg.h"

int reelff_header_check_cxx();
int reelff_header_check_cxx() { return REELFF_ABI_VERSION + REELFF_ERROR_UNSUPPORTED; }
