# Watermark (issue 7): keyed STFT-magnitude watermark, its detector and the installation key.
# Plain C++ (no torch); included from src/generate/sources.cmake.
list(APPEND CSM_ENGINE_PLAIN_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/src/generate/watermark.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/generate/watermark_fft.cpp)
