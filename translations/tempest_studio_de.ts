<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>tempest-studio</name>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="57"/>
        <source>Review drift, apply and revert migrations.</source>
        <translation>Drift prüfen, Migrationen anwenden und zurücknehmen.</translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="61"/>
        <source>Open the embedded demo project.</source>
        <translation>Das eingebaute Demo-Projekt öffnen.</translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="64"/>
        <source>Render the main window to FILE (PNG) once loaded, then exit.</source>
        <translation>Das Hauptfenster nach dem Laden als FILE (PNG) speichern, dann beenden.</translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="69"/>
        <source>The project file (tempest.json).</source>
        <translation>Die Projektdatei (tempest.json).</translation>
    </message>
</context>
<context>
    <name>tempest::studio::ConfirmDestructiveDialog</name>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="15"/>
        <source>Data will be lost</source>
        <translation>Daten gehen verloren</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="17"/>
        <source>%1 runs %n destructive operation(s). This data is lost:</source>
        <translation>
            <numerusform>%1 führt %n zerstörende Operation aus. Diese Daten gehen verloren:</numerusform>
            <numerusform>%1 führt %n zerstörende Operationen aus. Diese Daten gehen verloren:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="26"/>
        <source>Apply anyway</source>
        <translation>Trotzdem anwenden</translation>
    </message>
</context>
<context>
    <name>tempest::studio::DagDelegate</name>
    <message>
        <location filename="../src/studio/dag_delegate.cpp" line="91"/>
        <source>head</source>
        <translation>Kopf</translation>
    </message>
    <message>
        <location filename="../src/studio/dag_delegate.cpp" line="93"/>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location filename="../src/studio/dag_delegate.cpp" line="95"/>
        <source>merge</source>
        <translation>Zusammenführung</translation>
    </message>
</context>
<context>
    <name>tempest::studio::GenerateMigrationDialog</name>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="38"/>
        <source>Generate migration</source>
        <translation>Migration erzeugen</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="41"/>
        <source>what this migration does</source>
        <translation>was diese Migration tut</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="44"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="45"/>
        <source>C++ (with its JSON twin)</source>
        <translation>C++ (mit seinem JSON-Zwilling)</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="53"/>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="54"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="59"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/generate_migration_dialog.cpp" line="72"/>
        <source>The history has %n heads; merge them before generating a migration.</source>
        <translation>
            <numerusform>Die Historie hat %n Kopf; bitte zuerst zusammenführen.</numerusform>
            <numerusform>Die Historie hat %n Köpfe; bitte zuerst zusammenführen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="84"/>
        <source>The models match the migrations: nothing to generate.</source>
        <translation>Die Modelle entsprechen den Migrationen: nichts zu erzeugen.</translation>
    </message>
</context>
<context>
    <name>tempest::studio::MainWindow</name>
    <message>
        <location filename="../src/studio/main_window.cpp" line="67"/>
        <source>Tempest Studio</source>
        <translation>Tempest Studio</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="77"/>
        <source>Select operations or a revision to see its SQL.</source>
        <translation>Operationen oder eine Revision wählen, um das SQL zu sehen.</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="83"/>
        <source>Revisions</source>
        <translation>Revisionen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="84"/>
        <source>SQL preview</source>
        <translation>SQL-Vorschau</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="99"/>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="145"/>
        <source>Filter tables…</source>
        <translation>Tabellen filtern…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="168"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="169"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="170"/>
        <source>Diff (database → models)</source>
        <translation>Unterschiede (Datenbank → Modelle)</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="177"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="178"/>
        <source>&amp;Open project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="180"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="183"/>
        <source>&amp;Generate migration…</source>
        <translation>Migration &amp;erzeugen…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="187"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="189"/>
        <source>Filter tables</source>
        <translation>Tabellen filtern</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="194"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="207"/>
        <source>Cannot open project: %1</source>
        <translation>Projekt kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="210"/>
        <source>%1 — %2 — Tempest Studio</source>
        <translation>%1 — %2 — Tempest Studio</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="222"/>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="252"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="254"/>
        <source>No database yet: %n revision(s) pending</source>
        <translation>
            <numerusform>Noch keine Datenbank: %n Revision ausstehend</numerusform>
            <numerusform>Noch keine Datenbank: %n Revisionen ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="256"/>
        <source>No drift: the database matches the models</source>
        <translation>Keine Abweichung: die Datenbank entspricht den Modellen</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="258"/>
        <source>Behind heads: %n revision(s) pending</source>
        <translation>
            <numerusform>Hinter den Köpfen: %n Revision ausstehend</numerusform>
            <numerusform>Hinter den Köpfen: %n Revisionen ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="260"/>
        <source>Drift: %n difference(s) between database and models</source>
        <translation>
            <numerusform>Abweichung: %n Unterschied zwischen Datenbank und Modellen</numerusform>
            <numerusform>Abweichung: %n Unterschiede zwischen Datenbank und Modellen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="331"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="339"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="340"/>
        <source>Tempest project (tempest.json);;JSON (*.json)</source>
        <translation>Tempest-Projekt (tempest.json);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="358"/>
        <source>Running %1 (%2 of %3)…</source>
        <translation>%1 läuft (%2 von %3)…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="370"/>
        <source>applied %1</source>
        <translation>angewendet: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="372"/>
        <source>reverted %1</source>
        <translation>zurückgesetzt: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="375"/>
        <source>Cancelled; the revisions before it were kept. %1</source>
        <translation>Abgebrochen; die Revisionen davor bleiben erhalten. %1</translation>
    </message>
    <message>
        <source>Diff</source>
        <translation>Unterschiede</translation>
    </message>
</context>
<context>
    <name>tempest::studio::OperationListModel</name>
    <message>
        <location filename="../src/studio/operation_list_model.cpp" line="49"/>
        <source>%1 — destructive: data is lost</source>
        <translation>%1 — destruktiv: Daten gehen verloren</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <source>Uncaptured</source>
        <translation>Nicht erfasst</translation>
    </message>
</context>
<context>
    <name>tempest::studio::RevisionGraphModel</name>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="63"/>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="63"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="65"/>
        <source>created %1</source>
        <translation>erstellt %1</translation>
    </message>
</context>
<context>
    <name>tempest::studio::RevisionsPane</name>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="23"/>
        <source>&amp;Upgrade to here</source>
        <translation>Bis hier&amp;her aktualisieren</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="24"/>
        <source>&amp;Downgrade to here</source>
        <translation>Bis hierher &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="25"/>
        <source>Upgrade &amp;all</source>
        <translation>&amp;Alle anwenden</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="26"/>
        <source>Show &amp;SQL</source>
        <translation>&amp;SQL zeigen</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="27"/>
        <source>&amp;Open file</source>
        <translation>Datei ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>tempest::studio::RunController</name>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="49"/>
        <source>nothing to upgrade</source>
        <translation>nichts anzuwenden</translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="49"/>
        <source>nothing to downgrade</source>
        <translation>nichts zurückzusetzen</translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="58"/>
        <source>Upgrading to %1</source>
        <translation>Aktualisierung auf %1</translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="59"/>
        <source>Downgrading to %1</source>
        <translation>Zurücksetzen auf %1</translation>
    </message>
</context>
<context>
    <name>tempest::studio::SchemaTreeModel</name>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="203"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="203"/>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="261"/>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="325"/>
        <source>only in the models: an upgrade would create it</source>
        <translation>nur in den Modellen: ein Upgrade würde es anlegen</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="326"/>
        <source>only in the database: it would be dropped</source>
        <translation>nur in der Datenbank: es würde gelöscht</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="327"/>
        <source>differs between models and database</source>
        <translation>unterscheidet sich zwischen Modellen und Datenbank</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="340"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="341"/>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="341"/>
        <source>Constraints</source>
        <translation>Constraints</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/schema_tree_model.cpp" line="348"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Differences (database → models)</source>
        <translation>Unterschiede (Datenbank → Modelle)</translation>
    </message>
    <message>
        <source>renamed: &quot;%1&quot; in the database, &quot;%2&quot; in the models</source>
        <translation>umbenannt: „%1“ in der Datenbank, „%2“ in den Modellen</translation>
    </message>
    <message>
        <source>%1: database %2, models %3</source>
        <translation>%1: Datenbank %2, Modelle %3</translation>
    </message>
    <message>
        <source>not here: &quot;%1&quot; exists only on the other side</source>
        <translation>nicht hier: „%1“ gibt es nur auf der anderen Seite</translation>
    </message>
    <message>
        <source>missing here</source>
        <translation>fehlt hier</translation>
    </message>
    <message>
        <source>name: %1 → %2</source>
        <translation>Name: %1 → %2</translation>
    </message>
</context>
<context>
    <name>tempest::studio::RenameChoices</name>
    <message>
        <source>Undo rename &quot;%1.%2&quot; → &quot;%1.%3&quot;</source>
        <translation>Umbenennung „%1.%2“ → „%1.%3“ zurücknehmen</translation>
    </message>
    <message>
        <source>Treat &quot;%1.%2&quot; → &quot;%1.%3&quot; as a rename (keeps the data)</source>
        <translation>„%1.%2“ → „%1.%3“ als Umbenennung behandeln (behält die Daten)</translation>
    </message>
</context>
</TS>
