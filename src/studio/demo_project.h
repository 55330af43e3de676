#pragma once
// The embedded demo project (resources/demo, compiled in): extracted into a temporary
// directory, with a SQLite database that has some revisions applied and a hand-made
// change on top, so every pane has something to show (pending revisions, drift, a
// branch and a merge, a destructive revision).

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace tempest::studio {

class DemoProject {
public:
    /// Extracts the demo and creates demo.db (base01, posts02, score03 applied; a column
    /// `posts.draft` added by hand). Throws std::runtime_error when that fails.
    static std::unique_ptr<DemoProject> create();

    /// What the window title calls it: "demo (blog, SQLite)" (translated).
    static QString displayName();
    /// The extracted tempest.json.
    QString projectFile() const;
    QString directory() const { return m_dir.path(); }
    QString databaseFile() const;

private:
    DemoProject() = default;
    QTemporaryDir m_dir;
};

} // namespace tempest::studio
