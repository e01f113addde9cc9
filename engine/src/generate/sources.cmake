list(APPEND CSM_ENGINE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/src/generate/sampling.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/generate/generator.cpp)
include(${CMAKE_CURRENT_SOURCE_DIR}/src/generate/watermark.cmake OPTIONAL)
list(APPEND CSM_ENGINE_PLAIN_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/src/generate/profile_samples.cpp)
