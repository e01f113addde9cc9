# Data stage (engine/src/data): audio files -> dataset (segments + transcripts) -> tokens.
# Nothing here includes torch. pocketsphinx (Debian: libpocketsphinx-dev, libsphinxbase-dev) gives
# English word times for long recordings without alignment; the engine target is created after
# this file is included, so the link is deferred to the end of engine/CMakeLists.txt.
foreach(f hash words audio_file resampler loudness silence audio_quality word_alignment_files
          transcript_sources aligner segmenter validation_split conversation
          token_cache dataset dataset_report dataset_writer utterance_processor dataset_import)
  list(APPEND CSM_ENGINE_PLAIN_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/src/data/${f}.cpp)
endforeach()
# Debian's pocketsphinx.pc names /usr/include/sphinxbase, which does not exist (the headers are
# under the multiarch folder), so the imported target is unusable; take the existing folders only.
# Without pocketsphinx (the GPU machine's headless build) speech_recognizer_unavailable.cpp says so.
pkg_check_modules(POCKETSPHINX pocketsphinx sphinxbase)
if(POCKETSPHINX_FOUND)
  list(APPEND CSM_ENGINE_PLAIN_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/src/data/speech_recognizer.cpp)
  set(CSM_POCKETSPHINX_INCLUDES)
  foreach(d ${POCKETSPHINX_INCLUDE_DIRS})
    if(EXISTS ${d})
      list(APPEND CSM_POCKETSPHINX_INCLUDES ${d})
    endif()
  endforeach()
  set_source_files_properties(${CMAKE_CURRENT_SOURCE_DIR}/src/data/speech_recognizer.cpp PROPERTIES
    INCLUDE_DIRECTORIES "${CSM_POCKETSPHINX_INCLUDES}")
  cmake_language(DEFER CALL target_link_libraries csm_engine PRIVATE ${POCKETSPHINX_LINK_LIBRARIES})
else()
  message(STATUS "pocketsphinx not found: automatic word alignment is unavailable in this build")
  list(APPEND CSM_ENGINE_PLAIN_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/src/data/speech_recognizer_unavailable.cpp)
endif()
