#pragma once
// The random-pair property's steps, the same on every dialect (pair_property.h says what
// it checks), and what a dialect supplies to them: PairDatabases — where its databases
// are, how a copy at A is made, its shell, its catalog, the views and triggers a user
// made by hand.

#include "core/driver/driver.h"
#include "pair_property.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace tempest::test {

/// The databases of one pair: the one the online runs use, and two at A for the scripts
/// (the FROM:TO range rendered offline, and the one rendered against the live database).
enum class PairDb { Online, Range, Live };

class PairDatabases {
public:
    virtual ~PairDatabases() = default;

    /// "sqlite" or "postgresql".
    virtual std::string dialect() const = 0;
    /// Starts a pair in the project folder `workspace`: every database empty. Returns the
    /// project file's "database" (the Online one).
    virtual std::string begin(const std::string& workspace) = 0;
    virtual std::unique_ptr<Driver> open(PairDb which) = 0;
    /// Brings every database to A with `bringToA` (upgrade to A's revision, the rows, the
    /// hand-made objects): Online, then copies of it (SQLite), or each the same way at
    /// once (PostgreSQL), which leaves the same databases.
    virtual void bringToA(const std::function<void(Driver&)>& bringToA) = 0;

    /// Views and triggers a user made by hand on A's tables (tempest keeps them).
    virtual void createHandMadeObjects(Driver& db, const SchemaPair& pair) = 0;
    /// Those objects as the catalog shows them, one per line.
    virtual std::string handMadeObjects(Driver& db) = 0;
    /// Everything the schema is made of, as the database's own catalog spells it.
    virtual std::string catalog(Driver& db) = 0;
    /// False when the offline FROM:TO script cannot rebuild exactly what the online run
    /// does (SQLite: a rebuild without the live catalog cannot recreate views and
    /// triggers, and says so in a `-- WARNING`): then only its schema and version table
    /// are compared.
    virtual bool rangeScriptKeepsCatalog() const = 0;
    /// The database's own integrity checks after a run (nullopt: clean).
    virtual std::optional<std::string> integrity(Driver& db) = 0;
    /// The dialect's own shell for one of the copies: program and arguments; it reads
    /// the script on stdin and exits non-zero on the first error.
    virtual std::pair<QString, QStringList> shell(PairDb which) const = 0;
};

/// "name" with quotes doubled: how both dialects quote an identifier.
std::string quoteSql(std::string_view name);

/// Same type, length, precision, scale, enum and custom SQL.
bool sameType(const Column& a, const Column& b);

/// (table, column) of A → (table, column) of B.
using KeptColumns = std::map<std::pair<std::string, std::string>, std::pair<std::string, std::string>>;

/// Every column of A that B has (through renamedFrom on tables and columns, under
/// DESIGN.md's rule) and for which `same(columnOfA, columnOfB)` holds, B's column naming
/// its enum as A did (through the enum's renamedFrom).
KeptColumns columnCounterparts(const Schema& a, const Schema& b, bool (*same)(const Column&, const Column&));

/// The property for one pair on `databases`; the failure, or nullopt. Never throws.
std::optional<std::string> runPairProperty(const SchemaPair& pair, PairDatabases& databases);

/// The test drivers' loop: TEMPEST_RANDOM_PAIRS pairs (default 300) from seed
/// TEMPEST_RANDOM_SEED (default 1) on; the first failure, shrunk and described with its
/// seed, or nullopt. `tested` receives the number of pairs that held.
std::optional<std::string> checkRandomPairs(GeneratorDialect dialect, const PairProperty& property,
                                            unsigned& tested);

/// QtTest stops a test function after 5 minutes, which the long form outlasts: sets
/// QTEST_FUNCTION_TIMEOUT (unless it is set) to 5 s a pair of TEMPEST_RANDOM_PAIRS, at
/// least the default. Qt reads it once, before the first test function runs.
void allowTimeForRandomPairs();

} // namespace tempest::test

/// main() of a random-pairs suite: QTEST_GUILESS_MAIN with allowTimeForRandomPairs().
#define TEMPEST_RANDOM_PAIRS_MAIN(TestObject)                                                  \
    int main(int argc, char** argv)                                                         \
    {                                                                                       \
        QCoreApplication app(argc, argv);                                                   \
        ::tempest::test::allowTimeForRandomPairs();                                         \
        TestObject test;                                                                    \
        return QTest::qExec(&test, argc, argv);                                             \
    }
