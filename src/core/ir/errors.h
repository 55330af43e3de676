#pragma once
// InputError: bad input from a user (a file, a flag, a revision id). The CLI maps it to
// exit code 2 and shows every field it has, so a message always says where.

#include <stdexcept>
#include <string>

namespace tempest {

class InputError : public std::runtime_error {
public:
    explicit InputError(std::string message, std::string file = {}, std::string jsonPath = {},
                        std::string revision = {});

    const std::string& message() const { return m_message; }
    const std::string& file() const { return m_file; }
    const std::string& jsonPath() const { return m_jsonPath; }
    const std::string& revision() const { return m_revision; }

    /// Returns a copy with the file set (when it was not known where the error arose).
    InputError withFile(std::string file) const;
    InputError withRevision(std::string revision) const;

private:
    static std::string compose(const std::string& message, const std::string& file,
                               const std::string& jsonPath, const std::string& revision);
    std::string m_message;
    std::string m_file;
    std::string m_jsonPath;
    std::string m_revision;
};

} // namespace tempest
