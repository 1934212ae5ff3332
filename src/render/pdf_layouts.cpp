#include "render/pdf_layouts.hpp"

#include "core/model/background.hpp"
#include "render/pdf_fonts.hpp"

#include <cairo-pdf.h>

#include <atomic>
#include <cstddef>
#include <utility>

namespace valgus::pdf {
namespace {

struct ContextRelease {
  void operator()(PangoContext* context) const { g_object_unref(context); }
};
using OwnedContext = std::unique_ptr<PangoContext, ContextRelease>;

}  // namespace

// Glyphs where the font puts them, not rounded to whole points: a PDF is
// not a screen's pixels, and with the font's own advances cairo writes no
// correction for each glyph (a tenth less work, a sixth smaller file).
PangoContext* handout_context(PangoFontMap* fonts) {
  const Surface surface(cairo_pdf_surface_create_for_stream(discard_bytes, nullptr, 100, 100));
  const Drawing cr(cairo_create(surface.get()));
  PangoContext* context = pango_font_map_create_context(fonts);
  pango_cairo_update_context(cr.get(), context);
  pango_context_set_round_glyph_positions(context, FALSE);
  return context;
}

Layouts::Layouts(PangoFontMap* fonts) : fonts_(fonts), context_(handout_context(fonts)) {}

Layouts::~Layouts() {
  layouts_.clear();
  g_object_unref(context_);
}

const WrappedText& Layouts::get(const std::string& markup, double size, double width, bool centred) {
  Key key{markup, size, width, centred};
  if (const auto found = layouts_.find(key); found != layouts_.end()) {
    return *found->second;
  }
  auto text = std::make_unique<WrappedText>(context_, markup, size, width, centred);
  unknown_glyphs_ += text->unknown_glyphs();
  return *layouts_.emplace(std::move(key), std::move(text)).first->second;
}

void Layouts::want(const std::string& markup, double size, double width, bool centred) {
  wanted_.emplace_back(markup, size, width, centred);
}

std::size_t Layouts::lay_out_wanted(bool share) {
  std::vector<Key> keys;
  std::set<Key> seen;
  for (Key& key : wanted_) {
    if (layouts_.count(key) == 0 && seen.insert(key).second) {
      keys.push_back(std::move(key));
    }
  }
  wanted_.clear();
  // The helper takes only texts at the size most are set in, so its font
  // map loads the few fonts of that size, not every font of the handout
  // again; this thread lays out the others first, then shares the rest.
  std::map<double, std::size_t> by_size;
  for (const Key& key : keys) {
    ++by_size[std::get<1>(key)];
  }
  double common = 0;
  std::size_t most = 0;
  for (const auto& [size, count] : by_size) {
    if (count > most) {
      common = size;
      most = count;
    }
  }
  std::vector<std::size_t> own;
  std::vector<std::size_t> shared;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    (share && std::get<1>(keys[i]) == common ? shared : own).push_back(i);
  }
  std::vector<std::unique_ptr<WrappedText>> made(keys.size());
  const auto lay_out = [&](PangoContext* context, std::size_t i) {
    const auto& [markup, size, width, centred] = keys[i];
    made[i] = std::make_unique<WrappedText>(context, markup, size, width, centred);
  };
  std::atomic<std::size_t> next{0};
  const auto take_shared = [&](PangoContext* context) {
    std::size_t taken = 0;
    for (std::size_t n = next++; n < shared.size(); n = next++) {
      lay_out(context, shared[n]);
      ++taken;
    }
    return taken;
  };
  std::atomic<std::size_t> helped{0};
  if (shared.empty()) {
    for (const std::size_t i : own) {
      lay_out(context_, i);
    }
  } else {
    // cairo 1.16 keeps the faces of a font file in a list it changes
    // without a lock when a font of a new style is first made. Each style
    // the pages set (regular, bold, italic; never bold and italic) is made
    // here first, so that on two threads the list is only read. A fallback
    // font could still be new on both threads at once: hence no sharing on
    // fonts that may need one.
    (void)WrappedText(context_, "x<b>x</b><i>x</i>", common, 1000, false);
    // The helper's font map is made here, before it starts: nothing of this
    // thread's is touched on the helper's.
    const FontMap helper_fonts = font_map_sharing(fonts_);
    const Background helper([&take_shared, &helped, fonts = helper_fonts.get()] {
      const OwnedContext context(handout_context(fonts));
      helped = take_shared(context.get());
    });
    for (const std::size_t i : own) {
      lay_out(context_, i);
    }
    (void)take_shared(context_);
  }  // the helper is done: its layouts are this thread's
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (made[i] != nullptr) {  // else get() lays it out when asked
      unknown_glyphs_ += made[i]->unknown_glyphs();
      layouts_.emplace(std::move(keys[i]), std::move(made[i]));
    }
  }
  return helped;
}

std::set<std::string> Layouts::fonts() const {
  std::set<std::string> out;
  for (const auto& [key, text] : layouts_) {
    for (std::string& font : text->fonts()) {
      out.insert(std::move(font));
    }
  }
  return out;
}

}  // namespace valgus::pdf
