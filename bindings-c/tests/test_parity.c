/* Parity: dechaff_article_json equals the Rust Article::to_json byte for byte.
 *
 * Usage: test_parity HTML_FILE JSON_FILE [HTML_FILE JSON_FILE ...]
 * Each JSON_FILE holds the output of `cargo run --release --example extract -- HTML_FILE
 * --format json` (default options, bytes in); its trailing newline is ignored.
 */
#include "dechaff.h"
#include "check.h"

int main(int argc, char **argv) {
    if (argc < 3 || argc % 2 != 1) {
        fprintf(stderr, "usage: %s HTML JSON [HTML JSON ...]\n", argv[0]);
        return 2;
    }
    for (int i = 1; i + 1 < argc; i += 2) {
        size_t html_len, json_len;
        unsigned char *html = read_file(argv[i], &html_len);
        unsigned char *expected = read_file(argv[i + 1], &json_len);
        if (json_len > 0 && expected[json_len - 1] == '\n') {
            json_len--;
        }
        dechaff_article *a = NULL;
        dechaff_status status = dechaff_extract(html, html_len, NULL, NULL, &a);
        CHECK(status == DECHAFF_OK);
        if (status == DECHAFF_OK) {
            const char *json = dechaff_article_json(a);
            size_t len = strlen(json);
            bool same = len == json_len && memcmp(json, expected, len) == 0;
            CHECK(same);
            if (!same) {
                size_t at = 0;
                while (at < len && at < json_len && json[at] == (char)expected[at]) {
                    at++;
                }
                fprintf(stderr, "%s: C JSON (%zu bytes) differs from Rust (%zu bytes) at byte %zu\n",
                        argv[i], len, json_len, at);
            }
        } else {
            char msg[256];
            dechaff_last_error_message(msg, sizeof msg);
            fprintf(stderr, "%s: %s: %s\n", argv[i], dechaff_status_str(status), msg);
        }
        dechaff_article_free(a);
        free(html);
        free(expected);
    }
    printf("parity: %d pages compared\n", (argc - 1) / 2);
    return check_summary("test_parity");
}
