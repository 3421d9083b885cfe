/* The built-in moving test pattern of `reel encode --pattern WxH`: a diagonal luma ramp that
 * scrolls, chroma ramps that drift, and a bright checkered box that bounces around, so the
 * encoder sees both global motion and a moving object. Any size (odd sizes too). */
#include "reel_cli.h"

#include <string.h>

/* Reflects a position that moves by speed per frame inside [0, span). */
static uint32_t bounce(uint64_t t, uint32_t speed, uint32_t span) {
    if (span == 0)
        return 0;
    uint64_t period = 2 * (uint64_t)span;
    uint64_t p = (t * speed) % period;
    return (uint32_t)(p < span ? p : period - p - 1);
}

void reel_pattern_fill(const reel_frame_info_t* frame, uint64_t t) {
    uint32_t w = frame->width, h = frame->height;
    uint32_t cw = (w + 1) / 2, ch = (h + 1) / 2;
    uint32_t shift = (uint32_t)(t * 3);

    /* Luma: limited-range ramp along the diagonal, scrolling 3 pixels per frame. */
    for (uint32_t y = 0; y < h; y++) {
        uint8_t* row = frame->data[0] + (size_t)y * frame->stride[0];
        uint32_t base = y + shift;
        for (uint32_t x = 0; x < w; x++)
            row[x] = (uint8_t)(16 + ((x + base) & 0xFF) * 219 / 255);
    }
    /* Chroma: horizontal and vertical ramps drifting slowly. */
    for (uint32_t y = 0; y < ch; y++) {
        uint8_t* u = frame->data[1] + (size_t)y * frame->stride[1];
        uint8_t* v = frame->data[2] + (size_t)y * frame->stride[2];
        uint8_t vy = (uint8_t)(64 + ((y * 128 / (ch ? ch : 1) + t) & 0x7F));
        for (uint32_t x = 0; x < cw; x++) {
            u[x] = (uint8_t)(64 + ((x * 128 / (cw ? cw : 1) + t / 2) & 0x7F));
            v[x] = vy;
        }
    }
    /* A checkered box, an eighth of the smaller side, bouncing at different speeds in x and y. */
    uint32_t side = (w < h ? w : h) / 8;
    if (side < 4)
        return;
    uint32_t bx = bounce(t, 7, w - side), by = bounce(t, 5, h - side);
    for (uint32_t y = 0; y < side; y++) {
        uint8_t* row = frame->data[0] + (size_t)(by + y) * frame->stride[0] + bx;
        for (uint32_t x = 0; x < side; x++)
            row[x] = (((x / 8) ^ (y / 8)) & 1) ? 235 : 180;
    }
    for (uint32_t y = by / 2; y < (by + side) / 2 && y < ch; y++) {
        memset(frame->data[1] + (size_t)y * frame->stride[1] + bx / 2, 90, side / 2);
        memset(frame->data[2] + (size_t)y * frame->stride[2] + bx / 2, 200, side / 2);
    }
}
