#pragma once
// A SQLite database file in a fresh temporary directory, removed with the object.

#include <QTemporaryDir>

#include <string>

namespace tempest::test {

class SqliteTempFile {
public:
    /// `fileName` is created lazily by whoever opens path(); the directory exists now.
    explicit SqliteTempFile(const std::string& fileName = "test.db")
        : m_path(m_dir.isValid() ? m_dir.filePath(QString::fromStdString(fileName)).toStdString()
                                 : std::string())
    {
    }
    SqliteTempFile(const SqliteTempFile&) = delete;
    SqliteTempFile& operator=(const SqliteTempFile&) = delete;

    /// False when the temporary directory could not be created (then path() is empty).
    bool isValid() const { return m_dir.isValid(); }
    /// Absolute path of the database file.
    const std::string& path() const { return m_path; }
    /// Absolute path of the directory holding it (for -wal/-journal files, siblings).
    std::string directory() const { return m_dir.path().toStdString(); }

private:
    QTemporaryDir m_dir;
    std::string m_path;
};

} // namespace tempest::test
