package com.revolutiontradingpros.api.users.avatar;

import java.io.IOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.users.activity.ActivityLog;
import com.revolutiontradingpros.api.users.profiles.ProfileRepository;

@RestController
@Tag(name = "Me")
class AvatarController {

    private final Avatars avatars;
    private final ProfileRepository profiles;
    private final ActivityLog activity;

    AvatarController(Avatars avatars, ProfileRepository profiles, ActivityLog activity) {
        this.avatars = avatars;
        this.profiles = profiles;
        this.activity = activity;
    }

    record Avatar(Map<String, String> avatar) {
    }

    @PutMapping(path = "/me/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload your picture (JPEG, PNG or WebP, at most 5 MB); 64 and 256 pixel square thumbnails are kept")
    Avatar upload(CurrentUser me, @RequestPart("file") MultipartFile file, HttpServletRequest request) throws IOException {
        if (file.getSize() > Avatars.MAX_BYTES) {
            throw ApiException.invalid("file", "must be an image of at most 5 MB");
        }
        String key = avatars.store(me.id(), file.getBytes());
        avatars.delete(profiles.setAvatar(me.id(), key));
        activity.record(me.id(), me.id(), "avatar_changed", Map.of(), request.getRemoteAddr());
        return new Avatar(avatars.urls(key));
    }

    @DeleteMapping("/me/avatar")
    @Operation(summary = "Remove your picture")
    ResponseEntity<Void> remove(CurrentUser me, HttpServletRequest request) {
        String previous = profiles.setAvatar(me.id(), null);
        if (previous == null) {
            throw ApiException.notFound("avatar");
        }
        avatars.delete(previous);
        activity.record(me.id(), me.id(), "avatar_removed", Map.of(), request.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}
