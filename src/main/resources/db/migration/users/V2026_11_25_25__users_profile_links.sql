-- The website and social profiles an author shows on their public page (content row 8).
ALTER TABLE user_profiles
    ADD COLUMN website_url text,
    ADD COLUMN social_links jsonb NOT NULL DEFAULT '{}';
