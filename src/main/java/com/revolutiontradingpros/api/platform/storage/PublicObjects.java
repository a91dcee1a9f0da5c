package com.revolutiontradingpros.api.platform.storage;

/**
 * Tells the local store which objects anyone may download without a signature. The module that owns an object
 * knows whether it is public (the media library does); the store does not, so it asks every implementation.
 */
public interface PublicObjects {

    boolean isPublic(String key);
}
