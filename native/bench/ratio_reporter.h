// A Google Benchmark reporter that prints the usual console table and then, per benchmark
// and thread count, the median time per operation over every repetition, and ratios against
// named baselines measured in the same run.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace reel_bench {

/// One comparison: "candidate" vs "baseline", matched by benchmark function name at each
/// thread count.
struct Comparison {
    std::string candidate;
    std::string baseline;
};

class RatioReporter : public benchmark::ConsoleReporter {
public:
    RatioReporter(std::vector<Comparison> comparisons, std::vector<int> thread_counts)
        : comparisons_(std::move(comparisons)), thread_counts_(std::move(thread_counts)) {}

    void ReportRuns(const std::vector<Run>& runs) override;

    /// Median over repetitions of the wall-clock nanoseconds per operation of all threads
    /// together (1e9 / items per second); NaN when the benchmark did not run.
    double MedianNs(const std::string& name, int threads) const;

    /// Median over repetitions of the CPU nanoseconds all threads together spent per operation.
    double MedianCpuNs(const std::string& name, int threads) const;

    /// Fastest repetition's wall-clock nanoseconds per operation (the least disturbed by other load).
    double BestNs(const std::string& name, int threads) const;

    /// Prints the per-benchmark medians, then "candidate / baseline" time ratios.
    void PrintRatios() const;

private:
    /// One row per benchmark of value(name, threads) for each thread count.
    void PrintRows(double (RatioReporter::*value)(const std::string&, int) const) const;

    std::vector<Comparison> comparisons_;
    std::vector<int> thread_counts_;
    std::vector<std::string> order_;                                         // function names, first-seen order
    std::map<std::pair<std::string, int>, std::vector<double>> samples_;    // wall ns per op of each repetition
    std::map<std::pair<std::string, int>, std::vector<double>> cpu_samples_;  // CPU ns per op of each repetition
};

}  // namespace reel_bench
