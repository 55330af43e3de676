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

#include "core/ir/errors.h"
#include "core/revision/plan.h"
#include "core/revision/revision_graph.h"

#include <QTest>

#include <algorithm>
#include <functional>

using namespace tempest;
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
    // Reverting to one side of the merge reverts the merge and the other branch only.
    QTest::newRow("id keeps its ancestors") << everything() << "eeee0005"
                                            << Ids{"20240001", "cccc9999", "hhhh0008", "mmmm0007", "ffff0006",
                                                   "dddd0004"};
    QTest::newRow("dependent goes with its dependency")
        << everything() << "ffff0006"
        << Ids{"20240001", "cccc9999", "hhhh0008", "mmmm0007", "eeee0005", "cccc0003"};
    QTest::newRow("prefix target") << everything() << "mmmm" << Ids{"20240001", "cccc9999", "hhhh0008"};
    QTest::newRow("label@head target") << everything() << "side@head"
                                       << Ids{"hhhh0008", "mmmm0007", "ffff0006", "eeee0005", "dddd0004"};
    QTest::newRow("all-digit id is the revision") << everything() << "20240001"
                                                  << Ids{"hhhh0008", "mmmm0007", "ffff0006", "eeee0005", "dddd0004"};
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
    QTest::newRow("downgrade merge to one side") << "hhhh0008" << "ffff0006" << true
                                                 << Ids{"hhhh0008", "mmmm0007", "eeee0005", "cccc0003"};
    QTest::newRow("downgrade with dependsOn") << "20240001" << "bbbb0002" << true
                                              << Ids{"20240001", "cccc9999", "cccc0003"};
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

QTEST_APPLESS_MAIN(TstPlan)
#include "tst_plan.moc"
