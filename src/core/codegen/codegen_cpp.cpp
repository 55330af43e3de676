// Writes a migration as C++ that rebuilds it with the Op facade: IR values become
// designated initialisers naming only what differs from a default-constructed value,
// operations become a chain of Op calls.

#include "core/codegen/codegen_cpp.h"

#include "core/codegen/codegen_cpp_sequence.h"
#include "core/codegen/cpp_expr.h"
#include "core/ops/operation.h"

#include <type_traits>

namespace tempest {

namespace {

using cppgen::atom;
using cppgen::call;
using cppgen::Designated;
using cppgen::Expr;
using cppgen::literal;
using cppgen::stringList;

std::string_view columnTypeEnumerator(ColumnType type)
{
    switch (type) {
    case ColumnType::Smallint: return "Smallint";
    case ColumnType::Integer: return "Integer";
    case ColumnType::Bigint: return "Bigint";
    case ColumnType::Boolean: return "Boolean";
    case ColumnType::Real: return "Real";
    case ColumnType::Double: return "Double";
    case ColumnType::Numeric: return "Numeric";
    case ColumnType::Text: return "Text";
    case ColumnType::Varchar: return "Varchar";
    case ColumnType::Char: return "Char";
    case ColumnType::Date: return "Date";
    case ColumnType::Time: return "Time";
    case ColumnType::Timestamp: return "Timestamp";
    case ColumnType::Timestamptz: return "Timestamptz";
    case ColumnType::Blob: return "Blob";
    case ColumnType::Json: return "Json";
    case ColumnType::Uuid: return "Uuid";
    case ColumnType::Enum: return "Enum";
    case ColumnType::Custom: return "Custom";
    }
    return "Text";
}

std::string_view fkActionEnumerator(FkAction action)
{
    switch (action) {
    case FkAction::NoAction: return "NoAction";
    case FkAction::Restrict: return "Restrict";
    case FkAction::Cascade: return "Cascade";
    case FkAction::SetNull: return "SetNull";
    case FkAction::SetDefault: return "SetDefault";
    }
    return "NoAction";
}

Expr optionalString(const std::optional<std::string>& value)
{
    return value ? literal(*value) : atom("std::nullopt");
}

Expr defaultValue(const DefaultValue& d)
{
    switch (d.kind) {
    case DefaultValue::Kind::String:
        return call("DefaultValue::string", {literal(d.text)});
    case DefaultValue::Kind::Number:
        return call("DefaultValue::number", {literal(d.text)});
    case DefaultValue::Kind::Boolean:
        if (d.text == "true" || d.text == "false")
            return call("DefaultValue::boolean", {atom(d.text)});
        return cppgen::braced("DefaultValue", {atom("DefaultValue::Kind::Boolean"), literal(d.text)});
    case DefaultValue::Kind::Expression:
        return call("DefaultValue::expression", {literal(d.text)});
    }
    return atom("DefaultValue{}");
}

Expr column(const Column& c)
{
    Designated d("Column");
    d.field("name", literal(c.name));
    d.field("type", atom("ColumnType::" + std::string(columnTypeEnumerator(c.type))));
    if (c.length)
        d.field("length", atom(std::to_string(*c.length)));
    if (c.precision)
        d.field("precision", atom(std::to_string(*c.precision)));
    if (c.scale)
        d.field("scale", atom(std::to_string(*c.scale)));
    if (!c.enumName.empty())
        d.field("enumName", literal(c.enumName));
    if (!c.sql.empty())
        d.field("sql", literal(c.sql));
    if (c.collation)
        d.field("collation", literal(*c.collation));
    if (!c.nullable)
        d.field("nullable", atom("false"));
    if (c.autoincrement)
        d.field("autoincrement", atom("true"));
    if (c.defaultValue)
        d.field("defaultValue", defaultValue(*c.defaultValue));
    if (c.arrayDims > 0)
        d.field("arrayDims", atom(std::to_string(c.arrayDims)));
    if (c.generated)
        d.field("generated", literal(*c.generated));
    if (c.generated && !c.generatedStored)
        d.field("generatedStored", atom("false"));
    if (c.comment)
        d.field("comment", literal(*c.comment));
    if (c.renamedFrom)
        d.field("renamedFrom", literal(*c.renamedFrom));
    return d.done();
}

Expr index(const Index& ix)
{
    std::vector<Expr> columns;
    for (const IndexColumn& c : ix.columns)
        columns.push_back(call(c.expression ? "IndexColumn::expr" : "IndexColumn::column", {literal(c.value)}));
    Designated d("Index");
    d.field("name", literal(ix.name));
    d.field("columns", cppgen::braced("", std::move(columns)));
    if (ix.unique)
        d.field("unique", atom("true"));
    if (ix.where)
        d.field("where", literal(*ix.where));
    return d.done();
}

Expr deferral(const Deferral& deferral)
{
    Designated d("Deferral");
    d.field("deferrable", atom("true"));
    if (deferral.initiallyDeferred)
        d.field("initiallyDeferred", atom("true"));
    return d.done();
}

Expr unique(const UniqueConstraint& u)
{
    Designated d("UniqueConstraint");
    d.field("name", literal(u.name)).field("columns", stringList(u.columns));
    if (u.deferral.deferrable)
        d.field("deferral", deferral(u.deferral));
    return d.done();
}

Expr foreignKey(const ForeignKey& fk)
{
    Designated d("ForeignKey");
    d.field("name", literal(fk.name));
    d.field("columns", stringList(fk.columns));
    d.field("refTable", literal(fk.refTable));
    d.field("refColumns", stringList(fk.refColumns));
    if (fk.onDelete != FkAction::NoAction)
        d.field("onDelete", atom("FkAction::" + std::string(fkActionEnumerator(fk.onDelete))));
    if (fk.onUpdate != FkAction::NoAction)
        d.field("onUpdate", atom("FkAction::" + std::string(fkActionEnumerator(fk.onUpdate))));
    if (fk.deferral.deferrable)
        d.field("deferral", deferral(fk.deferral));
    return d.done();
}

Expr check(const CheckConstraint& ck)
{
    return Designated("CheckConstraint").field("name", literal(ck.name)).field("expr", literal(ck.expr)).done();
}

template <typename T, typename F>
Expr listOf(const std::vector<T>& items, F toExpr)
{
    std::vector<Expr> elements;
    for (const T& item : items)
        elements.push_back(toExpr(item));
    return cppgen::braced("", std::move(elements));
}

Expr table(const Table& t)
{
    Designated d("Table");
    d.field("name", literal(t.name));
    d.field("columns", listOf(t.columns, column));
    if (!t.primaryKey.empty())
        d.field("primaryKey", stringList(t.primaryKey));
    if (!t.indexes.empty())
        d.field("indexes", listOf(t.indexes, index));
    if (!t.uniques.empty())
        d.field("uniques", listOf(t.uniques, unique));
    if (!t.foreignKeys.empty())
        d.field("foreignKeys", listOf(t.foreignKeys, foreignKey));
    if (!t.checks.empty())
        d.field("checks", listOf(t.checks, check));
    if (t.comment)
        d.field("comment", literal(*t.comment));
    if (t.partitionBy)
        d.field("partitionBy", literal(*t.partitionBy));
    if (t.partitionOf)
        d.field("partitionOf", literal(*t.partitionOf));
    if (t.partitionBound)
        d.field("partitionBound", literal(*t.partitionBound));
    if (t.renamedFrom)
        d.field("renamedFrom", literal(*t.renamedFrom));
    return d.done();
}

Expr enumType(const EnumType& e)
{
    Designated d("EnumType");
    d.field("name", literal(e.name));
    d.field("values", stringList(e.values));
    if (e.renamedFrom)
        d.field("renamedFrom", literal(*e.renamedFrom));
    return d.done();
}

Expr domain(const Domain& dm)
{
    Designated d("Domain");
    d.field("name", literal(dm.name));
    d.field("base", column(dm.base));
    if (!dm.checks.empty())
        d.field("checks", listOf(dm.checks, check));
    return d.done();
}

Expr sqlPerDialect(const std::map<std::string, std::string>& sql)
{
    std::vector<Expr> entries;
    for (const auto& [dialect, text] : sql)
        entries.push_back(cppgen::braced("", {literal(dialect), literal(text)}));
    return cppgen::braced("", std::move(entries));
}

// One Op facade call per operation; the std::visit is exhaustive, so a new operation
// kind does not compile until it is written here too.
Expr opCall(const Operation& op)
{
    return std::visit(
        [](const auto& o) -> Expr {
            using T = std::decay_t<decltype(o)>;
            if constexpr (std::is_same_v<T, CreateTable>)
                return call(".createTable", {table(o.definition)});
            else if constexpr (std::is_same_v<T, DropTable>)
                return call(".dropTable", {table(o.definition)});
            else if constexpr (std::is_same_v<T, RenameTable>)
                return call(".renameTable", {literal(o.from), literal(o.to)});
            else if constexpr (std::is_same_v<T, AddColumn>)
                return call(".addColumn", {literal(o.table), column(o.definition)});
            else if constexpr (std::is_same_v<T, DropColumn>)
                return call(".dropColumn", {literal(o.table), column(o.definition)});
            else if constexpr (std::is_same_v<T, AlterColumn>)
                return call(".alterColumn", {literal(o.table), column(o.from), column(o.to)});
            else if constexpr (std::is_same_v<T, RenameColumn>)
                return call(".renameColumn", {literal(o.table), literal(o.from), literal(o.to)});
            else if constexpr (std::is_same_v<T, CreateIndex>)
                return call(".createIndex", {literal(o.table), index(o.definition)});
            else if constexpr (std::is_same_v<T, DropIndex>)
                return call(".dropIndex", {literal(o.table), index(o.definition)});
            else if constexpr (std::is_same_v<T, AddUnique>)
                return call(".addUnique", {literal(o.table), unique(o.definition)});
            else if constexpr (std::is_same_v<T, DropUnique>)
                return call(".dropUnique", {literal(o.table), unique(o.definition)});
            else if constexpr (std::is_same_v<T, AddForeignKey>)
                return call(".addForeignKey", {literal(o.table), foreignKey(o.definition)});
            else if constexpr (std::is_same_v<T, DropForeignKey>)
                return call(".dropForeignKey", {literal(o.table), foreignKey(o.definition)});
            else if constexpr (std::is_same_v<T, AddCheck>)
                return call(".addCheck", {literal(o.table), check(o.definition)});
            else if constexpr (std::is_same_v<T, DropCheck>)
                return call(".dropCheck", {literal(o.table), check(o.definition)});
            else if constexpr (std::is_same_v<T, AlterPrimaryKey>)
                return call(".alterPrimaryKey", {literal(o.table), stringList(o.from), stringList(o.to)});
            else if constexpr (std::is_same_v<T, AlterTableComment>)
                return call(".alterTableComment", {literal(o.table), optionalString(o.from), optionalString(o.to)});
            else if constexpr (std::is_same_v<T, CreateEnum>)
                return call(".createEnum", {enumType(o.definition)});
            else if constexpr (std::is_same_v<T, DropEnum>)
                return call(".dropEnum", {enumType(o.definition)});
            else if constexpr (std::is_same_v<T, AddEnumValue> || std::is_same_v<T, DropEnumValue>) {
                std::vector<Expr> args{literal(o.name), literal(o.value)};
                if (o.before)
                    args.push_back(literal(*o.before));
                return call(std::is_same_v<T, AddEnumValue> ? ".addEnumValue" : ".dropEnumValue", std::move(args));
            } else if constexpr (std::is_same_v<T, RenameEnum>)
                return call(".renameEnum", {literal(o.from), literal(o.to)});
            else if constexpr (std::is_same_v<T, CreateDomain>)
                return call(".createDomain", {domain(o.definition)});
            else if constexpr (std::is_same_v<T, DropDomain>)
                return call(".dropDomain", {domain(o.definition)});
            else if constexpr (std::is_same_v<T, AlterDomain>)
                return call(".alterDomain", {domain(o.from), domain(o.to)});
            else if constexpr (isSequenceOperation<T>)
                return cppgen::sequenceOpCall(o);
            else if constexpr (std::is_same_v<T, RecreateTable>)
                return call(".recreateTable", {table(o.from), table(o.to)});
            else if constexpr (std::is_same_v<T, Execute>) {
                std::vector<Expr> args{sqlPerDialect(o.up)};
                if (o.down) {
                    // Spelled out: a braced list would not pick the optional's map.
                    Expr down = sqlPerDialect(*o.down);
                    down.text = "std::map<std::string, std::string>";
                    args.push_back(std::move(down));
                }
                return call(".execute", std::move(args));
            } else
                static_assert(!sizeof(T), "opCall: an operation kind is missing");
        },
        op);
}

void appendOperations(std::string& out, const std::string& member, const std::vector<Operation>& ops)
{
    out += "    m." + member + " = Op()\n";
    for (const Operation& op : ops)
        out += "        " + cppgen::render(opCall(op), 8, 8) + "\n";
    out += "        .take();\n";
}

} // namespace

std::string migrationFunctionName(std::string_view revision)
{
    std::string name = "migration_";
    for (char c : revision)
        name += c == '-' ? '_' : c;
    return name;
}

std::string migrationCppFileName(const std::string& revision, const std::string& label)
{
    std::string name = migrationFileName(revision, label);
    const std::string json = ".json";
    if (name.size() >= json.size() && name.compare(name.size() - json.size(), json.size(), json) == 0)
        name.resize(name.size() - json.size());
    return name + ".cpp";
}

std::string generateMigrationCpp(const Migration& original, const std::string& jsonTwin)
{
    // What the twin will load as: the C++ must build exactly that, or the checksums in
    // the version table would depend on which of the two files an application ran.
    const Migration m = migrationFromJson(migrationToJson(original), jsonTwin);
    const std::string function = migrationFunctionName(m.revision);

    std::string out;
    out += "// Migration " + m.revision + ": " + renderInline(literal(m.label)) + "\n";
    out += "// checksum: " + migrationChecksum(m) + "\n";
    out += "//\n";
    out += "// Generated by tempest-db with its JSON twin " + renderInline(literal(jsonTwin)) + ", which\n";
    out += "// tempest-migrate and Tempest Studio read. Both describe the same operations and have the\n";
    out += "// checksum above: an edit to one belongs in the other. To run it from an application,\n";
    out += "// declare `tempest::Migration " + function + "();` and hand its result to a\n";
    out += "// RevisionGraph for MigrationRunner.\n\n";
    out += "#include \"core/ops/op_facade.h\"\n";
    out += "#include \"core/revision/migration.h\"\n\n";
    out += "// Designated initialisers leave out what keeps its default, on purpose; GCC's -Wextra\n";
    out += "// would name every such field.\n";
    out += "#pragma GCC diagnostic push\n";
    out += "#pragma GCC diagnostic ignored \"-Wmissing-field-initializers\"\n\n";
    out += "tempest::Migration " + function + "()\n{\n";
    out += "    using namespace tempest;\n";
    out += "    Migration m;\n";
    out += "    m.revision = " + renderInline(literal(m.revision)) + ";\n";
    if (!m.downRevision.empty())
        out += "    m.downRevision = " + renderInline(stringList(m.downRevision)) + ";\n";
    if (!m.label.empty())
        out += "    m.label = " + renderInline(literal(m.label)) + ";\n";
    if (!m.createdAt.empty())
        out += "    m.createdAt = " + renderInline(literal(m.createdAt)) + ";\n";
    if (!m.dependsOn.empty())
        out += "    m.dependsOn = " + renderInline(stringList(m.dependsOn)) + ";\n";
    if (!m.branchLabels.empty())
        out += "    m.branchLabels = " + renderInline(stringList(m.branchLabels)) + ";\n";
    if (!m.up.empty())
        appendOperations(out, "up", m.up);
    if (const std::vector<Operation> down = m.downOperations(); !down.empty())
        appendOperations(out, "down", down);
    else if (!m.up.empty())
        out += "    // No down: an operation above cannot be inverted, so this revision is irreversible.\n";
    out += "    return m;\n}\n\n";
    out += "#pragma GCC diagnostic pop\n";
    return out;
}

} // namespace tempest
