#pragma once
// Helpers shared by the diff tests: schemas from inline IR JSON, one readable line per
// operation (so expected lists read like a migration), and the replay property every
// diff must satisfy.

#include "core/diff/diff.h"
#include "core/ir/schema_json.h"
#include "core/ops/operation.h"

#include <QStringList>
#include <QTest>

#include <type_traits>

namespace difftest {

using namespace tempest;

inline Schema schemaOf(const char* json)
{
    return parseSchema(json, "inline");
}

inline QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

/// `kind subject`: `add_column users.score`, `rename_table a->b`, `add_enum_value e.v<w`.
inline QString summary(const Operation& op)
{
    const QString kind = q(std::string(operationKind(op)));
    const QString subject = std::visit(
        [](const auto& o) -> QString {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, CreateTable> || std::is_same_v<T, DropTable>)
                return q(o.definition.name);
            else if constexpr (std::is_same_v<T, RenameTable> || std::is_same_v<T, RenameEnum>)
                return q(o.from) + "->" + q(o.to);
            else if constexpr (std::is_same_v<T, RenameColumn>)
                return q(o.table) + "." + q(o.from) + "->" + q(o.to);
            else if constexpr (std::is_same_v<T, AlterColumn>)
                return q(o.table) + "." + q(o.to.name);
            else if constexpr (std::is_same_v<T, AlterPrimaryKey> || std::is_same_v<T, AlterTableComment>)
                return q(o.table);
            else if constexpr (std::is_same_v<T, CreateEnum> || std::is_same_v<T, DropEnum>
                               || std::is_same_v<T, CreateDomain> || std::is_same_v<T, DropDomain>
                               || std::is_same_v<T, CreateSequence> || std::is_same_v<T, DropSequence>)
                return q(o.definition.name);
            else if constexpr (std::is_same_v<T, AlterDomain> || std::is_same_v<T, AlterSequence>)
                return q(o.to.name);
            else if constexpr (std::is_same_v<T, AddEnumValue> || std::is_same_v<T, DropEnumValue>)
                return q(o.name) + "." + q(o.value) + (o.before ? "<" + q(*o.before) : QString());
            else if constexpr (std::is_same_v<T, RecreateTable>)
                return q(o.to.name);
            else if constexpr (std::is_same_v<T, Execute>)
                return QString();
            else  // table + named definition: columns, indexes, constraints
                return q(o.table) + "." + q(o.definition.name);
        },
        op);
    return kind + " " + subject;
}

inline QStringList summaries(const std::vector<Operation>& ops)
{
    QStringList lines;
    for (const Operation& op : ops)
        lines << summary(op);
    return lines;
}

/// One string, so that a failed QCOMPARE shows both whole lists.
inline QString joined(const QStringList& lines)
{
    return lines.join(" | ");
}

inline QString differences(const Schema& a, const Schema& b, const ComparisonRules* rules)
{
    QStringList lines;
    for (const std::string& line : describeDifferences(a, b, rules))
        lines << q(line);
    return lines.join("\n");
}

/// The contract of diffSchema: the operations turn `current` into `target`, their inverse
/// turns that back into `current`, and diffing the result against `target` finds nothing.
inline void verifyReplay(const Schema& current, const Schema& target, const std::vector<Operation>& ops,
                         const ComparisonRules* rules = nullptr)
{
    Schema upgraded = current;
    try {
        applyOperations(upgraded, ops);
    } catch (const std::exception& e) {
        QFAIL(qPrintable("applying the diff failed: " + QString(e.what()) + "\n" + summaries(ops).join("\n")));
    }
    QVERIFY2(schemaEquals(upgraded, target, rules), qPrintable(differences(upgraded, target, rules)));
    QVERIFY2(diffSchema(upgraded, target, {rules}).empty(), "a second diff is not empty");

    Schema downgraded = upgraded;
    try {
        applyOperations(downgraded, invert(ops));
    } catch (const std::exception& e) {
        QFAIL(qPrintable("applying the inverse failed: " + QString(e.what()) + "\n"
                         + summaries(invert(ops)).join("\n")));
    }
    QVERIFY2(schemaEquals(downgraded, current, rules), qPrintable(differences(downgraded, current, rules)));
}

} // namespace difftest
