// Target semantics (DESIGN.md "Targets") on a small branchy graph drawn below, where
// each expected plan can be read off the picture.
//
//   aaaa0001 ── bbbb0002 ─┬─ cccc0003 ── eeee0005 ─┐
//                         │                         ├─ mmmm0007 ── hhhh0008   (head)
//                         ├─ dddd0004 ── ffff0006 ─┘
//                         │  [feature]
//                         └─ cccc9999 ── 20240001                            (head)
//                            [side]      (dependsOn cccc0003)
//
// createdAt follows the order of the list in graph(), so topoOrder is
// aaaa0001 bbbb0002 cccc0003 dddd0004 eeee0005 ffff0006 mmmm0007 hhhh0008 cccc9999 20240001.

#include "alembic_dag.h"

#include "core/ir/errors.h"
#include "core/revision/plan.h"
#include "core/revision/revision_graph.h"

#include <QTest>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

using namespace tempest;
using namespace tempest::test;
using Ids = std::vector<std::string>;

Q_DECLARE_METATYPE(Ids)

namespace {

Migration rev(std::string id, Ids parents, int minute, Ids dependsOn = {}, Ids labels = {})
{
    Migration m;
    m.revision = std::move(id);
    m.downRevision = std::move(parents);
    m.createdAt = "2026-11-25T10:" + std::string(minute < 10 ? "0" : "") + std::to_string(minute) + ":00Z";
    m.dependsOn = std::move(dependsOn);
    m.branchLabels = std::move(labels);
    return m;
}

const RevisionGraph& graph()
{
    static const RevisionGraph g({
        rev("aaaa0001", {}, 1),
        rev("bbbb0002", {"aaaa0001"}, 2),
        rev("cccc0003", {"bbbb0002"}, 3),
        rev("dddd0004", {"bbbb0002"}, 4, {}, {"feature"}),
        rev("eeee0005", {"cccc0003"}, 5),
        rev("ffff0006", {"dddd0004"}, 6),
        rev("mmmm0007", {"eeee0005", "ffff0006"}, 7),
        rev("hhhh0008", {"mmmm0007"}, 8),
        rev("cccc9999", {"bbbb0002"}, 9, {}, {"side"}),
        rev("20240001", {"cccc9999"}, 10, {"cccc0003"}),
    });
    return g;
}

const Ids& everything()
{
    static const Ids all{"aaaa0001", "bbbb0002", "cccc0003", "dddd0004", "eeee0005",
                         "ffff0006", "mmmm0007", "hhhh0008", "cccc9999", "20240001"};
    return all;
}

Ids reversed(Ids ids)
{
    std::reverse(ids.begin(), ids.end());
    return ids;
}

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

// Independent of RevisionGraph: plain searches over the raw Alembic lists, so the
// neutron checks below do not grade the graph code with itself.
using Edges = std::map<std::string, std::vector<std::string>>;

Edges requirementsOf(const AlembicDag& dag)  // parents and depends_on
{
    Edges edges;
    for (const AlembicRevision& r : dag.revisions) {
        auto& out = edges[r.revision];
        out.insert(out.end(), r.downRevision.begin(), r.downRevision.end());
        out.insert(out.end(), r.dependsOn.begin(), r.dependsOn.end());
    }
    return edges;
}

Edges reversedEdges(const Edges& edges)
{
    Edges out;
    for (const auto& [from, tos] : edges) {
        out[from];
        for (const std::string& to : tos)
            out[to].push_back(from);
    }
    return out;
}

std::set<std::string> reachableInclusive(const Edges& edges, const std::string& start)
{
    std::set<std::string> seen{start};
    std::vector<std::string> queue{start};
    for (std::size_t i = 0; i < queue.size(); ++i)
        for (const std::string& next : edges.at(queue[i]))
            if (seen.insert(next).second)
                queue.push_back(next);
    return seen;
}

/// The revisions of one expand/contract branch: the labelled one and its parent-only
/// descendants.
std::set<std::string> branchOf(const AlembicDag& dag, const std::string& label)
{
    Edges children;
    std::string root;
    for (const AlembicRevision& r : dag.revisions) {
        children[r.revision];
        for (const std::string& p : r.downRevision)
            children[p].push_back(r.revision);
        if (std::find(r.branchLabels.begin(), r.branchLabels.end(), label) != r.branchLabels.end())
            root = r.revision;
    }
    return reachableInclusive(children, root);
}

/// Alembic's `downgrade FROM:TO`: descendants of TO (TO excluded) that are
/// ancestors-inclusive of FROM.
std::set<std::string> alembicDowngradeRange(const Edges& needs, const Edges& neededBy, const std::string& from,
                                            const std::string& to)
{
    const std::set<std::string> upper = reachableInclusive(needs, from);
    std::set<std::string> out;
    for (const std::string& id : reachableInclusive(neededBy, to))
        if (id != to && upper.count(id))
            out.insert(id);
    return out;
}

std::set<std::string> asSet(const Ids& ids) { return {ids.begin(), ids.end()}; }

/// Children before parents and dependents before what they depend on.
bool isRevertOrder(const Edges& needs, const Ids& plan)
{
    std::map<std::string, std::size_t> pos;
    for (std::size_t i = 0; i < plan.size(); ++i)
        pos[plan[i]] = i;
    for (const std::string& id : plan)
        for (const std::string& needed : needs.at(id))
            if (pos.count(needed) && pos[needed] < pos[id])
                return false;
    return true;
}

const AlembicDag& neutron()
{
    static const AlembicDag dag = readAlembicDag(std::string(TEMPEST_TEST_DATA_DIR) + "/dags/neutron.json");
    return dag;
}

} // namespace

class TstPlan : public QObject {
    Q_OBJECT

private slots:
    void graphShape();
    void upgrade_data();
    void upgrade();
    void downgrade_data();
    void downgrade();
    void refused_data();
    void refused();
    void range_data();
    void range();
    void headRefusalNamesTheHeads();
    void ambiguousPrefixListsMatches();
    void minusNWidensToAppliedDescendants();
    void stamp_data();
    void stamp();
    void stampRefusals();
    void stateAtRangeEnds();
    void neutronContractToExpandRange();
    void neutronEveryDowngradeRangeMatchesAlembic();
    void neutronDowngradeToExpandRevision();
};

void TstPlan::graphShape()
{
    const RevisionGraph& g = graph();
    QCOMPARE(g.topoOrder(), everything());
    QCOMPARE(g.heads(), (Ids{"hhhh0008", "20240001"}));
    QCOMPARE(g.bases(), Ids{"aaaa0001"});
    QCOMPARE(g.branchPoints(), Ids{"bbbb0002"});
    QCOMPARE(g.mergePoints(), Ids{"mmmm0007"});
    QCOMPARE(g.children("bbbb0002"), (Ids{"cccc0003", "dddd0004", "cccc9999"}));
    // dependsOn counts for ancestors, not for parents.
    QCOMPARE(g.parents("20240001"), Ids{"cccc9999"});
    QCOMPARE(g.ancestors("20240001"), (Ids{"aaaa0001", "bbbb0002", "cccc0003", "cccc9999"}));
    QCOMPARE(g.ancestorsInclusive("eeee0005"), (Ids{"aaaa0001", "bbbb0002", "cccc0003", "eeee0005"}));
    QCOMPARE(g.descendants("cccc0003"), (Ids{"eeee0005", "mmmm0007", "hhhh0008", "20240001"}));
}

void TstPlan::upgrade_data()
{
    QTest::addColumn<Ids>("applied");
    QTest::addColumn<QString>("target");
    QTest::addColumn<Ids>("expected");

    QTest::newRow("heads from empty") << Ids{} << "heads" << everything();
    QTest::newRow("heads skips applied") << Ids{"aaaa0001", "bbbb0002", "cccc0003"} << "heads"
                                         << Ids{"dddd0004", "eeee0005", "ffff0006", "mmmm0007", "hhhh0008",
                                                "cccc9999", "20240001"};
    QTest::newRow("nothing pending") << everything() << "heads" << Ids{};
    QTest::newRow("base is nothing") << Ids{} << "base" << Ids{};
    QTest::newRow("id and its ancestors") << Ids{} << "eeee0005"
                                          << Ids{"aaaa0001", "bbbb0002", "cccc0003", "eeee0005"};
    QTest::newRow("id pulls its dependsOn") << Ids{} << "20240001"
                                            << Ids{"aaaa0001", "bbbb0002", "cccc0003", "cccc9999", "20240001"};
    QTest::newRow("merge pulls both branches") << Ids{"aaaa0001", "bbbb0002"} << "mmmm0007"
                                               << Ids{"cccc0003", "dddd0004", "eeee0005", "ffff0006", "mmmm0007"};
    QTest::newRow("prefix") << Ids{} << "ffff" << Ids{"aaaa0001", "bbbb0002", "dddd0004", "ffff0006"};
    QTest::newRow("exact id beats prefix") << Ids{} << "cccc0003" << Ids{"aaaa0001", "bbbb0002", "cccc0003"};
    QTest::newRow("applied id is nothing") << Ids{"aaaa0001", "bbbb0002"} << "bbbb0002" << Ids{};
    QTest::newRow("label@head") << Ids{} << "feature@head"
                                << Ids{"aaaa0001", "bbbb0002", "cccc0003", "dddd0004", "eeee0005", "ffff0006",
                                       "mmmm0007", "hhhh0008"};
    QTest::newRow("other label@head") << Ids{"aaaa0001", "bbbb0002"} << "side@head"
                                      << Ids{"cccc0003", "cccc9999", "20240001"};
    QTest::newRow("+1 from empty") << Ids{} << "+1" << Ids{"aaaa0001"};
    QTest::newRow("+2 next in topo order") << Ids{"aaaa0001", "bbbb0002"} << "+2" << Ids{"cccc0003", "dddd0004"};
    QTest::newRow("+N skips applied") << Ids{"aaaa0001", "bbbb0002", "dddd0004"} << "+2"
                                      << Ids{"cccc0003", "eeee0005"};
    QTest::newRow("head of one branch") << Ids{} << "hhhh0008" << Ids{"aaaa0001", "bbbb0002", "cccc0003", "dddd0004",
                                                                      "eeee0005", "ffff0006", "mmmm0007", "hhhh0008"};
}

void TstPlan::upgrade()
{
    QFETCH(Ids, applied);
    QFETCH(QString, target);
    QFETCH(Ids, expected);
    QCOMPARE(planUpgrade(graph(), applied, target.toStdString()), expected);
}

void TstPlan::downgrade_data()
{
    QTest::addColumn<Ids>("applied");
    QTest::addColumn<QString>("target");
    QTest::addColumn<Ids>("expected");

    QTest::newRow("base reverts all") << everything() << "base" << reversed(everything());
    QTest::newRow("base with nothing applied") << Ids{} << "base" << Ids{};
    QTest::newRow("-1") << everything() << "-1" << Ids{"20240001"};
    QTest::newRow("-2") << everything() << "-2" << Ids{"20240001", "cccc9999"};
    QTest::newRow("N means -N") << everything() << "3" << Ids{"20240001", "cccc9999", "hhhh0008"};
    // Application order, not topo order, decides which are "last".
    QTest::newRow("-1 by application order") << Ids{"aaaa0001", "bbbb0002", "dddd0004", "cccc0003"} << "-1"
                                             << Ids{"cccc0003"};
    // Downgrading to one parent of a merge reverts what descends from it (the merge and
    // above); the other parent's branch and the side branch stay applied, as in Alembic.
    QTest::newRow("merge parent keeps the other branch") << everything() << "eeee0005"
                                                         << Ids{"hhhh0008", "mmmm0007"};
    QTest::newRow("other merge parent") << everything() << "dddd0004"
                                        << Ids{"hhhh0008", "mmmm0007", "ffff0006"};
    // 20240001 dependsOn cccc0003: a dependent descends from it and goes too.
    QTest::newRow("dependsOn descendant is reverted")
        << everything() << "cccc0003" << Ids{"20240001", "hhhh0008", "mmmm0007", "eeee0005"};
    QTest::newRow("dependsOn descendant on another branch only")
        << Ids{"aaaa0001", "bbbb0002", "cccc0003", "cccc9999", "20240001"} << "cccc0003" << Ids{"20240001"};
    QTest::newRow("branch point reverts every branch above it")
        << everything() << "bbbb0002"
        << Ids{"20240001", "cccc9999", "hhhh0008", "mmmm0007", "ffff0006", "eeee0005", "dddd0004", "cccc0003"};
    QTest::newRow("unapplied descendants are skipped")
        << Ids{"aaaa0001", "bbbb0002", "dddd0004", "cccc9999"} << "bbbb0002" << Ids{"cccc9999", "dddd0004"};
    QTest::newRow("prefix target") << everything() << "mmmm" << Ids{"hhhh0008"};
    QTest::newRow("label@head target") << everything() << "feature@head" << Ids{};
    // A head has no descendants; the point is that it is read as the revision, not as
    // "20240001 revisions".
    QTest::newRow("all-digit id is the revision") << everything() << "20240001" << Ids{};
    QTest::newRow("heads is nothing") << everything() << "heads" << Ids{};
}

void TstPlan::downgrade()
{
    QFETCH(Ids, applied);
    QFETCH(QString, target);
    QFETCH(Ids, expected);
    QCOMPARE(planDowngrade(graph(), applied, target.toStdString()), expected);
}

void TstPlan::refused_data()
{
    QTest::addColumn<bool>("isUpgrade");
    QTest::addColumn<Ids>("applied");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("head with two heads") << true << Ids{} << "head" << "20240001";
    QTest::newRow("unknown id") << true << Ids{} << "zzzz0000" << "zzzz0000";
    QTest::newRow("prefix too short") << true << Ids{} << "ffe" << "ffe";
    QTest::newRow("ambiguous prefix") << true << Ids{} << "cccc" << "cccc9999";
    QTest::newRow("+N beyond pending") << true << Ids{"aaaa0001"} << "+10" << "+10";
    QTest::newRow("+0") << true << Ids{} << "+0" << "+0";
    QTest::newRow("-N on upgrade") << true << Ids{} << "-1" << "-1";
    QTest::newRow("range online") << true << Ids{} << "aaaa0001:hhhh0008" << "aaaa0001:hhhh0008";
    QTest::newRow("unknown label") << true << Ids{} << "nope@head" << "nope";
    QTest::newRow("applied but unknown") << true << Ids{"gone0001"} << "heads" << "gone0001";
    QTest::newRow("unapplied target") << false << Ids{"aaaa0001", "bbbb0002", "cccc0003"} << "dddd0004"
                                      << "dddd0004";
    QTest::newRow("-N beyond applied") << false << Ids{"aaaa0001"} << "-2" << "-2";
    QTest::newRow("-0") << false << everything() << "-0" << "-0";
    QTest::newRow("+N on downgrade") << false << everything() << "+1" << "+1";
    // 2024 could mean "2024 revisions" or revision 20240001.
    QTest::newRow("digits ambiguous with a prefix") << false << everything() << "2024" << "20240001";
    QTest::newRow("ambiguous prefix downgrade") << false << everything() << "cccc" << "cccc0003";
}

void TstPlan::refused()
{
    QFETCH(bool, isUpgrade);
    QFETCH(Ids, applied);
    QFETCH(QString, target);
    QFETCH(QString, mentions);
    const std::string message = errorOf([&] {
        if (isUpgrade)
            planUpgrade(graph(), applied, target.toStdString());
        else
            planDowngrade(graph(), applied, target.toStdString());
    });
    QVERIFY2(!message.empty(), "no InputError thrown");
    QVERIFY2(message.find(mentions.toStdString()) != std::string::npos, message.c_str());
}

void TstPlan::range_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("isDowngrade");
    QTest::addColumn<Ids>("expected");

    QTest::newRow("base to id") << "base" << "eeee0005" << false
                                << Ids{"aaaa0001", "bbbb0002", "cccc0003", "eeee0005"};
    QTest::newRow("id to merge") << "eeee0005" << "mmmm0007" << false
                                 << Ids{"dddd0004", "ffff0006", "mmmm0007"};
    QTest::newRow("base to heads") << "base" << "heads" << false << everything();
    QTest::newRow("prefixes") << "bbbb" << "hhhh" << false
                              << Ids{"cccc0003", "dddd0004", "eeee0005", "ffff0006", "mmmm0007", "hhhh0008"};
    QTest::newRow("same end is nothing") << "eeee0005" << "eeee0005" << false << Ids{};
    QTest::newRow("downgrade to base") << "heads" << "base" << true << reversed(everything());
    // Alembic reverts TO's descendants among FROM's ancestors: the merge's other parent
    // (eeee0005, cccc0003) stays.
    QTest::newRow("downgrade merge to one side") << "hhhh0008" << "ffff0006" << true
                                                 << Ids{"hhhh0008", "mmmm0007"};
    QTest::newRow("downgrade with dependsOn") << "20240001" << "bbbb0002" << true
                                              << Ids{"20240001", "cccc9999", "cccc0003"};
    // cccc9999 is an ancestor of 20240001 but not a descendant of cccc0003: kept.
    QTest::newRow("downgrade to a dependsOn target") << "20240001" << "cccc0003" << true << Ids{"20240001"};
    QTest::newRow("downgrade heads to a revision") << "heads" << "eeee0005" << true
                                                   << Ids{"hhhh0008", "mmmm0007"};
    QTest::newRow("downgrade id to base") << "eeee0005" << "base" << true
                                          << Ids{"eeee0005", "cccc0003", "bbbb0002", "aaaa0001"};
    QTest::newRow("downgrade same end is nothing") << "eeee0005" << "eeee0005" << true << Ids{};
    QTest::newRow("downgrade heads to heads is nothing") << "heads" << "heads" << true << Ids{};
}

void TstPlan::range()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, isDowngrade);
    QFETCH(Ids, expected);
    QCOMPARE(planRange(graph(), from.toStdString(), to.toStdString(), isDowngrade), expected);

    std::string splitFrom, splitTo;
    QVERIFY(splitRange((from + ":" + to).toStdString(), splitFrom, splitTo));
    QCOMPARE(QString::fromStdString(splitFrom), from);
    QCOMPARE(QString::fromStdString(splitTo), to);
}

void TstPlan::headRefusalNamesTheHeads()
{
    const std::string message = errorOf([] { planUpgrade(graph(), {}, "head"); });
    QVERIFY2(message.find("hhhh0008") != std::string::npos, message.c_str());
    QVERIFY2(message.find("20240001") != std::string::npos, message.c_str());

    // Ranges refuse the same way, and refuse ends in the wrong order.
    QVERIFY_THROWS_EXCEPTION(InputError, planRange(graph(), "base", "head", false));
    QVERIFY_THROWS_EXCEPTION(InputError, planRange(graph(), "hhhh0008", "eeee0005", false));
    QVERIFY_THROWS_EXCEPTION(InputError, planRange(graph(), "eeee0005", "ffff0006", true));
    QVERIFY_THROWS_EXCEPTION(InputError, planRange(graph(), "base", "+1", false));
}

void TstPlan::ambiguousPrefixListsMatches()
{
    const std::string message = errorOf([] { graph().resolve("cccc"); });
    QVERIFY2(message.find("cccc0003") != std::string::npos, message.c_str());
    QVERIFY2(message.find("cccc9999") != std::string::npos, message.c_str());
    QCOMPARE(graph().resolve("cccc9"), std::string("cccc9999"));
}

// A version table written by `stamp` or by hand need not follow topo order: reverting
// its last rows must still take their applied children along, children first.
void TstPlan::minusNWidensToAppliedDescendants()
{
    const Ids applied{"aaaa0001", "bbbb0002", "cccc0003", "eeee0005", "mmmm0007", "hhhh0008", "dddd0004", "ffff0006"};
    QCOMPARE(planDowngrade(graph(), applied, "-2"), (Ids{"hhhh0008", "mmmm0007", "ffff0006", "dddd0004"}));
    // dependsOn widens too: reverting cccc0003 takes 20240001 along.
    const Ids withDependent{"aaaa0001", "bbbb0002", "cccc9999", "20240001", "cccc0003"};
    QCOMPARE(planDowngrade(graph(), withDependent, "-1"), (Ids{"20240001", "cccc0003"}));
}

void TstPlan::stamp_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<Ids>("expected");

    QTest::newRow("heads is everything") << "heads" << everything();
    QTest::newRow("base is nothing") << "base" << Ids{};
    QTest::newRow("id and its ancestors") << "eeee0005" << Ids{"aaaa0001", "bbbb0002", "cccc0003", "eeee0005"};
    QTest::newRow("merge holds both branches")
        << "mmmm0007" << Ids{"aaaa0001", "bbbb0002", "cccc0003", "dddd0004", "eeee0005", "ffff0006", "mmmm0007"};
    QTest::newRow("dependsOn is held") << "20240001"
                                       << Ids{"aaaa0001", "bbbb0002", "cccc0003", "cccc9999", "20240001"};
    QTest::newRow("prefix") << "ffff" << Ids{"aaaa0001", "bbbb0002", "dddd0004", "ffff0006"};
    QTest::newRow("label@head") << "side@head" << Ids{"aaaa0001", "bbbb0002", "cccc0003", "cccc9999", "20240001"};
}

void TstPlan::stamp()
{
    QFETCH(QString, target);
    QFETCH(Ids, expected);
    QCOMPARE(planStamp(graph(), target.toStdString()), expected);
    // A range end names the same state as a stamp target.
    QCOMPARE(planStateAt(graph(), target.toStdString()), expected);
}

void TstPlan::stampRefusals()
{
    // `head` with two heads names them, as upgrade does.
    std::string message = errorOf([] { planStamp(graph(), "head"); });
    QVERIFY2(message.find("\"head\"") != std::string::npos, message.c_str());
    QVERIFY2(message.find("hhhh0008") != std::string::npos, message.c_str());
    QVERIFY2(message.find("20240001") != std::string::npos, message.c_str());
    const std::pair<const char*, const char*> refusals[] = {
        {"zzzz0000", "zzzz0000"}, {"cccc", "cccc9999"}, {"+1", "+1"}, {"-1", "-1"}, {"nope@head", "nope"}};
    for (const auto& [target, mentions] : refusals) {
        message = errorOf([&] { planStamp(graph(), target); });
        QVERIFY2(message.find(mentions) != std::string::npos, (std::string(target) + ": " + message).c_str());
    }

    // With a single head, `head` is that head and its ancestors: the whole graph here.
    const RevisionGraph linear({rev("aaaa0001", {}, 1), rev("bbbb0002", {"aaaa0001"}, 2)});
    QCOMPARE(planStamp(linear, "head"), (Ids{"aaaa0001", "bbbb0002"}));
}

void TstPlan::stateAtRangeEnds()
{
    QVERIFY_THROWS_EXCEPTION(InputError, planStateAt(graph(), "head"));
    QVERIFY_THROWS_EXCEPTION(InputError, planStateAt(graph(), "+1"));
    // A downgrade range is rendered against the state at FROM; reverting its plan from
    // there leaves TO and the merge's other branch (dddd0004, ffff0006) applied.
    Ids after = planStateAt(graph(), "hhhh0008");
    for (const std::string& id : planRange(graph(), "hhhh0008", "eeee0005", true))
        after.erase(std::find(after.begin(), after.end(), id));
    QCOMPARE(after, (Ids{"aaaa0001", "bbbb0002", "cccc0003", "dddd0004", "eeee0005", "ffff0006"}));
}

// Hand-checked on neutron's newton history: 3b935b28e7a0 -> a8b517cff8ab -> 7d9d8eeec6ad
// -> a84ccf28f06a are contract revisions, and a84ccf28f06a depends_on the expand
// revision a963b38d82f4. Alembic's `downgrade 3b935b28e7a0:a963b38d82f4` reverts those
// four; the expand revisions between (e.g. c415aab1c048, 30107ab6a3ee) are not
// descendants of a963b38d82f4 and stay. The old "ancestors of FROM minus ancestors of
// TO" reverted 15 here.
void TstPlan::neutronContractToExpandRange()
{
    const RevisionGraph g(toMigrations(neutron()));
    const Ids plan = planRange(g, "3b935b28e7a0", "a963b38d82f4", true);
    QCOMPARE(plan, (Ids{"3b935b28e7a0", "a8b517cff8ab", "7d9d8eeec6ad", "a84ccf28f06a"}));
    const Edges needs = requirementsOf(neutron());
    QCOMPARE(asSet(plan), alembicDowngradeRange(needs, reversedEdges(needs), "3b935b28e7a0", "a963b38d82f4"));
    // Prefixes work the same.
    QCOMPARE(planRange(g, "3b93", "a963", true), plan);
}

// Every `downgrade <contract rev>:<expand rev>` on neutron, TO an ancestor of FROM,
// against the set computed from the raw parent/depends_on lists.
void TstPlan::neutronEveryDowngradeRangeMatchesAlembic()
{
    const RevisionGraph g(toMigrations(neutron()));
    const Edges needs = requirementsOf(neutron());
    const Edges neededBy = reversedEdges(needs);
    const std::set<std::string> expand = branchOf(neutron(), "expand");
    const std::set<std::string> contract = branchOf(neutron(), "contract");
    QCOMPARE(expand.size() + contract.size() + 1, neutron().revisions.size());  // + the "kilo" base

    std::size_t pairs = 0, narrower = 0;
    for (const std::string& from : contract) {
        for (const std::string& to : reachableInclusive(needs, from)) {
            if (!expand.count(to))
                continue;
            const Ids plan = planRange(g, from, to, true);
            const std::set<std::string> expected = alembicDowngradeRange(needs, neededBy, from, to);
            if (asSet(plan) != expected || plan.size() != expected.size() || !isRevertOrder(needs, plan))
                QFAIL(("downgrade " + from + ":" + to).c_str());
            const std::size_t ancestorDifference =
                reachableInclusive(needs, from).size() - reachableInclusive(needs, to).size();
            narrower += plan.size() < ancestorDifference;
            ++pairs;
        }
    }
    QVERIFY(pairs > 400);
    // Most pairs have expand revisions beside the chain, which Alembic keeps.
    QVERIFY(narrower > pairs / 2);
}

// Online: with all of neutron applied, `downgrade <expand rev>` reverts exactly the
// revisions that need it, contract ones through depends_on included; the rest stays.
void TstPlan::neutronDowngradeToExpandRevision()
{
    const RevisionGraph g(toMigrations(neutron()));
    const Ids applied = planUpgrade(g, {}, "heads");
    const Edges needs = requirementsOf(neutron());
    const Edges neededBy = reversedEdges(needs);

    std::set<std::string> expected = reachableInclusive(neededBy, "a963b38d82f4");
    expected.erase("a963b38d82f4");
    const Ids plan = planDowngrade(g, applied, "a963b38d82f4");
    QCOMPARE(asSet(plan), expected);
    QVERIFY(isRevertOrder(needs, plan));
    QVERIFY(asSet(plan).count("a84ccf28f06a"));   // contract, through depends_on
    QVERIFY(!asSet(plan).count("30107ab6a3ee"));  // expand ancestor: kept
    QVERIFY(plan.size() < applied.size() - g.ancestorsInclusive("a963b38d82f4").size());
}

QTEST_APPLESS_MAIN(TstPlan)
#include "tst_plan.moc"
