/* extract: prints the title, authors, date and main text of a web page, using libdechaff.
 *
 *   extract FILE [URL]      FILE is an HTML file in any encoding ("-" reads stdin); URL, if
 *                           given, is the page's address (base for links, hint for dates).
 *
 * Build: make -C examples/c (see docs/c.md). */
#include <dechaff.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads all of `f` into a new buffer; NULL on error. */
static unsigned char *read_all(FILE *f, size_t *len) {
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            if (ferror(f)) {
                break;
            }
            *len = n;
            return buf;
        }
        unsigned char *bigger = realloc(buf, cap *= 2);
        if (bigger == NULL) {
            break;
        }
        buf = bigger;
    }
    free(buf);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s FILE [URL]   (libdechaff %s)\n", argv[0], dechaff_version());
        return 2;
    }
    FILE *f = strcmp(argv[1], "-") == 0 ? stdin : fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 1;
    }
    size_t len = 0;
    unsigned char *html = read_all(f, &len);
    if (f != stdin) {
        fclose(f);
    }
    if (html == NULL) {
        fprintf(stderr, "%s: cannot read\n", argv[1]);
        return 1;
    }

    /* NULL options: the defaults. The URL (or NULL) applies to this call only. */
    dechaff_article *article = NULL;
    dechaff_status status =
        dechaff_extract(html, len, argc == 3 ? argv[2] : NULL, NULL, &article);
    free(html); /* the article keeps no reference to the input */
    if (status != DECHAFF_OK) {
        char message[512];
        dechaff_last_error_message(message, sizeof message);
        fprintf(stderr, "%s: %s\n", argv[1], message[0] ? message : dechaff_status_str(status));
        return 1;
    }

    /* Every string below is borrowed from the article: valid until dechaff_article_free. */
    const char *title = dechaff_article_title(article);
    printf("Title:   %s\n", title ? title : "(none)");
    printf("Authors: ");
    size_t authors = dechaff_article_authors_count(article);
    for (size_t i = 0; i < authors; i++) {
        printf("%s%s", i ? ", " : "", dechaff_article_author(article, i));
    }
    printf("%s\n", authors ? "" : "(none)");
    const char *date = dechaff_article_published(article);
    printf("Date:    %s\n", date ? date : "(none)");
    printf("\n%s\n", dechaff_article_has_content(article) ? dechaff_article_text(article)
                                                         : "(no main content found)");
    dechaff_article_free(article);
    return 0;
}
