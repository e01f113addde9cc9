// csm_translations holds only the compiled .qm files (:/i18n/csm_studio_<lang>.qm).
