# Mimi codec: encode/decode speed in x real time and fidelity against transformers' references.
add_executable(mimi_bench ${CMAKE_CURRENT_SOURCE_DIR}/mimi_bench.cpp)
target_link_libraries(mimi_bench PRIVATE csm_engine_internal ${TORCH_LIBRARIES} csm_warnings)
