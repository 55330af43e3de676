// Random schema pairs on a real PostgreSQL 15 server (issue 9), the test cluster of the
// CTest fixture `postgres`: TEMPEST_RANDOM_PAIRS pairs (default 300, the CI's short form),
// seeds from TEMPEST_RANDOM_SEED (default 1) on, drawn with PostgreSQL's features; a
// failure is shrunk to a minimal pair and printed with its seed, so
// `TEMPEST_RANDOM_SEED=N TEMPEST_RANDOM_PAIRS=1` reproduces it. Fails (not skips) without
// the cluster unless TEMPEST_SKIP_PG=1.
#include "pair_harness.h"
#include "pg_test.h"

#include <QtTest>

using namespace tempest::test;

class TestRandomPairsPostgres : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { TEMPEST_REQUIRE_PG(); }
    void pairsHold();
};

void TestRandomPairsPostgres::pairsHold()
{
    unsigned tested = 0;
    if (auto failure = checkRandomPairs(GeneratorDialect::Postgresql, postgresPairProperty, tested))
        QFAIL(failure->c_str());
    qInfo("%u random schema pairs hold on PostgreSQL", tested);
}

TEMPEST_RANDOM_PAIRS_MAIN(TestRandomPairsPostgres)
#include "tst_random_pairs_postgres.moc"
