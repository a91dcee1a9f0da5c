package com.revolutiontradingpros.api.content.media;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.revolutiontradingpros.api.platform.web.ApiException;

/** Folders of the media library: unique names among siblings (ignoring case), at most five levels deep. */
@Service
class FolderService {

    static final int MAX_DEPTH = 5;

    private final FolderRepository folders;

    FolderService(FolderRepository folders) {
        this.folders = folders;
    }

    record Node(MediaFolder folder, long itemCount, long totalItemCount, List<Node> children) {
    }

    List<Node> tree() {
        var all = folders.all();
        var counts = folders.itemCounts();
        var byParent = new HashMap<@Nullable Long, List<MediaFolder>>();
        all.forEach(folder -> byParent.computeIfAbsent(folder.parentId(), k -> new ArrayList<>()).add(folder));
        return nodes(null, byParent, counts);
    }

    private static List<Node> nodes(@Nullable Long parentId, Map<@Nullable Long, List<MediaFolder>> byParent, Map<Long, Long> counts) {
        var nodes = new ArrayList<Node>();
        for (MediaFolder folder : byParent.getOrDefault(parentId, List.of())) {
            var children = nodes(folder.id(), byParent, counts);
            long own = counts.getOrDefault(folder.id(), 0L);
            nodes.add(new Node(folder, own, own + children.stream().mapToLong(Node::totalItemCount).sum(), children));
        }
        return nodes;
    }

    @Transactional
    long create(String name, @Nullable Long parentId) {
        var all = folders.all();
        if (parentId != null) {
            requireFolder(all, parentId, "parent_id");
            if (depth(all, parentId) + 1 > MAX_DEPTH) {
                throw ApiException.unprocessable("depth_exceeded", "parent_id", "folders nest at most " + MAX_DEPTH + " levels deep");
            }
        }
        requireFreeName(parentId, name, 0);
        return folders.insert(name, parentId);
    }

    @Transactional
    void update(MediaFolder folder, @Nullable String name, boolean moves, @Nullable Long parentId) {
        var all = folders.all();
        Long newParent = moves ? parentId : folder.parentId();
        if (moves && newParent != null) {
            requireFolder(all, newParent, "parent_id");
            if (newParent == folder.id() || ancestors(all, newParent).contains(folder.id())) {
                throw ApiException.unprocessable("folder_cycle", "parent_id", "a folder cannot move under itself or its sub-folders");
            }
            if (depth(all, newParent) + height(all, folder.id()) > MAX_DEPTH) {
                throw ApiException.unprocessable("depth_exceeded", "parent_id", "folders nest at most " + MAX_DEPTH + " levels deep");
            }
        }
        String newName = name == null ? folder.name() : name;
        requireFreeName(newParent, newName, folder.id());
        folders.update(folder.id(), newName, newParent);
    }

    /** Rule 25: with a target, items and sub-folders move there first (clashing names get " (2)", " (3)", …). */
    @Transactional
    void delete(MediaFolder folder, boolean move, @Nullable Long targetId) {
        var all = folders.all();
        if (!move) {
            if (folders.hasContent(folder.id())) {
                throw ApiException.conflict("folder_not_empty", "the folder holds items or sub-folders; pass move_to to move them first");
            }
            folders.delete(folder.id());
            return;
        }
        if (targetId != null) {
            requireFolder(all, targetId, "move_to");
            if (targetId == folder.id() || ancestors(all, targetId).contains(folder.id())) {
                throw ApiException.unprocessable("folder_cycle", "move_to", "the target is the folder itself or one of its sub-folders");
            }
        }
        folders.moveItems(folder.id(), targetId);
        int targetDepth = targetId == null ? 0 : depth(all, targetId);
        for (MediaFolder child : all.stream().filter(f -> f.parentId() != null && f.parentId() == folder.id()).toList()) {
            if (targetDepth + height(all, child.id()) > MAX_DEPTH) {
                throw ApiException.unprocessable("depth_exceeded", "move_to", "the sub-folders would nest deeper than " + MAX_DEPTH + " levels");
            }
            folders.update(child.id(), freeName(targetId, child.name(), child.id()), targetId);
        }
        folders.delete(folder.id());
    }

    private String freeName(@Nullable Long parentId, String name, long id) {
        String candidate = name;
        for (int n = 2; folders.nameTaken(parentId, candidate, id); n++) {
            String suffix = " (" + n + ")";
            candidate = name.substring(0, Math.min(name.length(), 100 - suffix.length())) + suffix;
        }
        return candidate;
    }

    private void requireFreeName(@Nullable Long parentId, String name, long exceptId) {
        if (folders.nameTaken(parentId, name, exceptId)) {
            throw ApiException.conflict("folder_exists", "a folder with this name already exists here");
        }
    }

    private static void requireFolder(List<MediaFolder> all, long id, String field) {
        if (all.stream().noneMatch(folder -> folder.id() == id)) {
            throw ApiException.invalid(field, "is not a folder");
        }
    }

    /** Levels from the root down to and including the folder (a root folder has depth 1). */
    static int depth(List<MediaFolder> all, long id) {
        return ancestors(all, id).size() + 1;
    }

    private static List<Long> ancestors(List<MediaFolder> all, long id) {
        var parents = new HashMap<Long, @Nullable Long>();
        all.forEach(folder -> parents.put(folder.id(), folder.parentId()));
        var result = new ArrayList<Long>();
        // Bounded by the folder count, so a cycle in bad data cannot loop forever.
        for (Long parent = parents.get(id); parent != null && result.size() <= all.size(); parent = parents.get(parent)) {
            result.add(parent);
        }
        return result;
    }

    /** Levels in the folder's subtree, itself included (a leaf has height 1). */
    private static int height(List<MediaFolder> all, long id) {
        int deepest = 0;
        for (MediaFolder child : all) {
            if (child.parentId() != null && child.parentId() == id) {
                deepest = Math.max(deepest, height(all, child.id()));
            }
        }
        return deepest + 1;
    }
}
