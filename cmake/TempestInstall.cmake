# `cmake --install` for applications that link tempest-db: the core, the SQLite and
# PostgreSQL drivers and the C++ model API as static libraries, their headers, and a
# CMake package, so that
#   find_package(tempest-db REQUIRED)
#   target_link_libraries(app PRIVATE tempest::core tempest::sqlite tempest::model)
# works (tempest::core_<folder> names one core library alone).
#
# Headers go to include/tempest/{core,drivers,model}/ and include/tempest is the
# installed include directory, so the "core/ir/schema.h" spelling used inside the project
# (and by generated migrations) is the same for installed consumers. Everything here is
# in the Development component: `cmake --install <build> --component Development`
# installs the package without the programs.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(TEMPEST_INSTALL_INCLUDEDIR ${CMAKE_INSTALL_INCLUDEDIR}/tempest)
set(TEMPEST_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/tempest-db)

set(_tempest_exported tempest_core tempest_sqlite tempest_postgres tempest_model)
set_target_properties(tempest_core PROPERTIES EXPORT_NAME core)
set_target_properties(tempest_sqlite PROPERTIES EXPORT_NAME sqlite)
set_target_properties(tempest_postgres PROPERTIES EXPORT_NAME postgres)
set_target_properties(tempest_model PROPERTIES EXPORT_NAME model)
foreach(folder driver ir ops diff revision dialect runner drift codegen project cli)
  list(APPEND _tempest_exported tempest_core_${folder})
  set_target_properties(tempest_core_${folder} PROPERTIES EXPORT_NAME core_${folder})
endforeach()
foreach(target IN LISTS _tempest_exported)
  target_include_directories(${target} INTERFACE $<INSTALL_INTERFACE:${TEMPEST_INSTALL_INCLUDEDIR}>)
endforeach()

install(TARGETS ${_tempest_exported} EXPORT tempest-db-targets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development)

# Only the public headers: the command line's internals (cli/), the diff's helpers and the
# SQLite text parsers are not part of the API.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/src/core/ DESTINATION ${TEMPEST_INSTALL_INCLUDEDIR}/core
        COMPONENT Development FILES_MATCHING PATTERN "*.h"
        PATTERN "cli" EXCLUDE
        PATTERN "dependency_order.h" EXCLUDE PATTERN "enum_diff.h" EXCLUDE PATTERN "rename.h" EXCLUDE
        PATTERN "table_compare.h" EXCLUDE
        PATTERN "sqlite_create_parser.h" EXCLUDE PATTERN "sqlite_sql_scan.h" EXCLUDE)
foreach(driver sqlite postgres)
  install(DIRECTORY ${PROJECT_SOURCE_DIR}/src/drivers/${driver}/
          DESTINATION ${TEMPEST_INSTALL_INCLUDEDIR}/drivers/${driver}
          COMPONENT Development FILES_MATCHING PATTERN "*.h")
endforeach()
install(DIRECTORY ${PROJECT_SOURCE_DIR}/src/model/ DESTINATION ${TEMPEST_INSTALL_INCLUDEDIR}/model
        COMPONENT Development FILES_MATCHING PATTERN "*.h")

install(EXPORT tempest-db-targets NAMESPACE tempest:: DESTINATION ${TEMPEST_INSTALL_CMAKEDIR}
        COMPONENT Development)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/tempest-db-config.cmake.in
    ${PROJECT_BINARY_DIR}/tempest-db-config.cmake INSTALL_DESTINATION ${TEMPEST_INSTALL_CMAKEDIR})
# 0.x: a minor version may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/tempest-db-config-version.cmake
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/tempest-db-config.cmake ${PROJECT_BINARY_DIR}/tempest-db-config-version.cmake
        DESTINATION ${TEMPEST_INSTALL_CMAKEDIR} COMPONENT Development)
