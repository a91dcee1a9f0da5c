package com.revolutiontradingpros.api.content.usages;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.revolutiontradingpros.api.platform.assets.AssetUsageChanged;

/**
 * Where media items and videos are used (rule 24), the list that guards their deletion. Content records its own
 * usages in the transaction of the change; other modules report theirs through {@link AssetUsageChanged}.
 */
@Component
public class AssetUsages {

    public static final String MEDIA = "media";
    public static final String VIDEO = "video";

    private final JdbcClient jdbc;

    AssetUsages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Usage(String module, String ownerType, long ownerId, String field, @Nullable String title, @Nullable String adminUrl) {
    }

    /** The owner's field now uses exactly these assets (none clears it). */
    public void set(String assetType, String module, String ownerType, long ownerId, String field, Collection<Long> assetIds,
            @Nullable String title, @Nullable String adminUrl) {
        jdbc.sql("""
                DELETE FROM asset_usages WHERE asset_type = :type AND module = :module AND owner_type = :ownerType
                                           AND owner_id = :ownerId AND field = :field AND NOT (asset_id = ANY (:ids))""")
                .param("type", assetType).param("module", module).param("ownerType", ownerType).param("ownerId", ownerId)
                .param("field", field).param("ids", assetIds.toArray(Long[]::new)).update();
        for (long assetId : assetIds) {
            jdbc.sql("""
                    INSERT INTO asset_usages (asset_type, asset_id, module, owner_type, owner_id, field, title, admin_url)
                    VALUES (:type, :asset, :module, :ownerType, :ownerId, :field, :title, :adminUrl)
                    ON CONFLICT (asset_type, asset_id, module, owner_type, owner_id, field)
                    DO UPDATE SET title = excluded.title, admin_url = excluded.admin_url""")
                    .param("type", assetType).param("asset", assetId).param("module", module).param("ownerType", ownerType)
                    .param("ownerId", ownerId).param("field", field).param("title", title).param("adminUrl", adminUrl).update();
        }
    }

    /** The owner is gone: every usage it recorded goes with it. */
    public void removeOwner(String module, String ownerType, long ownerId) {
        jdbc.sql("DELETE FROM asset_usages WHERE module = :module AND owner_type = :ownerType AND owner_id = :ownerId")
                .param("module", module).param("ownerType", ownerType).param("ownerId", ownerId).update();
    }

    /** The asset is gone: its usage rows go with it. */
    public void removeAsset(String assetType, long assetId) {
        jdbc.sql("DELETE FROM asset_usages WHERE asset_type = :type AND asset_id = :id").param("type", assetType).param("id", assetId).update();
    }

    public List<Usage> of(String assetType, long assetId) {
        return jdbc.sql("""
                SELECT module, owner_type, owner_id, field, title, admin_url FROM asset_usages
                WHERE asset_type = :type AND asset_id = :id ORDER BY module, owner_type, owner_id, field""")
                .param("type", assetType).param("id", assetId)
                .query((rs, n) -> new Usage(rs.getString("module"), rs.getString("owner_type"), rs.getLong("owner_id"),
                        rs.getString("field"), rs.getString("title"), rs.getString("admin_url")))
                .list();
    }

    public Map<Long, Integer> counts(String assetType, Collection<Long> assetIds) {
        if (assetIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT asset_id, count(*) AS uses FROM asset_usages WHERE asset_type = :type AND asset_id IN (:ids) GROUP BY asset_id")
                .param("type", assetType).param("ids", assetIds)
                .query((rs, n) -> Map.entry(rs.getLong("asset_id"), rs.getInt("uses"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @ApplicationModuleListener
    void on(AssetUsageChanged change) {
        set(change.assetType(), change.module(), change.ownerType(), change.ownerId(), change.field(),
                change.assetId() == null ? List.of() : List.of(change.assetId()), change.title(), change.adminUrl());
    }
}
