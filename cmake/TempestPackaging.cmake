# Debian packages with CPack (`cpack -G DEB` in the build folder, or the `package` target):
#   tempest-migrate  the command line, its man page, completion and documentation (no Qt)
#   tempest-studio   Tempest Studio, its desktop integration and the PNG module of `graph`
#   tempest-db-dev   headers, static libraries and the CMake package (find_package(tempest-db))
# Depends is computed from the binaries by dpkg-shlibdeps; the version is project()'s.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tempest-db)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "tempest-db")
set(CPACK_PACKAGE_CONTACT "tempest-db maintainers <maintainers@tempest-db.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Schema migrations for SQLite and PostgreSQL")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL cli studio Development)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)

set(CPACK_DEBIAN_CLI_PACKAGE_NAME tempest-migrate)
set(CPACK_COMPONENT_CLI_DESCRIPTION "Schema migrations for SQLite and PostgreSQL: the tempest-migrate command line
 Applies and reverts revisions kept as typed operations, autogenerates new ones from
 the models, reports drift, and prints the SQL of any range of revisions.")
set(CPACK_DEBIAN_STUDIO_PACKAGE_NAME tempest-studio)
set(CPACK_DEBIAN_STUDIO_PACKAGE_SECTION database)
set(CPACK_COMPONENT_STUDIO_DEPENDS cli)
# Loaded as Qt plugins, which dpkg-shlibdeps cannot see: the QtSql drivers Studio opens
# databases with, and the SVG image plugin for the graph.
set(CPACK_DEBIAN_STUDIO_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6")
set(CPACK_COMPONENT_STUDIO_DESCRIPTION "Tempest Studio: tempest-db's desktop application
 Shows models, the live schema and the operations between them side by side, draws the
 revision graph and applies or reverts revisions.")
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_NAME tempest-db-dev)
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_DEVELOPMENT_DESCRIPTION "tempest-db for C++ applications: headers, static libraries, CMake package
 find_package(tempest-db) and link tempest::core, tempest::sqlite, tempest::postgres,
 tempest::model.")
# The static libraries link these at the application's link time.
set(CPACK_DEBIAN_DEVELOPMENT_PACKAGE_DEPENDS "libsqlite3-dev, libpq-dev, libssl-dev, nlohmann-json3-dev")
# Debian policy: each package's licence as /usr/share/doc/<package>/copyright.
foreach(_pair cli:tempest-migrate studio:tempest-studio Development:tempest-db-dev)
  string(REPLACE ":" ";" _pair "${_pair}")
  list(GET _pair 0 _component)
  list(GET _pair 1 _package)
  install(FILES ${PROJECT_SOURCE_DIR}/LICENSE DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${_package}
          RENAME copyright COMPONENT ${_component})
endforeach()
include(CPack)
