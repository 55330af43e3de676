// RevisionGraph over real Alembic histories (superset, airflow, neutron, …): every
// property is checked against facts computed here, independently of the graph code.

#include "alembic_dag.h"

#include "core/ir/errors.h"
#include "core/revision/plan.h"
#include "core/revision/revision_graph.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

using namespace tempest;
using namespace tempest::test;

namespace {

std::string dagPath(const QString& name)
{
    return std::string(TEMPEST_TEST_DATA_DIR) + "/dags/" + name.toStdString();
}

// The graph as a user gets it: written as our migration files, then loaded back.
RevisionGraph loadThroughFiles(const AlembicDag& dag, QTemporaryDir& dir)
{
    writeMigrationFiles(dir.path().toStdString(), toMigrations(dag));
    return RevisionGraph(loadMigrationsDir(dir.path().toStdString()));
}

std::map<std::string, std::size_t> positions(const std::vector<std::string>& order)
{
    std::map<std::string, std::size_t> pos;
    for (std::size_t i = 0; i < order.size(); ++i)
        pos[order[i]] = i;
    return pos;
}

std::set<std::string> independentHeads(const AlembicDag& dag)
{
    std::set<std::string> named;
    for (const auto& r : dag.revisions)
        named.insert(r.downRevision.begin(), r.downRevision.end());
    std::set<std::string> heads;
    for (const auto& r : dag.revisions)
        if (!named.count(r.revision))
            heads.insert(r.revision);
    return heads;
}

template <typename Container>
std::set<std::string> asSet(const Container& c)
{
    return std::set<std::string>(c.begin(), c.end());
}

} // namespace

class TstRevisionGraph : public QObject {
    Q_OBJECT

private slots:
    void loads_data();
    void loads();
    void headsAreRevisionsNoOneNamesAsParent_data() { loads_data(); }
    void headsAreRevisionsNoOneNamesAsParent();
    void upgradeHeadsFromEmptyAppliesParentsFirst_data() { loads_data(); }
    void upgradeHeadsFromEmptyAppliesParentsFirst();
    void downgradeBaseRevertsChildrenFirst_data() { loads_data(); }
    void downgradeBaseRevertsChildrenFirst();
    void topoOrderIgnoresFileOrder_data() { loads_data(); }
    void topoOrderIgnoresFileOrder();
    void everyIdResolvesToItself_data() { loads_data(); }
    void everyIdResolvesToItself();

    void dependsOnRepeatingParentIsDroppedWithWarning();
    void nonHexFourCharacterIdLoads();
    void branchLabelsResolveToTheirHeads();
    void branchLabelNamedNoneIsJustALabel();
    void sharedFourCharacterPrefixIsAmbiguous();
    void allDigitIdBeatsRelativeCount();
    void mergeWithFourParents();
    void edgesAndOrderMatchAReferenceBuiltFromTheFiles_data() { loads_data(); }
    void edgesAndOrderMatchAReferenceBuiltFromTheFiles();
};

void TstRevisionGraph::loads_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("expectedCount");
    // Counts from tests/data/dags/README facts: a truncated copy must fail here.
    QTest::newRow("superset") << "superset.json" << 336;
    QTest::newRow("airflow") << "airflow.json" << 152;
    QTest::newRow("airflow-main-squashed") << "airflow-main-squashed.json" << 60;
    QTest::newRow("mlflow") << "mlflow.json" << 55;
    QTest::newRow("neutron") << "neutron.json" << 132;
    QTest::newRow("quay") << "quay.json" << 124;
    QTest::newRow("keystone") << "keystone.json" << 10;
}

void TstRevisionGraph::loads()
{
    QFETCH(QString, file);
    QFETCH(int, expectedCount);
    const AlembicDag dag = readAlembicDag(dagPath(file));
    QCOMPARE(dag.revisionCount, std::size_t(expectedCount));
    QCOMPARE(dag.revisions.size(), dag.revisionCount);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const RevisionGraph graph = loadThroughFiles(dag, dir);
    // What `history` lists: every revision exactly once.
    QCOMPARE(graph.size(), dag.revisionCount);
    QCOMPARE(graph.topoOrder().size(), dag.revisionCount);
    QCOMPARE(asSet(graph.topoOrder()).size(), dag.revisionCount);
    for (const Migration& m : graph.migrations())
        QVERIFY2(m.file.find(m.revision) != std::string::npos, m.file.c_str());

    std::set<std::string> bases;
    for (const auto& r : dag.revisions)
        if (r.downRevision.empty())
            bases.insert(r.revision);
    QCOMPARE(asSet(graph.bases()), bases);
}

void TstRevisionGraph::headsAreRevisionsNoOneNamesAsParent()
{
    QFETCH(QString, file);
    const AlembicDag dag = readAlembicDag(dagPath(file));
    QTemporaryDir dir;
    const RevisionGraph graph = loadThroughFiles(dag, dir);

    const auto heads = graph.heads();
    QCOMPARE(asSet(heads), independentHeads(dag));
    QVERIFY(!heads.empty());
    // Sorted by topo order.
    for (std::size_t i = 1; i < heads.size(); ++i)
        QVERIFY(graph.topoIndex(heads[i - 1]) < graph.topoIndex(heads[i]));
    if (heads.size() > 1)
        QVERIFY_THROWS_EXCEPTION(InputError, planUpgrade(graph, {}, "head"));
    else
        QCOMPARE(planUpgrade(graph, {}, "head").size(), dag.revisionCount);
}

void TstRevisionGraph::upgradeHeadsFromEmptyAppliesParentsFirst()
{
    QFETCH(QString, file);
    const AlembicDag dag = readAlembicDag(dagPath(file));
    QTemporaryDir dir;
    const RevisionGraph graph = loadThroughFiles(dag, dir);

    const auto plan = planUpgrade(graph, {}, "heads");
    QCOMPARE(plan.size(), dag.revisionCount);
    const auto pos = positions(plan);
    QCOMPARE(pos.size(), dag.revisionCount);
    for (const auto& r : dag.revisions) {
        for (const auto& p : r.downRevision)
            QVERIFY2(pos.at(p) < pos.at(r.revision), (p + " must come before " + r.revision).c_str());
        for (const auto& d : r.dependsOn)
            QVERIFY2(pos.at(d) < pos.at(r.revision), (d + " must come before " + r.revision).c_str());
    }
    QVERIFY(planUpgrade(graph, plan, "heads").empty());
}

void TstRevisionGraph::downgradeBaseRevertsChildrenFirst()
{
    QFETCH(QString, file);
    const AlembicDag dag = readAlembicDag(dagPath(file));
    QTemporaryDir dir;
    const RevisionGraph graph = loadThroughFiles(dag, dir);

    const auto applied = planUpgrade(graph, {}, "heads");
    const auto plan = planDowngrade(graph, applied, "base");
    QCOMPARE(plan.size(), dag.revisionCount);
    const auto pos = positions(plan);
    QCOMPARE(pos.size(), dag.revisionCount);
    for (const auto& r : dag.revisions) {
        for (const auto& p : r.downRevision)
            QVERIFY2(pos.at(r.revision) < pos.at(p), (r.revision + " must be reverted before " + p).c_str());
        for (const auto& d : r.dependsOn)
            QVERIFY2(pos.at(r.revision) < pos.at(d), (r.revision + " must be reverted before " + d).c_str());
    }
    QVERIFY(planDowngrade(graph, {}, "base").empty());
}

// Two checkouts listing files differently must agree on the order revisions run in.
void TstRevisionGraph::topoOrderIgnoresFileOrder()
{
    QFETCH(QString, file);
    const AlembicDag dag = readAlembicDag(dagPath(file));
    auto migrations = toMigrations(dag);
    const RevisionGraph forward(migrations);
    std::reverse(migrations.begin(), migrations.end());
    const RevisionGraph backward(migrations);
    QCOMPARE(backward.topoOrder(), forward.topoOrder());
}

void TstRevisionGraph::everyIdResolvesToItself()
{
    QFETCH(QString, file);
    const AlembicDag dag = readAlembicDag(dagPath(file));
    const RevisionGraph graph(toMigrations(dag));
    for (const auto& r : dag.revisions) {
        QCOMPARE(graph.resolve(r.revision), r.revision);
        // The shortest prefix (4+) no other id shares resolves to the revision.
        for (std::size_t len = 4; len < r.revision.size(); ++len) {
            const std::string prefix = r.revision.substr(0, len);
            const bool digits = prefix.find_first_not_of("0123456789") == std::string::npos;
            const auto sharing = std::count_if(dag.revisions.begin(), dag.revisions.end(), [&](const auto& o) {
                return o.revision.compare(0, len, prefix) == 0;
            });
            if (sharing == 1 && !digits) {
                QCOMPARE(graph.resolve(prefix), r.revision);
                break;
            }
        }
    }
}

// airflow's b1b348e02d07 lists 75d5ed6c2b43 both as down_revision and depends_on.
void TstRevisionGraph::dependsOnRepeatingParentIsDroppedWithWarning()
{
    const AlembicDag dag = readAlembicDag(dagPath("airflow.json"));
    QTemporaryDir dir;
    const RevisionGraph graph = loadThroughFiles(dag, dir);
    const Migration& m = graph.at("b1b348e02d07");
    QCOMPARE(m.downRevision, std::vector<std::string>{"75d5ed6c2b43"});
    QVERIFY(m.dependsOn.empty());
    const auto warnings = graph.warnings();
    QCOMPARE(warnings.size(), std::size_t(1));
    QVERIFY2(warnings[0].find("75d5ed6c2b43") != std::string::npos, warnings[0].c_str());
    QVERIFY2(warnings[0].find(m.file) != std::string::npos, warnings[0].c_str());

    // Built in code (no file), the graph drops it the same way.
    const RevisionGraph inMemory(toMigrations(dag));
    QVERIFY(inMemory.at("b1b348e02d07").dependsOn.empty());
    QCOMPARE(inMemory.warnings().size(), std::size_t(1));
}

void TstRevisionGraph::nonHexFourCharacterIdLoads()
{
    const AlembicDag dag = readAlembicDag(dagPath("neutron.json"));
    QTemporaryDir dir;
    const RevisionGraph graph = loadThroughFiles(dag, dir);
    QCOMPARE(graph.bases(), std::vector<std::string>{"kilo"});
    QCOMPARE(graph.topoOrder().front(), std::string("kilo"));
    QCOMPARE(graph.resolve("kilo"), std::string("kilo"));
    QVERIFY(graph.ancestors("kilo").empty());
    QCOMPARE(graph.descendants("kilo").size(), graph.size() - 1);
}

// neutron and keystone split into expand/contract branches, each labelled.
void TstRevisionGraph::branchLabelsResolveToTheirHeads()
{
    for (const char* file : {"neutron.json", "keystone.json"}) {
        const RevisionGraph graph(toMigrations(readAlembicDag(dagPath(file))));
        const auto heads = graph.heads();
        QCOMPARE(heads.size(), std::size_t(2));
        const std::string expand = graph.resolve("expand@head");
        const std::string contract = graph.resolve("contract@head");
        QVERIFY(expand != contract);
        QCOMPARE(asSet(std::vector<std::string>{expand, contract}), asSet(heads));
        // The labelled revision is an ancestor of its branch's head.
        const auto expandAncestors = asSet(graph.ancestorsInclusive(expand));
        QVERIFY(expandAncestors.count(graph.findBranchLabel("expand")->revision));
        QVERIFY(!graph.findBranchLabel("nope"));
        QVERIFY_THROWS_EXCEPTION(InputError, graph.resolve("nope@head"));

        // Upgrading one branch leaves the other's pending revisions alone.
        const auto plan = planUpgrade(graph, {}, "expand@head");
        QCOMPARE(plan.back(), expand);
        QCOMPARE(asSet(plan), expandAncestors);
    }
}

void TstRevisionGraph::branchLabelNamedNoneIsJustALabel()
{
    const RevisionGraph graph(toMigrations(readAlembicDag(dagPath("airflow-main-squashed.json"))));
    QCOMPARE(graph.findBranchLabel("None")->revision, std::string("d59cbbef95eb"));
    QCOMPARE(graph.resolve("None@head"), graph.heads().front());
    QCOMPARE(graph.bases().size(), std::size_t(1));
}

void TstRevisionGraph::sharedFourCharacterPrefixIsAmbiguous()
{
    const RevisionGraph graph(toMigrations(readAlembicDag(dagPath("quay.json"))));
    try {
        graph.resolve("c3d4");
        QFAIL("an ambiguous prefix resolved");
    } catch (const InputError& e) {
        const std::string message = e.what();
        QVERIFY2(message.find("c3d4e5f6a7b8") != std::string::npos, message.c_str());
        QVERIFY2(message.find("c3d4b7ebcdf7") != std::string::npos, message.c_str());
    }
    QCOMPARE(graph.resolve("c3d4e"), std::string("c3d4e5f6a7b8"));
    QCOMPARE(graph.resolve("c3d4b"), std::string("c3d4b7ebcdf7"));
    QVERIFY_THROWS_EXCEPTION(InputError, graph.resolve("c3d"));
}

// keystone has an all-digit id, 47147121: as a downgrade target it means the revision,
// while 4714 could mean "4714 revisions" or that id.
void TstRevisionGraph::allDigitIdBeatsRelativeCount()
{
    const RevisionGraph graph(toMigrations(readAlembicDag(dagPath("keystone.json"))));
    const auto applied = planUpgrade(graph, {}, "heads");
    // Downgrading to a revision reverts only what descends from it (DESIGN.md).
    const auto plan = planDowngrade(graph, applied, "47147121");
    QCOMPARE(asSet(plan), asSet(graph.descendants("47147121")));
    QVERIFY(!plan.empty());
    try {
        planDowngrade(graph, applied, "4714");
        QFAIL("4714 was not refused as ambiguous");
    } catch (const InputError& e) {
        QVERIFY2(std::string(e.what()).find("47147121") != std::string::npos, e.what());
    }
    QCOMPARE(planDowngrade(graph, applied, "2").size(), std::size_t(2));
}

void TstRevisionGraph::mergeWithFourParents()
{
    const AlembicDag dag = readAlembicDag(dagPath("airflow.json"));
    const RevisionGraph graph(toMigrations(dag));
    std::size_t merges = 0, widest = 0;
    for (const auto& r : dag.revisions) {
        merges += r.downRevision.size() > 1;
        widest = std::max(widest, r.downRevision.size());
    }
    QCOMPARE(widest, std::size_t(4));
    QCOMPARE(graph.mergePoints().size(), merges);
    for (const auto& id : graph.mergePoints())
        for (const auto& p : graph.parents(id)) {
            const auto children = graph.children(p);
            QVERIFY(std::find(children.begin(), children.end(), id) != children.end());
        }
    QVERIFY(!graph.branchPoints().empty());
}

// The graph's index-level edges, topoOrder, heads, branch and merge points and
// ancestors, against a slow reference computed here from the loaded files alone (what
// the graph computed before it was made O(revisions), issue 12): every position list in
// topoOrder, requirements sorted and each once.
void TstRevisionGraph::edgesAndOrderMatchAReferenceBuiltFromTheFiles()
{
    QFETCH(QString, file);
    const AlembicDag dag = readAlembicDag(dagPath(file));
    QTemporaryDir dir;
    const RevisionGraph graph = loadThroughFiles(dag, dir);
    const auto& migrations = graph.migrations();
    const std::size_t n = migrations.size();

    // topoOrder: Kahn's algorithm by scanning, the ready revision with the least
    // (createdAt, id) first.
    std::map<std::string, const Migration*> byId;
    for (const Migration& m : migrations)
        byId[m.revision] = &m;
    auto needs = [&](const Migration& m) {
        std::set<std::string> all(m.downRevision.begin(), m.downRevision.end());
        all.insert(m.dependsOn.begin(), m.dependsOn.end());
        return all;
    };
    std::set<std::string> placed;
    std::vector<std::string> order;
    while (order.size() < n) {
        const Migration* next = nullptr;
        for (const auto& [id, m] : byId) {
            if (placed.count(id))
                continue;
            const auto required = needs(*m);
            const bool ready = std::all_of(required.begin(), required.end(),
                                           [&](const std::string& r) { return placed.count(r) > 0; });
            if (ready && (!next || std::tie(m->createdAt, m->revision) < std::tie(next->createdAt, next->revision)))
                next = m;
        }
        QVERIFY(next);
        placed.insert(next->revision);
        order.push_back(next->revision);
    }
    QCOMPARE(graph.topoOrder(), order);

    const auto pos = positions(order);
    std::vector<std::string> heads, branchPoints, mergePoints;
    for (std::size_t i = 0; i < n; ++i) {
        const Migration& m = migrations[i];
        std::vector<std::size_t> parents, children, requirements, dependents;
        for (const auto& p : m.downRevision)
            parents.push_back(pos.at(p));
        for (const auto& r : needs(m))
            requirements.push_back(pos.at(r));
        std::sort(requirements.begin(), requirements.end());
        for (std::size_t j = 0; j < n; ++j) {
            const auto& down = migrations[j].downRevision;
            if (std::find(down.begin(), down.end(), m.revision) != down.end())
                children.push_back(j);
            if (needs(migrations[j]).count(m.revision))
                dependents.push_back(j);
        }
        QCOMPARE(graph.parentIndexes(i), parents);
        QCOMPARE(graph.childIndexes(i), children);
        QCOMPARE(graph.requirementIndexes(i), requirements);
        QCOMPARE(graph.dependentIndexes(i), dependents);
        if (children.empty())
            heads.push_back(m.revision);
        if (children.size() > 1)
            branchPoints.push_back(m.revision);
        if (parents.size() > 1)
            mergePoints.push_back(m.revision);

        // Ancestors through parents and dependsOn, by a recursive walk, in topoOrder.
        std::set<std::string> seen;
        std::function<void(const std::string&)> walk = [&](const std::string& id) {
            for (const auto& r : needs(*byId.at(id)))
                if (seen.insert(r).second)
                    walk(r);
        };
        walk(m.revision);
        std::vector<std::string> ancestors(seen.begin(), seen.end());
        std::sort(ancestors.begin(), ancestors.end(),
                  [&](const std::string& a, const std::string& b) { return pos.at(a) < pos.at(b); });
        QCOMPARE(graph.ancestors(m.revision), ancestors);
    }
    QCOMPARE(graph.heads(), heads);
    QCOMPARE(graph.branchPoints(), branchPoints);
    QCOMPARE(graph.mergePoints(), mergePoints);
}

QTEST_APPLESS_MAIN(TstRevisionGraph)
#include "tst_revision_graph.moc"
