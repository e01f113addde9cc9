# `csm dataset import|report` (data stage).
list(APPEND CSM_CLI_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/cli/data_commands.cpp)
