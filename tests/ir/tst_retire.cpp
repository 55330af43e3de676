// retire(): a library frees at once; a process whose main left its memory to the exit
// (tempest-migrate) keeps what it retires. The order of the two slots matters: the
// second turns the process-wide switch on, for good.
#include "core/ir/retire.h"

#include <QTest>

#include <memory>
#include <vector>

using namespace tempest;

namespace {

// Counts the destructions of objects that still own their buffer (a moved-from one
// owns nothing).
struct Owner {
    explicit Owner(int* freed) : freed(freed), buffer(1000, 7) {}
    Owner(Owner&& other) noexcept : freed(other.freed), buffer(std::move(other.buffer)) { other.buffer.clear(); }
    ~Owner()
    {
        if (!buffer.empty())
            ++*freed;
    }
    int* freed;
    std::vector<int> buffer;
};

} // namespace

class TstRetire : public QObject {
    Q_OBJECT
private slots:
    void freesAtOnceByDefault()
    {
        QVERIFY(!memoryLeftToProcessExit());
        int freed = 0;
        Owner owner(&freed);
        retire(std::move(owner));
        QCOMPARE(freed, 1);
        QVERIFY(owner.buffer.empty());  // taken from the caller either way
        auto session = std::make_unique<Owner>(&freed);
        retire(std::move(session));
        QCOMPARE(freed, 2);
        QVERIFY(!session);
    }

    void keepsUntilExitOnceTheProcessSaysSo()
    {
        leaveMemoryToProcessExit();
        QVERIFY(memoryLeftToProcessExit());
        int freed = 0;
        Owner owner(&freed);
        retire(std::move(owner));
        QCOMPARE(freed, 0);
        QVERIFY(owner.buffer.empty());
    }
};

QTEST_APPLESS_MAIN(TstRetire)
#include "tst_retire.moc"
