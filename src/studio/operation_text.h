#pragma once
// Operation texts in the user's language: the core's describePhrase() with each pattern
// looked up in Studio's catalogue (context "Operation"; lupdate collects the core's
// TEMPEST_TR_NOOP patterns). Names, types and SQL inside stay as they are.

#include "core/ops/operation.h"

#include <QString>

namespace tempest::studio {

QString phraseText(const Phrase& phrase);
QString operationText(const Operation& op);

} // namespace tempest::studio
