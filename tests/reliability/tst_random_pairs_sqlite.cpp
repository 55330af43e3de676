// Random schema pairs on real SQLite files (issue 9: "test combinations, not examples"):
// TEMPEST_RANDOM_PAIRS pairs (default 300, the CI's short form; the long form sets
// 10000), seeds from TEMPEST_RANDOM_SEED (default 1) on; a failure is shrunk to a minimal
// pair and printed with its seed, so `TEMPEST_RANDOM_SEED=N TEMPEST_RANDOM_PAIRS=1`
// reproduces it.
#include "pair_harness.h"

#include <QtTest>

using namespace tempest::test;

class TestRandomPairsSqlite : public QObject {
    Q_OBJECT

private slots:
    void pairsHold();
};

void TestRandomPairsSqlite::pairsHold()
{
    unsigned tested = 0;
    if (auto failure = checkRandomPairs(GeneratorDialect::Sqlite, sqlitePairProperty, tested))
        QFAIL(failure->c_str());
    qInfo("%u random schema pairs hold on SQLite", tested);
}

TEMPEST_RANDOM_PAIRS_MAIN(TestRandomPairsSqlite)
#include "tst_random_pairs_sqlite.moc"
