-- Why a failed import stopped (a file that is not an export, or one that breaks off), shown by row 34.
ALTER TABLE content_import_jobs ADD COLUMN message text;
