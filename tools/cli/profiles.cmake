# `csm voice ...` (issue 8: the voice profile library).
list(APPEND CSM_CLI_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/cli/profiles_commands.cpp)
