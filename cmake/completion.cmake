# Writes `BIN completion SHELL_NAME` to OUTPUT, ignoring any personal
# catalogue of whoever builds.
set(ENV{XDG_DATA_HOME} /nonexistent/valgus-build)
# Only Ninja creates an output's folder by itself; make it here for every
# generator.
get_filename_component(folder ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${folder})
execute_process(COMMAND ${BIN} completion ${SHELL_NAME} OUTPUT_FILE ${OUTPUT}.tmp RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "valgus completion ${SHELL_NAME} failed: ${result}")
endif()
file(RENAME ${OUTPUT}.tmp ${OUTPUT})
