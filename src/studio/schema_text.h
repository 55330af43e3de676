#pragma once
// One-line texts for IR items as the schema trees show them ("varchar(255) NOT NULL").

#include "core/ir/schema.h"

#include <QString>

namespace tempest::studio {

QString columnTypeText(const Column& column);
QString columnDetailText(const Column& column, bool primaryKey);
QString indexDetailText(const Index& index);
QString uniqueDetailText(const UniqueConstraint& unique);
QString foreignKeyDetailText(const ForeignKey& fk);
QString primaryKeyDetailText(const std::vector<std::string>& columns);

} // namespace tempest::studio
