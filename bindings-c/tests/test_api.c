/* The C API from C: a real page, every NULL pointer argument, bad strings and bytes, empty
 * and oversized input, every status code, and every options setter with good and bad values.
 *
 * Usage: test_api PAGES_DIR   (the repository's examples/pages)
 */
#include "dechaff.h"
#include "check.h"

#include <limits.h>
#include <stdint.h>

static const char *pages_dir;

/* From examples/pages/kyiv-independent.expected.json ("title" and "paragraphs"). */
static const char *const SEED_TITLE =
    "US-Russia talks in Istanbul meant to 'strengthen trust,' first of many, Moscow says";
static const char *const SEED_PARAGRAPHS[] = {
    "Russia hopes the meeting with U.S. officials in Istanbul will \"strengthen the trust\" "
    "between the two countries, a Russian Foreign Ministry spokesperson said on Feb. 27.",
    "\"We expect that today's meeting will be first in the series of similar expert "
    "consultations that will move us closer, together with the U.S., in overcoming "
    "disagreements and strengthening trust,\" spokesperson Maria Zakharova said during a press "
    "briefing.",
    "U.S. and Russian delegations began their meeting in Istanbul earlier on Feb. 27, following "
    "up on the initial round of talks in Riyadh on Feb. 18.",
    "The meetings come amid U.S. President Donald Trump's efforts to broker a swift peace deal "
    "with Russia, speaking concerns that Washington's partners in Kyiv and Europe are being "
    "sidelined in the process.",
    "The second meeting will not include discussions on Ukraine, a U.S. State Department "
    "spokesperson told the media. According to Russian Foreign Minister Sergey Lavrov, the "
    "deliberations will focus on embassy operations.",
    "The discussions would concern \"systemic problems that have accumulated as a result of the "
    "illegal activities of the previous U.S. administration to create artificial obstacles to "
    "the activities of the Russian Embassy,\" leading Moscow to \"respond in kind,\" Lavrov "
    "said.",
    "The Biden administration has cut most official contacts with Russia after the outbreak of "
    "the full-scale war in an attempt to isolate Russian President Vladimir Putin on the global "
    "stage.",
};
#define SEED_PARAGRAPH_COUNT (sizeof SEED_PARAGRAPHS / sizeof SEED_PARAGRAPHS[0])
/* Boilerplate of the page that must not reach the text (a few of must_not_contain). */
static const char *const SEED_BOILERPLATE[] = {"Subscribe", "Most popular", "Skip to content",
                                               "Become a member"};

/* A small article with enough prose to count as content. */
static const char ARTICLE_HTML[] =
    "<html><head><title>A story | Example News</title></head><body>"
    "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
    "<article><h1>A story</h1>"
    "<p>The first paragraph of the story is long enough to be article text, and it has a comma "
    "or two, as prose does.</p>"
    "<p>The second paragraph continues the story with more detail, quotes, and context for the "
    "reader, <a href=\"/more\">with a link</a>.</p>"
    "</article><footer>Example News footer</footer></body></html>";

static char *path_in_pages(const char *name) {
    size_t n = strlen(pages_dir) + 1 + strlen(name) + 1;
    char *path = malloc(n);
    if (path == NULL) {
        exit(2);
    }
    snprintf(path, n, "%s/%s", pages_dir, name);
    return path;
}

static dechaff_status extract_str(const char *html, const dechaff_options *opts,
                                  dechaff_article **out) {
    return dechaff_extract((const uint8_t *)html, strlen(html), NULL, opts, out);
}

/* The last error message of this thread, in a static buffer. */
static const char *last_error(void) {
    static char buf[1024];
    dechaff_last_error_message(buf, sizeof buf);
    return buf;
}

/* Every string accessor of a valid article returns NULL or valid UTF-8. */
static void check_all_strings_utf8(const dechaff_article *a) {
    const char *values[] = {
        dechaff_article_title(a),    dechaff_article_published(a), dechaff_article_modified(a),
        dechaff_article_site_name(a), dechaff_article_description(a),
        dechaff_article_language(a), dechaff_article_url(a),       dechaff_article_image(a),
        dechaff_article_text(a),     dechaff_article_markdown(a),  dechaff_article_html(a),
        dechaff_article_json(a),
    };
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        CHECK(values[i] == NULL || is_utf8(values[i]));
    }
    for (size_t i = 0; i < dechaff_article_authors_count(a); i++) {
        CHECK(dechaff_article_author(a, i) != NULL && is_utf8(dechaff_article_author(a, i)));
    }
    /* The renderings are never NULL for a valid article. */
    CHECK(dechaff_article_text(a) != NULL);
    CHECK(dechaff_article_markdown(a) != NULL);
    CHECK(dechaff_article_html(a) != NULL);
    CHECK(dechaff_article_json(a) != NULL);
}

static void test_version(void) {
    CHECK_STR(dechaff_version(), DECHAFF_VERSION);
    CHECK(DECHAFF_VERSION_MAJOR >= 0 && DECHAFF_VERSION_MINOR >= 0 && DECHAFF_VERSION_PATCH >= 0);
}

static void test_status_strings(void) {
    const int all[] = {DECHAFF_OK,
                       DECHAFF_ERR_NULL_ARGUMENT,
                       DECHAFF_ERR_INVALID_UTF8,
                       DECHAFF_ERR_INVALID_OPTION,
                       DECHAFF_ERR_INPUT_TOO_LARGE,
                       DECHAFF_ERR_TOO_COMPLEX,
                       DECHAFF_ERR_NOT_HTML,
                       DECHAFF_ERR_PANIC};
    const int numbers[] = {0, 1, 2, 3, 4, 5, 6, 99}; /* stable, documented values */
    size_t n = sizeof all / sizeof all[0];
    for (size_t i = 0; i < n; i++) {
        const char *s = dechaff_status_str(all[i]);
        CHECK(all[i] == numbers[i]);
        CHECK(s != NULL && s[0] != '\0' && strcmp(s, "unknown status") != 0);
        for (size_t j = 0; j < i; j++) {
            CHECK(strcmp(s, dechaff_status_str(all[j])) != 0);
        }
    }
    CHECK_STR(dechaff_status_str(DECHAFF_OK), "ok");
    CHECK_STR(dechaff_status_str(DECHAFF_ERR_INPUT_TOO_LARGE), "input too large");
    const int unknown[] = {-1, 7, 8, 98, 100, INT_MAX, INT_MIN};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        CHECK_STR(dechaff_status_str(unknown[i]), "unknown status");
    }
}

static void test_seed_page(void) {
    char *path = path_in_pages("kyiv-independent.html");
    size_t len;
    unsigned char *html = read_file(path, &len);
    dechaff_article *a = NULL;
    CHECK(dechaff_extract(html, len, NULL, NULL, &a) == DECHAFF_OK);
    free(html); /* the article does not borrow the input */
    CHECK(a != NULL);
    if (a == NULL) {
        free(path);
        return;
    }
    CHECK_STR(dechaff_article_title(a), SEED_TITLE);
    CHECK(dechaff_article_has_content(a));
    const char *text = dechaff_article_text(a);
    CHECK(text != NULL);
    for (size_t i = 0; i < SEED_PARAGRAPH_COUNT; i++) {
        if (text == NULL || strstr(text, SEED_PARAGRAPHS[i]) == NULL) {
            fprintf(stderr, "paragraph %zu missing from the text\n", i + 1);
            CHECK(false);
        } else {
            CHECK(true);
        }
    }
    /* Paragraphs are separated by one blank line and come in page order. */
    CHECK(text != NULL && strncmp(text, SEED_PARAGRAPHS[0], strlen(SEED_PARAGRAPHS[0])) == 0);
    CHECK(text != NULL && strstr(text, "on Feb. 27.\n\n\"We expect") != NULL);
    for (size_t i = 0; i < sizeof SEED_BOILERPLATE / sizeof SEED_BOILERPLATE[0]; i++) {
        CHECK(text != NULL && strstr(text, SEED_BOILERPLATE[i]) == NULL);
    }
    CHECK_STR(dechaff_article_language(a), "en");
    /* Authors: count and index agree; one past the end is NULL. */
    size_t authors = dechaff_article_authors_count(a);
    for (size_t i = 0; i < authors; i++) {
        CHECK(dechaff_article_author(a, i) != NULL);
    }
    CHECK(dechaff_article_author(a, authors) == NULL);
    CHECK(dechaff_article_author(a, SIZE_MAX) == NULL);
    /* Renderings. */
    const char *md = dechaff_article_markdown(a);
    CHECK(md != NULL && strncmp(md, "# US-Russia talks", 17) == 0);
    const char *h = dechaff_article_html(a);
    CHECK(h != NULL && strstr(h, "<article") != NULL);
    const char *json = dechaff_article_json(a);
    CHECK(json != NULL && strncmp(json, "{\"has_content\":true,", 20) == 0);
    CHECK(json != NULL && strchr(json, '\n') == NULL); /* one line */
    /* Borrowed strings are cached: the same pointer every time, stable until free. */
    CHECK(dechaff_article_text(a) == text);
    CHECK(dechaff_article_json(a) == json);
    CHECK(dechaff_article_title(a) == dechaff_article_title(a));
    check_all_strings_utf8(a);
    dechaff_article_free(a);
    free(path);
}

static void test_null_arguments(void) {
    dechaff_article *a = (dechaff_article *)&a; /* junk that must be overwritten with NULL */
    const uint8_t byte = '<';

    /* dechaff_extract: html NULL with len > 0, out NULL. url and opts may be NULL. */
    CHECK(dechaff_extract(NULL, 10, NULL, NULL, &a) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(a == NULL);
    CHECK_STR(last_error(), "`html` is NULL");
    CHECK(dechaff_extract(&byte, 1, NULL, NULL, NULL) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK_STR(last_error(), "`out` is NULL");
    CHECK(dechaff_extract(NULL, 0, NULL, NULL, NULL) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_extract(NULL, 5, "https://example.com/", NULL, NULL) ==
          DECHAFF_ERR_NULL_ARGUMENT);

    /* Every accessor with a NULL article. */
    CHECK(dechaff_article_title(NULL) == NULL);
    CHECK(dechaff_article_published(NULL) == NULL);
    CHECK(dechaff_article_modified(NULL) == NULL);
    CHECK(dechaff_article_site_name(NULL) == NULL);
    CHECK(dechaff_article_description(NULL) == NULL);
    CHECK(dechaff_article_language(NULL) == NULL);
    CHECK(dechaff_article_url(NULL) == NULL);
    CHECK(dechaff_article_image(NULL) == NULL);
    CHECK(dechaff_article_text(NULL) == NULL);
    CHECK(dechaff_article_markdown(NULL) == NULL);
    CHECK(dechaff_article_html(NULL) == NULL);
    CHECK(dechaff_article_json(NULL) == NULL);
    CHECK(dechaff_article_authors_count(NULL) == 0);
    CHECK(dechaff_article_author(NULL, 0) == NULL);
    CHECK(!dechaff_article_has_content(NULL));

    /* Every setter with NULL options. */
    CHECK(dechaff_options_set_favor(NULL, DECHAFF_FAVOR_RECALL) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK_STR(last_error(), "`opts` is NULL");
    CHECK(dechaff_options_set_include_tables(NULL, true) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_include_images(NULL, true) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_include_links(NULL, true) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_include_comments(NULL, true) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_explain(NULL, true) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_url(NULL, "https://example.com/") == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_url(NULL, NULL) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_encoding(NULL, "utf-8") == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_encoding(NULL, NULL) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_reference_date(NULL, "2025-01-01") == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_reference_date(NULL, NULL) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_earliest_date(NULL, "2000-01-01") == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_earliest_date(NULL, NULL) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_max_input_bytes(NULL, 100) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_max_nodes(NULL, 100) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_max_depth(NULL, 100) == DECHAFF_ERR_NULL_ARGUMENT);
    CHECK(dechaff_options_set_on_limit(NULL, DECHAFF_ON_LIMIT_ERROR) == DECHAFF_ERR_NULL_ARGUMENT);

    /* Freeing NULL is a no-op. */
    dechaff_options_free(NULL);
    dechaff_article_free(NULL);

    /* The error-message buffer may be NULL (then only the length is returned). */
    size_t needed = dechaff_last_error_message(NULL, 0);
    CHECK(needed == strlen("`opts` is NULL"));
    CHECK(dechaff_last_error_message(NULL, 100) == needed);

    /* NULL string values clear an option and are fine. */
    dechaff_options *o = dechaff_options_new();
    CHECK(o != NULL);
    CHECK(dechaff_options_set_url(o, NULL) == DECHAFF_OK);
    CHECK(dechaff_options_set_encoding(o, NULL) == DECHAFF_OK);
    CHECK(dechaff_options_set_reference_date(o, NULL) == DECHAFF_OK);
    CHECK(dechaff_options_set_earliest_date(o, NULL) == DECHAFF_OK);
    dechaff_options_free(o);
}

static void test_empty_input(void) {
    const uint8_t nothing[1] = {0};
    dechaff_article *a = NULL;
    /* len 0 with a valid pointer, and html NULL with len 0: an empty document, not an error. */
    CHECK(dechaff_extract(nothing, 0, NULL, NULL, &a) == DECHAFF_OK);
    CHECK(a != NULL);
    CHECK(!dechaff_article_has_content(a));
    CHECK_STR(dechaff_article_text(a), "");
    CHECK(dechaff_article_title(a) == NULL);
    CHECK(dechaff_article_authors_count(a) == 0);
    CHECK(dechaff_article_author(a, 0) == NULL);
    CHECK(dechaff_article_json(a) != NULL &&
          strncmp(dechaff_article_json(a), "{\"has_content\":false,\"text\":\"\",", 31) == 0);
    check_all_strings_utf8(a);
    dechaff_article_free(a);

    a = NULL;
    CHECK(dechaff_extract(NULL, 0, NULL, NULL, &a) == DECHAFF_OK);
    CHECK(a != NULL && !dechaff_article_has_content(a));
    CHECK_STR(dechaff_article_text(a), "");
    dechaff_article_free(a);

    /* Whitespace only, and markup without content. */
    a = NULL;
    CHECK(extract_str("  \n\t ", NULL, &a) == DECHAFF_OK && !dechaff_article_has_content(a));
    dechaff_article_free(a);
    a = NULL;
    CHECK(extract_str("<html><body><nav><a href=\"/\">Home</a></nav></body></html>", NULL, &a) ==
              DECHAFF_OK &&
          !dechaff_article_has_content(a));
    dechaff_article_free(a);
}

static void test_invalid_utf8(void) {
    /* Bytes that are not UTF-8 (though the page claims it): decoded, never refused. */
    static const char bad[] =
        "<html><head><meta charset=\"utf-8\"><title>Caf\xe9 \xff\xfe story</title></head><body>"
        "<article><p>The first paragraph says caf\xe9 and na\xefve and \xc3\x28 and \xed\xa0\x80, "
        "which are broken sequences in an otherwise long enough paragraph of prose.</p>"
        "<p>The second paragraph continues the story with more detail, quotes, and context for "
        "the reader, \xf8\x88\x80\x80\x80 and an overlong \xc0\xaf here.</p></article></body></html>";
    dechaff_article *a = NULL;
    CHECK(dechaff_extract((const uint8_t *)bad, sizeof bad - 1, NULL, NULL, &a) == DECHAFF_OK);
    CHECK(a != NULL);
    if (a != NULL) {
        CHECK(dechaff_article_has_content(a));
        CHECK(strstr(dechaff_article_text(a), "The second paragraph") != NULL);
        check_all_strings_utf8(a);
        dechaff_article_free(a);
    }

    /* Invalid UTF-8 in a string argument is refused. */
    a = (dechaff_article *)&a;
    CHECK(extract_str(ARTICLE_HTML, NULL, &a) == DECHAFF_OK);
    dechaff_article_free(a);
    a = (dechaff_article *)&a;
    CHECK(dechaff_extract((const uint8_t *)ARTICLE_HTML, sizeof ARTICLE_HTML - 1,
                          "https://example.com/caf\xe9", NULL, &a) == DECHAFF_ERR_INVALID_UTF8);
    CHECK(a == NULL);
    CHECK(strstr(last_error(), "`url` is not valid UTF-8") != NULL);

    dechaff_options *o = dechaff_options_new();
    CHECK(dechaff_options_set_url(o, "https://example.com/\xff") == DECHAFF_ERR_INVALID_UTF8);
    CHECK(dechaff_options_set_encoding(o, "utf\xc3") == DECHAFF_ERR_INVALID_UTF8);
    CHECK(dechaff_options_set_reference_date(o, "2025\x80-01-01") == DECHAFF_ERR_INVALID_UTF8);
    CHECK(dechaff_options_set_earliest_date(o, "\xc0\xaf") == DECHAFF_ERR_INVALID_UTF8);
    dechaff_options_free(o);
}

static void test_size_limit(void) {
    dechaff_options *o = dechaff_options_new();
    CHECK(dechaff_options_set_max_input_bytes(o, 100) == DECHAFF_OK);
    unsigned char buf[101];
    memset(buf, 'a', sizeof buf);
    dechaff_article *a = (dechaff_article *)&a;
    CHECK(dechaff_extract(buf, 101, NULL, o, &a) == DECHAFF_ERR_INPUT_TOO_LARGE);
    CHECK(a == NULL);
    CHECK_STR(last_error(), "input is 101 bytes; the limit is 100 (input_too_large)");
    CHECK(dechaff_extract(buf, 100, NULL, o, &a) == DECHAFF_OK); /* the limit itself is fine */
    dechaff_article_free(a);
    dechaff_options_free(o);

    /* The default limit: 20 000 000 bytes. One more is refused before any work. */
    size_t big = 20000001;
    unsigned char *huge = malloc(big);
    CHECK(huge != NULL);
    if (huge != NULL) {
        memset(huge, ' ', big);
        a = (dechaff_article *)&a;
        CHECK(dechaff_extract(huge, big, NULL, NULL, &a) == DECHAFF_ERR_INPUT_TOO_LARGE);
        CHECK(a == NULL);
        CHECK_STR(last_error(), "input is 20000001 bytes; the limit is 20000000 (input_too_large)");
        free(huge);
    }
    /* A length no buffer can have is refused without reading. */
    CHECK(dechaff_extract(buf, SIZE_MAX, NULL, NULL, &a) == DECHAFF_ERR_INPUT_TOO_LARGE);
}

static void test_every_status(void) {
    dechaff_article *a = NULL;
    /* OK, NULL_ARGUMENT, INVALID_UTF8, INPUT_TOO_LARGE: above. */
    CHECK(extract_str(ARTICLE_HTML, NULL, &a) == DECHAFF_OK);
    CHECK(dechaff_article_has_content(a));
    CHECK_STR(dechaff_article_title(a), "A story");
    dechaff_article_free(a);

    /* INVALID_OPTION from dechaff_extract: a per-call URL that is not absolute. */
    CHECK(dechaff_extract((const uint8_t *)ARTICLE_HTML, sizeof ARTICLE_HTML - 1, "not a url",
                          NULL, &a) == DECHAFF_ERR_INVALID_OPTION);
    CHECK(strncmp(last_error(), "invalid option `url`", 20) == 0);

    /* NOT_HTML: a PDF, a PNG, gzip, binary soup. */
    static const char pdf[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj";
    CHECK(extract_str(pdf, NULL, &a) == DECHAFF_ERR_NOT_HTML && a == NULL);
    CHECK_STR(last_error(), "input is not HTML (pdf) (not_html)");
    static const uint8_t png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
    CHECK(dechaff_extract(png, sizeof png, NULL, NULL, &a) == DECHAFF_ERR_NOT_HTML);
    static const uint8_t gz[] = {0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3};
    CHECK(dechaff_extract(gz, sizeof gz, NULL, NULL, &a) == DECHAFF_ERR_NOT_HTML);
    uint8_t soup[256];
    for (size_t i = 0; i < sizeof soup; i++) {
        soup[i] = (uint8_t)(i % 7);
    }
    CHECK(dechaff_extract(soup, sizeof soup, NULL, NULL, &a) == DECHAFF_ERR_NOT_HTML);

    /* TOO_COMPLEX: only with on_limit = error; the default degrades instead. */
    char deep[64 * 5 + 200];
    strcpy(deep, "<html><body>");
    for (int i = 0; i < 64; i++) {
        strcat(deep, "<div>");
    }
    strcat(deep, "deep text</body></html>");
    dechaff_options *o = dechaff_options_new();
    CHECK(dechaff_options_set_max_depth(o, 16) == DECHAFF_OK);
    CHECK(extract_str(deep, o, &a) == DECHAFF_OK); /* degrade */
    CHECK(a != NULL && strstr(dechaff_article_json(a), "\"truncated\":true") != NULL);
    dechaff_article_free(a);
    CHECK(dechaff_options_set_on_limit(o, DECHAFF_ON_LIMIT_ERROR) == DECHAFF_OK);
    CHECK(extract_str(deep, o, &a) == DECHAFF_ERR_TOO_COMPLEX && a == NULL);
    CHECK_STR(last_error(), "document too complex: depth exceeds 16 (too_complex)");
    CHECK(dechaff_options_set_max_depth(o, 512) == DECHAFF_OK);
    CHECK(dechaff_options_set_max_nodes(o, 10) == DECHAFF_OK);
    CHECK(extract_str(ARTICLE_HTML, o, &a) == DECHAFF_ERR_TOO_COMPLEX);
    CHECK_STR(last_error(), "document too complex: nodes exceeds 10 (too_complex)");
    dechaff_options_free(o);

    /* PANIC cannot be caused from C (that would be a bug); its string is checked above and
     * the boundary itself by the Rust unit tests of bindings-c. */
}

static void test_options(void) {
    dechaff_options *o = dechaff_options_new();
    CHECK(o != NULL);
    dechaff_article *a = NULL;

    /* Bad enum values. */
    const int bad_favor[] = {-1, 3, 99, INT_MAX, INT_MIN};
    for (size_t i = 0; i < sizeof bad_favor / sizeof bad_favor[0]; i++) {
        CHECK(dechaff_options_set_favor(o, bad_favor[i]) == DECHAFF_ERR_INVALID_OPTION);
    }
    CHECK(strstr(last_error(), "`favor`") != NULL);
    CHECK(dechaff_options_set_on_limit(o, 2) == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_on_limit(o, -1) == DECHAFF_ERR_INVALID_OPTION);
    CHECK(strstr(last_error(), "`on_limit`") != NULL);
    /* Good enum values. */
    CHECK(dechaff_options_set_favor(o, DECHAFF_FAVOR_PRECISION) == DECHAFF_OK);
    CHECK(dechaff_options_set_favor(o, DECHAFF_FAVOR_RECALL) == DECHAFF_OK);
    CHECK(dechaff_options_set_favor(o, DECHAFF_FAVOR_BALANCED) == DECHAFF_OK);
    CHECK(dechaff_options_set_on_limit(o, DECHAFF_ON_LIMIT_DEGRADE) == DECHAFF_OK);

    /* Bad limits. */
    CHECK(dechaff_options_set_max_input_bytes(o, 0) == DECHAFF_ERR_INVALID_OPTION);
    CHECK(strncmp(last_error(), "invalid option `max_input_bytes`", 32) == 0);
    CHECK(dechaff_options_set_max_nodes(o, 0) == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_max_depth(o, 0) == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_max_depth(o, 7) == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_max_depth(o, 8) == DECHAFF_OK);
    CHECK(dechaff_options_set_max_depth(o, 512) == DECHAFF_OK);
    CHECK(dechaff_options_set_max_nodes(o, SIZE_MAX) == DECHAFF_OK);
    CHECK(dechaff_options_set_max_input_bytes(o, SIZE_MAX) == DECHAFF_OK);

    /* Bad strings. */
    CHECK(dechaff_options_set_url(o, "not a url") == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_url(o, "") == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_url(o, "mailto:someone@example.com") == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_encoding(o, "no-such-encoding") == DECHAFF_ERR_INVALID_OPTION);
    CHECK(strncmp(last_error(), "invalid option `encoding`", 25) == 0);
    CHECK(dechaff_options_set_reference_date(o, "2025-13-45") == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_reference_date(o, "yesterday") == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_earliest_date(o, "") == DECHAFF_ERR_INVALID_OPTION);
    CHECK(strncmp(last_error(), "invalid option `earliest_date`", 30) == 0);
    /* Good strings. */
    CHECK(dechaff_options_set_url(o, "https://example.com/news/1") == DECHAFF_OK);
    CHECK(dechaff_options_set_encoding(o, "windows-1251") == DECHAFF_OK);
    CHECK(dechaff_options_set_reference_date(o, "2025-03-01") == DECHAFF_OK);
    CHECK(dechaff_options_set_earliest_date(o, "2000-01-01") == DECHAFF_OK);
    CHECK(dechaff_options_set_include_tables(o, false) == DECHAFF_OK);
    CHECK(dechaff_options_set_include_images(o, true) == DECHAFF_OK);
    CHECK(dechaff_options_set_include_links(o, true) == DECHAFF_OK);
    CHECK(dechaff_options_set_include_comments(o, true) == DECHAFF_OK);
    CHECK(dechaff_options_set_explain(o, true) == DECHAFF_OK);

    /* A failed setter leaves the options as they were. */
    CHECK(dechaff_options_set_max_input_bytes(o, 100) == DECHAFF_OK);
    CHECK(dechaff_options_set_max_input_bytes(o, 0) == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_favor(o, 42) == DECHAFF_ERR_INVALID_OPTION);
    CHECK(dechaff_options_set_url(o, "nope") == DECHAFF_ERR_INVALID_OPTION);
    CHECK(extract_str(ARTICLE_HTML, o, &a) == DECHAFF_ERR_INPUT_TOO_LARGE); /* still 100 */
    CHECK(dechaff_options_set_max_input_bytes(o, 1000000) == DECHAFF_OK);

    /* The options take effect: the encoding label decodes windows-1251 bytes, the URL makes
     * links absolute, explain records a trace, and the article outlives the options. */
    static const char cp1251[] =
        "<html><body><article><p>\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! This paragraph is long "
        "enough to be article text, and it has a comma or two, as prose does, "
        "<a href=\"/more\">with a link</a>.</p><p>The second paragraph continues the story with "
        "more detail, quotes, and context for the reader.</p></article></body></html>";
    CHECK(extract_str(cp1251, o, &a) == DECHAFF_OK);
    dechaff_options_free(o);
    CHECK(a != NULL);
    if (a != NULL) {
        const char *text = dechaff_article_text(a);
        CHECK(text != NULL && strstr(text, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, "
                                           "\xd0\xbc\xd0\xb8\xd1\x80!") != NULL); /* Привет, мир! */
        const char *json = dechaff_article_json(a);
        CHECK(json != NULL && strstr(json, "\"href\":\"https://example.com/more\"") != NULL);
        CHECK(json != NULL && strstr(json, "\"encoding\":\"windows-1251\"") != NULL);
        CHECK(json != NULL && strstr(json, "\"trace\":[") != NULL);
        check_all_strings_utf8(a);
        dechaff_article_free(a);
    }

    /* Defaults: no trace, encoding detected. */
    a = NULL;
    CHECK(extract_str(ARTICLE_HTML, NULL, &a) == DECHAFF_OK);
    CHECK(a != NULL && strstr(dechaff_article_json(a), "\"trace\"") == NULL);
    dechaff_article_free(a);
}

static void test_last_error_buffer(void) {
    dechaff_options *o = dechaff_options_new();
    CHECK(dechaff_options_set_max_depth(o, 3) == DECHAFF_ERR_INVALID_OPTION);
    dechaff_options_free(o);
    const char *full = "invalid option `max_depth`: must be at least 8 (invalid_option)";
    char small[8];
    memset(small, 'x', sizeof small);
    CHECK(dechaff_last_error_message(small, sizeof small) == strlen(full));
    CHECK(memcmp(small, "invalid\0", 8) == 0); /* cut to fit, NUL-terminated */
    char one[1] = {'x'};
    CHECK(dechaff_last_error_message(one, 1) == strlen(full));
    CHECK(one[0] == '\0');
    char big[256];
    CHECK(dechaff_last_error_message(big, sizeof big) == strlen(full));
    CHECK_STR(big, full);
    /* A success does not clear it: it describes the last failure. */
    dechaff_article *a = NULL;
    CHECK(extract_str(ARTICLE_HTML, NULL, &a) == DECHAFF_OK);
    dechaff_article_free(a);
    CHECK_STR(last_error(), full);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PAGES_DIR\n", argv[0]);
        return 2;
    }
    pages_dir = argv[1];
    test_version();
    test_status_strings();
    test_seed_page();
    test_null_arguments();
    test_empty_input();
    test_invalid_utf8();
    test_size_limit();
    test_every_status();
    test_options();
    test_last_error_buffer();
    return check_summary("test_api");
}
