/* Threads: one const dechaff_options shared by several threads gives every thread the same
 * JSON as a single-threaded run, articles can be read from other threads, and the error
 * message is per thread.
 *
 * Usage: test_threads PAGES_DIR
 */
#define _POSIX_C_SOURCE 200809L
#include "dechaff.h"
#include "check.h"

#include <pthread.h>

#define THREADS 4
#define ROUNDS 2

static const unsigned char *page;
static size_t page_len;
static const dechaff_options *shared_options;
static const char *reference_json;

struct result {
    int mismatches;
    int failures;
    size_t error_len_before;
    char error_after[128];
};

static void *worker(void *arg) {
    struct result *r = arg;
    /* A new thread has no error message yet, whatever other threads did. */
    r->error_len_before = dechaff_last_error_message(NULL, 0);
    for (int i = 0; i < ROUNDS; i++) {
        dechaff_article *a = NULL;
        if (dechaff_extract(page, page_len, NULL, shared_options, &a) != DECHAFF_OK) {
            r->failures++;
            continue;
        }
        if (strcmp(dechaff_article_json(a), reference_json) != 0) {
            r->mismatches++;
        }
        dechaff_article_free(a);
    }
    /* A failure here sets this thread's message only. */
    dechaff_extract(NULL, 1, NULL, NULL, NULL);
    dechaff_last_error_message(r->error_after, sizeof r->error_after);
    return NULL;
}

/* Reads an article created by another thread. */
static void *reader(void *arg) {
    const dechaff_article *a = arg;
    return (void *)dechaff_article_text(a);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PAGES_DIR\n", argv[0]);
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/kyiv-independent.html", argv[1]);
    unsigned char *html = read_file(path, &page_len);
    page = html;

    dechaff_options *o = dechaff_options_new();
    CHECK(dechaff_options_set_include_links(o, true) == DECHAFF_OK);
    shared_options = o;

    dechaff_article *ref = NULL;
    CHECK(dechaff_extract(page, page_len, NULL, o, &ref) == DECHAFF_OK);
    if (ref == NULL) {
        return check_summary("test_threads");
    }
    reference_json = dechaff_article_json(ref);

    /* Main thread's own failure, which the workers must not see or change. */
    CHECK(dechaff_options_set_favor(o, 17) == DECHAFF_ERR_INVALID_OPTION);
    char mine[128];
    dechaff_last_error_message(mine, sizeof mine);

    pthread_t threads[THREADS];
    struct result results[THREADS];
    memset(results, 0, sizeof results);
    for (int i = 0; i < THREADS; i++) {
        CHECK(pthread_create(&threads[i], NULL, worker, &results[i]) == 0);
    }
    for (int i = 0; i < THREADS; i++) {
        CHECK(pthread_join(threads[i], NULL) == 0);
        CHECK(results[i].failures == 0);
        CHECK(results[i].mismatches == 0);
        CHECK(results[i].error_len_before == 0);
        CHECK_STR(results[i].error_after, "`out` is NULL");
    }
    char after[128];
    dechaff_last_error_message(after, sizeof after);
    CHECK_STR(after, mine);

    /* Renderings first requested from another thread are the same cached string. */
    pthread_t t;
    void *text_from_thread = NULL;
    CHECK(pthread_create(&t, NULL, reader, ref) == 0);
    CHECK(pthread_join(t, &text_from_thread) == 0);
    CHECK(text_from_thread != NULL && text_from_thread == (void *)dechaff_article_text(ref));

    dechaff_article_free(ref);
    dechaff_options_free(o);
    free(html);
    return check_summary("test_threads");
}
