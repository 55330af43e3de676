// Tempest Studio when the database cannot be reached, and choosing another one: a
// closed port and a server that accepts and never answers both show "Offline" within
// the connect timeout (models unmarked, the Database tree empty, runs disabled);
// loading can be cancelled; the real tempest-studio exits promptly when closed during a
// hung connect; the connection dialog's URL ⇄ fields; "Test connection"; passwords kept
// for the session when there is no keychain (this suite runs without a D-Bus session);
// File > Open Recent.

#include "connection_test_support.h"
#include "demo_project_files.h"
#include "drivers/qtsql/qtsql_driver.h"
#include "studio/connection_dialog.h"
#include "studio/connection_fields.h"
#include "studio/connection_session.h"
#include "studio/credential_store.h"
#include "studio/main_window.h"
#include "studio/revision_graph_model.h"
#include "studio/project_snapshot.h"
#include "studio/schema_tree_model.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <tuple>

using namespace tempest;
using namespace tempest::studio;
using namespace tempest::test;

Q_DECLARE_METATYPE(tempest::studio::ConnectionFields)

namespace {

constexpr int kOfflineBoundMs = (kStudioConnectTimeoutSeconds + 10) * 1000;
const QString kSecret = QStringLiteral("Zq7SecretPw");

QString postgresUri(quint16 port)
{
    return QStringLiteral("postgresql://tempest:%1@127.0.0.1:%2/tempest_test").arg(kSecret).arg(port);
}

/// A main window on the demo project whose database is `database`.
struct Studio {
    QTemporaryDir dir;
    MainWindow window;

    explicit Studio(const QString& dialect, const QString& database)
    {
        writeDemoProjectFiles(dir.path(), dialect, database.toStdString());
        window.show();
    }
    QString projectFile() const { return dir.filePath(QStringLiteral("tempest.json")); }
    bool open(int timeoutMs = kOfflineBoundMs)
    {
        QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
        window.openProject(projectFile());
        return loaded.wait(timeoutMs);
    }
    template <typename T>
    T* child(const char* name) { return window.findChild<T*>(QLatin1String(name)); }
    QString status() { return child<QLabel>("driftLabel")->text(); }
};

/// Top-level items of a schema tree marked `state`.
int markedTables(QTreeView* tree, DiffState state)
{
    int n = 0;
    for (int r = 0; r < tree->model()->rowCount(); ++r)
        n += tree->model()->index(r, 0).data(SchemaTreeModel::DiffStateRole).toInt() == int(state);
    return n;
}

} // namespace

class TestStudioConnection : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void unreachableServerShowsOffline_data();
    void unreachableServerShowsOffline();
    void offlineRevisionsAreUnknownNotPending();
    void cancellingLoadShowsNotLoaded();
    void quittingDuringHungConnectExits();
    void urlFromFieldsAndBack_data();
    void urlFromFieldsAndBack();
    void dialogKeepsUrlAndFieldsInStep();
    void testConnectionReportsSqliteResults();
    void testConnectionReportsFailure();
    void withoutKeychainPasswordIsKeptForSession();
    void openRecentListsOpenedProjects();
};

void TestStudioConnection::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);  // QSettings of its own, not the user's
}

void TestStudioConnection::init() { QSettings().clear(); }

void TestStudioConnection::unreachableServerShowsOffline_data()
{
    QTest::addColumn<bool>("silent");
    QTest::newRow("closed port") << false;
    QTest::newRow("accepts, never answers") << true;
}

// Before: every model table "+", every revision pending, Upgrade all enabled — and a
// silent server left "Loading…" for ever.
void TestStudioConnection::unreachableServerShowsOffline()
{
    QFETCH(bool, silent);
    SilentServer server;
    const quint16 port = silent ? server.port() : closedLocalPort();
    Studio studio(QStringLiteral("postgresql"), postgresUri(port));
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(studio.open(), "no snapshot within the connect timeout");
    QVERIFY(timer.elapsed() < kOfflineBoundMs);

    auto* banner = studio.child<QLabel>("offlineLabel");
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("Offline: ")), qPrintable(banner->text()));
    QVERIFY2(studio.status().startsWith(QStringLiteral("Offline: ")), qPrintable(studio.status()));
    if (silent)
        QVERIFY2(banner->text().contains(QStringLiteral("timeout")), qPrintable(banner->text()));
    for (const char* name : {"upgradeAllButton", "upgradeHereButton", "downgradeHereButton", "showSqlButton"})
        QVERIFY2(!studio.child<QPushButton>(name)->isEnabled(), name);
    auto* models = studio.child<QTreeView>("modelsTree");
    QVERIFY(models->model()->rowCount() > 0);
    QCOMPARE(markedTables(models, DiffState::Added), 0);
    QCOMPARE(studio.child<QTreeView>("databaseTree")->model()->rowCount(), 0);
    QVERIFY(studio.child<QPushButton>("reconnectButton")->isVisible());
    TEMPEST_VERIFY_NOT_SHOWN(kSecret);
}

// Offline, which revisions are applied is unknown: the DAG must not call them pending,
// not in the State column, not to a screen reader, not by dimming them.
void TestStudioConnection::offlineRevisionsAreUnknownNotPending()
{
    Studio studio(QStringLiteral("postgresql"), postgresUri(closedLocalPort()));
    QVERIFY(studio.open());
    auto* dag = studio.child<QTreeView>("dagView");
    QAbstractItemModel* model = dag->model();
    QVERIFY(model->rowCount() > 0);
    for (int r = 0; r < model->rowCount(); ++r) {
        const QString state = model->index(r, RevisionGraphModel::StateColumn).data().toString();
        QVERIFY2(state.startsWith(QStringLiteral("unknown")), qPrintable(state));
        const QString spoken = model->index(r, RevisionGraphModel::GraphColumn).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(spoken.contains(QStringLiteral("unknown")) && !spoken.contains(QStringLiteral("pending")),
                 qPrintable(spoken));
        QVERIFY(!model->index(r, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("pending")));
        QVERIFY(!model->index(r, 0).data(RevisionGraphModel::StateKnownRole).toBool());
    }
    QVERIFY(dag->accessibleDescription().contains(QStringLiteral("unknown")));
}

void TestStudioConnection::cancellingLoadShowsNotLoaded()
{
    SilentServer server;
    Studio studio(QStringLiteral("postgresql"), postgresUri(server.port()));
    QSignalSpy loaded(&studio.window, &MainWindow::snapshotLoaded);
    studio.window.openProject(studio.projectFile());
    auto* cancel = studio.child<QPushButton>("cancelLoadButton");
    QVERIFY(cancel->isVisible());
    QCOMPARE(studio.status(), QStringLiteral("Loading…"));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!cancel->isVisible());
    QVERIFY2(studio.status().startsWith(QStringLiteral("Not loaded")), qPrintable(studio.status()));
    QVERIFY(studio.child<QLabel>("offlineLabel")->isVisible());
    QVERIFY(!studio.child<QPushButton>("upgradeAllButton")->isEnabled());
    // The abandoned load ends (connect timeout) without replacing what the user chose.
    QTest::qWait((kStudioConnectTimeoutSeconds + 2) * 1000);
    QCOMPARE(loaded.count(), 0);
    QVERIFY(studio.status().startsWith(QStringLiteral("Not loaded")));
}

// Before: the window closed but the process waited for a connect with no timeout.
void TestStudioConnection::quittingDuringHungConnectExits()
{
    SilentServer server;
    QTemporaryDir dir;
    QVERIFY(writeDemoProjectFiles(dir.path(), QStringLiteral("postgresql"), postgresUri(server.port()).toStdString()));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(TEMPEST_STUDIO_EXE), {dir.filePath(QStringLiteral("tempest.json"))});
    QVERIFY(process.waitForStarted(10000));
    QTest::qWait(1500);  // the window is up and its worker is connecting
    QCOMPARE(process.state(), QProcess::Running);
    QElapsedTimer timer;
    timer.start();
    process.terminate();  // SIGTERM closes the window as File > Quit does
    QVERIFY2(process.waitForFinished(kOfflineBoundMs), "tempest-studio did not exit after its window closed");
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(timer.elapsed() < (kStudioConnectTimeoutSeconds + 3) * 1000);
    QVERIFY(!process.readAllStandardError().contains(kSecret.toUtf8()));
}

void TestStudioConnection::urlFromFieldsAndBack_data()
{
    QTest::addColumn<ConnectionFields>("fields");
    QTest::addColumn<QString>("url");
    ConnectionFields plain{QStringLiteral("db.example.com"), 5433, QStringLiteral("app"), QStringLiteral("alice"),
                           {}, {}};
    QTest::newRow("plain") << plain << QStringLiteral("postgresql://alice@db.example.com:5433/app");
    ConnectionFields options = plain;
    options.port = 0;
    options.options = {{QStringLiteral("application_name"), QStringLiteral("tempest studio")},
                       {QStringLiteral("sslmode"), QStringLiteral("require")}};
    QTest::newRow("options, default port")
        << options << QStringLiteral("postgresql://alice@db.example.com/app?application_name=tempest%20studio&sslmode=require");
    ConnectionFields odd{QStringLiteral("::1"), 5432, QStringLiteral("my db/x"), QStringLiteral("b@b"), {}, {}};
    QTest::newRow("ipv6, odd names") << odd << QStringLiteral("postgresql://b%40b@[::1]:5432/my%20db%2Fx");
}

void TestStudioConnection::urlFromFieldsAndBack()
{
    QFETCH(ConnectionFields, fields);
    QFETCH(QString, url);
    QCOMPARE(postgresUrl(fields, false), url);
    QCOMPARE(postgresFields(url), fields);
    // With a password that holds every URL delimiter: encoded in, decoded back out.
    fields.password = QStringLiteral("p@ss:w/rd#?&=%");
    const QString withPass = postgresUrl(fields, true);
    QVERIFY(!withPass.contains(fields.password));
    QCOMPARE(postgresFields(withPass), fields);
    QVERIFY(!postgresUrl(fields, false).contains(QStringLiteral("p%40ss")));
}

void TestStudioConnection::dialogKeepsUrlAndFieldsInStep()
{
    ConnectionDialog dialog(QStringLiteral("postgresql"), postgresUri(5432));
    dialog.show();
    auto* url = dialog.findChild<QLineEdit*>(QStringLiteral("urlEdit"));
    auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    // The password of the connection in use goes to its field, not into the URL.
    QCOMPARE(url->text(), QStringLiteral("postgresql://tempest@127.0.0.1:5432/tempest_test"));
    QCOMPARE(password->text(), kSecret);

    auto* host = dialog.findChild<QLineEdit*>(QStringLiteral("hostEdit"));
    host->selectAll();
    QTest::keyClicks(host, QStringLiteral("db.internal"));
    QCOMPARE(url->text(), QStringLiteral("postgresql://tempest@db.internal:5432/tempest_test"));

    url->selectAll();
    QTest::keyClicks(url, QStringLiteral("postgresql://bob:typed@h2:6000/other?sslmode=disable"));
    QCOMPARE(password->text(), QStringLiteral("typed"));
    emit url->editingFinished();  // the password leaves the URL once the user is done with it
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("hostEdit"))->text(), QStringLiteral("h2"));
    QCOMPARE(dialog.findChild<QSpinBox*>(QStringLiteral("portSpin"))->value(), 6000);
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("databaseEdit"))->text(), QStringLiteral("other"));
    QCOMPARE(dialog.findChild<QLineEdit*>(QStringLiteral("userEdit"))->text(), QStringLiteral("bob"));
    QCOMPARE(password->text(), QStringLiteral("typed"));
    QCOMPARE(url->text(), QStringLiteral("postgresql://bob@h2:6000/other?sslmode=disable"));
    QCOMPARE(dialog.connectionString(), QStringLiteral("postgresql://bob:typed@h2:6000/other?sslmode=disable"));
    QCOMPARE(dialog.displayConnection(), url->text());
}

void TestStudioConnection::testConnectionReportsSqliteResults()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("app.db"));
    {
        QFile notDatabase(file);
        QVERIFY(notDatabase.open(QIODevice::WriteOnly));
        notDatabase.write(QByteArray(4096, 'x'));
    }
    ConnectionDialog dialog(QStringLiteral("sqlite"), file);
    auto [ok, message] = clickTestConnection(dialog, 10000);
    QVERIFY2(!ok && message.startsWith(QStringLiteral("Cannot connect")), qPrintable(message));
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("testResultLabel"))->text(), message);

    QFile::remove(file);
    {
        auto db = QtSqlDriver::openSqlite(file.toStdString());
        db->execute("CREATE TABLE t (id INTEGER)");
    }
    std::tie(ok, message) = clickTestConnection(dialog, 10000);
    QVERIFY(ok);
    QCOMPARE(message, QStringLiteral("Connected."));
}

void TestStudioConnection::testConnectionReportsFailure()
{
    ConnectionDialog dialog(QStringLiteral("postgresql"), postgresUri(closedLocalPort()));
    const auto [ok, message] = clickTestConnection(dialog, kOfflineBoundMs);
    QVERIFY(!ok);
    QVERIFY2(message.startsWith(QStringLiteral("Cannot connect: ")), qPrintable(message));
    QVERIFY(!message.contains(kSecret));
}

// CI has no Secret Service: storing must fail gracefully, keep the password for this
// session (the project connects with it) and say so; nothing on disk holds it.
void TestStudioConnection::withoutKeychainPasswordIsKeptForSession()
{
    const quint16 port = closedLocalPort();
    Studio studio(QStringLiteral("postgresql"), QStringLiteral("postgresql://tempest@127.0.0.1:%1/tempest_test").arg(port));
    QVERIFY(studio.open());
    studio.window.findChild<QAction*>(QStringLiteral("connectAction"))->trigger();
    auto* dialog = studio.child<ConnectionDialog>("connectionDialog");
    QVERIFY(dialog);
    auto* database = dialog->findChild<QLineEdit*>(QStringLiteral("databaseEdit"));
    database->selectAll();
    QTest::keyClicks(database, QStringLiteral("chosen_db"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit")), kSecret);
    dialog->findChild<QCheckBox*>(QStringLiteral("rememberPasswordCheck"))->setChecked(true);
    dialog->findChild<QCheckBox*>(QStringLiteral("rememberConnectionCheck"))->setChecked(true);
    QSignalSpy loaded(&studio.window, &MainWindow::snapshotLoaded);
    dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Ok)->click();

    QTRY_VERIFY_WITH_TIMEOUT(studio.window.statusBar()->currentMessage().contains(
                                 QStringLiteral("kept for this session only")),
                             20000);
    QVERIFY(loaded.wait(kOfflineBoundMs) || loaded.count() > 0);
    const ConnectionFields chosen{QStringLiteral("127.0.0.1"), port, QStringLiteral("chosen_db"),
                                  QStringLiteral("tempest"), {}, {}};
    QCOMPARE(credentialStore().sessionPassword(credentialKey(chosen)), kSecret);
    // The session uses the chosen database (shown masked), with the password.
    QVERIFY2(studio.window.windowTitle().contains(QStringLiteral("chosen_db")), qPrintable(studio.window.windowTitle()));
    QCOMPARE(studio.window.snapshot().project->config().database,
             postgresUrl({chosen.host, port, chosen.database, chosen.user, kSecret, {}}, true).toStdString());
    TEMPEST_VERIFY_NOT_SHOWN(kSecret);

    // Remembered for the project without the password, and restored with this
    // session's password when the project is opened again.
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(saved.contains("chosen_db"));
    QVERIFY(!saved.contains(kSecret.toUtf8()));
    MainWindow again;
    QSignalSpy reloaded(&again, &MainWindow::snapshotLoaded);
    again.openProject(studio.projectFile());
    QVERIFY(reloaded.wait(kOfflineBoundMs));
    QCOMPARE(again.snapshot().project->config().database, studio.window.snapshot().project->config().database);
}

void TestStudioConnection::openRecentListsOpenedProjects()
{
    QTemporaryDir dir;
    const QString dbFile = dir.filePath(QStringLiteral("app.db"));
    Studio first(QStringLiteral("sqlite"), dbFile);
    Studio second(QStringLiteral("sqlite"), dbFile);
    QVERIFY(first.open(30000));
    QVERIFY(second.open(30000));
    auto* menu = first.window.findChild<QMenu*>(QStringLiteral("recentProjectsMenu"));
    QVERIFY(menu);
    // The menus of every window read the same list; the newest comes first.
    MainWindow fresh;
    auto* freshMenu = fresh.findChild<QMenu*>(QStringLiteral("recentProjectsMenu"));
    const QList<QAction*> actions = freshMenu->actions();
    QVERIFY(actions.size() >= 2);
    QVERIFY2(actions[0]->text().contains(QDir::toNativeSeparators(second.projectFile())), qPrintable(actions[0]->text()));
    QVERIFY(actions[1]->text().contains(QDir::toNativeSeparators(first.projectFile())));
    QSignalSpy loaded(&fresh, &MainWindow::snapshotLoaded);
    actions[1]->trigger();
    QVERIFY(loaded.wait(30000));
    QVERIFY(fresh.windowTitle().startsWith(QFileInfo(first.dir.path()).fileName()));
}

int main(int argc, char** argv)
{
    // No Secret Service, as on CI: the keychain must fail, not hang or fall back to a file.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/tempest-test-bus");
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("tempest-db-test"));
    QApplication::setApplicationName(QStringLiteral("tst_studio_connection"));
    TestStudioConnection test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_studio_connection.moc"
