#include "ratio_reporter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace reel_bench {

void RatioReporter::ReportRuns(const std::vector<Run>& runs) {
    std::vector<Run> shown;  // with repetitions the console shows only their mean/median/stddev/cv
    for (const Run& run : runs) {
        if (run.run_type == Run::RT_Aggregate || run.repetitions <= 1)
            shown.push_back(run);
        auto items = run.counters.find("items_per_second");
        if (run.error_occurred || run.run_type != Run::RT_Iteration || items == run.counters.end() || items->second <= 0)
            continue;
        const std::string& name = run.run_name.function_name;
        if (std::find(order_.begin(), order_.end(), name) == order_.end())
            order_.push_back(name);
        samples_[{name, static_cast<int>(run.threads)}].push_back(1e9 / items->second);
        if (run.iterations > 0)
            cpu_samples_[{name, static_cast<int>(run.threads)}].push_back(run.cpu_accumulated_time * 1e9 / static_cast<double>(run.iterations));
    }
    if (!shown.empty())
        ConsoleReporter::ReportRuns(shown);
}

namespace {

double Median(const std::map<std::pair<std::string, int>, std::vector<double>>& samples, const std::string& name, int threads) {
    auto found = samples.find({name, threads});
    if (found == samples.end() || found->second.empty())
        return NAN;
    std::vector<double> values = found->second;
    std::sort(values.begin(), values.end());
    size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

}  // namespace

double RatioReporter::MedianNs(const std::string& name, int threads) const { return Median(samples_, name, threads); }

double RatioReporter::BestNs(const std::string& name, int threads) const {
    auto found = samples_.find({name, threads});
    if (found == samples_.end() || found->second.empty())
        return NAN;
    return *std::min_element(found->second.begin(), found->second.end());
}

double RatioReporter::MedianCpuNs(const std::string& name, int threads) const { return Median(cpu_samples_, name, threads); }

void RatioReporter::PrintRows(double (RatioReporter::*value)(const std::string&, int) const) const {
    for (const std::string& name : order_) {
        std::printf("%-34s", name.c_str());
        for (int threads : thread_counts_)
            std::printf(" %13.1f", (this->*value)(name, threads));
        std::printf("\n");
    }
}

void RatioReporter::PrintRatios() const {
    std::printf("\nns per acquire + release: median over repetitions of wall time / operations of all threads\n");
    std::printf("%-34s", "benchmark");
    for (int threads : thread_counts_)
        std::printf(" %9d thr", threads);
    std::printf("   runs\n");
    for (const std::string& name : order_) {
        std::printf("%-34s", name.c_str());
        size_t runs = 0;
        for (int threads : thread_counts_) {
            std::printf(" %13.1f", MedianNs(name, threads));
            auto found = samples_.find({name, threads});
            if (found != samples_.end())
                runs = std::max(runs, found->second.size());
        }
        std::printf("   %4zu\n", runs);
    }
    std::printf("\nCPU ns per acquire + release: median over repetitions of the CPU time of all threads / operations\n");
    PrintRows(&RatioReporter::MedianCpuNs);
    std::printf("\nbest repetition, wall ns per acquire + release (the run least disturbed by other load)\n");
    PrintRows(&RatioReporter::BestNs);
    std::printf("\ntime-per-operation ratio candidate / baseline (below 1: the candidate is faster; 1/ratio = throughput ratio)\n");
    std::printf("%-34s %-28s", "candidate", "baseline");
    for (int threads : thread_counts_)
        std::printf(" %9d thr", threads);
    std::printf("\n");
    for (const Comparison& c : comparisons_) {
        std::printf("%-34s %-28s", c.candidate.c_str(), c.baseline.c_str());
        for (int threads : thread_counts_)
            std::printf(" %13.3f", MedianNs(c.candidate, threads) / MedianNs(c.baseline, threads));
        std::printf("\n");
    }
}

}  // namespace reel_bench
