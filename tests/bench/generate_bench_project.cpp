// Writes a large Tempest project for the Studio benchmark: <dir>/tempest.json (SQLite,
// no database yet), models.json with N tables, and M migration files forming a branchy
// revision graph (a main line with short side branches that fork and merge back).
//
//   generate_bench_project <dir> [tables=5000] [revisions=10000] [--branches N]
//
// Without --branches a side branch forks every 40 revisions (the Studio benchmark's
// shape); --branches N forks exactly N branches, evenly spread, each merged back by a
// merge revision (N = 0: one linear chain). scripts/bench.sh uses the latter for its
// upgrade and heads/history/current rows.
//
// The revisions are consistent with the models: revision k < tables creates t<k>
// (id, name); revision k >= tables adds column c<k> to t<k % tables>; the models hold
// exactly the heads' schema, so the Studio's diff is empty and loading measures the
// graph, the trees and the DAG rather than a huge operation list.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

std::string revisionId(int k)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "r%05d", k);
    return buf;
}

std::string createdAt(int k)
{
    // One minute apart from 2026-01-01: distinct, increasing, valid timestamps.
    const int minutes = k;
    char buf[32];
    std::snprintf(buf, sizeof buf, "2026-%02d-%02dT%02d:%02d:00Z", 1 + minutes / (60 * 24 * 28),
                  1 + (minutes / (60 * 24)) % 28, (minutes / 60) % 24, minutes % 60);
    return buf;
}

json tableDefinition()
{
    return {{"columns", {{"id", {{"type", "integer"}, {"nullable", false}}}, {"name", {{"type", "text"}}}}},
            {"primaryKey", {"id"}}};
}

void writeJson(const fs::path& path, const json& value)
{
    std::ofstream out(path);
    out << value.dump(1) << '\n';
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: generate_bench_project <dir> [tables=5000] [revisions=10000]\n";
        return 2;
    }
    const fs::path dir = argv[1];
    const int tables = argc > 2 ? std::stoi(argv[2]) : 5000;
    const int revisions = argc > 3 ? std::stoi(argv[3]) : 10000;
    // -1: the Studio shape (every 40 revisions); otherwise exactly this many branches.
    int wantedBranches = -1;
    if (argc > 5 && std::string(argv[4]) == "--branches")
        wantedBranches = std::stoi(argv[5]);
    else if (argc > 4) {
        std::cerr << "usage: generate_bench_project <dir> [tables=5000] [revisions=10000] [--branches N]\n";
        return 2;
    }
    // A branch and its merge take about 7 revisions, so forks must be at least that far apart.
    const int forkInterval = wantedBranches > 0 ? std::max(8, (revisions - 10) / wantedBranches) : 40;
    int nextFork = 0;
    if (tables < 1 || revisions < tables) {
        std::cerr << "need 1 <= tables <= revisions\n";
        return 2;
    }
    try {
        fs::remove_all(dir);
        fs::create_directories(dir / "migrations");
        writeJson(dir / "tempest.json",
                  {{"dialect", "sqlite"}, {"database", "bench.db"}, {"migrations", "migrations"}, {"models", "models.json"}});

        json models = {{"tables", json::object()}};
        for (int t = 0; t < tables; ++t)
            models["tables"]["t" + std::to_string(t)] = tableDefinition();

        // Every 40 revisions a side branch of up to 3 revisions forks from the main line
        // and merges back 6 revisions later (the merge is the next main-line revision),
        // so there are always a few lanes open.
        std::string mainTip;
        std::string branchTip;
        int branchLeft = 0;
        int branches = 0, merges = 0;
        for (int k = 0; k < revisions; ++k) {
            json ops = json::array();
            if (k < tables) {
                ops.push_back({{"kind", "create_table"}, {"table", "t" + std::to_string(k)}, {"definition", tableDefinition()}});
            } else {
                const std::string table = "t" + std::to_string(k % tables);
                const std::string column = "c" + std::to_string(k);
                ops.push_back({{"kind", "add_column"}, {"table", table}, {"column", column}, {"definition", {{"type", "integer"}}}});
                models["tables"][table]["columns"][column] = {{"type", "integer"}};
            }
            json parents = json::array();
            const bool last = k == revisions - 1;
            const bool onBranch = branchLeft > 0 && !last && k % 2 == 1;
            if (onBranch) {
                parents.push_back(branchTip);
                branchTip = revisionId(k);
                --branchLeft;
            } else {
                if (!mainTip.empty())
                    parents.push_back(mainTip);
                if (!branchTip.empty() && (branchLeft == 0 || last)) {
                    parents.push_back(branchTip);  // the merge
                    branchTip.clear();
                    branchLeft = 0;
                    ++merges;
                }
                mainTip = revisionId(k);
                const bool forkHere = wantedBranches < 0 ? k % 40 == 0 : branches < wantedBranches && k >= nextFork;
                if (forkHere && branchTip.empty() && k + 10 < revisions) {
                    nextFork = k + forkInterval;
                    branchTip = mainTip;  // the fork: the next branch revision's parent
                    branchLeft = 3;
                    ++branches;
                }
            }
            const std::string id = revisionId(k);
            writeJson(dir / "migrations" / (id + "_step.json"),
                      {{"revision", id}, {"downRevision", parents}, {"label", "step " + std::to_string(k)},
                       {"createdAt", createdAt(k)}, {"up", ops}});
        }
        writeJson(dir / "models.json", models);
        std::cout << "wrote " << dir.string() << ": " << tables << " tables, " << revisions << " revisions, "
                  << branches << " branches, " << merges << " merges\n";
    } catch (const std::exception& e) {
        std::cerr << "generate_bench_project: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
