/* H.264 / HEVC elementary streams (Annex B byte streams: start codes before every NAL unit)
 * for `reel encode --codec h264|hevc` output and `reel decode --codec h264|hevc` input. The
 * reader splits a stream into access units (one coded picture each, what a decoder packet
 * holds) at the NAL unit types that begin one: an access unit delimiter, parameter sets or a
 * prefix SEI before the picture's first slice, or a slice whose first_mb_in_slice (H.264) /
 * first_slice_segment_in_pic_flag (HEVC) says it is the first of a new picture. */
#ifndef REEL_ANNEXB_H
#define REEL_ANNEXB_H

#include <stddef.h>
#include <stdint.h>

/** A whole elementary stream in memory and the position of the next access unit. */
typedef struct annexb_reader_t {
    uint8_t* data;
    size_t size;
    size_t position;
    int hevc;
} annexb_reader_t;

/** Reads path into memory; 0 on success, else an errno value. */
int annexb_open(annexb_reader_t* reader, const char* path, int hevc);

/** The next access unit: *unit and *length (into the reader's memory); 0 at the end. */
int annexb_next(annexb_reader_t* reader, const uint8_t** unit, size_t* length);

/** Frees the memory. */
void annexb_close(annexb_reader_t* reader);

/** Whether path names an IVF file by its extension (IVF holds AV1 only). */
int annexb_is_ivf_path(const char* path);

#endif
