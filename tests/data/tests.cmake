# Data stage suites (audio -> dataset -> tokens). Audio is generated at test time with espeak-ng
# and sox (Debian packages, `make deps`) and synthetic tones/noise; suites skip what needs a
# missing tool. The auto-alignment suite uses pocketsphinx-testdata's human speech.
foreach(t audio_processing transcript_sources segmentation token_cache dataset_import dataset_doctor)
  csm_add_test(test_${t} SOURCES data/test_${t}.cpp LABELS unit)
endforeach()
csm_add_test(test_auto_align SOURCES data/test_auto_align.cpp LABELS slow)
add_dependencies(test_dataset_doctor csm)
