/* Random operation sequences over pools, buffers, the frame cache, deferred release and a
 * decoder session, with stale, forged and wrongly typed handles, double releases and destroys
 * with buffers out. The harness keeps its own model of what it holds (references per buffer,
 * buffers per pool, frames inserted into the cache) and after every step checks Reel's
 * counters against it: pool stats allocated = available + in_use, in_use equal to the buffers
 * the harness holds (at least that many where the cache or a deferred release shares them),
 * the context's buffers_out and pool count; released buffers and destroyed objects answer
 * REEL_ERROR_INVALID_HANDLE forever; a cache hit is a frame inserted under that number.
 * Each input runs in a context of its own, destroyed at the end (sometimes in the middle,
 * with everything still out). Input: a stream of operation bytes and their arguments. */
#include "fuzz_support.h"

#define MAX_POOLS 6
#define MAX_BUFFERS 48
#define MAX_STALE 96
#define MAX_INSERTED 32

enum { KIND_FRAME, KIND_AUDIO, KIND_BYTES };

typedef struct {
    reel_pool_t handle;
    int kind;
    int alive;
    int shared; /* the cache or a deferred release may hold buffers the harness does not */
    uint32_t max;
} pool_model_t;

typedef struct {
    reel_buffer_t handle;
    int pool;
    uint32_t refs;
    int shared;
} buffer_model_t;

typedef struct {
    int64_t number;
    reel_buffer_t handle;
} inserted_t;

typedef struct {
    const uint8_t* data;
    size_t size, at;
} input_t;

static uint8_t u8(input_t* in) { return in->at < in->size ? in->data[in->at++] : 0; }
static uint32_t u16(input_t* in) { return (uint32_t)u8(in) | (uint32_t)u8(in) << 8; }
static uint64_t u64(input_t* in) {
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | u8(in);
    return v;
}

static reel_context_t context;
static pool_model_t pools[MAX_POOLS];
static int pool_count;
static buffer_model_t buffers[MAX_BUFFERS];
static int buffer_count;
static uint64_t stale[MAX_STALE]; /* handles that must never work again */
static int stale_count;
static uint64_t maybe_live[MAX_STALE]; /* released by the harness, perhaps still held by Reel */
static int maybe_live_count;
static reel_frame_cache_t cache;
static inserted_t inserted[MAX_INSERTED];
static int inserted_count;
static reel_decoder_t decoder;

static uint64_t bits(const void* handle) { return (uint64_t)(uintptr_t)handle; }

static void remember(uint64_t* list, int* count, uint64_t handle) {
    if (*count < MAX_STALE)
        list[(*count)++] = handle;
    else
        list[handle % MAX_STALE] = handle;
}

static int is_known_live(uint64_t value) {
    for (int i = 0; i < buffer_count; i++)
        if (bits(buffers[i].handle) == value)
            return 1;
    for (int i = 0; i < pool_count; i++)
        if (pools[i].alive && bits(pools[i].handle) == value)
            return 1;
    for (int i = 0; i < maybe_live_count; i++)
        if (maybe_live[i] == value)
            return 1;
    return value == bits(context) || value == bits(cache) || value == bits(decoder) || value == 0;
}

static uint32_t held_in(int pool) {
    uint32_t n = 0;
    for (int i = 0; i < buffer_count; i++)
        n += buffers[i].pool == pool;
    return n;
}

/** The invariants checked after every step. */
static void check_counters(void) {
    uint32_t alive = 0, held = (uint32_t)buffer_count;
    for (int p = 0; p < pool_count; p++) {
        if (!pools[p].alive)
            continue;
        alive++;
        reel_pool_stats_t s = reel_pool_stats_init();
        FUZZ_CHECK(reel_pool_get_stats(pools[p].handle, &s) == REEL_SUCCESS, "get_stats of a live pool failed");
        FUZZ_CHECK(s.allocated == s.available + s.in_use, "pool %d: allocated %u != available %u + in_use %u", p,
                   s.allocated, s.available, s.in_use);
        uint32_t mine = held_in(p);
        if (pools[p].shared)
            FUZZ_CHECK(s.in_use >= mine, "pool %d: in_use %u below the %u buffers the harness holds", p, s.in_use, mine);
        else
            FUZZ_CHECK(s.in_use == mine, "pool %d: in_use %u, the harness holds %u", p, s.in_use, mine);
        FUZZ_CHECK(s.peak_in_use >= s.in_use && s.acquires >= s.releases, "pool %d: peak %u, in_use %u, %llu/%llu",
                   p, s.peak_in_use, s.in_use, (unsigned long long)s.acquires, (unsigned long long)s.releases);
    }
    reel_memory_stats_t m = reel_memory_stats_init();
    FUZZ_CHECK(reel_context_get_memory(context, &m) == REEL_SUCCESS, "reel_context_get_memory failed");
    FUZZ_CHECK(m.buffers_out >= held, "context: buffers_out %u, the harness holds %u", m.buffers_out, held);
    if (decoder == REEL_NULL_HANDLE)
        FUZZ_CHECK(m.pools == alive, "context: %u pools alive, the harness made %u", m.pools, alive);
}

static void expect_invalid_handle(reel_result_t r, const char* call, uint64_t handle) {
    FUZZ_CHECK(r == REEL_ERROR_INVALID_HANDLE, "%s(0x%016llx) on a stale or forged handle: %s", call,
               (unsigned long long)handle, reel_result_name(r));
    FUZZ_CHECK(reel_last_error_message()[0] != 0, "%s: INVALID_HANDLE without a message", call);
}

/** Every call that takes a buffer or pool handle refuses a dead one. */
static void poke_dead(uint64_t value, uint8_t which) {
    reel_buffer_t b = (reel_buffer_t)(uintptr_t)value;
    reel_pool_t p = (reel_pool_t)(uintptr_t)value;
    reel_buffer_t out = REEL_NULL_HANDLE;
    reel_bytes_info_t bi = reel_bytes_info_init();
    reel_pool_stats_t ps = reel_pool_stats_init();
    switch (which % 8) {
    case 0: expect_invalid_handle(fuzz_note(40, reel_buffer_release(b)), "reel_buffer_release", value); break;
    case 1: expect_invalid_handle(fuzz_note(41, reel_buffer_retain(b)), "reel_buffer_retain", value); break;
    case 2: expect_invalid_handle(fuzz_note(42, reel_buffer_get_bytes(b, &bi)), "reel_buffer_get_bytes", value); break;
    case 3: expect_invalid_handle(fuzz_note(43, reel_buffer_set_pts(b, 1)), "reel_buffer_set_pts", value); break;
    case 4: expect_invalid_handle(fuzz_note(44, reel_pool_acquire(p, &out)), "reel_pool_acquire", value); break;
    case 5: expect_invalid_handle(fuzz_note(45, reel_pool_get_stats(p, &ps)), "reel_pool_get_stats", value); break;
    case 6: expect_invalid_handle(fuzz_note(46, reel_pool_destroy(p)), "reel_pool_destroy", value); break;
    default: expect_invalid_handle(fuzz_note(47, reel_buffer_release_deferred(b, 1)), "reel_buffer_release_deferred", value); break;
    }
    FUZZ_CHECK(out == REEL_NULL_HANDLE, "a dead pool handed out a buffer");
}

static void create_pool(input_t* in, int kind) {
    if (pool_count == MAX_POOLS)
        return;
    uint8_t a = u8(in), b = u8(in), c = u8(in);
    reel_pool_config_t config;
    memset(&config, 0, sizeof(config));
    config.max = 1 + (a & 7);
    config.initial = (a >> 3) % (config.max + 1);
    config.growth = (reel_pool_growth_t)((a >> 6) % 3);
    config.exhaustion = (b & 1) ? REEL_POOL_EXHAUSTION_GROW : REEL_POOL_EXHAUSTION_FAIL;
    config.flags = (b >> 1) & 3;
    config.trim_idle_frames = (b >> 3) & 3;
    reel_pool_t pool = REEL_NULL_HANDLE;
    reel_result_t r;
    if (kind == KIND_FRAME) {
        reel_frame_pool_desc_t d = reel_frame_pool_desc_default();
        d.format = (reel_pixel_format_t)(1 + c % 6);
        d.width = 1 + (b >> 5) * 9 + (c >> 4);
        d.height = 1 + (c & 15) * 3;
        d.config = config;
        r = reel_frame_pool_create(context, &d, &pool);
    } else if (kind == KIND_AUDIO) {
        reel_audio_pool_desc_t d = reel_audio_pool_desc_default();
        d.format = (reel_sample_format_t)(1 + c % 3);
        d.channels = 1 + (c >> 2) % 8;
        d.samples_per_buffer = 1 + (uint32_t)(c >> 5) * 100;
        d.config = config;
        r = reel_audio_pool_create(context, &d, &pool);
    } else {
        reel_byte_pool_desc_t d = reel_byte_pool_desc_default();
        d.min_class_size = 256u << (c & 3);
        d.max_class_size = d.min_class_size << ((c >> 2) & 3);
        d.config = config;
        r = reel_byte_pool_create(context, &d, &pool);
    }
    fuzz_note(1 + (uint32_t)kind, r);
    if (r != REEL_SUCCESS) { /* a refused configuration (e.g. FIXED with initial != max) must only say so */
        FUZZ_CHECK(r == REEL_ERROR_INVALID_ARGUMENT && pool == REEL_NULL_HANDLE && reel_last_error_message()[0] != 0,
                   "pool create (kind %d): %s", kind, reel_result_name(r));
        return;
    }
    pools[pool_count++] = (pool_model_t){pool, kind, 1, 0, config.max};
}

static void add_buffer(reel_buffer_t handle, int pool) {
    for (int i = 0; i < buffer_count; i++)
        FUZZ_CHECK(buffers[i].handle != handle, "a buffer the harness holds was handed out again");
    if (buffer_count == MAX_BUFFERS) {
        FUZZ_CHECK(reel_buffer_release(handle) == REEL_SUCCESS, "release failed");
        remember(stale, &stale_count, bits(handle));
        return;
    }
    buffers[buffer_count++] = (buffer_model_t){handle, pool, 1, 0};
}

static void drop_reference(int i, int deferred) {
    buffer_model_t* b = &buffers[i];
    if (--b->refs > 0)
        return;
    if (b->shared || deferred) {
        remember(maybe_live, &maybe_live_count, bits(b->handle));
        pools[b->pool].shared = 1;
    } else {
        remember(stale, &stale_count, bits(b->handle));
    }
    buffers[i] = buffers[--buffer_count];
}

static void acquire(input_t* in) {
    if (pool_count == 0)
        return;
    int p = u8(in) % pool_count;
    reel_buffer_t out = REEL_NULL_HANDLE;
    reel_result_t r;
    if (pools[p].kind == KIND_BYTES)
        r = fuzz_note(10, reel_pool_acquire_bytes(pools[p].handle, u16(in), &out));
    else
        r = fuzz_note(11, reel_pool_acquire(pools[p].handle, &out));
    if (!pools[p].alive) {
        expect_invalid_handle(r, "acquire from a destroyed pool", bits(pools[p].handle));
        return;
    }
    if (r == REEL_SUCCESS) {
        add_buffer(out, p);
        return;
    }
    FUZZ_CHECK(out == REEL_NULL_HANDLE, "acquire failed with %s and gave a buffer", reel_result_name(r));
    FUZZ_CHECK(r == REEL_ERROR_LIMIT_REACHED || r == REEL_ERROR_INVALID_ARGUMENT, "acquire: %s", reel_result_name(r));
    if (r == REEL_ERROR_LIMIT_REACHED && !pools[p].shared && pools[p].kind != KIND_BYTES)
        FUZZ_CHECK(held_in(p) >= pools[p].max, "LIMIT_REACHED with %u of %u buffers out", held_in(p), pools[p].max);
}

static void use_buffer(input_t* in) {
    if (buffer_count == 0)
        return;
    buffer_model_t* b = &buffers[u8(in) % buffer_count];
    uint8_t how = u8(in);
    reel_frame_info_t fi = reel_frame_info_init();
    reel_audio_info_t ai = reel_audio_info_init();
    reel_bytes_info_t bi = reel_bytes_info_init();
    reel_result_t rf = reel_buffer_get_frame(b->handle, &fi);
    reel_result_t ra = reel_buffer_get_audio(b->handle, &ai);
    reel_result_t rb = reel_buffer_get_bytes(b->handle, &bi);
    int kind = pools[b->pool].kind;
    FUZZ_CHECK((rf == REEL_SUCCESS) == (kind == KIND_FRAME) && (ra == REEL_SUCCESS) == (kind == KIND_AUDIO) &&
                   (rb == REEL_SUCCESS) == (kind == KIND_BYTES),
               "get_frame/audio/bytes of a kind-%d buffer: %s/%s/%s", kind, reel_result_name(rf), reel_result_name(ra),
               reel_result_name(rb));
    /* Write every byte Reel says the buffer has: ASan stops at one past the allocation. */
    if (kind == KIND_FRAME) {
        for (uint32_t p = 0; p < fi.plane_count; p++)
            memset(fi.data[p], how, fi.plane_size[p]);
    } else if (kind == KIND_AUDIO) {
        memset(ai.data, how, ai.size);
    } else {
        memset(bi.data, how, bi.capacity);
        reel_result_t r = fuzz_note(20, reel_buffer_set_size(b->handle, u16(in)));
        FUZZ_CHECK(r == REEL_SUCCESS || r == REEL_ERROR_INVALID_ARGUMENT, "set_size: %s", reel_result_name(r));
        fuzz_note(21, reel_buffer_set_packet_info(b->handle, (int64_t)u16(in), how & 3));
    }
    FUZZ_CHECK(reel_buffer_set_pts(b->handle, (int64_t)how - 100) == REEL_SUCCESS, "set_pts failed");
    FUZZ_CHECK(reel_buffer_set_tag(b->handle, how) == REEL_SUCCESS, "set_tag failed");
}

static void cache_op(input_t* in) {
    uint8_t op = u8(in);
    if (cache == REEL_NULL_HANDLE) {
        reel_frame_cache_desc_t d = reel_frame_cache_desc_default();
        d.ring_size = 4 + (op & 7);
        d.lru_capacity = 1 + (op >> 3 & 7);
        d.prefetch_depth = 1 + (op >> 6);  /* at most the ring */
        d.queue_capacity = 1 + (op >> 6);
        d.flags = u8(in) & 3;
        FUZZ_CHECK(fuzz_note(30, reel_frame_cache_create(context, &d, &cache)) == REEL_SUCCESS, "cache create: %s",
                   reel_last_error_message());
        inserted_count = 0;
        return;
    }
    int64_t number = u8(in);
    reel_result_t r;
    switch (op % 7) {
    case 0: { /* insert */
        if (buffer_count == 0)
            return;
        buffer_model_t* b = &buffers[u8(in) % buffer_count];
        r = fuzz_note(31, reel_frame_cache_insert(cache, number, b->handle));
        if (pools[b->pool].kind != KIND_FRAME) {
            FUZZ_CHECK(r == REEL_ERROR_INVALID_ARGUMENT, "insert of a non-frame buffer: %s", reel_result_name(r));
            return;
        }
        FUZZ_CHECK(r == REEL_SUCCESS, "insert: %s", reel_last_error_message());
        b->shared = 1;
        pools[b->pool].shared = 1;
        if (inserted_count < MAX_INSERTED)
            inserted[inserted_count++] = (inserted_t){number, b->handle};
        return;
    }
    case 1:
    case 2: { /* get */
        reel_buffer_t out = REEL_NULL_HANDLE;
        r = fuzz_note(32, reel_frame_cache_get(cache, number, &out));
        FUZZ_CHECK(r == REEL_SUCCESS || r == REEL_NOT_READY, "get: %s", reel_result_name(r));
        if (r != REEL_SUCCESS)
            return;
        int known = 0;
        for (int i = 0; i < inserted_count; i++)
            known |= inserted[i].number == number && inserted[i].handle == out;
        FUZZ_CHECK(known || inserted_count == MAX_INSERTED, "cache hit for frame %lld is a buffer never inserted as it",
                   (long long)number);
        for (int i = 0; i < buffer_count; i++)
            if (buffers[i].handle == out) {
                buffers[i].refs++;
                return;
            }
        for (int i = 0; i < pool_count; i++) /* the pool it came from: the one that made it */
            if (pools[i].kind == KIND_FRAME && pools[i].shared) {
                /* Ownership is what matters: hold it as a shared buffer of some frame pool. */
                add_buffer(out, i);
                buffers[buffer_count - 1].shared = 1;
                return;
            }
        FUZZ_CHECK(reel_buffer_release(out) == REEL_SUCCESS, "release of a cache hit failed");
        return;
    }
    case 3: {
        reel_frame_request_t req = reel_frame_request_init();
        r = fuzz_note(33, reel_frame_cache_take_request(cache, &req));
        FUZZ_CHECK(r == REEL_SUCCESS || r == REEL_NOT_READY, "take_request: %s", reel_result_name(r));
        if (r == REEL_SUCCESS && (op & 0x80))
            FUZZ_CHECK(reel_frame_cache_abandon_request(cache, req.frame_number) == REEL_SUCCESS, "abandon failed");
        return;
    }
    case 4: {
        reel_buffer_t range[8];
        uint32_t hits = 99;
        r = fuzz_note(34, reel_frame_cache_get_range(cache, number, 1 + (op >> 4 & 7), range, &hits));
        FUZZ_CHECK(r == REEL_SUCCESS || r == REEL_NOT_READY, "get_range: %s", reel_result_name(r));
        for (uint32_t i = 0; i < 1u + (op >> 4 & 7); i++)
            if (range[i] != REEL_NULL_HANDLE)
                FUZZ_CHECK(reel_buffer_release(range[i]) == REEL_SUCCESS, "release of a range hit failed");
        return;
    }
    case 5:
        FUZZ_CHECK(fuzz_note(35, reel_frame_cache_clear(cache)) == REEL_SUCCESS, "clear failed");
        inserted_count = 0;
        return;
    default: {
        reel_frame_cache_stats_t s = reel_frame_cache_stats_init();
        FUZZ_CHECK(reel_frame_cache_get_stats(cache, &s) == REEL_SUCCESS, "cache stats failed");
        FUZZ_CHECK(s.hits + s.misses >= s.prefetch_used, "cache stats: hits %llu, misses %llu, prefetch used %llu",
                   (unsigned long long)s.hits, (unsigned long long)s.misses, (unsigned long long)s.prefetch_used);
        if (op & 0x40) {
            FUZZ_CHECK(reel_frame_cache_destroy(cache) == REEL_SUCCESS, "cache destroy failed");
            remember(stale, &stale_count, bits(cache));
            cache = REEL_NULL_HANDLE;
        }
        return;
    }
    }
}

static void decoder_op(input_t* in) {
    uint8_t op = u8(in);
    if (decoder == REEL_NULL_HANDLE) {
        reel_decoder_desc_t d = reel_decoder_desc_default();
        d.threads = 1;
        d.max_frame_delay = 1;
        d.frame_size_limit = 256 * 256;
        FUZZ_CHECK(fuzz_note(50, reel_decoder_create(context, &d, &decoder)) == REEL_SUCCESS, "decoder create: %s",
                   reel_last_error_message());
        return;
    }
    reel_buffer_t out = REEL_NULL_HANDLE;
    reel_result_t r;
    switch (op % 4) {
    case 0: {
        size_t n = 1 + (op >> 2);
        if (n > in->size - in->at)
            n = in->size - in->at;
        if (n == 0)
            return;
        r = fuzz_note(51, reel_decoder_submit(decoder, in->data + in->at, n, 0));
        in->at += n;
        break;
    }
    case 1:
        r = fuzz_note(52, reel_decoder_receive(decoder, &out));
        if (out != REEL_NULL_HANDLE)
            FUZZ_CHECK(reel_buffer_release(out) == REEL_SUCCESS, "release of a decoded frame failed");
        break;
    case 2: r = fuzz_note(53, (op & 4) ? reel_decoder_flush(decoder) : reel_decoder_reset(decoder)); break;
    default:
        FUZZ_CHECK(reel_decoder_destroy(decoder) == REEL_SUCCESS, "decoder destroy failed");
        remember(stale, &stale_count, bits(decoder));
        decoder = REEL_NULL_HANDLE;
        return;
    }
    FUZZ_CHECK(r != REEL_ERROR_INTERNAL && r != REEL_ERROR_INVALID_HANDLE, "decoder: %s", reel_result_name(r));
}

static void release_everything(int context_alive) {
    for (int i = buffer_count - 1; i >= 0; i--) {
        while (buffers[i].refs > 0) {
            reel_result_t r = reel_buffer_release(buffers[i].handle);
            FUZZ_CHECK(r == REEL_SUCCESS || !context_alive, "release at the end: %s", reel_result_name(r));
            buffers[i].refs--;
        }
    }
    buffer_count = 0;
}

static void run(const uint8_t* data, size_t size) {
    input_t in = {data, size, 0};
    reel_context_desc_t desc = reel_context_desc_default();
    FUZZ_CHECK(reel_context_create(&desc, &context) == REEL_SUCCESS, "context create failed");
    pool_count = buffer_count = stale_count = maybe_live_count = inserted_count = 0;
    cache = REEL_NULL_HANDLE;
    decoder = REEL_NULL_HANDLE;
    int context_alive = 1;

    for (int step = 0; step < 200 && in.at < in.size && context_alive; step++) {
        uint8_t op = u8(&in);
        switch (op % 16) {
        case 0: create_pool(&in, KIND_FRAME); break;
        case 1: create_pool(&in, KIND_AUDIO); break;
        case 2: create_pool(&in, KIND_BYTES); break;
        case 3:
        case 4: acquire(&in); break;
        case 5: /* retain */
            if (buffer_count > 0) {
                buffer_model_t* b = &buffers[u8(&in) % buffer_count];
                FUZZ_CHECK(fuzz_note(12, reel_buffer_retain(b->handle)) == REEL_SUCCESS, "retain failed");
                b->refs++;
            }
            break;
        case 6:
        case 7: /* release one reference */
            if (buffer_count > 0) {
                int i = u8(&in) % buffer_count;
                FUZZ_CHECK(fuzz_note(13, reel_buffer_release(buffers[i].handle)) == REEL_SUCCESS, "release failed");
                drop_reference(i, 0);
            }
            break;
        case 8: /* a stale handle, or a forged one */
            if (stale_count > 0 && (op & 0x10)) {
                poke_dead(stale[u8(&in) % stale_count], u8(&in));
            } else {
                uint64_t value = u64(&in);
                if (buffer_count > 0 && (op & 0x20)) /* a live handle with other generation/index/type bits */
                    value ^= bits(buffers[u8(&in) % buffer_count].handle);
                if (!is_known_live(value))
                    poke_dead(value, u8(&in));
            }
            break;
        case 9: /* destroy a pool, perhaps with buffers out: they stay valid */
            if (pool_count > 0) {
                pool_model_t* p = &pools[u8(&in) % pool_count];
                reel_result_t r = fuzz_note(14, reel_pool_destroy(p->handle));
                if (p->alive) {
                    FUZZ_CHECK(r == REEL_SUCCESS, "pool destroy failed");
                    p->alive = 0;
                } else {
                    expect_invalid_handle(r, "reel_pool_destroy twice", bits(p->handle));
                }
            }
            break;
        case 10:
            if (pool_count > 0) {
                pool_model_t* p = &pools[u8(&in) % pool_count];
                uint32_t freed = 0;
                reel_result_t r = fuzz_note(15, reel_pool_trim(p->handle, u8(&in) & 3, &freed));
                FUZZ_CHECK(p->alive ? r == REEL_SUCCESS : r == REEL_ERROR_INVALID_HANDLE, "trim: %s",
                           reel_result_name(r));
            }
            break;
        case 11: use_buffer(&in); break;
        case 12: cache_op(&in); break;
        case 13: /* deferred release, and the frame clock that runs it */
            if (buffer_count > 0 && (op & 0x10)) {
                int i = u8(&in) % buffer_count;
                FUZZ_CHECK(fuzz_note(16, reel_buffer_release_deferred(buffers[i].handle, u8(&in) & 3)) == REEL_SUCCESS,
                           "release_deferred failed");
                /* The deferred queue now holds a reference: the handle lives on after the harness's last. */
                buffers[i].shared = 1;
                pools[buffers[i].pool].shared = 1;
                drop_reference(i, 1);
            } else {
                FUZZ_CHECK(reel_context_advance_frame(context, NULL) == REEL_SUCCESS, "advance_frame failed");
            }
            break;
        case 14: decoder_op(&in); break;
        default:
            if (op == 0xFF) { /* destroy the context with everything still out */
                FUZZ_CHECK(reel_context_destroy(context) == REEL_SUCCESS, "context destroy failed");
                context_alive = 0;
            } else {
                char* json = NULL;
                FUZZ_CHECK(reel_stats_json(context, op & 1, &json) == REEL_SUCCESS && json != NULL, "stats_json failed");
                FUZZ_CHECK(strlen(json) > 2 && json[0] == '{', "stats_json is not a JSON object");
                FUZZ_CHECK(reel_stats_json_free(context, json) == REEL_SUCCESS, "stats_json_free failed");
            }
            break;
        }
        if (context_alive)
            check_counters();
    }

    if (context_alive) {
        if (cache != REEL_NULL_HANDLE)
            FUZZ_CHECK(reel_frame_cache_destroy(cache) == REEL_SUCCESS, "cache destroy failed");
        if (decoder != REEL_NULL_HANDLE)
            FUZZ_CHECK(reel_decoder_destroy(decoder) == REEL_SUCCESS, "decoder destroy failed");
        release_everything(1);
        for (int p = 0; p < pool_count; p++)
            if (pools[p].alive)
                FUZZ_CHECK(reel_pool_destroy(pools[p].handle) == REEL_SUCCESS, "pool destroy failed");
        for (int i = 0; i < 5; i++) /* deferred releases wait at most 3 frames */
            reel_context_advance_frame(context, NULL);
        reel_memory_stats_t m = reel_memory_stats_init();
        FUZZ_CHECK(reel_context_get_memory(context, &m) == REEL_SUCCESS, "get_memory failed");
        FUZZ_CHECK(m.buffers_out == 0 && m.pools == 0 && m.bytes == 0 && m.deferred_pending == 0,
                   "leak at the end: %u buffers out, %u pools, %llu bytes, %u deferred", m.buffers_out, m.pools,
                   (unsigned long long)m.bytes, m.deferred_pending);
        for (int i = 0; i < stale_count; i++)
            poke_dead(stale[i], (uint8_t)i);
        FUZZ_CHECK(reel_context_destroy(context) == REEL_SUCCESS, "context destroy failed");
    } else {
        release_everything(0);
    }
    FUZZ_CHECK(reel_context_destroy(context) == REEL_ERROR_INVALID_HANDLE, "a second context destroy did not fail");
    for (int p = 0; p < pool_count; p++) {
        reel_pool_stats_t s = reel_pool_stats_init();
        expect_invalid_handle(reel_pool_get_stats(pools[p].handle, &s), "get_stats after context destroy",
                              bits(pools[p].handle));
    }
}

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz_run("api_sequence", run, data, size);
    return 0;
}
