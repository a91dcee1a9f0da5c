package com.revolutiontradingpros.api.users.notes;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresRole;
import com.revolutiontradingpros.api.platform.security.Role;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.users.activity.ActivityLog;

/** Staff notes on a user. A note is edited only by the staff member who wrote it. */
@RestController
@RequiresRole(Role.ADMIN)
@Tag(name = "Users")
class UserNotesController {

    private final UserNotes notes;
    private final Accounts accounts;
    private final ActivityLog activity;

    UserNotesController(UserNotes notes, Accounts accounts, ActivityLog activity) {
        this.notes = notes;
        this.accounts = accounts;
        this.activity = activity;
    }

    record NewNote(@NotBlank @Size(max = 5000) String body, @Nullable Boolean pinned) {
    }

    record NoteChange(@Nullable @Size(min = 1, max = 5000) String body, @Nullable Boolean pinned) {
    }

    @GetMapping("/users/{id}/notes")
    @Operation(summary = "Staff notes on a user, pinned first")
    List<UserNotes.Note> list(@PathVariable long id) {
        requireUser(id);
        return notes.of(id);
    }

    @PostMapping("/users/{id}/notes")
    @Transactional
    @Operation(summary = "Add a note")
    ResponseEntity<UserNotes.Note> add(CurrentUser staff, @PathVariable long id, @Valid @RequestBody NewNote body, HttpServletRequest request) {
        requireUser(id);
        var note = notes.add(id, staff.id(), body.body().strip(), Boolean.TRUE.equals(body.pinned()));
        activity.record(id, staff.id(), "note_added", Map.of("note_id", note.id()), request.getRemoteAddr());
        return ResponseEntity.created(URI.create("/users/" + id + "/notes/" + note.id())).body(note);
    }

    @PatchMapping("/users/{id}/notes/{noteId}")
    @Transactional
    @Operation(summary = "Edit your own note, or pin and unpin it")
    UserNotes.Note edit(CurrentUser staff, @PathVariable long id, @PathVariable long noteId, @Valid @RequestBody NoteChange body,
            HttpServletRequest request) {
        var note = notes.find(id, noteId).orElseThrow(() -> ApiException.notFound("note"));
        if (body.body() != null && note.authorId() != staff.id()) {
            throw ApiException.forbidden("forbidden", "only its author can edit a note");
        }
        var updated = notes.update(noteId, body.body() == null ? note.body() : body.body().strip(),
                body.pinned() == null ? note.pinned() : body.pinned());
        activity.record(id, staff.id(), "note_updated", Map.of("note_id", noteId), request.getRemoteAddr());
        return updated;
    }

    @DeleteMapping("/users/{id}/notes/{noteId}")
    @Transactional
    @Operation(summary = "Delete a note")
    ResponseEntity<Void> delete(CurrentUser staff, @PathVariable long id, @PathVariable long noteId, HttpServletRequest request) {
        if (!notes.delete(id, noteId)) {
            throw ApiException.notFound("note");
        }
        activity.record(id, staff.id(), "note_deleted", Map.of("note_id", noteId), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    private void requireUser(long id) {
        accounts.find(id).orElseThrow(() -> ApiException.notFound("user"));
    }
}
