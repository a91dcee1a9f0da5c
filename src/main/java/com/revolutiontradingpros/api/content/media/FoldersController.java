package com.revolutiontradingpros.api.content.media;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.platform.web.Patch;

/** Folders of the media library (rows 66–69). */
@RestController
@Tag(name = "Media")
class FoldersController {

    private final FolderRepository folders;
    private final FolderService service;

    FoldersController(FolderRepository folders, FolderService service) {
        this.folders = folders;
        this.service = service;
    }

    record FolderView(long id, String name, @Nullable Long parentId, @Schema(description = "items directly in it") long itemCount,
            @Schema(description = "items in it and its sub-folders") long totalItemCount, List<FolderView> children, Instant createdAt) {

        static FolderView of(FolderService.Node node) {
            return new FolderView(node.folder().id(), node.folder().name(), node.folder().parentId(), node.itemCount(), node.totalItemCount(),
                    node.children().stream().map(FolderView::of).toList(), node.folder().createdAt());
        }
    }

    @GetMapping("/media/folders")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "The folder tree with item counts")
    List<FolderView> tree() {
        return service.tree().stream().map(FolderView::of).toList();
    }

    record NewFolder(@NotBlank @Size(max = 100) String name, @Nullable @Positive Long parentId) {
    }

    @PostMapping("/media/folders")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Create a folder: names unique among siblings ignoring case (409 folder_exists), at most 5 levels deep")
    ResponseEntity<FolderView> create(@Valid @RequestBody NewFolder body) {
        long id = service.create(body.name().strip(), body.parentId());
        return ResponseEntity.created(URI.create("/media/folders/" + id)).body(view(id));
    }

    /** For the OpenAPI document: the fields a PATCH may send. */
    record FolderChange(@Nullable String name, @Schema(description = "null moves it to the root") @Nullable Long parentId) {
    }

    @PatchMapping("/media/folders/{id}")
    @RequiresRole(Role.AUTHOR)
    @Operation(summary = "Rename or move a folder (422 folder_cycle, 422 depth_exceeded, 409 folder_exists)")
    FolderView update(@PathVariable long id, @RequestBody @Schema(implementation = FolderChange.class) Map<String, @Nullable Object> body) {
        var folder = folders.find(id).orElseThrow(() -> ApiException.notFound("folder"));
        var patch = new Patch(body, Set.of("name", "parent_id"));
        String name = patch.text("name", 1, 100);
        Long parent = patch.id("parent_id");
        if (patch.isNull("name")) {
            patch.errors().add("name", "must not be null");
        }
        patch.errors().throwIfAny();
        service.update(folder, name == null ? null : name.strip(), patch.has("parent_id"), parent);
        return view(id);
    }

    @DeleteMapping("/media/folders/{id}")
    @RequiresRole(Role.EDITOR)
    @Operation(summary = "Delete an empty folder (409 folder_not_empty), or move its items and sub-folders to move_to first")
    ResponseEntity<Void> delete(@PathVariable long id,
            @Parameter(description = "a folder id, or root") @RequestParam(name = "move_to", required = false) @Nullable String moveTo) {
        var folder = folders.find(id).orElseThrow(() -> ApiException.notFound("folder"));
        Long target = null;
        if (moveTo != null && !moveTo.equals("root")) {
            try {
                target = Long.parseLong(moveTo);
            } catch (NumberFormatException e) {
                throw ApiException.invalid("move_to", "must be a folder id or root");
            }
        }
        service.delete(folder, moveTo != null, target);
        return ResponseEntity.noContent().build();
    }

    private FolderView view(long id) {
        return find(service.tree(), id).map(FolderView::of).orElseThrow(() -> ApiException.notFound("folder"));
    }

    private static Optional<FolderService.Node> find(List<FolderService.Node> nodes, long id) {
        for (var node : nodes) {
            var found = node.folder().id() == id ? Optional.of(node) : find(node.children(), id);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
