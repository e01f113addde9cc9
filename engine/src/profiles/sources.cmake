# Voice profile library (issue 8): plain C++ + nlohmann_json, no torch.
list(APPEND CSM_ENGINE_PLAIN_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/src/profiles/voice_profile.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/profiles/profile_library.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/profiles/model_identity.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/profiles/tar_archive.cpp)
