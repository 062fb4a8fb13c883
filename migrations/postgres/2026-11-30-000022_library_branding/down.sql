DROP TABLE library_branding;
