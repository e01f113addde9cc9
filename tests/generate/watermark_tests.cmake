# Watermark suite (issue 7): ~30 s, uses espeak-ng and sox when installed (skips what it cannot run).
csm_add_test(test_watermark SOURCES generate/test_watermark.cpp LABELS unit)
add_dependencies(test_watermark csm)
