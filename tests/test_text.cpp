#include "core/text.hpp"

#include <doctest/doctest.h>

using valgus::did_you_mean;

TEST_CASE("join") {
  CHECK(valgus::join({}, ", ") == "");
  CHECK(valgus::join({"a"}, ", ") == "a");
  CHECK(valgus::join({"a", "b", "c"}, ", ") == "a, b, c");
}

TEST_CASE("did_you_mean suggests near words and prefixes only") {
  const std::vector<std::string> choices{"band", "foam-roller", "massage-ball"};
  CHECK(did_you_mean("bandd", choices) == "band");
  CHECK(did_you_mean("foam-rolller", choices) == "foam-roller");
  CHECK(did_you_mean("foam", choices) == "foam-roller");
  CHECK_FALSE(did_you_mean("kettlebell", choices).has_value());
  CHECK(valgus::did_you_mean_suffix("bnad", choices) == " (did you mean \"band\"?)");
  CHECK(valgus::did_you_mean_suffix("zzz", choices).empty());
}

TEST_CASE("is_valid_utf8") {
  CHECK(valgus::is_valid_utf8("plain"));
  CHECK(valgus::is_valid_utf8("2 × 30 s — ok"));
  CHECK_FALSE(valgus::is_valid_utf8("\xff"));
  CHECK_FALSE(valgus::is_valid_utf8("\xc3"));          // truncated
  CHECK_FALSE(valgus::is_valid_utf8("\xc0\xaf"));      // overlong '/'
  CHECK_FALSE(valgus::is_valid_utf8("\xed\xa0\x80"));  // surrogate
}

TEST_CASE("display_width counts code points and skips colour escapes") {
  CHECK(valgus::display_width("abc") == 3);
  CHECK(valgus::display_width("2 × 30") == 6);
  CHECK(valgus::display_width("\x1b[1mbold\x1b[0m") == 4);
}

TEST_CASE("wrap_into breaks at spaces within the width") {
  const auto wrapped = [](std::string_view text, int first_width, int width, int indent = 0) {
    std::string out = "<";
    valgus::wrap_into(out, text, first_width, width, indent);
    return out;
  };
  CHECK(wrapped("one two three four", 9, 9) == "<one two\nthree\nfour");
  CHECK(wrapped("averyveryverylongword x", 5, 5) == "<averyveryverylongword\nx");
  CHECK(wrapped("", 10, 10) == "<");
  CHECK(wrapped("a  b", 10, 10) == "<a b");
  CHECK(wrapped("one two three four", 3, 13) == "<one\ntwo three\nfour");
  CHECK(wrapped("one two three four", 7, 9, 2) == "<one two\n  three\n  four");
  CHECK(wrapped("2 × 30 s", 6, 6) == "<2 × 30\ns");  // columns, not bytes
}

TEST_CASE("trim") {
  CHECK(valgus::trim("  x y \n") == "x y");
  CHECK(valgus::trim(" \t\n") == "");
}

TEST_CASE("terminal_safe neutralises escapes, C1 controls, bidi overrides and broken UTF-8") {
  const std::string bad = "\xEF\xBF\xBD";
  CHECK(valgus::terminal_safe("plain — ok\n\tx") == "plain — ok\n\tx");
  CHECK(valgus::terminal_safe("a\x1b[2Jb") == "a" + bad + "[2Jb");
  CHECK(valgus::terminal_safe("\x07\x7f") == bad + bad);
  CHECK(valgus::terminal_safe("\xc2\x9b"
                              "31m") == bad + "31m");
  CHECK(valgus::terminal_safe("x\xe2\x80\xaey") == "x" + bad + "y");
  CHECK(valgus::terminal_safe("\xff\xc3") == bad + bad);
}

TEST_CASE("quoting for C++ and for YAML") {
  // The shared escapes, then C++'s "\?" (a "??=" in a literal draws a
  // trigraph warning, as it would here unescaped) and the YAML's
  // terminal-safe text with tabs as spaces.
  CHECK(valgus::cpp_string_literal("a \"b\" \\ c\n\td?\?=") == "\"a \\\"b\\\" \\\\ c\\n\\td\\?\\?=\"");
  CHECK(valgus::yaml_double_quoted("a \"b\" \\ c\n\td?\x01") == "\"a \\\"b\\\" \\\\ c\\n d?\xEF\xBF\xBD\"");
  CHECK(valgus::cpp_string_literal("2 × 30 s") == "\"2 × 30 s\"");
}
