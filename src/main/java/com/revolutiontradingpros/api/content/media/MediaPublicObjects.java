package com.revolutiontradingpros.api.content.media;

import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.storage.PublicObjects;

/** Tells the local store which keys are public library files (originals and variants of public items). */
@Component
class MediaPublicObjects implements PublicObjects {

    private final MediaRepository repository;

    MediaPublicObjects(MediaRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean isPublic(String key) {
        return key.startsWith("media/") && repository.isPublicKey(key);
    }
}
