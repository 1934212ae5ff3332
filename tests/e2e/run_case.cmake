# Runs the valgus binary once and compares exit code, stdout and stderr.
#   BIN     the binary          ARGS  its arguments (a CMake list)
#   EXIT    expected exit code  STDOUT  golden file for standard output
#   STDERR  expected standard error: exact text, or @FILE for a golden file's text
#   ENV     VAR=value settings  WORKDIR where to run
# Set VALGUS_UPDATE_GOLDEN=1 in the environment to rewrite golden files.
set(command ${BIN} ${ARGS})
if(ENV)
  set(command ${CMAKE_COMMAND} -E env ${ENV} ${command})
endif()
if(NOT WORKDIR)
  set(WORKDIR ${CMAKE_CURRENT_BINARY_DIR})
endif()
# Tests see a plain pipe: no colour unless asked, no terminal width, and no
# personal catalogue of whoever runs them.
set(ENV{NO_COLOR} "")
if(NOT ENV MATCHES "XDG_DATA_HOME")
  set(ENV{XDG_DATA_HOME} "${CMAKE_CURRENT_BINARY_DIR}/no-user-data")
endif()
# Nor their saved programme or log.
if(NOT ENV MATCHES "XDG_CONFIG_HOME")
  set(ENV{XDG_CONFIG_HOME} "${CMAKE_CURRENT_BINARY_DIR}/no-user-config")
endif()
if(NOT ENV MATCHES "XDG_STATE_HOME")
  set(ENV{XDG_STATE_HOME} "${CMAKE_CURRENT_BINARY_DIR}/no-user-state")
endif()
unset(ENV{COLUMNS})
execute_process(COMMAND ${command} WORKING_DIRECTORY ${WORKDIR}
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)

set(failed FALSE)
if(NOT "${code}" STREQUAL "${EXIT}")
  message(SEND_ERROR "exit code ${code}, expected ${EXIT}\nstderr: ${err}")
endif()

if(STDOUT)
  if("$ENV{VALGUS_UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE ${STDOUT} "${out}")
  endif()
  file(READ ${STDOUT} expected)
  if(NOT out STREQUAL expected)
    file(WRITE ${STDOUT}.actual "${out}")
    execute_process(COMMAND diff -u ${STDOUT} ${STDOUT}.actual)
    message(SEND_ERROR "standard output differs from ${STDOUT} (see the diff above; actual in ${STDOUT}.actual)")
  endif()
endif()

if(STDERR MATCHES "^@")
  # A golden file of standard error: rewritten like the stdout goldens.
  string(SUBSTRING "${STDERR}" 1 -1 stderr_file)
  if("$ENV{VALGUS_UPDATE_GOLDEN}" STREQUAL "1")
    file(WRITE ${stderr_file} "${err}")
  endif()
  file(READ ${stderr_file} expected_err)
elseif(DEFINED STDERR AND NOT STDERR STREQUAL "")
  set(expected_err "${STDERR}\n")
else()
  set(expected_err "")
endif()
if(NOT err STREQUAL expected_err)
  message(SEND_ERROR "standard error:\n${err}\nexpected:\n${expected_err}")
endif()
# Every line on standard error ends with a newline, the last one too.
if(NOT err STREQUAL "" AND NOT err MATCHES "\n$")
  message(SEND_ERROR "standard error does not end with a newline:\n${err}")
endif()
