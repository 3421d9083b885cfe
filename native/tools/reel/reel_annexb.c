/* Annex B access-unit splitting (see reel_annexb.h). */
#include "reel_annexb.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int annexb_open(annexb_reader_t* reader, const char* path, int hevc) {
    memset(reader, 0, sizeof(*reader));
    reader->hevc = hevc;
    FILE* file = fopen(path, "rb");
    if (file == NULL)
        return errno;
    int err = 0;
    if (fseek(file, 0, SEEK_END) != 0) {
        err = errno;
    } else {
        long size = ftell(file);
        if (size < 0 || fseek(file, 0, SEEK_SET) != 0) {
            err = errno;
        } else if ((reader->data = (uint8_t*)malloc(size > 0 ? (size_t)size : 1)) == NULL) {
            err = ENOMEM;
        } else if (fread(reader->data, 1, (size_t)size, file) != (size_t)size) {
            err = ferror(file) ? EIO : EINVAL;
        } else {
            reader->size = (size_t)size;
        }
    }
    fclose(file);
    if (err != 0) {
        free(reader->data);
        reader->data = NULL;
    }
    return err;
}

/* The offset of the next start code (00 00 01) at or after from, or size. */
static size_t next_start(const uint8_t* d, size_t size, size_t from) {
    for (size_t i = from; i + 3 <= size; i++) {
        if (d[i] == 0 && d[i + 1] == 0 && d[i + 2] == 1)
            return i;
    }
    return size;
}

/* Whether the NAL unit whose header starts at nal (after its start code) begins a new access
 * unit; *vcl is set for a coded slice. */
static int begins_unit(const annexb_reader_t* r, const uint8_t* nal, size_t left, int* vcl) {
    *vcl = 0;
    if (left < 2)
        return 0;
    if (!r->hevc) {
        int type = nal[0] & 0x1F;
        if (type == 1 || type == 5) {
            *vcl = 1;
            return (nal[1] & 0x80) != 0; /* first_mb_in_slice == 0: ue(v) "1" */
        }
        return type == 9 || type == 7 || type == 8 || type == 6; /* AUD, SPS, PPS, SEI */
    }
    int type = (nal[0] >> 1) & 0x3F;
    if (type <= 31) {
        *vcl = 1;
        return left >= 3 && (nal[2] & 0x80) != 0; /* first_slice_segment_in_pic_flag */
    }
    return type == 35 || type == 32 || type == 33 || type == 34 || type == 39; /* AUD, VPS, SPS, PPS, prefix SEI */
}

int annexb_next(annexb_reader_t* r, const uint8_t** unit, size_t* length) {
    size_t start = next_start(r->data, r->size, r->position);
    if (start >= r->size)
        return 0;
    /* Include a leading zero byte of a four-byte start code. */
    size_t unit_start = start > r->position && r->data[start - 1] == 0 ? start - 1 : start;
    int seen_vcl = 0;
    size_t at = start;
    for (;;) {
        size_t header = at + 3;
        size_t next = next_start(r->data, r->size, header);
        int vcl = 0;
        int begins = begins_unit(r, r->data + header, r->size - header, &vcl);
        if (seen_vcl && begins) {
            /* This NAL starts the next unit: end before its start code (and its zero byte). */
            size_t end = at > unit_start && r->data[at - 1] == 0 ? at - 1 : at;
            *unit = r->data + unit_start;
            *length = end - unit_start;
            r->position = end;
            return 1;
        }
        seen_vcl |= vcl;
        if (next >= r->size) {
            *unit = r->data + unit_start;
            *length = r->size - unit_start;
            r->position = r->size;
            return 1;
        }
        at = next;
    }
}

void annexb_close(annexb_reader_t* reader) {
    free(reader->data);
    memset(reader, 0, sizeof(*reader));
}

int annexb_is_ivf_path(const char* path) {
    size_t n = strlen(path);
    return n >= 4 && strcasecmp(path + n - 4, ".ivf") == 0;
}
