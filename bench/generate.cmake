add_executable(csm_generate_bench ${CMAKE_CURRENT_SOURCE_DIR}/csm_generate_bench.cpp)
target_link_libraries(csm_generate_bench PRIVATE csm_engine_internal ${TORCH_LIBRARIES} csm_warnings)
