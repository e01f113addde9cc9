csm_add_test(test_sampling SOURCES generate/test_sampling.cpp LABELS unit LIBS ${TORCH_LIBRARIES})
csm_add_test(test_generator SOURCES generate/test_generator.cpp LABELS unit)
include(${CMAKE_CURRENT_SOURCE_DIR}/generate/watermark_tests.cmake OPTIONAL)
