#include "core/model/text.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

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

TEST_CASE("did_you_mean counts swaps, and stops at three edits") {
  CHECK(did_you_mean("clamshel", {"clamshell", "calf-raise"}) == "clamshell");
  CHECK(did_you_mean("abcdefghi", {"abcxyzghi"}) == "abcxyzghi");                        // 3 substitutions
  CHECK_FALSE(did_you_mean("abcdefghi", {"wbcxyzghi"}).has_value());                     // 4
  CHECK(did_you_mean("hpi-rotatoin", {"hip-rotation"}) == "hip-rotation");               // 2 swaps
  CHECK(did_you_mean("pronation", {"pronation-extra-long"}) == "pronation-extra-long");  // a prefix
  CHECK(did_you_mean("ab", {"ba", "abc"}) == "ba");                                      // limit 1: a swap is one edit
}

TEST_CASE("did_you_mean costs length x limit, not length x length") {
  // Two 100,000-character words: a full table would be 80 GB (and was,
  // until the distance kept three rows of a band around the diagonal).
  const std::string word(100000, 'a');
  std::string one_off = word;
  one_off[50000] = 'b';
  CHECK(did_you_mean(word, {one_off}) == one_off);
  std::string four_off = word;
  for (const std::size_t at : {0UL, 30000UL, 60000UL, 99999UL}) {
    four_off[at] = 'b';
  }
  CHECK_FALSE(did_you_mean(word, {four_off}).has_value());
  CHECK_FALSE(did_you_mean(word, {std::string(99990, 'a'), std::string(100010, 'b')}).has_value());
  CHECK(did_you_mean(word, {"band", word + "xyz"}) == word + "xyz");  // a prefix, and 3 insertions
}

TEST_CASE("is_valid_utf8") {
  CHECK(valgus::is_valid_utf8("plain"));
  CHECK(valgus::is_valid_utf8("2 × 30 s — ok"));
  CHECK_FALSE(valgus::is_valid_utf8("\xff"));
  CHECK_FALSE(valgus::is_valid_utf8("\xc3"));          // truncated
  CHECK_FALSE(valgus::is_valid_utf8("\xc0\xaf"));      // overlong '/'
  CHECK_FALSE(valgus::is_valid_utf8("\xed\xa0\x80"));  // surrogate
}

TEST_CASE("display_width counts terminal columns and skips colour escapes") {
  CHECK(valgus::display_width("abc") == 3);
  CHECK(valgus::display_width("2 × 30") == 6);
  CHECK(valgus::display_width("\x1b[1mbold\x1b[0m") == 4);
  // East Asian Wide and Fullwidth: two columns each.
  CHECK(valgus::display_width("日本語") == 6);
  CHECK(valgus::display_width("한국어 ok") == 9);
  CHECK(valgus::display_width("ＡＢ") == 4);
  CHECK(valgus::display_width("\xF0\x9F\x98\x80") == 2);  // U+1F600 emoji
  // Combining marks and format characters: none.
  CHECK(valgus::display_width("e\xCC\x81") == 1);  // e + U+0301
  CHECK(valgus::display_width("a\xE2\x80\x8B"
                              "b") == 2);  // zero-width space
  CHECK(valgus::display_width("\x1b[1m日本\x1b[0m") == 4);
  // What terminal_safe turns into U+FFFD: one column.
  CHECK(valgus::display_width("\xff") == 1);
  CHECK(valgus::display_width("\x07") == 1);
}

TEST_CASE("wrap_into breaks at spaces within the width") {
  const auto wrapped = [](std::string_view text, int first_width, int width, int indent = 0) {
    std::string out = "<";
    valgus::wrap_into(out, text, first_width, width, indent);
    return out;
  };
  CHECK(wrapped("one two three four", 9, 9) == "<one two\nthree\nfour");
  CHECK(wrapped("averyveryverylongword x", 5, 5) == "<avery\nveryv\nerylo\nngwor\nd x");
  CHECK(wrapped("", 10, 10) == "<");
  CHECK(wrapped("a  b", 10, 10) == "<a b");
  CHECK(wrapped("one two three four", 3, 13) == "<one\ntwo three\nfour");
  CHECK(wrapped("one two three four", 7, 9, 2) == "<one two\n  three\n  four");
  CHECK(wrapped("2 × 30 s", 6, 6) == "<2 × 30\ns");  // columns, not bytes
  CHECK(wrapped("one\ntwo\tthree", 20, 20) == "<one two three");
}

TEST_CASE("plain_words: text that wrapping and terminal_safe leave as it is when it fits") {
  CHECK(valgus::plain_words("skipped clamshell, glute-bridge; a note"));
  CHECK(valgus::plain_words("x"));
  CHECK_FALSE(valgus::plain_words(""));
  CHECK_FALSE(valgus::plain_words(" lead"));
  CHECK_FALSE(valgus::plain_words("trail "));
  CHECK_FALSE(valgus::plain_words("two  spaces"));
  CHECK_FALSE(valgus::plain_words("tab\there"));
  CHECK_FALSE(valgus::plain_words("caf\xc3\xa9"));
  CHECK_FALSE(valgus::plain_words("bell\x07"));
  CHECK_FALSE(valgus::plain_words("del\x7f"));
  // The property the text writer's and the CSV listing's shortcuts rest
  // on, over every string of up to four characters from a small alphabet:
  // plain words that fit are what terminal_safe and wrap_into would write,
  // and what clean_note would.
  const std::string alphabet{'a', ' ', '\t', '\x1b', '\xc3', '\xa9', '~'};
  std::vector<std::string> texts{""};
  for (int length = 1; length <= 4; ++length) {
    std::vector<std::string> longer;
    for (const std::string& text : texts) {
      for (const char c : alphabet) {
        longer.push_back(text + c);
      }
    }
    texts.insert(texts.end(), longer.begin(), longer.end());
  }
  int plain = 0;
  for (const std::string& text : texts) {
    if (valgus::plain_words(text)) {
      ++plain;
      std::string out;
      valgus::wrap_into(out, valgus::terminal_safe(text), 4, 4, 0);
      CHECK(out == text);
      CHECK(valgus::clean_note(text) == text);  // so the CSV listing skips it
    }
  }
  CHECK(plain > 20);
}

TEST_CASE("wrap_into splits a word wider than the line between characters") {
  const auto wrapped = [](std::string_view text, int first_width, int width, int indent = 0) {
    std::string out = "<";
    valgus::wrap_into(out, text, first_width, width, indent);
    return out;
  };
  CHECK(wrapped("ab averyverylongword", 5, 8, 2) == "<ab\n  averyver\n  ylongwor\n  d");
  CHECK(wrapped("日本語のテキスト", 6, 6) == "<日本語\nのテキ\nスト");
  CHECK(wrapped("日本語のテキスト", 5, 5) == "<日本\n語の\nテキ\nスト");  // never half a character
  CHECK(wrapped("日本", 1, 1) == "<日\n本");                              // one per line at least
  // e + U+0301 four times: a mark stays with its letter.
  CHECK(wrapped("e\xCC\x81"
                "e\xCC\x81"
                "e\xCC\x81"
                "e\xCC\x81",
                2, 2) ==
        "<e\xCC\x81"
        "e\xCC\x81\n"
        "e\xCC\x81"
        "e\xCC\x81");
  // Wide characters fill the line to its width, measured in columns.
  CHECK(wrapped("ab 日本語 cd", 7, 7) == "<ab\n日本語\ncd");
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

TEST_CASE("one_line keeps an error on its line") {
  const std::string bad = "\xEF\xBF\xBD";
  CHECK(valgus::one_line("unknown problem \"x\nvalgus: error: forged\"") ==
        "unknown problem \"x" + bad + "valgus: error: forged\"");
  CHECK(valgus::one_line("a\tb\r\n") == "a" + bad + "b" + bad + bad);
  CHECK(valgus::one_line("x\x1b[2J\xc2\x9b") == "x" + bad + "[2J" + bad);
  CHECK(valgus::one_line("plain — ok") == "plain — ok");
  CHECK(valgus::terminal_safe("a\nb\tc") == "a\nb\tc");  // text laid out over lines keeps them
}

TEST_CASE("clean_note keeps a note on one line with no control a terminal acts on") {
  const std::string bad = "\xEF\xBF\xBD";
  CHECK(valgus::clean_note("\x1b]0;pwned\a\x1b[2J") == bad + "]0;pwned" + bad + bad + "[2J");
  CHECK(valgus::clean_note("\xe2\x80\xae"
                           "evil\xc2\x9b"
                           "1m") == bad + "evil" + bad + "1m");  // bidi, C1
  CHECK(valgus::clean_note("caf\xe9") == "caf" + bad);           // Latin-1
  CHECK(valgus::clean_note("\t=1+1\n") == "=1+1");
  CHECK(valgus::clean_note("knee ok\n\nnext:\tmore") == "knee ok next: more");
  CHECK(valgus::clean_note("line\xe2\x80\xa8sep") == "line sep");  // U+2028 folds like a newline
  CHECK(valgus::clean_note("a\r\nb") == "a" + bad + " b");
  CHECK(valgus::clean_note("  Knee felt fine — 2/10  ") == "Knee felt fine — 2/10");
}

TEST_CASE("one rule for hidden controls, line breaks and folding") {
  for (const std::uint32_t code : {0x00U, 0x07U, 0x1BU, 0x0DU, 0x7FU, 0x80U, 0x85U, 0x9BU, 0x9FU, 0x061CU, 0x200EU,
                                   0x200FU, 0x202AU, 0x202EU, 0x2066U, 0x2069U, 0xFEFFU}) {
    INFO(code);
    CHECK(valgus::is_hidden_control(code));
  }
  for (const std::uint32_t code : {0x09U, 0x0AU, 0x20U, 0x7EU, 0xA0U, 0xE9U, 0x200BU, 0x2028U, 0x1F600U}) {
    INFO(code);
    CHECK_FALSE(valgus::is_hidden_control(code));
  }
  CHECK(valgus::is_line_break('\n'));
  CHECK(valgus::is_line_break(0x2028));
  CHECK(valgus::is_line_break(0x2029));
  CHECK_FALSE(valgus::is_line_break('\t'));
  CHECK(valgus::fold_white_space("a\n\nb\tc  d\xE2\x80\xA8"
                                 "e \n f") == "a b c  d e f");
  CHECK(valgus::fold_white_space("plain  text, é") == "plain  text, é");
  CHECK(valgus::count_characters("日本 é") == 4);
  CHECK(valgus::terminal_safe("\xEF\xBB\xBFx") == "\xEF\xBF\xBDx");  // a byte-order mark too
}

TEST_CASE("quoting for C++ and for YAML") {
  // The shared escapes, then C++'s "\?" (a "??=" in a literal draws a
  // trigraph warning, as it would here unescaped) and the YAML's
  // terminal-safe text with tabs as spaces.
  CHECK(valgus::cpp_string_literal("a \"b\" \\ c\n\td?\?=") == "\"a \\\"b\\\" \\\\ c\\n\\td\\?\\?=\"");
  CHECK(valgus::yaml_double_quoted("a \"b\" \\ c\n\td?\x01") == "\"a \\\"b\\\" \\\\ c\\n d?\xEF\xBF\xBD\"");
  CHECK(valgus::cpp_string_literal("2 × 30 s") == "\"2 × 30 s\"");
}
