// XML (issue 17). Reading the 5C caixin_send_batch document (5c-mms-api.txt §3.3) with 1000
// mmsBodyData entries, indented as the spec prints it, and a 30 KB picture in base64: every
// value taken into a struct (title, picture type, picture content, each mobile and text), by
// smsgw's pull reader beside pugixml (DOM: load_buffer, then the walk) and expat (SAX callbacks
// gathering the character data) when installed, and by fivec::decode() with its lazy range. Throughput counts the document's bytes, the
// same for every row; `allocs` is operator new calls per document (pugixml and expat allocate
// with malloc, which this does not count).
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <new>
#include <random>
#include <string>
#include <string_view>

#include "smsgw/codec/percent.hpp"
#include "smsgw/codec/xml_reader.hpp"
#include "smsgw/codec/xml_writer.hpp"
#include "smsgw/fivec/batch.hpp"

#ifdef SMSGW_HAVE_PUGIXML
#include <pugixml.hpp>
#endif
#ifdef SMSGW_HAVE_EXPAT
#include <expat.h>
#endif

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

std::atomic<std::size_t> news{0};

#if defined(__GLIBC__)
// pugixml frees its ~300 KB of pages at the end of each document; glibc then gives them back to
// the system (the top of the heap past M_TRIM_THRESHOLD) and the next document takes a page fault
// on each: 540 µs a document instead of 230 here, which no long-running server pays, its heap
// being warm. Keeping the heap makes pugixml's figure the one a server sees (smsgw's reader and
// expat do not change: the one allocates nothing, the other small buffers).
const int warm_heap = [] {
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    return 0;
}();
#endif

}  // namespace

void* operator new(std::size_t n) {
    news.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
    throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

namespace xml = smsgw::codec::xml;
namespace percent = smsgw::codec::percent;

constexpr std::size_t entries = 1000;

struct body_data {
    std::string_view mms_mobile;
    std::string_view mms_text_content;
};

struct batch {
    std::string_view mms_title;
    std::string_view mms_picture_type;
    std::string_view mms_picture_content;
    body_data body[entries];
    std::size_t count = 0;
};

// The document, written by xml::writer: the title and texts URL-encoded UTF-8, the picture base64.
const std::string& document() {
    static const std::string doc = [] {
        std::mt19937 rng(17);
        std::string picture(30000, '\0');
        for (char& c : picture) c = static_cast<char>(rng());
        const std::string title = "彩信主题: 十二月账单";
        auto build = [&](xml::writer& x) {
            x.declaration().start("mms").text("\n  ");
            x.start("mmsTitle").percent_text(title, percent::style::form).end("mmsTitle").text("\n  ");
            x.element("mmsPictureType", "jpg").text("\n  ");
            x.start("mmsPictureContent").base64_text(picture).end("mmsPictureContent").text("\n  ");
            x.start("mmsBody");
            for (std::size_t i = 0; i < entries; ++i) {
                const std::string mobile = std::to_string(13800000000u + i);
                const std::string text = "尊敬的客户，您的第 " + std::to_string(i) + " 号账单已出。";
                x.text("\n    ").start("mmsBodyData").text("\n      ");
                x.element("mmsMobile", mobile).text("\n      ");
                x.start("mmsTextContent").percent_text(text, percent::style::form).end("mmsTextContent");
                x.text("\n    ").end("mmsBodyData");
            }
            x.text("\n  ").end("mmsBody").text("\n").end("mms");
        };
        smsgw::writer measure;
        xml::writer m(measure);
        build(m);
        std::string s(measure.size(), '\0');
        smsgw::writer w(s.data(), s.size());
        xml::writer x(w);
        build(x);
        if (!x.finish().ok()) std::abort();
        return s;
    }();
    return doc;
}

void check(const batch& b, benchmark::State& state) {
    if (b.count != entries || b.mms_picture_type != "jpg" || b.mms_picture_content.size() != 40000 ||
        b.body[entries - 1].mms_mobile != "13800000999")
        state.SkipWithError("wrong values");
}

void finish(benchmark::State& state, std::size_t allocs_before) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * document().size()));
    state.counters["allocs"] = benchmark::Counter(static_cast<double>(news.load() - allocs_before) /
                                                  static_cast<double>(state.iterations()));
}

// The values are plain (URL-encoded, base64, digits): views into the document, no scratch used.
bool read_smsgw(std::string_view doc, batch& b) {
    xml::reader rd(doc);
    b.count = 0;
    while (rd.next()) {
        if (rd.kind() != xml::token::start_element) continue;
        const std::string_view name = rd.name();
        std::string_view* into = nullptr;
        if (name == "mmsMobile") {
            into = &b.body[b.count].mms_mobile;
        } else if (name == "mmsTextContent") {
            into = &b.body[b.count++].mms_text_content;
        } else if (name == "mmsTitle") {
            into = &b.mms_title;
        } else if (name == "mmsPictureType") {
            into = &b.mms_picture_type;
        } else if (name == "mmsPictureContent") {
            into = &b.mms_picture_content;
        }
        if (into != nullptr && (b.count > entries || !rd.element_text(*into).ok())) return false;
    }
    return rd.status().ok();
}

void read_smsgw_reader(benchmark::State& state) {
    const std::string& doc = document();
    batch b;
    const std::size_t before = news.load();
    for (auto _ : state) {
        if (!read_smsgw(doc, b)) state.SkipWithError("smsgw refused the document");
        benchmark::DoNotOptimize(b);
    }
    finish(state, before);
    check(b, state);
}
BENCHMARK(read_smsgw_reader);

// The same document through fivec::decode(): the head checked at once, the recipients iterated
// (each number checked), finish() for the rest.
void read_smsgw_fivec_batch(benchmark::State& state) {
    const std::string& doc = document();
    batch b;
    const std::size_t before = news.load();
    for (auto _ : state) {
        smsgw::fivec::batch_document d;
        if (!smsgw::fivec::decode(doc, d).ok()) state.SkipWithError("fivec::decode refused the document");
        b.mms_title = d.mms_title;
        b.mms_picture_type = d.mms_picture_type;
        b.mms_picture_content = d.mms_picture_content;
        b.count = 0;
        auto it = d.mms_body.begin();
        for (; it != d.mms_body.end() && b.count < entries; ++it, ++b.count)
            b.body[b.count] = {it->mms_mobile, it->mms_text_content};
        if (it != d.mms_body.end()) state.SkipWithError("more entries than written");
        benchmark::DoNotOptimize(b);
    }
    finish(state, before);
    check(b, state);
}
BENCHMARK(read_smsgw_fivec_batch);

#ifdef SMSGW_HAVE_PUGIXML
void read_pugixml(benchmark::State& state) {
    const std::string& doc = document();
    batch b;
    const std::size_t before = news.load();
    for (auto _ : state) {
        pugi::xml_document d;
        if (!d.load_buffer(doc.data(), doc.size())) state.SkipWithError("pugixml refused the document");
        const pugi::xml_node mms = d.child("mms");
        b.mms_title = mms.child_value("mmsTitle");
        b.mms_picture_type = mms.child_value("mmsPictureType");
        b.mms_picture_content = mms.child_value("mmsPictureContent");
        b.count = 0;
        for (pugi::xml_node e : mms.child("mmsBody").children("mmsBodyData")) {
            if (b.count == entries) break;
            b.body[b.count].mms_mobile = e.child_value("mmsMobile");
            b.body[b.count++].mms_text_content = e.child_value("mmsTextContent");
        }
        benchmark::DoNotOptimize(b);
        check(b, state);  // the views die with the document
    }
    finish(state, before);
}
BENCHMARK(read_pugixml);
#endif

#ifdef SMSGW_HAVE_EXPAT
// SAX: the character data of the element in hand gathered into a buffer (expat hands it over in
// pieces), stored in the struct at its end tag.
struct expat_state {
    batch* b;
    std::string values[3 + 2 * entries];  // title, type, picture, then mobile and text per entry
    std::size_t next = 0;
    std::string* current = nullptr;
};

void expat_start(void* data, const XML_Char* name, const XML_Char**) {
    auto* s = static_cast<expat_state*>(data);
    const std::string_view n(name);
    if (n == "mmsTitle" || n == "mmsPictureType" || n == "mmsPictureContent" || n == "mmsMobile" ||
        n == "mmsTextContent") {
        if (s->next == std::size(s->values)) return;
        s->current = &s->values[s->next++];
        s->current->clear();
    }
}

void expat_end(void* data, const XML_Char* name) {
    auto* s = static_cast<expat_state*>(data);
    if (s->current == nullptr) return;
    const std::string_view n(name);
    const std::string_view v = *s->current;
    batch& b = *s->b;
    if (n == "mmsTitle") b.mms_title = v;
    else if (n == "mmsPictureType") b.mms_picture_type = v;
    else if (n == "mmsPictureContent") b.mms_picture_content = v;
    else if (n == "mmsMobile") b.body[b.count].mms_mobile = v;
    else if (n == "mmsTextContent") b.body[b.count++].mms_text_content = v;
    s->current = nullptr;
}

void expat_text(void* data, const XML_Char* text, int len) {
    auto* s = static_cast<expat_state*>(data);
    if (s->current != nullptr) s->current->append(text, static_cast<std::size_t>(len));
}

void read_expat(benchmark::State& state) {
    const std::string& doc = document();
    batch b;
    static expat_state s;
    s.b = &b;
    const std::size_t before = news.load();
    for (auto _ : state) {
        XML_Parser p = XML_ParserCreate("UTF-8");
        XML_SetUserData(p, &s);
        XML_SetElementHandler(p, expat_start, expat_end);
        XML_SetCharacterDataHandler(p, expat_text);
        s.next = 0;
        b.count = 0;
        if (XML_Parse(p, doc.data(), static_cast<int>(doc.size()), 1) != XML_STATUS_OK)
            state.SkipWithError("expat refused the document");
        XML_ParserFree(p);
        benchmark::DoNotOptimize(b);
    }
    finish(state, before);
    check(b, state);
}
BENCHMARK(read_expat);
#endif

}  // namespace
