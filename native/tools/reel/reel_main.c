/* reel: the command-line host of libreel. `reel --help` lists the commands; each command has
 * its own --help. Exit status: 0 done, 1 the work failed, 2 bad usage. */
#include "reel_cli.h"

#include <stdlib.h>
#include <string.h>

static void help(FILE* out) {
    fputs("usage: reel COMMAND [options]\n"
          "\n"
          "commands:\n"
          "  encode   Y4M or a test pattern -> AV1 in IVF through an encoder session\n"
          "  decode   AV1 in IVF -> Y4M through a decoder session and pooled frames\n"
          "  probe    the libreel version and what each codec backend can do\n"
          "  soak     the long-session leak simulation (reel_soak_run)\n"
          "  help     help on a command: reel help encode\n"
          "\n"
          "  -h, --help       this help\n"
          "  -V, --version    the libreel version\n"
          "\n"
          "'reel COMMAND --help' describes a command's options.\n",
          out);
}

typedef struct command_t {
    const char* name;
    int (*main)(int, char**);
    void (*help)(FILE*);
} command_t;

static const command_t k_commands[] = {
    {"encode", reel_encode_main, reel_encode_help},
    {"decode", reel_decode_main, reel_decode_help},
    {"probe", reel_probe_main, reel_probe_help},
    {"soak", reel_soak_main, reel_soak_help},
};

static const command_t* find(const char* name) {
    for (size_t i = 0; i < sizeof(k_commands) / sizeof(k_commands[0]); i++) {
        if (strcmp(k_commands[i].name, name) == 0)
            return &k_commands[i];
    }
    return NULL;
}

int main(int argc, char** argv) {
    /* SVT-AV1 logs to stderr at the level in SVT_LOG (default 3, info: a dozen lines per
     * encoder). Warnings and errors only, unless the user chose a level. */
    cli_svt_log_from_user = getenv("SVT_LOG") != NULL;
    if (!cli_svt_log_from_user)
        setenv("SVT_LOG", "2", 1);
    if (argc < 2) {
        help(stderr);
        return REEL_EXIT_USAGE;
    }
    const char* name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
        help(stdout);
        return REEL_EXIT_OK;
    }
    if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
        printf("reel %s\n", reel_version_string());
        return REEL_EXIT_OK;
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            help(stdout);
            return REEL_EXIT_OK;
        }
        const command_t* command = find(argv[2]);
        if (command == NULL) {
            fprintf(stderr, "reel help: unknown command '%s'; commands are encode, decode, probe, soak\n", argv[2]);
            return REEL_EXIT_USAGE;
        }
        command->help(stdout);
        return REEL_EXIT_OK;
    }
    const command_t* command = find(name);
    if (command == NULL) {
        fprintf(stderr, "reel: unknown command '%s'; commands are encode, decode, probe, soak (reel --help)\n", name);
        return REEL_EXIT_USAGE;
    }
    return command->main(argc, argv);
}
