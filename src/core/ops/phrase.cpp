#include "core/ops/phrase.h"

namespace tempest {

Phrase verbatim(std::string text) { return Phrase{std::move(text), {}, false}; }

Phrase phrase(const char* pattern, std::vector<Phrase> args) { return Phrase{pattern, std::move(args), true}; }

Phrase joinPhrases(const char* pattern, std::vector<Phrase> args) { return Phrase{pattern, std::move(args), false}; }

std::string renderPhrase(const Phrase& phrase, const PhraseTranslator& translate)
{
    if (phrase.args.empty() && !phrase.translatable)
        return phrase.text;
    const std::string pattern = phrase.translatable && translate ? translate(phrase.text) : phrase.text;
    std::string out;
    out.reserve(pattern.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const std::size_t n = std::size_t(pattern[i + 1] - '1');
            if (n < phrase.args.size()) {
                out += renderPhrase(phrase.args[n], translate);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace tempest
