<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>tempest-studio</name>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="57"/>
        <source>Review drift, apply and revert migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="61"/>
        <source>Open the embedded demo project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="64"/>
        <source>Render the main window to FILE (PNG) once loaded, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="69"/>
        <source>The project file (tempest.json).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::ConfirmDestructiveDialog</name>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="15"/>
        <source>Data will be lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="17"/>
        <source>%1 runs %n destructive operation(s). This data is lost:</source>
        <translation>
            <numerusform>%1 runs %n destructive operation. This data is lost:</numerusform>
            <numerusform>%1 runs %n destructive operations. This data is lost:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="26"/>
        <source>Apply anyway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::DagDelegate</name>
    <message>
        <location filename="../src/studio/dag_delegate.cpp" line="91"/>
        <source>head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/dag_delegate.cpp" line="93"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/dag_delegate.cpp" line="95"/>
        <source>merge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::GenerateMigrationDialog</name>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="38"/>
        <source>Generate migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="41"/>
        <source>what this migration does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="44"/>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="45"/>
        <source>C++ (with its JSON twin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="53"/>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="54"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="59"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/generate_migration_dialog.cpp" line="72"/>
        <source>The history has %n heads; merge them before generating a migration.</source>
        <translation>
            <numerusform>The history has %n head; merge them before generating a migration.</numerusform>
            <numerusform>The history has %n heads; merge them before generating a migration.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="84"/>
        <source>The models match the migrations: nothing to generate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::MainWindow</name>
    <message>
        <location filename="../src/studio/main_window.cpp" line="67"/>
        <source>Tempest Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="77"/>
        <source>Select operations or a revision to see its SQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="83"/>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="84"/>
        <source>SQL preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="99"/>
        <source>Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="145"/>
        <source>Filter tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="168"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="169"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="170"/>
        <source>Diff (database → models)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="177"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="178"/>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="180"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="183"/>
        <source>&amp;Generate migration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="187"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="189"/>
        <source>Filter tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="194"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="207"/>
        <source>Cannot open project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="210"/>
        <source>%1 — %2 — Tempest Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="222"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="252"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="254"/>
        <source>No database yet: %n revision(s) pending</source>
        <translation>
            <numerusform>No database yet: %n revision pending</numerusform>
            <numerusform>No database yet: %n revisions pending</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="256"/>
        <source>No drift: the database matches the models</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="258"/>
        <source>Behind heads: %n revision(s) pending</source>
        <translation>
            <numerusform>Behind heads: %n revision pending</numerusform>
            <numerusform>Behind heads: %n revisions pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="260"/>
        <source>Drift: %n difference(s) between database and models</source>
        <translation>
            <numerusform>Drift: %n difference between database and models</numerusform>
            <numerusform>Drift: %n differences between database and models</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="331"/>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="339"/>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="340"/>
        <source>Tempest project (tempest.json);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="358"/>
        <source>Running %1 (%2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="370"/>
        <source>applied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="372"/>
        <source>reverted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="375"/>
        <source>Cancelled; the revisions before it were kept. %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::OperationListModel</name>
    <message>
        <location filename="../src/studio/operation_list_model.cpp" line="49"/>
        <source>%1 — destructive: data is lost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::RevisionGraphModel</name>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="63"/>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="63"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="65"/>
        <source>created %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::RevisionsPane</name>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="23"/>
        <source>&amp;Upgrade to here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="24"/>
        <source>&amp;Downgrade to here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="25"/>
        <source>Upgrade &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="26"/>
        <source>Show &amp;SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="27"/>
        <source>&amp;Open file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::RunController</name>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="49"/>
        <source>nothing to upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="49"/>
        <source>nothing to downgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="58"/>
        <source>Upgrading to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="59"/>
        <source>Downgrading to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::SchemaTreeModel</name>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="203"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="203"/>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="261"/>
        <source>primary key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="325"/>
        <source>only in the models: an upgrade would create it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="326"/>
        <source>only in the database: it would be dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="327"/>
        <source>differs between models and database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="340"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="341"/>
        <source>Indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="341"/>
        <source>Constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/schema_tree_model.cpp" line="348"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
</context>
</TS>
