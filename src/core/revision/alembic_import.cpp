#include "core/revision/alembic_import.h"

#include "core/ir/errors.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace tempest {

namespace {

bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string trim(std::string_view s)
{
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b])))
        ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1])))
        --e;
    return std::string(s.substr(b, e - b));
}

/// A cursor over a Python module that knows strings, comments, brackets and line
/// continuations well enough to find the module-level statements.
class Scanner {
public:
    Scanner(const std::string& text, const std::string& file) : m_s(text), m_file(file) {}

    bool atEnd() const { return m_i >= m_s.size(); }
    char peek(std::size_t ahead = 0) const { return m_i + ahead < m_s.size() ? m_s[m_i + ahead] : '\0'; }
    int line() const { return m_line; }
    std::size_t pos() const { return m_i; }

    [[noreturn]] void fail(const std::string& message, int line) const
    {
        throw InputError("line " + std::to_string(line) + ": " + message, m_file);
    }

    void advance()
    {
        if (m_s[m_i] == '\n')
            ++m_line;
        ++m_i;
    }

    /// Spaces and tabs; inside brackets (depth > 0) newlines, comments and
    /// continuations too.
    void skipBlanks(bool inBrackets)
    {
        while (!atEnd()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
                advance();
            } else if (c == '\\' && peek(1) == '\n') {
                advance();
                advance();
            } else if (inBrackets && c == '\n') {
                advance();
            } else if (inBrackets && c == '#') {
                skipComment();
            } else {
                break;
            }
        }
    }

    void skipComment()
    {
        while (!atEnd() && peek() != '\n')
            advance();
    }

    /// A string literal's prefix letters (r, u, b, f in any case and pairing) followed by a quote.
    std::size_t stringPrefixLength() const
    {
        std::size_t n = 0;
        while (n < 2 && std::string_view("rRuUbBfF").find(peek(n)) != std::string_view::npos)
            ++n;
        return peek(n) == '\'' || peek(n) == '"' ? n : std::string::npos;
    }

    /// Reads a string literal at the cursor (prefix included); returns its value.
    /// `formatted` is set for an f-string, whose value is not a literal.
    std::string readString(bool& formatted)
    {
        const std::size_t prefix = stringPrefixLength();
        std::string letters = m_s.substr(m_i, prefix);
        std::transform(letters.begin(), letters.end(), letters.begin(), [](char c) { return char(std::tolower(c)); });
        formatted = letters.find('f') != std::string::npos;
        const bool raw = letters.find('r') != std::string::npos;
        for (std::size_t k = 0; k < prefix; ++k)
            advance();
        const char quote = peek();
        const bool triple = peek(1) == quote && peek(2) == quote;
        const int startLine = m_line;
        for (int k = 0; k < (triple ? 3 : 1); ++k)
            advance();
        std::string value;
        while (true) {
            if (atEnd())
                fail("a string that is never closed", startLine);
            const char c = peek();
            if (c == '\\' && !raw) {
                const char next = peek(1);
                advance();
                if (atEnd())
                    fail("a string that is never closed", startLine);
                advance();
                switch (next) {
                case 'n': value += '\n'; break;
                case 't': value += '\t'; break;
                case '\n': break;
                default: value += next;
                }
                continue;
            }
            if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
                for (int k = 0; k < (triple ? 3 : 1); ++k)
                    advance();
                return value;
            }
            if (c == '\n' && !triple)
                fail("a string that is never closed", startLine);
            value += c;
            advance();
        }
    }

    /// Skips to the end of the logical line the cursor is in (past its newline).
    void skipLogicalLine()
    {
        int depth = 0;
        while (!atEnd()) {
            const char c = peek();
            if (c == '#') {
                skipComment();
            } else if (stringPrefixLength() != std::string::npos && (m_i == 0 || !isIdentChar(m_s[m_i - 1]) ||
                                                                    c == '\'' || c == '"')) {
                bool formatted = false;
                readString(formatted);
            } else if (c == '\\' && peek(1) == '\n') {
                advance();
                advance();
            } else if (c == '(' || c == '[' || c == '{') {
                ++depth;
                advance();
            } else if (c == ')' || c == ']' || c == '}') {
                depth = std::max(0, depth - 1);
                advance();
            } else if (c == '\n') {
                advance();
                if (depth == 0)
                    return;
            } else if (isIdentStart(c)) {
                while (!atEnd() && isIdentChar(peek()))
                    advance();
            } else {
                advance();
            }
        }
    }

    std::string readIdentifier()
    {
        const std::size_t start = m_i;
        while (!atEnd() && isIdentChar(peek()))
            advance();
        return m_s.substr(start, m_i - start);
    }

    /// None, a string (adjacent strings concatenate), or a tuple/list of strings; the
    /// rest of the logical line must be empty. `name` is for the error message.
    std::vector<std::string> readLiteral(const std::string& name, int line)
    {
        skipBlanks(false);
        std::vector<std::string> values;
        auto notLiteral = [&]() {
            fail(name + " is not a literal (None, a string, or a tuple or list of strings); the script is never run, "
                        "so write its value out",
                 line);
        };
        auto readOneString = [&](bool inBrackets) {
            std::string value;
            bool any = false;
            while (stringPrefixLength() != std::string::npos) {
                bool formatted = false;
                value += readString(formatted);
                if (formatted)
                    notLiteral();
                any = true;
                skipBlanks(inBrackets);
            }
            if (!any)
                notLiteral();
            return value;
        };
        if (m_s.compare(m_i, 4, "None") == 0 && !isIdentChar(peek(4))) {
            for (int k = 0; k < 4; ++k)
                advance();
        } else if (peek() == '(' || peek() == '[') {
            const char close = peek() == '(' ? ')' : ']';
            const bool tuple = peek() == '(';
            advance();
            skipBlanks(true);
            bool comma = false;
            while (peek() != close) {
                values.push_back(readOneString(true));
                skipBlanks(true);
                if (peek() == ',') {
                    comma = true;
                    advance();
                    skipBlanks(true);
                } else if (peek() != close) {
                    notLiteral();
                }
            }
            advance();
            (void)tuple;
            (void)comma;  // ("a") is the string "a", ("a",) the tuple: both mean one id here
        } else if (stringPrefixLength() != std::string::npos) {
            values.push_back(readOneString(false));
        } else {
            notLiteral();
        }
        skipBlanks(false);
        if (peek() == '#')
            skipComment();
        if (!atEnd() && peek() != '\n' && peek() != ';')
            notLiteral();
        return values;
    }

private:
    const std::string& m_s;
    const std::string& m_file;
    std::size_t m_i = 0;
    int m_line = 1;
};

/// upgrade()'s body, dedented; empty when it only holds pass, docstrings and comments.
std::string meaningfulBody(const std::string& body)
{
    std::istringstream in(body);
    std::string line;
    bool meaningful = false;
    std::vector<std::string> lines;
    bool inDocstring = false;
    while (std::getline(in, line)) {
        lines.push_back(line);
        const std::string t = trim(line);
        if (inDocstring) {
            if (t.find("\"\"\"") != std::string::npos || t.find("'''") != std::string::npos)
                inDocstring = false;
            continue;
        }
        if (t.empty() || t[0] == '#' || t == "pass" || t == "...")
            continue;
        const bool opens = t.starts_with("\"\"\"") || t.starts_with("'''");
        if (opens) {
            const std::string q = t.substr(0, 3);
            if (t.size() < 6 || t.find(q, 3) == std::string::npos)
                inDocstring = true;
            continue;
        }
        if ((t.front() == '"' || t.front() == '\'') && t.back() == t.front())
            continue;  // a one-line docstring
        meaningful = true;
    }
    if (!meaningful)
        return {};
    while (!lines.empty() && trim(lines.back()).empty())
        lines.pop_back();
    std::size_t indent = std::string::npos;
    for (const auto& l : lines)
        if (!trim(l).empty())
            indent = std::min(indent, l.find_first_not_of(" \t"));
    std::string out;
    for (const auto& l : lines)
        out += (l.size() > indent ? l.substr(indent) : trim(l)) + "\n";
    return out;
}

std::string asSqlComment(const std::string& heading, const std::string& body)
{
    std::string out = "-- " + heading + "\n";
    std::istringstream in(body);
    std::string line;
    while (std::getline(in, line))
        out += "--     " + line + "\n";
    return out;
}

} // namespace

bool parseAlembicScript(const std::string& text, const std::string& file, AlembicScript& out)
{
    Scanner s(text, file);
    AlembicScript script;
    bool sawRevision = false;
    bool firstStatement = true;
    while (!s.atEnd()) {
        const char c = s.peek();
        if (c == '\n') {
            s.advance();
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
            // An indented line at module level: a block's body, or blank.
            s.skipLogicalLine();
            continue;
        }
        if (c == '#') {
            s.skipComment();
            continue;
        }
        const int line = s.line();
        if (s.stringPrefixLength() != std::string::npos) {
            bool formatted = false;
            const std::string doc = s.readString(formatted);
            if (firstStatement) {
                std::istringstream in(doc);
                std::string l;
                while (std::getline(in, l)) {
                    const std::string t = trim(l);
                    if (script.message.empty() && !t.empty() && !t.starts_with("Revision ID:"))
                        script.message = t;
                    if (t.starts_with("Create Date:"))
                        script.createDate = trim(t.substr(12));
                }
            }
            firstStatement = false;
            s.skipLogicalLine();
            continue;
        }
        firstStatement = false;
        if (!isIdentStart(c)) {
            s.skipLogicalLine();
            continue;
        }
        const std::string name = s.readIdentifier();
        if (name == "def") {
            s.skipBlanks(false);
            const std::string function = s.readIdentifier();
            s.skipLogicalLine();  // the signature, to the colon's line end
            const std::size_t bodyStart = s.pos();
            // The body: every following line that is blank or indented.
            std::size_t bodyEnd = bodyStart;
            while (!s.atEnd()) {
                const char d = s.peek();
                if (d == ' ' || d == '\t' || d == '\n' || d == '\r') {
                    s.skipLogicalLine();
                    bodyEnd = s.pos();
                } else if (d == '#') {
                    s.skipComment();
                    bodyEnd = s.pos();
                } else {
                    break;
                }
            }
            const std::string body = text.substr(bodyStart, bodyEnd - bodyStart);
            if (function == "upgrade")
                script.upgradeBody = meaningfulBody(body);
            else if (function == "downgrade")
                script.downgradeBody = meaningfulBody(body);
            continue;
        }
        const bool wanted = name == "revision" || name == "down_revision" || name == "branch_labels" ||
                            name == "depends_on";
        s.skipBlanks(false);
        if (!wanted || (s.peek() != '=' && s.peek() != ':') || (s.peek() == '=' && s.peek(1) == '=')) {
            s.skipLogicalLine();
            continue;
        }
        if (s.peek() == ':') {
            // An annotation: `revision: str = "…"`, `down_revision: Union[str, None] = …`.
            int depth = 0;
            s.advance();
            while (!s.atEnd() && !(depth == 0 && s.peek() == '=') && !(depth == 0 && s.peek() == '\n')) {
                if (s.peek() == '[' || s.peek() == '(')
                    ++depth;
                else if (s.peek() == ']' || s.peek() == ')')
                    --depth;
                s.advance();
            }
            if (s.peek() != '=') {
                s.skipLogicalLine();  // an annotation without a value
                continue;
            }
        }
        s.advance();  // '='
        std::vector<std::string> values = s.readLiteral(name, line);
        if (name == "revision") {
            if (values.size() != 1)
                s.fail("revision must be one string", line);
            script.revision = values.front();
            script.line = line;
            sawRevision = true;
        } else if (name == "down_revision") {
            script.downRevision = std::move(values);
        } else if (name == "branch_labels") {
            script.branchLabels = std::move(values);
        } else {
            script.dependsOn = std::move(values);
        }
        s.skipLogicalLine();
    }
    if (!sawRevision)
        return false;
    if (!isValidRevisionId(script.revision))
        throw InputError("line " + std::to_string(script.line) + ": revision id \"" + script.revision +
                             "\" is not one we can keep (letters, digits, '_' or '-')",
                         file);
    out = std::move(script);
    return true;
}

std::vector<AlembicScript> readAlembicVersions(const std::string& versionsDir)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(versionsDir, ec))
        throw InputError("not a folder of Alembic revision scripts", versionsDir);
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(versionsDir, ec), end; it != end; it.increment(ec)) {
        if (ec)
            break;
        if (it->is_regular_file() && it->path().extension() == ".py")
            files.push_back(it->path());
    }
    if (ec)
        throw InputError("cannot read the folder: " + ec.message(), versionsDir);
    std::sort(files.begin(), files.end());
    std::vector<AlembicScript> scripts;
    std::map<std::string, std::string> seen;  // revision → file
    for (const fs::path& path : files) {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw InputError("cannot read the file", path.string());
        std::ostringstream text;
        text << in.rdbuf();
        AlembicScript script;
        if (!parseAlembicScript(text.str(), path.string(), script))
            continue;
        script.file = path.string();
        if (auto [it, fresh] = seen.emplace(script.revision, path.string()); !fresh)
            throw InputError("revision " + script.revision + " is also in " + it->second, path.string());
        scripts.push_back(std::move(script));
    }
    return scripts;
}

std::string alembicCreateDateToIso(const std::string& createDate)
{
    // YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM]: the fraction and an offset are dropped.
    if (createDate.size() < 19)
        return {};
    const std::string d = createDate.substr(0, 19);
    for (std::size_t i = 0; i < d.size(); ++i) {
        const bool digit = std::isdigit(static_cast<unsigned char>(d[i]));
        const char expected = i == 4 || i == 7 ? '-' : i == 10 ? ' ' : i == 13 || i == 16 ? ':' : '0';
        if (expected == '0' ? !digit : (d[i] != expected && !(i == 10 && d[i] == 'T')))
            return {};
    }
    return d.substr(0, 10) + "T" + d.substr(11) + "Z";
}

Migration migrationFromAlembic(const AlembicScript& script)
{
    Migration m;
    m.revision = script.revision;
    m.downRevision = script.downRevision;
    m.branchLabels = script.branchLabels;
    m.dependsOn = script.dependsOn;
    m.label = script.message.empty() ? script.revision : script.message;
    m.createdAt = alembicCreateDateToIso(script.createDate);
    if (script.upgradeBody.empty() && script.downgradeBody.empty())
        return m;  // a merge point or an empty revision: nothing to port
    Execute placeholder;
    const std::string up = script.upgradeBody.empty()
                               ? "-- Alembic's upgrade() of revision " + script.revision + " does nothing.\n"
                               : asSqlComment("TODO: port Alembic's upgrade() of revision " + script.revision +
                                                  " to SQL (it runs as a no-op until then):",
                                              script.upgradeBody);
    placeholder.up = {{"postgresql", up}, {"sqlite", up}};
    if (script.downgradeBody.empty()) {
        const std::string down = "-- Alembic's downgrade() of revision " + script.revision + " does nothing.\n";
        placeholder.down = std::map<std::string, std::string>{{"postgresql", down}, {"sqlite", down}};
    }
    // Without a down the revision stays irreversible until its downgrade() is ported.
    m.up = {placeholder};
    if (placeholder.down)
        m.down = invert(m.up);
    return m;
}

} // namespace tempest
