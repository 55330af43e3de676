// Turns the raw measurements of scripts/bench.sh into the benchmark of record:
// docs/benchmarks.md (tables for people) and docs/benchmarks.json (for tools), and prints
// the Markdown table on stdout. With --verify it only checks that a run is complete: every
// row has a number for its anchor and for tempest-migrate (the ctest smoke test).
//
//   bench_report RESULTS_DIR MARKDOWN_OUT JSON_OUT
//   bench_report --verify RESULTS_DIR
//
// RESULTS_DIR holds, tab-separated (written by scripts/bench.sh):
//   rows.tsv     id, workload, size, anchor, goal ratio or -, goal peak RSS MiB or -, growth group or -
//   samples.tsv  id, round, side (anchor|tempest), wall s, peak RSS KiB, exit code, ok (1|0)
//   counts.tsv   id, workload, found, expected, false positives   (finding-count rows)
//   studio.tsv   id, workload, anchor, goal ms, round, anchor ms, Studio ms (- when the round failed)
//                (Tempest Studio rows: an absolute goal, the anchor shown beside it)
//   meta.tsv     key, value (date, commit, cpu, memory, rounds, mode, note)

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using json = nlohmann::ordered_json;

namespace {

std::vector<std::vector<std::string>> readTsv(const std::string& path, bool required)
{
    std::vector<std::vector<std::string>> lines;
    std::ifstream in(path);
    if (!in) {
        if (required)
            throw std::runtime_error("cannot read " + path);
        return lines;
    }
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        std::vector<std::string> fields;
        std::stringstream s(line);
        std::string field;
        while (std::getline(s, field, '\t'))
            fields.push_back(field);
        lines.push_back(fields);
    }
    return lines;
}

struct Stats {
    double median = 0, min = 0, max = 0;
    bool valid = false;
};

Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    s.min = v.front();
    s.max = v.back();
    s.valid = true;
    return s;
}

struct Side {
    std::vector<double> wall, rssMiB;
    std::vector<int> failedExits;
};

struct Row {
    std::string id, workload, anchor, group;
    long size = 0;
    double goalRatio = -1, goalRssMiB = -1;
    Side anchorSide, tempestSide;
};

std::string seconds(double s)
{
    char buf[32];
    if (s < 1)
        std::snprintf(buf, sizeof buf, "%.0f ms", s * 1000);
    else
        std::snprintf(buf, sizeof buf, "%.2f s", s);
    return buf;
}

std::string fixed(double v, int digits)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::string wallCell(const Stats& s)
{
    if (!s.valid)
        return "—";
    return seconds(s.median) + " (" + seconds(s.min) + "–" + seconds(s.max) + ")";
}

json statsJson(const Stats& s)
{
    if (!s.valid)
        return nullptr;
    return {{"median", s.median}, {"min", s.min}, {"max", s.max}};
}

std::string withThousands(long n)
{
    std::string digits = std::to_string(n), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

// The committed profile that shows where a workload's growth goes, by growth group.
const std::map<std::string, std::string> kGrowthProfiles = {
    {"introspect_sqlite", "docs/profiles/check.md, sixth pass"},
    {"check_sqlite", "docs/profiles/check.md, fourth and sixth passes"},
    {"upgrade_linear", "docs/profiles/revision-graph.md, section 6"},
    {"upgrade_branchy", "docs/profiles/revision-graph.md, section 6"},
};

std::vector<Row> loadRows(const std::string& dir)
{
    std::vector<Row> rows;
    std::map<std::string, size_t> byId;
    for (const auto& f : readTsv(dir + "/rows.tsv", true)) {
        if (f.size() < 7)
            throw std::runtime_error("rows.tsv: a line with fewer than 7 fields");
        Row r;
        r.id = f[0];
        r.workload = f[1];
        r.size = std::stol(f[2]);
        r.anchor = f[3];
        if (f[4] != "-")
            r.goalRatio = std::stod(f[4]);
        if (f[5] != "-")
            r.goalRssMiB = std::stod(f[5]);
        r.group = f[6] == "-" ? "" : f[6];
        byId[r.id] = rows.size();
        rows.push_back(r);
    }
    for (const auto& f : readTsv(dir + "/samples.tsv", true)) {
        if (f.size() < 7 || !byId.count(f[0]))
            continue;
        Row& r = rows[byId[f[0]]];
        Side& side = f[2] == "anchor" ? r.anchorSide : r.tempestSide;
        side.wall.push_back(std::stod(f[3]));
        side.rssMiB.push_back(std::stod(f[4]) / 1024.0);
        if (f[6] != "1")
            side.failedExits.push_back(std::stoi(f[5]));
    }
    return rows;
}

int verify(const std::string& dir)
{
    int missing = 0;
    const auto rows = loadRows(dir);
    for (const auto& r : rows) {
        for (const auto* side : {&r.anchorSide, &r.tempestSide}) {
            if (side->wall.empty()) {
                std::cerr << "bench_report: row " << r.id << " has no measurement for "
                          << (side == &r.anchorSide ? "its anchor" : "tempest-migrate") << '\n';
                ++missing;
            }
        }
    }
    for (const auto& f : readTsv(dir + "/counts.tsv", false))
        if (f.size() < 5 || f[2].empty()) {
            std::cerr << "bench_report: a finding count without a number\n";
            ++missing;
        }
    if (rows.empty()) {
        std::cerr << "bench_report: no rows\n";
        ++missing;
    }
    if (missing == 0)
        std::cout << "bench_report: " << rows.size() << " rows, each with a number on both sides\n";
    return missing == 0 ? 0 : 1;
}

int report(const std::string& dir, const std::string& mdPath, const std::string& jsonPath)
{
    const auto rows = loadRows(dir);
    std::map<std::string, std::string> meta;
    for (const auto& f : readTsv(dir + "/meta.tsv", false))
        if (f.size() >= 2)
            meta[f[0]] = f[1];

    json out;
    out["date"] = meta["date"];
    out["commit"] = meta["commit"];
    out["machine"] = {{"cpu", meta["cpu"]}, {"cores", meta["cores"]}, {"memory", meta["memory"]},
                      {"sqlite", meta["sqlite"]}, {"postgresql", meta["postgresql"]}};
    out["rounds"] = meta["rounds"];
    out["mode"] = meta["mode"];
    out["note"] = meta["note"];

    std::ostringstream table;
    table << "| workload | size | anchor | anchor wall, median (min–max) | tempest-migrate wall, median (min–max) "
             "| peak RSS anchor / tempest | ratio | goal | |\n"
          << "|---|---:|---|---|---|---|---:|---|---|\n";
    json jrows = json::array();
    std::map<std::string, std::map<long, const Row*>> groups;
    for (const auto& r : rows) {
        const Stats aw = stats(r.anchorSide.wall), tw = stats(r.tempestSide.wall);
        const Stats ar = stats(r.anchorSide.rssMiB), tr = stats(r.tempestSide.rssMiB);
        const bool measured = aw.valid && tw.valid && aw.median > 0;
        const double ratio = measured ? tw.median / aw.median : 0;
        const bool failed = !r.tempestSide.failedExits.empty() || !r.anchorSide.failedExits.empty();
        std::string goal = r.goalRatio > 0 ? "≤ " + fixed(r.goalRatio, 2) + "×" : "—";
        if (r.goalRssMiB > 0)
            goal += ", ≤ " + fixed(r.goalRssMiB, 0) + " MiB";
        std::string verdict;
        bool met = false;
        if (!measured)
            verdict = "not measured";
        else if (failed) {
            const auto& exits = !r.tempestSide.failedExits.empty() ? r.tempestSide.failedExits : r.anchorSide.failedExits;
            verdict = std::string("not met: ") + (!r.tempestSide.failedExits.empty() ? "tempest-migrate" : "anchor")
                    + " failed (exit " + std::to_string(exits.front()) + ")";
        } else {
            met = (r.goalRatio <= 0 || ratio <= r.goalRatio) && (r.goalRssMiB <= 0 || tr.median <= r.goalRssMiB);
            verdict = r.goalRatio <= 0 ? "—" : met ? "met" : "not met";
        }
        table << "| " << r.workload << " | " << withThousands(r.size) << " | " << r.anchor << " | " << wallCell(aw) << " | "
              << wallCell(tw) << " | " << (ar.valid ? fixed(ar.median, 0) : "—") << " / "
              << (tr.valid ? fixed(tr.median, 0) : "—") << " MiB | " << (measured ? fixed(ratio, 2) + "×" : "—") << " | "
              << goal << " | " << verdict << " |\n";
        jrows.push_back({{"id", r.id}, {"workload", r.workload}, {"size", r.size}, {"anchor", r.anchor},
                         {"goal", {{"ratio", r.goalRatio > 0 ? json(r.goalRatio) : json(nullptr)},
                                   {"peakRssMiB", r.goalRssMiB > 0 ? json(r.goalRssMiB) : json(nullptr)}}},
                         {"anchorWallSeconds", statsJson(aw)}, {"tempestWallSeconds", statsJson(tw)},
                         {"anchorPeakRssMiB", statsJson(ar)}, {"tempestPeakRssMiB", statsJson(tr)},
                         {"ratio", measured ? json(ratio) : json(nullptr)}, {"met", met}, {"verdict", verdict},
                         {"failedExitCodes", {{"anchor", r.anchorSide.failedExits}, {"tempest", r.tempestSide.failedExits}}},
                         {"rounds", r.tempestSide.wall.size()}});
        if (!r.group.empty())
            groups[r.group][r.size] = &r;
    }
    out["rows"] = jrows;

    // Growth: the same workload at two sizes ten times apart (500 → 5,000 tables, 1,000 →
    // 10,000 revisions), measured in the same rounds: work grows 10×, so should the time.
    std::ostringstream growth;
    growth << "| workload | sizes | anchor growth | tempest-migrate growth | goal | |\n|---|---|---:|---:|---|---|\n";
    json jgrowth = json::array();
    for (const auto& [group, bySize] : groups) {
        for (const auto& [size, small] : bySize) {
            const auto big = bySize.find(size * 10);
            if (big == bySize.end())
                continue;
            const Stats as = stats(small->anchorSide.wall), ab = stats(big->second->anchorSide.wall);
            const Stats ts = stats(small->tempestSide.wall), tb = stats(big->second->tempestSide.wall);
            if (!as.valid || !ab.valid || !ts.valid || !tb.valid)
                continue;
            const double anchorGrowth = ab.median / as.median, tempestGrowth = tb.median / ts.median;
            const bool failed = !big->second->tempestSide.failedExits.empty() || !small->tempestSide.failedExits.empty();
            const bool met = !failed && tempestGrowth <= 11.0;
            // When the anchor itself grows faster than the work (SQLite re-reads the whole
            // schema after every DDL statement, and looks names up in hash tables that stop
            // growing at 64 buckets), say so, and name the committed profile that shows it:
            // that part is the database's own.
            std::string verdict = failed ? "not met: tempest-migrate failed" : met ? "met" : "not met";
            if (!failed && !met && anchorGrowth > 11.0 && tempestGrowth <= anchorGrowth * 1.1) {
                verdict = "not met; the anchor grows as much (the database's own cost";
                if (const auto profile = kGrowthProfiles.find(group); profile != kGrowthProfiles.end())
                    verdict += ": " + profile->second;
                verdict += ")";
            }
            growth << "| " << big->second->workload << " | " << withThousands(size) << " → " << withThousands(size * 10)
                   << " | " << fixed(anchorGrowth, 1) << "× | " << fixed(tempestGrowth, 1) << "× | ≤ ~10× | " << verdict << " |\n";
            jgrowth.push_back({{"workload", big->second->workload}, {"from", size}, {"to", size * 10},
                               {"anchorGrowth", anchorGrowth}, {"tempestGrowth", tempestGrowth}, {"met", met}, {"verdict", verdict}});
        }
    }
    out["growth"] = jgrowth;

    std::ostringstream counts;
    json jcounts = json::array();
    const auto countLines = readTsv(dir + "/counts.tsv", false);
    if (!countLines.empty())
        counts << "| workload | found | false positives | goal | |\n|---|---:|---:|---|---|\n";
    for (const auto& f : countLines) {
        if (f.size() < 5)
            continue;
        const int found = std::stoi(f[2]), expected = std::stoi(f[3]), falsePositives = std::stoi(f[4]);
        const bool met = found == expected && falsePositives == 0;
        counts << "| " << f[1] << " | " << found << "/" << expected << " | " << falsePositives << " | all " << expected
               << " shown, 0 false positives | " << (met ? "met" : "not met") << " |\n";
        jcounts.push_back({{"id", f[0]}, {"workload", f[1]}, {"found", found}, {"expected", expected},
                           {"falsePositives", falsePositives}, {"met", met}});
    }
    out["counts"] = jcounts;

    // Studio rows: issue 12 states an absolute goal (interactive in 1 s), so the verdict is
    // the median in ms against it; the anchor (the same step on a one-revision project, same
    // run, interleaved) and the ratio show how much of it is the machine.
    std::ostringstream studio;
    json jstudio = json::array();
    {
        struct StudioRow {
            std::string id, workload, anchor;
            double goalMs = 0;
            std::vector<double> anchorMs, studioMs;
            int failed = 0;
        };
        std::vector<StudioRow> studioRows;
        for (const auto& f : readTsv(dir + "/studio.tsv", false)) {
            if (f.size() < 7)
                continue;
            auto it = std::find_if(studioRows.begin(), studioRows.end(), [&](const StudioRow& r) { return r.id == f[0]; });
            if (it == studioRows.end())
                it = studioRows.insert(studioRows.end(), StudioRow{f[0], f[1], f[2], std::stod(f[3]), {}, {}, 0});
            if (f[5] == "-" || f[6] == "-") {
                ++it->failed;
                continue;
            }
            it->anchorMs.push_back(std::stod(f[5]));
            it->studioMs.push_back(std::stod(f[6]));
        }
        if (!studioRows.empty())
            studio << "| workload | anchor | anchor, median (min–max) | Studio, median (min–max) | ratio | goal | |\n"
                   << "|---|---|---|---|---:|---|---|\n";
        for (const auto& r : studioRows) {
            const Stats a = stats(r.anchorMs), t = stats(r.studioMs);
            const bool met = t.valid && r.failed == 0 && t.median <= r.goalMs;
            const std::string verdict = r.failed ? "not met: " + std::to_string(r.failed) + " round(s) failed"
                                                 : met ? "met" : "not met";
            const double ratio = a.valid && a.median > 0 ? t.median / a.median : 0;
            auto ms = [](const Stats& s) {
                return s.valid ? fixed(s.median, 0) + " ms (" + fixed(s.min, 0) + "–" + fixed(s.max, 0) + ")" : std::string("—");
            };
            studio << "| " << r.workload << " | " << r.anchor << " | " << ms(a) << " | " << ms(t) << " | "
                   << (ratio > 0 ? fixed(ratio, 1) + "×" : "—") << " | ≤ " << fixed(r.goalMs, 0) << " ms | " << verdict
                   << " |\n";
            jstudio.push_back({{"id", r.id}, {"workload", r.workload}, {"anchor", r.anchor},
                               {"anchorMs", a.valid ? json({{"median", a.median}, {"min", a.min}, {"max", a.max}}) : json(nullptr)},
                               {"studioMs", t.valid ? json({{"median", t.median}, {"min", t.min}, {"max", t.max}}) : json(nullptr)},
                               {"ratio", ratio > 0 ? json(ratio) : json(nullptr)}, {"goalMs", r.goalMs},
                               {"met", met}, {"verdict", verdict}});
        }
    }
    out["studio"] = jstudio;

    std::ostringstream md;
    md << "# Benchmarks\n\n"
       << "Written by `scripts/bench.sh` (" << meta["mode"] << ", " << meta["rounds"] << " rounds); do not edit by hand.\n"
       << "Each row runs its anchor and tempest-migrate in the same run, interleaved round by round\n"
       << "(anchor, tempest-migrate, anchor, …) after one unmeasured run of each, and the sizes of one\n"
       << "workload take turns the same way (so that their growth is measured in the same minutes); wall\n"
       << "time and peak RSS are those of the process\n"
       << "(`tests/bench/bench_run.cpp`: fork/exec + wait4). The ratio is tempest-migrate's median over\n"
       << "the anchor's; a goal is met when the ratio (and the peak RSS, where the goal names one) is\n"
       << "within it and every run succeeded. The goals are issue 12's.\n\n"
       << "- date: " << meta["date"] << "\n- commit: `" << meta["commit"] << "`\n- CPU: " << meta["cpu"] << " ("
       << meta["cores"] << " cores)\n- memory: " << meta["memory"] << "\n- SQLite: " << meta["sqlite"]
       << "; PostgreSQL: " << meta["postgresql"] << "\n";
    if (!meta["note"].empty())
        md << "- note: " << meta["note"] << "\n";
    md << "\n## Wall time and peak RSS against the anchor\n\n" << table.str();
    if (!jgrowth.empty())
        md << "\n## Growth at two sizes ten times apart\n\n" << growth.str();
    if (!jcounts.empty())
        md << "\n## Findings\n\n" << counts.str();
    if (!jstudio.empty())
        md << "\n## Tempest Studio\n\n"
           << "The real MainWindow offscreen (`tests/bench/tst_bench_studio_upgrade.cpp`), once per round on the\n"
           << "generated project and on a one-revision project (the anchor, interleaved). Issue 12 states these\n"
           << "goals in milliseconds, so the verdict is the median against the goal; the ratio to the anchor\n"
           << "shows what the project's size costs on this machine. *Interactive*: from opening the project\n"
           << "until the panes show it and the event loop is free again. *First progress*: from the click on\n"
           << "\"Upgrade all\" until the first revision's progress event.\n\n"
           << studio.str();
    md << "\nAnchors: `sqlite3` and `psql` run one catalog query that reads the same facts\n"
          "(tests/bench/anchors/); upgrades run the SQL `tempest-migrate upgrade --sql` prints, in one\n"
          "transaction, through the `sqlite3` shell; `heads`/`history`/`current` are held against\n"
          "`cat migrations/*.json` (reading the files is the floor); `check` against tempest-migrate's own\n"
          "`introspect` of the same database.\n\n"
          "Tempest Studio's load and DAG-scroll stalls are not rows here: `tests/bench/tst_bench_studio.cpp`,\n"
          "run by `ctest -L bench`, reports them as ratios against an empty project.\n";

    {
        std::ofstream f(mdPath);
        f << md.str();
        if (!f)
            throw std::runtime_error("cannot write " + mdPath);
    }
    {
        std::ofstream f(jsonPath);
        f << out.dump(2) << '\n';
        if (!f)
            throw std::runtime_error("cannot write " + jsonPath);
    }
    std::cout << table.str();
    if (!jgrowth.empty())
        std::cout << '\n' << growth.str();
    if (!jcounts.empty())
        std::cout << '\n' << counts.str();
    if (!jstudio.empty())
        std::cout << '\n' << studio.str();
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        if (argc == 3 && std::string(argv[1]) == "--verify")
            return verify(argv[2]);
        if (argc == 4)
            return report(argv[1], argv[2], argv[3]);
    } catch (const std::exception& e) {
        std::cerr << "bench_report: " << e.what() << '\n';
        return 2;
    }
    std::cerr << "usage: bench_report RESULTS_DIR MARKDOWN_OUT JSON_OUT | bench_report --verify RESULTS_DIR\n";
    return 2;
}
