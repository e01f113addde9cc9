# Mimi audio codec (issue 4): config (plain C++), model, loader and the public MimiCodec API (torch).
list(APPEND CSM_ENGINE_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/src/codec/mimi_model.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/codec/mimi_loader.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/src/codec/mimi_codec.cpp)
list(APPEND CSM_ENGINE_PLAIN_SOURCES
  ${CMAKE_CURRENT_SOURCE_DIR}/src/codec/mimi_config.cpp)
list(APPEND CSM_ENGINE_PLAIN_SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/src/codec/mimi_frame_encoder.cpp)
