// Tempest Studio's connections on the real test cluster (the CTest fixture `postgres`):
// a wrong password shows "Offline" and a password prompt, never the password itself (in
// no widget, no log message); the right password typed into the prompt brings the
// project online. The connection dialog's "Test connection" succeeds on the cluster and
// fails with a wrong password.

#include "connection_test_support.h"
#include "demo_project_files.h"
#include "pg_test.h"
#include "studio/connection_dialog.h"
#include "studio/main_window.h"
#include "studio/project_snapshot.h"

#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace tempest;
using namespace tempest::studio;
using namespace tempest::test;

namespace {

constexpr int kLoadBoundMs = (kStudioConnectTimeoutSeconds + 25) * 1000;
const QString kWrongPassword = QStringLiteral("Wr0ngPassw0rd");

/// `uri` (postgresql://user:password@…) with its password replaced.
QString withWrongPassword(const std::string& uri, QString* rightPassword)
{
    QUrl url(QString::fromStdString(uri));
    *rightPassword = url.password();
    url.setPassword(kWrongPassword);
    return url.toString();
}

} // namespace

class TestStudioConnectionPostgres : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void wrongPasswordPromptsAndNeverShowsIt();
    void testConnectionOnCluster();
};

void TestStudioConnectionPostgres::initTestCase()
{
    TEMPEST_REQUIRE_PG();
    QStandardPaths::setTestModeEnabled(true);
}

void TestStudioConnectionPostgres::wrongPasswordPromptsAndNeverShowsIt()
{
    PgScratchDatabase db;
    QString rightPassword;
    const QString wrongUri = withWrongPassword(db.passwordUri(), &rightPassword);
    QVERIFY(!rightPassword.isEmpty());
    QTemporaryDir dir;
    QVERIFY(writeDemoProjectFiles(dir.path(), QStringLiteral("postgresql"), wrongUri.toStdString()));

    LogCapture log;
    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::snapshotLoaded);
    window.openProject(dir.filePath(QStringLiteral("tempest.json")));
    QVERIFY(loaded.wait(kLoadBoundMs));

    auto* banner = window.findChild<QLabel*>(QStringLiteral("offlineLabel"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("Offline: ")), qPrintable(banner->text()));
    QVERIFY2(banner->text().contains(QStringLiteral("password authentication failed")), qPrintable(banner->text()));
    QVERIFY(!window.findChild<QPushButton*>(QStringLiteral("upgradeAllButton"))->isEnabled());
    QInputDialog* prompt = nullptr;
    QTRY_VERIFY((prompt = window.findChild<QInputDialog*>(QStringLiteral("passwordPrompt"))) && prompt->isVisible());
    QVERIFY(prompt->labelText().contains(QStringLiteral("refused the password")));
    for (const QString& secret : {kWrongPassword, rightPassword}) {
        TEMPEST_VERIFY_NOT_SHOWN(secret);
        QCOMPARE(LogCapture::messages().filter(secret), QStringList());
    }

    // The right password, typed into the prompt, brings the project online.
    prompt->setTextValue(rightPassword);
    prompt->accept();
    QVERIFY(loaded.wait(kLoadBoundMs));
    QVERIFY2(!window.snapshot().status.offline(), window.snapshot().status.offlineReason.c_str());
    QVERIFY(!banner->isVisible());
    QVERIFY(window.findChild<QPushButton*>(QStringLiteral("upgradeAllButton"))->isEnabled());
    QVERIFY(!window.findChild<QLabel*>(QStringLiteral("driftLabel"))->text().startsWith(QStringLiteral("Offline")));
    TEMPEST_VERIFY_NOT_SHOWN(rightPassword);
    QCOMPARE(LogCapture::messages().filter(rightPassword), QStringList());
}

void TestStudioConnectionPostgres::testConnectionOnCluster()
{
    PgScratchDatabase db;
    QString rightPassword;
    const QString wrongUri = withWrongPassword(db.passwordUri(), &rightPassword);

    ConnectionDialog good(QStringLiteral("postgresql"), QString::fromStdString(db.passwordUri()));
    const auto [worked, connected] = clickTestConnection(good, kLoadBoundMs);
    QVERIFY2(worked, qPrintable(connected));
    QCOMPARE(connected, QStringLiteral("Connected."));
    QCOMPARE(good.findChild<QLabel*>(QStringLiteral("testResultLabel"))->text(), connected);

    ConnectionDialog bad(QStringLiteral("postgresql"), wrongUri);
    const auto [failed, message] = clickTestConnection(bad, kLoadBoundMs);
    QVERIFY(!failed);
    QVERIFY2(message.contains(QStringLiteral("password authentication failed")), qPrintable(message));
    QVERIFY(!message.contains(kWrongPassword));
}

QTEST_MAIN(TestStudioConnectionPostgres)
#include "tst_studio_connection_postgres.moc"
