#version 450
// RGB(A) image -> 8-bit 4:2:0 (I420: three planes; NV12: Y plane + interleaved CbCr) with the
// BT.709 matrix in limited range, the same arithmetic as Reel.Codecs.Conversion.RgbToI420:
//   Y  = 16 + 219 (0.2126 R' + 0.7152 G' + 0.0722 B')
//   Cb = 128 + 224 (B' - Y') / 1.8556,  Cr = 128 + 224 (R' - Y') / 1.5748
// Each chroma sample is the mean of its 2x2 block (sited at the block's centre, as the CPU
// path does); pixels past the right or bottom edge repeat the last column or row.
// One invocation converts an 8x2 block so that every store is a whole 32-bit word: two Y
// words per row, one Cb and one Cr word (I420) or two CbCr words (NV12). Row strides are
// multiples of 8 bytes (Y) and 4 bytes (chroma); the padding columns and rows hold edge
// repeats the CPU side never reads.

layout(local_size_x = 8, local_size_y = 8, local_size_z = 1) in;

// Sampled with texelFetch (no filtering). An _SRGB view decodes to linear light on read.
layout(set = 0, binding = 0) uniform sampler2D source_image;

layout(std430, set = 0, binding = 1) writeonly buffer Planes {
    uint words[];
} planes;

layout(push_constant) uniform Parameters {
    uint width;          // pixels
    uint height;         // rows
    uint y_stride;       // bytes per Y row (multiple of 8)
    uint chroma_stride;  // bytes per chroma row (multiple of 4)
    uint u_offset;       // byte offset of the Cb plane (NV12: the CbCr plane)
    uint v_offset;       // byte offset of the Cr plane (unused for NV12)
    uint flags;          // bit 0: re-encode sRGB (the view decoded it); bit 1: NV12 output
} p;

const uint FLAG_SRGB = 1u;
const uint FLAG_NV12 = 2u;

// The sRGB transfer function: linear light back to the code values the image stores.
vec3 srgb_encode(vec3 linear) {
    vec3 low = linear * 12.92;
    vec3 high = 1.055 * pow(linear, vec3(1.0 / 2.4)) - 0.055;
    return mix(high, low, lessThanEqual(linear, vec3(0.0031308)));
}

vec3 fetch(uint x, uint y) {
    ivec2 at = ivec2(min(x, p.width - 1u), min(y, p.height - 1u));
    vec3 rgb = texelFetch(source_image, at, 0).rgb;
    if ((p.flags & FLAG_SRGB) != 0u)
        rgb = srgb_encode(clamp(rgb, 0.0, 1.0));
    // Code values on the 0..255 scale, as the 8-bit CPU path sees them.
    return clamp(rgb, 0.0, 1.0) * 255.0;
}

const vec3 LUMA = vec3(0.2126, 0.7152, 0.0722);

uint luma(vec3 rgb) {
    return uint(clamp(floor(16.0 + 219.0 / 255.0 * dot(LUMA, rgb) + 0.5), 0.0, 255.0));
}

uvec2 chroma(vec3 sum) {
    vec3 rgb = sum * 0.25;
    float y = dot(LUMA, rgb);
    float cb = 128.0 + 224.0 / 255.0 * (rgb.b - y) / 1.8556;
    float cr = 128.0 + 224.0 / 255.0 * (rgb.r - y) / 1.5748;
    return uvec2(clamp(floor(vec2(cb, cr) + 0.5), 0.0, 255.0));
}

uint pack4(uint a, uint b, uint c, uint d) {
    return a | (b << 8) | (c << 16) | (d << 24);
}

void main() {
    uint x0 = gl_GlobalInvocationID.x * 8u;
    uint y0 = gl_GlobalInvocationID.y * 2u;
    if (x0 >= p.width || y0 >= p.height)
        return;
    uint lumaRows[4];
    uint cb[4];
    uint cr[4];
    for (uint pair = 0u; pair < 4u; pair++) {
        uint x = x0 + pair * 2u;
        vec3 a = fetch(x, y0), b = fetch(x + 1u, y0), c = fetch(x, y0 + 1u), d = fetch(x + 1u, y0 + 1u);
        uvec2 c2 = chroma(a + b + c + d);
        cb[pair] = c2.x;
        cr[pair] = c2.y;
        uint shift = (pair & 1u) * 16u;
        uint top = luma(a) | (luma(b) << 8);
        uint bottom = luma(c) | (luma(d) << 8);
        if ((pair & 1u) == 0u) {
            lumaRows[pair >> 1] = top;
            lumaRows[2u + (pair >> 1)] = bottom;
        } else {
            lumaRows[pair >> 1] |= top << shift;
            lumaRows[2u + (pair >> 1)] |= bottom << shift;
        }
    }
    uint row0 = (y0 * p.y_stride + x0) / 4u;
    uint row1 = row0 + p.y_stride / 4u;
    planes.words[row0] = lumaRows[0];
    planes.words[row0 + 1u] = lumaRows[1];
    planes.words[row1] = lumaRows[2];
    planes.words[row1 + 1u] = lumaRows[3];
    uint chromaRow = (y0 / 2u) * p.chroma_stride;
    if ((p.flags & FLAG_NV12) != 0u) {
        uint at = (p.u_offset + chromaRow + x0) / 4u;
        planes.words[at] = pack4(cb[0], cr[0], cb[1], cr[1]);
        planes.words[at + 1u] = pack4(cb[2], cr[2], cb[3], cr[3]);
    } else {
        planes.words[(p.u_offset + chromaRow + x0 / 2u) / 4u] = pack4(cb[0], cb[1], cb[2], cb[3]);
        planes.words[(p.v_offset + chromaRow + x0 / 2u) / 4u] = pack4(cr[0], cr[1], cr[2], cr[3]);
    }
}
