// csm_resources holds only compiled-in resources (icons); this file gives the library a source.
