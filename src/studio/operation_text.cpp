#include "studio/operation_text.h"

#include <QCoreApplication>

namespace tempest::studio {

QString phraseText(const Phrase& phrase)
{
    const PhraseTranslator translate = [](const std::string& pattern) {
        return QCoreApplication::translate("Operation", pattern.c_str()).toStdString();
    };
    return QString::fromStdString(renderPhrase(phrase, translate));
}

QString operationText(const Operation& op) { return phraseText(describePhrase(op)); }

} // namespace tempest::studio
