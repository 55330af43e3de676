#pragma once
// What the Studio-vs-CLI parity suites (tst_studio_parity on SQLite,
// tst_studio_parity_postgres on PostgreSQL) share: model edits on IR JSON, one of each
// kind the parity must hold for; reading the CLI's --json output; comparing SQL texts;
// and MainWindow driven through its widgets (offscreen) as a user would.

#include "cli_test_project.h"

#include "core/ir/json.h"
#include "studio/generate_migration_dialog.h"
#include "studio/main_window.h"

#include <QListWidget>
#include <QString>
#include <QStringList>

#include <functional>
#include <string>
#include <vector>

namespace tempest::test::parity {

using studio::GenerateMigrationDialog;
using studio::MainWindow;

using ModelEdit = std::function<void(Json& models)>;

// --- model edits on IR JSON -------------------------------------------------------

Json& tableOf(Json& models, const std::string& table);
Json& columnOf(Json& models, const std::string& table, const std::string& column);
/// A column renamed in the models with its renamedFrom hint; the table's own indexes,
/// uniques, FKs and primary key, and FKs pointing at it, follow.
void renameColumn(Json& models, const std::string& table, const std::string& from, const std::string& to);
/// A table renamed with its renamedFrom hint; FKs pointing at it follow.
void renameTable(Json& models, const std::string& from, const std::string& to);
/// The name of `table`'s FK on exactly `columns` (introspection synthesises the names).
std::string foreignKeyOn(Json& models, const std::string& table, const std::vector<std::string>& columns);
/// A new enum `name` and a column of it, defaulting to its first value.
void addEnumColumn(Json& models, const std::string& name, const std::vector<std::string>& values,
                   const std::string& table, const std::string& column);
void addIndex(Json& models, const std::string& table, const std::string& name, const std::string& column);
/// `modelsText` (IR JSON) after `edit`, as canonical JSON.
std::string editedModels(const std::string& modelsText, const ModelEdit& edit);

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

void applyEdits(Json& models, const Edits& edits);
/// How many operations applyEdits() makes autogenerate write at least.
constexpr int kEditCount = 12;

// --- the CLI side --------------------------------------------------------------------

/// The `result` of a --json run (null when the output is no JSON).
Json jsonResult(const CliRun& run);
/// The strings of a JSON array.
QStringList stringsOf(const Json& array);
/// "kind | subject | text" per finding of a `--json check` run.
QStringList cliFindings(const CliRun& check);
/// `sql` with the version rows' applied_at literals (the time the SQL was rendered)
/// replaced by a placeholder: two renderings a second apart are the same SQL.
std::string withoutAppliedAt(const std::string& sql);
/// True when the two SQL texts are equal but for applied_at; otherwise prints where they
/// differ and both texts.
bool sameSql(const std::string& aText, const std::string& aName, const std::string& bText, const std::string& bName);

// --- the Studio side -----------------------------------------------------------------

/// The "up" operations of the migration the Generate dialog previews (its first file:
/// a "// <file name>" line, then the JSON).
Json previewedUp(const QObject* dialog);

/// MainWindow opened on a project, driven through its widgets.
class Studio {
public:
    /// Opens `projectFile` and waits for its first snapshot.
    bool open(const std::string& projectFile);
    /// Reloads and waits for the snapshot.
    bool refresh();
    template <typename T>
    T* child(const char* name) const { return m_window.findChild<T*>(QLatin1String(name)); }
    const MainWindow& window() const { return m_window; }

    /// "kind | subject | text" per finding of the snapshot's status.
    QStringList snapshotFindings() const;
    /// The same read from the findings list's rows (kind and subject roles, the text after
    /// the kind's label).
    QStringList listedFindings() const;
    QString driftLabel() const;

    /// Opens "Generate migration…" and returns the dialog (null when it did not open).
    GenerateMigrationDialog* openGenerate();
    /// Closes a dialog and waits until it is gone (it deletes itself on close).
    static bool closeDialog(GenerateMigrationDialog* dialog);
    /// The rows' texts.
    static QStringList rows(const QListWidget* list);

    /// Selects `revision` in the DAG, clicks "Show SQL" and returns the preview's text
    /// once it shows that revision's SQL.
    QString showSql(const QString& revision);

private:
    MainWindow m_window;
};

/// QCOMPAREs `cli` (cliFindings()) with the Studio's snapshot findings and findings-list
/// rows, and checks that driftLabel says "No drift" exactly when there is none. Check
/// QTest::currentTestFailed() after it.
void compareFindings(const QStringList& cli, const Studio& studio);

/// A project of either dialect as the parity checks use it.
struct ParityProject {
    std::function<CliRun(const QStringList&)> cli;          // tempest-migrate in its folder
    std::function<std::string(const std::string&)> readFile;  // a file of the folder
    std::string projectFile;                                   // tempest.json, absolute
};

/// The parity of a project at r1 (applied) whose models have applyEdits()'s edits:
/// findings (CLI `check` vs the snapshot, the findings list and the status label)
/// before the new revision, with it pending and once applied; operations (the Generate
/// dialog's rows and previewed "up" vs `revision --autogenerate --rev-id r2`'s); SQL
/// ("Show SQL" on r2 vs `upgrade heads --sql`, on r1 once r2 is applied vs `downgrade
/// r1 --sql`). QTest macros: check QTest::currentTestFailed() after it.
void verifyEditsParity(const ParityProject& project);

} // namespace tempest::test::parity
