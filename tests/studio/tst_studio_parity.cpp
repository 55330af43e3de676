// The same projects through the CLI verbs (the real tempest-migrate binary) and through
// Tempest Studio's code path (MainWindow and its dialogs, offscreen) give identical
// operations, identical status findings and identical SQL.
//
// Projects: the real Chinook and Northwind SQLite schemas (tests/data/schemas), loaded
// with the sqlite3 shell, introspected by `tempest-migrate introspect` into models.json,
// a first revision written by `revision --autogenerate` and applied by `upgrade`; then a
// dozen model edits each (renames with renamedFrom, widenings, enum columns and values,
// index and FK changes, columns added, dropped and made NOT NULL).
#include "cli_shell.h"
#include "cli_test_project.h"

#include "core/ir/json.h"
#include "studio/findings_list.h"
#include "studio/generate_migration_dialog.h"
#include "studio/main_window.h"
#include "studio/revision_graph_model.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <functional>
#include <regex>

using namespace tempest;
using namespace tempest::studio;
using namespace tempest::test;

namespace {

using ModelEdit = std::function<void(Json& models)>;

// --- model edits on IR JSON -------------------------------------------------------

Json& tableOf(Json& models, const std::string& table) { return models["tables"][table]; }
Json& columnOf(Json& models, const std::string& table, const std::string& column)
{
    return tableOf(models, table)["columns"][column];
}

/// `object` with key `from` replaced by `to` in place (order kept).
Json renamedKey(const Json& object, const std::string& from, const std::string& to)
{
    Json out = Json::object();
    for (const auto& [key, value] : object.items())
        out[key == from ? to : key] = value;
    return out;
}

void renameInList(Json& list, const std::string& from, const std::string& to)
{
    for (Json& item : list)
        if (item.is_string() && item.get<std::string>() == from)
            item = to;
}

/// A column renamed in the models with its renamedFrom hint; the table's own indexes,
/// uniques, FKs and primary key, and FKs pointing at it, follow.
void renameColumn(Json& models, const std::string& table, const std::string& from, const std::string& to)
{
    Json& t = tableOf(models, table);
    t["columns"] = renamedKey(t["columns"], from, to);
    t["columns"][to]["renamedFrom"] = from;
    if (t.contains("primaryKey"))
        renameInList(t["primaryKey"], from, to);
    for (const char* section : {"indexes", "uniques", "foreignKeys"})
        if (t.contains(section))
            for (auto& [name, item] : t[section].items())
                renameInList(item["columns"], from, to);
    for (auto& [name, other] : models["tables"].items())
        if (other.contains("foreignKeys"))
            for (auto& [fkName, fk] : other["foreignKeys"].items())
                if (fk["refTable"] == table)
                    renameInList(fk["refColumns"], from, to);
}

/// A table renamed with its renamedFrom hint; FKs pointing at it follow.
void renameTable(Json& models, const std::string& from, const std::string& to)
{
    models["tables"] = renamedKey(models["tables"], from, to);
    models["tables"][to]["renamedFrom"] = from;
    for (auto& [name, table] : models["tables"].items())
        if (table.contains("foreignKeys"))
            for (auto& [fkName, fk] : table["foreignKeys"].items())
                if (fk["refTable"] == from)
                    fk["refTable"] = to;
}

/// The name of `table`'s FK on exactly `columns` (introspection synthesises the names).
std::string foreignKeyOn(Json& models, const std::string& table, const std::vector<std::string>& columns)
{
    for (const auto& [name, fk] : tableOf(models, table)["foreignKeys"].items())
        if (fk["columns"].get<std::vector<std::string>>() == columns)
            return name;
    throw std::runtime_error("no FK on " + table);
}

/// A new enum `name` and a column of it with a default.
void addEnumColumn(Json& models, const std::string& name, const std::vector<std::string>& values,
                   const std::string& table, const std::string& column)
{
    if (!models.contains("enums"))
        models["enums"] = Json::object();
    models["enums"][name] = values;
    columnOf(models, table, column) = Json{{"type", "enum"}, {"enum", name}, {"default", {{"value", values.front()}}}};
}

void addIndex(Json& models, const std::string& table, const std::string& name, const std::string& column)
{
    Json& t = tableOf(models, table);
    if (!t.contains("indexes"))
        t["indexes"] = Json::object();
    t["indexes"][name] = Json{{"columns", {column}}};
}

// --- the two real schemas and their edits ---------------------------------------

/// One model edit of each kind the parity must hold for, by the names they touch.
struct Edits {
    struct { std::string table, from, to; } renameColumn;  // with renamedFrom
    struct { std::string from, to; } renameTable;          // with renamedFrom
    struct { std::string table, column; int length; } widenVarchar;
    struct { std::string table, column; } integerToBigint;
    struct { std::string name; std::vector<std::string> values; std::string table, column; } newEnumColumn;
    struct { std::string name, value; } newEnumValue;       // of an enum the baseline made
    struct { std::string table, name, column; } newIndex;
    struct { std::string table, name; } droppedIndex;
    struct { std::string table, column, name, refTable, refColumn; } newForeignKey;  // on a new column
    struct { std::string table, column; } droppedForeignKey;
    struct { std::string table, column; Json definition; } newColumn;
    struct { std::string table, column; } droppedColumn;
    struct { std::string table, column, defaultValue; } notNullWithDefault;
};

void applyEdits(Json& m, const Edits& e)
{
    renameColumn(m, e.renameColumn.table, e.renameColumn.from, e.renameColumn.to);
    renameTable(m, e.renameTable.from, e.renameTable.to);
    columnOf(m, e.widenVarchar.table, e.widenVarchar.column)["length"] = e.widenVarchar.length;
    columnOf(m, e.integerToBigint.table, e.integerToBigint.column)["type"] = "bigint";
    addEnumColumn(m, e.newEnumColumn.name, e.newEnumColumn.values, e.newEnumColumn.table, e.newEnumColumn.column);
    m["enums"][e.newEnumValue.name].push_back(e.newEnumValue.value);
    addIndex(m, e.newIndex.table, e.newIndex.name, e.newIndex.column);
    tableOf(m, e.droppedIndex.table)["indexes"].erase(e.droppedIndex.name);
    const auto& fk = e.newForeignKey;
    columnOf(m, fk.table, fk.column) = Json{{"type", "integer"}};
    tableOf(m, fk.table)["foreignKeys"][fk.name] =
        Json{{"columns", {fk.column}}, {"refTable", fk.refTable}, {"refColumns", {fk.refColumn}}};
    tableOf(m, e.droppedForeignKey.table)["foreignKeys"].erase(
        foreignKeyOn(m, e.droppedForeignKey.table, {e.droppedForeignKey.column}));
    columnOf(m, e.newColumn.table, e.newColumn.column) = e.newColumn.definition;
    tableOf(m, e.droppedColumn.table)["columns"].erase(e.droppedColumn.column);
    Json& notNull = columnOf(m, e.notNullWithDefault.table, e.notNullWithDefault.column);
    notNull["nullable"] = false;
    notNull["default"] = Json{{"value", e.notNullWithDefault.defaultValue}};
}

struct RealSchema {
    const char* file;    // under tests/data/schemas
    ModelEdit baseline;  // before the first revision (an enum to add a value to later, …)
    Edits edits;         // the dozen edits after it
};

/// How many operations the edits produce at least.
constexpr int kEditCount = 12;

RealSchema chinook()
{
    RealSchema s;
    s.file = "chinook.sqlite.sql";
    s.baseline = [](Json& m) { addEnumColumn(m, "genre_kind", {"music", "spoken"}, "Genre", "Kind"); };
    s.edits = {
        .renameColumn = {"Customer", "Company", "CompanyName"},
        .renameTable = {"MediaType", "MediaFormat"},
        .widenVarchar = {"Customer", "Email", 120},
        .integerToBigint = {"Track", "Milliseconds"},
        .newEnumColumn = {"invoice_status", {"open", "paid"}, "Invoice", "Status"},
        .newEnumValue = {"genre_kind", "video"},
        .newIndex = {"Customer", "ix_customer_email", "Email"},
        .droppedIndex = {"Track", "IFK_TrackGenreId"},
        .newForeignKey = {"Playlist", "OwnerId", "fk_playlist_owner", "Customer", "CustomerId"},
        .droppedForeignKey = {"Employee", "ReportsTo"},
        .newColumn = {"Artist", "Country", Json{{"type", "varchar"}, {"length", 40}}},
        .droppedColumn = {"Employee", "Fax"},
        .notNullWithDefault = {"Track", "Composer", "unknown"},
    };
    return s;
}

RealSchema northwind()
{
    RealSchema s;
    s.file = "northwind.sqlite.sql";
    s.baseline = [](Json& m) {
        addEnumColumn(m, "ship_status", {"pending", "shipped"}, "Orders", "Status");
        columnOf(m, "Shippers", "Phone") = Json{{"type", "varchar"}, {"length", 24}};  // all TEXT upstream
        addIndex(m, "Products", "ix_products_name", "ProductName");                     // none upstream
    };
    s.edits = {
        .renameColumn = {"Customers", "ContactTitle", "JobTitle"},
        .renameTable = {"Shippers", "Carriers"},
        .widenVarchar = {"Carriers", "Phone", 48},
        .integerToBigint = {"Products", "UnitsInStock"},
        .newEnumColumn = {"customer_tier", {"basic", "gold"}, "Customers", "Tier"},
        .newEnumValue = {"ship_status", "returned"},
        .newIndex = {"Orders", "ix_orders_date", "OrderDate"},
        .droppedIndex = {"Products", "ix_products_name"},
        .newForeignKey = {"Products", "PreferredShipperID", "fk_products_preferred_shipper", "Carriers", "ShipperID"},
        .droppedForeignKey = {"Employees", "ReportsTo"},
        .newColumn = {"Categories", "Slug", Json{{"type", "text"}}},
        .droppedColumn = {"Employees", "PhotoPath"},
        .notNullWithDefault = {"Customers", "Country", "unknown"},
    };
    return s;
}

RealSchema schemaNamed(const QString& name) { return name == QLatin1String("chinook") ? chinook() : northwind(); }

void editModels(TestProject& p, const ModelEdit& edit)
{
    Json models = Json::parse(p.readFile("models.json"));
    edit(models);
    p.writeModels(writeCanonicalJson(models));
}

/// The project of a real schema, applied: the schema loaded into scratch.db by sqlite3,
/// introspected into models.json, `baseline` applied, r1 autogenerated and upgraded into
/// app.db. "" when all went well, else what failed.
std::string makeRealProject(TestProject& p, const RealSchema& schema)
{
    p.writeConfig();
    QFile sql(QStringLiteral(TEMPEST_TEST_DATA_DIR "/schemas/") + QLatin1String(schema.file));
    if (!sql.open(QIODevice::ReadOnly))
        return "cannot read " + sql.fileName().toStdString();
    const CliRun load = runSqlite3(p.path("scratch.db"), sql.readAll().toStdString());
    if (load.exitCode != 0)
        return "sqlite3 could not load the schema:\n" + load.describe();
    const CliRun introspect = p.run({"--database", QString::fromStdString(p.path("scratch.db")), "introspect"});
    if (introspect.exitCode != 0)
        return "introspect failed:\n" + introspect.describe();
    p.writeModels(introspect.out);
    editModels(p, schema.baseline);
    for (const QStringList& args : {QStringList{"revision", "--autogenerate", "-m", "initial", "--rev-id", "r1"},
                                    QStringList{"upgrade"}, QStringList{"check"}}) {
        const CliRun run = p.run(args);
        if (run.exitCode != 0)
            return args.join(' ').toStdString() + " failed:\n" + run.describe();
    }
    return {};
}

/// A project where one column of `people` holds data: r1 creates it, rows are inserted.
void makePeopleProject(TestProject& p)
{
    p.writeConfig();
    p.writeModels(singleTableModels("people", {"nickname"}));
    p.writeMigration("r1", {}, "people", {createTableOp("people", R"("nickname": {"type": "text"})")});
}

// --- the CLI side --------------------------------------------------------------------

/// The `result` of a --json run (null when the output is no JSON).
Json jsonResult(const CliRun& run)
{
    try {
        return Json::parse(run.out)["result"];
    } catch (const std::exception&) {
        return nullptr;
    }
}

QStringList stringsOf(const Json& array)
{
    QStringList out;
    if (array.is_array())
        for (const Json& item : array)
            out << QString::fromStdString(item.get<std::string>());
    return out;
}

/// "kind | subject | text" per finding of `check --json`.
QStringList cliFindings(const TestProject& p)
{
    const CliRun check = p.run({"--json", "check"});
    QStringList out;
    const Json result = jsonResult(check);
    if (result.is_null() || !result.contains("findings"))
        return {QStringLiteral("no findings in: ") + QString::fromStdString(check.describe())};
    for (const Json& f : result["findings"])
        out << QString::fromStdString(f["kind"].get<std::string>() + " | " + f["subject"].get<std::string>() + " | " +
                                      f["text"].get<std::string>());
    return out;
}

/// `sql` with the version rows' applied_at literals (the time the SQL was rendered)
/// replaced by a placeholder: two renderings a second apart are the same SQL.
std::string withoutAppliedAt(const std::string& sql)
{
    static const std::regex timestamp("'[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z'");
    return std::regex_replace(sql, timestamp, "'<applied_at>'");
}

/// True when the two SQL texts are equal but for applied_at; otherwise prints where they
/// differ and both texts.
bool sameSql(const std::string& aText, const std::string& aName, const std::string& bText, const std::string& bName)
{
    const std::string a = withoutAppliedAt(aText), b = withoutAppliedAt(bText);
    const std::string difference = firstDifference(a, b, aName, bName);
    if (difference.empty())
        return true;
    qWarning().noquote() << QString::fromStdString("differ at " + difference + "\n--- " + aName + ":\n" + a + "\n--- " +
                                                   bName + ":\n" + b);
    return false;
}

// --- the Studio side -----------------------------------------------------------------

/// The "up" operations of the migration the Generate dialog previews (its first file:
/// a "// <file name>" line, then the JSON).
Json previewedUp(const QObject* dialog)
{
    const QString text = dialog->findChild<QPlainTextEdit*>(QStringLiteral("previewEdit"))->toPlainText();
    try {
        return Json::parse(text.mid(text.indexOf(QLatin1Char('\n')) + 1).toStdString())["up"];
    } catch (const std::exception& e) {
        return std::string("no JSON in the preview: ") + e.what() + "\n" + text.toStdString();
    }
}

/// MainWindow opened on a project, driven through its widgets.
class Studio {
public:
    bool open(const std::string& projectFile)
    {
        QSignalSpy loaded(&m_window, &MainWindow::snapshotLoaded);
        m_window.openProject(QString::fromStdString(projectFile));
        m_window.show();
        return loaded.wait(60000);
    }
    bool refresh()
    {
        QSignalSpy loaded(&m_window, &MainWindow::snapshotLoaded);
        m_window.refresh();
        return loaded.wait(60000);
    }
    template <typename T>
    T* child(const char* name) const { return m_window.findChild<T*>(QLatin1String(name)); }
    const MainWindow& window() const { return m_window; }

    /// "kind | subject | text" per finding of the snapshot's status.
    QStringList snapshotFindings() const
    {
        QStringList out;
        for (const Finding& f : m_window.snapshot().status.findings)
            out << QString::fromStdString(std::string(findingKindName(f.kind)) + " | " + f.subject + " | " + f.text);
        return out;
    }
    /// The same read from the findings list's rows (kind and subject roles, the text after
    /// the kind's label).
    QStringList listedFindings() const
    {
        QStringList out;
        auto* list = child<QListWidget>("findingsList");
        for (int i = 0; list && i < list->count(); ++i) {
            const QListWidgetItem* item = list->item(i);
            const QString kind = item->data(FindingsList::KindRole).toString();
            QString text = item->text();
            const int colon = text.indexOf(QStringLiteral(": "));
            text = colon < 0 ? QStringLiteral("<no kind label in \"%1\">").arg(text) : text.mid(colon + 2);
            out << kind + QStringLiteral(" | ") + item->data(FindingsList::SubjectRole).toString() +
                       QStringLiteral(" | ") + text;
        }
        return out;
    }
    QString driftLabel() const { return child<QLabel>("driftLabel")->text(); }

    /// Opens "Generate migration…" and returns the dialog (null when it did not open).
    GenerateMigrationDialog* openGenerate()
    {
        m_window.findChild<QAction*>(QStringLiteral("generateMigrationAction"))->trigger();
        GenerateMigrationDialog* dialog = nullptr;
        for (int i = 0; i < 500 && !dialog; ++i) {
            dialog = m_window.findChild<GenerateMigrationDialog*>();
            if (!dialog)
                QTest::qWait(20);
        }
        return dialog;
    }
    /// Closes a dialog and waits until it is gone (it deletes itself on close).
    static bool closeDialog(GenerateMigrationDialog* dialog)
    {
        QPointer<GenerateMigrationDialog> guard(dialog);
        dialog->reject();
        for (int i = 0; i < 100 && guard; ++i)
            QTest::qWait(20);
        return guard.isNull();
    }
    static QStringList rows(const QListWidget* list)
    {
        QStringList out;
        for (int i = 0; list && i < list->count(); ++i)
            out << list->item(i)->text();
        return out;
    }

    /// Selects `revision` in the DAG, clicks "Show SQL" and returns the preview's text.
    QString showSql(const QString& revision)
    {
        auto* dag = child<QListView>("dagView");
        for (int r = 0; r < dag->model()->rowCount(); ++r) {
            const QModelIndex index = dag->model()->index(r, 0);
            if (index.data(RevisionGraphModel::RevisionIdRole).toString() != revision)
                continue;
            dag->scrollTo(index);
            QTest::mouseClick(dag->viewport(), Qt::LeftButton, {}, dag->visualRect(index).center());
            if (dag->currentIndex() != index)
                return QStringLiteral("<could not select %1>").arg(revision);
            QSignalSpy shown(&m_window, &MainWindow::revisionSqlShown);
            QTest::mouseClick(child<QPushButton>("showSqlButton"), Qt::LeftButton);
            if (!shown.wait(60000) || shown.last().at(0).toString() != revision)
                return QStringLiteral("<no SQL shown for %1>").arg(revision);
            return child<QPlainTextEdit>("sqlPreview")->toPlainText();
        }
        return QStringLiteral("<no revision %1 in the DAG>").arg(revision);
    }

private:
    MainWindow m_window;
};

} // namespace

class TestStudioParity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void operationsFindingsAndSqlMatchTheCli_data();
    void operationsFindingsAndSqlMatchTheCli();
    void showSqlIsWhatTheRunExecutes_data();
    void showSqlIsWhatTheRunExecutes();
    void eachFindingKindIsShownOnItsOwn_data();
    void eachFindingKindIsShownOnItsOwn();
    void generateAsksAboutRenameCandidates();

private:
    /// Findings of the CLI, of Studio's snapshot and of its findings list are equal.
    static void compareFindings(const TestProject& p, const Studio& studio);
};

void TestStudioParity::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tempest-db-tests"));
    qunsetenv("TEMPEST_DATABASE");
    QVERIFY2(!sqlite3Shell().isEmpty(), "the sqlite3 shell (Debian package sqlite3) is not on PATH");
}

void TestStudioParity::compareFindings(const TestProject& p, const Studio& studio)
{
    const QStringList cli = cliFindings(p);
    QCOMPARE(studio.snapshotFindings(), cli);
    QCOMPARE(studio.listedFindings(), cli);
    const QString label = studio.driftLabel();
    if (!cli.isEmpty())
        QVERIFY2(!label.contains(QLatin1String("No drift")), qPrintable(label + '\n' + cli.join('\n')));
    else
        QVERIFY2(label.contains(QLatin1String("No drift")), qPrintable(label));
}

void TestStudioParity::operationsFindingsAndSqlMatchTheCli_data()
{
    QTest::addColumn<QString>("schema");
    QTest::newRow("chinook") << QStringLiteral("chinook");
    QTest::newRow("northwind") << QStringLiteral("northwind");
}

void TestStudioParity::operationsFindingsAndSqlMatchTheCli()
{
    QFETCH(QString, schema);
    const RealSchema real = schemaNamed(schema);
    TestProject p;
    const std::string made = makeRealProject(p, real);
    QVERIFY2(made.empty(), made.c_str());
    editModels(p, [&](Json& m) { applyEdits(m, real.edits); });

    Studio studio;
    QVERIFY(studio.open(p.path("tempest.json")));
    QVERIFY2(studio.window().snapshot().error.isEmpty(), qPrintable(studio.window().snapshot().error));
    // Uncaptured model changes (and the drift they are from the database).
    compareFindings(p, studio);
    if (QTest::currentTestFailed())
        return;

    // (1) Operations: Studio's Generate dialog, then the CLI writes them as r2.
    GenerateMigrationDialog* dialog = studio.openGenerate();
    QVERIFY(dialog);
    const QStringList studioOps = Studio::rows(dialog->findChild<QListWidget*>(QStringLiteral("operationList")));
    const Json studioUp = previewedUp(dialog);
    QVERIFY(Studio::closeDialog(dialog));
    const CliRun revision = p.run({"--json", "revision", "--autogenerate", "-m", "x", "--rev-id", "r2"});
    QVERIFY2(revision.exitCode == 0, revision.describe().c_str());
    const QStringList cliOps = stringsOf(jsonResult(revision)["operations"]);
    QVERIFY2(cliOps.size() >= kEditCount, qPrintable(cliOps.join('\n')));
    QCOMPARE(studioOps, cliOps);
    // Not only their descriptions: the operations the two would write are the same JSON.
    const Json cliUp = Json::parse(p.readFile("migrations/r2_x.json"))["up"];
    QCOMPARE(QString::fromStdString(studioUp.dump(2)), QString::fromStdString(cliUp.dump(2)));
    for (const char* expected : {"rename column", "rename table"})
        QVERIFY2(cliOps.join('\n').contains(QLatin1String(expected)), qPrintable(cliOps.join('\n')));

    // (2) Findings: r2 pending.
    QVERIFY(studio.refresh());
    compareFindings(p, studio);
    QVERIFY(!studio.window().snapshot().status.findingsOf(FindingKind::Pending).empty());

    // (3) SQL: `upgrade heads --sql` and the head's "Show SQL".
    const CliRun sql = p.run({"upgrade", "heads", "--sql"});
    QVERIFY2(sql.exitCode == 0, sql.describe().c_str());
    QVERIFY(sameSql(studio.showSql(QStringLiteral("r2")).toStdString(), "Studio's Show SQL", sql.out, "the CLI's --sql"));

    // And once applied, both say the same: nothing is off; r1's "Show SQL" is what
    // "Downgrade to here" runs, `downgrade r1 --sql`.
    const CliRun upgrade = p.run({"upgrade"});
    QVERIFY2(upgrade.exitCode == 0, upgrade.describe().c_str());
    QVERIFY(studio.refresh());
    compareFindings(p, studio);
    const CliRun downSql = p.run({"downgrade", "r1", "--sql"});
    QVERIFY2(downSql.exitCode == 0 && contains(downSql.out, "DELETE FROM"), downSql.describe().c_str());
    QVERIFY(sameSql(studio.showSql(QStringLiteral("r1")).toStdString(), "Studio's Show SQL", downSql.out, "the CLI's --sql"));
}

void TestStudioParity::showSqlIsWhatTheRunExecutes_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QString>("revision");
    QTest::addColumn<QString>("mustShow");
    // A view and a trigger made by hand (not by a migration) on a table the next revision
    // rebuilds: the run recreates them from the live schema.
    QTest::newRow("objects only the database has") << "hand-made" << "r2" << "CREATE TRIGGER trg_track_name";
    // r1, a, a2 and b applied (seq 1 to 4), then a2 reverted: the run numbers a2's row
    // after the highest seq left (4), not after the count of applied revisions (3).
    QTest::newRow("a reverted branch, seq past the count") << "branch" << "a2" << ", 5);";
}

void TestStudioParity::showSqlIsWhatTheRunExecutes()
{
    QFETCH(QString, situation);
    QFETCH(QString, revision);
    QFETCH(QString, mustShow);
    TestProject p;
    if (situation == QLatin1String("hand-made")) {
        const std::string made = makeRealProject(p, chinook());
        QVERIFY2(made.empty(), made.c_str());
        const CliRun byHand = runSqlite3(p.dbPath(),
                                         "CREATE VIEW v_long_tracks AS SELECT Name, Milliseconds FROM Track "
                                         "WHERE Milliseconds > 600000;\n"
                                         "CREATE TRIGGER trg_track_name AFTER UPDATE OF Name ON Track "
                                         "BEGIN UPDATE Album SET Title = Title WHERE AlbumId = NEW.AlbumId; END;\n");
        QVERIFY2(byHand.exitCode == 0, byHand.describe().c_str());
        editModels(p, [](Json& m) { columnOf(m, "Track", "Milliseconds")["type"] = "bigint"; });
        const CliRun r2 = p.run({"revision", "--autogenerate", "-m", "longer tracks", "--rev-id", "r2"});
        QVERIFY2(r2.exitCode == 0, r2.describe().c_str());
    } else {
        p.writeConfig();
        p.writeModels(singleTableModels("t", {"a", "b"}));
        p.writeMigration("r1", {}, "t", {createTableOp("t")});
        p.writeMigration("a", {"r1"}, "column a", {addColumnOp("t", "a")});
        p.writeMigration("a2", {"a"}, "a2", {executeOp("UPDATE t SET a = 'x'", "UPDATE t SET a = NULL")});
        p.writeMigration("b", {"r1"}, "column b", {addColumnOp("t", "b")});
        for (const char* target : {"a", "a2", "b"}) {
            const CliRun run = p.run({"upgrade", target});
            QVERIFY2(run.exitCode == 0, run.describe().c_str());
        }
        const CliRun revert = p.run({"downgrade", "a"});  // reverts a2, its descendant
        QVERIFY2(revert.exitCode == 0, revert.describe().c_str());
    }

    const CliRun sql = p.run({"upgrade", revision, "--sql"});
    QVERIFY2(sql.exitCode == 0, sql.describe().c_str());
    QVERIFY2(contains(sql.out, mustShow.toStdString()), sql.out.c_str());
    Studio studio;
    QVERIFY(studio.open(p.path("tempest.json")));
    QVERIFY(sameSql(studio.showSql(revision).toStdString(), "Studio's Show SQL", sql.out, "the CLI's --sql"));
}

void TestStudioParity::eachFindingKindIsShownOnItsOwn_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<QStringList>("kinds");  // of the findings, in order, duplicates folded
    QTest::addColumn<QString>("labelWords");
    QTest::newRow("clean") << "clean" << QStringList{} << "No drift";
    QTest::newRow("pending revision") << "pending" << QStringList{"pending"} << "pending";
    // A model change not in a migration is also drift: the database lacks it.
    QTest::newRow("uncaptured model change") << "uncaptured" << QStringList{"drift", "uncaptured"}
                                             << "not in a migration";
    QTest::newRow("drift made with sqlite3") << "drift" << QStringList{"drift"} << "Drift";
    QTest::newRow("applied migration edited") << "edited" << QStringList{"edited"} << "edited";
}

void TestStudioParity::eachFindingKindIsShownOnItsOwn()
{
    QFETCH(QString, situation);
    QFETCH(QStringList, kinds);
    QFETCH(QString, labelWords);
    TestProject p;
    const std::string made = makeRealProject(p, chinook());
    QVERIFY2(made.empty(), made.c_str());

    if (situation == QLatin1String("pending")) {
        editModels(p, [](Json& m) { columnOf(m, "Artist", "Country") = Json{{"type", "text"}}; });
        const CliRun r = p.run({"revision", "--autogenerate", "-m", "artist country", "--rev-id", "r2"});
        QVERIFY2(r.exitCode == 0, r.describe().c_str());
    } else if (situation == QLatin1String("uncaptured")) {
        editModels(p, [](Json& m) { columnOf(m, "Artist", "Country") = Json{{"type", "text"}}; });
    } else if (situation == QLatin1String("drift")) {
        const CliRun r = runSqlite3(p.dbPath(), "ALTER TABLE Artist ADD COLUMN Country TEXT;");
        QVERIFY2(r.exitCode == 0, r.describe().c_str());
    } else if (situation == QLatin1String("edited")) {
        // The applied file's `down` changes: the replay is the same, the checksum is not.
        Json r1 = Json::parse(p.readFile("migrations/r1_initial.json"));
        r1["down"].push_back(Json{{"kind", "execute"}, {"up", {{"sqlite", "SELECT 1"}}}});
        p.writeFile("migrations/r1_initial.json", writeCanonicalJson(r1));
    }

    Studio studio;
    QVERIFY(studio.open(p.path("tempest.json")));
    compareFindings(p, studio);
    QStringList seen;
    for (const Finding& f : studio.window().snapshot().status.findings)
        if (seen.isEmpty() || seen.back() != QLatin1String(findingKindName(f.kind).data()))
            seen << QLatin1String(findingKindName(f.kind).data());
    QCOMPARE(seen, kinds);
    QVERIFY2(studio.driftLabel().contains(labelWords), qPrintable(studio.driftLabel()));
}

void TestStudioParity::generateAsksAboutRenameCandidates()
{
    TestProject p;
    makePeopleProject(p);
    QVERIFY2(p.run({"upgrade"}).exitCode == 0, "upgrade r1");
    const CliRun seed = runSqlite3(p.dbPath(), "INSERT INTO people (id, nickname) VALUES (1, 'ada'), (2, 'bob');");
    QVERIFY2(seed.exitCode == 0, seed.describe().c_str());
    // nickname → handle with the same definition and no renamedFrom: a rename candidate.
    p.writeModels(singleTableModels("people", {"handle"}));

    Studio studio;
    QVERIFY(studio.open(p.path("tempest.json")));
    GenerateMigrationDialog* dialog = studio.openGenerate();
    QVERIFY(dialog);
    auto* renames = dialog->findChild<QListWidget*>(QStringLiteral("renameList"));
    auto* ops = dialog->findChild<QListWidget*>(QStringLiteral("operationList"));
    auto* status = dialog->findChild<QLabel*>(QStringLiteral("statusLabel"));
    QVERIFY(renames && ops && status);
    QCOMPARE(renames->count(), 1);
    QVERIFY2(renames->item(0)->text().contains(QLatin1String("people")) &&
                 renames->item(0)->text().contains(QLatin1String("nickname")) &&
                 renames->item(0)->text().contains(QLatin1String("handle")),
             qPrintable(renames->item(0)->text()));
    QCOMPARE(renames->item(0)->checkState(), Qt::Unchecked);

    // Unchecked: drop + add, and the dialog says the data is lost.
    const QStringList dropAdd = Studio::rows(ops);
    QCOMPARE(dropAdd.size(), 2);
    QVERIFY2(dropAdd.join('\n').contains(QLatin1String("drop column")) &&
                 dropAdd.join('\n').contains(QLatin1String("add column")),
             qPrintable(dropAdd.join('\n')));
    QVERIFY2(status->text().contains(QLatin1String("drop + add")) && status->text().contains(QLatin1String("lost")),
             qPrintable(status->text()));

    // Checked: one rename, no warning.
    renames->item(0)->setCheckState(Qt::Checked);
    QCOMPARE(Studio::rows(ops), QStringList{QStringLiteral("rename column people.nickname -> handle")});
    QVERIFY2(!status->text().contains(QLatin1String("lost")), qPrintable(status->text()));

    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("labelEdit")), QStringLiteral("handle"));
    auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveButton"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    const QString written = dialog->writtenFile();
    QVERIFY2(written.endsWith(QLatin1String("_handle.json")), qPrintable(written));
    QVERIFY2(contains(p.readFile("migrations/" + QFileInfo(written).fileName().toStdString()), "\"rename_column\""),
             qPrintable(written));

    // The CLI applies the saved revision: the rows keep their value under the new name.
    const CliRun upgrade = p.run({"upgrade"});
    QVERIFY2(upgrade.exitCode == 0, upgrade.describe().c_str());
    QCOMPARE(p.columns("people"), (std::vector<std::string>{"id", "handle"}));
    const CliRun rows = runSqlite3(p.dbPath(), "SELECT id || ':' || handle FROM people ORDER BY id;");
    QCOMPARE(rows.out, std::string("1:ada\n2:bob\n"));
    const CliRun check = p.run({"check"});
    QVERIFY2(check.exitCode == 0, check.describe().c_str());
}

QTEST_MAIN(TestStudioParity)
#include "tst_studio_parity.moc"
