// The header compiles as C++ (extern "C", no C-only constructs) and links from C++.
#include "dechaff.h"

#include <cstdio>
#include <cstring>

int main() {
    int failed = 0;
    if (std::strcmp(dechaff_version(), DECHAFF_VERSION) != 0) {
        std::fprintf(stderr, "version mismatch\n");
        failed++;
    }
    dechaff_options *o = dechaff_options_new();
    if (dechaff_options_set_favor(o, DECHAFF_FAVOR_RECALL) != DECHAFF_OK) {
        failed++;
    }
    const char html[] = "<html><head><title>C++</title></head><body></body></html>";
    dechaff_article *a = nullptr;
    dechaff_status s = dechaff_extract(reinterpret_cast<const uint8_t *>(html), sizeof html - 1,
                                       nullptr, o, &a);
    if (s != DECHAFF_OK || std::strcmp(dechaff_article_title(a), "C++") != 0) {
        std::fprintf(stderr, "extract from C++ failed: %s\n", dechaff_status_str(s));
        failed++;
    }
    dechaff_article_free(a);
    dechaff_options_free(o);
    std::printf("test_cxx: %d passed, %d failed\n", 3 - failed, failed);
    return failed == 0 ? 0 : 1;
}
