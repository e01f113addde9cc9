# `csm` commands of the generate stage. watermark: `csm watermark verify|embed|key`.
list(APPEND CSM_CLI_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/cli/watermark_commands.cpp)
list(APPEND CSM_CLI_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/cli/generate_commands.cpp)
