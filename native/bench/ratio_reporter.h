// A Google Benchmark reporter that prints the usual console table and then, for every
// benchmark, its throughput as a ratio against a named baseline measured in the same run.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

namespace reel_bench {

/// One comparison: "candidate" vs "baseline", matched by benchmark name (with the
/// /threads:N suffix appended to both).
struct Comparison {
    std::string candidate;
    std::string baseline;
};

class RatioReporter : public benchmark::ConsoleReporter {
public:
    explicit RatioReporter(std::vector<Comparison> comparisons) : comparisons_(std::move(comparisons)) {}

    void ReportRuns(const std::vector<Run>& runs) override;

    /// Prints "candidate / baseline" throughput ratios for every thread count measured.
    void PrintRatios() const;

private:
    std::vector<Comparison> comparisons_;
    std::map<std::string, double> items_per_second_;  // by full benchmark name
};

}  // namespace reel_bench
