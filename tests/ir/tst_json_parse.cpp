// parseJsonStrict is a hand-written parser (issue 12: nlohmann's SAX lexer was half of
// `check`'s file reading). It must read every document exactly as nlohmann does — the
// same values, the same number kinds (unsigned, integer, float), the same member order —
// and refuse exactly what nlohmann refuses, plus duplicate keys. Hand-picked rows pin the
// messages; a seeded generator of documents, written with random spacing and escapes and
// then mangled byte by byte, holds the two parsers to the same answers, and shrinks the
// text of any disagreement to a few bytes before reporting it.

#include "core/ir/errors.h"
#include "core/ir/json.h"

#include <QtTest/QtTest>

#include <optional>
#include <random>

using namespace tempest;

namespace {

std::optional<InputError> inputErrorOf(std::string_view text)
{
    try {
        parseJsonStrict(text, "doc.json");
    } catch (const InputError& e) {
        return e;
    }
    return std::nullopt;
}

class DocumentWriter {
public:
    explicit DocumentWriter(unsigned seed) : m_random(seed) {}

    std::string document()
    {
        std::string out;
        space(out);
        value(out, 0);
        space(out);
        return out;
    }

    // 1 to 3 random edits: a byte removed, inserted or replaced, from bytes that matter
    // to a JSON reader.
    std::string mangled(std::string text)
    {
        static const std::string interesting = "{}[]\",:\\/ \t\n0123456789.eE+-tfnulrsaxbuD\x01\x1f\x7f";
        static const char* utf8[] = {"\x80", "\xC3", "\xC3\xA9", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82",
                                     "\xF0\x9F\x98\x80", "\xC0\xAF", "\xFF"};
        const int edits = 1 + pick(3);
        for (int i = 0; i < edits; ++i) {
            const std::size_t at = text.empty() ? 0 : static_cast<std::size_t>(pick(static_cast<int>(text.size())));
            std::string piece = pick(4) == 0 ? std::string(utf8[pick(9)]) : std::string(1, interesting[pick(static_cast<int>(interesting.size()))]);
            switch (pick(3)) {
            case 0:
                if (!text.empty())
                    text.erase(at, 1);
                break;
            case 1: text.insert(at, piece); break;
            default:
                if (!text.empty())
                    text.replace(at, 1, piece);
                break;
            }
        }
        return text;
    }

private:
    std::mt19937 m_random;

    int pick(int n) { return static_cast<int>(m_random() % static_cast<unsigned>(n)); }

    void space(std::string& out)
    {
        static const char* spaces[] = {"", "", "", " ", "\n", "\t", "\r\n  ", "  "};
        out += spaces[pick(8)];
    }

    void value(std::string& out, int depth)
    {
        const int kind = depth > 5 ? 2 + pick(6) : pick(8);
        switch (kind) {
        case 0: object(out, depth); break;
        case 1: array(out, depth); break;
        case 2: case 3: string(out); break;
        case 4: case 5: number(out); break;
        case 6: out += pick(2) ? "true" : "false"; break;
        default: out += "null"; break;
        }
    }

    void object(std::string& out, int depth)
    {
        out += '{';
        const int n = pick(5);
        for (int i = 0; i < n; ++i) {
            space(out);
            // Distinct keys (a duplicate is refused, checked on its own); spelled with
            // escapes now and then, so the same key may be written two ways.
            std::string key = "k" + std::to_string(i);
            if (pick(4) == 0)
                key += "\xC3\xA9";
            quoted(key, out);
            space(out);
            out += ':';
            space(out);
            value(out, depth + 1);
            space(out);
            if (i + 1 < n)
                out += ',';
        }
        space(out);
        out += '}';
    }

    void array(std::string& out, int depth)
    {
        out += '[';
        const int n = pick(5);
        for (int i = 0; i < n; ++i) {
            space(out);
            value(out, depth + 1);
            space(out);
            if (i + 1 < n)
                out += ',';
        }
        out += ']';
    }

    void string(std::string& out)
    {
        static const char* pieces[] = {"a", "b", " ", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\"", "\\",
                                       "/", "\n", "\t", "\x01", "text", "SELECT 1"};
        std::string text;
        const int n = pick(6);
        for (int i = 0; i < n; ++i)
            text += pieces[pick(14)];
        quoted(text, out);
    }

    // `text` as a JSON string, each character written plainly or escaped at random.
    void quoted(const std::string& text, std::string& out)
    {
        out += '"';
        for (std::size_t i = 0; i < text.size();) {
            const auto c = static_cast<unsigned char>(text[i]);
            std::size_t size = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            const std::string ch = text.substr(i, size);
            i += size;
            const bool mustEscape = c < 0x20 || c == '"' || c == '\\';
            if (!mustEscape && pick(3) != 0) {
                out += ch;
                continue;
            }
            // \uXXXX (a surrogate pair above U+FFFF), or the short escape where one exists.
            unsigned cp = c;
            if (size == 2)
                cp = ((c & 0x1F) << 6) | (ch[1] & 0x3F);
            else if (size == 3)
                cp = ((c & 0x0F) << 12) | ((ch[1] & 0x3F) << 6) | (ch[2] & 0x3F);
            else if (size == 4)
                cp = ((c & 0x07) << 18) | ((ch[1] & 0x3F) << 12) | ((ch[2] & 0x3F) << 6) | (ch[3] & 0x3F);
            const char* shortEscape = cp == '"' ? "\\\"" : cp == '\\' ? "\\\\" : cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : cp == '/' ? "\\/" : nullptr;
            char buffer[16];
            if (shortEscape && pick(2)) {
                out += shortEscape;
            } else if (cp >= 0x10000) {
                const unsigned v = cp - 0x10000;
                std::snprintf(buffer, sizeof buffer, pick(2) ? "\\u%04X\\u%04X" : "\\u%04x\\u%04x", 0xD800 + (v >> 10),
                              0xDC00 + (v & 0x3FF));
                out += buffer;
            } else {
                std::snprintf(buffer, sizeof buffer, pick(2) ? "\\u%04X" : "\\u%04x", cp);
                out += buffer;
            }
        }
        out += '"';
    }

    void number(std::string& out)
    {
        static const char* numbers[] = {"0", "-0", "1", "42", "-17", "3.25", "-0.5", "1e3", "2E-2", "1.5e+10",
                                        "9223372036854775807", "9223372036854775808", "-9223372036854775808",
                                        "-9223372036854775809", "18446744073709551615", "18446744073709551616",
                                        "1e400", "-1e400", "1e-400", "0.1", "123456789.123456789", "5e-324"};
        out += numbers[pick(22)];
    }
};

/// nlohmann's answer and ours for `text` disagree: a message, or empty.
std::string disagreement(const std::string& text)
{
    const Json theirs = Json::parse(text, nullptr, false);
    std::optional<Json> ours;
    std::string ourError;
    try {
        ours = parseJsonStrict(text, "doc.json");
    } catch (const InputError& e) {
        ourError = e.message();
    }
    if (ourError.find("duplicate key") != std::string::npos)
        return {};  // refused on purpose; nlohmann keeps the last value
    if (theirs.is_discarded())
        return ours ? "nlohmann refuses it, parseJsonStrict reads " + ours->dump() : std::string();
    if (!ours)
        return "nlohmann reads " + theirs.dump() + ", parseJsonStrict refuses it: " + ourError;
    if (*ours != theirs)
        return "nlohmann reads " + theirs.dump() + ", parseJsonStrict reads " + ours->dump();
    // The same value of the same kind: == compares 1 and 1.0 and 1u as equal.
    std::vector<std::pair<const Json*, const Json*>> pending{{&*ours, &theirs}};
    while (!pending.empty()) {
        auto [a, b] = pending.back();
        pending.pop_back();
        if (a->type() != b->type())
            return "a number of another kind: " + a->dump() + " against nlohmann's " + b->dump();
        if (a->is_structured())
            for (auto i = a->begin(), j = b->begin(); i != a->end(); ++i, ++j)
                pending.emplace_back(&i.value(), &j.value());
    }
    return {};
}

/// Removes bytes from `text` while the parsers still disagree on it.
std::string shrunk(std::string text)
{
    for (std::size_t chunk = text.size() / 2; chunk > 0; chunk /= 2) {
        for (std::size_t at = 0; at + chunk <= text.size();) {
            std::string smaller = text;
            smaller.erase(at, chunk);
            if (!disagreement(smaller).empty())
                text = std::move(smaller);
            else
                at += chunk;
        }
    }
    return text;
}

QString printable(const std::string& text)
{
    return QString::fromStdString(Json(text).dump(-1, ' ', true, Json::error_handler_t::replace));
}

} // namespace

class TstJsonParse : public QObject {
    Q_OBJECT
private slots:
    void readsWhatNlohmannReads();
    void refusals_data();
    void refusals();
    void numberKinds();
    void duplicateKeyNamesItsPath();
};

// The property: on 20,000 generated documents and 20,000 mangled ones (seeds 1..N, so a
// failure names its seed), both parsers accept the same texts, read the same values of
// the same kinds, and refuse the same texts.
void TstJsonParse::readsWhatNlohmannReads()
{
    int refusedMangled = 0;
    for (unsigned seed = 1; seed <= 20000; ++seed) {
        DocumentWriter writer(seed);
        const std::string document = writer.document();
        for (const std::string& text : {document, writer.mangled(document)}) {
            const std::string problem = disagreement(text);
            if (!problem.empty()) {
                const std::string smallest = shrunk(text);
                QFAIL(qPrintable(QStringLiteral("seed %1: %2\n  text: %3\n  shrunk to %4: %5")
                                     .arg(seed)
                                     .arg(QString::fromStdString(problem), printable(text), printable(smallest),
                                          QString::fromStdString(disagreement(smallest)))));
            }
        }
        if (Json::parse(writer.mangled(document), nullptr, false).is_discarded())
            ++refusedMangled;
    }
    // The mangling reaches both sides: most mangled texts are refused, some still read.
    QVERIFY2(refusedMangled > 10000 && refusedMangled < 19900, qPrintable(QString::number(refusedMangled)));
}

void TstJsonParse::refusals_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray("") << "invalid JSON at line 1, column 1 (near end of input): unexpected end of input; expected a value";
    QTest::newRow("trailing comma") << QByteArray("{\"a\": 1,}")
                                    << "invalid JSON at line 1, column 9 (near '}'): unexpected character; expected a string: the member's key";
    QTest::newRow("second line") << QByteArray("{\n  \"a\": tru\n}")
                                 << "invalid JSON at line 2, column 8 (near 'tru'): invalid literal; expected true";
    QTest::newRow("leading zero") << QByteArray("[01]") << "invalid JSON at line 1, column 2 (near '01]'): invalid number; a leading zero is not followed by digits";
    QTest::newRow("control character") << QByteArray("[\"a\tb\"]")
                                       << "invalid JSON at line 1, column 4 (near '\tb\"]'): invalid string: control character U+0009 must be escaped";
    QTest::newRow("ill-formed UTF-8") << QByteArray("[\"\xC3(\"]") << "invalid string: ill-formed UTF-8";
    QTest::newRow("lone low surrogate") << QByteArray("[\"\\uDC00\"]") << "a low surrogate (\\uDC00-\\uDFFF) must follow a high one";
    QTest::newRow("unclosed string") << QByteArray("[\"abc") << "invalid JSON at line 1, column 2 (near '\"abc'): invalid string: missing closing quote";
    QTest::newRow("number overflow") << QByteArray("[1, -1e400]") << "invalid JSON at line 1, column 5 (near '-1e400]'): number overflow: too large for a double";
    QTest::newRow("text after the value") << QByteArray("{} x") << "unexpected text after the JSON value";
    QTest::newRow("a long token is cut") << QByteArray("[" + QByteArray(100, 'x') + "]")
                                         << "(near '" + QString(40, 'x') + "…')";
}

void TstJsonParse::refusals()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);
    const auto error = inputErrorOf(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    QVERIFY(error);
    QCOMPARE(error->file(), std::string("doc.json"));
    QVERIFY2(QString::fromStdString(error->message()).contains(message), error->what());
}

void TstJsonParse::numberKinds()
{
    const Json parsed = parseJsonStrict("[0, -0, 18446744073709551615, 18446744073709551616, -9223372036854775808, "
                                        "-9223372036854775809, 1.0, 1e-400]",
                                        "doc.json");
    QVERIFY(parsed[0].is_number_unsigned());
    QVERIFY(parsed[1].is_number_integer() && !parsed[1].is_number_unsigned());
    QCOMPARE(parsed[2].get<std::uint64_t>(), std::uint64_t(18446744073709551615u));
    QVERIFY(parsed[3].is_number_float());
    QCOMPARE(parsed[4].get<std::int64_t>(), std::numeric_limits<std::int64_t>::min());
    QVERIFY(parsed[5].is_number_float());
    QVERIFY(parsed[6].is_number_float());
    QVERIFY(parsed[7].is_number_float() && parsed[7].get<double>() == 0.0);
}

void TstJsonParse::duplicateKeyNamesItsPath()
{
    // Escapes do not hide a duplicate: "\u0061" is "a".
    const auto error = inputErrorOf(R"({"tables": [{"x": 1}, {"a": 1, "b": 2, "\u0061": 3}]})");
    QVERIFY(error);
    QCOMPARE(error->jsonPath(), std::string("$.tables[1].a"));
    QCOMPARE(error->message(), std::string("duplicate key \"a\""));
    // Past 16 members the keys are hashed: still found.
    std::string wide = "{";
    for (int i = 0; i < 40; ++i)
        wide += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
    wide += "\"k7\": 0}";
    const auto wideError = inputErrorOf(wide);
    QVERIFY(wideError);
    QCOMPARE(wideError->jsonPath(), std::string("$.k7"));
}

QTEST_APPLESS_MAIN(TstJsonParse)
#include "tst_json_parse.moc"
