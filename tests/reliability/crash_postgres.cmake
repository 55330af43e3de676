# The PostgreSQL halves of crash safety and concurrency (issue 9), on the test cluster
# (fixture `postgres`: they fail without it, unless TEMPEST_SKIP_PG=1 at configure).
# Included at the end of CMakeLists.txt; they use crash_runner from there and the
# project helper of tests/cli_postgres (cli_postgres_support).
if(TARGET crash_runner AND TARGET cli_postgres_support)
  tempest_add_test(tst_crash_safety_postgres
      SOURCES tst_crash_safety_postgres.cpp crash_trials.h pg_state.h
      LIBS cli_postgres_support tempest_postgres
      LABELS reliability postgres
      FIXTURES postgres)
  target_compile_definitions(tst_crash_safety_postgres PRIVATE CRASH_RUNNER_BIN="$<TARGET_FILE:crash_runner>")
  add_dependencies(tst_crash_safety_postgres tempest-migrate crash_runner)
  set_tests_properties(tst_crash_safety_postgres PROPERTIES TIMEOUT 300)
endif()

if(TARGET cli_postgres_support)
  tempest_add_test(tst_concurrent_runners_postgres
      SOURCES tst_concurrent_runners_postgres.cpp pg_state.h
      LIBS cli_postgres_support tempest_postgres
      LABELS reliability postgres
      FIXTURES postgres)
  add_dependencies(tst_concurrent_runners_postgres tempest-migrate)
  set_tests_properties(tst_concurrent_runners_postgres PROPERTIES TIMEOUT 300)
endif()

foreach(t tst_crash_safety_postgres tst_concurrent_runners_postgres)
  if(TARGET ${t})
    target_compile_options(${t} PRIVATE -Wall -Wextra -Wno-missing-field-initializers)
  endif()
endforeach()
