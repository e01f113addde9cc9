# `csm codec encode|decode` (Mimi codec, issue 4).
list(APPEND CSM_CLI_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/cli/codec_commands.cpp)
