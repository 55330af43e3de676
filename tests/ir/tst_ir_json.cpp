// The IR's JSON form is a contract other tools read and write: these tests pin the
// canonical text, the strictness of reading, and the messages a user sees.
#include "core/ir/errors.h"
#include "core/ir/json.h"
#include "core/ir/schema_json.h"

#include <QTest>

#include <fstream>
#include <sstream>

using namespace tempest;

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The error message for parsing `text` as IR, or "" when it parses.
std::string irError(const std::string& text)
{
    try {
        parseSchema(text, "models.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

} // namespace

class TstIrJson : public QObject {
    Q_OBJECT
private slots:
    void designExampleRoundTripsToIdenticalText()
    {
        const std::string path = TEMPEST_TEST_DATA_DIR "/ir/design_example.json";
        const std::string text = readFile(path);
        Schema s = loadSchemaFile(path);
        QCOMPARE(s.tables.size(), std::size_t(2));
        const Table* users = s.findTable("users");
        QVERIFY(users);
        QCOMPARE(users->columns.front().name, std::string("id"));
        QVERIFY(!users->findColumn("id")->nullable);       // implied by the primary key
        QVERIFY(users->findColumn("score")->nullable);
        QCOMPARE(*users->findColumn("score")->precision, 10);
        QCOMPARE(users->findColumn("role")->defaultValue->text, std::string("member"));
        QVERIFY(users->indexes[1].columns[0].expression);
        QCOMPARE(*users->indexes[1].where, std::string("email IS NOT NULL"));
        QCOMPARE(s.tables[1].foreignKeys[0].onDelete, FkAction::Cascade);
        QCOMPARE(toJson(s), text);
    }

    // Issue 12: toJson writes table by table (and in pieces through writeJson) instead of
    // building the whole document; the text must stay what the document writer gives,
    // for escaped and unicode names, long inline arrays, enums and unsupported objects.
    void streamedTextEqualsDocumentText()
    {
        Schema s = loadSchemaFile(TEMPEST_TEST_DATA_DIR "/ir/design_example.json");
        Table odd;
        odd.name = "we\"ird\\ name \t ü";
        Column c;
        c.name = "ü \"col\"";
        c.defaultValue = DefaultValue::string("a\x01b\x7f");
        odd.columns.push_back(c);
        for (int i = 0; i < 30; ++i) {
            Column more;
            more.name = "column_number_" + std::to_string(i);
            more.type = ColumnType::Integer;
            more.defaultValue = DefaultValue::number(i % 2 ? "1.5e3" : "-7");
            odd.columns.push_back(more);
            odd.primaryKey.push_back(more.name);  // an array too long for one line
        }
        s.tables.push_back(odd);
        s.unsupported.push_back({"view", "v \"x\"", std::nullopt, std::nullopt, "CREATE VIEW …"});
        const std::string document = writeCanonicalJson(schemaToJson(s));
        QCOMPARE(toJson(s), document);
        std::string pieces;
        int count = 0;
        writeJson(s, [&](std::string_view piece) { pieces += piece; ++count; });
        QCOMPARE(pieces, document);
        QVERIFY(count >= 1);
        QCOMPARE(toJson(Schema{}), writeCanonicalJson(schemaToJson(Schema{})));
    }

    void equalToDefaultIsAcceptedAndOmitted()
    {
        Schema s = parseSchema(R"({"tables": {"t": {"columns": {"id": {"type": "integer", "nullable": false},
            "x": {"type": "text", "nullable": true, "autoincrement": false}}, "primaryKey": ["id"],
            "indexes": {"ix": {"columns": ["x"], "unique": false}}}}, "enums": {}})", "m.json");
        const std::string out = toJson(s);
        QVERIFY(out.find("nullable") == std::string::npos);
        QVERIFY(out.find("unique") == std::string::npos);
        QVERIFY(out.find("enums") == std::string::npos);
        QVERIFY(out.find("autoincrement") == std::string::npos);
    }

    // docs/ir.md "collation": written after the type's keys, omitted when absent, read back.
    void collationIsWrittenInItsPlaceAndReadBack()
    {
        const std::string in = R"({"tables": {"t": {"columns": {"a": {"type": "text", "collation": "NOCASE", "nullable": false}, "b": {"type": "text"}}}}})";
        Schema s = parseSchema(in, "m.json");
        QCOMPARE(*s.tables[0].findColumn("a")->collation, std::string("NOCASE"));
        QVERIFY(!s.tables[0].findColumn("b")->collation);
        const std::string out = toJson(s);
        QVERIFY2(out.find("\"type\": \"text\",\n          \"collation\": \"NOCASE\",\n          \"nullable\": false") != std::string::npos,
                 out.c_str());
        QCOMPARE(out.find("collation"), out.rfind("collation"));  // b has none
        QCOMPARE(toJson(parseSchema(out, "again.json")), out);
        QVERIFY(irError(R"({"tables": {"t": {"columns": {"a": {"type": "text", "collation": ""}}}}})")
                    .rfind("models.json: $.tables.t.columns.a.collation: \"collation\" names a collation", 0) == 0);
        QVERIFY(irError(R"({"tables": {"t": {"columns": {"a": {"type": "text", "collation": 1}}}}})")
                    .rfind("models.json: $.tables.t.columns.a.collation: expected a string", 0) == 0);
    }

    void domainsRoundTripCanonically()
    {
        // Key order of a domain: the column keys that say a type, nullability and
        // default, then "checks"; nullable true is omitted as for a column.
        const std::string text = R"({
  "tables": {
    "film": {
      "columns": {
        "release_year": {"type": "custom", "sql": "year"}
      }
    }
  },
  "domains": {
    "year": {
      "type": "integer",
      "checks": {
        "year_check": {"expr": "VALUE >= 1901 AND VALUE <= 2155"}
      }
    },
    "email address": {
      "type": "varchar",
      "length": 255,
      "nullable": false,
      "default": {"value": "nobody@example.org"}
    }
  }
}
)";
        const Schema schema = parseSchema(text, "models.json");
        QCOMPARE(schema.domains.size(), std::size_t(2));
        const Domain& year = schema.domains.front();
        QCOMPARE(year.name, std::string("year"));
        QCOMPARE(year.base.type, ColumnType::Integer);
        QVERIFY(year.base.nullable);
        QCOMPARE(year.checks.size(), std::size_t(1));
        QCOMPARE(year.checks.front().name, std::string("year_check"));
        const Domain& email = schema.domains.back();
        QVERIFY(!email.base.nullable);
        QCOMPARE(email.base.length, std::optional<int>(255));
        QCOMPARE(columnDomain(schema, schema.tables.front().columns.front()), &year);
        // Written back: the same schema, and the text is a fixed point.
        const std::string written = toJson(schema);
        QCOMPARE(parseSchema(written, "again.json"), schema);
        QCOMPARE(toJson(parseSchema(written, "again.json")), written);
        QVERIFY(written.find("\"domains\"") != std::string::npos);
    }

    // docs/ir.md "Sequences": options in their order, defaults left out (also when they are
    // spelled out, as `{"start": 1}`), the owner read back, the whole text stable.
    void sequencesAreWrittenCanonicallyAndReadBack()
    {
        const std::string in = R"({"tables": {"t": {"columns": {"a": {"type": "integer"}, "b": {"type": "text"}}, "primaryKey": ["a", "b"]}},
            "sequences": {"t_a_seq": {"ownedBy": {"table": "t", "column": "a"}, "type": "integer"},
                          "tickets": {"cycle": true, "cache": 20, "max": 9999, "min": 10, "increment": 5, "start": 100, "type": "smallint"},
                          "plain": {"type": "bigint", "start": 1, "increment": 1, "min": 1, "cache": 1, "cycle": false},
                          "down": {"increment": -1, "max": -1, "start": -1}}})";
        const Schema s = parseSchema(in, "m.json");
        QCOMPARE(s.sequences.size(), std::size_t(4));
        QCOMPARE(s.findSequence("t_a_seq")->ownedBy->column, std::string("a"));
        QCOMPARE(*s.findSequence("tickets")->max, std::int64_t(9999));
        const std::string out = toJson(s);
        const std::string expected = R"(  "sequences": {
    "t_a_seq": {
      "type": "integer",
      "ownedBy": {
        "table": "t",
        "column": "a"
      }
    },
    "tickets": {
      "type": "smallint",
      "start": 100,
      "increment": 5,
      "min": 10,
      "max": 9999,
      "cache": 20,
      "cycle": true
    },
    "plain": {},
    "down": {
      "increment": -1
    }
  }
})";
        QVERIFY2(out.size() >= expected.size() && out.compare(out.size() - expected.size() - 1, expected.size(), expected) == 0,
                 out.c_str());
        QCOMPARE(toJson(parseSchema(out, "again.json")), out);
    }

    // docs/ir.md "Arrays", "Generated columns", "Deferrable constraints": each written in
    // its place, omitted at its default, read back to the same text; bad values named.
    void arraysGeneratedColumnsAndDeferralRoundTrip()
    {
        const std::string in = R"J({"tables": {
            "p": {"columns": {"id": {"type": "integer"}, "code": {"type": "varchar", "length": 8}}, "primaryKey": ["id"],
                  "uniques": {"uq_p_code": {"columns": ["code"], "deferrable": true}}},
            "t": {"columns": {"id": {"type": "integer"},
                              "tags": {"type": "varchar", "length": 20, "array": 1, "nullable": false},
                              "grid": {"type": "integer", "array": 2},
                              "price": {"type": "numeric", "precision": 10, "scale": 2},
                              "qty": {"type": "integer"},
                              "total": {"type": "numeric", "generated": {"expr": "price * qty"}},
                              "label": {"type": "text", "generated": {"expr": "upper(code)", "stored": false}},
                              "code": {"type": "varchar", "length": 8}},
                  "primaryKey": ["id"],
                  "foreignKeys": {"fk_t_code": {"columns": ["code"], "refTable": "p", "refColumns": ["code"],
                                                "deferrable": true, "initiallyDeferred": true}}}}})J";
        Schema s = parseSchema(in, "m.json");
        const Table& t = *s.findTable("t");
        QCOMPARE(t.findColumn("tags")->arrayDims, 1);
        QCOMPARE(t.findColumn("grid")->arrayDims, 2);
        QCOMPARE(t.findColumn("qty")->arrayDims, 0);
        QCOMPARE(*t.findColumn("total")->generated, std::string("price * qty"));
        QVERIFY(t.findColumn("total")->generatedStored);
        QVERIFY(!t.findColumn("label")->generatedStored);
        QVERIFY(t.foreignKeys[0].deferral.deferrable && t.foreignKeys[0].deferral.initiallyDeferred);
        QVERIFY(s.findTable("p")->uniques[0].deferral.deferrable);
        QVERIFY(!s.findTable("p")->uniques[0].deferral.initiallyDeferred);
        const std::string out = toJson(s);
        QVERIFY2(out.find("\"length\": 20,\n          \"array\": 1,\n          \"nullable\": false") != std::string::npos,
                 out.c_str());
        QVERIFY2(out.find("\"generated\": {\n            \"expr\": \"price * qty\"\n          }") != std::string::npos,
                 out.c_str());
        QVERIFY2(out.find("\"generated\": {\n            \"expr\": \"upper(code)\",\n            \"stored\": false\n          }")
                     != std::string::npos,
                 out.c_str());
        QVERIFY2(out.find("\"initiallyDeferred\": true") != std::string::npos, out.c_str());
        QCOMPARE(out.find("initiallyDeferred"), out.rfind("initiallyDeferred"));  // the unique's is omitted
        QCOMPARE(toJson(parseSchema(out, "again.json")), out);

        QCOMPARE(irError(R"({"tables": {"t": {"columns": {"a": {"type": "text", "array": 0}}}}})"),
                 std::string("models.json: $.tables.t.columns.a.array: \"array\" is the number of dimensions, 1 or more "
                             "(omit it for a plain column)"));
        QVERIFY(irError(R"({"tables": {"t": {"columns": {"a": {"type": "text", "generated": {"expr": "x", "default": 1}}}}}})")
                    .rfind("models.json: $.tables.t.columns.a.generated.default:", 0) == 0);
        QVERIFY(irError(R"({"tables": {"t": {"columns": {"a": {"type": "text", "generated": {}}}}}})")
                    .rfind("models.json: $.tables.t.columns.a.generated: missing required key \"expr\"", 0) == 0);
        QVERIFY(irError(R"({"tables": {"t": {"columns": {"a": {"type": "text", "default": {"value": "x"}, "generated": {"expr": "'y'"}}}}}})")
                    .rfind("models.json: $.tables.t.columns.a.generated: generated column \"a\" has a default", 0) == 0);
        QVERIFY(irError(R"({"tables": {"u": {"columns": {"a": {"type": "text"}}, "uniques": {"uq": {"columns": ["a"], "initiallyDeferred": true}}}}})")
                    .rfind("models.json: $.tables.u.uniques.uq.initiallyDeferred: \"initiallyDeferred\" needs \"deferrable\": true", 0) == 0);
    }

    void partitionsRoundTripCanonically()
    {
        const std::string in = R"J({"tables": {
            "m": {"columns": {"id": {"type": "integer"}, "day": {"type": "date", "nullable": false},
                              "region": {"type": "text"}},
                  "primaryKey": ["id", "day"], "partitionBy": "RANGE (day)", "comment": "measurements"},
            "m_2024": {"partitionBound": "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", "partitionOf": "m",
                       "partitionBy": "LIST (region)",
                       "indexes": {"ix_m_2024_region": {"columns": ["region"]}}},
            "m_2024_eu": {"columns": {}, "partitionOf": "m_2024", "partitionBound": "FOR VALUES IN ('eu')",
                          "checks": {"ck_id": {"expr": "id > 0"}},
                          "foreignKeys": {"fk_r": {"columns": ["region"], "refTable": "r", "refColumns": ["code"]}}},
            "m_other": {"columns": {}, "partitionOf": "m", "partitionBound": "DEFAULT"},
            "r": {"columns": {"code": {"type": "text"}}, "primaryKey": ["code"]}}})J";
        Schema s = parseSchema(in, "m.json");
        QCOMPARE(*s.findTable("m")->partitionBy, std::string("RANGE (day)"));
        const Table& p = *s.findTable("m_2024");
        QVERIFY(p.columns.empty());
        QCOMPARE(*p.partitionOf, std::string("m"));
        QCOMPARE(*p.partitionBy, std::string("LIST (region)"));
        QCOMPARE(*s.findTable("m_other")->partitionBound, std::string("DEFAULT"));
        const std::string out = toJson(s);
        // Canonical: "columns" always written, the keys after "comment" in a fixed order.
        QVERIFY2(out.find("\"m_2024\": {\n      \"columns\": {},") != std::string::npos, out.c_str());
        QVERIFY2(out.find("\"comment\": \"measurements\",\n      \"partitionBy\": \"RANGE (day)\"") != std::string::npos,
                 out.c_str());
        QVERIFY2(out.find("\"partitionBy\": \"LIST (region)\",\n      \"partitionOf\": \"m\",\n      \"partitionBound\": ")
                     != std::string::npos,
                 out.c_str());
        QCOMPARE(toJson(parseSchema(out, "again.json")), out);
        QCOMPARE(parseSchema(out, "again.json"), s);
    }

    void partitionErrorsNamePath_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        const QString parent = R"J("m": {"columns": {"a": {"type": "integer"}}, "partitionBy": "LIST (a)"})J";
        QTest::newRow("of without bound")
            << R"({"tables": {)" + parent + R"(, "p": {"partitionOf": "m"}}})"
            << "models.json: $.tables.p.partitionOf: partition \"p\" has \"partitionOf\" but no \"partitionBound\"";
        QTest::newRow("bound without of")
            << R"({"tables": {"p": {"columns": {"a": {"type": "integer"}}, "partitionBound": "DEFAULT"}}})"
            << "models.json: $.tables.p.partitionBound: table \"p\" has \"partitionBound\" but no \"partitionOf\"";
        QTest::newRow("wrong type")
            << R"({"tables": {"p": {"columns": {"a": {"type": "integer"}}, "partitionBy": 3}}})"
            << "models.json: $.tables.p.partitionBy: expected a string, found a number";
        QTest::newRow("empty key")
            << R"({"tables": {"p": {"columns": {"a": {"type": "integer"}}, "partitionBy": ""}}})"
            << "models.json: $.tables.p.partitionBy: \"partitionBy\" is empty";
        QTest::newRow("unknown key")
            << R"({"tables": {"p": {"columns": {"a": {"type": "integer"}}, "partitionOn": "x"}}})"
            << "models.json: $.tables.p.partitionOn: unknown key \"partitionOn\"";
        QTest::newRow("partition with columns")
            << R"({"tables": {)" + parent
                   + R"(, "p": {"columns": {"a": {"type": "integer"}}, "partitionOf": "m", "partitionBound": "DEFAULT"}}})"
            << "models.json: $.tables.p.columns: partition \"p\" lists columns";
        QTest::newRow("partition with primary key")
            << R"({"tables": {)" + parent + R"(, "p": {"primaryKey": ["a"], "partitionOf": "m", "partitionBound": "DEFAULT"}}})"
            << "models.json: $.tables.p.primaryKey: partition \"p\" has a primary key";
        QTest::newRow("partition with uniques")
            << R"({"tables": {)" + parent
                   + R"(, "p": {"uniques": {"u": {"columns": ["a"]}}, "partitionOf": "m", "partitionBound": "DEFAULT"}}})"
            << "models.json: $.tables.p.uniques: partition \"p\" has unique constraints";
        QTest::newRow("parent missing")
            << R"({"tables": {"p": {"partitionOf": "nope", "partitionBound": "DEFAULT"}}})"
            << "models.json: $.tables.p.partitionOf: partition \"p\" is a partition of table \"nope\", which does not exist";
        QTest::newRow("parent not partitioned")
            << R"({"tables": {"m": {"columns": {"a": {"type": "integer"}}}, "p": {"partitionOf": "m", "partitionBound": "DEFAULT"}}})"
            << "models.json: $.tables.p.partitionOf: partition \"p\" is a partition of table \"m\", which is not partitioned";
        QTest::newRow("partition index column missing")
            << R"({"tables": {)" + parent
                   + R"(, "p": {"indexes": {"ix": {"columns": ["b"]}}, "partitionOf": "m", "partitionBound": "DEFAULT"}}})"
            << "models.json: $.tables.p.indexes.ix.columns: index \"ix\" names column \"b\"";
    }
    void partitionErrorsNamePath()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        const std::string error = irError(json.toStdString());
        QVERIFY2(error.rfind(expected.toStdString(), 0) == 0, error.c_str());
    }

    void numbersAndUnicodeSurviveUnescaped()
    {
        Schema s = parseSchema(R"({"tables": {"größe": {"columns": {"preço": {"type": "double",
            "default": {"value": 1.5}}, "n": {"type": "bigint", "default": {"value": -9007199254740993}}}}}})",
                               "m.json");
        const std::string out = toJson(s);
        QVERIFY(out.find("\"größe\"") != std::string::npos);
        QVERIFY(out.find("\"preço\"") != std::string::npos);
        QVERIFY(out.find("1.5") != std::string::npos);
        QVERIFY(out.find("-9007199254740993") != std::string::npos);
        QCOMPARE(toJson(parseSchema(out, "again.json")), out);
    }

    void badInputNamesFileAndPath_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << R"({"tables": {)" << "models.json: invalid JSON at line 1";
        QTest::newRow("duplicate key")
            << R"({"tables": {"t": {"columns": {"a": {"type": "text"}, "a": {"type": "text"}}}}})"
            << "models.json: $.tables.t.columns.a: duplicate key \"a\"";
        QTest::newRow("unknown key")
            << R"({"tables": {"t": {"columns": {"a": {"type": "text", "nulable": false}}}}})"
            << "models.json: $.tables.t.columns.a.nulable: unknown key \"nulable\"";
        QTest::newRow("unknown type")
            << R"({"tables": {"t": {"columns": {"a": {"type": "string"}}}}})"
            << "models.json: $.tables.t.columns.a.type: unknown type \"string\"";
        QTest::newRow("wrong type")
            << R"({"tables": {"t": {"columns": {"a": {"type": "varchar", "length": "255"}}}}})"
            << "models.json: $.tables.t.columns.a.length: expected a whole number, found a string";
        QTest::newRow("quoted path")
            << R"({"tables": {"my table": {"columns": {"a b": {"type": 5}}}}})"
            << "models.json: $.tables[\"my table\"].columns[\"a b\"].type: expected a string, found a number";
        QTest::newRow("autoincrement not pk")
            << R"({"tables": {"t": {"columns": {"a": {"type": "integer", "autoincrement": true}, "b": {"type": "text"}}, "primaryKey": ["b"]}}})"
            << "models.json: $.tables.t.columns.a.autoincrement: autoincrement needs a single-column integer primary key";
        QTest::newRow("enum undeclared")
            << R"({"tables": {"t": {"columns": {"a": {"type": "enum", "enum": "mood"}}}}})"
            << "models.json: $.tables.t.columns.a.enum: enum \"mood\" is not declared";
        QTest::newRow("fk to missing table")
            << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}, "foreignKeys": {"fk": {"columns": ["a"], "refTable": "nope", "refColumns": ["id"]}}}}})"
            << "models.json: $.tables.t.foreignKeys.fk.refTable: foreign key \"fk\" references table \"nope\"";
        QTest::newRow("pk column missing")
            << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}, "primaryKey": ["id"]}}})"
            << "models.json: $.tables.t.primaryKey: the primary key names column \"id\"";
        QTest::newRow("length on text")
            << R"({"tables": {"t": {"columns": {"a": {"type": "text", "length": 3}}}}})"
            << "models.json: $.tables.t.columns.a.length: \"length\" applies to varchar and char";
        QTest::newRow("bad fk action")
            << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}, "primaryKey": ["a"], "foreignKeys": {"fk": {"columns": ["a"], "refTable": "t", "refColumns": ["a"], "onDelete": "nuke"}}}}})"
            << "models.json: $.tables.t.foreignKeys.fk.onDelete: unknown action \"nuke\"";
        QTest::newRow("default both")
            << R"({"tables": {"t": {"columns": {"a": {"type": "integer", "default": {"value": 1, "expr": "2"}}}}}})"
            << "models.json: $.tables.t.columns.a.default: a default is";
        QTest::newRow("domain unknown key")
            << R"({"tables": {}, "domains": {"year": {"type": "integer", "comment": "x"}}})"
            << "models.json: $.domains.year.comment: unknown key \"comment\"";
        QTest::newRow("domain without type")
            << R"({"tables": {}, "domains": {"year": {"nullable": false}}})"
            << "models.json: $.domains.year: missing required key \"type\"";
        QTest::newRow("domain check without expr")
            << R"({"tables": {}, "domains": {"year": {"type": "integer", "checks": {"c": {}}}}})"
            << "models.json: $.domains.year.checks.c: missing required key \"expr\"";
        QTest::newRow("domain over undeclared enum")
            << R"({"tables": {}, "domains": {"d": {"type": "enum", "enum": "mood"}}})"
            << "models.json: $.domains.d.enum: enum \"mood\" is not declared";
        QTest::newRow("domain named like an enum")
            << R"({"tables": {}, "enums": {"d": ["a"]}, "domains": {"d": {"type": "integer"}}})"
            << "models.json: $.domains.d: \"d\" is both an enum and a domain";
        QTest::newRow("sequence type")
            << R"({"tables": {}, "sequences": {"s": {"type": "text"}}})"
            << "models.json: $.sequences.s.type: a sequence's type is smallint, integer or bigint";
        QTest::newRow("sequence unknown key")
            << R"({"tables": {}, "sequences": {"s": {"strat": 1}}})"
            << "models.json: $.sequences.s.strat: unknown key \"strat\"";
        QTest::newRow("sequence option not an integer")
            << R"({"tables": {}, "sequences": {"s": {"cache": 1.5}}})"
            << "models.json: $.sequences.s.cache: \"cache\" is an integer";
        QTest::newRow("sequence min above max")
            << R"({"tables": {}, "sequences": {"s": {"min": 10, "max": 5}}})"
            << "models.json: $.sequences.s.min: sequence \"s\": min (10) must be less than max (5)";
        QTest::newRow("sequence start outside")
            << R"({"tables": {}, "sequences": {"s": {"type": "smallint", "start": 40000}}})"
            << "models.json: $.sequences.s.start: sequence \"s\": start 40000 is outside [min, max]";
        QTest::newRow("sequence owner table missing")
            << R"({"tables": {}, "sequences": {"s": {"ownedBy": {"table": "t", "column": "a"}}}})"
            << "models.json: $.sequences.s.ownedBy.table: sequence \"s\": owned by table \"t\", which does not exist";
        QTest::newRow("sequence owner column missing")
            << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}}}, "sequences": {"s": {"ownedBy": {"table": "t", "column": "b"}}}})"
            << "models.json: $.sequences.s.ownedBy.column: sequence \"s\": owned by column \"t.b\", which does not exist";
        QTest::newRow("sequence named like a table")
            << R"({"tables": {"t": {"columns": {"a": {"type": "integer"}}}}, "sequences": {"t": {}}})"
            << "models.json: $.sequences.t: sequence \"t\": a table has the same name";
        QTest::newRow("unsupported kind")
            << R"({"tables": {}, "unsupported": [{"kind": "spaceship", "name": "x"}]})"
            << "models.json: $.unsupported[0].kind: unknown unsupported-object kind";
    }
    void badInputNamesFileAndPath()
    {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        const std::string error = irError(json.toStdString());
        QVERIFY2(error.rfind(expected.toStdString(), 0) == 0, error.c_str());
    }

    void canonicalWriterInlinesShortScalarArraysOnly()
    {
        Json j = Json::object();
        j["short"] = Json::array({"a", "b"});
        Json longArray = Json::array();
        for (int i = 0; i < 30; ++i)
            longArray.push_back("column_" + std::to_string(i));
        j["long"] = longArray;
        j["nested"] = Json::array({Json::object({{"k", 1}})});
        j["empty"] = Json::object();
        const std::string out = writeCanonicalJson(j);
        QVERIFY(out.find("\"short\": [\"a\", \"b\"],\n") != std::string::npos);
        QVERIFY(out.find("\"long\": [\n    \"column_0\",\n") != std::string::npos);
        QVERIFY(out.find("\"nested\": [\n    {\n      \"k\": 1\n    }\n  ]") != std::string::npos);
        QVERIFY(out.find("\"empty\": {}") != std::string::npos);
        QCOMPARE(out.back(), '\n');
        QCOMPARE(writeCompactJson(j).find('\n'), std::string::npos);
    }

    void unreadableFileIsNamed()
    {
        try {
            loadSchemaFile("/nonexistent/models.json");
            QFAIL("no error");
        } catch (const InputError& e) {
            QCOMPARE(e.file(), std::string("/nonexistent/models.json"));
        }
    }
};

QTEST_APPLESS_MAIN(TstIrJson)
#include "tst_ir_json.moc"
