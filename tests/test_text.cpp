#include "valgus/text.hpp"

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

TEST_CASE("wrap breaks at spaces within the width") {
  CHECK(valgus::wrap("one two three four", 9) == std::vector<std::string>{"one two", "three", "four"});
  CHECK(valgus::wrap("averyveryverylongword x", 5) == std::vector<std::string>{"averyveryverylongword", "x"});
  CHECK(valgus::wrap("", 10) == std::vector<std::string>{""});
  CHECK(valgus::wrap("a  b", 10) == std::vector<std::string>{"a b"});
  CHECK(valgus::wrap("one two three four", 3, 13) == std::vector<std::string>{"one", "two three", "four"});
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
