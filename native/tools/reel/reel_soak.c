/* reel soak: runs reel_soak_run (section 9) and prints its result. */
#include "reel_cli.h"

#include <math.h>
#include <string.h>

static const char* const k_command = "soak";

void reel_soak_help(FILE* out) {
    fputs("usage: reel soak [--hours H] [--scenario steady|leak|bursty] [--svg FILE] [options]\n"
          "\n"
          "Runs the long-session simulation of a transcoding pipeline on a virtual clock (decode,\n"
          "frame cache, encode, mux, audio, staging; 1080p/720p switching every hour) with the leak\n"
          "detector on, and prints what it measured. 24 virtual hours take seconds.\n"
          "\n"
          "      --hours H           virtual hours, 1..720 (default 24)\n"
          "      --scenario S        steady (default): must not grow; leak: leaks a frame per\n"
          "                          minute from --leak-start; bursty: bursts that come back\n"
          "      --leak-start M      leak scenario: first leaked minute (default 20)\n"
          "      --fps N             frames per virtual second, 1..240 (default 60)\n"
          "      --seed N            seed of packet sizes and bursts (default 1)\n"
          "      --stop-on-alert     stop at the first leak alert\n"
          "      --svg FILE          write a chart of memory per category\n"
          "      --json              print the result as one JSON object\n"
          "  -h, --help              this help\n"
          "\n"
          "exit status: 0 done (an alert is a result, not a failure), 1 the run failed, 2 bad usage\n",
          out);
}

int reel_soak_main(int argc, char** argv) {
    static const cli_keyword_t scenarios[] = {{"steady", REEL_SOAK_STEADY}, {"leak", REEL_SOAK_LEAK}, {"bursty", REEL_SOAK_BURSTY}};
    reel_soak_desc_t desc = reel_soak_desc_default();
    int json = 0;
    cli_args_t a = cli_args(argc, argv, 2, k_command);
    while (cli_next(&a)) {
        if (cli_is(&a, "--help", "-h")) {
            reel_soak_help(stdout);
            return REEL_EXIT_OK;
        } else if (cli_is(&a, "--hours", NULL)) {
            desc.hours = (double)cli_uint(&a, 1, 720);
        } else if (cli_is(&a, "--scenario", NULL)) {
            desc.scenario = (reel_soak_scenario_t)cli_keyword(&a, scenarios, 3);
        } else if (cli_is(&a, "--leak-start", NULL)) {
            desc.leak_start_minute = (uint32_t)cli_uint(&a, 1, 1000000);
        } else if (cli_is(&a, "--fps", NULL)) {
            desc.fps = (uint32_t)cli_uint(&a, 1, 240);
        } else if (cli_is(&a, "--seed", NULL)) {
            desc.seed = (int32_t)cli_uint(&a, 1, 2147483647);
        } else if (cli_is(&a, "--stop-on-alert", NULL)) {
            desc.stop_on_alert = 1;
        } else if (cli_is(&a, "--svg", NULL)) {
            desc.svg_path = cli_value(&a);
        } else if (cli_is(&a, "--json", NULL)) {
            json = 1;
        } else {
            return cli_usage_error(k_command, "unknown option %s", a.name);
        }
    }
    reel_soak_result_t result = reel_soak_result_init();
    reel_result_t r = reel_soak_run(&desc, &result);
    if (r != REEL_SUCCESS)
        return cli_fail(k_command, "the soak run", r);
    const char* scenario = scenarios[desc.scenario].name;
    if (json) {
        printf("{\"command\":\"soak\",\"scenario\":\"%s\",\"frames\":%llu,\"virtual_hours\":%.3f,\"wall_seconds\":%.3f,"
               "\"snapshots\":%llu,\"alerts\":%llu,\"leak_start_snapshot\":%lld,\"first_alert_snapshot\":%lld,"
               "\"steady_growth_bytes_per_hour\":",
               scenario, (unsigned long long)result.frames, result.virtual_hours, result.wall_seconds,
               (unsigned long long)result.snapshots, (unsigned long long)result.alerts, (long long)result.leak_start_snapshot,
               (long long)result.first_alert_snapshot);
        if (isnan(result.steady_growth_bytes_per_hour))
            printf("null");
        else
            printf("%.1f", result.steady_growth_bytes_per_hour);
        printf(",\"peak_bytes\":%llu,\"final_bytes\":%llu,\"frames_dropped\":%llu,\"alert_object\":",
               (unsigned long long)result.peak_bytes, (unsigned long long)result.final_bytes, (unsigned long long)result.frames_dropped);
        cli_json_string(stdout, result.alert_object);
        printf(",\"alert_tag\":%llu}\n", (unsigned long long)result.alert_tag);
        return REEL_EXIT_OK;
    }
    printf("soak %s: %.1f virtual hours, %llu frames in %.2f s of wall time\n", scenario, result.virtual_hours,
           (unsigned long long)result.frames, result.wall_seconds);
    printf("  snapshots %llu, peak %.1f MiB, final %.1f MiB, frames dropped %llu\n", (unsigned long long)result.snapshots,
           (double)result.peak_bytes / 1048576.0, (double)result.final_bytes / 1048576.0, (unsigned long long)result.frames_dropped);
    if (isnan(result.steady_growth_bytes_per_hour))
        printf("  steady growth: not measured (under 6 hours)\n");
    else
        printf("  steady growth: %.1f bytes per hour\n", result.steady_growth_bytes_per_hour);
    if (result.alerts == 0)
        printf("  leak alerts: none\n");
    else
        printf("  leak alerts: %llu; the first at snapshot %lld (leak began at %lld), pool '%s', oldest suspect tag %llu\n",
               (unsigned long long)result.alerts, (long long)result.first_alert_snapshot, (long long)result.leak_start_snapshot,
               result.alert_object, (unsigned long long)result.alert_tag);
    if (desc.svg_path != NULL)
        printf("  chart: %s\n", desc.svg_path);
    return REEL_EXIT_OK;
}
