<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../ui/about_dialog.ui" line="9"/>
        <source>About Tempest Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="15"/>
        <source>Program and version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="20"/>
        <source>Schema migrations for SQLite and PostgreSQL: review drift, apply and revert revisions, generate migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="28"/>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="34"/>
        <source>Qt version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="39"/>
        <source>SQLite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="45"/>
        <source>SQLite version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="50"/>
        <source>libpq:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="56"/>
        <source>libpq version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/about_dialog.ui" line="67"/>
        <source>Documentation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfirmDestructiveDialog</name>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="9"/>
        <source>Data will be lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="22"/>
        <source>Destructive operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="23"/>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="24"/>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="25"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="26"/>
        <source>Rows now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="31"/>
        <source>SQL of the selected operation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/confirm_destructive_dialog.ui" line="39"/>
        <source>SQL of the selected operation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../ui/connection_dialog.ui" line="9"/>
        <source>Connect to a database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="15"/>
        <source>This connection replaces the project file&apos;s database for this Studio session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="25"/>
        <source>&amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="29"/>
        <source>postgresql://user@host:5432/database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="33"/>
        <source>&amp;Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="36"/>
        <source>localhost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="39"/>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="43"/>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="49"/>
        <source>&amp;Database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="55"/>
        <source>U&amp;ser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="61"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="70"/>
        <source>Remember the password in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="78"/>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="83"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="92"/>
        <source>Use this connection whenever this project is opened (the password is never saved with it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/connection_dialog.ui" line="98"/>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerateMigrationDialog</name>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="9"/>
        <source>Generate migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="16"/>
        <source>&amp;Label:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="22"/>
        <source>what this migration does</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="23"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="28"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="34"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="53"/>
        <source>Possible &amp;renames (check to keep the data):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="59"/>
        <source>Rename candidates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="60"/>
        <source>Checked: treat as a rename (the data is kept). Unchecked: drop and add (the data of the dropped one is lost).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="66"/>
        <source>Operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="67"/>
        <source>Unchecked operations are left out of the migration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="72"/>
        <source>Migration file preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/generate_migration_dialog.ui" line="79"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="102"/>
        <source>default collation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="106"/>
        <source>no default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="111"/>
        <source>no comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="120"/>
        <location filename="../src/core/ops/operation_describe.cpp" line="236"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="126"/>
        <source>(no SQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="138"/>
        <source>create table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="139"/>
        <source>drop table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="142"/>
        <source>rename table %1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="147"/>
        <source>add column %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="156"/>
        <source>drop column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="166"/>
        <source>alter column %1: %2 -&gt; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="172"/>
        <source>rename column %1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="181"/>
        <source>create unique index %1 on %2 %3 where %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="182"/>
        <source>create index %1 on %2 %3 where %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="184"/>
        <source>create unique index %1 on %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="185"/>
        <source>create index %1 on %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="190"/>
        <source>drop index %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="195"/>
        <source>add unique %1 on %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="201"/>
        <source>drop unique %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="212"/>
        <source>add foreign key %1 on %2 %3 -&gt; %4 %5%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="219"/>
        <source>drop foreign key %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="224"/>
        <source>add check %1 on %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="230"/>
        <source>drop check %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="238"/>
        <source>alter primary key of %1: %2 -&gt; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="243"/>
        <source>alter comment of table %1: %2 -&gt; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="249"/>
        <source>create enum %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="252"/>
        <source>drop enum %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="257"/>
        <source>add value %1 to enum %2 before %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="259"/>
        <source>add value %1 to enum %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="264"/>
        <source>drop value %1 from enum %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="269"/>
        <source>rename enum %1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="287"/>
        <source>create domain %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="293"/>
        <source>drop domain %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="298"/>
        <source>alter domain %1: %2 -&gt; %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="302"/>
        <source>recreate table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="306"/>
        <source>execute %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/operation_describe.cpp" line="307"/>
        <source>execute %1 (irreversible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/sequence_ops.cpp" line="44"/>
        <source>create sequence %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/sequence_ops.cpp" line="50"/>
        <source>drop sequence %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/core/ops/sequence_ops.cpp" line="55"/>
        <source>alter sequence %1: %2 -&gt; %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest-studio</name>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="64"/>
        <source>Review drift, apply and revert migrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="68"/>
        <source>Open the embedded demo project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="71"/>
        <source>Render the main window to FILE (PNG) once loaded, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="75"/>
        <source>With --screenshot: what the picture shows: compare (default; the table posts expanded in both trees), findings (the first finding selected) or plan (the SQL of upgrading to tags03).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/studio_app.cpp" line="84"/>
        <source>The project file (tempest.json).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::AboutDialog</name>
    <message>
        <location filename="../src/studio/about_dialog.cpp" line="18"/>
        <source>Tempest Studio %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/about_dialog.cpp" line="24"/>
        <source>Documentation: README.md of the tempest-db sources.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/about_dialog.cpp" line="26"/>
        <source>Documentation: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::ConfirmDestructiveDialog</name>
    <message numerus="yes">
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="20"/>
        <source>%1 runs %n destructive operation(s). This data is lost:</source>
        <translation>
            <numerusform>%1 runs %n destructive operation. This data is lost:</numerusform>
            <numerusform>%1 runs %n destructive operations. This data is lost:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="39"/>
        <source>Apply anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="55"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="55"/>
        <source>not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="56"/>
        <source>1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/confirm_destructive_dialog.cpp" line="56"/>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::ConnectionDialog</name>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="24"/>
        <source>there is no database there yet (the first upgrade creates it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="59"/>
        <source>Connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="59"/>
        <source>Cannot connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="142"/>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="149"/>
        <source>SQLite database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="150"/>
        <source>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="161"/>
        <source>Password required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/connection_dialog.cpp" line="162"/>
        <source>The server refused the password for %1.
Password:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::CredentialStore</name>
    <message>
        <location filename="../src/studio/credential_store.cpp" line="22"/>
        <source>The password is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/credential_store.cpp" line="24"/>
        <source>No keychain is available (%1): the password is kept for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::DemoProject</name>
    <message>
        <location filename="../src/studio/demo_project.cpp" line="20"/>
        <source>demo (blog, SQLite)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::ErrorDialog</name>
    <message>
        <location filename="../src/studio/error_dialog.cpp" line="29"/>
        <source>Error message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/error_dialog.cpp" line="33"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::EventLog</name>
    <message>
        <location filename="../src/studio/event_log.cpp" line="22"/>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="23"/>
        <source>The output of every run, stamp, merge and error of this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="24"/>
        <source>Runs, stamps, merges and errors are logged here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="25"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="27"/>
        <source>C&amp;lear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="29"/>
        <source>Copies the whole log to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/event_log.cpp" line="30"/>
        <source>Empties the log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::FileViewerDialog</name>
    <message>
        <location filename="../src/studio/file_viewer_dialog.cpp" line="18"/>
        <source>%1 — read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/file_viewer_dialog.cpp" line="20"/>
        <source>No application is set up to open this file; it is shown here read-only. &amp;Path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/file_viewer_dialog.cpp" line="27"/>
        <source>File path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/file_viewer_dialog.cpp" line="34"/>
        <source>File contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/file_viewer_dialog.cpp" line="39"/>
        <source>Cannot read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::FindingsList</name>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="8"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="9"/>
        <source>Everything that is off, each with its kind: pending revisions, drift, model changes not in a migration, edited migrations, several heads. Activate one to select it in the panes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="20"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="21"/>
        <source>Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="22"/>
        <source>Uncaptured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="23"/>
        <source>Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="24"/>
        <source>Unknown revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="25"/>
        <source>Heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/findings_list.cpp" line="38"/>
        <source>(pending revision %1 changes %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::GenerateMigrationDialog</name>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="26"/>
        <source>table &quot;%1&quot; → &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="28"/>
        <source>column &quot;%1.%2&quot; → &quot;%1.%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="62"/>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="63"/>
        <source>C++ (with its JSON twin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="132"/>
        <source>The models match the migrations at the head: nothing to generate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/generate_migration_dialog.cpp" line="134"/>
        <source>%n possible rename(s) not checked: they are written as drop + add, and the dropped data is lost.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/generate_migration_dialog.cpp" line="68"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The history has %n heads; merge them before generating a migration.</source>
        <translation type="vanished">
            <numerusform>The history has %n head; merge them before generating a migration.</numerusform>
            <numerusform>The history has %n heads; merge them before generating a migration.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tempest::studio::MainWindow</name>
    <message>
        <location filename="../src/studio/main_window.cpp" line="85"/>
        <source>Tempest Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="97"/>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="98"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="99"/>
        <source>SQL preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="110"/>
        <source>Status summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="113"/>
        <source>Run progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="116"/>
        <source>Cancel run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="119"/>
        <source>Cancel loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="142"/>
        <source>Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="208"/>
        <source>Filter tables…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="211"/>
        <source>Shows only the tables whose name contains this text, in every pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="224"/>
        <location filename="../src/studio/main_window.cpp" line="244"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="226"/>
        <source>The schema the models declare, aligned row by row with the database; each row says whether it is added, changed, renamed or the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="229"/>
        <location filename="../src/studio/main_window.cpp" line="251"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="231"/>
        <source>The schema of the live database, aligned row by row with the models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="234"/>
        <source>Diff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="236"/>
        <source>The operations from the database to the models: what pending revisions do, and what is not in a migration yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="252"/>
        <source>Diff (database → models)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="259"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="260"/>
        <source>&amp;Open project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="262"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="267"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="270"/>
        <source>&amp;Generate migration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="274"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="210"/>
        <location filename="../src/studio/main_window.cpp" line="283"/>
        <source>Filter tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="288"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="391"/>
        <source>Cannot open project: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="395"/>
        <source>%1 — %2 — Tempest Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="412"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="472"/>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No database yet: %n revision(s) pending</source>
        <translation type="vanished">
            <numerusform>No database yet: %n revision pending</numerusform>
            <numerusform>No database yet: %n revisions pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="483"/>
        <source>Behind heads: %n revision(s) pending</source>
        <translation>
            <numerusform>Behind heads: %n revision pending</numerusform>
            <numerusform>Behind heads: %n revisions pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="481"/>
        <source>Drift: %n difference(s) between database and models</source>
        <translation>
            <numerusform>Drift: %n difference between database and models</numerusform>
            <numerusform>Drift: %n differences between database and models</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="175"/>
        <location filename="../src/studio/main_window.cpp" line="186"/>
        <location filename="../src/studio/main_window.cpp" line="577"/>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="276"/>
        <location filename="../src/studio/main_window.cpp" line="298"/>
        <source>&amp;Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="277"/>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="279"/>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="293"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="297"/>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="299"/>
        <source>D&amp;iff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="300"/>
        <source>Re&amp;visions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="301"/>
        <source>&amp;Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="302"/>
        <source>&amp;SQL preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="305"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="307"/>
        <source>&amp;About Tempest Studio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="318"/>
        <source>&amp;Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="332"/>
        <source>&amp;Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="344"/>
        <source>No rename applies to the current row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="358"/>
        <source>%1 failed:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="362"/>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="397"/>
        <source>%1 — Tempest Studio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="423"/>
        <source>Not loaded: loading was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="424"/>
        <source>Not loaded: loading was cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="435"/>
        <source>Loading failed:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="437"/>
        <location filename="../src/studio/main_window.cpp" line="448"/>
        <location filename="../src/studio/main_window.cpp" line="474"/>
        <source>Offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="476"/>
        <location filename="../src/studio/main_window.cpp" line="486"/>
        <source>%n model change(s) not in a migration</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="479"/>
        <source>No database yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="484"/>
        <source>%n revision(s) pending</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="488"/>
        <source>%n applied migration(s) edited</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="490"/>
        <source>%n applied revision(s) without a file</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/main_window.cpp" line="492"/>
        <source>%n heads</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="494"/>
        <source>No drift: the database matches the models and the migrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="585"/>
        <source>Open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="586"/>
        <source>Tempest project (tempest.json);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="604"/>
        <source>Running %1 (%2 of %3)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="616"/>
        <source>applied %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="618"/>
        <source>reverted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="621"/>
        <source>Cancelled; the revisions before it were kept. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="624"/>
        <source>Run failed:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/main_window.cpp" line="626"/>
        <source>Run failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::MigrationJob</name>
    <message>
        <location filename="../src/studio/migration_job.cpp" line="64"/>
        <source>applying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/migration_job.cpp" line="64"/>
        <source>reverting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/migration_job.cpp" line="66"/>
        <source>applied %1 (%2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/migration_job.cpp" line="66"/>
        <source>reverted %1 (%2 ms)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::OfflineBanner</name>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="15"/>
        <source>Connection status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="16"/>
        <source>Why the database is offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="17"/>
        <source>&amp;Reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="19"/>
        <source>Co&amp;nnect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="21"/>
        <source>Tries the same database again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/offline_banner.cpp" line="22"/>
        <source>Points this session at another database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::OperationListModel</name>
    <message>
        <location filename="../src/studio/operation_list_model.cpp" line="25"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/operation_list_model.cpp" line="26"/>
        <source>Drift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/operation_list_model.cpp" line="27"/>
        <source>Uncaptured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/operation_list_model.cpp" line="70"/>
        <source>%1 — destructive: data is lost</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::RecentProjects</name>
    <message>
        <location filename="../src/studio/recent_projects.cpp" line="50"/>
        <source>&amp;Clear list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::RenameChoices</name>
    <message>
        <location filename="../src/studio/rename_choices.cpp" line="58"/>
        <source>Undo rename &quot;%1.%2&quot; → &quot;%1.%3&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/rename_choices.cpp" line="59"/>
        <source>Treat &quot;%1.%2&quot; → &quot;%1.%3&quot; as a rename (keeps the data)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::RevisionGraphModel</name>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="43"/>
        <source>applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="43"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="43"/>
        <source>unknown (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="45"/>
        <source>head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="47"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="49"/>
        <source>merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="59"/>
        <source>created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="60"/>
        <source>parents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="60"/>
        <source>(base)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="62"/>
        <source>file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="82"/>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="83"/>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="84"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="85"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revision_graph_model.cpp" line="108"/>
        <source>%1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::RevisionsPane</name>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="30"/>
        <source>Revision graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="32"/>
        <source>Revisions newest first; the State column says whether each is applied or pending, or unknown while the database is offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="35"/>
        <source>Search revisions by id or message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="36"/>
        <source>Search revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="39"/>
        <source>Search matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="45"/>
        <location filename="../src/studio/revisions_pane.cpp" line="248"/>
        <location filename="../src/studio/revisions_pane.cpp" line="276"/>
        <source>&amp;Upgrade to here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="46"/>
        <location filename="../src/studio/revisions_pane.cpp" line="249"/>
        <location filename="../src/studio/revisions_pane.cpp" line="277"/>
        <source>&amp;Downgrade to here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="47"/>
        <location filename="../src/studio/revisions_pane.cpp" line="257"/>
        <location filename="../src/studio/revisions_pane.cpp" line="283"/>
        <source>Upgrade &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="48"/>
        <source>Show &amp;SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="49"/>
        <location filename="../src/studio/revisions_pane.cpp" line="252"/>
        <location filename="../src/studio/revisions_pane.cpp" line="280"/>
        <source>&amp;Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="50"/>
        <location filename="../src/studio/revisions_pane.cpp" line="260"/>
        <location filename="../src/studio/revisions_pane.cpp" line="286"/>
        <source>&amp;Export graph…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="52"/>
        <source>Applies the selected revision and the pending ones it needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="53"/>
        <source>Reverts every applied revision after the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="54"/>
        <source>Applies every pending revision up to the heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="55"/>
        <source>Shows the SQL the upgrade or downgrade to the selected revision runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="56"/>
        <source>Opens the selected revision&apos;s migration file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="57"/>
        <source>Saves the revision graph as SVG, PNG or DOT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="168"/>
        <source>%1 of %2 revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="250"/>
        <source>Show &amp;SQL of the downgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="250"/>
        <source>Show &amp;SQL of the upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="253"/>
        <location filename="../src/studio/revisions_pane.cpp" line="281"/>
        <source>&amp;Copy revision id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="254"/>
        <location filename="../src/studio/revisions_pane.cpp" line="282"/>
        <source>S&amp;tamp here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="258"/>
        <location filename="../src/studio/revisions_pane.cpp" line="284"/>
        <source>&amp;Revert to base…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="259"/>
        <location filename="../src/studio/revisions_pane.cpp" line="285"/>
        <source>&amp;Merge heads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="279"/>
        <source>Show &amp;SQL of the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="324"/>
        <source>Unknown graph format &quot;%1&quot;: use .svg, .png or .dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="328"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="338"/>
        <location filename="../src/studio/revisions_pane.cpp" line="351"/>
        <source>Export graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/revisions_pane.cpp" line="339"/>
        <source>SVG image (*.svg);;PNG image (*.png);;Graphviz DOT (*.dot *.gv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::RunController</name>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="65"/>
        <source>nothing to upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="65"/>
        <source>nothing to downgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="46"/>
        <source>Upgrading to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="45"/>
        <source>Reverting to base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="46"/>
        <source>Downgrading to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="83"/>
        <source>destructive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/run_controller.cpp" line="88"/>
        <source>%1: cancelled, nothing was changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/run_controller.cpp" line="105"/>
        <source>%1: %n revision(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tempest::studio::SchemaTreeModel</name>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="259"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="260"/>
        <source>Definition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="400"/>
        <source>primary key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="314"/>
        <source>only in the models: an upgrade would create it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="261"/>
        <source>Differences (database → models)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="315"/>
        <source>only in the database: it would be dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="316"/>
        <source>differs between models and database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="318"/>
        <source>renamed: &quot;%1&quot; in the database, &quot;%2&quot; in the models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="323"/>
        <source>%1: database %2, models %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="375"/>
        <source>not here: &quot;%1&quot; exists only on the other side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="380"/>
        <source>missing here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="396"/>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="397"/>
        <source>Indexes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="397"/>
        <source>Constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/schema_tree_model.cpp" line="416"/>
        <source>name: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../src/studio/schema_tree_model.cpp" line="269"/>
        <location filename="../src/studio/schema_tree_model.cpp" line="410"/>
        <source>%n column(s)</source>
        <translation>
            <numerusform>%n column</numerusform>
            <numerusform>%n columns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tempest::studio::SqlPane</name>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="24"/>
        <source>SQL preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="26"/>
        <source>The SQL of the selected operations, or of the whole planned run of the selected revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="27"/>
        <source>Select operations or a revision to see its SQL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="29"/>
        <source>Sa&amp;ve SQL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="32"/>
        <source>Saves the SQL shown as a .sql file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="52"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="58"/>
        <location filename="../src/studio/sql_pane.cpp" line="68"/>
        <source>Save SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/sql_pane.cpp" line="59"/>
        <source>SQL script (*.sql);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::VerbActions</name>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="27"/>
        <location filename="../src/studio/verb_actions.cpp" line="63"/>
        <source>Stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="42"/>
        <source>stamped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="44"/>
        <source>unstamped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="46"/>
        <source>version table already at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="64"/>
        <source>Set the version table to %1 without running any operation?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="67"/>
        <source>Use this to baseline a database whose schema already matches %1 (as `tempest-migrate stamp`). Revisions after it stay pending; the schema is not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="70"/>
        <source>&amp;Stamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="95"/>
        <location filename="../src/studio/verb_actions.cpp" line="102"/>
        <location filename="../src/studio/verb_actions.cpp" line="104"/>
        <source>Merge heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="96"/>
        <source>Message of the merge revision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="97"/>
        <source>merge heads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/verb_actions.cpp" line="102"/>
        <source>created %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tempest::studio::ViewMenu</name>
    <message>
        <location filename="../src/studio/view_menu.cpp" line="40"/>
        <source>&amp;Event log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/view_menu.cpp" line="44"/>
        <source>&amp;Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../src/studio/view_menu.cpp" line="48"/>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
