#include "core/ir/errors.h"

namespace tempest {

InputError::InputError(std::string message, std::string file, std::string jsonPath,
                       std::string revision)
    : std::runtime_error(compose(message, file, jsonPath, revision))
    , m_message(std::move(message))
    , m_file(std::move(file))
    , m_jsonPath(std::move(jsonPath))
    , m_revision(std::move(revision))
{
}

std::string InputError::compose(const std::string& message, const std::string& file,
                                const std::string& jsonPath, const std::string& revision)
{
    std::string out;
    if (!file.empty())
        out += file + ": ";
    if (!jsonPath.empty())
        out += jsonPath + ": ";
    if (!revision.empty() && file.empty())
        out += "revision " + revision + ": ";
    return out + message;
}

InputError InputError::withFile(std::string file) const
{
    return InputError(m_message, std::move(file), m_jsonPath, m_revision);
}

InputError InputError::withRevision(std::string revision) const
{
    return InputError(m_message, m_file, m_jsonPath, std::move(revision));
}

} // namespace tempest
