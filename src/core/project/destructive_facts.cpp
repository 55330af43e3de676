#include "core/project/destructive_facts.h"

#include "core/revision/replay.h"

#include <algorithm>
#include <map>
#include <unordered_set>

namespace tempest {

namespace {

/// `ids` in topoOrder (those the graph knows): the order replaySchema needs.
std::vector<std::string> inTopoOrder(const RevisionGraph& graph, const std::vector<std::string>& ids)
{
    const std::unordered_set<std::string> wanted(ids.begin(), ids.end());
    std::vector<std::string> ordered;
    for (const std::string& id : graph.topoOrder())
        if (wanted.count(id))
            ordered.push_back(id);
    return ordered;
}

/// Follows table names through a plan: which live table a name stands for at each point
/// (renames keep the rows; a table the plan creates, or re-creates after a drop, is new).
class TableOrigins {
public:
    /// The live table `name` stands for now; nullopt when the plan made it.
    std::optional<std::string> liveNameOf(const std::string& name) const
    {
        const auto it = m_origin.find(name);
        return it == m_origin.end() ? std::optional<std::string>(name) : it->second;
    }
    void follow(const Operation& op)
    {
        if (const auto* rename = std::get_if<RenameTable>(&op)) {
            m_origin[rename->to] = liveNameOf(rename->from);
            m_origin[rename->from] = std::nullopt;
        } else if (std::holds_alternative<CreateTable>(op) || std::holds_alternative<DropTable>(op)) {
            m_origin[operationTable(op)] = std::nullopt;
        }
    }

private:
    std::map<std::string, std::optional<std::string>> m_origin;
};

class RowCounter {
public:
    RowCounter(const Project& project, Driver* live) : m_project(project), m_live(live) {}
    std::optional<std::int64_t> rowsOf(const std::string& liveTable)
    {
        if (!m_live)
            return std::nullopt;
        const auto cached = m_counts.find(liveTable);
        if (cached != m_counts.end())
            return cached->second;
        std::optional<std::int64_t> count;
        try {
            const ResultSet rows =
                m_live->query(m_project.dialect().countRowsSql(liveTable, m_project.config().schemaName));
            if (!rows.rows.empty())
                count = rows.integer(0, "n");
        } catch (const DatabaseError&) {
            // Not there (yet): nothing to count. The run itself will say what is wrong.
        }
        m_counts[liveTable] = count;
        return count;
    }

private:
    const Project& m_project;
    Driver* m_live;
    std::map<std::string, std::optional<std::int64_t>> m_counts;
};

/// The operation's SQL on its own, rendered on `schema`, which it then changes (no copy
/// of the whole schema per destructive operation of a long plan).
std::string renderAloneApplying(const Project& project, const Operation& op, Schema& schema)
{
    RenderContext context;
    context.schemaName = project.config().schemaName;
    std::string sql;
    for (const Statement& statement : project.dialect().renderApplying({op}, schema, context))
        sql += statement.sql + (statement.commentOnly ? "\n" : ";\n");
    return sql;
}

} // namespace

std::vector<DestructiveFact> destructiveFacts(const Project& project, const RunPlan& plan, Driver* live)
{
    const RevisionGraph& graph = project.graph();
    const bool up = plan.direction == Direction::Upgrade;
    // Most runs destroy nothing: say so before replaying the whole history (on 10,000
    // revisions the replay is most of the time between "Upgrade all" and its first step).
    // A step's operations: `up`, a written `down` itself, or its generated down in `scratch`.
    const auto stepOperations = [up](const Migration& migration, std::vector<Operation>& scratch)
        -> const std::vector<Operation>& { return up ? migration.up : migration.downOperations(scratch); };
    const auto destroys = [&](const std::string& id) {
        std::vector<Operation> scratch;
        const auto& ops = stepOperations(graph.at(id), scratch);
        return std::any_of(ops.begin(), ops.end(), [](const Operation& op) { return isDestructive(op); });
    };
    if (std::none_of(plan.revisions.begin(), plan.revisions.end(), destroys))
        return {};
    Schema schema = replaySchema(graph, inTopoOrder(graph, plan.appliedBefore));
    TableOrigins origins;
    RowCounter counter(project, plan.range ? nullptr : live);
    std::vector<DestructiveFact> facts;
    for (const std::string& id : plan.revisions) {
        const Migration& migration = graph.at(id);
        std::vector<Operation> scratch;
        for (const Operation& op : stepOperations(migration, scratch)) {
            if (isDestructive(op)) {
                DestructiveFact fact;
                fact.revision = id;
                fact.description = describe(op);
                fact.phrase = describePhrase(op);
                fact.table = operationTable(op);
                if (!fact.table.empty()) {
                    const std::optional<std::string> liveName = origins.liveNameOf(fact.table);
                    fact.rowCount = liveName ? counter.rowsOf(*liveName) : std::optional<std::int64_t>(0);
                }
                fact.sql = renderAloneApplying(project, op, schema);
                facts.push_back(std::move(fact));
            } else {
                applyOperation(schema, op);
            }
            origins.follow(op);
        }
    }
    return facts;
}

std::string describeFact(const DestructiveFact& fact)
{
    std::string line = fact.revision + ": " + fact.description;
    if (fact.rowCount)
        line += " — " + std::to_string(*fact.rowCount) + (*fact.rowCount == 1 ? " row" : " rows") + " in " +
                fact.table;
    return line;
}

} // namespace tempest
