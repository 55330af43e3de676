# Helpers shared by every folder's CMakeLists.
#
# tempest_core_library(NAME DEPS...) builds src/core/<NAME> as the static library
# tempest_core_<NAME> from every .cpp in the folder (recursively), and links only the
# core libraries named in DEPS: the dependency rule of DESIGN.md lives in these calls,
# and tests/arch checks the #includes against the same table.
function(tempest_core_library name)
  cmake_parse_arguments(ARG "" "" "DEPS;EXTRA" ${ARGN})
  file(GLOB_RECURSE _srcs CONFIGURE_DEPENDS
       ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  list(FILTER _srcs EXCLUDE REGEX "/\\.")
  if(NOT _srcs MATCHES "\\.cpp")
    # A folder still being written: keep the target so dependants configure.
    set(_stub ${CMAKE_CURRENT_BINARY_DIR}/empty_${name}.cpp)
    file(WRITE ${_stub} "// ${name}: no sources yet\n")
    list(APPEND _srcs ${_stub})
  endif()
  add_library(tempest_core_${name} STATIC ${_srcs})
  add_library(tempest::core_${name} ALIAS tempest_core_${name})
  target_include_directories(tempest_core_${name} PUBLIC
      $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/src>)
  set_target_properties(tempest_core_${name} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_compile_options(tempest_core_${name} PRIVATE -Wall -Wextra -Wno-missing-field-initializers)
  foreach(dep IN LISTS ARG_DEPS)
    target_link_libraries(tempest_core_${name} PUBLIC tempest_core_${dep})
  endforeach()
  target_link_libraries(tempest_core_${name} PUBLIC nlohmann_json::nlohmann_json ${ARG_EXTRA})
  if(TEMPEST_SANITIZE)
    # A sanitized build installs instrumented static libraries: whatever links them (the
    # installed package's users too) needs the sanitizer runtimes.
    target_link_options(tempest_core_${name} INTERFACE -fsanitize=address,undefined)
  endif()
endfunction()

# tempest_add_test(NAME SOURCES... LIBS...) adds a Qt Test executable registered with CTest.
function(tempest_add_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS;FIXTURES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests/common)
  target_compile_definitions(${name} PRIVATE
      TEMPEST_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
      TEMPEST_BINARY_DIR="${PROJECT_BINARY_DIR}"
      TEMPEST_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
  if(ARG_FIXTURES)
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED "${ARG_FIXTURES}")
  endif()
endfunction()
