-- Meilisearch's index settings (synonyms, stop words, ranking) are pushed through the same retried queue as documents.
ALTER TABLE search_index_queue DROP CONSTRAINT search_index_queue_action_check;
ALTER TABLE search_index_queue ADD CONSTRAINT search_index_queue_action_check CHECK (action IN ('upsert', 'remove', 'settings'));
