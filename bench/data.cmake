# Data stage: CPU import throughput (x real time, codec excluded) and token-cache re-import time.
add_executable(data_import_bench ${CMAKE_CURRENT_SOURCE_DIR}/data_import_bench.cpp)
target_link_libraries(data_import_bench PRIVATE csm_engine csm_warnings)
