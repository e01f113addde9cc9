# Voice profile library (issue 8).
csm_add_test(test_voice_profile SOURCES profiles/test_voice_profile.cpp LABELS unit)
csm_add_test(test_profile_library SOURCES profiles/test_profile_library.cpp LABELS unit)
# The `voice` command is compiled into its test too (running the LibTorch-linked `csm` costs about a
# second per start); a few cases still run the real binary.
csm_add_test(test_voice_cli SOURCES profiles/test_voice_cli.cpp ${CMAKE_SOURCE_DIR}/tools/cli/profiles_commands.cpp
             LABELS unit)
target_include_directories(test_voice_cli PRIVATE ${CMAKE_SOURCE_DIR}/tools/cli)
add_dependencies(test_voice_cli csm)
