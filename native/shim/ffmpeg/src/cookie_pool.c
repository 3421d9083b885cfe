/* See cookie_pool.h. */
#include "cookie_pool.h"

#include <stdint.h>

#include <libavutil/mem.h>

#define NODES_PER_CHUNK 32

struct reelff__cookie_chunk {
    reelff__cookie_node nodes[NODES_PER_CHUNK];
    struct reelff__cookie_chunk *next;
};

void reelff__cookie_pool_init(reelff__cookie_pool *pool)
{
    pthread_mutex_init(&pool->lock, NULL);
    pool->chunks = NULL;
    pool->free_nodes = NULL;
}

void reelff__cookie_pool_destroy(reelff__cookie_pool *pool)
{
    while (pool->chunks) {
        struct reelff__cookie_chunk *next = pool->chunks->next;
        av_free(pool->chunks);
        pool->chunks = next;
    }
    pool->free_nodes = NULL;
    pthread_mutex_destroy(&pool->lock);
}

reelff__cookie_node *reelff__cookie_pool_take(reelff__cookie_pool *pool, void *owner, void *cookie)
{
    pthread_mutex_lock(&pool->lock);
    if (!pool->free_nodes) {
        struct reelff__cookie_chunk *chunk = av_mallocz(sizeof *chunk);
        if (!chunk) {
            pthread_mutex_unlock(&pool->lock);
            return NULL;
        }
        chunk->next = pool->chunks;
        pool->chunks = chunk;
        for (int i = 0; i < NODES_PER_CHUNK; i++) {
            chunk->nodes[i].next_free = pool->free_nodes;
            pool->free_nodes = &chunk->nodes[i];
        }
    }
    reelff__cookie_node *node = pool->free_nodes;
    pool->free_nodes = node->next_free;
    pthread_mutex_unlock(&pool->lock);
    node->owner = owner;
    node->cookie = cookie;
    return node;
}

void reelff__cookie_pool_give(reelff__cookie_pool *pool, reelff__cookie_node *node)
{
    pthread_mutex_lock(&pool->lock);
    node->next_free = pool->free_nodes;
    pool->free_nodes = node;
    pthread_mutex_unlock(&pool->lock);
}

int reelff__cookie_pool_contains(reelff__cookie_pool *pool, const void *p)
{
    uintptr_t x = (uintptr_t)p;
    int found = 0;
    pthread_mutex_lock(&pool->lock);
    for (struct reelff__cookie_chunk *c = pool->chunks; c && !found; c = c->next)
        found = x >= (uintptr_t)&c->nodes[0] && x < (uintptr_t)&c->nodes[NODES_PER_CHUNK];
    pthread_mutex_unlock(&pool->lock);
    return found;
}
