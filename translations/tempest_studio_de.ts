<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../ui/about_dialog.ui" line="9"/>
        <source>About Tempest Studio</source>
        <translation>Über Tempest Studio</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="15"/>
        <source>Program and version</source>
        <translation>Programm und Version</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="20"/>
        <source>Schema migrations for SQLite and PostgreSQL: review drift, apply and revert revisions, generate migrations.</source>
        <translation>Schema-Migrationen für SQLite und PostgreSQL: Abweichungen prüfen, Revisionen anwenden und zurücknehmen, Migrationen erzeugen.</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="28"/>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="34"/>
        <source>Qt version</source>
        <translation>Qt-Version</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="39"/>
        <source>SQLite:</source>
        <translation>SQLite:</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="45"/>
        <source>SQLite version</source>
        <translation>SQLite-Version</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="50"/>
        <source>libpq:</source>
        <translation>libpq:</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="56"/>
        <source>libpq version</source>
        <translation>libpq-Version</translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="67"/>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
</context>
<context>
    <name>ConfirmDestructiveDialog</name>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="9"/>
        <source>Data will be lost</source>
        <translation>Daten gehen verloren</translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="22"/>
        <source>Destructive operations</source>
        <translation>Destruktive Operationen</translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="23"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="24"/>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="25"/>
        <source>Table</source>
        <translation>Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="26"/>
        <source>Rows now</source>
        <translation>Zeilen jetzt</translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="31"/>
        <source>SQL of the selected operation:</source>
        <translation>SQL der gewählten Operation:</translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="39"/>
        <source>SQL of the selected operation</source>
        <translation>SQL der gewählten Operation</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../ui/connection_dialog.ui" line="9"/>
        <source>Connect to a database</source>
        <translation>Mit einer Datenbank verbinden</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="15"/>
        <source>This connection replaces the project file&apos;s database for this Studio session.</source>
        <translation>Diese Verbindung ersetzt für diese Studio-Sitzung die Datenbank aus der Projektdatei.</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="25"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="29"/>
        <source>postgresql://user@host:5432/database</source>
        <translation>postgresql://benutzer@host:5432/datenbank</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="33"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="36"/>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="39"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="43"/>
        <source>default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="49"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="55"/>
        <source>U&amp;ser:</source>
        <translation>Be&amp;nutzer:</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="61"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="70"/>
        <source>Remember the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="78"/>
        <source>&amp;File:</source>
        <translation>&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="83"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="92"/>
        <source>Use this connection whenever this project is opened (the password is never saved with it)</source>
        <translation>Diese Verbindung bei jedem Öffnen dieses Projekts verwenden (das Passwort wird nie mit ihr gespeichert)</translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="98"/>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
</context>
<context>
    <name>GenerateMigrationDialog</name>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="9"/>
        <source>Generate migration</source>
        <translation>Migration erzeugen</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="16"/>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="22"/>
        <source>what this migration does</source>
        <translation>was diese Migration tut</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="23"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="28"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="34"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="53"/>
        <source>Possible &amp;renames (check to keep the data):</source>
        <translation>Mögliche &amp;Umbenennungen (ankreuzen, um die Daten zu behalten):</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="59"/>
        <source>Rename candidates</source>
        <translation>Kandidaten für Umbenennungen</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="60"/>
        <source>Checked: treat as a rename (the data is kept). Unchecked: drop and add (the data of the dropped one is lost).</source>
        <translation>Angekreuzt: als Umbenennung behandeln (die Daten bleiben erhalten). Nicht angekreuzt: löschen und neu anlegen (die Daten des gelöschten Objekts gehen verloren).</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="66"/>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="67"/>
        <source>Unchecked operations are left out of the migration</source>
        <translation>Nicht angekreuzte Operationen werden nicht in die Migration übernommen</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="72"/>
        <source>Migration file preview</source>
        <translation>Vorschau der Migrationsdatei</translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="79"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="102"/>
        <source>default collation</source>
        <translation>Standard-Sortierfolge</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="106"/>
        <source>no default</source>
        <translation>kein Standardwert</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="111"/>
        <source>no comment</source>
        <translation>kein Kommentar</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="120"/>
        <location filename="../src/core/ops/operation_describe.cpp" line="236"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="126"/>
        <source>(no SQL)</source>
        <translation>(kein SQL)</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="138"/>
        <source>create table %1</source>
        <translation>Tabelle %1 anlegen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="139"/>
        <source>drop table %1</source>
        <translation>Tabelle %1 löschen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="142"/>
        <source>rename table %1 -&gt; %2</source>
        <translation>Tabelle %1 umbenennen -&gt; %2</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="147"/>
        <source>add column %1 (%2)</source>
        <translation>Spalte %1 hinzufügen (%2)</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="156"/>
        <source>drop column %1</source>
        <translation>Spalte %1 löschen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="166"/>
        <source>alter column %1: %2 -&gt; %3</source>
        <translation>Spalte %1 ändern: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="172"/>
        <source>rename column %1 -&gt; %2</source>
        <translation>Spalte %1 umbenennen -&gt; %2</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="181"/>
        <source>create unique index %1 on %2 %3 where %4</source>
        <translation>Eindeutigen Index %1 auf %2 %3 anlegen, WHERE %4</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="182"/>
        <source>create index %1 on %2 %3 where %4</source>
        <translation>Index %1 auf %2 %3 anlegen, WHERE %4</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="184"/>
        <source>create unique index %1 on %2 %3</source>
        <translation>Eindeutigen Index %1 auf %2 %3 anlegen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="185"/>
        <source>create index %1 on %2 %3</source>
        <translation>Index %1 auf %2 %3 anlegen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="190"/>
        <source>drop index %1 on %2</source>
        <translation>Index %1 auf %2 löschen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="195"/>
        <source>add unique %1 on %2 %3</source>
        <translation>Eindeutigkeit %1 auf %2 %3 hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="201"/>
        <source>drop unique %1 on %2</source>
        <translation>Eindeutigkeit %1 auf %2 löschen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="212"/>
        <source>add foreign key %1 on %2 %3 -&gt; %4 %5%6</source>
        <translation>Fremdschlüssel %1 auf %2 %3 -&gt; %4 %5%6 hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="219"/>
        <source>drop foreign key %1 on %2</source>
        <translation>Fremdschlüssel %1 auf %2 löschen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="224"/>
        <source>add check %1 on %2 (%3)</source>
        <translation>Prüfbedingung %1 auf %2 hinzufügen (%3)</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="230"/>
        <source>drop check %1 on %2</source>
        <translation>Prüfbedingung %1 auf %2 löschen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="238"/>
        <source>alter primary key of %1: %2 -&gt; %3</source>
        <translation>Primärschlüssel von %1 ändern: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="243"/>
        <source>alter comment of table %1: %2 -&gt; %3</source>
        <translation>Kommentar der Tabelle %1 ändern: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="249"/>
        <source>create enum %1 (%2)</source>
        <translation>Aufzählung %1 anlegen (%2)</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="252"/>
        <source>drop enum %1</source>
        <translation>Aufzählung %1 löschen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="257"/>
        <source>add value %1 to enum %2 before %3</source>
        <translation>Wert %1 zur Aufzählung %2 vor %3 hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="259"/>
        <source>add value %1 to enum %2</source>
        <translation>Wert %1 zur Aufzählung %2 hinzufügen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="264"/>
        <source>drop value %1 from enum %2</source>
        <translation>Wert %1 aus der Aufzählung %2 löschen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="269"/>
        <source>rename enum %1 -&gt; %2</source>
        <translation>Aufzählung %1 umbenennen -&gt; %2</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="287"/>
        <source>create domain %1 (%2)</source>
        <translation>Domäne %1 anlegen (%2)</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="293"/>
        <source>drop domain %1</source>
        <translation>Domäne %1 löschen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="298"/>
        <source>alter domain %1: %2 -&gt; %3</source>
        <translation>Domäne %1 ändern: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../src/core/ops/sequence_ops.cpp" line="44"/>
        <source>create sequence %1 (%2)</source>
        <translation>Sequenz %1 anlegen (%2)</translation>
    </message>
    <message>
        <location filename="../src/core/ops/sequence_ops.cpp" line="50"/>
        <source>drop sequence %1</source>
        <translation>Sequenz %1 löschen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/sequence_ops.cpp" line="55"/>
        <source>alter sequence %1: %2 -&gt; %3</source>
        <translation>Sequenz %1 ändern: %2 -&gt; %3</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="272"/>
        <source>recreate table %1</source>
        <translation>Tabelle %1 neu aufbauen</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="306"/>
        <source>execute %1</source>
        <translation>Ausführen: %1</translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="307"/>
        <source>execute %1 (irreversible)</source>
        <translation>Ausführen: %1 (nicht umkehrbar)</translation>
    </message>
</context>
<context>
    <name>tempest-studio</name>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="64"/>
        <source>Review drift, apply and revert migrations.</source>
        <translation>Drift prüfen, Migrationen anwenden und zurücknehmen.</translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="68"/>
        <source>Open the embedded demo project.</source>
        <translation>Das eingebaute Demo-Projekt öffnen.</translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="71"/>
        <source>Render the main window to FILE (PNG) once loaded, then exit.</source>
        <translation>Das Hauptfenster nach dem Laden als FILE (PNG) speichern, dann beenden.</translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="75"/>
        <source>With --screenshot: what the picture shows: compare (default; the table posts expanded in both trees), findings (the first finding selected) or plan (the SQL of upgrading to tags03).</source>
        <translation>Mit --screenshot: was das Bild zeigt: compare (Standard; die Tabelle posts in beiden Bäumen aufgeklappt), findings (der erste Befund ausgewählt) oder plan (das SQL des Upgrades auf tags03).</translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="84"/>
        <source>The project file (tempest.json).</source>
        <translation>Die Projektdatei (tempest.json).</translation>
    </message>
</context>
<context>
    <name>tempest::studio::AboutDialog</name>
    <message>
        <location filename="../src/studio/about_dialog.cpp" line="18"/>
        <source>Tempest Studio %1</source>
        <translation>Tempest Studio %1</translation>
    </message>
    <message>
        <location filename="../src/studio/about_dialog.cpp" line="24"/>
        <source>Documentation: README.md of the tempest-db sources.</source>
        <translation>Dokumentation: README.md in den Quellen von tempest-db.</translation>
    </message>
    <message>
        <location filename="../src/studio/about_dialog.cpp" line="26"/>
        <source>Documentation: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation>Dokumentation: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>tempest::studio::ConfirmDestructiveDialog</name>
    <message>
        <source>Data will be lost</source>
        <translation type="vanished">Daten gehen verloren</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="20"/>
        <source>%1 runs %n destructive operation(s). This data is lost:</source>
        <translation>
            <numerusform>%1 führt %n zerstörende Operation aus. Diese Daten gehen verloren:</numerusform>
            <numerusform>%1 führt %n zerstörende Operationen aus. Diese Daten gehen verloren:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="39"/>
        <source>Apply anyway</source>
        <translation>Trotzdem anwenden</translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="55"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="55"/>
        <source>not counted</source>
        <translation>nicht gezählt</translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="56"/>
        <source>1 row</source>
        <translation>1 Zeile</translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="56"/>
        <source>%1 rows</source>
        <translation>%1 Zeilen</translation>
    </message>
</context>
<context>
    <name>tempest::studio::ConnectionDialog</name>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="24"/>
        <source>there is no database there yet (the first upgrade creates it)</source>
        <translation>dort gibt es noch keine Datenbank (das erste Upgrade legt sie an)</translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="59"/>
        <source>Connected.</source>
        <translation>Verbunden.</translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="59"/>
        <source>Cannot connect: %1</source>
        <translation>Verbindung nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="142"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="149"/>
        <source>SQLite database</source>
        <translation>SQLite-Datenbank</translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="150"/>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite *.sqlite3);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="161"/>
        <source>Password required</source>
        <translation>Passwort erforderlich</translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="162"/>
        <source>The server refused the password for %1.
Password:</source>
        <translation>Der Server hat das Passwort für %1 abgelehnt.
Passwort:</translation>
    </message>
</context>
<context>
    <name>tempest::studio::CredentialStore</name>
    <message>
        <location filename="../src/studio/credential_store.cpp" line="22"/>
        <source>The password is stored in the system keychain.</source>
        <translation>Das Passwort ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location filename="../src/studio/credential_store.cpp" line="24"/>
        <source>No keychain is available (%1): the password is kept for this session only.</source>
        <translation>Kein Schlüsselbund verfügbar (%1): Das Passwort wird nur für diese Sitzung behalten.</translation>
    </message>
</context>
<context>
    <name>tempest::studio::DagDelegate</name>
    <message>
        <source>head</source>
        <translation type="vanished">Kopf</translation>
    </message>
    <message>
        <source>current</source>
        <translation type="vanished">aktuell</translation>
    </message>
    <message>
        <source>merge</source>
        <translation type="vanished">Zusammenführung</translation>
    </message>
</context>
<context>
    <name>tempest::studio::DemoProject</name>
    <message>
        <location filename="../src/studio/demo_project.cpp" line="20"/>
        <source>demo (blog, SQLite)</source>
        <translation>Demo (Blog, SQLite)</translation>
    </message>
</context>
<context>
    <name>tempest::studio::ErrorDialog</name>
    <message>
        <location filename="../src/studio/error_dialog.cpp" line="29"/>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <location filename="../src/studio/error_dialog.cpp" line="33"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
</context>
<context>
    <name>tempest::studio::EventLog</name>
    <message>
        <location filename="../src/studio/event_log.cpp" line="22"/>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="23"/>
        <source>The output of every run, stamp, merge and error of this session</source>
        <translation>Die Ausgabe jedes Laufs, jeder Stempelung, jeder Zusammenführung und jedes Fehlers dieser Sitzung</translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="24"/>
        <source>Runs, stamps, merges and errors are logged here.</source>
        <translation>Läufe, Stempelungen, Zusammenführungen und Fehler werden hier protokolliert.</translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="25"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="27"/>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="29"/>
        <source>Copies the whole log to the clipboard</source>
        <translation>Kopiert das ganze Protokoll in die Zwischenablage</translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="30"/>
        <source>Empties the log</source>
        <translation>Leert das Protokoll</translation>
    </message>
</context>
<context>
    <name>tempest::studio::FileViewerDialog</name>
    <message>
        <location filename="../src/studio/file_viewer_dialog.cpp" line="18"/>
        <source>%1 — read-only</source>
        <translation>%1 — schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../src/studio/file_viewer_dialog.cpp" line="20"/>
        <source>No application is set up to open this file; it is shown here read-only. &amp;Path:</source>
        <translation>Keine Anwendung ist zum Öffnen dieser Datei eingerichtet; sie wird hier schreibgeschützt angezeigt. &amp;Pfad:</translation>
    </message>
    <message>
        <location filename="../src/studio/file_viewer_dialog.cpp" line="27"/>
        <source>File path</source>
        <translation>Dateipfad</translation>
    </message>
    <message>
        <location filename="../src/studio/file_viewer_dialog.cpp" line="34"/>
        <source>File contents</source>
        <translation>Dateiinhalt</translation>
    </message>
    <message>
        <location filename="../src/studio/file_viewer_dialog.cpp" line="39"/>
        <source>Cannot read the file: %1</source>
        <translation>Die Datei kann nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>tempest::studio::FindingsList</name>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="8"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="9"/>
        <source>Everything that is off, each with its kind: pending revisions, drift, model changes not in a migration, edited migrations, several heads. Activate one to select it in the panes.</source>
        <translation>Alles, was nicht stimmt, jeweils mit seiner Art: ausstehende Revisionen, Abweichungen, Modelländerungen ohne Migration, bearbeitete Migrationen, mehrere Kopfrevisionen. Einen Eintrag aktivieren, um ihn in den Bereichen auszuwählen.</translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="20"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="21"/>
        <source>Drift</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="22"/>
        <source>Uncaptured</source>
        <translation>Nicht erfasst</translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="23"/>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="24"/>
        <source>Unknown revision</source>
        <translation>Unbekannte Revision</translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="25"/>
        <source>Heads</source>
        <translation>Kopfrevisionen</translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="38"/>
        <source>(pending revision %1 changes %2)</source>
        <translation>(die ausstehende Revision %1 ändert %2)</translation>
    </message>
</context>
<context>
    <name>tempest::studio::GenerateMigrationDialog</name>
    <message>
        <source>Generate migration</source>
        <translation type="vanished">Migration erzeugen</translation>
    </message>
    <message>
        <source>what this migration does</source>
        <translation type="vanished">was diese Migration tut</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="26"/>
        <source>table &quot;%1&quot; → &quot;%2&quot;</source>
        <translation>Tabelle „%1“ → „%2“</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="28"/>
        <source>column &quot;%1.%2&quot; → &quot;%1.%3&quot;</source>
        <translation>Spalte „%1.%2“ → „%1.%3“</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="62"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="63"/>
        <source>C++ (with its JSON twin)</source>
        <translation>C++ (mit seinem JSON-Zwilling)</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="132"/>
        <source>The models match the migrations at the head: nothing to generate.</source>
        <translation>Die Modelle entsprechen den Migrationen an der Kopfrevision: Es gibt nichts zu erzeugen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/generate_migration_dialog.cpp" line="134"/>
        <source>%n possible rename(s) not checked: they are written as drop + add, and the dropped data is lost.</source>
        <translation>
            <numerusform>%n mögliche Umbenennung nicht angekreuzt: Sie wird als Löschen + Hinzufügen geschrieben, und die gelöschten Daten gehen verloren.</numerusform>
            <numerusform>%n mögliche Umbenennungen nicht angekreuzt: Sie werden als Löschen + Hinzufügen geschrieben, und die gelöschten Daten gehen verloren.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Label:</source>
        <translation type="vanished">&amp;Bezeichnung:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="vanished">&amp;Format:</translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="68"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message numerus="yes">
        <source>The history has %n heads; merge them before generating a migration.</source>
        <translation type="vanished">
            <numerusform>Die Historie hat %n Kopf; bitte zuerst zusammenführen.</numerusform>
            <numerusform>Die Historie hat %n Köpfe; bitte zuerst zusammenführen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The models match the migrations: nothing to generate.</source>
        <translation type="vanished">Die Modelle entsprechen den Migrationen: nichts zu erzeugen.</translation>
    </message>
</context>
<context>
    <name>tempest::studio::MainWindow</name>
    <message>
        <location filename="../src/studio/main_window.cpp" line="85"/>
        <source>Tempest Studio</source>
        <translation>Tempest Studio</translation>
    </message>
    <message>
        <source>Select operations or a revision to see its SQL.</source>
        <translation type="vanished">Operationen oder eine Revision wählen, um das SQL zu sehen.</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="97"/>
        <source>Revisions</source>
        <translation>Revisionen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="98"/>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="99"/>
        <source>SQL preview</source>
        <translation>SQL-Vorschau</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="110"/>
        <source>Status summary</source>
        <translation>Statusübersicht</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="113"/>
        <source>Run progress</source>
        <translation>Fortschritt des Laufs</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="116"/>
        <source>Cancel run</source>
        <translation>Lauf abbrechen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="119"/>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="142"/>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="208"/>
        <source>Filter tables…</source>
        <translation>Tabellen filtern…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="211"/>
        <source>Shows only the tables whose name contains this text, in every pane</source>
        <translation>Zeigt in jedem Bereich nur die Tabellen, deren Name diesen Text enthält</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="224"/>
        <location filename="../src/studio/main_window.cpp" line="244"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="226"/>
        <source>The schema the models declare, aligned row by row with the database; each row says whether it is added, changed, renamed or the same</source>
        <translation>Das Schema, das die Modelle deklarieren, Zeile für Zeile an der Datenbank ausgerichtet; jede Zeile sagt, ob sie hinzugefügt, geändert, umbenannt oder gleich ist</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="229"/>
        <location filename="../src/studio/main_window.cpp" line="251"/>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="231"/>
        <source>The schema of the live database, aligned row by row with the models</source>
        <translation>Das Schema der Live-Datenbank, Zeile für Zeile an den Modellen ausgerichtet</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="236"/>
        <source>The operations from the database to the models: what pending revisions do, and what is not in a migration yet</source>
        <translation>Die Operationen von der Datenbank zu den Modellen: was ausstehende Revisionen tun und was noch in keiner Migration steht</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="252"/>
        <source>Diff (database → models)</source>
        <translation>Unterschiede (Datenbank → Modelle)</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="259"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="260"/>
        <source>&amp;Open project…</source>
        <translation>Projekt ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="262"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="267"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="270"/>
        <source>&amp;Generate migration…</source>
        <translation>Migration &amp;erzeugen…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="274"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="210"/>
        <location filename="../src/studio/main_window.cpp" line="283"/>
        <source>Filter tables</source>
        <translation>Tabellen filtern</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="288"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="391"/>
        <source>Cannot open project: %1</source>
        <translation>Projekt kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="395"/>
        <source>%1 — %2 — Tempest Studio</source>
        <translation>%1 — %2 — Tempest Studio</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="412"/>
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="472"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message numerus="yes">
        <source>No database yet: %n revision(s) pending</source>
        <translation type="vanished">
            <numerusform>Noch keine Datenbank: %n Revision ausstehend</numerusform>
            <numerusform>Noch keine Datenbank: %n Revisionen ausstehend</numerusform>
        </translation>
    </message>
    <message>
        <source>No drift: the database matches the models</source>
        <translation type="vanished">Keine Abweichung: die Datenbank entspricht den Modellen</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="483"/>
        <source>Behind heads: %n revision(s) pending</source>
        <translation>
            <numerusform>Hinter den Köpfen: %n Revision ausstehend</numerusform>
            <numerusform>Hinter den Köpfen: %n Revisionen ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="481"/>
        <source>Drift: %n difference(s) between database and models</source>
        <translation>
            <numerusform>Abweichung: %n Unterschied zwischen Datenbank und Modellen</numerusform>
            <numerusform>Abweichung: %n Unterschiede zwischen Datenbank und Modellen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="175"/>
        <location filename="../src/studio/main_window.cpp" line="186"/>
        <location filename="../src/studio/main_window.cpp" line="577"/>
        <source>Wrote %1</source>
        <translation>%1 geschrieben</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="276"/>
        <location filename="../src/studio/main_window.cpp" line="298"/>
        <source>&amp;Database</source>
        <translation>Daten&amp;bank</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="277"/>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="279"/>
        <source>&amp;Reconnect</source>
        <translation>&amp;Erneut verbinden</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="293"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="297"/>
        <source>&amp;Models</source>
        <translation>&amp;Modelle</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="299"/>
        <source>D&amp;iff</source>
        <translation>&amp;Unterschiede</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="300"/>
        <source>Re&amp;visions</source>
        <translation>Re&amp;visionen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="301"/>
        <source>&amp;Findings</source>
        <translation>&amp;Befunde</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="302"/>
        <source>&amp;SQL preview</source>
        <translation>&amp;SQL-Vorschau</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="305"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="307"/>
        <source>&amp;About Tempest Studio…</source>
        <translation>Ü&amp;ber Tempest Studio…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="318"/>
        <source>&amp;Revision</source>
        <translation>&amp;Revision</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="332"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="344"/>
        <source>No rename applies to the current row</source>
        <translation>Für die aktuelle Zeile passt keine Umbenennung</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="358"/>
        <source>%1 failed:
%2</source>
        <translation>%1 fehlgeschlagen:
%2</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="362"/>
        <source>%1 failed</source>
        <translation>%1 fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="397"/>
        <source>%1 — Tempest Studio</source>
        <translation>%1 — Tempest Studio</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="423"/>
        <source>Not loaded: loading was cancelled.</source>
        <translation>Nicht geladen: Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="424"/>
        <source>Not loaded: loading was cancelled</source>
        <translation>Nicht geladen: Das Laden wurde abgebrochen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="435"/>
        <source>Loading failed:
%1</source>
        <translation>Laden fehlgeschlagen:
%1</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="437"/>
        <location filename="../src/studio/main_window.cpp" line="448"/>
        <location filename="../src/studio/main_window.cpp" line="474"/>
        <source>Offline: %1</source>
        <translation>Offline: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="476"/>
        <location filename="../src/studio/main_window.cpp" line="486"/>
        <source>%n model change(s) not in a migration</source>
        <translation>
            <numerusform>%n Modelländerung nicht in einer Migration</numerusform>
            <numerusform>%n Modelländerungen nicht in einer Migration</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="479"/>
        <source>No database yet</source>
        <translation>Noch keine Datenbank</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="484"/>
        <source>%n revision(s) pending</source>
        <translation>
            <numerusform>%n Revision ausstehend</numerusform>
            <numerusform>%n Revisionen ausstehend</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="488"/>
        <source>%n applied migration(s) edited</source>
        <translation>
            <numerusform>%n angewendete Migration bearbeitet</numerusform>
            <numerusform>%n angewendete Migrationen bearbeitet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="490"/>
        <source>%n applied revision(s) without a file</source>
        <translation>
            <numerusform>%n angewendete Revision ohne Datei</numerusform>
            <numerusform>%n angewendete Revisionen ohne Datei</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="492"/>
        <source>%n heads</source>
        <translation>
            <numerusform>%n Kopfrevision</numerusform>
            <numerusform>%n Kopfrevisionen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="494"/>
        <source>No drift: the database matches the models and the migrations</source>
        <translation>Keine Abweichung: Die Datenbank entspricht den Modellen und den Migrationen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="585"/>
        <source>Open project</source>
        <translation>Projekt öffnen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="586"/>
        <source>Tempest project (tempest.json);;JSON (*.json)</source>
        <translation>Tempest-Projekt (tempest.json);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="604"/>
        <source>Running %1 (%2 of %3)…</source>
        <translation>%1 läuft (%2 von %3)…</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="616"/>
        <source>applied %1</source>
        <translation>angewendet: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="618"/>
        <source>reverted %1</source>
        <translation>zurückgesetzt: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="621"/>
        <source>Cancelled; the revisions before it were kept. %1</source>
        <translation>Abgebrochen; die Revisionen davor bleiben erhalten. %1</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="624"/>
        <source>Run failed:
%1</source>
        <translation>Lauf fehlgeschlagen:
%1</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="626"/>
        <source>Run failed</source>
        <translation>Lauf fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="234"/>
        <source>Diff</source>
        <translation>Unterschiede</translation>
    </message>
</context>
<context>
    <name>tempest::studio::MigrationJob</name>
    <message>
        <location filename="../src/studio/migration_job.cpp" line="64"/>
        <source>applying %1</source>
        <translation>wende %1 an</translation>
    </message>
    <message>
        <location filename="../src/studio/migration_job.cpp" line="64"/>
        <source>reverting %1</source>
        <translation>nehme %1 zurück</translation>
    </message>
    <message>
        <location filename="../src/studio/migration_job.cpp" line="66"/>
        <source>applied %1 (%2 ms)</source>
        <translation>%1 angewendet (%2 ms)</translation>
    </message>
    <message>
        <location filename="../src/studio/migration_job.cpp" line="66"/>
        <source>reverted %1 (%2 ms)</source>
        <translation>%1 zurückgenommen (%2 ms)</translation>
    </message>
</context>
<context>
    <name>tempest::studio::OfflineBanner</name>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="15"/>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="16"/>
        <source>Why the database is offline</source>
        <translation>Warum die Datenbank offline ist</translation>
    </message>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="17"/>
        <source>&amp;Reconnect</source>
        <translation>&amp;Erneut verbinden</translation>
    </message>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="19"/>
        <source>Co&amp;nnect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="21"/>
        <source>Tries the same database again</source>
        <translation>Versucht dieselbe Datenbank noch einmal</translation>
    </message>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="22"/>
        <source>Points this session at another database</source>
        <translation>Richtet diese Sitzung auf eine andere Datenbank</translation>
    </message>
</context>
<context>
    <name>tempest::studio::OperationListModel</name>
    <message>
        <location filename="../src/studio/operation_list_model.cpp" line="70"/>
        <source>%1 — destructive: data is lost</source>
        <translation>%1 — destruktiv: Daten gehen verloren</translation>
    </message>
    <message>
        <location filename="../src/studio/operation_list_model.cpp" line="25"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location filename="../src/studio/operation_list_model.cpp" line="26"/>
        <source>Drift</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <location filename="../src/studio/operation_list_model.cpp" line="27"/>
        <source>Uncaptured</source>
        <translation>Nicht erfasst</translation>
    </message>
</context>
<context>
    <name>tempest::studio::RecentProjects</name>
    <message>
        <location filename="../src/studio/recent_projects.cpp" line="50"/>
        <source>&amp;Clear list</source>
        <translation>Liste &amp;leeren</translation>
    </message>
</context>
<context>
    <name>tempest::studio::RenameChoices</name>
    <message>
        <location filename="../src/studio/rename_choices.cpp" line="58"/>
        <source>Undo rename &quot;%1.%2&quot; → &quot;%1.%3&quot;</source>
        <translation>Umbenennung „%1.%2“ → „%1.%3“ zurücknehmen</translation>
    </message>
    <message>
        <location filename="../src/studio/rename_choices.cpp" line="59"/>
        <source>Treat &quot;%1.%2&quot; → &quot;%1.%3&quot; as a rename (keeps the data)</source>
        <translation>„%1.%2“ → „%1.%3“ als Umbenennung behandeln (behält die Daten)</translation>
    </message>
</context>
<context>
    <name>tempest::studio::RevisionGraphModel</name>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="43"/>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="43"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="43"/>
        <source>unknown (offline)</source>
        <translation>unbekannt (offline)</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="45"/>
        <source>head</source>
        <translation>Kopfrevision</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="47"/>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="49"/>
        <source>merge</source>
        <translation>Zusammenführung</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="59"/>
        <source>created: %1</source>
        <translation>erstellt: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="60"/>
        <source>parents: %1</source>
        <translation>Eltern: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="60"/>
        <source>(base)</source>
        <translation>(Basis)</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="62"/>
        <source>file: %1</source>
        <translation>Datei: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="82"/>
        <source>Revision</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="83"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="84"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="85"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="108"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>created %1</source>
        <translation type="vanished">erstellt %1</translation>
    </message>
</context>
<context>
    <name>tempest::studio::RevisionsPane</name>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="30"/>
        <source>Revision graph</source>
        <translation>Revisionsgraph</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="32"/>
        <source>Revisions newest first; the State column says whether each is applied or pending, or unknown while the database is offline</source>
        <translation>Revisionen, neueste zuerst; die Spalte „Zustand“ sagt, ob jede angewendet oder ausstehend ist, oder unbekannt, solange die Datenbank offline ist</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="35"/>
        <source>Search revisions by id or message…</source>
        <translation>Revisionen nach ID oder Nachricht suchen…</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="36"/>
        <source>Search revisions</source>
        <translation>Revisionen suchen</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="39"/>
        <source>Search matches</source>
        <translation>Suchtreffer</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="45"/>
        <location filename="../src/studio/revisions_pane.cpp" line="248"/>
        <location filename="../src/studio/revisions_pane.cpp" line="276"/>
        <source>&amp;Upgrade to here</source>
        <translation>Bis hier&amp;her aktualisieren</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="46"/>
        <location filename="../src/studio/revisions_pane.cpp" line="249"/>
        <location filename="../src/studio/revisions_pane.cpp" line="277"/>
        <source>&amp;Downgrade to here</source>
        <translation>Bis hierher &amp;zurücksetzen</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="47"/>
        <location filename="../src/studio/revisions_pane.cpp" line="257"/>
        <location filename="../src/studio/revisions_pane.cpp" line="283"/>
        <source>Upgrade &amp;all</source>
        <translation>&amp;Alle anwenden</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="48"/>
        <source>Show &amp;SQL</source>
        <translation>&amp;SQL zeigen</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="49"/>
        <location filename="../src/studio/revisions_pane.cpp" line="252"/>
        <location filename="../src/studio/revisions_pane.cpp" line="280"/>
        <source>&amp;Open file</source>
        <translation>Datei ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="50"/>
        <location filename="../src/studio/revisions_pane.cpp" line="260"/>
        <location filename="../src/studio/revisions_pane.cpp" line="286"/>
        <source>&amp;Export graph…</source>
        <translation>Graph &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="52"/>
        <source>Applies the selected revision and the pending ones it needs</source>
        <translation>Wendet die gewählte Revision und die ausstehenden an, die sie braucht</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="53"/>
        <source>Reverts every applied revision after the selected one</source>
        <translation>Nimmt jede angewendete Revision nach der gewählten zurück</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="54"/>
        <source>Applies every pending revision up to the heads</source>
        <translation>Wendet jede ausstehende Revision bis zu den Kopfrevisionen an</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="55"/>
        <source>Shows the SQL the upgrade or downgrade to the selected revision runs</source>
        <translation>Zeigt das SQL, das das Upgrade oder Downgrade zur gewählten Revision ausführt</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="56"/>
        <source>Opens the selected revision&apos;s migration file</source>
        <translation>Öffnet die Migrationsdatei der gewählten Revision</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="57"/>
        <source>Saves the revision graph as SVG, PNG or DOT</source>
        <translation>Speichert den Revisionsgraphen als SVG, PNG oder DOT</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="168"/>
        <source>%1 of %2 revisions</source>
        <translation>%1 von %2 Revisionen</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="250"/>
        <source>Show &amp;SQL of the downgrade</source>
        <translation>&amp;SQL des Downgrades zeigen</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="250"/>
        <source>Show &amp;SQL of the upgrade</source>
        <translation>&amp;SQL des Upgrades zeigen</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="253"/>
        <location filename="../src/studio/revisions_pane.cpp" line="281"/>
        <source>&amp;Copy revision id</source>
        <translation>Revisions-&amp;ID kopieren</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="254"/>
        <location filename="../src/studio/revisions_pane.cpp" line="282"/>
        <source>S&amp;tamp here…</source>
        <translation>Hier s&amp;tempeln…</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="258"/>
        <location filename="../src/studio/revisions_pane.cpp" line="284"/>
        <source>&amp;Revert to base…</source>
        <translation>Auf &amp;Basis zurücksetzen…</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="259"/>
        <location filename="../src/studio/revisions_pane.cpp" line="285"/>
        <source>&amp;Merge heads…</source>
        <translation>&amp;Köpfe zusammenführen…</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="279"/>
        <source>Show &amp;SQL of the plan</source>
        <translation>&amp;SQL des Plans zeigen</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="324"/>
        <source>Unknown graph format &quot;%1&quot;: use .svg, .png or .dot</source>
        <translation>Unbekanntes Graphformat „%1“: .svg, .png oder .dot verwenden</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="328"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="338"/>
        <location filename="../src/studio/revisions_pane.cpp" line="351"/>
        <source>Export graph</source>
        <translation>Graph exportieren</translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="339"/>
        <source>SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot *.gv)</source>
        <translation>SVG-Bild (*.svg);;PNG-Bild (*.png);;Graphviz DOT (*.dot *.gv)</translation>
    </message>
</context>
<context>
    <name>tempest::studio::RunController</name>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="65"/>
        <source>nothing to upgrade</source>
        <translation>nichts anzuwenden</translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="65"/>
        <source>nothing to downgrade</source>
        <translation>nichts zurückzusetzen</translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="46"/>
        <source>Upgrading to %1</source>
        <translation>Aktualisierung auf %1</translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="45"/>
        <source>Reverting to base</source>
        <translation>Zurücksetzen auf die Basis</translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="46"/>
        <source>Downgrading to %1</source>
        <translation>Zurücksetzen auf %1</translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="83"/>
        <source>destructive: %1</source>
        <translation>destruktiv: %1</translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="88"/>
        <source>%1: cancelled, nothing was changed</source>
        <translation>%1: abgebrochen, nichts wurde geändert</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/run_controller.cpp" line="105"/>
        <source>%1: %n revision(s)</source>
        <translation>
            <numerusform>%1: %n Revision</numerusform>
            <numerusform>%1: %n Revisionen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tempest::studio::SchemaTreeModel</name>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="259"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="260"/>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="400"/>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="314"/>
        <source>only in the models: an upgrade would create it</source>
        <translation>nur in den Modellen: ein Upgrade würde es anlegen</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="315"/>
        <source>only in the database: it would be dropped</source>
        <translation>nur in der Datenbank: es würde gelöscht</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="316"/>
        <source>differs between models and database</source>
        <translation>unterscheidet sich zwischen Modellen und Datenbank</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="396"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="397"/>
        <source>Indexes</source>
        <translation>Indizes</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="397"/>
        <source>Constraints</source>
        <translation>Constraints</translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/schema_tree_model.cpp" line="269"/>
        <location filename="../src/studio/schema_tree_model.cpp" line="410"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n Spalte</numerusform>
            <numerusform>%n Spalten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="261"/>
        <source>Differences (database → models)</source>
        <translation>Unterschiede (Datenbank → Modelle)</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="318"/>
        <source>renamed: &quot;%1&quot; in the database, &quot;%2&quot; in the models</source>
        <translation>umbenannt: „%1“ in der Datenbank, „%2“ in den Modellen</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="323"/>
        <source>%1: database %2, models %3</source>
        <translation>%1: Datenbank %2, Modelle %3</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="375"/>
        <source>not here: &quot;%1&quot; exists only on the other side</source>
        <translation>nicht hier: „%1“ gibt es nur auf der anderen Seite</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="380"/>
        <source>missing here</source>
        <translation>fehlt hier</translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="416"/>
        <source>name: %1 → %2</source>
        <translation>Name: %1 → %2</translation>
    </message>
</context>
<context>
    <name>tempest::studio::SqlPane</name>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="24"/>
        <source>SQL preview</source>
        <translation>SQL-Vorschau</translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="26"/>
        <source>The SQL of the selected operations, or of the whole planned run of the selected revision</source>
        <translation>Das SQL der gewählten Operationen oder des ganzen geplanten Laufs der gewählten Revision</translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="27"/>
        <source>Select operations or a revision to see its SQL.</source>
        <translation>Operationen oder eine Revision wählen, um das SQL zu sehen.</translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="29"/>
        <source>Sa&amp;ve SQL…</source>
        <translation>SQL &amp;speichern…</translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="32"/>
        <source>Saves the SQL shown as a .sql file</source>
        <translation>Speichert das angezeigte SQL als .sql-Datei</translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="52"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="58"/>
        <location filename="../src/studio/sql_pane.cpp" line="68"/>
        <source>Save SQL</source>
        <translation>SQL speichern</translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="59"/>
        <source>SQL script (*.sql);;All files (*)</source>
        <translation>SQL-Skript (*.sql);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>tempest::studio::VerbActions</name>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="27"/>
        <location filename="../src/studio/verb_actions.cpp" line="63"/>
        <source>Stamp</source>
        <translation>Stempeln</translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="42"/>
        <source>stamped %1</source>
        <translation>%1 gestempelt</translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="44"/>
        <source>unstamped %1</source>
        <translation>Stempel %1 entfernt</translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="46"/>
        <source>version table already at %1</source>
        <translation>Versionstabelle steht bereits auf %1</translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="64"/>
        <source>Set the version table to %1 without running any operation?</source>
        <translation>Die Versionstabelle auf %1 setzen, ohne eine Operation auszuführen?</translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="67"/>
        <source>Use this to baseline a database whose schema already matches %1 (as `tempest-migrate stamp`). Revisions after it stay pending; the schema is not changed.</source>
        <translation>Damit wird eine Datenbank, deren Schema bereits %1 entspricht, als Ausgangsstand übernommen (wie `tempest-migrate stamp`). Spätere Revisionen bleiben ausstehend; das Schema wird nicht geändert.</translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="70"/>
        <source>&amp;Stamp</source>
        <translation>&amp;Stempeln</translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="95"/>
        <location filename="../src/studio/verb_actions.cpp" line="102"/>
        <location filename="../src/studio/verb_actions.cpp" line="104"/>
        <source>Merge heads</source>
        <translation>Köpfe zusammenführen</translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="96"/>
        <source>Message of the merge revision:</source>
        <translation>Nachricht der Zusammenführungsrevision:</translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="97"/>
        <source>merge heads</source>
        <translation>Kopfrevisionen zusammenführen</translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="102"/>
        <source>created %1</source>
        <translation>erstellt %1</translation>
    </message>
</context>
<context>
    <name>tempest::studio::ViewMenu</name>
    <message>
        <location filename="../src/studio/view_menu.cpp" line="40"/>
        <source>&amp;Event log</source>
        <translation>&amp;Ereignisprotokoll</translation>
    </message>
    <message>
        <location filename="../src/studio/view_menu.cpp" line="44"/>
        <source>&amp;Toolbar</source>
        <translation>&amp;Werkzeugleiste</translation>
    </message>
    <message>
        <location filename="../src/studio/view_menu.cpp" line="48"/>
        <source>&amp;Reset layout</source>
        <translation>Layout &amp;zurücksetzen</translation>
    </message>
</context>
</TS>
