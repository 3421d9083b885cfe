/* Small nodes that tie a host buffer (its cookie) to the shim object that owns it while
 * libavcodec holds a reference: the opaque of an AVBuffer whose free callback gives the buffer
 * back to the host. Free callbacks run on any thread, so the pool is guarded by a mutex, never
 * held while host code runs. Nodes come in chunks and are reused: no allocation per frame in
 * steady state. */
#ifndef REELFF_COOKIE_POOL_H
#define REELFF_COOKIE_POOL_H

#include <pthread.h>

typedef struct reelff__cookie_node {
    void *owner;  /* the decoder or encoder */
    void *cookie; /* the host's token */
    struct reelff__cookie_node *next_free;
} reelff__cookie_node;

typedef struct reelff__cookie_pool {
    pthread_mutex_t lock;
    struct reelff__cookie_chunk *chunks;
    reelff__cookie_node *free_nodes;
} reelff__cookie_pool;

void reelff__cookie_pool_init(reelff__cookie_pool *pool);
/* Frees every chunk: call when no node is in use any more (after avcodec_free_context). */
void reelff__cookie_pool_destroy(reelff__cookie_pool *pool);
/* A node for (owner, cookie), or NULL when out of memory. */
reelff__cookie_node *reelff__cookie_pool_take(reelff__cookie_pool *pool, void *owner, void *cookie);
void reelff__cookie_pool_give(reelff__cookie_pool *pool, reelff__cookie_node *node);
/* Is p one of this pool's nodes (an AVBuffer opaque made by the shim, not libavcodec's own)? */
int reelff__cookie_pool_contains(reelff__cookie_pool *pool, const void *p);

#endif
