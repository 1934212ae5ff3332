#include "render/pdf_fonts.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

#include <array>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

#include <unistd.h>

namespace valgus::pdf {
namespace {

// Where distributions install DejaVu Sans: Debian and Ubuntu, Fedora,
// Arch, Alpine and openSUSE. Anywhere else fontconfig finds it.
constexpr std::array<std::string_view, 5> dejavu_folders{"/usr/share/fonts/truetype/dejavu",
                                                         "/usr/share/fonts/dejavu-sans-fonts", "/usr/share/fonts/TTF",
                                                         "/usr/share/fonts/dejavu", "/usr/share/fonts/truetype"};

// Regular and bold first: without both the configuration is not used.
constexpr std::array<std::string_view, 4> dejavu_files{"DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
                                                       "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"};

// The configuration: the folder's fonts from fontconfig's cache of it (the
// system's, which fc-cache writes when fonts are installed, or the
// person's), of which only the four files are kept; scanning the files
// instead costs a handout a twentieth of its time. fontconfig reads the
// folder itself where it has no cache, and writes one where it can.
// Then fontconfig's rule for a font with no oblique style (Debian's
// fonts-dejavu-core has none): slant the upright one, as the system's
// configuration does (its 90-synthetic.conf), so the pages come out the same.
std::string dejavu_configuration(const std::string& folder) {
  std::string xml = R"(<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>)" + folder + R"(</dir>
  <cachedir>/var/cache/fontconfig</cachedir>
  <cachedir>/usr/lib/fontconfig/cache</cachedir>
  <cachedir prefix="xdg">fontconfig</cachedir>
  <selectfont>
    <rejectfont><glob>*</glob></rejectfont>
    <acceptfont>
)";
  for (const std::string_view file : dejavu_files) {
    xml += "      <glob>" + folder + "/" + std::string(file) + "</glob>\n";
  }
  xml += R"(    </acceptfont>
  </selectfont>
  <match target="font">
    <test name="slant"><const>roman</const></test>
    <test target="pattern" name="slant" compare="not_eq"><const>roman</const></test>
    <edit name="matrix" mode="assign">
      <times><name>matrix</name><matrix><double>1</double><double>0.2</double><double>0</double><double>1</double></matrix></times>
    </edit>
    <edit name="slant" mode="assign"><const>oblique</const></edit>
    <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
  </match>
</fontconfig>
)";
  return xml;
}

struct ConfigRelease {
  void operator()(FcConfig* config) const { FcConfigDestroy(config); }
};
using Config = std::unique_ptr<FcConfig, ConfigRelease>;

bool readable(const std::string& path) { return ::access(path.c_str(), R_OK) == 0; }

// Every font of the configuration is DejaVu Sans (a file of that name could
// hold another font), among them a regular and a bold one.
bool only_dejavu_sans(FcConfig* config) {
  const FcFontSet* fonts = FcConfigGetFonts(config, FcSetSystem);
  if (fonts == nullptr) {
    return false;
  }
  bool regular = false;
  bool bold = false;
  for (int i = 0; i < fonts->nfont; ++i) {
    FcChar8* family = nullptr;
    if (FcPatternGetString(fonts->fonts[i], FC_FAMILY, 0, &family) != FcResultMatch ||
        std::string_view(reinterpret_cast<const char*>(family)) != "DejaVu Sans") {
      return false;
    }
    int weight = 0;
    int slant = 0;
    if (FcPatternGetInteger(fonts->fonts[i], FC_WEIGHT, 0, &weight) != FcResultMatch ||
        FcPatternGetInteger(fonts->fonts[i], FC_SLANT, 0, &slant) != FcResultMatch) {
      return false;
    }
    regular = regular || (weight == FC_WEIGHT_REGULAR && slant == FC_SLANT_ROMAN);
    bold = bold || (weight == FC_WEIGHT_BOLD && slant == FC_SLANT_ROMAN);
  }
  return regular && bold;
}

// Whether the person configures fontconfig themselves: then fontconfig's
// whole configuration, theirs included, decides the fonts.
bool own_configuration() {
  for (const char* variable : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT"}) {
    if (std::getenv(variable) != nullptr) {
      return true;
    }
  }
  const char* config_home = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  const std::string personal = config_home != nullptr && *config_home != '\0' ? std::string(config_home)
                               : home != nullptr                              ? std::string(home) + "/.config"
                                                                              : std::string();
  return (!personal.empty() && ::access((personal + "/fontconfig").c_str(), F_OK) == 0) ||
         (home != nullptr && ::access((std::string(home) + "/.fonts.conf").c_str(), F_OK) == 0);
}

// A pango font map on `config`, which becomes fontconfig's current one:
// pango starts fontconfig (FcInit) with its first font map, and finds it
// started.
FontMap font_map_on(Config config) {
  FcConfigSetCurrent(config.get());
  PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config.get());
  return FontMap(map);
}

}  // namespace

FontMap dejavu_font_map() {
  if (own_configuration()) {
    return nullptr;
  }
  for (const std::string_view folder : dejavu_folders) {
    const std::string base = std::string(folder) + "/";
    if (!readable(base + std::string(dejavu_files[0])) || !readable(base + std::string(dejavu_files[1]))) {
      continue;
    }
    Config config(FcConfigCreate());
    const std::string xml = dejavu_configuration(std::string(folder));
    if (!config ||
        !FcConfigParseAndLoadFromMemory(config.get(), reinterpret_cast<const FcChar8*>(xml.c_str()), FcTrue) ||
        !FcConfigBuildFonts(config.get())) {
      return nullptr;
    }
    if (only_dejavu_sans(config.get())) {
      return font_map_on(std::move(config));
    }
  }
  return nullptr;
}

FontMap font_map_sharing(PangoFontMap* fonts) {
  PangoFontMap* map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), pango_fc_font_map_get_config(PANGO_FC_FONT_MAP(fonts)));
  return FontMap(map);
}

FontMap system_font_map() {
  Config config(FcInitLoadConfigAndFonts());
  if (!config) {  // fontconfig could not load it: pango's own start, which reports why
    return FontMap(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
  }
  return font_map_on(std::move(config));
}

}  // namespace valgus::pdf
