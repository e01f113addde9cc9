# CSM Studio GUI suites (issue 10): offscreen, QStandardPaths test mode, tiny model fixtures.
csm_add_test(test_app_settings SOURCES gui/test_app_settings.cpp LABELS gui LIBS csm_app)
csm_add_test(test_profile_table_model SOURCES gui/test_profile_table_model.cpp LABELS gui LIBS csm_widgets)
csm_add_test(test_job_service SOURCES gui/test_job_service.cpp gui/gui_test_support.h LABELS gui LIBS csm_app)
csm_add_test(test_main_window SOURCES gui/test_main_window.cpp gui/gui_test_support.h LABELS gui LIBS csm_widgets csm_translations)
