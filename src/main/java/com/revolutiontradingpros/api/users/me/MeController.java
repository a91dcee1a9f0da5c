package com.revolutiontradingpros.api.users.me;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.revolutiontradingpros.api.auth.AccountView;
import com.revolutiontradingpros.api.auth.Accounts;
import com.revolutiontradingpros.api.platform.paging.Page;
import com.revolutiontradingpros.api.platform.paging.PageParams;
import com.revolutiontradingpros.api.platform.paging.PageQuery;
import com.revolutiontradingpros.api.platform.security.CurrentUser;
import com.revolutiontradingpros.api.platform.security.RequiresAbility;
import com.revolutiontradingpros.api.platform.web.ApiException;
import com.revolutiontradingpros.api.users.activity.ActivityLog;
import com.revolutiontradingpros.api.users.avatar.Avatars;
import com.revolutiontradingpros.api.users.profiles.Profile;
import com.revolutiontradingpros.api.users.profiles.ProfilePatch;
import com.revolutiontradingpros.api.users.profiles.ProfileRepository;

@RestController
@Tag(name = "Me")
class MeController {

    private final Accounts accounts;
    private final ProfileRepository profiles;
    private final ActivityLog activity;
    private final Avatars avatars;

    MeController(Accounts accounts, ProfileRepository profiles, ActivityLog activity, Avatars avatars) {
        this.avatars = avatars;
        this.accounts = accounts;
        this.profiles = profiles;
        this.activity = activity;
    }

    record Me(long id, String email, String name, @Nullable String displayName, @Nullable String bio, @Nullable String timezone,
            @Nullable String locale, @Nullable String phone, @Nullable String country,
            @Schema(allowableValues = {"beginner", "intermediate", "advanced", "professional"}) @Nullable String tradingExperience,
            @Nullable String tradingviewUsername, @Nullable String thinkorswimUsername, boolean marketingOptIn,
            @Schema(description = "shown on your author page") @Nullable String websiteUrl,
            @Schema(description = "network (x, youtube, linkedin, instagram, facebook, tiktok, tradingview, stocktwits, discord) to "
                    + "its https link, shown on your author page") Map<String, String> socialLinks,
            @Schema(description = "signed links to the 64 and 256 pixel thumbnails, valid an hour") @Nullable Map<String, String> avatar,
            List<String> roles, boolean emailVerified, boolean mfaEnabled, Instant createdAt) {

        static Me of(AccountView account, Profile profile, Avatars avatars) {
            return new Me(account.id(), account.email(), account.name(), profile.displayName(), profile.bio(), profile.timezone(),
                    profile.locale(), profile.phone(), profile.country(), profile.tradingExperience(), profile.tradingviewUsername(),
                    profile.thinkorswimUsername(), profile.marketingOptIn(), profile.websiteUrl(), profile.socialLinks(),
                    avatars.urls(profile.avatarKey()), account.roles(),
                    account.emailVerified(), account.mfaEnabled(), account.createdAt());
        }
    }

    /** For the API docs only: PATCH /me takes any subset of these fields (JSON merge patch). */
    record MeUpdate(String name, @Nullable String displayName, @Nullable String bio,
            @Schema(example = "America/New_York") @Nullable String timezone, @Schema(example = "en-US") @Nullable String locale,
            @Schema(example = "+12125550123") @Nullable String phone, @Schema(example = "US") @Nullable String country,
            @Schema(allowableValues = {"beginner", "intermediate", "advanced", "professional"}) @Nullable String tradingExperience,
            @Nullable String tradingviewUsername, @Nullable String thinkorswimUsername, boolean marketingOptIn,
            @Schema(example = "https://www.example.com") @Nullable String websiteUrl,
            @Schema(description = "merged into your links: a network set to null is removed",
                    example = "{\"youtube\": \"https://www.youtube.com/@jane\"}") @Nullable Map<String, @Nullable String> socialLinks) {
    }

    @GetMapping("/me")
    @RequiresAbility("profile:read")
    @Operation(summary = "Your profile, roles, verification and MFA status")
    Me me(CurrentUser me) {
        var account = accounts.find(me.id()).orElseThrow(() -> ApiException.unauthorized("invalid_token", "no such user"));
        return Me.of(account, profiles.find(me.id()), avatars);
    }

    @PatchMapping("/me")
    @Transactional
    @Operation(summary = "Change profile fields (not email, password or roles); leave a field out to keep it, send null to clear it")
    Me update(CurrentUser me, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = MeUpdate.class))) @RequestBody Map<String, Object> patch, HttpServletRequest request) {
        var account = accounts.find(me.id()).orElseThrow(() -> ApiException.unauthorized("invalid_token", "no such user"));
        var before = profiles.find(me.id());
        var result = ProfilePatch.apply(patch, before, account.name());
        profiles.save(me.id(), result.profile());
        if (!result.name().equals(account.name())) {
            accounts.rename(me.id(), result.name());
        }
        var changes = ProfilePatch.changes(before, account.name(), result);
        if (!changes.isEmpty()) {
            activity.record(me.id(), me.id(), "profile_updated", Map.of("changes", changes), request.getRemoteAddr());
        }
        return Me.of(accounts.find(me.id()).orElseThrow(), result.profile(), avatars);
    }

    @GetMapping("/me/activity")
    @Operation(summary = "Your activity log, newest first")
    Page<ActivityLog.Entry> activity(CurrentUser me,
            @PageParams(sort = {"created_at"}, defaultSort = "-created_at", filters = {"action"}) PageQuery query) {
        return query.page(activity.list(me.id(), query), activity.count(me.id(), query));
    }
}
