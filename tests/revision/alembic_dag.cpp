#include "alembic_dag.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace tempest::test {

AlembicDag readAlembicDag(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    const nlohmann::json doc = nlohmann::json::parse(in);
    AlembicDag dag;
    dag.project = doc.at("project").get<std::string>();
    dag.revisionCount = doc.at("revision_count").get<std::size_t>();
    for (const auto& r : doc.at("revisions")) {
        AlembicRevision rev;
        rev.revision = r.at("revision").get<std::string>();
        rev.downRevision = r.at("down_revision").get<std::vector<std::string>>();
        rev.dependsOn = r.at("depends_on").get<std::vector<std::string>>();
        rev.branchLabels = r.at("branch_labels").get<std::vector<std::string>>();
        dag.revisions.push_back(std::move(rev));
    }
    return dag;
}

std::vector<Migration> toMigrations(const AlembicDag& dag)
{
    std::vector<Migration> out;
    for (const AlembicRevision& r : dag.revisions) {
        Migration m;
        m.revision = r.revision;
        m.downRevision = r.downRevision;
        m.dependsOn = r.dependsOn;
        m.branchLabels = r.branchLabels;
        m.label = r.revision;
        out.push_back(std::move(m));
    }
    return out;
}

std::size_t writeMigrationFiles(const std::string& dir, const std::vector<Migration>& migrations)
{
    for (const Migration& m : migrations) {
        const std::string path = dir + "/" + migrationFileName(m.revision, m.label);
        std::ofstream out(path);
        out << writeCanonicalJson(migrationToJson(m));
        if (!out)
            throw std::runtime_error("cannot write " + path);
    }
    return migrations.size();
}

} // namespace tempest::test
