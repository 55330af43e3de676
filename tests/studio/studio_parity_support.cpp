#include "studio_parity_support.h"

#include "cli_shell.h"
#include "studio/findings_list.h"
#include "studio/revision_graph_model.h"

#include <QAction>
#include <QDebug>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <regex>
#include <stdexcept>

namespace tempest::test::parity {

namespace {

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

} // namespace

Json& tableOf(Json& models, const std::string& table) { return models["tables"][table]; }
Json& columnOf(Json& models, const std::string& table, const std::string& column)
{
    return tableOf(models, table)["columns"][column];
}

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

std::string foreignKeyOn(Json& models, const std::string& table, const std::vector<std::string>& columns)
{
    for (const auto& [name, fk] : tableOf(models, table)["foreignKeys"].items())
        if (fk["columns"].get<std::vector<std::string>>() == columns)
            return name;
    throw std::runtime_error("no FK on " + table);
}

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

std::string editedModels(const std::string& modelsText, const ModelEdit& edit)
{
    Json models = Json::parse(modelsText);
    edit(models);
    return writeCanonicalJson(models);
}

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

QStringList cliFindings(const CliRun& check)
{
    QStringList out;
    const Json result = jsonResult(check);
    if (result.is_null() || !result.contains("findings"))
        return {QStringLiteral("no findings in: ") + QString::fromStdString(check.describe())};
    for (const Json& f : result["findings"])
        out << QString::fromStdString(f["kind"].get<std::string>() + " | " + f["subject"].get<std::string>() + " | " +
                                      f["text"].get<std::string>());
    return out;
}

std::string withoutAppliedAt(const std::string& sql)
{
    static const std::regex timestamp("'[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z'");
    return std::regex_replace(sql, timestamp, "'<applied_at>'");
}

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

Json previewedUp(const QObject* dialog)
{
    const QString text = dialog->findChild<QPlainTextEdit*>(QStringLiteral("previewEdit"))->toPlainText();
    try {
        return Json::parse(text.mid(text.indexOf(QLatin1Char('\n')) + 1).toStdString())["up"];
    } catch (const std::exception& e) {
        return std::string("no JSON in the preview: ") + e.what() + "\n" + text.toStdString();
    }
}

bool Studio::open(const std::string& projectFile)
{
    QSignalSpy loaded(&m_window, &MainWindow::snapshotLoaded);
    m_window.openProject(QString::fromStdString(projectFile));
    m_window.show();
    return loaded.wait(60000);
}

bool Studio::refresh()
{
    QSignalSpy loaded(&m_window, &MainWindow::snapshotLoaded);
    m_window.refresh();
    return loaded.wait(60000);
}

QStringList Studio::snapshotFindings() const
{
    QStringList out;
    for (const Finding& f : m_window.snapshot().status.findings)
        out << QString::fromStdString(std::string(findingKindName(f.kind)) + " | " + f.subject + " | " + f.text);
    return out;
}

QStringList Studio::listedFindings() const
{
    QStringList out;
    auto* list = child<QListWidget>("findingsList");
    for (int i = 0; list && i < list->count(); ++i) {
        const QListWidgetItem* item = list->item(i);
        const QString kind = item->data(studio::FindingsList::KindRole).toString();
        QString text = item->text();
        const int colon = text.indexOf(QStringLiteral(": "));
        text = colon < 0 ? QStringLiteral("<no kind label in \"%1\">").arg(text) : text.mid(colon + 2);
        out << kind + QStringLiteral(" | ") + item->data(studio::FindingsList::SubjectRole).toString() +
                   QStringLiteral(" | ") + text;
    }
    return out;
}

QString Studio::driftLabel() const { return child<QLabel>("driftLabel")->text(); }

GenerateMigrationDialog* Studio::openGenerate()
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

bool Studio::closeDialog(GenerateMigrationDialog* dialog)
{
    QPointer<GenerateMigrationDialog> guard(dialog);
    dialog->reject();
    for (int i = 0; i < 100 && guard; ++i)
        QTest::qWait(20);
    return guard.isNull();
}

QStringList Studio::rows(const QListWidget* list)
{
    QStringList out;
    for (int i = 0; list && i < list->count(); ++i)
        out << list->item(i)->text();
    return out;
}

QString Studio::showSql(const QString& revision)
{
    auto* dag = child<QAbstractItemView>("dagView");
    for (int r = 0; r < dag->model()->rowCount(); ++r) {
        const QModelIndex index = dag->model()->index(r, 0);
        if (index.data(studio::RevisionGraphModel::RevisionIdRole).toString() != revision)
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

void compareFindings(const QStringList& cli, const Studio& studio)
{
    QCOMPARE(studio.snapshotFindings(), cli);
    QCOMPARE(studio.listedFindings(), cli);
    const QString label = studio.driftLabel();
    if (!cli.isEmpty())
        QVERIFY2(!label.contains(QLatin1String("No drift")), qPrintable(label + '\n' + cli.join('\n')));
    else
        QVERIFY2(label.contains(QLatin1String("No drift")), qPrintable(label));
}

void verifyEditsParity(const ParityProject& project)
{
    Studio studio;
    QVERIFY(studio.open(project.projectFile));
    QVERIFY2(studio.window().snapshot().error.isEmpty(), qPrintable(studio.window().snapshot().error));
    // Uncaptured model changes (and the drift they are from the database).
    compareFindings(cliFindings(project.cli({"--json", "check"})), studio);
    if (QTest::currentTestFailed())
        return;

    // (1) Operations: Studio's Generate dialog, then the CLI writes them as r2.
    GenerateMigrationDialog* dialog = studio.openGenerate();
    QVERIFY(dialog);
    const QStringList studioOps = Studio::rows(dialog->findChild<QListWidget*>(QStringLiteral("operationList")));
    const Json studioUp = previewedUp(dialog);
    QVERIFY(Studio::closeDialog(dialog));
    const CliRun revision = project.cli({"--json", "revision", "--autogenerate", "-m", "x", "--rev-id", "r2"});
    QVERIFY2(revision.exitCode == 0, revision.describe().c_str());
    const QStringList cliOps = stringsOf(jsonResult(revision)["operations"]);
    QVERIFY2(cliOps.size() >= kEditCount, qPrintable(cliOps.join('\n')));
    QCOMPARE(studioOps, cliOps);
    // Not only their descriptions: the operations the two would write are the same JSON.
    const Json cliUp = Json::parse(project.readFile("migrations/r2_x.json"))["up"];
    QCOMPARE(QString::fromStdString(studioUp.dump(2)), QString::fromStdString(cliUp.dump(2)));
    for (const char* expected : {"rename column", "rename table"})
        QVERIFY2(cliOps.join('\n').contains(QLatin1String(expected)), qPrintable(cliOps.join('\n')));

    // (2) Findings: r2 pending.
    QVERIFY(studio.refresh());
    compareFindings(cliFindings(project.cli({"--json", "check"})), studio);
    QVERIFY(!studio.window().snapshot().status.findingsOf(FindingKind::Pending).empty());

    // (3) SQL: `upgrade heads --sql` and the head's "Show SQL".
    const CliRun sql = project.cli({"upgrade", "heads", "--sql"});
    QVERIFY2(sql.exitCode == 0, sql.describe().c_str());
    QVERIFY(sameSql(studio.showSql(QStringLiteral("r2")).toStdString(), "Studio's Show SQL", sql.out, "the CLI's --sql"));

    // And once applied, both say the same: nothing is off; r1's "Show SQL" is what
    // "Downgrade to here" runs, `downgrade r1 --sql`.
    const CliRun upgrade = project.cli({"upgrade"});
    QVERIFY2(upgrade.exitCode == 0, upgrade.describe().c_str());
    QVERIFY(studio.refresh());
    compareFindings(cliFindings(project.cli({"--json", "check"})), studio);
    const CliRun downSql = project.cli({"downgrade", "r1", "--sql"});
    QVERIFY2(downSql.exitCode == 0 && contains(downSql.out, "DELETE FROM"), downSql.describe().c_str());
    QVERIFY(sameSql(studio.showSql(QStringLiteral("r1")).toStdString(), "Studio's Show SQL", downSql.out, "the CLI's --sql"));
}

} // namespace tempest::test::parity
