# Mimi codec (issue 4): golden fixtures, layouts, batched/streaming equivalence, bad input.
csm_add_test(test_mimi_codec SOURCES codec/test_mimi_codec.cpp LABELS unit)
csm_add_test(test_mimi_frame_encoder SOURCES codec/test_mimi_frame_encoder.cpp LABELS unit)
