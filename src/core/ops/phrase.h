#pragma once
// A sentence for people, kept as an English pattern and its arguments so that a front end
// can translate the pattern and still fill in the names. The CLI prints phrases as they
// are; Studio translates each pattern through its Qt catalogue (context "Operation").
//
// Patterns are marked with TEMPEST_TR_NOOP("Operation", "…"): the macro is the bare
// string to the compiler, and Studio's lupdate run treats it as QT_TRANSLATE_NOOP
// (`-tr-function-alias`), so every pattern of the core lands in the catalogue.

#include <functional>
#include <string>
#include <vector>

#define TEMPEST_TR_NOOP(context, text) text

namespace tempest {

struct Phrase {
    /// A pattern with `%1`…`%9` placeholders, or the literal text itself.
    std::string text;
    std::vector<Phrase> args;
    /// True for patterns meant for translation; false for names, types, SQL and
    /// expressions (and for plain joins of other phrases), which are never translated.
    bool translatable = false;

    bool operator==(const Phrase&) const = default;
};

/// Text shown as it is: a name, a type, an expression.
Phrase verbatim(std::string text);
/// A translatable pattern (mark it with TEMPEST_TR_NOOP) with its arguments.
Phrase phrase(const char* pattern, std::vector<Phrase> args = {});
/// Arguments placed into an untranslated pattern ("%1%2"): joins phrases.
Phrase joinPhrases(const char* pattern, std::vector<Phrase> args);

/// Looks up the translation of a translatable pattern; returns it (or the pattern).
using PhraseTranslator = std::function<std::string(const std::string& pattern)>;

/// The phrase as text: translatable patterns through `translate` (none: English), then
/// each `%n` replaced by argument n in one pass, so an argument holding "%1" stays as it is.
std::string renderPhrase(const Phrase& phrase, const PhraseTranslator& translate = {});

} // namespace tempest
