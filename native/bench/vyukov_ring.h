// A bare bounded MPMC ring of ints (Dmitry Vyukov's design, as in crossbeam's ArrayQueue):
// each cell carries a sequence number, an operation is one CAS on a position plus one
// release store. No refcount, no handle, no metadata, no stats: the floor for "take an
// index from a shared free list and put it back", against which the pool benchmark measures
// Reel's acquire + release.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace reel_bench {

class VyukovRing {
public:
    /// A ring of capacity cells (a power of two).
    explicit VyukovRing(size_t capacity) : mask_(capacity - 1), cells_(new Cell[capacity]) {
        for (size_t i = 0; i < capacity; i++)
            cells_[i].sequence.store(i, std::memory_order_relaxed);
    }

    bool TryEnqueue(int value) {
        size_t position = enqueue_.load(std::memory_order_relaxed);
        for (;;) {
            Cell& cell = cells_[position & mask_];
            size_t sequence = cell.sequence.load(std::memory_order_acquire);
            intptr_t difference = static_cast<intptr_t>(sequence) - static_cast<intptr_t>(position);
            if (difference == 0) {
                if (enqueue_.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
                    cell.value = value;
                    cell.sequence.store(position + 1, std::memory_order_release);
                    return true;
                }
            } else if (difference < 0) {
                return false;
            } else {
                position = enqueue_.load(std::memory_order_relaxed);
            }
        }
    }

    bool TryDequeue(int* value) {
        size_t position = dequeue_.load(std::memory_order_relaxed);
        for (;;) {
            Cell& cell = cells_[position & mask_];
            size_t sequence = cell.sequence.load(std::memory_order_acquire);
            intptr_t difference = static_cast<intptr_t>(sequence) - static_cast<intptr_t>(position + 1);
            if (difference == 0) {
                if (dequeue_.compare_exchange_weak(position, position + 1, std::memory_order_relaxed)) {
                    *value = cell.value;
                    cell.sequence.store(position + mask_ + 1, std::memory_order_release);
                    return true;
                }
            } else if (difference < 0) {
                return false;
            } else {
                position = dequeue_.load(std::memory_order_relaxed);
            }
        }
    }

private:
    struct Cell {
        std::atomic<size_t> sequence;
        int value;
    };

    const size_t mask_;
    std::unique_ptr<Cell[]> cells_;
    // Producers and consumers on separate cache lines, away from the fields above.
    alignas(64) std::atomic<size_t> enqueue_{0};
    alignas(64) std::atomic<size_t> dequeue_{0};
    char padding_[64 - sizeof(std::atomic<size_t>)];
};

}  // namespace reel_bench
