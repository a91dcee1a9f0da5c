package com.revolutiontradingpros.api.platform.assets;

import org.jspecify.annotations.Nullable;

/**
 * A module started or stopped using a media item or video in one field of something it owns (a product's image, a
 * course lesson's video, an email template's picture). The content module keeps the usage list that guards deletes;
 * {@code assetId} null means the field no longer uses any asset.
 *
 * @param assetType {@code media} or {@code video}
 * @param title what the admin sees in the usage list, such as the product's name
 * @param adminUrl where the admin web app edits the owner
 */
public record AssetUsageChanged(String assetType, @Nullable Long assetId, String module, String ownerType, long ownerId, String field,
        @Nullable String title, @Nullable String adminUrl) {
}
