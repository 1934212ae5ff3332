#include "render/pdf_text.hpp"

#include <algorithm>
#include <cstring>
#include <optional>

namespace valgus::pdf {

namespace {

// The part of a shaped run between bytes `from` and `to` of the text, as a
// run of its own (its glyphs as shaped with the whole paragraph); null when
// either end falls inside a cluster of glyphs, which cannot be cut.
PangoGlyphItem* part_of(PangoGlyphItem* run, const char* text, int from, int to) {
  PangoGlyphItem* part = pango_glyph_item_copy(run);
  if (from > part->item->offset) {
    PangoGlyphItem* before = pango_glyph_item_split(part, text, from - part->item->offset);
    if (before == nullptr) {
      pango_glyph_item_free(part);
      return nullptr;
    }
    pango_glyph_item_free(before);
  }
  if (to < part->item->offset + part->item->length) {
    PangoGlyphItem* kept = pango_glyph_item_split(part, text, to - part->item->offset);
    pango_glyph_item_free(part);
    if (kept == nullptr) {
      return nullptr;
    }
    part = kept;
  }
  if (part->item->offset != from || part->item->offset + part->item->length != to) {
    pango_glyph_item_free(part);
    return nullptr;
  }
  return part;
}

// A glyph's own advance, without the kerning shaping gave it against the
// glyph after it.
int own_advance(const PangoGlyphItem* run, const PangoGlyphInfo& glyph) {
  PangoRectangle logical;
  pango_font_get_glyph_extents(run->item->analysis.font, glyph.glyph, nullptr, &logical);
  return logical.width;
}

// How much wider a line is when it ends with the character at byte `at`
// (the next one at byte `next`) than the paragraph's shaping says: pango
// shapes a wrapped line on its own, so the last glyph has no kerning with
// the next line's first letter (a hyphen before "o": 0.18 points at 9.5
// points). None when `at` does not end its cluster of glyphs.
std::optional<int> unkerning(const PangoGlyphItem* run, int at, int next) {
  const PangoGlyphString* glyphs = run->glyphs;
  const int character = at - run->item->offset;
  for (int g = 0; g < glyphs->num_glyphs; ++g) {
    const int cluster = glyphs->log_clusters[g];
    const bool last = g + 1 == glyphs->num_glyphs || glyphs->log_clusters[g + 1] != cluster;
    const int end = g + 1 == glyphs->num_glyphs ? run->item->length : glyphs->log_clusters[g + 1];
    if (last && cluster <= character && character < end) {
      if (end != next - run->item->offset) {
        return std::nullopt;
      }
      return own_advance(run, glyphs->glyphs[g]) - glyphs->glyphs[g].geometry.width;
    }
  }
  return std::nullopt;
}

// A run's own colour (markup's foreground), which pango's renderer sets
// for a layout and pango_cairo_show_glyph_item does not; null: the source's.
const PangoColor* foreground(const PangoGlyphItem* run) {
  for (GSList* a = run->item->analysis.extra_attrs; a != nullptr; a = a->next) {
    const auto* attribute = static_cast<const PangoAttribute*>(a->data);
    if (attribute->klass->type == PANGO_ATTR_FOREGROUND) {
      return &reinterpret_cast<const PangoAttrColor*>(attribute)->color;
    }
  }
  return nullptr;
}

// A character of a paragraph: its first byte, its advance and its run.
struct Char {
  int byte = 0;
  int width = 0;
  const PangoGlyphItem* run = nullptr;
};

}  // namespace

WrappedText::WrappedText(PangoContext* context, const std::string& markup, double size, double width, bool centred)
    : layout_(pango_layout_new(context)) {
  PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
  pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
  pango_layout_set_font_description(layout_, font);
  pango_font_description_free(font);
  pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(layout_, centred ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
  pango_layout_set_markup(layout_, markup.c_str(), -1);
  const int limit = static_cast<int>(width * PANGO_SCALE);
  if (!cut_lines(limit, centred)) {
    lines_.clear();
    pango_layout_set_width(layout_, limit);
    int ignored = 0;
    pango_layout_get_size(layout_, &ignored, &height_);
  }
}

WrappedText::~WrappedText() {
  lines_.clear();
  g_object_unref(layout_);
}

// pango's rules (pango-layout.c, process_item and zero_line_final_space):
// a line ends at the last break opportunity where it fits, its width
// counted without the one white space before the break and with its last
// glyph unkerned; a paragraph's last line ends at its end; a wrapped line's
// final space becomes an empty glyph. False when pango must wrap the text.
bool WrappedText::cut_lines(int width, bool centred) {
  const char* text = pango_layout_get_text(layout_);
  if (std::strchr(text, '\t') != nullptr) {
    return false;  // tab stops: pango's
  }
  int attr_count = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout_, &attr_count);
  // Kerning is far less than an em: past this, no later break can fit.
  const int em = pango_font_description_get_size(pango_layout_get_font_description(layout_));
  int top = 0;
  std::vector<Char> chars;
  std::vector<PangoGlyphItem*> runs;
  for (GSList* l = pango_layout_get_lines_readonly(layout_); l != nullptr; l = l->next) {
    auto* paragraph = static_cast<PangoLayoutLine*>(l->data);
    if (paragraph->resolved_dir != PANGO_DIRECTION_LTR) {
      return false;
    }
    chars.clear();
    runs.clear();
    for (GSList* r = paragraph->runs; r != nullptr; r = r->next) {
      auto* run = static_cast<PangoGlyphItem*>(r->data);
      if (run->item->analysis.level % 2 != 0) {
        return false;  // right to left: runs are not in the text's order
      }
      for (GSList* a = run->item->analysis.extra_attrs; a != nullptr; a = a->next) {
        if (static_cast<PangoAttribute*>(a->data)->klass->type != PANGO_ATTR_FOREGROUND) {
          return false;  // drawn by pango's renderer alone (underline, background, rise ...)
        }
      }
      runs.push_back(run);
      std::vector<int> widths(static_cast<std::size_t>(run->item->num_chars));
      pango_glyph_item_get_logical_widths(run, text, widths.data());
      const char* p = text + run->item->offset;
      for (const int w : widths) {
        chars.push_back({static_cast<int>(p - text), w, run});
        p = g_utf8_next_char(p);
      }
    }
    const int end_byte = paragraph->start_index + paragraph->length;
    const auto first = static_cast<std::size_t>(g_utf8_pointer_to_offset(text, text + paragraph->start_index));
    const std::size_t n = chars.size();
    if (first + n >= static_cast<std::size_t>(attr_count)) {
      return false;
    }
    const auto attr = [&](std::size_t i) -> const PangoLogAttr& { return attrs[first + i]; };
    std::size_t start = 0;
    do {
      // The longest line from `start` that fits.
      int x = 0;
      std::size_t best = n + 1;
      for (std::size_t i = start; i <= n; ++i) {
        if (i == n || (i > start && attr(i).is_line_break)) {
          int measured = x;
          if (i > start && attr(i - 1).is_white) {
            measured -= chars[i - 1].width;
          } else if (i > start && i < n) {
            const std::optional<int> unkerned = unkerning(chars[i - 1].run, chars[i - 1].byte, chars[i].byte);
            if (!unkerned) {
              return false;  // a break inside a cluster of glyphs
            }
            measured += *unkerned;
          }
          if (measured <= width) {
            best = i;
          } else if (measured - em > width) {
            break;  // every later break is wider still
          }
        }
        if (i < n) {
          x += chars[i].width;
        }
      }
      if (best > n || (best < n && attr(best).break_inserts_hyphen)) {
        return false;  // a word wider than the line, or a hyphen to add: pango's
      }
      const int from = start < n ? chars[start].byte : end_byte;
      const int to = best < n ? chars[best].byte : end_byte;
      Line line;
      line.start = from;
      for (PangoGlyphItem* run : runs) {
        const int run_from = std::max(from, run->item->offset);
        const int run_to = std::min(to, run->item->offset + run->item->length);
        if (run_from < run_to) {
          GlyphItem part(part_of(run, text, run_from, run_to));
          if (!part) {
            return false;
          }
          line.runs.push_back(std::move(part));
        }
      }
      if (best < n && !line.runs.empty() && line.runs.back()->glyphs->num_glyphs > 0) {
        PangoGlyphItem* last_run = line.runs.back().get();
        PangoGlyphString* glyphs = last_run->glyphs;
        PangoGlyphInfo& last = glyphs->glyphs[glyphs->num_glyphs - 1];
        if (!attr(best - 1).is_white) {
          last.geometry.width = own_advance(last_run, last);
        } else if (glyphs->num_glyphs < 2 ||
                   glyphs->log_clusters[glyphs->num_glyphs - 1] != glyphs->log_clusters[glyphs->num_glyphs - 2]) {
          last.geometry.width = 0;  // the space a wrapped line ends with
          last.glyph = PANGO_GLYPH_EMPTY;
        }
      }
      int ascent = 0;
      int descent = 0;
      int line_width = 0;
      for (const GlyphItem& part : line.runs) {
        PangoRectangle logical;
        pango_glyph_string_extents(part->glyphs, part->item->analysis.font, nullptr, &logical);
        ascent = std::max(ascent, -logical.y);
        descent = std::max(descent, logical.y + logical.height);
        line_width += logical.width;
      }
      if (line.runs.empty()) {
        PangoRectangle logical;
        pango_layout_line_get_extents(paragraph, nullptr, &logical);
        ascent = -logical.y;
        descent = logical.y + logical.height;
      }
      if (centred) {
        line.x = (width - line_width) / 2;
        if (((width | line_width) & (PANGO_SCALE - 1)) == 0) {
          line.x = PANGO_UNITS_ROUND(line.x);  // whole points stay whole, as pango centres them
        }
      }
      line.baseline = top + ascent;
      top += ascent + descent;
      place(line);
      lines_.push_back(std::move(line));
      start = best;
    } while (start < n);
  }
  height_ = top;
  return true;
}

// Each glyph of the line's runs placed from the text's top-left corner, in
// its offsets, as whole pango units: drawn from that corner, every glyph
// lands where pango puts it. (Moving cairo's current point to each run
// instead would round the run's start to cairo's fixed point, 1/256 of a
// unit of the page, and shift whole runs off pango's places.)
void WrappedText::place(const Line& line) {
  int run_x = line.x;
  for (const GlyphItem& run : line.runs) {
    for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
      PangoGlyphGeometry& geometry = run->glyphs->glyphs[g].geometry;
      geometry.x_offset += run_x;
      geometry.y_offset += line.baseline;
    }
    run_x += pango_glyph_string_get_width(run->glyphs);
  }
}

void WrappedText::draw(cairo_t* cr, double x, double y) const {
  if (lines_.empty()) {
    cairo_move_to(cr, x, y);
    pango_cairo_show_layout(cr, layout_);
    return;
  }
  const char* text = pango_layout_get_text(layout_);
  for (const Line& line : lines_) {
    for (const GlyphItem& run : line.runs) {
      const PangoColor* colour = foreground(run.get());
      if (colour != nullptr) {
        cairo_save(cr);
        cairo_set_source_rgb(cr, colour->red / 65535.0, colour->green / 65535.0, colour->blue / 65535.0);
      }
      cairo_move_to(cr, x, y);  // each glyph's place is in its offsets (place)
      pango_cairo_show_glyph_item(cr, text, run.get());
      if (colour != nullptr) {
        cairo_restore(cr);
      }
    }
  }
}

std::vector<std::string> WrappedText::fonts() const {
  std::vector<std::string> out;
  for (GSList* l = pango_layout_get_lines_readonly(layout_); l != nullptr; l = l->next) {
    for (GSList* r = static_cast<PangoLayoutLine*>(l->data)->runs; r != nullptr; r = r->next) {
      PangoFontDescription* font =
          pango_font_describe_with_absolute_size(static_cast<PangoGlyphItem*>(r->data)->item->analysis.font);
      gchar* name = pango_font_description_to_string(font);
      if (std::find(out.begin(), out.end(), name) == out.end()) {
        out.emplace_back(name);
      }
      g_free(name);
      pango_font_description_free(font);
    }
  }
  return out;
}

std::vector<WrappedText::Placed> WrappedText::lines() const {
  std::vector<Placed> out;
  if (lines_.empty()) {
    PangoLayoutIter* iter = pango_layout_get_iter(layout_);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      out.push_back(
          {pango_layout_iter_get_line_readonly(iter)->start_index, logical.x, pango_layout_iter_get_baseline(iter)});
    } while (pango_layout_iter_next_line(iter) != 0);
    pango_layout_iter_free(iter);
    return out;
  }
  for (const Line& line : lines_) {
    out.push_back({line.start, line.x, line.baseline});
  }
  return out;
}

}  // namespace valgus::pdf
