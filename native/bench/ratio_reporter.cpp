#include "ratio_reporter.h"

#include <cstdio>

namespace reel_bench {

void RatioReporter::ReportRuns(const std::vector<Run>& runs) {
    for (const Run& run : runs) {
        auto items = run.counters.find("items_per_second");
        if (!run.error_occurred && items != run.counters.end())
            items_per_second_[run.benchmark_name()] = items->second;
    }
    ConsoleReporter::ReportRuns(runs);
}

void RatioReporter::PrintRatios() const {
    std::printf("\n%-44s %-44s %14s %14s %8s\n", "candidate", "baseline", "cand. ops/s", "base ops/s", "ratio");
    for (const Comparison& c : comparisons_) {
        for (const char* threads : {"/threads:1", "/threads:2"}) {
            auto candidate = items_per_second_.find(c.candidate + "/real_time" + threads);
            auto baseline = items_per_second_.find(c.baseline + "/real_time" + threads);
            if (candidate == items_per_second_.end() || baseline == items_per_second_.end())
                continue;
            std::printf("%-44s %-44s %14.0f %14.0f %7.2fx\n", (c.candidate + threads).c_str(), (c.baseline + threads).c_str(),
                        candidate->second, baseline->second, candidate->second / baseline->second);
        }
    }
}

}  // namespace reel_bench
