#include "render/pdf_text.hpp"

#include <algorithm>
#include <cstring>

namespace valgus::pdf {

namespace {

// The part of a shaped run between bytes `from` and `to` of the text, as a
// run of its own (its glyphs as shaped with the whole paragraph).
PangoGlyphItem* part_of(PangoGlyphItem* run, const char* text, int from, int to) {
  PangoGlyphItem* part = pango_glyph_item_copy(run);
  if (from > part->item->offset) {
    pango_glyph_item_free(pango_glyph_item_split(part, text, from - part->item->offset));
  }
  if (to < part->item->offset + part->item->length) {
    PangoGlyphItem* kept = pango_glyph_item_split(part, text, to - part->item->offset);
    pango_glyph_item_free(part);
    part = kept;
  }
  return part;
}

// The last glyph of a wrapped line at its own advance. Shaped with the
// paragraph, its advance holds the kerning with the next line's first
// letter (a hyphen before "o": 0.18 points at 9.5 points); pango shapes the
// line alone, where it has none, and centres the line by that width.
void unkern_last(PangoGlyphItem* part) {
  PangoGlyphString* glyphs = part->glyphs;
  if (glyphs->num_glyphs == 0) {
    return;
  }
  PangoGlyphInfo& last = glyphs->glyphs[glyphs->num_glyphs - 1];
  PangoRectangle logical;
  pango_font_get_glyph_extents(part->item->analysis.font, last.glyph, nullptr, &logical);
  last.geometry.width = logical.width;
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

// A character of a paragraph: its first byte and its advance.
struct Char {
  int byte = 0;
  int width = 0;
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
    for (Line& line : lines_) {
      for (PangoGlyphItem* run : line.runs) {
        pango_glyph_item_free(run);
      }
    }
    lines_.clear();
    pango_layout_set_width(layout_, limit);
    int ignored = 0;
    pango_layout_get_size(layout_, &ignored, &height_);
  }
}

WrappedText::~WrappedText() {
  for (Line& line : lines_) {
    for (PangoGlyphItem* run : line.runs) {
      pango_glyph_item_free(run);
    }
  }
  g_object_unref(layout_);
}

// pango's rules for PANGO_WRAP_WORD (pango-layout.c, process_item): a line
// ends at the last break opportunity where it fits, its width counted
// without the one white space before the break; a paragraph's last line
// ends at its end. False when pango must wrap the text itself.
bool WrappedText::cut_lines(int width, bool centred) {
  const char* text = pango_layout_get_text(layout_);
  if (std::strchr(text, '\t') != nullptr) {
    return false;  // tab stops: pango's
  }
  int attr_count = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout_, &attr_count);
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
        chars.push_back({static_cast<int>(p - text), w});
        p = g_utf8_next_char(p);
      }
    }
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
          const int trailing = i > start && attr(i - 1).is_white ? chars[i - 1].width : 0;
          if (x - trailing > width) {
            break;  // every later break is wider still
          }
          best = i;
        }
        if (i < n) {
          x += chars[i].width;
        }
      }
      if (best > n || (best < n && attr(best).break_inserts_hyphen)) {
        return false;  // a word wider than the line, or a hyphen to add: pango's
      }
      const int from = start < n ? chars[start].byte : paragraph->start_index + paragraph->length;
      const int to = best < n ? chars[best].byte : paragraph->start_index + paragraph->length;
      Line line;
      line.start = from;
      int ascent = 0;
      int descent = 0;
      int line_width = 0;
      for (PangoGlyphItem* run : runs) {
        const int run_from = std::max(from, run->item->offset);
        const int run_to = std::min(to, run->item->offset + run->item->length);
        if (run_from >= run_to) {
          continue;
        }
        line.runs.push_back(part_of(run, text, run_from, run_to));
      }
      if (best < n && !line.runs.empty() && !attr(best - 1).is_white) {
        unkern_last(line.runs.back());
      }
      for (PangoGlyphItem* part : line.runs) {
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
      if (best < n && best > start && attr(best - 1).is_white) {
        line_width -= chars[best - 1].width;  // pango zeroes a wrapped line's final white space
      }
      if (centred) {
        line.x = (width - line_width) / 2;
        if (((width | line_width) & 2047) == 0) {
          line.x &= ~(PANGO_SCALE - 1);  // as pango aligns hinted lines
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
  for (PangoGlyphItem* run : line.runs) {
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
    for (PangoGlyphItem* run : line.runs) {
      const PangoColor* colour = foreground(run);
      if (colour != nullptr) {
        cairo_save(cr);
        cairo_set_source_rgb(cr, colour->red / 65535.0, colour->green / 65535.0, colour->blue / 65535.0);
      }
      cairo_move_to(cr, x, y);  // each glyph's place is in its offsets (place)
      pango_cairo_show_glyph_item(cr, text, run);
      if (colour != nullptr) {
        cairo_restore(cr);
      }
    }
  }
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
